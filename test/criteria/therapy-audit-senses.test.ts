/**
 * Prior-therapy readings fixed in an audit (session 20): readings that would fail an eligible patient
 * or exclude one who is not meant. A serial "A, B, or B + C" is a union with one combination; a group
 * named by its disease and treatment ("For melanoma patients who are treated with BRAF- and MEK
 * inhibitors, …") requires nothing; an exclusion of an old last dose needs the receipt beside the gap; the anchor after
 * "(whichever is longer)" belongs to the window; "non-cytotoxic hormonal therapy" is hormonal therapy;
 * a purpose ("for pain management") or a narrower form ("combinations", "specific for") keeps a finding
 * only necessary in an exclusion, as "Chronically treated with" does; a window counted from a diagnostic
 * biopsy is no receipt window; "Other patients must have had X" binds another group. Criteria lines
 * are verbatim from the corpus unless marked.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

// A criterion left wholly unread has no rule: it is unknown for everyone.
const judge = (record: PatientRecord, c: Condition | null) => (c ? judgeRecord(c, record) : null);

describe('a serial list of alternatives with one combination', () => {
  it('reads "A, B, or B + C" as any(A, B, all(B, C)), not all three (constructed from NCT04855435 i31)', () => {
    const r = readRule('Prior treatment with pembrolizumab, nivolumab, or nivolumab + ipilimumab.', 'inclusion');
    expect(r.condition).toEqual({
      any: [
        therapy({ drugs: ['pembrolizumab', 'nivolumab'] }),
        { all: [therapy({ drugs: ['nivolumab'] }), therapy({ drugs: ['ipilimumab'] })] },
      ],
    });
    // A patient who had pembrolizumab alone meets it.
    expect(
      judge({ treatments: [{ name: 'pembrolizumab', start: '2024-01-10', end: '2024-09-01' }] }, r.condition),
    ).toBe(true);
  });

  it('keeps a plain "A, B and C + D" a conjunction (constructed)', () => {
    const r = readRule('Prior treatment with pembrolizumab and nivolumab + ipilimumab.', 'inclusion');
    expect(r.condition).toMatchObject({ all: expect.any(Array) });
  });
});

describe('a group named by the treatment it is on', () => {
  it('does not require BRAF and MEK inhibitors of "For melanoma patients who are treated with …" (NCT04729543 i9)', () => {
    const text =
      'Patients with melanoma must have had objective evidence of disease progression while on or after standard systemic therapy. The last dose of prior therapy (e.g. anti- PD-1, chemotherapy) must have been received more than 4 weeks prior to the start of study treatment. For melanoma patients who are treated with BRAF- and MEK inhibitors, an interval of 2 weeks between discontinuation of BRAF- and MEK inhibition and start of study treatment is sufficient;';
    const r = readRule(text, 'inclusion');
    expect(therapyLeaves(r.condition).some((l) => 'classes' in (l as { params: Record<string, unknown> }).params)).toBe(
      false,
    );
    // A patient never given a BRAF or MEK inhibitor is not failed by the criterion.
    expect(
      judge(
        { treatments: [{ name: 'pembrolizumab', start: '2024-01-10', end: '2024-09-01', outcome: 'progression' }] },
        r.condition,
      ),
    ).not.toBe(false);
  });
});

describe('an exclusion of an old last dose', () => {
  it('reads "Receipt of the last dose … > 12 weeks prior" as treated and not since, never "none within 84 days" (NCT06129864 e6)', () => {
    const r = readRule(
      'Receipt of the last dose of anticancer therapy (chemotherapy and/or RT) \\> 12 weeks (84 days) prior to randomization.',
      'exclusion',
    );
    // all(X, not X within 84 days): the receipt is required beside the gap.
    expect(therapyLeaves(r.condition).map((l) => (l as { value: boolean }).value)).toEqual([true, false]);
    // A never-treated patient is not excluded by it, nor one treated a month ago; one whose last
    // chemotherapy ended a year ago is.
    expect(judge({ treatments: [] }, r.condition)).not.toBe(true);
    expect(judge({ treatments: [{ name: 'carboplatin', start: '2025-03-01', end: '2025-05-01' }] }, r.condition)).toBe(false);
    expect(judge({ treatments: [{ name: 'carboplatin', start: '2024-03-01', end: '2024-06-01' }] }, r.condition)).toBe(true);
  });

  it('reads no "none within 7 days" into a drug the patient cannot stop (NCT06008106 e13)', () => {
    const r = readRule(
      'Patients who are receiving and cannot discontinue regimen-prohibited intravenous or oral drugs that affect CYP isoenzymes (strong inducers and strong inhibitors of CYP2C9) at least 1 week prior to initiation of study treatment and during the study period.',
      'exclusion',
    );
    expect(therapyLeaves(r.condition).filter((l) => (l as { value: unknown }).value === false)).toEqual([]);
  });
});

describe('the anchor after "(whichever is longer)"', () => {
  it('reads "prior to Cycle 1 Day 1" into the window, not as an alternative (NCT05605119 e4)', () => {
    const r = readRule(
      'Use of any investigational agent within 28 days or 5 half-lives (whichever is longer) prior to Cycle 1 Day 1',
      'exclusion',
    );
    expect(r.condition).toEqual({
      any: [
        therapy({ kinds: ['investigational'], withinDays: 28 }),
        {
          all: [
            therapy({ kinds: ['investigational'] }),
            unparsed('within 28 days or 5 half-lives, whichever is longer'),
          ],
        },
      ],
    });
    // A patient who never had an investigational agent is not excluded.
    expect(judge({ treatments: [{ name: 'carboplatin', start: '2024-01-10', end: '2024-06-01' }] }, r.condition)).toBe(
      false,
    );
  });

  it('reads the anchor after "whichever is shorter" too (NCT05746897 e12)', () => {
    const r = readRule(
      'Chemotherapy, target therapy, immunotherapy, or other anticancer therapy within 28 days or 5 half-lives, whichever is shorter, prior to the first dose of study treatment.',
      'exclusion',
    );
    expect(leavesOf(r.condition!).filter((l) => l.fact === 'unparsed')).toEqual([
      unparsed('within 28 days or 5 half-lives, whichever is shorter'),
    ]);
  });

  it('reads "from the Cycle 1 Day 1 of the study" into the window (NCT06760702 e2)', () => {
    const r = readRule(
      'Systemic anti-cancer therapy, such as chemotherapy, biological therapy, or Immunomodulatory drug therapy, received within the past 28 days or 5 half-lives, whichever is longer, from the Cycle 1 Day 1 of the study.',
      'exclusion',
    );
    expect(leavesOf(r.condition!).filter((l) => l.fact === 'unparsed')).toEqual([
      unparsed('within the past 28 days or 5 half-lives, whichever is longer'),
    ]);
  });

  it('leaves an anchor that is no study start unread ("prior to the planned surgery", constructed)', () => {
    const r = readRule(
      'Use of any investigational agent within 28 days or 5 half-lives, whichever is longer, prior to the planned surgery.',
      'exclusion',
    );
    expect(r.unread).toContain('surgery');
  });
});

describe('"non-cytotoxic hormonal therapy"', () => {
  it('is hormonal therapy, a member of the list (NCT04647916 e2)', () => {
    const r = readRule(
      'Participants must not have received systemic therapy (including small-molecule kinase inhibitors) or non-cytotoxic hormonal therapy (e.g., tamoxifen) within 7 days prior to registration',
      'exclusion',
    );
    expect(r.unread).toBe('');
    expect(leavesOf(r.condition!)).toContainEqual(therapy({ kinds: ['systemic', 'hormonal'], withinDays: 7 }));
    expect(judge({ treatments: [{ name: 'tamoxifen', start: '2025-05-28' }] }, r.condition)).toBe(true);
  });
});

describe('words that narrow a finding in an exclusion', () => {
  it('keeps steroids "for disease control or pain management" from excluding every steroid user (NCT02870244 e4)', () => {
    const r = readRule('Patients taking steroids for disease control or pain management', 'exclusion');
    expect(judge({ treatments: [{ name: 'prednisone', start: '2025-05-01' }] }, r.condition)).not.toBe(true);
  });

  it('keeps "immunotherapy combinations" from excluding single-agent immunotherapy (NCT05229614 e2)', () => {
    const r = readRule(
      'Patients treated with immunotherapy combinations (e.g. subjects treated with anti-CTLA4 + anti-PD1/PDL1 are excluded)',
      'exclusion',
    );
    expect(
      judge({ treatments: [{ name: 'pembrolizumab', start: '2024-01-10', end: '2024-09-01' }] }, r.condition),
    ).not.toBe(true);
  });

  it('keeps "targeted therapies specific for mutated BRAF or for MEK" from excluding any targeted therapy (NCT06472661 e7)', () => {
    const r = readRule('Targeted therapies specific for mutated BRAF or for MEK', 'exclusion', [
      'Any of the following medications or treatments are administered to the subject within 4 weeks of study day 1:',
    ]);
    expect(judge({ treatments: [{ name: 'osimertinib', start: '2025-05-20' }] }, r.condition)).not.toBe(true);
  });
});

describe('"Other patients must have had X"', () => {
  it('binds the patients the criterion did not name first, so X is no requirement of all (NCT03745326 i6)', () => {
    const r = readRule(
      'Patients with non-small cell lung cancer (NSCLC) must have had appropriate targeted therapy as indicated by abnormalities in ALK, EGFR, or expression of PDL-1. Other patients must have had platinum-based chemotherapy.',
      'inclusion',
    );
    // An NSCLC patient treated with osimertinib only is not failed.
    expect(judge({ treatments: [{ name: 'osimertinib', start: '2024-01-10' }] }, r.condition)).not.toBe(false);
  });
});

describe('more words that narrow or move a reading', () => {
  it('keeps "Chronically treated with immunosuppressive drugs" from excluding a past short course (NCT05605535 e10)', () => {
    const r = readRule(
      'Chronically treated with immunosuppressive drugs such as cyclosporine, adrenocorticotropic hormone (ACTH), etc.',
      'exclusion',
    );
    expect(r.condition).toMatchObject({ all: [{ any: expect.any(Array) }, { fact: 'unparsed' }] });
    expect(
      judge({ treatments: [{ name: 'cyclosporine', start: '2020-01-10', end: '2020-02-01' }] }, r.condition),
    ).not.toBe(true);
  });

  it('reads no receipt window counted from a diagnostic biopsy (NCT06673095 i6)', () => {
    const r = readRule(
      'Study intervention (surgery) must be completed within 120 days of the original diagnostic biopsy',
      'inclusion',
    );
    expect(therapyLeaves(r.condition)).toEqual([]);
    // A patient whose surgery is still to come is not failed.
    expect(judge({ treatments: [] }, r.condition)).not.toBe(false);
  });

  it('leaves the anchor before "or …" to the alternative readers (NCT06425926 i3)', () => {
    const r = readRule(
      'Have not received an experimental drug within 4 weeks or 5 half-lives (whichever is shorter) of study drug treatment or already be enrolled in a clinical study',
      'inclusion',
    );
    // Enrolled in another trial, never given an experimental drug: not passed.
    expect(judge({ treatments: [] }, r.condition)).not.toBe(true);
  });

  it('reads "receiving any prior X" as X had, not X ongoing (NCT07221734 e2)', () => {
    const r = readRule(
      'Subjects receiving any prior immunotherapy (regardless of the melanoma stage), such as anti-PD-1, anti-PD-L1, anti-PD-L2, anti-CD137, anti-LAG or anti-CTLA-4 therapy.',
      'exclusion',
    );
    expect(leavesOf(r.condition!)).toContainEqual(therapy({ kinds: ['immunotherapy'] }));
    // Immunotherapy stopped a year ago still excludes.
    expect(
      judge({ treatments: [{ name: 'pembrolizumab', start: '2023-01-10', end: '2024-01-01' }] }, r.condition),
    ).toBe(true);
  });

  it('reads no receipt into "contra-indication to use of …" (NCT05786924 e3)', () => {
    const r = readRule(
      'Any contra-indication, to use of any of the combination chemotherapy or anti-EGFR therapy partners administered as part of this trial.',
      'exclusion',
    );
    expect(therapyLeaves(r.condition)).toEqual([]);
  });
});
