/**
 * Laboratory values, organ function, LVEF and QTc: the lab lexicon (rules/labs.json) and the lab
 * extractor, pinned on real criteria lines from the corpus (fixtures/criteria/labs.lines.json).
 */
import { lexicons, loadLexicons } from '../../src/criteria/lexicon';
import type { Condition } from '../../src/criteria/facts';
import { readCriterion } from '../../src/criteria/parse';
import type { CriterionKind } from '../../src/criteria/segment';
import { normalise } from '../../src/criteria/text';
import { mentionIds, pinGoldenLines } from '../support/criteria';

function conditionOf(text: string, kind: CriterionKind = 'inclusion', context: string[] = []): Condition | null {
  return readCriterion(normalise(text).text, kind, context).condition;
}

const lab = (name: string, unit: string, operator: string, value: number): Condition =>
  ({ fact: 'lab', operator, value, params: { name, unit } }) as Condition;
const uln = (name: string, operator: string, value: number): Condition =>
  ({ fact: 'labUln', operator, value, params: { name } }) as Condition;
const unread = (text: string): Condition => ({ fact: 'unparsed', operator: 'equal', value: true, params: { text } });

describe('lab lexicon', () => {
  const lex = lexicons();
  const ids = (text: string): string[] => mentionIds(text, 'lab');

  it('loads rules/labs.json through the zod schema with LOINC codes for every lab', () => {
    const fresh = loadLexicons();
    expect(fresh.labs.labs.length).toBeGreaterThanOrEqual(30);
    for (const l of fresh.labs.labs) expect(l.loinc.every((c) => /^\d{1,6}-\d$/.test(c))).toBe(true);
    expect(fresh.labById.get('anc')?.loinc).toEqual(expect.arrayContaining(['751-8', '26499-4']));
    expect(fresh.labById.get('creatinine')?.loinc).toContain('2160-0');
    expect(fresh.labById.get('inr')?.loinc).toContain('6301-6');
    expect(fresh.labById.get('lvef')?.loinc).toContain('10230-1');
  });

  it('names the rule unit and converts other units with the SI factors', () => {
    const factor = (id: string, unit: string): number | undefined =>
      lex.labById.get(id)?.conversions.find((c) => c.unit === unit)?.factor;
    expect(lex.labById.get('anc')?.unit).toBe('10^9/L');
    expect(factor('anc', '/uL')).toBe(0.001);
    expect(factor('platelets', '10^3/uL')).toBe(1);
    expect(factor('hemoglobin', 'g/L')).toBe(0.1);
    expect(factor('hemoglobin', 'mmol/L')).toBeCloseTo(1.611, 3);
    expect(factor('creatinine', 'umol/L')).toBeCloseTo(1 / 88.4, 5);
    expect(factor('bilirubin', 'umol/L')).toBeCloseTo(1 / 17.1, 4);
    expect(factor('albumin', 'g/L')).toBe(0.1);
  });

  it('maps synonyms and abbreviations to one lab: SGOT is AST, SGPT is ALT, Hgb and Hb are hemoglobin', () => {
    expect(ids('SGOT')).toEqual(['ast']);
    expect(ids('SGPT')).toEqual(['alt']);
    expect(ids('Hgb')).toEqual(['hemoglobin']);
    expect(ids('Hb')).toEqual(['hemoglobin']);
    expect(ids('absolute neutrophil count')).toEqual(['anc']);
    expect(ids('calculated creatinine clearance')).toEqual(['crcl']);
    expect(ids('serum creatinine')).toEqual(['creatinine']);
    expect(ids('left ventricular ejection fraction')).toEqual(['lvef']);
  });

  it('reads "transaminases" as both AST and ALT', () => {
    expect(ids('transaminases').sort()).toEqual(['alt', 'ast']);
  });

  it('matches short capitalised abbreviations only as written: eGFR is a lab, EGFR (the gene) is not; PT, CR are not pt, CR', () => {
    expect(ids('eGFR')).toEqual(['egfr']);
    expect(ids('EGFR')).toEqual([]);
    expect(ids('PT')).toEqual(['pt']);
    expect(ids('pt')).toEqual([]);
    expect(ids('Cr')).toEqual(['creatinine']);
    expect(ids('CR')).toEqual([]);
  });

  it('prefers the longest name: creatinine clearance over creatinine, hemoglobin A1c over hemoglobin', () => {
    expect(ids('creatinine clearance')).toEqual(['crcl']);
    expect(ids('hemoglobin A1c')).toEqual(['hba1c']);
  });
});

