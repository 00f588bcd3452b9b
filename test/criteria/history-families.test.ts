/**
 * Medical-history families read in this round: conditions the lexicon lacked (colitis, intestinal
 * stoma, haemoglobinopathies, metabolic disease…), tails and leads that make a condition current
 * ("with clinical symptoms", "known to be uncontrolled", "signs and symptoms of") or narrower than
 * the condition ("Clostridium difficile-associated", "inherited", "infectious"), blood-pressure
 * definitions of hypertension, serious or uncontrolled "medical conditions", and examples that take
 * the window of a head the lexicon does not name. Real corpus lines, with the lines that must not get
 * a reading.
 */
import type { Condition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { cond, lab, readRule, unparsed } from '../support/criteria';

const E = (text: string, context: string[] = []) => readRule(text, 'exclusion', context);
const I = (text: string, context: string[] = []) => readRule(text, 'inclusion', context);

describe('conditions added to the lexicon', () => {
  const lex = lexicons();

  it('codes each new condition by ICD-10-CM and, where checked, SNOMED CT', () => {
    expect(lex.conditionById.get('colitis')?.snomed).toEqual(['64226004']);
    expect(lex.conditionById.get('immune_mediated_colitis')?.parents).toEqual(['colitis']);
    expect(lex.conditionById.get('intestinal_stoma')?.icd10).toEqual(['Z93.2', 'Z93.3']);
    expect(lex.conditionById.get('thalassemia')?.snomed).toEqual(['40108008']);
    expect(lex.conditionById.get('sickle_cell_disease')?.icd10).toEqual(['D57']);
    expect(lex.conditionById.get('hemochromatosis')?.icd10).toEqual(['E83.11']);
    expect(lex.conditionById.get('metabolic_disease')?.snomed).toEqual(['75934005']);
    expect(lex.conditionById.get('diabetes_mellitus')?.parents).toContain('metabolic_disease');
    expect(lex.conditionById.get('inherited_bleeding_disorder')?.parents).toEqual(['bleeding_disorder']);
  });

  it.each([
    ['Patients with history of autoimmune colitis.', { names: ['immune_mediated_colitis'] }],
    ['History of colitis or inflammatory bowel disease.', { names: ['colitis', 'inflammatory_bowel_disease'] }],
    ['History of hypogonadism', { names: ['hypogonadism'] }],
    ['Any known history of severe preexisting constipation.', { names: ['constipation'], active: true }],
    ['Have serious metabolic disorder.', { names: ['metabolic_disease'], active: true }],
    ['Congenital bleeding diathesis', { names: ['inherited_bleeding_disorder'] }],
    ['History of prior therapy-induced pneumonitis', { names: ['pneumonitis'] }],
    [
      'History of any of the following: drug-induced severe cutaneous adverse reaction.',
      { names: ['severe_cutaneous_reaction'] },
    ],
    ['Any autoimmune, connective tissue or inflammatory disorders.', { names: ['autoimmune_disease'] }],
  ])('reads %s', (text, params) => {
    expect(E(text)).toEqual({ condition: cond(params), unread: '' });
  });

  it('reads a list of haemoglobinopathies under a contraindication lead-in', () => {
    expect(
      E('hereditary hemochromatosis, thalassemia, sickle cell anemia;', [
        'Contraindications to USPIO based contrast agents:',
      ]),
    ).toEqual({
      condition: cond({ names: ['hemochromatosis', 'thalassemia', 'sickle_cell_disease'] }),
      unread: '',
    });
  });

  it('reads an ileostomy or colostomy, leaving the rationale unread', () => {
    const r = E(
      'Having an ileostomy or colostomy, as this greatly impacts bowel function and gut microbial composition;',
    );
    expect(r.condition).toEqual(cond({ names: ['intestinal_stoma'] }));
  });

  it('does not read a colostomy named as an example of a surgery', () => {
    expect(I('Major surgery: ≥2 weeks (or 2 weeks for low-invasive cases \\[eg, colostomy\\]).').condition).toBeNull();
  });
});

describe('qualifiers that make a condition current', () => {
  it('reads "with clinical symptoms" as active, and an "and" requirement beside it', () => {
    expect(E('Pleural effusion or ascites with clinical symptoms and symptomatic treatment;').condition).toEqual({
      all: [cond({ names: ['pleural_effusion', 'ascites'], active: true }), unparsed('and symptomatic treatment')],
    });
    expect(
      E(
        'There are pleural effusion, abdominal effusion or pericardial effusion with clinical symptoms that require repeated treatment (puncture or drainage, etc.);',
      ).condition,
    ).toEqual({
      all: [
        cond({ names: ['pleural_effusion', 'ascites', 'pericardial_effusion'], active: true }),
        unparsed('that require repeated treatment (puncture or drainage, etc.)'),
      ],
    });
  });

  it('keeps an amount leading the list beside the condition', () => {
    expect(
      E('A large amount of pleural fluid or ascites with clinical symptoms or symptomatic management;').condition,
    ).toEqual({
      all: [cond({ names: ['ascites'], active: true }), unparsed('A large amount of pleural fluid or')],
    });
  });

  it('reads "that is not well controlled" as active', () => {
    expect(E('Known HIV infection that is not well controlled.')).toEqual({
      condition: cond({ names: ['hiv'], active: true }),
      unread: '',
    });
  });

  it('reads "signs and symptoms of" as active when no window dates the condition', () => {
    expect(E('Has signs and symptoms of colitis at screening')).toEqual({
      condition: cond({ names: ['colitis'], active: true }),
      unread: '',
    });
    // The window dates the myocardial infarction listed with the coronary disease: not made current.
    const r = I(
      'No evidence of congestive heart failure, symptoms of coronary artery disease, myocardial infarction less than 6 months prior to entry, serious cardiac arrhythmias, or unstable angina.',
    );
    expect(r.condition).toEqual({
      all: [
        cond({ names: ['congestive_heart_failure'] }, false),
        cond({ names: ['coronary_artery_disease', 'myocardial_infarction'], withinYears: 0.5 }, false),
        cond({ names: ['arrhythmia', 'unstable_angina'], active: true }, false),
      ],
    });
  });

  it('reads serious or uncontrolled "medical conditions" as the intercurrent-illness umbrella', () => {
    expect(E('Any severe and/ or uncontrolled medical conditions')).toEqual({
      condition: cond({ names: ['uncontrolled_intercurrent_illness'], active: true }),
      unread: '',
    });
    expect(E('Has serious or uncontrolled medical disorders.').condition).toEqual(
      cond({ names: ['uncontrolled_intercurrent_illness'], active: true }),
    );
  });

  it('leaves "medical condition" to the judgement readers when judged by its effect or given examples', () => {
    // Read as the investigator's concern, not as any active illness.
    const judged = E(
      "Any history of or concomitant medical condition that, in the opinion of the Investigator, would compromise the subject's ability to safely complete the treatment protocol.",
    );
    expect(JSON.stringify(judged.condition)).not.toContain('uncontrolled_intercurrent_illness');
    // The examples carry their own windows: no umbrella swallows "recent (within 6 months) myocardial infarction".
    const listed = E(
      'Serious uncontrolled concurrent medical conditions, including uncontrolled diabetes, interstitial lung disease, New York Heart Association (NYHA) Class III/IV heart failure, severe cardiac arrhythmias, or recent (within 6 months) myocardial infarction or cerebrovascular accidents.',
    );
    expect(JSON.stringify(listed.condition)).not.toContain('uncontrolled_intercurrent_illness');
  });
});

describe('leads and tails that narrow a condition', () => {
  it.each([
    'Presence of Clostridium difficile-associated diarrhea or colitis',
    'Immunosuppressive treatment at onset of ICPI-induced diarrhea/colitis',
    'Infectious colitis Grade ≥2 not resolved to Grade 1 within 72 hours within the past 3 months.',
    "Any autoimmune, connective tissue or inflammatory disorders (e.g., rheumatoid arthritis, Sjögren's, sarcoidosis) where there is documented, or a suspicion of pulmonary involvement at the time of screening.",
  ])('leaves %s unread', (text) => {
    expect(E(text).condition).toBeNull();
  });

  it('keeps "prior" before a grade lead, so a past requirement stays a need', () => {
    expect(E('Prior Grade 3 or greater colitis or enteritis requiring hospitalization').condition).toEqual({
      all: [cond({ names: ['colitis'] }), unparsed('Grade 3 or greater'), unparsed('requiring hospitalization')],
    });
  });

  it('reads a grade floor before a full stop', () => {
    expect(E('Has peripheral neuropathy of Grade \\>1.').condition).toEqual({
      all: [cond({ names: ['peripheral_neuropathy'] }), unparsed('Grade >1')],
    });
    expect(E('Patients with peripheral neuropathy of Grade greater than or equal to 2.').condition).toEqual({
      all: [cond({ names: ['peripheral_neuropathy'] }), unparsed('Grade greater than or equal to 2')],
    });
  });

  it('leaves the limits of a blood-pressure definition to the labs reader, and keeps one it cannot read beside the hypertension', () => {
    const bp = (name: string, value: number): Condition => lab(name, 'mmHg', 'greaterThanInclusive', value);
    expect(
      E(
        'Uncontrolled hypertension defined as systolic blood pressure ≥ 160mmHg and/or diastolic blood pressure ≥ 100mmHg, despite optimal medical management.',
      ),
    ).toEqual({
      // Either limit defines the hypertension: both bind to it (test/criteria/audit-alabs.test.ts).
      condition: { all: [cond({ names: ['hypertension'], active: true }), { any: [bp('systolic_bp', 160), bp('diastolic_bp', 100)] }] },
      unread: 'despite optimal medical management',
    });
    // With another condition named, the labs reader leaves the limits alone: the definition stays a qualifier.
    expect(JSON.stringify(E('Myocardial infarction within 6 months, or uncontrolled hypertension defined as systolic blood pressure ≥ 160mmHg despite treatment.').condition)).toContain(
      'defined as systolic blood pressure',
    );
    // Refractory hypertension is a kind the lexicon does not name: no hypertension is read, only the limits.
    expect(
      JSON.stringify(
        E(
          'Treatment-refractory hypertension defined as a blood pressure of systolic \\>150 mmHg and/or diastolic \\>90 mmHg despite adequate attempts at antihypertensive therapy.',
          ['Cardiovascular disease, including:'],
        ).condition,
      ),
    ).not.toContain('hypertension');
  });
});

describe('examples of a head the lexicon does not name', () => {
  it("give each example the head's window", () => {
    const r = E(
      '16\\. History of intra-abdominal inflammatory process within 6 months prior to initiation of trial treatment, including but not limited to peptic ulcer disease, diverticular disease or colitis.',
    );
    expect(r.condition).toEqual({
      any: [cond({ names: ['peptic_ulcer'], withinYears: 0.5 }), cond({ names: ['colitis'], withinYears: 0.5 })],
    });
  });
});

describe('another cancer named as "non-<cancer>"', () => {
  it('reads it as another malignancy that does not count the named cancer', () => {
    const r = E(
      'History of non-breast malignancy within the last 5 years other than treated non-melanoma skin cancer or treated in-situ carcinoma.',
    );
    expect(r.unread).toBe('');
    expect(r.condition).toMatchObject({
      fact: 'otherMalignancy',
      params: { withinYears: 5, excluding: expect.arrayContaining(['BREAST', 'BCC', 'DCIS']) as unknown },
    });
  });

  it('reads "unless a complete remission was achieved at least 2 years prior" as the window', () => {
    expect(
      E(
        'Patients with previous malignancies unless a complete remission was achieved at least 2 years prior to study entry;',
      ),
    ).toEqual({
      condition: { fact: 'otherMalignancy', operator: 'equal', value: true, params: { withinYears: 2 } },
      unread: '',
    });
  });

  it('keeps an exemption clause that maps nothing beside the malignancy', () => {
    expect(E('History of another primary malignancy, with exceptions.').condition).toEqual({
      all: [{ fact: 'otherMalignancy', operator: 'equal', value: true, params: {} }, unparsed('exceptions')],
    });
  });

  it.each([
    'Ampullary cancer, neuroendocrine, mixed neuroendocrine and non-neuroendocrine neoplasms and nonepithelial tumors.',
    'Patients with non-small cell lung cancer who have EGFR mutations',
  ])('does not read a tumour type as another malignancy: %s', (text) => {
    expect(JSON.stringify(E(text).condition)).not.toContain('otherMalignancy');
  });
});
