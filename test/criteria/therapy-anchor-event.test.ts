/**
 * The treatment an event is counted from ("before the start of curative treatment with anti-PD-1",
 * "prior to the initiation of", "before starting"), with no window, is the study's or the planned
 * treatment: never read as one the patient must have had, or must not have had. Verbatim corpus lines.
 */
import type { LeafCondition } from '../../src/criteria/facts';
import { readRule, therapyLeaves as leavesIn } from '../support/criteria';

function therapyLeaves(text: string, kind: 'inclusion' | 'exclusion' = 'inclusion'): LeafCondition[] {
  return leavesIn(readRule(text, kind).condition) as LeafCondition[];
}

describe('a treatment named as the anchor of "before the start of"', () => {
  it.each([
    ['Chemotherapy is not accepted before the start of curative treatment with anti-PD-1, +/- anti-CTLA-4 or anti-LAG-3.', 'anti_pd1'],
    ['Chemotherapy is not accepted prior to the initiation of curative treatment with immunotherapy.', 'immunotherapy'],
    ['Targeted therapy is accepted before starting curative treatment with anti-PD-1, +/- anti-CTLA-4 or anti-LAG-3.', 'anti_pd1'],
  ])('does not read the anchor of "%s" as a prior therapy', (text, anchor) => {
    // Before, the anchor was read (no anti-PD-1 at all, in a trial of patients starting it).
    expect(JSON.stringify(therapyLeaves(text))).not.toContain(anchor);
  });

  it('keeps the treatment the criterion is about and leaves the anchor unread', () => {
    const leaves = therapyLeaves('No prior chemotherapy before the start of treatment with pembrolizumab.');
    expect(leaves).toEqual([expect.objectContaining({ value: false, params: { kinds: ['chemotherapy'] } })]);
  });

  it('reads a windowed anchor as before ("within 4 weeks prior to the first dose of pembrolizumab")', () => {
    const leaves = therapyLeaves('No chemotherapy within 4 weeks prior to the first dose of pembrolizumab.');
    expect(leaves).toEqual([expect.objectContaining({ params: { kinds: ['chemotherapy'], withinDays: 28 } })]);
  });
});
