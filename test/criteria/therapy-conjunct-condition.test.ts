/**
 * A condition that opens a conjunct of its own after a required treatment ("must have received X and
 * if PD-L1 ≥ 10% Y") binds that conjunct only: X stays required, the conditional part is read (or left
 * unread) beside it. A condition before the list, or one without "and", still makes the list optional.
 * Criteria lines are verbatim from the corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz) unless marked.
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, readRule, therapy } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record);

describe('"X and if …, Y": X stays required', () => {
  it('requires sacituzumab govitecan before the conditional pembrolizumab (NCT06150664)', () => {
    const { condition } = readRule('Patients must have received prior sacituzumab govitecan and if PD-L1 ≥10% by CPS pembrolizumab with chemotherapy', 'inclusion');
    expect(condition).toMatchObject({ all: expect.arrayContaining([therapy({ drugs: ['sacituzumab_govitecan'] })]) });
    // Never had it: not eligible, whatever the PD-L1 score.
    expect(judge({ treatments: [{ name: 'carboplatin', start: '2024-01-10' }] }, condition!)).toBe(false);
  });

  it('keeps a list optional under a condition that is not a conjunct of its own (made up)', () => {
    // "if eligible" binds the treatment itself: sufficient, never required.
    const { condition } = readRule('Patients must have received prior sacituzumab govitecan if eligible', 'inclusion');
    expect(condition).toMatchObject({ any: [therapy({ drugs: ['sacituzumab_govitecan'] }), { fact: 'unparsed' }] });
    expect(judge({ treatments: [{ name: 'carboplatin', start: '2024-01-10' }] }, condition!)).toBeNull();
  });
});
