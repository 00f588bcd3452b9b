/**
 * Comorbidity conditions read from real corpus lines: effusions, adrenal insufficiency, bradycardia,
 * neuromuscular disorders, severe cutaneous reactions, organ-system umbrellas and the adjectives that
 * share their head noun; qualifiers the facts cannot hold (needs, effects, amounts) kept beside the
 * condition; and the mentions that are not the patient's condition (indications, premises, controlled
 * states, organisation names, acronym expansions).
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { readCriterion } from '../../src/criteria/parse';
import type { CriterionKind } from '../../src/criteria/segment';
import { normalise } from '../../src/criteria/text';
import { cond, unparsed } from '../support/criteria';

function read(text: string, kind: CriterionKind = 'exclusion') {
  return readCriterion(normalise(text).text, kind, []);
}
const conditionOf = (text: string, kind: CriterionKind = 'exclusion'): Condition | null => read(text, kind).condition;
/** The condition leaves a line reads, as (names, active, withinYears, except) tuples. */
function conditionLeaves(text: string, kind: CriterionKind = 'exclusion'): Array<Record<string, unknown>> {
  const c = conditionOf(text, kind);
  return (c ? leavesOf(c) : [])
    .filter((l) => l.fact === 'condition')
    .map((l) => ({ ...(l.params as object), value: l.value }));
}
const unread = (text: string): Condition => unparsed(text);

describe('comorbidity lexicon entries', () => {
  const lex = lexicons();

  it('gives new conditions SNOMED CT or ICD-10-CM codes a FHIR Condition can be matched by', () => {
    for (const id of [
      'pleural_effusion',
      'pericardial_effusion',
      'ascites',
      'bradycardia',
      'pulmonary_disease',
      'stevens_johnson_syndrome',
    ]) {
      const c = lex.conditionById.get(id);
      expect(c?.snomed?.length).toBeGreaterThan(0);
      expect(c?.icd10?.length).toBeGreaterThan(0);
    }
    expect(lex.conditionById.get('pleural_effusion')?.snomed).toContain('60046008');
    expect(lex.conditionById.get('adrenal_insufficiency')?.icd10).toContain('E27.4');
  });

  it('writes ICD-10-CM ranges as the code prefixes a record is matched by', () => {
    // normalise.ts matches a coded condition by prefix, so "A00-B99" as one string matched nothing.
    const ranges = lex.conditions.conditions.flatMap((c) => (c.icd10 ?? []).filter((code) => code.includes('-')));
    expect(ranges).toEqual([]);
    expect(lex.conditionById.get('organ_transplant')?.icd10).toEqual(['Z94.0', 'Z94.1', 'Z94.2', 'Z94.3', 'Z94.4']);
    expect(lex.conditionById.get('infection')?.icd10).toEqual(['A', 'B']);
    expect(lex.conditionById.get('liver_disease')?.icd10).toContain('K74');
  });

  it('places organ-specific conditions under their organ-system umbrella', () => {
    expect(lex.conditionById.get('copd')?.parents).toContain('pulmonary_disease');
    expect(lex.conditionById.get('inflammatory_bowel_disease')?.parents).toEqual([
      'autoimmune_disease',
      'gastrointestinal_disease',
    ]);
    expect(lex.conditionById.get('addison_disease')?.parents).toContain('adrenal_insufficiency');
    expect(lex.conditionById.get('myasthenia_gravis')?.parents).toContain('neuromuscular_disorder');
  });
});

