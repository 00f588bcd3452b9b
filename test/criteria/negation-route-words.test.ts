/**
 * "ineligible to" / "not eligible to" name a route to the trial (ineligible for the therapy), like
 * "ineligible for": they are pseudo-negations, never a post-negation of what the patient must have.
 */
import { leavesOf } from '../../src/criteria/facts';
import { readRule } from '../support/criteria';

describe('eligibility route words are not negations', () => {
  it('keeps "be refractory or ineligible to available therapy" from negating the requirement before it', () => {
    const { condition } = readRule(
      'Patients must have received at least one line of therapy for advanced stage disease and be refractory or ineligible to available existing therapy(ies) known to provide clinical benefit for their condition.',
      'inclusion',
    );
    const leaves = condition ? leavesOf(condition) : [];
    // Before, the post-negation "ineligible" turned the line into any(no prior line, not refractory):
    // it failed exactly the patients the trial is for.
    expect(leaves.some((l) => l.fact === 'priorLines' && l.operator === 'lessThan')).toBe(false);
    expect(leaves.some((l) => l.fact === 'diseaseExtent' && l.value === false)).toBe(false);
  });

  it('still reads a plain "are ineligible" after a finding as its exclusion', () => {
    const { condition } = readRule('Patients with active hepatitis B infection are ineligible.', 'inclusion');
    const leaves = condition ? leavesOf(condition) : [];
    expect(leaves.some((l) => l.value === false)).toBe(true);
  });
});
