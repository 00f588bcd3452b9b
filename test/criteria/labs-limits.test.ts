/**
 * Lab limits that need more than a name and a number: units slipped in the trial text (left unread
 * by the plausible ranges of rules/labs.json unless a slip listed there gives a plausible limit:
 * lab-unit-slips.test.ts), labs added from LOINC (urine protein, lipids, free
 * thyroid hormones, phosphate, FEV1 % predicted), "within normal limits" on both sides of the range,
 * limits joined to an unread limit, subgroups and conditions, and life expectancy phrasing. Every
 * line is a real corpus criterion.
 */
import type { Condition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { lab, lln, mentionIds, readRule, uln, unparsed } from '../support/criteria';

const life = (operator: string, value: number): Condition =>
  ({ fact: 'lifeExpectancyMonths', operator, value }) as Condition;

describe('limits outside a lab’s plausible range, with no slip of the unit listed, are left unread', () => {
  it('does not read "CrCl > 40 mL/sec" as 2,400 mL/min, and keeps the creatinine alternative', () => {
    const r = readRule(
      'Serum creatinine ≤ 1.5 mg/dL or calculated creatinine clearance (CrCL) \\> 40 mL/sec by Cockcroft-Gault (using actual body weight)',
      'inclusion',
    );
    expect(JSON.stringify(r.condition)).not.toContain('2400');
    expect(r.condition).toEqual({
      any: [
        lab('creatinine', 'mg/dL', 'lessThanInclusive', 1.5),
        unparsed('calculated creatinine clearance (CrCL) > 40 mL/sec by Cockcroft-Gault (using actual body weight)'),
      ],
    });
  });

  it('reads no aPTT limit of 3 seconds from "within the previous 3 days"', () => {
    const r = readRule(
      'Activated partial thromboplastin time (APTT) ≤1.5xULN (Unless received anticoagulant therapy within the previous 3 days);',
      'inclusion',
    );
    expect(JSON.stringify(r.condition)).not.toContain('"unit":"s"');
    expect(r.condition).toEqual({
      any: [uln('aptt', 'lessThanInclusive', 1.5), unparsed('received anticoagulant therapy within the previous')],
    });
  });

  it('keeps plausible limits: a lakh is 100,000 per mm3', () => {
    expect(readRule('Platelet: \\>1.5Lakh per cumm', 'inclusion').condition).toEqual(
      lab('platelets', '10^9/L', 'greaterThan', 150),
    );
  });

  it('gives every lab a plausible range that contains its usual limits', () => {
    const lex = lexicons();
    for (const l of lex.labs.labs) {
      expect(l.plausible).toBeDefined();
      expect(l.plausible!.max).toBeGreaterThan(l.plausible!.min);
    }
    expect(lex.labById.get('crcl')?.plausible).toEqual({ min: 5, max: 250 });
    expect(lex.labById.get('hemoglobin')?.plausible).toEqual({ min: 3, max: 25 });
  });
});

describe('labs added with their LOINC codes', () => {
  const lex = lexicons();
  const ids = (text: string): string[] => mentionIds(text, 'lab');

  it('names each new lab by LOINC', () => {
    expect(lex.labById.get('upcr')?.loinc).toEqual(['2890-2', '34366-5']);
    expect(lex.labById.get('urine_protein_24h')?.loinc).toEqual(['2889-4']);
    expect(lex.labById.get('phosphate')?.loinc).toEqual(['2777-1']);
    expect(lex.labById.get('cholesterol')?.loinc).toEqual(['2093-3']);
    expect(lex.labById.get('triglycerides')?.loinc).toEqual(['2571-8']);
    expect(lex.labById.get('free_t4')?.loinc).toEqual(['3024-7']);
    expect(lex.labById.get('free_t3')?.loinc).toEqual(['3051-0']);
    expect(lex.labById.get('fev1_predicted')?.loinc).toEqual(['20152-5']);
  });

  it('reads "alkaline phosphate" as alkaline phosphatase, never as serum phosphate', () => {
    expect(ids('alkaline phosphate')).toEqual(['alp']);
    expect(readRule('AST, ALT, and alkaline phosphate ≤ 2.5 x ULN;', 'inclusion').condition).toEqual({
      all: [
        uln('ast', 'lessThanInclusive', 2.5),
        uln('alt', 'lessThanInclusive', 2.5),
        uln('alp', 'lessThanInclusive', 2.5),
      ],
    });
  });

  it('reads the misspelt "Creatine Clearance" as creatinine clearance', () => {
    expect(readRule('Creatine Clearance \\< 50 mL/min.', 'exclusion').condition).toEqual(
      lab('crcl', 'mL/min', 'lessThan', 50),
    );
  });

  it('reads serum lipid limits', () => {
    expect(readRule('Serum cholesterol \\> 300 mg/dL;', 'exclusion').condition).toEqual(
      lab('cholesterol', 'mg/dL', 'greaterThan', 300),
    );
    expect(readRule('Serum triglycerides \\> 300 mg/dL;', 'exclusion').condition).toEqual(
      lab('triglycerides', 'mg/dL', 'greaterThan', 300),
    );
  });

  it('reads a urine protein:creatinine ratio without a unit, and keeps the dipstick alternative unread', () => {
    const r = readRule(
      '(B4) Patient has proteinuria as demonstrated by urine protein:creatinine ratio ≥1.0 at screening or urine dipstick for proteinuria ≥2 (patients discovered to have ≥2 proteinuria on dipstick at baseline should undergo 24-hour urine collection and must demonstrate \\<2 g of protein in 24 hours to be eligible).',
      'exclusion',
    );
    expect(r.condition).toEqual(lab('upcr', 'g/g', 'greaterThanInclusive', 1));
    expect(r.unread).toContain('dipstick for proteinuria');
  });

  it('reads no UPCR requirement from "For UPCR > 1, a 24-hour urine protein should be obtained"', () => {
    expect(
      readRule(
        'Urine protein should be screened by urinalysis for Urine Protein Creatinine Ratio (UPCR). For UPCR \\> 1, a 24-hour urine protein should be obtained, and the level should be \\<500 mg.',
        'inclusion',
      ).condition,
    ).toBeNull();
  });

  it('reads FEV1 % predicted, and an FEV1 written in litres as the volume (LOINC 20150-9)', () => {
    const r = readRule(
      'For select patients with a clinical history prompting pulmonary evaluation: known FEV1 less than or equal to 50% predicted.',
      'exclusion',
    );
    expect(r.condition).toEqual(lab('fev1_predicted', '%', 'lessThanInclusive', 50));
    expect(
      readRule(
        'Severely impaired lung function (i.e., forced expiratory volume in one second \\[FEV1\\] \\< 1 liter)',
        'exclusion',
      ).condition,
    ).toEqual(lab('fev1_volume', 'L', 'lessThan', 1));
  });
});

describe('"within normal limits" on each side of the range', () => {
  it('reads both limits of a two-sided lab', () => {
    expect(
      readRule(
        'Thyroid stimulating hormone (TSH), free T4 (FT4), and free T3 (FT3) within normal ranges',
        'inclusion',
        ['Demonstrate adequate organ function within 7 days of inclusion'],
      ).condition,
    ).toEqual({
      all: [
        uln('tsh', 'lessThanInclusive', 1),
        lln('tsh', 'greaterThanInclusive', 1),
        uln('free_t4', 'lessThanInclusive', 1),
        lln('free_t4', 'greaterThanInclusive', 1),
        uln('free_t3', 'lessThanInclusive', 1),
        lln('free_t3', 'greaterThanInclusive', 1),
      ],
    });
  });

  it('reads "normal serum calcium and phosphate levels" the same way', () => {
    const r = readRule(
      'Have normal serum calcium and phosphate levels (calcium level may be corrected for albumin level).',
      'inclusion',
    );
    expect(r.condition).toEqual({
      all: [
        uln('calcium', 'lessThanInclusive', 1),
        lln('calcium', 'greaterThanInclusive', 1),
        uln('phosphate', 'lessThanInclusive', 1),
        lln('phosphate', 'greaterThanInclusive', 1),
      ],
    });
  });

  it('reads age-appropriate limits of an upper-limited lab as ≤ ULN', () => {
    expect(
      readRule('Amylase within age-appropriate limits', 'inclusion', [
        'Samples for all laboratory tests will be obtained within one week prior to administration of the first dose',
      ]).condition,
    ).toEqual(uln('amylase', 'lessThanInclusive', 1));
  });

  it('reads a lower-limited lab "≥ lower normal limit" or "within range of normal" as at least the LLN', () => {
    expect(
      readRule('Leucocyte count ≥ lower normal limit', 'inclusion', ['Sufficient organ function, including:'])
        .condition,
    ).toEqual(lln('wbc', 'greaterThanInclusive', 1));
    expect(
      readRule('LVEF within institutional range of normal as measured by MUGA or ECHO.', 'inclusion').condition,
    ).toEqual(lln('lvef', 'greaterThanInclusive', 1));
  });
});

describe('a limit beside another one the reader leaves unread', () => {
  it('reads both limits of an exclusion joined by "and" once each is known (DLCO, LOINC 98130-8)', () => {
    expect(
      readRule(
        'Forced expiratory volume (FEV1) ≤ 60% of predicted value and DLCO (corrected) \\< 60% of predicted value. Participants who underwent pulmonary function testing within 6 months of screening may omit PFTs if they demonstrate stable cardiopulmonary status.',
        'exclusion',
      ).condition,
    ).toEqual({
      all: [lab('fev1_predicted', '%', 'lessThanInclusive', 60), lab('dlco_predicted', '%', 'lessThan', 60)],
    });
    expect(
      readRule('Urinalysis showing proteinuria ≥++ with 24-hour urinary protein \\>1.0 g;', 'exclusion').condition,
    ).toEqual({
      all: [unparsed('Urinalysis showing proteinuria >=++ with'), lab('urine_protein_24h', 'g/24h', 'greaterThan', 1)],
    });
  });

  it('keeps viral load beside CD4 in an HIV exclusion, so CD4 alone excludes nobody', () => {
    const r = readRule(
      'Human immunodeficiency virus (HIV) positive patients with a viral load \\> 400 copies/mL and a CD4+ T-cell count of \\<350 cells/uL or with a history of an acquired immunodeficiency syndrome (AIDS) opportunistic infection within the past 12 months are excluded.',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).toContain('viral load > 400 copies/mL and a');
  });

  it('does not take "BMI < 20 and > 35" (one measure’s two sides) for a conjunct', () => {
    expect(readRule('BMI \\<20 kg/m2 and \\>35 kg/m2', 'exclusion').condition).toEqual({
      any: [lab('bmi', 'kg/m2', 'lessThan', 20), lab('bmi', 'kg/m2', 'greaterThan', 35)],
    });
  });

  it('binds a limit "for patients with: …" to that subgroup only', () => {
    expect(
      readRule(
        'Documented FEV-1 less than or equal to 60% predicted value for patients with: A prolonged history of cigarette smoking (greater than 20 pack years), large tumor burden in the lungs or Symptoms of respiratory distress.',
        'exclusion',
      ).condition,
    ).toEqual({
      all: [
        lab('fev1_predicted', '%', 'lessThanInclusive', 60),
        unparsed(
          'for patients with: A prolonged history of cigarette smoking (greater than 20 pack years), large tumor burden in the lungs or Symptoms of respiratory distress',
        ),
      ],
    });
    expect(
      readRule(
        'International normalized ratio (INR) and activated partial thromboplastin time (aPTT) =\\< 1.5 x ULN for patients who do not receive therapeutic anticoagulation',
        'inclusion',
      ).condition,
    ).toEqual({
      any: [
        { all: [uln('inr', 'lessThanInclusive', 1.5), uln('aptt', 'lessThanInclusive', 1.5)] },
        unparsed('for patients who do not receive therapeutic anticoagulation', false),
      ],
    });
  });

  it('keeps a subgroup open when its own limit cannot be read, instead of holding it to the main limit', () => {
    const r = readRule(
      'At baseline (within 7 days before first administration), there were any coagulation parameter abnormalities as follows: INR\\>1.5 × ULN (\\>3 if receiving anticoagulant therapy with stabilizer dosage) × ULN); PTT (or activated partial thromboplastin time (aPTT))\\>1.5 × ULN (\\>3 if receiving anticoagulant therapy with stabilizer dosage) × ULN).',
      'exclusion',
    );
    expect(r.condition).toEqual({
      any: [
        {
          all: [
            uln('inr', 'greaterThan', 1.5),
            {
              any: [
                unparsed('receiving anticoagulant therapy with stabilizer dosage', false),
                lab('inr', '{INR}', 'greaterThan', 3),
              ],
            },
          ],
        },
        {
          all: [
            uln('aptt', 'greaterThan', 1.5),
            { any: [unparsed('receiving anticoagulant therapy with stabilizer dosage', false), unparsed('>3')] },
          ],
        },
      ],
    });
  });

  it('reads "Patients with … will be excluded" as the exclusion, not as a condition', () => {
    expect(
      readRule(
        'Patients with reduced creatinine clearance ( less than 50 ml/ min) or unilateral or bilateral hydronephrosis will be excluded.',
        'exclusion',
      ).condition,
    ).toEqual(lab('crcl', 'mL/min', 'lessThan', 50));
  });
});

describe('small phrasings of a limit', () => {
  it('reads "twice the institutional upper limit of normal" as 2 × ULN', () => {
    expect(
      readRule(
        'Adequate hepatic function: serum alkaline phosphatase, bilirubin, and ALT ≤ twice the institutional upper limit of normal',
        'inclusion',
      ).condition,
    ).toEqual({
      all: [
        uln('alp', 'lessThanInclusive', 2),
        uln('bilirubin', 'lessThanInclusive', 2),
        uln('alt', 'lessThanInclusive', 2),
      ],
    });
  });

  it('reads a semicolon between a lab and its limit, and the plural WBCs', () => {
    const r = readRule(
      'Patients who meet the following laboratory criteria of bone marrow function as evidenced by laboratory data obtained within 7 days before enrollment: Neutrophil count;≥1500/μL, Platelet count; ≥75000/μL, Hemoglobin;≥9.0 g/dL.',
      'inclusion',
      ['(Part 1-4)'],
    );
    expect(r.condition).toEqual({
      all: [
        lab('anc', '10^9/L', 'greaterThanInclusive', 1.5),
        lab('platelets', '10^9/L', 'greaterThanInclusive', 75),
        lab('hemoglobin', 'g/dL', 'greaterThanInclusive', 9),
      ],
    });
    expect(readRule('WBCs ≥2000/μL', 'inclusion').condition).toEqual(lab('wbc', '10^9/L', 'greaterThanInclusive', 2));
  });

  it('reads "an elevated LDH level" in an exclusion as above the ULN, but not a denied or conditional elevation', () => {
    expect(readRule('Patients with an elevated LDH level', 'exclusion').condition).toEqual(
      uln('ldh', 'greaterThan', 1),
    );
    expect(
      readRule(
        '(C5) Patients with elevated alkaline phosphatase (ALP) can be enrolled if the abnormal value is due to the presence of bone metastasis, but liver function is considered adequate according to the principal investigator.',
        'exclusion',
      ).condition,
    ).toBeNull();
    // The ischemia is read (no active coronary artery disease); its signs, the troponin among them,
    // are examples, not a lab limit of their own.
    const ischemia = readRule(
      'No signs of active coronary ischemia, including ECG changes or elevated troponin if clinically indicated',
      'inclusion',
    ).condition;
    expect(JSON.stringify(ischemia)).not.toContain('"fact":"lab');
    expect(ischemia).toEqual({ fact: 'condition', operator: 'equal', value: false, params: { names: ['coronary_artery_disease'], active: true } });
  });

  it('reads a whole-criterion range ("eGFR 0-50") but not a range defining a history', () => {
    expect(readRule('eGFR 0-50', 'exclusion', ['Patients']).condition).toEqual(
      lab('egfr', 'mL/min/1.73m2', 'lessThanInclusive', 50),
    );
    expect(readRule('History of prediabetes (HbA1c 5.7-6.4%)', 'inclusion').condition).toBeNull();
  });

  it('reads "below normal institutional limits" as ≤ ULN for a lab limited at its upper end, < LLN for one at its lower end', () => {
    const r = readRule(
      "Total bilirubin below normal institutional limits, unless elevated due to Gilbert's syndrome and direct bilirubin is within normal limits",
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [uln('bilirubin', 'lessThanInclusive', 1), unparsed("elevated due to Gilbert's syndrome and")],
    });
    expect(readRule('ANC below normal limits', 'exclusion').condition).toEqual(lln('anc', 'lessThan', 1));
  });

  it('reads "must have had" an ejection fraction as a requirement, with its lower limit of normal', () => {
    expect(
      readRule(
        'Subjects must have had a cardiac ejection fraction of \\>50% as measured by echocardiogram (ECHO) or multigated acquisition scan (MUGA) and within the institutional range of normal.',
        'inclusion',
      ).condition,
    ).toEqual({ all: [lab('lvef', '%', 'greaterThan', 50), lln('lvef', 'greaterThanInclusive', 1)] });
  });

  it('reads TLC per cumm as the total leukocyte count, and never a total lung capacity in % predicted', () => {
    expect(readRule('TLC: \\> 4,000 per cumm', 'inclusion').condition).toEqual(lab('wbc', '10^9/L', 'greaterThan', 4));
    expect(readRule('TLC ≥ 80% predicted', 'inclusion').condition).toBeNull();
  });

  it('never reads a duration as a lab level', () => {
    expect(
      readRule(
        'a minimum of 3 rising PSA values while the participant is on continuous ADT (started at least 4 weeks prior to the PSA measurement or, PSA measured at least 4 weeks after bilateral orchiectomy) and',
        'inclusion',
      ).condition,
    ).toBeNull();
  });
});

describe('life expectancy phrasing', () => {
  it('reads lifespan, life-span and anticipated overall survival', () => {
    expect(readRule('Anticipated lifespan greater than 12 weeks.', 'inclusion').condition).toEqual(
      life('greaterThan', 2.7),
    );
    expect(readRule('Expected life-span more than 3 months;', 'inclusion').condition).toEqual(life('greaterThan', 3));
    expect(readRule('Anticipated overall survival more than 3 months;', 'inclusion').condition).toEqual(
      life('greaterThan', 3),
    );
  });

  it('does not read survival limited to extracranial disease as the patient’s life expectancy', () => {
    expect(
      readRule(
        'Estimated survival based on extracranial disease of at least 3 months in the opinion of the enrolling clinician and/or study PI',
        'inclusion',
      ).condition,
    ).toBeNull();
  });
});
