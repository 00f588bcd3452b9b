/**
 * An outcome on a named treatment, phrased so the therapy reader used to leave it unread: the time of
 * the outcome heading an inclusion ("Have progressed within 12 weeks after last dose of …"), a bare
 * "alone or in combination", and a treatment given "as monotherapy or in combination with" a partner.
 * Every line is verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { readRule, therapy, therapyLeaves, unparsed as unread } from '../support/criteria';

const params = (c: unknown): Record<string, unknown> => ((c as { params?: Record<string, unknown> }).params ?? {});

describe('the time of an outcome heading an inclusion', () => {
  it('reads the treatment with its outcome and keeps the time as an unread leaf beside it', () => {
    expect(readRule('Have progressed within 12 weeks after last dose of anti-PD-1/PD-L1 blocking antibody', 'inclusion')).toEqual({
      condition: { all: [therapy({ classes: ['anti_pd1_pdl1'], outcome: 'progression' }), unread('within 12 weeks after last dose of')] },
      unread: '',
    });
  });

  it('never reads the time as a window from the as-of date', () => {
    const { condition } = readRule('Have progressed within 12 weeks after last dose of anti-PD-1/PD-L1 blocking antibody', 'inclusion');
    const leaves = therapyLeaves(condition);
    expect(leaves.length).toBe(1);
    expect(params(leaves[0])).not.toHaveProperty('withinDays');
  });

  it('still leaves an outcome with a time after "or" unread (an alternative to the rest)', () => {
    const text =
      'Cohort 5 (SCLC):Subjects who have progressed after platinum-based chemotherapy combined with PD-(L)1 therapy, or subjects with extensive-stage SCLC who have relapsed or progressed within ≤6 months after first-line therapy.';
    const leaves = therapyLeaves(readRule(text, 'inclusion').condition);
    expect(leaves.some((l) => params(l).outcome === 'progression' && params(l).kinds !== undefined)).toBe(false);
  });
});

describe('a bare "alone or in combination"', () => {
  it('offers no alternative: the outcome on the class is read, the dose count left unread', () => {
    const { condition, unread: left } = readRule('Failure to anti-PD-1/PDL1 blockade after receiving at least 2 doses alone or in combination.', 'inclusion');
    expect(condition).toEqual(therapy({ classes: ['anti_pd1_pdl1'], outcome: 'progression' }));
    expect(left).toContain('2 doses');
  });
});

describe('a treatment given as monotherapy or in combination with a partner', () => {
  it('reads the progression on the treatment named first, never the partner as a requirement', () => {
    const { condition, unread: left } = readRule(
      'Progressive disease after standard treatment with PD-1 check-point inhibition or combination of aforementioned with CTLA-4 check-point inhibition.',
      'inclusion',
    );
    expect(condition).toEqual(therapy({ classes: ['anti_pd1'], outcome: 'progression' }));
    expect(left).toContain('combination of aforementioned with CTLA-4');
  });

  it('does not require the optional partner (chemotherapy) beside the treatment', () => {
    const leaves = therapyLeaves(readRule('Subjects must have received an anti-PD-1/ PD-L1 as monotherapy or in combination with chemotherapy.', 'inclusion').condition);
    expect(leaves).toEqual([therapy({ classes: ['anti_pd1_pdl1'] })]);
  });

  it('does not require "other targeted agents" a BRAF inhibitor may have been combined with', () => {
    const leaves = therapyLeaves(
      readRule('Subjects must have received a BRAF inhibitor as monotherapy or in combination with other targeted agents for BRAF V600E mutant melanoma.', 'inclusion')
        .condition,
    );
    expect(leaves.some((l) => params(l).kinds !== undefined)).toBe(false);
    expect(leaves).toContainEqual(therapy({ classes: ['braf_inhibitor'] }));
  });

  it('leaves a list with a word slashed onto it unread: "anti-PD-1/ PD-L1inhibitor" is not anti-PD-1 alone', () => {
    const text = 'Subjects must have received an anti-PD-1/ PD-L1inhibitor as monotherapy or combination with anti-CTLA-4 inhibitor or other therapies.';
    expect(therapyLeaves(readRule(text, 'inclusion').condition)).toEqual([]);
  });
});
