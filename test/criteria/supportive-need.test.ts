/**
 * An exclusion's "need for" supportive care, or "need(s)" with no preposition, says what "requirement
 * for" and "requires" say: the patient takes or requires steroids or immunosuppressants. It is read as
 * their receipt, with the need (and any dose, for which no fact has a param) left unread beside it, so
 * the reading is necessary only and a dose never widens the exclusion. A need foreseen, during the
 * trial or in a window after enrollment, stays unread. Verbatim corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { criterionRule, judgeRecord } from '../support/criteria';

const excl = (text: string): Condition => criterionRule(text, 'exclusion');

type Leaf = { fact: string; params?: Record<string, unknown> };
function leaves(c: Condition): Leaf[] {
  if ('all' in c) return (c.all as Condition[]).flatMap(leaves);
  if ('any' in c) return (c.any as Condition[]).flatMap(leaves);
  if ('not' in c) return leaves(c.not as Condition);
  return [c as unknown as Leaf];
}
/** The branch of a rule that holds the receipt of the given class. */
function branchWith(c: Condition, cls: string): Condition | undefined {
  const has = (x: Condition): boolean => leaves(x).some((l) => l.fact === 'priorTherapy' && (l.params?.classes as string[] | undefined)?.includes(cls));
  if (!has(c)) return undefined;
  if ('any' in c) return (c.any as Condition[]).find(has);
  return c;
}
const unreadText = (c: Condition): string =>
  leaves(c)
    .filter((l) => l.fact === 'unparsed')
    .map((l) => String(l.params?.text))
    .join(' … ');

describe('the need of supportive care in an exclusion', () => {
  it('reads "need for" as the receipt, the need unread beside it (NCT06660420 e10)', () => {
    const rule = excl('Need for systemic immunosuppressive therapy or other physiological replacement of corticosteroids.');
    const branch = branchWith(rule, 'immunosuppressant');
    expect(branch && 'all' in branch).toBe(true);
    expect(unreadText(branch!)).toMatch(/^Need for/);
    // Never true on its own: whoever takes tacrolimus is still a question for the coordinator.
    expect(judgeRecord(rule, { treatments: [{ name: 'tacrolimus', start: '2025-05-01' }] })).toBeNull();
  });

  it('reads "need" with no preposition the same way, the dose left unread (NCT05098184 e1)', () => {
    const rule = excl(
      'Need glucocorticoid treatment, and daily dose of Prednisone greater than 15mg (or equivalent doses of hormones) or outoimmune diseases requiring immunomodulatory treatment;',
    );
    const branch = branchWith(rule, 'corticosteroid');
    expect(branch && 'all' in branch).toBe(true);
    expect(unreadText(rule)).toMatch(/dose/);
    expect(unreadText(rule)).toMatch(/15mg/);
    // A patient on a low dose of prednisone is not excluded on the receipt alone.
    expect(judgeRecord(rule, { treatments: [{ name: 'prednisone', start: '2025-05-01' }] })).toBeNull();
  });

  it('leaves a need only after enrollment unread (NCT07336979 e3)', () => {
    const rule = excl(
      'Need for systemic corticosteroid therapy (\\> 10 mg prednisolone \\[or equivalent\\]/daily) or other immunosuppressant use within 14 days after enrollment. Note: Inhaled or topical corticosteroids, or adrenal hormone replacement therapy (\\> 10 mg prednisolone \\[or equivalent\\]/daily) are acceptable for patients without obvious autoimmune diseases.',
    );
    expect(leaves(rule).some((l) => l.fact === 'priorTherapy')).toBe(false);
  });

  it('leaves a need while on the trial unread (NCT04752826 e1)', () => {
    const rule = excl('Needs doses of prednisolone \\>10 mg daily (or equipotent doses of other corticosteroids) while on the trial other than as premedication.');
    expect(leaves(rule).some((l) => l.fact === 'priorTherapy')).toBe(false);
  });
});

describe("a steroid's dose in an exclusion", () => {
  it('holds its duration and its "or other anti-inflammatory drugs with equivalent activity", unread (NCT07177937 e1)', () => {
    const rule = excl(
      'Within 14 days prior to the first dose: Underwent plasmapheresis; received systemic corticosteroid therapy at a dose \\>10 mg/day prednisone or equivalent for more than 3 consecutive days, or other anti-inflammatory drugs with equivalent activity (short-term use for preventing contrast agent allergy is allowed for enrollment).',
    );
    const branch = branchWith(rule, 'corticosteroid');
    expect(branch && 'all' in branch).toBe(true);
    // The dose, its duration and the permitted short-term use narrow the receipt, never stand beside it.
    expect(unreadText(branch!)).toContain('3 consecutive days');
    expect(unreadText(branch!)).toContain('other anti-inflammatory drugs with equivalent activity');
    expect(unreadText(branch!)).toContain('contrast agent allergy');
    expect(judgeRecord(rule, { treatments: [{ name: 'dexamethasone', start: '2025-05-25' }] })).toBeNull();
  });
});