describe('comorbidities newly read', () => {
  it('reads effusions and ascites, keeping a drainage need beside them', () => {
    expect(conditionOf('Uncontrolled pleural effusion, pericardial effusion, or ascites.')).toEqual(
      cond({ names: ['pleural_effusion', 'pericardial_effusion', 'ascites'], active: true }),
    );
    expect(
      conditionOf('With uncontrolled pleural effusion, pericardial effusion or ascites requiring repeated drainage;'),
    ).toEqual({
      all: [
        cond({ names: ['pleural_effusion', 'pericardial_effusion', 'ascites'], active: true }),
        unread('requiring repeated drainage'),
      ],
    });
    expect(conditionOf('Presence of malignant pleural effusion or ascites;')).toEqual(
      cond({ names: ['pleural_effusion', 'ascites'] }),
    );
  });

  it('reads symptomatic bradycardia, adrenal insufficiency and chronic pain (chronic by name, not "active")', () => {
    expect(conditionOf('Symptomatic bradycardia')).toEqual(cond({ names: ['bradycardia'], active: true }));
    expect(conditionOf('Subjects with adrenal insufficiency')).toEqual(cond({ names: ['adrenal_insufficiency'] }));
    expect(conditionOf('History of psychological disorders and/or chronic pain.')).toEqual(
      cond({ names: ['psychiatric_illness', 'chronic_pain'] }),
    );
  });

  it('reads a neuromuscular umbrella with its examples, which it already names', () => {
    expect(
      conditionOf(
        'Neuromuscular disorders (e.g. inflammatory myopathies, muscular dystrophy, amyotrophic lateral sclerosis and spinal muscular atrophy) or history of rhabdomyolysis',
      ),
    ).toEqual({ any: [cond({ names: ['neuromuscular_disorder'] }), cond({ names: ['rhabdomyolysis'] })] });
  });

  it('reads organ adjectives sharing the head noun of the condition after them', () => {
    expect(conditionOf('Clinically significant cardiovascular, pulmonary, or gastrointestinal disorders.')).toEqual(
      cond({ names: ['pulmonary_disease', 'cardiovascular_disease', 'gastrointestinal_disease'], active: true }),
    );
    expect(conditionLeaves('Advanced liver or kidney disease.')).toEqual([
      { names: ['liver_disease', 'renal_disease'], value: true },
    ]);
    expect(conditionLeaves('Hepatic or renal dysfunction')).toEqual([
      { names: ['liver_disease', 'renal_disease'], value: true },
    ]);
    // A colon definition is the criterion, read by the lab readers.
    expect(
      conditionLeaves(
        'Severe renal dysfunction: estimated creatinine clearance of \\<30 mL/min, measured in 24-hour urine',
      ),
    ).toEqual([]);
  });

  it('joins "(e.g., lupus, …)" examples to the umbrella before them, with the requirement and window after the parenthesis', () => {
    expect(
      conditionOf(
        "Active autoimmune disease (e.g., lupus, rheumatoid arthritis, Sjogren's syndrome) requiring systemic treatment in the past 2 years.",
      ),
    ).toEqual(cond({ names: ['autoimmune_disease'], active: true, withinYears: 2 }));
  });

  it('reads an active infection named with its viral load, the parenthetical permission narrowing nothing further', () => {
    expect(conditionOf('Active HCV with detectable HCV RNA (treated HCV permitted if RNA undetectable)')).toEqual(
      cond({ names: ['hcv'], active: true }),
    );
  });
});

describe('qualifiers the facts cannot hold stay beside the condition', () => {
  it('keeps an effect or cause clause as an unparsed leaf joined with the condition', () => {
    expect(conditionOf('Medical comorbidities or coagulopathy that contraindicate endoscopy')).toEqual({
      all: [
        // The comorbidity umbrella is current; the coagulopathy named beside it is any.
        { any: [cond({ names: ['uncontrolled_intercurrent_illness'], active: true }), cond({ names: ['bleeding_disorder'] })] },
        unread('that contraindicate endoscopy'),
      ],
    });
    expect(conditionOf('Sinus bradycardia greater than first-degree block.')).toEqual({
      all: [cond({ names: ['bradycardia'] }), unread('greater than first-degree block')],
    });
  });

  it('keeps a treatment need the lexicon does not name, and a size, beside the condition', () => {
    expect(conditionOf('Cardiac ventricular arrhythmias requiring anti-arrhythmic therapy.')).toEqual({
      all: [cond({ names: ['ventricular_arrhythmia'] }), unread('requiring anti-arrhythmic therapy')],
    });
    expect(conditionOf('History of moderate to severe hearing loss.')).toEqual({
      all: [cond({ names: ['hearing_loss'], active: true }), unread('moderate to severe')],
    });
  });

  it('ends a need where the list of conditions goes on', () => {
    expect(
      conditionLeaves(
        'Patients who have active medical illness(es) that would pose increased risk for study participation, including: active systemic infections requiring systemic ABX, coagulation disorders, or other active major medical illnesses of the cardiovascular, respiratory, or immune systems.',
      ),
    ).toEqual([
      { names: ['infection'], active: true, value: true },
      { names: ['bleeding_disorder'], value: true },
    ]);
  });
});

