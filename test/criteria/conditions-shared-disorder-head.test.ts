/**
 * "Known psychiatric or substance abuse disorders that would interfere with cooperation with the
 * requirements of the trial" (KEYNOTE's wording, in 22 corpus trials): the two conditions share the
 * head noun "disorders", so both are read, and the harm the sentence requires narrows them. Before, only
 * substance abuse was read and the orphaned "disorders" stood as one more way to be excluded.
 */
import type { Condition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import { criterionRule, judgeRecord } from '../support/criteria';

const names = (c: Condition): string[] =>
  leavesOf(c).flatMap((l) => (l.fact === 'condition' ? ((l.params as { names?: string[] }).names ?? []) : []));

describe('psychiatric or substance abuse disorders', () => {
  const rule = criterionRule('Known psychiatric or substance abuse disorders that would interfere with cooperation with the requirements of the trial.', 'exclusion');

  it('reads both conditions under the shared head (NCT07448831 e12)', () => {
    expect(names(rule).sort()).toEqual(['psychiatric_illness', 'substance_use_disorder']);
    expect('all' in rule).toBe(true);
  });

  it('excludes nobody for the condition alone: whether it interferes is left to the care team', () => {
    expect(judgeRecord(rule, { conditions: [{ name: 'schizophrenia' }] })).not.toBe(true);
    expect(judgeRecord(rule, { conditions: [] })).toBe(false);
  });
});
