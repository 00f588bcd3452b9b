/**
 * Names that stand for more than one measure, told apart by the unit written after them: FEV1 as a
 * percentage of predicted (LOINC 20152-5) or in litres (20150-9), M-protein in serum (33358-3) or
 * urine (42482-0), proteinuria as a 24-hour amount (2889-4) or a dipstick grade (20454-5); DLCO %
 * predicted (98130-8); and the "or" between items of one list of limits. Every line is a real corpus
 * criterion.
 */
import { lexicons } from '../../src/criteria/lexicon';
import { lab, readRule, unparsed, uln } from '../support/criteria';

describe('the labs added with their LOINC codes', () => {
  it('carries each new lab with its code and rule unit', () => {
    const byId = lexicons().labById;
    expect(byId.get('dlco_predicted')).toMatchObject({ unit: '%', loinc: ['98130-8'] });
    expect(byId.get('fev1_volume')).toMatchObject({ unit: 'L', loinc: ['20150-9'] });
    expect(byId.get('urine_m_protein')).toMatchObject({ unit: 'mg/24h', loinc: ['42482-0'] });
    expect(byId.get('urine_protein_dipstick')).toMatchObject({ unit: '{+}', loinc: ['20454-5', '5804-0'] });
  });
});

describe('DLCO % predicted', () => {
  it('reads a corrected DLCO limit', () => {
    const r = readRule('Corrected DLCO ≥ 50% (Pulmonary Function Test)', 'inclusion');
    expect(r.condition).toEqual(lab('dlco_predicted', '%', 'greaterThanInclusive', 50));
    expect(r.unread).toBe('Pulmonary Function');
  });

  it('reads one limit shared by FEV1, FVC and DLCO', () => {
    expect(
      readRule('Patients with documented FEV1, FVC and DLCO ≥ 50% tested by a pulmonary function test.', 'inclusion')
        .condition,
    ).toEqual({
      all: [
        lab('fev1_predicted', '%', 'greaterThanInclusive', 50),
        lab('fvc_predicted', '%', 'greaterThanInclusive', 50),
        lab('dlco_predicted', '%', 'greaterThanInclusive', 50),
      ],
    });
  });
});

describe('FEV1: % predicted or litres, as the unit says', () => {
  it('reads litres and a percentage in one criterion as the two measures', () => {
    const r = readRule(
      'Pulmonary: Forced Expiratory Volume at 1 second (FEV1) \\> 2.0 liters or \\> 75% of predicted for height and age. Pulmonary function tests (PFTs) are required for patients over 50 years old or with significant pulmonary or smoking history',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [lab('fev1_volume', 'L', 'greaterThan', 2), lab('fev1_predicted', '%', 'greaterThan', 75)],
    });
  });

  it('reads an exclusion in litres next to a DLCO limit', () => {
    expect(
      readRule(
        'Forced expiratory volume in one second (FEV1) less than 2L, diffusing capacity of the lung for carbon monoxide (DLCO) (calibrated) less than 40%;',
        'exclusion',
      ).condition,
    ).toEqual({
      any: [lab('fev1_volume', 'L', 'lessThan', 2), lab('dlco_predicted', '%', 'lessThan', 40)],
    });
  });

  it('keeps a percentage as % predicted', () => {
    expect(
      readRule(
        'For select patients with a clinical history prompting pulmonary evaluation: known FEV1 less than or equal to 50% predicted.',
        'exclusion',
      ).condition,
    ).toEqual(lab('fev1_predicted', '%', 'lessThanInclusive', 50));
  });
});

describe('M-protein: serum or urine, as the unit says', () => {
  it('reads a mass per 24 hours as the urine M-protein', () => {
    const r = readRule(
      'M-protein ≥ 200 milligrams (mg)/24-hour urine collection by urine protein electrophoresis (uPEP) or,.',
      'inclusion',
    );
    expect(r.condition).toEqual(lab('urine_m_protein', 'mg/24h', 'greaterThanInclusive', 200));
    expect(r.unread).toBe('urine protein electrophoresis (uPEP');
  });

  it('keeps g/dL as the serum M-protein', () => {
    expect(
      readRule('M-protein ≥ 0.5 grams per deciliter (g/dL) by serum protein electrophoresis (sPEP) or.', 'inclusion')
        .condition,
    ).toEqual({
      any: [
        lab('serum_m_protein', 'g/dL', 'greaterThanInclusive', 0.5),
        unparsed('the alternative in the neighbouring criterion'),
      ],
    });
  });
});

