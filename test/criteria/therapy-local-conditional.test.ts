/**
 * A requirement an "if" clause binds to the patients who had a local treatment
 * (therapy-local-conditional.ts): verbatim corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz)
 * pin the readings, with the forms that must stay unread.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, readRule, therapy, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record, '2025-06-01');
const surgery = therapy({ kinds: ['surgery'] });
const operated: PatientRecord = { treatments: [{ name: 'wide local excision', kind: 'surgery', date: '2025-04-01' }] };

describe('an "if" clause about an operation binds only those who had one', () => {
  it('reads the exclusion of patients not recovered from major surgery (NCT04572451 e11)', () => {
    const text =
      'If subject underwent major surgery, subject must have recovered adequately from the toxicity and/or complications from the intervention prior to starting therapy.';
    const r = readRule(text, 'exclusion', ['Medical History and Concurrent Diseases']);
    expect(r.condition).toEqual({ all: [surgery, unparsed(text.replace(/\.$/, ''))] });
    // Never operated on: the line excludes no one; operated on: recovery decides (unknown).
    expect(judge({ treatments: [] }, r.condition!)).toBe(false);
    expect(judge(operated, r.condition!)).toBeNull();
  });

  it('reads a time counted from a resection that may not have happened (NCT06605404 i4)', () => {
    const text =
      'If surgical resection has occurred, enrollment should occur within 3 months of surgical resection and before initiation of adjuvant therapy.';
    const r = readRule(text, 'inclusion', ['Eligible for curative intent therapy, with surgical resection of cancer planned.']);
    expect(r.condition).toEqual({ any: [{ ...surgery, value: false }, unparsed(text.replace(/\.$/, ''))] });
    // Not yet operated on: the line does not bind the patient; operated on: the time decides.
    expect(judge({ treatments: [] }, r.condition!)).toBe(true);
    expect(judge(operated, r.condition!)).toBeNull();
  });

  it('leaves negated, alternative, planned and list-continuing clauses unread', () => {
    for (const [text, kind] of [
      ['If the patient has not undergone surgery, a biopsy must be available.', 'inclusion'],
      ['If subject underwent surgery or has a wound, it must have healed.', 'inclusion'],
      ['If surgery is planned, it must occur after cycle 2.', 'inclusion'],
      // The comma goes on with the list: those who had cryotherapy alone are bound too.
      ['If subjects received surgery, cryotherapy or laser, they must have recovered.', 'inclusion'],
    ] as const) {
      const { condition } = readRule(text, kind);
      expect(leavesOf(condition ?? unparsed('')).some((l) => l.fact === 'priorTherapy' && (l.params?.kinds as string[] | undefined)?.includes('surgery'))).toBe(false);
    }
  });

  it('is not read under a heading that makes its lines options', () => {
    const text = 'If surgical resection has occurred, enrollment should occur within 3 months of surgical resection.';
    const { condition } = readRule(text, 'inclusion', ['Patients must meet one of the following:']);
    expect(leavesOf(condition ?? unparsed('')).some((l) => l.fact === 'priorTherapy')).toBe(false);
  });
});