describe('mentions that are not the patient’s condition', () => {
  it('does not read the indication of a replacement or purpose of a treatment as an exclusion', () => {
    expect(
      conditionLeaves(
        'Physiological doses of replacement steroid therapy (example, for adrenal insufficiency), not to exceed the equivalent of 10 mg prednisone daily.',
      ),
    ).toEqual([]);
    expect(
      conditionLeaves('For inhalation in the management of asthma or chronic obstructive pulmonary disease.'),
    ).toEqual([]);
  });

  it('does not read a controlled state an exception spares, nor a premise, as an exclusion', () => {
    expect(conditionLeaves('Adrenal insufficiency well controlled on replacement therapy.')).toEqual([]);
    expect(conditionLeaves('Participants with celiac disease controlled by diet alone')).toEqual([]);
    expect(
      conditionLeaves(
        'If a pleural effusion is present, the following criteria must be met to exclude malignant involvement (T4 disease): when pleural fluid is visible on both the CT scan and chest X-ray, a pleuracentesis is required to confirm that the pleural fluid is cytologically negative',
      ),
    ).toEqual([]);
  });

  it('does not read conditions named in an organisation or an equation, or in an acronym spelled out', () => {
    expect(
      conditionLeaves(
        'Histological/cytological confirmed diagnosis of HCC or clinically confirmed diagnosis of HCC as per American Association for the Study of Liver Diseases (AASLD) criteria',
        'inclusion',
      ),
    ).toEqual([]);
    expect(
      conditionLeaves(
        'Estimated glomerular filtration rate of \\<45 mL/min calculated using the Chronic Kidney Disease Epidemiology Collaboration equation',
      ),
    ).toEqual([]);
    expect(
      conditionLeaves(
        "Has plasma cell leukemia, Waldenstrom's macroglobulinemia or POEMS syndrome (polyneuropathy, organomegaly, endocrinopathy, monoclonal protein, and skin changes), or clinically significant amyloidosis.",
      ),
    ).toEqual([
      // The syndrome is named; the features its acronym spells out are not conditions of their own.
      { names: ['poems_syndrome'], value: true },
      { names: ['amyloidosis'], active: true, value: true },
    ]);
  });

  it('does not read a compound ("cardio-respiratory"), a kind of umbrella it does not name, or a cause of something else', () => {
    expect(conditionLeaves('No active cardio-respiratory disease.', 'inclusion')).toEqual([]);
    expect(conditionLeaves('History or clinical evidence of current inflammatory lung disease:')).toEqual([]);
    expect(
      conditionLeaves(
        "Has clinically severe respiratory compromise (based on the investigator's assessment) resulting from intercurrent pulmonary illnesses",
      ),
    ).toEqual([]);
  });

  it('does not read patients a cardiologist will evaluate as excluded', () => {
    expect(
      conditionLeaves(
        'Patients with ECG results of any conduction delays (PR interval \\> 200 ms, corrected QT (QTC) \\> 480 ms), sinus bradycardia (resting heart rate \\< 50 beats per minute), sinus tachycardia (HR \\> 120 beats per minute) will be evaluated by a cardiologist prior to starting the trial.',
      ),
    ).toEqual([]);
  });

  it('does not read "SMA" (superior mesenteric artery) as spinal muscular atrophy', () => {
    expect(
      conditionLeaves(
        'Involvement of non-regional LN (e.g . Celiac LN, SMA lymph node, inter-aortocaval or left para-ortic LN).',
      ),
    ).toEqual([]);
  });
});

describe('treatment a condition required', () => {
  it('reads the prior-therapy words of "required systemic treatment in past 2 years (i.e., … steroids …)" with the condition', () => {
    const r = read(
      'Active autoimmune disease that has required systemic treatment in past 2 years (i.e., with use of disease modifying agents, corticosteroids or immunosuppressive drugs).',
    );
    expect(r.findingCategories).toEqual(expect.arrayContaining(['medical_history', 'prior_therapy']));
    expect(
      conditionLeaves(
        'Active autoimmune disease that has required systemic treatment in past 2 years (i.e., with use of disease modifying agents, corticosteroids or immunosuppressive drugs).',
      ),
    ).toEqual([{ names: ['autoimmune_disease'], active: true, withinYears: 2, value: true }]);
  });

  it('does not claim prior therapy for a past need left to the coordinator, nor for hospitalisation', () => {
    expect(read('History of pneumonitis that required steroids.').findingCategories).not.toContain('prior_therapy');
    expect(read('Active infection requiring hospitalization.').findingCategories).not.toContain('prior_therapy');
  });
});

describe('"depression" that is an ECG or organ finding', () => {
  it('reads no mood disorder from ST segment depressions (NCT07287917) or bone marrow depression', () => {
    const ecg = readCriterion(
      normalise('Bundle branch block including right or left bundle branch block, clinically significant ST segment elevations or depressions (e.g., ≥1 mm elevation or ≥0.5 mm depression), arrhythmias.').text,
      'exclusion',
      [],
    ).condition;
    const names = leavesOf(ecg!).flatMap((l) => ((l.params?.names as string[] | undefined) ?? []));
    expect(names).toContain('arrhythmia');
    expect(names).not.toContain('depression');
    expect(readCriterion(normalise('History of bone marrow depression').text, 'exclusion', []).condition).toBeNull();
    // The mood disorder itself is still read.
    expect(readCriterion(normalise('Uncontrolled depression').text, 'exclusion', []).condition).toEqual(
      cond({ names: ['depression'], active: true }),
    );
  });
});
