/**
 * Comorbid conditions and findings the lexicon lacked, read from real corpus lines
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz): hypoproteinemia, acidosis, dysphagia and
 * gastroparesis; "severe physical or mental diseases" as the intercurrent-illness umbrella; an
 * uncorrectable or irreversible condition as a kind of the condition (necessary, the kind left to a
 * coordinator); a bracketed acronym inside a with-clause; and a definition's subject, which is no
 * finding of its own.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { parseCriteria } from '../../src/criteria/parse';
import { cond as condLeaf, readRule, unparsed } from '../support/criteria';

/** The one criterion of an exclusion list, as parseCriteria reads it (its unread words joined in). */
function exclusion(text: string) {
  const [c] = parseCriteria(`Exclusion Criteria:\n\n* ${text}`);
  return c!;
}
function inclusion(text: string) {
  const [c] = parseCriteria(`Inclusion Criteria:\n\n* ${text}`);
  return c!;
}
const cond = (names: string[], extra: Record<string, unknown> = {}, value = true): Condition => condLeaf({ names, ...extra }, value);
/** The members of a rule's top-level any/all. */
const members = (rule: Condition): Condition[] => ('all' in rule ? rule.all : 'any' in rule ? rule.any : [rule]);
const conditionNames = (c: Condition): string[][] =>
  leavesOf(c)
    .filter((l) => l.fact === 'condition')
    .map((l) => (l.params as { names: string[] }).names);

describe('lexicon entries for findings the corpus names', () => {
  const lex = lexicons();

  it('gives each a named source, and codes where ICD-10-CM has them', () => {
    expect(lex.conditionById.get('acidosis')?.icd10).toEqual(['E87.2']);
    expect(lex.conditionById.get('dysphagia')?.icd10).toEqual(['R13.1']);
    expect(lex.conditionById.get('gastroparesis')?.icd10).toEqual(['K31.84']);
    // No code that would also name raised plasma proteins.
    expect(lex.conditionById.get('hypoproteinemia')?.icd10 ?? []).toEqual([]);
  });

  it('reads hypoproteinemia (NCT04158193 e9)', () => {
    const c = exclusion('Have hypoproteinemia');
    expect(c.status).toBe('parsed');
    expect(c.rule).toEqual({ all: [cond(['hypoproteinemia'])] });
  });

  it('reads acidosis, the alcohol intake beside it staying another way to be excluded (NCT04114136 e16)', () => {
    const c = exclusion('History of acidosis of any type or habitual intake of 5 or more alcoholic beverages a day.');
    expect(c.rule).toEqual({ any: [cond(['acidosis']), unparsed('habitual intake of 5 or more alcoholic beverages')] });
  });

  it('reads severe dysphagia with what narrows it kept beside it (NCT05251389 e11)', () => {
    const c = exclusion('Severe dysphagia with incapability of swallowing 2 liters of bowel lavage');
    expect(c.rule).toEqual({
      all: [cond(['dysphagia'], { active: true }), unparsed('with incapability of swallowing 2 liters of bowel lavage')],
    });
  });

  it('reads dysphagia as an example of the conditions an exclusion names (NCT06359860 e26)', () => {
    const c = exclusion(
      'Subjects with oral administration impossible, or in the conditions of malabsorption as determined by the investigator, such as dysphagia and intestinal obstruction, etc.;',
    );
    expect(conditionNames(c.rule)).toContainEqual(['dysphagia', 'bowel_obstruction']);
  });

  it('reads an inclusion requiring no significant gastroparesis (NCT05994521 i2)', () => {
    const c = inclusion('Elevated liver function tests requiring ERCP without evidence of MGOO of significant gastroparesis (see exclusion criterion #3 and #4)');
    expect(c.status).toBe('partial');
    expect(members(c.rule)[0]).toEqual(cond(['gastroparesis'], { active: true }, false));
  });

  it('leaves the index that narrows gastroparesis beside it, and its definition is no second exclusion (NCT05994521 e2)', () => {
    const c = exclusion(
      'Gastroparesis with a Gastroparesis Cardinal Symptom Index (GCSI) of \\>2. Gastroparesis is defined as having symptoms of MGOO without radiological and/or endoscopic evidence of mechanical obstruction.',
    );
    // Gastroparesis alone never excludes: only with the index, which is left to a coordinator.
    expect(members(c.rule)[0]).toEqual({ all: [cond(['gastroparesis']), unparsed('with a Gastroparesis Cardinal Symptom Index (GCSI) of >2')] });
    expect(members(c.rule).filter((x) => JSON.stringify(x) === JSON.stringify(cond(['gastroparesis'])))).toEqual([]);
  });
});

