/**
 * Two bounds of one lab joined by "and": a range when both can hold, either bound when they cannot
 * (an exclusion's way out of the range). Every line is a real corpus criterion.
 */
import { lab, readRule } from '../support/criteria';


describe('two bounds of one lab', () => {
  it('reads a white-cell range', () => {
    expect(readRule('White blood cell count \\>2,500/µL and \\<15,000/µL', 'inclusion').condition).toEqual({
      all: [lab('wbc', '10^9/L', 'greaterThan', 2.5), lab('wbc', '10^9/L', 'lessThan', 15)],
    });
  });

  it('reads a platelet range written with European thousands separators', () => {
    expect(readRule('Platelets ≥ 100.000 /µl and \\<700.000 /µl', 'inclusion').condition).toEqual({
      all: [lab('platelets', '10^9/L', 'greaterThanInclusive', 100), lab('platelets', '10^9/L', 'lessThan', 700)],
    });
  });

  it('reads bounds that cannot both hold as either one', () => {
    expect(readRule('BMI \\<20 kg/m2 and \\>35 kg/m2', 'exclusion').condition).toEqual({
      any: [lab('bmi', 'kg/m2', 'lessThan', 20), lab('bmi', 'kg/m2', 'greaterThan', 35)],
    });
  });

  it('keeps two labs joined by "and" as two requirements', () => {
    const r = readRule('Body mass index (BMI): \\> 20 kg/m2 and \\< 35 kg/m2.', 'inclusion');
    expect(r.condition).toEqual({
      all: [lab('bmi', 'kg/m2', 'greaterThan', 20), lab('bmi', 'kg/m2', 'lessThan', 35)],
    });
    expect(r.unread).toBe('');
  });
});

describe('signs and units written unusually', () => {
  it('reads a sign alone in brackets and "× 109 // L"', () => {
    const r = readRule(
      'Peripheral blood: absolute neutrophil count (≥) 1.5 × 109 / L, platelet count (≥) 100 × 109 // L, hemoglobin (Hb) ≥9g / dL (no blood transfusion within 14 days before detection);',
      'inclusion',
    );
    expect(r.condition).toEqual({
      all: [
        lab('anc', '10^9/L', 'greaterThanInclusive', 1.5),
        lab('platelets', '10^9/L', 'greaterThanInclusive', 100),
        lab('hemoglobin', 'g/dL', 'greaterThanInclusive', 9),
        // The transfusion the bracket rules out (history-attest.ts).
        { fact: 'attestation', operator: 'equal', value: false, params: { topic: 'recent_transfusion' } },
      ],
    });
  });

  it('reads "1.5 x within institutional upper limit of normal" as a multiple of the ULN', () => {
    const r = readRule(
      'Creatinine =\\< 1.5 x within institutional upper limit of normal OR creatinine clearance glomerular filtration rate (GFR) \\>= 50 mL/min calculated using the Cockcroft-Gault formula',
      'inclusion',
    );
    expect(r.condition && 'any' in r.condition ? r.condition.any[0] : null).toEqual({
      fact: 'labUln',
      operator: 'lessThanInclusive',
      value: 1.5,
      params: { name: 'creatinine' },
    });
  });
});
