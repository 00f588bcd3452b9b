/**
 * "Concurrent" that names how a combined treatment was given (concurrent chemoradiotherapy, chemotherapy
 * concurrent with radiation, radiotherapy with concurrent temozolomide) is not current use: those regimens
 * are usually finished before the trial. Verbatim corpus lines.
 */
import type { LeafCondition } from '../../src/criteria/facts';
import { readRule, therapyLeaves as leavesIn } from '../support/criteria';

function therapyLeaves(text: string): LeafCondition[] {
  return leavesIn(readRule(text, 'inclusion').condition) as LeafCondition[];
}

describe('concurrent as the form of a combined treatment', () => {
  it('reads "without progression on concurrent platinum-based chemoradiotherapy" as an outcome, not current use', () => {
    const leaves = therapyLeaves('Clinical Stage III, unresectable NSCLC, without progression on concurrent platinum-based chemoradiotherapy.');
    // Before, the chemoradiotherapy was read as current use and negated: it failed the patients who had just had it.
    expect(leaves.some((l) => l.params?.withinDays !== undefined)).toBe(false);
    expect(leaves).toContainEqual(
      expect.objectContaining({ value: false, params: expect.objectContaining({ outcome: 'progression', classes: ['platinum'] }) }),
    );
  });

  it.each([
    'Participants must have received at least 2 cycles of platinum-based chemotherapy concurrent with radiation therapy',
    'Completed radiotherapy with concurrent temozolomide',
  ])('does not ask for current use in "%s"', (text) => {
    const leaves = therapyLeaves(text);
    expect(leaves.length).toBeGreaterThan(0);
    expect(leaves.some((l) => l.params?.withinDays !== undefined)).toBe(false);
  });

  it('still reads a treatment the patient is receiving now', () => {
    const leaves = therapyLeaves('Patients receiving concurrent chemoradiotherapy');
    expect(leaves.every((l) => l.params?.withinDays === 1)).toBe(true);
    expect(leaves.length).toBeGreaterThan(0);
  });
});
