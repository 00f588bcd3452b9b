/**
 * Audit of attestation readings in the "other" family (session 20, second round). Real corpus lines
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz) pin the corrected rules:
 * - an exclusion of a condition "that could interfere with the patient's safety, consent, or
 *   compliance", which the investigator's catch-all reads (investigator_concern), no longer joins the
 *   patient's own "can attend the visits" (compliance) beside the concern: all(concern, not compliant)
 *   cleared a patient the investigator was concerned about as soon as they said they could attend;
 * - the same clause qualifying a named condition ("psychiatric disorders that would interfere with …",
 *   "severe mental illness, substance abuse, or other conditions that …") keeps its reading, the
 *   condition joined with the clause;
 * - treatment candidacy reads "local consolidative" care ("not suitable for local consolidative
 *   radiation therapy").
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { attest, cond, judgeRecord, readRule } from '../support/criteria';

const concern = attest('investigator_concern', true);
const patient = (attestations: Record<string, boolean>): PatientRecord => ({
  cancers: [{ type: 'melanoma' }],
  attestations,
});
const judge = (c: Condition, record: PatientRecord) => judgeRecord(c, record);

describe('a condition interfering with compliance, read by the investigator catch-all', () => {
  it('reads "conditions that could interfere with the patient\'s safety, consent, or compliance" as the concern (NCT03340129)', () => {
    const { condition, unread } = readRule(
      "Serious or unstable pre-existing medical conditions or other conditions that could interfere with the patient's safety, consent, or compliance.",
      'exclusion',
    );
    expect(condition).toEqual(concern);
    expect(unread).toBe('');
    // The investigator's concern is the exclusion, whatever the patient says about the visits.
    expect(judge(condition!, patient({ investigator_concern: true, compliance: true }))).toBe(true);
    expect(judge(condition!, patient({ investigator_concern: false }))).toBe(false);
  });

  it('reads "Any medical condition that will interfere with patient compliance or safety" as the concern (NCT03563729)', () => {
    const { condition } = readRule('Any medical condition that will interfere with patient compliance or safety', 'exclusion');
    expect(condition).toEqual(concern);
  });

  it('reads "Serious medical conditions that may adversely affect ability to participate" as the concern (NCT07318051)', () => {
    const { condition } = readRule('Serious medical conditions that may adversely affect ability to participate in the study.', 'exclusion');
    expect(condition).toEqual(concern);
    expect(judge(condition!, patient({ investigator_concern: true, compliance: true }))).toBe(true);
  });

  it('reads a risk, compliance or results clause as the concern (NCT06839105)', () => {
    const text =
      'The presence of other serious physical or mental illnesses or abnormalities in laboratory tests that may increase the risk of participation in the study, affect treatment compliance, or interfere with the study results, patients who are judged by the investigator to be unsuitable for participation in the study.';
    expect(readRule(text, 'exclusion').condition).toEqual(concern);
  });

  it('no longer reads the consent clause of such a condition as a separate exclusion (NCT05859074)', () => {
    const { condition } = readRule(
      'Any other medical or psychological condition that would preclude participation in the study or compromise ability to give informed consent',
      'exclusion',
    );
    expect(condition).toEqual(concern);
  });

  it('keeps the clause joined to a named condition that heads it (NCT07628634)', () => {
    const text =
      'Psychiatric Disorders: Subjects with psychiatric disorders that would interfere with the ability to give informed consent or adhere to study requirements per investigator judgment.';
    const { condition, unread } = readRule(text, 'exclusion');
    // A psychiatric disorder alone never excludes.
    expect(condition).toEqual({
      all: [
        cond({ names: ['psychiatric_illness'] }),
        { any: [attest('compliance', false), attest('informed_consent', false)] },
        concern,
      ],
    });
    expect(unread).toBe('disorders');
    expect(judge(condition!, { ...patient({ investigator_concern: false }), conditions: [{ name: 'depression', status: 'active' }] })).toBe(false);
  });

  it('keeps the clause joined to a named condition listed before it (NCT07260591)', () => {
    const { condition } = readRule(
      'History of severe mental illness, substance abuse, or other conditions that may interfere with study compliance.',
      'exclusion',
    );
    // The mental illness is read without "severe": alone it would exclude a patient with mild depression.
    expect(JSON.stringify(condition)).toContain('"topic":"compliance"');
    expect(condition).toMatchObject({ all: expect.arrayContaining([concern]) });
  });

  it('keeps an inability to comply that is not a condition\'s clause ("Inability to comply … and/or any other … condition")', () => {
    const text =
      'Inability to comply with protocol procedures and/or any other acute or chronic medical condition that may increase the risk for the subject associated with study participation or study drug administration, that may interfere with the interpretation of study results and, in the judgment of the Investigator, would make the subject inappropriate for entry into this study.';
    const { condition } = readRule(text, 'exclusion');
    expect(JSON.stringify(condition)).toContain('"topic":"compliance"');
  });
});

describe('treatment candidacy for local consolidative care', () => {
  it('reads "not suitable for local consolidative radiation therapy" (NCT05277844 e3)', () => {
    expect(readRule('Patients not suitable for local consolidative radiation therapy', 'exclusion')).toEqual({
      condition: attest('treatment_candidate', false),
      unread: '',
    });
  });

  it('reads "suitable for local consolidative therapy" (NCT05277844 i5)', () => {
    const { condition } = readRule('Patients suitable for local consolidative therapy', 'inclusion');
    expect(condition).toEqual(attest('treatment_candidate', true));
    expect(judge(condition!, patient({ treatment_candidate: false }))).toBe(false);
  });
});