describe('lab values on real criteria lines', () => {
  it('converts /µL counts into 10^9/L: "Absolute neutrophil count >= 1,500/uL"', () => {
    expect(conditionOf('Absolute neutrophil count ≥ 1,500/µL')).toEqual(
      lab('anc', '10^9/L', 'greaterThanInclusive', 1.5),
    );
  });

  it('reads the superscript-lost "x 109/L" as 10^9/L', () => {
    expect(conditionOf('Absolute neutrophil count (ANC) ≥ 1.0 x 109/L;')).toEqual(
      lab('anc', '10^9/L', 'greaterThanInclusive', 1),
    );
  });

  it('reads platelets per mm^3 in 10^9/L', () => {
    expect(conditionOf('Platelet count \\>= 100,000/mm\\^3')).toEqual(
      lab('platelets', '10^9/L', 'greaterThanInclusive', 100),
    );
  });

  it('converts hemoglobin in g/L into g/dL', () => {
    expect(conditionOf('Haemoglobin ≥ 90 g/L')).toEqual(lab('hemoglobin', 'g/dL', 'greaterThanInclusive', 9));
  });

  it('keeps one limit when the same limit is restated in other units', () => {
    expect(conditionOf('Hemoglobin (Hb) ≥9.0 g/dL or ≥5.6 mmol/L')).toEqual(
      lab('hemoglobin', 'g/dL', 'greaterThanInclusive', 9),
    );
    expect(conditionOf('Absolute neutrophil count (ANC) \\>= 1500/mm\\^3 (1.5 x 10\\^9/L)')).toEqual(
      lab('anc', '10^9/L', 'greaterThanInclusive', 1.5),
    );
  });

  it('joins creatinine OR creatinine clearance with any', () => {
    expect(conditionOf('Serum creatinine ≤ 1.5 × ULN OR creatinine clearance ≥ 60 mL/min')).toEqual({
      any: [uln('creatinine', 'lessThanInclusive', 1.5), lab('crcl', 'mL/min', 'greaterThanInclusive', 60)],
    });
  });

  it('reads "within normal institutional limits" as at most the ULN for an upper-limited lab', () => {
    expect(conditionOf('total bilirubin within normal institutional limits')).toEqual(
      uln('bilirubin', 'lessThanInclusive', 1),
    );
  });

  it('reads "within normal limits" for a lab limited at its lower end (LVEF) as at least its LLN', () => {
    const r = readCriterion(
      normalise('LVEF within institutional range of normal as measured by MUGA or ECHO.').text,
      'inclusion',
      [],
    );
    expect(r.condition).toEqual({
      fact: 'labLln',
      operator: 'greaterThanInclusive',
      value: 1,
      params: { name: 'lvef' },
    });
  });

  it('reads a relaxed limit for Gilbert syndrome as the main limit, or the subgroup within its own limit', () => {
    expect(conditionOf("Total bilirubin ≤ 1.5 × ULN (≤ 3 × ULN for Gilbert's syndrome)")).toEqual({
      any: [
        uln('bilirubin', 'lessThanInclusive', 1.5),
        // Gilbert syndrome is a condition the record holds (ICD-10-CM E80.4).
        { all: [{ fact: 'condition', operator: 'equal', value: true, params: { names: ['gilbert_syndrome'] } }, uln('bilirubin', 'lessThanInclusive', 3)] },
      ],
    });
  });

  it('reads AST and ALT with a liver-metastases limit as one finding, the subgroup as a metastatic site', () => {
    const liver = { fact: 'metastaticSite', operator: 'equal', value: true, params: { sites: ['liver'] } };
    expect(conditionOf('AST and ALT ≤ 2.5 × ULN (≤ 5 × ULN if liver metastases)')).toEqual({
      any: [
        { all: [uln('ast', 'lessThanInclusive', 2.5), uln('alt', 'lessThanInclusive', 2.5)] },
        { all: [liver, uln('ast', 'lessThanInclusive', 5), uln('alt', 'lessThanInclusive', 5)] },
      ],
    });
    // Corpus line: both subgroups named, each with its limit.
    expect(
      conditionOf(
        'Aspartate aminotransferase (AST) and alanine aminotransferase (ALT) \\< 5 x ULN if documented liver metastases or \\< 3 X ULN without liver metastasis',
      ),
    ).toEqual({
      all: [
        { any: [{ ...liver, value: false }, { all: [uln('ast', 'lessThan', 5), uln('alt', 'lessThan', 5)] }] },
        { any: [liver, { all: [uln('ast', 'lessThan', 3), uln('alt', 'lessThan', 3)] }] },
      ],
    });
  });

  it('binds a subgroup written between two limits to the second, where a site reads right', () => {
    const liver = { fact: 'metastaticSite', operator: 'equal', value: true, params: { sites: ['liver'] } };
    expect(conditionOf('Aspartate aminotransferase ≤3 ×ULN (if liver metastases are present, ≤5 × ULN)')).toEqual({
      any: [uln('ast', 'lessThanInclusive', 3), { all: [liver, uln('ast', 'lessThanInclusive', 5)] }],
    });
    expect(
      conditionOf(
        'Aspartate aminotransferase (AST) and alanine aminotransferase (ALT) =\\< 2.5 x institutional ULN (in participants with liver metastases =\\< 5 x ULN)',
      ),
    ).toEqual({
      any: [
        { all: [uln('ast', 'lessThanInclusive', 2.5), uln('alt', 'lessThanInclusive', 2.5)] },
        { all: [liver, uln('ast', 'lessThanInclusive', 5), uln('alt', 'lessThanInclusive', 5)] },
      ],
    });
  });

  it('reads "unless liver metastases are present, in which case it must be ≤ 5 × ULN" as the site’s own limit', () => {
    const liver = { fact: 'metastaticSite', operator: 'equal', value: true, params: { sites: ['liver'] } };
    expect(
      conditionOf(
        'Adequate hepatic function: total bilirubin ≤1.5x institutional ULN; aspartate aminotransferase (AST) and alanine aminotransferase (ALT) ≤2.5x institutional ULN, unless liver metastases are present, in which case it must be ≤5x ULN',
      ),
    ).toEqual({
      all: [
        uln('bilirubin', 'lessThanInclusive', 1.5),
        {
          any: [
            { all: [uln('ast', 'lessThanInclusive', 2.5), uln('alt', 'lessThanInclusive', 2.5)] },
            { all: [liver, uln('ast', 'lessThanInclusive', 5), uln('alt', 'lessThanInclusive', 5)] },
          ],
        },
      ],
    });
  });

  it('keeps a liver-metastases subgroup unknown where it is bound to the limit before it by mistake', () => {
    const noSite = (text: string): boolean => !JSON.stringify(conditionOf(text)).includes('metastaticSite');
    // The subgroup introduces the next limit after a clause break and the labs named again …
    expect(noSite('AST and ALT ≤ 2.5 × ULN; If confirmed liver metastases: AST and ALT ≤ 5 x ULN')).toBe(true);
    // … or one limit for one subgroup in an inclusion would let everyone else pass.
    expect(
      noSite(
        'Adequate hepatic function defined by a total bilirubin level ≤ 2.0 × the upper limit of normality (ULN) and AST and ALT levels ≤ 2.5 × ULN; or AST and ALT levels ≤ 5 x ULN (for subjects with documented metastatic disease to the liver)',
      ),
    ).toBe(true);
  });

  it('states the excluding limit in an exclusion and keeps sex-specific QTc limits with their sex', () => {
    expect(conditionOf('QTc \\> 450 msec for men and \\> 470 msec for women.', 'exclusion')).toEqual({
      any: [
        { all: [{ fact: 'sex', operator: 'equal', value: 'male' }, lab('qtc', 'ms', 'greaterThan', 450)] },
        { all: [{ fact: 'sex', operator: 'equal', value: 'female' }, lab('qtc', 'ms', 'greaterThan', 470)] },
      ],
    });
  });

  it('reads "x1.5 ULN" and "times the upper limit of normal" multiples', () => {
    expect(conditionOf('Serum ALT/AST less than three times the upper limit of normal')).toEqual({
      all: [uln('alt', 'lessThan', 3), uln('ast', 'lessThan', 3)],
    });
  });

  it('reads LVEF with its method words', () => {
    expect(conditionOf('LVEF ≥ 50% by ECHO or MUGA')).toEqual(lab('lvef', '%', 'greaterThanInclusive', 50));
  });

  it('reads an exclusion lab as the excluding value', () => {
    expect(conditionOf('Patients with a serum creatinine of 1.5 mg/dl or greater.', 'exclusion')).toEqual(
      lab('creatinine', 'mg/dL', 'greaterThanInclusive', 1.5),
    );
  });

  it('keeps a limit that only admits a subgroup out of an inclusion rule ("If ALP ≥ 2.5 × ULN, then …")', () => {
    expect(
      conditionOf(
        'If Alkaline Phosphatase ≥ 2.5 x institutional upper limit of normal, then AST and ALT must be ≤ 1.5 x institutional upper limit of normal',
      ),
    ).toBeNull();
  });

  it('does not read "Patients with AST/ALT > ULN must have …" as a requirement for elevated enzymes', () => {
    const r = readCriterion(
      normalise('Patients with AST/ALT \\> ULN must have negative hepatitis studies').text,
      'inclusion',
      [],
    );
    expect(r.findingCategories).not.toContain('labs');
  });

  it('states the opposite of a way-in limit in an exclusion ("HIV … eligible if CD4 ≥ 350")', () => {
    const c = conditionOf(
      'Patients known to be HIV positive are eligible if they meet the following criteria within 30 days prior to randomization: stable and adequate CD4 counts (\\>= 350 mm\\^3), and serum HIV viral load of \\< 25,000 IU/ml.',
      'exclusion',
    );
    expect(JSON.stringify(c)).toContain(JSON.stringify(lab('cd4', '/uL', 'lessThan', 350)));
  });

  it('lets an unread exemption keep the limit from failing on its own', () => {
    expect(
      conditionOf(
        'Total bilirubin ≤ 1.5 x ULN; NOTE: Patients with documented Gilbert syndrome or hyperbilirubinemia due to non-hepatic cause (e.g., hemolysis, hematoma) may be enrolled',
      ),
    ).toEqual({
      any: [
        uln('bilirubin', 'lessThanInclusive', 1.5),
        unread(
          'NOTE: Patients with documented Gilbert syndrome or hyperbilirubinemia due to non-hepatic cause (e.g., hemolysis, hematoma) may be enrolled',
        ),
      ],
    });
  });

  it('reads a limit under a subgroup heading as binding that subgroup only', () => {
    expect(conditionOf('For participants with melanoma: lactate dehydrogenase (LDH) \\>2×ULN.', 'exclusion')).toEqual({
      all: [unread('melanoma'), uln('ldh', 'greaterThan', 2)],
    });
  });

  it('reads a count of 1,000 or more written without a unit as per µL', () => {
    expect(JSON.stringify(conditionOf('ANC greater than 1500, and platelets at least 100,000'))).toContain(
      JSON.stringify(lab('anc', '10^9/L', 'greaterThan', 1.5)),
    );
  });

  it('reads "PSA doubling time" as no PSA level', () => {
    const r = readCriterion(normalise('PSA doubling time (PSADT) of ≤ 10 months.').text, 'inclusion', []);
    expect(r.findingCategories).not.toContain('labs');
  });

  it('wraps a criterion that ends in a dangling OR so it cannot fail on its own', () => {
    expect(conditionOf('creatinine within normal institutional limits OR')).toEqual({
      any: [uln('creatinine', 'lessThanInclusive', 1), unread('the alternative in the neighbouring criterion')],
    });
  });

  it('reads life expectancy in weeks as months, rounded down for a lower bound', () => {
    expect(conditionOf('Life expectancy ≥ 12 weeks')).toEqual({
      fact: 'lifeExpectancyMonths',
      operator: 'greaterThanInclusive',
      value: 2.7,
    });
  });
});

