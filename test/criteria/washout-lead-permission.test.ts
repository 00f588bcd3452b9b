/**
 * A washout that names no treatment, under a lead-in that permits one (therapy-lead-washout.ts):
 * "Prior therapy with systemic immunotherapy or other investigational agents is allowed" / "Washout
 * period of 14 days since last dose" → not priorTherapy(immunotherapy, investigational, within 14
 * days). Lines are verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz)
 * with their lead-in, unless marked as a variant.
 *
 * Cases: NCT05026983 i21 (read, judged on records), NCT05026983 i6 (no washout: nothing read),
 * variants that stay unread (a lead-in that is no permission, a list with another word, an exclusion).
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, readRule, therapy, therapyLeaves } from '../support/criteria';

const AS_OF = '2025-06-01';
const judge = (c: Condition, record: PatientRecord) => judgeRecord(c, record, AS_OF);
const endedAgo = (name: string, daysAgo: number) => {
  const d = new Date(Date.parse(AS_OF) - daysAgo * 86_400_000).toISOString().slice(0, 10);
  return { name, kind: 'systemic' as const, start: d, end: d };
};
const LINE = 'Washout period of 14 days since last dose';
const LEAD = 'Prior therapy with systemic immunotherapy or other investigational agents is allowed';

describe('a washout line under a lead-in that permits the treatment', () => {
  it('reads the washout of the treatments the lead-in allows (NCT05026983)', () => {
    const { condition, unread } = readRule(LINE, 'inclusion', [LEAD]);
    const rule = therapy({ kinds: ['immunotherapy', 'investigational'], withinDays: 14 }, false);
    expect(condition).toEqual(rule);
    expect(unread).toBe('');
    // Nivolumab 7 days ago is inside the washout; 30 days ago, or never, passes.
    expect(judge(rule, { treatments: [endedAgo('nivolumab', 7)] })).toBe(false);
    expect(judge(rule, { treatments: [endedAgo('nivolumab', 30)] })).toBe(true);
    expect(judge(rule, { treatments: [] })).toBe(true);
  });

  it('reads nothing of a line that requires no washout (NCT05026983)', () => {
    const lead = 'Cohort A: Prior therapy with Food and Drug Administration (FDA)-approved BRAF inhibitors (+/- MEK inhibitors) is required';
    expect(therapyLeaves(readRule('No washout period is required', 'inclusion', [lead]).condition)).toEqual([]);
  });

  it('reads only a permission whose list is its treatments, in an inclusion (variants)', () => {
    for (const [lead, kind] of [
      // A lead-in that requires the treatment: the washout may be of something else.
      ['Prior therapy with immunotherapy is required', 'inclusion'],
      // A word in the list that narrows it.
      ['Prior therapy with adjuvant immunotherapy is allowed', 'inclusion'],
      // An exclusion's washout line is no requirement of the washout.
      [LEAD, 'exclusion'],
    ] as const)
      expect(therapyLeaves(readRule(LINE, kind, [lead]).condition)).toEqual([]);
  });
});
