/**
 * "and" before a past verb of the disease's course or of treatment ("and experienced", "and
 * received") opens a predicate of its own, which a negation before it does not reach (ConText's
 * termination terms, rules/negation.json). The opening of NCT06940739 i3, "melanoma not of
 * uveal/ocular origin and experienced documented radiographic disease progression during …", had the
 * progression negated: a patient who progressed on anti-PD-1 was read as not meeting it.
 */
import { leavesOf } from '../../src/criteria/facts';
import { criterionRule } from '../support/criteria';

const progressionLeaves = (text: string) =>
  leavesOf(criterionRule(text, 'inclusion')).filter((l) => l.fact === 'priorTherapy' && l.params?.outcome === 'progression');

describe('a negation ends where a new predicate begins', () => {
  it('does not negate the progression after "not of … origin and experienced"', () => {
    for (const line of [
      'Participant has melanoma not of uveal origin and experienced documented radiographic disease progression during systemic therapy with a PD-1/PD-L1 blocking antibody.',
      'Participant has melanoma not of uveal/ocular origin and experienced documented radiographic disease progression during systemic therapy with a PD-1/PD-L1 blocking antibody.',
    ]) {
      const leaves = progressionLeaves(line);
      expect(leaves.length).toBeGreaterThan(0);
      expect(leaves.every((l) => l.value === true)).toBe(true);
    }
  });

  it('still negates what the negation itself names', () => {
    const rule = JSON.stringify(criterionRule('No prior treatment with an anti-PD-1 antibody and received at least one line of chemotherapy.', 'inclusion'));
    expect(rule).toContain('"value":false');
  });
});