describe('body measurements and oxygen saturation (body_weight, bmi, spo2)', () => {
  it('reads body weight, BMI and pulse oximetry limits in their units', () => {
    expect(conditionOf('Body weight ≥ 40 kg.')).toEqual(lab('body_weight', 'kg', 'greaterThanInclusive', 40));
    // U+02C3 (modifier letter right arrowhead) pasted for ">".
    expect(conditionOf('Body weight ˃ 40 kg.')).toEqual(lab('body_weight', 'kg', 'greaterThan', 40));
    expect(conditionOf('BMI \\> 30 kg/m2', 'exclusion')).toEqual(lab('bmi', 'kg/m2', 'greaterThan', 30));
    expect(conditionOf('Pulse Ox greater than or equal to 90% on room air.')).toEqual(
      lab('spo2', '%', 'greaterThanInclusive', 90),
    );
  });

  it('keeps the alternative after "on room air or …" as an alternative', () => {
    expect(
      conditionOf(
        'Adequate pulmonary function defined as pulse oximetry ≥92% on room air or forced vital capacity (FVC) ≥50% of predicted value',
      ),
    ).toEqual({
      any: [lab('spo2', '%', 'greaterThanInclusive', 92), lab('fvc_predicted', '%', 'greaterThanInclusive', 50)],
    });
  });

  it('does not read a change in a measure, weight loss, or molecular weight as the measure', () => {
    const noMeasure = (text: string, kind: CriterionKind = 'inclusion'): boolean =>
      !/body_weight|"bmi"/.test(JSON.stringify(conditionOf(text, kind)));
    expect(
      noMeasure(
        'Plan to undergo weight reduction surgery or foresee any significant weight changes during the study (defined as changes in BMI \\>5 compared to baseline',
        'exclusion',
      ),
    ).toBe(true);
    expect(noMeasure('Weight loss \\> 10% within the last 3 months', 'exclusion')).toBe(true);
    expect(
      conditionOf(
        'Serum creatinine ≤ 1.5 mg/dL or calculated creatinine clearance (CrCL) \\> 40 mL/min by Cockcroft-Gault (using actual body weight)',
      ),
    ).toEqual({
      any: [lab('creatinine', 'mg/dL', 'lessThanInclusive', 1.5), lab('crcl', 'mL/min', 'greaterThan', 40)],
    });
    expect(
      noMeasure(
        'The patient has an in-range INR (usually between 2 and 3) on a stable dose of oral anticoagulant or on a stable dose of low molecular weight heparin.',
      ),
    ).toBe(true);
  });
});

describe('golden lines: labs', () => {
  pinGoldenLines('labs.lines.json');
});