describe('severe physical or mental disease', () => {
  it('is the intercurrent-illness umbrella, active (NCT05098184 e5)', () => {
    const c = exclusion('Severe physical or mental diseases;');
    expect(c.status).toBe('parsed');
    expect(c.rule).toEqual({ all: [cond(['uncontrolled_intercurrent_illness'], { active: true })] });
  });

  it('reads "severe medical or psychiatric illness" the same way', () => {
    expect(readRule('Severe medical or psychiatric illness', 'exclusion').condition).toEqual(
      cond(['uncontrolled_intercurrent_illness'], { active: true }),
    );
  });

  it('leaves a physical condition without its mental half, or without a severity, unread', () => {
    expect(readRule('Severe physical condition', 'exclusion').condition).toBeNull();
    expect(readRule('Medical or psychiatric illness', 'exclusion').condition).toBeNull();
  });

  it('leaves a judged one to the judgement readers (NCT07371663 e23)', () => {
    const r = readRule(
      'Other severe physical/mental illnesses or factors that may increase study risk or interfere with results, or any condition deemed unsuitable by the investigator.',
      'exclusion',
    );
    expect(JSON.stringify(r.condition ?? null)).not.toContain('uncontrolled_intercurrent_illness');
  });
});

describe('an uncorrectable or irreversible condition', () => {
  it('keeps the condition necessary and its kind beside it (NCT05994521 e3)', () => {
    const c = exclusion('Uncorrectable coagulopathy and/or thrombocytopenia');
    // Before, any coagulopathy excluded: a correctable one too.
    expect(c.rule).toEqual({ any: [{ all: [cond(['bleeding_disorder']), unparsed('Uncorrectable')] }, unparsed('thrombocytopenia')] });
  });

  it('reads "irreversible interstitial lung disease" as a kind of it (NCT07310784 e10)', () => {
    const c = exclusion('Patients with current or previous irreversible interstitial lung disease;');
    expect(c.rule).toEqual({ all: [cond(['interstitial_lung_disease']), unparsed('irreversible')] });
  });
});

describe('a with-clause holding an acronym in brackets', () => {
  it('narrows the condition before it (NCT06362369 e10)', () => {
    const c = exclusion(
      'e) uncontrolled atrial fibrillation with heart rate \\> 100 beats per minute (bpm); unstable ischemic heart disease (myocardial infarction within 6 months prior to starting treatment or angina requiring use of nitrates more than once weekly);',
    );
    expect(members(c.rule)[0]).toEqual({
      all: [cond(['atrial_fibrillation'], { active: true }), unparsed('with heart rate > 100 beats per minute (bpm)')],
    });
  });

  it('still ends at a longer parenthesis', () => {
    const r = readRule('Hypertension with drug treatment (systolic blood pressure above 150 mmHg despite medication)', 'exclusion');
    expect(JSON.stringify(r.condition)).not.toContain('with drug treatment (systolic');
  });
});

describe('coagulation defects and coronary ischemia', () => {
  it('reads "coagulation dysfunction" as a bleeding disorder (NCT05366478 e2)', () => {
    const c = exclusion('Severe liver and kidney dysfunction, severe heart disease, coagulation dysfunction, and hematopoietic dysfunction;');
    expect(conditionNames(c.rule).flat()).toContain('bleeding_disorder');
  });

  it('keeps coagulation defects inside the clause that narrows a hepatic insufficiency (NCT06500455 i14)', () => {
    const c = inclusion('No hepatic insufficiency resulting in clinical jaundice and/or coagulation defects');
    expect(conditionNames(c.rule).flat()).not.toContain('bleeding_disorder');
  });

  it('reads "no active coronary ischemia" as no active coronary artery disease (NCT06594991 i8)', () => {
    const c = inclusion('No signs of active coronary ischemia, including ECG changes or elevated troponin if clinically indicated');
    expect(members(c.rule)[0]).toEqual(cond(['coronary_artery_disease'], { active: true }, false));
    expect(c.unread).toBe('ECG changes or elevated troponin … indicated');
  });
});

describe('a negative UPT', () => {
  it('is a negative urine pregnancy test (NCT06466434 i9, NCT06548789 i8)', () => {
    const c = inclusion('WOCP must have negative UPT within 1 week of beginning dietary intervention.');
    expect(members(c.rule)[0]).toEqual({ fact: 'pregnant', operator: 'equal', value: false });
    expect(c.unread).toBe('beginning dietary intervention');
  });
});
