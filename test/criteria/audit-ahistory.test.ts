/**
 * Audit of medical-history and infection readings that were wrong (session 19, second round). Real
 * corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz) pin the corrected rules:
 * - a condition "with exceptions" named elsewhere ("(with exceptions)", "(with specific exceptions)",
 *   "with exceptions as noted in Exclusion Criterion 10") is no longer sufficient to exclude: the
 *   words stay an unparsed leaf beside it, all(condition, unknown);
 * - "Hepatitis B or Hepatitis C acute or chronic infection" names one infection, not also any active
 *   infection (which excluded a patient with a urinary tract infection).
 * - "non-irradiated" (or "un-treated") brain lesions are untreated ones: a permission that asks for
 *   them ("Patients with prior SRS will also be eligible, provided that there are new, non-irradiated
 *   measurable brain lesions") does not require brain metastases to be absent or treated and stable.
 * - brain metastases "amenable to radiosurgery" are untreated ones still to be treated, and "Patients
 *   whose intracranial disease changes between … scans" names no presence of metastases;
 * - a contraceptive named as a medicine to stop ("must discontinue sex hormone therapy …, e.g. birth
 *   control pills") is no requirement to use contraception.
 * - a severe reaction is the study-drug question only when the severity qualifies every reaction the
 *   criterion names: "Contraindications or life-threatening allergies … to any study drug", "severe
 *   allergic reactions to chimeric antibodies …, or known allergies to dostarlimab" exclude on any.
 * Each rule is evaluated against patient records too.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { attest, cond, judgeRecord, readRule, unparsed } from '../support/criteria';

const patient = (conditions: PatientRecord['conditions']): PatientRecord => ({
  cancers: [{ type: 'melanoma' }],
  conditions,
});
const judge = (c: Condition, record: PatientRecord) => judgeRecord(c, record);

describe('a condition with exceptions named elsewhere', () => {
  it('keeps "(with exceptions)" as an unknown beside the autoimmune disease (NCT06357533, NCT05211895)', () => {
    const { condition, unread } = readRule(
      'Active or prior documented autoimmune or inflammatory disorders (with exceptions)',
      'exclusion',
    );
    expect(condition).toEqual({ all: [cond({ names: ['autoimmune_disease'] }), unparsed('with exceptions')] });
    // The exceptions are a leaf of the rule, not words left over.
    expect(unread).toBe('');
    // A patient with vitiligo may be one of the exceptions: not known to be excluded.
    expect(judge(condition!, patient([{ name: 'vitiligo', status: 'active' }]))).toBeNull();
    // A patient with no autoimmune disease is cleared.
    expect(judge(condition!, patient([{ name: 'hypertension', status: 'controlled' }]))).toBe(false);
  });

  it('joins "(with specific exceptions)" to the condition, not beside it (NCT07260591)', () => {
    const { condition } = readRule('Active or history of autoimmune disease (with specific exceptions).', 'exclusion');
    expect(condition).toEqual({ all: [cond({ names: ['autoimmune_disease'] }), unparsed('with specific exceptions')] });
    expect(judge(condition!, patient([{ name: 'psoriasis', status: 'active' }]))).toBeNull();
  });

  it('qualifies the condition "with exceptions as noted in Exclusion Criterion 10" (NCT06090266)', () => {
    const text =
      'Autoimmune disease or inflammatory condition requiring systemic anti-inflammatory therapy with exceptions as noted in Exclusion Criterion 10. Subjects on hormone replacement therapy for autoimmune-induced endocrinopathies are eligible.';
    const { condition, unread } = readRule(text, 'exclusion');
    // The autoimmune disease alone no longer excludes anyone.
    expect(condition).toEqual({
      all: [cond({ names: ['autoimmune_disease'], except: ['endocrine_disease'] }), unparsed('with exceptions')],
    });
    expect(unread).toContain('inflammatory condition requiring systemic anti-inflammatory');
    expect(judge(condition!, patient([{ name: 'rheumatoid arthritis', status: 'active' }]))).toBeNull();
  });

  it('leaves a condition without exceptions as it was', () => {
    expect(readRule('Active autoimmune disease', 'exclusion').condition).toEqual(
      cond({ names: ['autoimmune_disease'], active: true }),
    );
  });
});

describe('named infections with their course', () => {
  it('reads "Hepatitis B (HBV) or Hepatitis C (HCV) acute or chronic infection" as those infections only (NCT05968690)', () => {
    const { condition, unread } = readRule(
      'Hepatitis B (HBV) or Hepatitis C (HCV) acute or chronic infection.',
      'exclusion',
    );
    expect(condition).toEqual(cond({ names: ['hbv', 'hcv'] }));
    expect(unread).toBe('');
    expect(leavesOf(condition!).some((l) => (l.params as { names?: string[] })?.names?.includes('infection'))).toBe(
      false,
    );
    // A urinary tract infection is not hepatitis: the patient is not excluded.
    expect(judge(condition!, patient([{ name: 'urinary tract infection', status: 'active' }]))).toBe(false);
    expect(judge(condition!, patient([{ name: 'chronic hepatitis B', status: 'active' }]))).toBe(true);
  });
});

describe('brain lesions written as not irradiated', () => {
  it('does not read "non-irradiated" brain lesions as treated ones (NCT01724606)', () => {
    const text =
      'Patients with prior SRS will also be eligible, provided that there are new, non-irradiated measurable brain lesions.';
    const { condition } = readRule(text, 'inclusion');
    // The trial is for patients with new or progressing brain metastases: none of them fails here.
    expect(leavesOf(condition!).some((l) => l.fact === 'brainMetastases')).toBe(false);
    expect(condition).toEqual({
      any: [
        { fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds: ['radiation'] } },
        unparsed(
          'Patients with prior SRS will also be eligible, provided that there are new, non-irradiated measurable brain lesions',
        ),
      ],
    });
  });

  it('still reads a permission for treated metastases', () => {
    expect(readRule('Patients with treated brain metastases are eligible.', 'inclusion').condition).toEqual({
      fact: 'brainMetastases',
      operator: 'in',
      value: ['none', 'treated-stable'],
    });
  });
});

describe('brain metastases still to be treated, or the subject of a change', () => {
  it('does not require treated metastases where ones amenable to radiosurgery are allowed (NCT04498767)', () => {
    const text =
      'Brain metastases amenable to radiosurgery or fractionated stereotactic radiotherapy patient who had neurosurgical resection before trial inclusion are allowed and resected brain metastases count to the total number of oligometastases';
    const { condition } = readRule(text, 'inclusion');
    expect(leavesOf(condition!).some((l) => l.fact === 'brainMetastases')).toBe(false);
  });

  it('does not exclude every patient with brain metastases for a change between scans (NCT03340129)', () => {
    const text =
      'Patients whose intracranial disease changes between the diagnostic MRI scan and the baseline / SRS planning MRI scan and who are no longer suitable for SRS and / or require a specific alternative treatment outside of this protocol.';
    const { condition } = readRule(text, 'exclusion');
    expect(leavesOf(condition!).some((l) => l.fact === 'brainMetastases')).toBe(false);
  });

  it('still reads metastases whose own state excludes them', () => {
    const { condition } = readRule('Patients whose brain metastases are symptomatic.', 'exclusion');
    expect(leavesOf(condition!)).toContainEqual({ fact: 'brainMetastases', operator: 'in', value: ['active'] });
  });
});

describe('a contraceptive as a medicine to stop', () => {
  it('reads no contraception requirement in "must discontinue sex hormone therapy …, e.g. birth control pills" (NCT01147016)', () => {
    const text =
      'Patients must discontinue sex hormone therapy prior to registration, e.g. birth control pills, hormonal replacement therapy';
    const { condition, unread } = readRule(text, 'inclusion');
    // Unread whole: there is no attestation of stopping a medicine.
    expect(condition).toBeNull();
    expect(unread).toContain('birth control pills');
  });

  it('still reads contraception required beside stopping breastfeeding', () => {
    const { condition } = readRule(
      'Women must discontinue breastfeeding and use effective contraception during the study.',
      'inclusion',
    );
    expect(leavesOf(condition!)).toContainEqual(attest('contraception', true));
    expect(leavesOf(condition!)).toContainEqual({ fact: 'breastfeeding', operator: 'equal', value: false });
  });
});

describe('a severe reaction beside a plain one to the study drug', () => {
  it.each([
    [
      'Contraindications or life-threatening allergies, hypersensitivity, or intolerance to any study drug or its excipients',
      'NCT06208150',
    ],
    [
      'Has a history of severe allergic and/or anaphylactic reactions to chimeric, human or humanized antibodies, fusion proteins, or known allergies to dostarlimab or its excipients.',
      'NCT06256588',
    ],
    [
      'Patients with known allergy or severe hypersensitivity to any of the study treatments or any of the study treatment excipients.',
      'NCT03518606',
    ],
    [
      'Subjects with history of allergy to study drug components or history of severe hypersensitivity reaction to monoclonal antibodies;',
      'NCT06240143',
    ],
  ])('reads any reaction to the study drug in "%s" (%s)', (text) => {
    expect(readRule(text, 'exclusion').condition).toEqual(attest('study_drug_allergy', true));
  });

  it.each([
    ['Known severe hypersensitivity to any component of study drug(s).', 'NCT05086692'],
    [
      'Known prior severe hypersensitivity to investigational product or any component in its formulations, including known severe hypersensitivity reactions to monoclonal antibodies (CTCAE v5 Grade ≥ 3).',
      'NCT05663775',
    ],
  ])('keeps the severe question where every reaction is severe: "%s" (%s)', (text) => {
    expect(leavesOf(readRule(text, 'exclusion').condition!)).toContainEqual(attest('study_drug_severe_allergy', true));
  });
});
