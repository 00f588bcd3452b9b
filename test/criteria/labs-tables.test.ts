/**
 * Rows of a limit table by age and sex under their lead-in (the Children's Oncology Group serum
 * creatinine table): each row binds only patients of its band, read as "outside the band, or within
 * the limit". Real corpus rows, with the lead-ins they are nested under.
 */
import type { Condition } from '../../src/criteria/facts';
import { readRule, unparsed } from '../support/criteria';

const creatinine = (value: number): Condition =>
  ({ fact: 'lab', operator: 'lessThanInclusive', value, params: { name: 'creatinine', unit: 'mg/dL' } }) as Condition;
const age = (operator: string, value: number): Condition => ({ fact: 'age', operator, value }) as Condition;
const notSex = (sex: string): Condition => ({ fact: 'sex', operator: 'notEqual', value: sex }) as Condition;

const MG_LEAD_IN = ['A serum creatinine based on age/gender as follows (within 7 days prior to enrollment): (mg/dL)'];
const OR_LEAD_IN = [
  'Creatinine clearance or radioisotope glomerular filtration rate (GFR) >= 70 mL/min/1.73 m^2 or a creatinine based on age/gender as follows (within 7 days prior to enrollment):',
];

describe('age- and sex-banded creatinine tables', () => {
  it('reads a row with one limit for both sexes as "outside the band, or creatinine within the limit"', () => {
    expect(readRule('1 to \\< 2 years male: 0.6 female: 0.6', 'inclusion', MG_LEAD_IN)).toEqual({
      condition: { any: [age('lessThan', 1), age('greaterThanInclusive', 2), creatinine(0.6)] },
      unread: '',
    });
  });

  it('binds each sex to its own limit', () => {
    expect(readRule('13 to \\< 16 years: male: 1.5 female: 1.4', 'inclusion', MG_LEAD_IN).condition).toEqual({
      any: [
        age('lessThan', 13),
        age('greaterThanInclusive', 16),
        { all: [{ any: [notSex('male'), creatinine(1.5)] }, { any: [notSex('female'), creatinine(1.4)] }] },
      ],
    });
    expect(readRule('\\>= 16 years male: 1.7 female: 1.4', 'inclusion', MG_LEAD_IN).condition).toEqual({
      any: [
        age('lessThan', 16),
        { all: [{ any: [notSex('male'), creatinine(1.7)] }, { any: [notSex('female'), creatinine(1.4)] }] },
      ],
    });
  });

  it('leaves the first year undecided when a band edge is in months (age is in whole years)', () => {
    expect(readRule('6 months to \\< 1 year male: 0.5 female: 0.5', 'inclusion', MG_LEAD_IN).condition).toEqual({
      any: [age('greaterThanInclusive', 1), unparsed('age outside 6 months to < 1 year'), creatinine(0.5)],
    });
  });

  it('reads rows written "Age 13 to < 16 years; 1.5 mg/dL (male); 1.4 mg/dL (female)" and keeps the lead-in’s other way in', () => {
    expect(
      readRule('Age 13 to \\< 16 years; 1.5 mg/dL (male); 1.4 mg/dL (female)', 'inclusion', OR_LEAD_IN).condition,
    ).toEqual({
      any: [
        age('lessThan', 13),
        age('greaterThanInclusive', 16),
        { all: [{ any: [notSex('male'), creatinine(1.5)] }, { any: [notSex('female'), creatinine(1.4)] }] },
        unparsed('Creatinine clearance or radioisotope glomerular filtration rate (GFR) >= 70 mL/min/1.73 m^2'),
      ],
    });
  });

  it('reads no table row without a banded lead-in, or under a lead-in that is not a lab table', () => {
    expect(
      readRule('13 to \\< 16 years: male: 1.5 female: 1.4', 'inclusion', ['Patients must have adequate organ function'])
        .condition,
    ).toBeNull();
    expect(
      readRule('\\>= 16 years male: 1.7 female: 1.4', 'inclusion', ['Age 18 years or older:']).condition,
    ).toBeNull();
    expect(readRule('13 to \\< 16 years: male: 1.5 female: 1.4', 'inclusion').condition).toBeNull();
  });

  it('leaves the table header row unread', () => {
    expect(readRule('Age; maximum serum creatinine', 'inclusion', OR_LEAD_IN).condition).toBeNull();
  });
});