describe('proteinuria: a dipstick grade or a 24-hour amount', () => {
  it('reads "≤ 2+" as the dipstick and "< 1000 mg/24h" as the 24-hour protein', () => {
    expect(readRule('Urine protein ≤2+ or \\< 1000mg/24h;', 'inclusion').condition).toEqual({
      any: [
        lab('urine_protein_dipstick', '{+}', 'lessThanInclusive', 2),
        lab('urine_protein_24h', 'g/24h', 'lessThan', 1),
      ],
    });
  });

  it('reads both limits an exclusion joins by "and"', () => {
    expect(
      readRule('Urine routine indicates proteinuria≥2+,and 24-hour urine protein\\>1.0g;', 'exclusion').condition,
    ).toEqual({
      all: [
        lab('urine_protein_dipstick', '{+}', 'greaterThanInclusive', 2),
        lab('urine_protein_24h', 'g/24h', 'greaterThan', 1),
      ],
    });
  });

  it('reads the dipstick alternative named "urinary protein (UPRO)" once, and the 24-hour one after it', () => {
    const r = readRule(
      'Renal Function: Serum Creatinine (Scr) ≤ 1.5 × ULN, or Creatinine Clearance Rate (Ccr) ≥ 50 ml/min (calculated using the Cockcroft/Gault formula), and urinalysis showing urinary protein (UPRO) \\< 2+ or 24-hour urinary protein \\< 1g.(Cockcroft-Gault Formula) (4) Coagulation Function: International Normalized Ratio (INR) and Prothrombin Time (PT) ≤ 1.5 × ULN.',
      'inclusion',
    );
    const all = r.condition && 'all' in r.condition ? r.condition.all : [];
    expect(all).toContainEqual({
      any: [lab('urine_protein_dipstick', '{+}', 'lessThan', 2), lab('urine_protein_24h', 'g/24h', 'lessThan', 1)],
    });
  });

  it('never reads a bare number after a shared name as a dipstick grade', () => {
    const r = readRule('Urine protein \\< 1', 'inclusion');
    expect(JSON.stringify(r.condition ?? null)).not.toContain('urine_protein_dipstick');
  });
});

describe('"or" between items of one list of limits binds only those items', () => {
  it('keeps the rest of the panel required when creatinine or its clearance will do', () => {
    expect(
      readRule(
        'Adequate bone marrow, liver, and kidney function defined as neutrophil count ≥ 1500 platelet count ≥ 100,000, total bilirubin less than 1.5 x upper limit of normal (ULN), AST and ALT ≤ 2.5 x ULN, and creatinine less than 1.5 upper limit of normal or Creatinine clearance greater than 60 mL/min/1.73 m2',
        'inclusion',
      ).condition,
    ).toEqual({
      all: [
        lab('anc', '10^9/L', 'greaterThanInclusive', 1.5),
        lab('platelets', '10^9/L', 'greaterThanInclusive', 100),
        uln('bilirubin', 'lessThan', 1.5),
        uln('ast', 'lessThanInclusive', 2.5),
        uln('alt', 'lessThanInclusive', 2.5),
        { any: [uln('creatinine', 'lessThan', 1.5), lab('crcl', 'mL/min', 'greaterThan', 60)] },
      ],
    });
  });

  it('leaves an alternative tied by "with" to the limit after it as the assembler reads it', () => {
    expect(
      readRule(
        "Total serum bilirubin ≤ ULN; or total bilirubin ≤ 3.0 × ULN with direct bilirubin within normal range in patients with documented Gilbert's Syndrome.",
        'inclusion',
      ).condition,
    ).toEqual({
      any: [
        uln('bilirubin', 'lessThanInclusive', 1),
        {
          all: [
            uln('bilirubin', 'lessThanInclusive', 3),
            {
              any: [
                uln('direct_bilirubin', 'lessThanInclusive', 1),
                { ...unparsed("in patients with documented Gilbert's Syndrome"), value: false },
              ],
            },
          ],
        },
      ],
    });
  });
});

describe('a range in brackets or written "between … and …"', () => {
  it('reads both bounds', () => {
    expect(readRule('Body weight within \\[45 - 150 kg\\] (inclusive)', 'inclusion').condition).toEqual({
      all: [lab('body_weight', 'kg', 'greaterThanInclusive', 45), lab('body_weight', 'kg', 'lessThanInclusive', 150)],
    });
  });

  it('reads no range out of a definition in brackets', () => {
    expect(readRule('History of prediabetes (HbA1c 5.7-6.4%)', 'inclusion').condition).toBeNull();
  });
});
