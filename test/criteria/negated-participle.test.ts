/**
 * A participle negated after the findings of an exclusion ("… spinal cord compression not definitively
 * treated with surgery or radiation", "cardiac arrhythmias not controlled with medication") says which
 * of them exclude. Left unread, it must narrow them, not stand beside them as one more way to be
 * excluded; an "or" that opens a clause of its own ("… or from which the patient has not fully
 * recovered") still offers one. Verbatim corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { criterionRule, judgeRecord, unparsed } from '../support/criteria';

const excl = (text: string): Condition => criterionRule(text, 'exclusion');

describe('a negated participle after an exclusion\'s findings', () => {
  it('narrows the list it follows, the "not" shown with the unread words (NCT07281924 e4)', () => {
    const rule = excl('Symptomatic or uncontrolled brain metastases, leptomeningeal disease, or spinal cord compression not definitively treated with surgery or radiation.');
    expect('all' in rule).toBe(true);
    expect((rule as { all: Condition[] }).all).toContainEqual(unparsed('not definitively treated with surgery or radiation'));
    // A patient whose cord compression was treated is not excluded on the list alone: unknown, for the coordinator.
    expect(judgeRecord(rule, { conditions: [{ name: 'spinal cord compression' }] })).toBeNull();
  });

  it('narrows one finding, and a list joined by "and/or" (NCT05076760 e10, NCT06444815 e3)', () => {
    const arrhythmia = excl('cardiac arrhythmias not controlled with medication');
    expect((arrhythmia as { all: Condition[] }).all).toContainEqual(unparsed('not controlled'));
    expect(judgeRecord(arrhythmia, { conditions: [{ name: 'atrial fibrillation' }] })).toBeNull();
    const cns = excl('CNS metastases and/or carcinomatous meningitis that have not been completely resected or completely irradiated.');
    expect((cns as { all: Condition[] }).all).toContainEqual(unparsed('not completely resected or completely irradiated'));
  });

  it('leaves a clause an "or" opens as another way to be excluded (NCT06038539 e5, NCT05549297 e9)', () => {
    const surgery = excl('Major surgical procedure that is unrelated to breast cancer within 4 weeks prior to randomization or from which the patient has not fully recovered');
    expect('any' in surgery).toBe(true);
    expect(JSON.stringify(surgery)).not.toContain('not fully recovered');
    const washout = excl(
      'received prior treatment with a licensed or investigative Immune-mobilizing monoclonal T-cell receptor Against Cancer (ImmTAC) medication or who have not completed adequate washout from prior medications.',
    );
    expect('any' in washout).toBe(true);
  });
});
