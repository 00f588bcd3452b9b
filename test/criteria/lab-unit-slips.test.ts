/**
 * Lab limits written in a unit by mistake (rules/labs.json unitSlips). Verbatim corpus lines.
 *
 * "Hgb ≥ 10 mg/dL" taken literally is 0.01 g/dL: a limit no patient could fail. Such a limit had been
 * left unread. It is read in the unit meant, but only when the unit written gives no plausible limit
 * and the unit meant does; a slip the table does not list, or one that is implausible either way,
 * stays unread.
 */
import { lab, readCondition, readRule } from '../support/criteria';

const included = (text: string) => readCondition(text, 'inclusion');

describe('a mass unit off by a thousand', () => {
  it('reads haemoglobin in milligrams per decilitre as grams (NCT01219907)', () => {
    expect(included('Hgb \\>= 10 mg/dl')).toEqual(lab('hemoglobin', 'g/dL', 'greaterThanInclusive', 10));
    expect(readCondition('Hgb \\< 10 mg/dl', 'exclusion')).toEqual(lab('hemoglobin', 'g/dL', 'lessThan', 10));
  });

  it('reads albumin in milligrams per decilitre as grams (NCT05968690)', () => {
    expect(included('Albumin \\>2.5 mg/dL')).toEqual(lab('albumin', 'g/dL', 'greaterThan', 2.5));
  });

  it('reads bilirubin in grams per decilitre, or milligrams per millilitre, as milligrams per decilitre', () => {
    expect(readRule("Total bilirubin \\> 1.9 g/dL, unless due to Gilbert's Syndrome.", 'exclusion').condition).toEqual({
      all: [
        lab('bilirubin', 'mg/dL', 'greaterThan', 1.9),
        { fact: 'condition', operator: 'equal', value: false, params: { names: ['gilbert_syndrome'] } },
      ],
    });
    expect(included('Total bilirubin ≤ 2.0 mg/ml')).toEqual(lab('bilirubin', 'mg/dL', 'lessThanInclusive', 2));
  });

  it('leaves a limit unread when the unit meant is implausible too', () => {
    // 90 g/dL is no haemoglobin either.
    expect(included('Hemoglobin \\>= 90 mg/dL')).toBeNull();
  });
});

describe('a count per the wrong volume', () => {
  it('reads a count per litre as per microlitre, the micro sign lost (NCT05588453, NCT00674206)', () => {
    expect(included('Platelets \\> 100,000/L')).toEqual(lab('platelets', '10^9/L', 'greaterThan', 100));
    expect(included('Absolute neutrophil count \\> 1,500/L')).toEqual(lab('anc', '10^9/L', 'greaterThan', 1.5));
  });

  it('reads a count per square millimetre as per cubic millimetre (NCT06194929, NCT05859074)', () => {
    expect(included('Platelets ≥100,000/mm2;')).toEqual(lab('platelets', '10^9/L', 'greaterThanInclusive', 100));
    expect(included('Platelets ≥ 75,000/mm\\^2')).toEqual(lab('platelets', '10^9/L', 'greaterThanInclusive', 75));
  });

  it('reads a count that dropped, or doubled, its thousands (NCT06771544, NCT05264974)', () => {
    expect(included('Platelets ≥100/mm3')).toEqual(lab('platelets', '10^9/L', 'greaterThanInclusive', 100));
    expect(included('ANC ≥1.5/mm3')).toEqual(lab('anc', '10^9/L', 'greaterThanInclusive', 1.5));
    expect(included('Absolute Neutrophil Count (ANC) ≥ 1000 thou/cumm')).toEqual(lab('anc', '10^9/L', 'greaterThanInclusive', 1));
  });

  it('keeps a plausible count in the unit written', () => {
    // 500/µL is a real neutrophil limit: no slip is looked for.
    expect(included('ANC ≥ 500/mm3')).toEqual(lab('anc', '10^9/L', 'greaterThanInclusive', 0.5));
  });
});

describe('a count per microlitre written with the power of ten of a count per litre, grams a day, millimetre spelled out', () => {
  it('reads "1,500 x 10^9/L" neutrophils as 1.5 x 10^9/L (NCT07336979)', () => {
    expect(readRule('Neutrophil count ≥ 1,500 × 10⁹/L;', 'inclusion')).toEqual({
      condition: lab('anc', '10^9/L', 'greaterThanInclusive', 1.5),
      unread: '',
    });
  });

  it('keeps a plausible limit in 10^9/L as written', () => {
    expect(included('Platelets ≥ 100 x 10^9/L')).toEqual(lab('platelets', '10^9/L', 'greaterThanInclusive', 100));
    expect(included('ANC ≥ 1.5 x 10^9/L')).toEqual(lab('anc', '10^9/L', 'greaterThanInclusive', 1.5));
  });

  it('reads haemoglobin in "g/d" as grams per decilitre (NCT05155033), and grams a day of urine protein as such', () => {
    expect(readRule('Hemoglobin \\> 8.0 g/d (Subject may be transfused to reach this cut-off)', 'inclusion')).toEqual({
      condition: lab('hemoglobin', 'g/dL', 'greaterThan', 8),
      unread: '',
    });
    // Variant: grams a day is a unit of a 24-hour urine protein, not a slip there.
    expect(included('Proteinuria < 1 g/d')).toEqual(lab('urine_protein_24h', 'g/24h', 'lessThan', 1));
  });

  it('reads "cells/millimeter (mm^3)" as per cubic millimetre (NCT02227251)', () => {
    const r = readRule(
      'Absolute neutrophil count ≥1000 cells/millimeter (mm\\^3) (use of granulocyte growth factors prior to and during the study is acceptable).',
      'inclusion',
    );
    expect(JSON.stringify(r.condition)).toContain(JSON.stringify(lab('anc', '10^9/L', 'greaterThanInclusive', 1)));
  });
});
