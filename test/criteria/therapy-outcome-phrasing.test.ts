/**
 * An outcome on a named treatment, phrased so the therapy reader used to leave it unread: the time of
 * the outcome heading an inclusion ("Have progressed within 12 weeks after last dose of …"), a bare
 * "alone or in combination", and a treatment given "as monotherapy or in combination with" a partner.
 * Every line is verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
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
    // The partner named after "or" is another way in, unread: never required beside PD-1.
    expect(condition).toEqual({
      any: [therapy({ classes: ['anti_pd1'], outcome: 'progression' }), unread('combination of aforementioned with CTLA-4 check-point inhibition')],
    });
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

const linesLeaves = (c: unknown): Array<{ operator: string; value: unknown }> =>
  c ? (leavesOf(c as Condition).filter((l) => l.fact === 'priorLines') as Array<{ operator: string; value: unknown }>) : [];

describe('counts of prior lines', () => {
  it('reads "must not exceed 2 prior lines" as at most 2, never fewer than 2', () => {
    const leaves = linesLeaves(readRule('Participants with melanoma must not exceed 2 prior lines of systemic therapy.', 'inclusion').condition);
    expect(leaves).toEqual([expect.objectContaining({ operator: 'lessThanInclusive', value: 2 })]);
  });

  it('reads no count where the criterion gives its own rule for counting lines', () => {
    // A rule that can only add lines (a recurrence soon after adjuvant therapy counts as one) leaves
    // "at least one" sufficient, with the rule an unread route beside it (lines-bounds-outcomes).
    expect(
      readRule(
        'Having received at least one prior therapy for unresectable disease. Patients with recurrence within 6 months of completion of neoadjuvant or adjuvant therapy will be considered as having received one prior therapy for unresectable disease.',
        'inclusion',
      ).condition,
    ).toEqual({
      any: [
        { fact: 'priorLines', operator: 'greaterThanInclusive', value: 1, params: { setting: 'advanced' } },
        {
          fact: 'unparsed',
          operator: 'equal',
          value: true,
          params: { text: 'Patients with recurrence within 6 months of completion of neoadjuvant or adjuvant therapy will be considered as having received one prior therapy for unresectable disease' },
        },
      ],
    });
    const texts = [
      'Participants with melanoma must not exceed 2 prior lines of systemic therapy. Neoadjuvant/Adjuvant treatment will not be considered a prior line of systemic therapy unless the participant progressed during or within the 12 weeks after the last dose of the adjuvant PD-1/PD-L1 blocking antibody.',
      'Relapse or progression after a platinum-containing systemic treatment and an immune checkpoint inhibitor (ICI)-containing regimen (combined or sequential). Subjects with actionable target tumor mutation should have been previously treated with targeted therapy, with a maximum of 3 prior lines of therapy for endometrial carcinoma or carcinosarcoma. Neoadjuvant/adjuvant therapy may count as 1 line of therapy if the subject progressed within 6 months after completion of therapy.',
    ];
    for (const t of texts) expect(linesLeaves(readRule(t, 'inclusion').condition)).toEqual([]);
  });

  it('never reads "will not be considered as having received one line" as a requirement of no line', () => {
    const text =
      'NON-SMALL CELL LUNG CANCER SPECIFIC: For patients who have received neoadjuvant, adjuvant, and/or consolidation anti-PD-1 or anti-PD-L1 for stage II or III disease, they must have experienced disease progression in less than or equal to 365 days from initiation (cycle 1 day 1) of anti-PD-1 or anti-PD-L1 therapy for this to count as the systemic therapy for advanced disease. Patients experiencing progression more than 365 days from initiation (cycle 1 day 1) of anti-PD-1 or anti-PD-L1 therapy will not be considered as having received one line of systemic therapy. These patients must have received an anti-PD-1 or anti-PD-L1 therapy for stage IV or recurrent disease';
    expect(linesLeaves(readRule(text, 'inclusion').condition)).toEqual([]);
  });

  it('still reads a plain count', () => {
    expect(readRule('Subjects must have received no more than one prior chemotherapeutic regimen in the metastatic setting.', 'inclusion').condition).toEqual({
      fact: 'priorLines',
      operator: 'lessThanInclusive',
      value: 1,
      params: { setting: 'metastatic', kinds: ['chemotherapy'] },
    });
  });

  it('reads an outcome with its abbreviation in parentheses ("progression (PD) on"), not current use', () => {
    const leaves = therapyLeaves(
      readRule(
        'Confirmed disease progression (PD) on an anti-PD-1 antibody treatment and an anti-CTLA-4 antibody treatment, administered as either a combination regimen (eg, nivolumab + ipilimumab) or in sequence.',
        'inclusion',
      ).condition,
    );
    expect(leaves.length).toBeGreaterThan(0);
    for (const l of leaves) expect(params(l)).toEqual(expect.objectContaining({ outcome: 'progression' }));
    expect(leaves.some((l) => params(l).withinDays !== undefined)).toBe(false);
  });
});
