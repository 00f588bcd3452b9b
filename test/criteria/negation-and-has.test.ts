/**
 * A negation ends where "and has" / "and have" opens a predicate of its own: in "NSCLC not harboring an
 * activating EGFR mutation or ALK rearrangement and has progressed … on an anti-PDx", the "not" denies
 * the alterations, never the progression that follows. Verbatim corpus lines.
 */
import { leavesOf } from '../../src/criteria/facts';
import { criterionRule } from '../support/criteria';

describe('a negation before "and has" / "and have"', () => {
  it('leaves the progression after it required (NCT05267626 i8)', () => {
    const rule = criterionRule(
      'NSCLC: Unresectable locally advanced or metastatic PD-L1-positive (tumor proportion score \\[TPS\\] ≥ 1%) NSCLC not harboring an activating EGFR mutation or ALK rearrangement and has progressed during or following treatment with an anti-PDx with or without platinum-based chemotherapy',
      'inclusion',
    );
    const leaves = leavesOf(rule);
    expect(leaves).toContainEqual({ fact: 'priorTherapy', operator: 'equal', value: true, params: { classes: ['anti_pd1_pdl1'], outcome: 'progression' } });
    // The alterations stay denied.
    expect(leaves).toContainEqual({ fact: 'biomarker', operator: 'equal', value: false, params: { gene: 'EGFR', alteration: 'activating mutation', status: 'detected' } });
  });

  it('reads the disease state after "and have" as stated, not denied with the drug before it (NCT07371663 i17)', () => {
    const rule = criterionRule(
      'Subgroup 2: Subjects who have not received Olaparib Tablets and have primary platinum-resistant/refractory disease (recurrence within 6 months of last platinum-based therapy). Subjects must have received ≤3 prior lines of therapy since developing platinum resistance.',
      'inclusion',
    );
    expect(leavesOf(rule)).toContainEqual({ fact: 'priorTherapy', operator: 'equal', value: true, params: { classes: ['platinum'], outcome: 'progression' } });
    expect(leavesOf(rule).some((l) => l.fact === 'priorTherapy' && l.value === false && (l.params?.classes as string[] | undefined)?.includes('platinum'))).toBe(false);
  });
});
