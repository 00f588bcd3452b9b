/**
 * Progression within a time of a treatment ("within 6 months of receiving", "≤ 84 days following the
 * last dose of"), subgroup labels, and the immunosuppressant names the lexicon adds. Every line is
 * verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { readRule, therapy, therapyLeaves, unparsed as unread } from '../support/criteria';


describe('progression within a time of a treatment, in an exclusion', () => {
  it('reads the treatment with its outcome and keeps the time as an unread qualifier', () => {
    expect(readRule('Disease progression within 6 months of receiving any HER2-targeted therapy', 'exclusion')).toEqual({
      condition: { all: [therapy({ classes: ['her2_directed'], outcome: 'progression' }), unread('within 6 months')] },
      unread: '',
    });
  });

  it('reads the setting and a time counted from the last dose', () => {
    expect(readRule('Disease progression ≤ 1 year (365 days) from the last dose with a CDK4/6i in the adjuvant setting', 'exclusion').condition).toEqual({
      all: [therapy({ classes: ['cdk46_inhibitor'], setting: 'adjuvant', outcome: 'progression' }), unread('1 year (365 days) from the last dose')],
    });
  });

  it('reads "neo-adjuvant or adjuvant" as two settings of one treatment', () => {
    expect(readRule('Disease progression ≤ 84 days following the last dose of neo-adjuvant or adjuvant chemotherapy', 'exclusion').condition).toEqual({
      all: [
        {
          any: [
            therapy({ kinds: ['chemotherapy'], setting: 'adjuvant', outcome: 'progression' }),
            therapy({ kinds: ['chemotherapy'], setting: 'neoadjuvant', outcome: 'progression' }),
          ],
        },
        unread('84 days following the last dose'),
      ],
    });
  });

  it('reads "during treatment or within" as one time of the outcome, keeping the exception unread', () => {
    expect(
      readRule('Participant has had progression during treatment or within 60 days of the last dose of a proteasome inhibitor, except as noted below:.', 'exclusion')
        .condition,
    ).toEqual({
      all: [
        therapy({ classes: ['proteasome_inhibitor'], outcome: 'progression' }),
        unread('during treatment or within 60 days of the last dose of a proteasome inhibitor, except as noted below'),
      ],
    });
  });

  it('never reads the time as a window from the as-of date', () => {
    const leaves = therapyLeaves(readRule('Disease progression ≤ 1 year (365 days) from the last dose of an oral SERD including camizestrant.', 'exclusion').condition);
    expect(leaves.length).toBeGreaterThan(0);
    for (const l of leaves) expect((l as { params?: Record<string, unknown> }).params).not.toHaveProperty('withinDays');
  });

  it('leaves an inclusion alternative with a time unread (it would be a sufficient option of the whole criterion)', () => {
    const text =
      'Locally advanced or metastatic urothelial carcinoma who have disease progression during or following platinum-containing chemotherapy or have disease progression within 12 months of neoadjuvant or adjuvant treatment with platinum-containing chemotherapy';
    const leaves = therapyLeaves(readRule(text, 'inclusion').condition);
    expect(leaves.some((l) => (l as { params?: Record<string, unknown> }).params?.setting)).toBe(false);
  });
});

describe('a subgroup label binds the requirement after it', () => {
  it('does not make the requirement of one group everyone\'s', () => {
    const text = 'those without oncogene-driven tumors: Have progressed within 12 weeks after last dose of anti-PD-1/PD-L1 blocking antibody';
    expect(therapyLeaves(readRule(text, 'inclusion').condition)).toEqual([]);
  });
});

describe('immunosuppressant names', () => {
  it('reads "immunosuppressor" as an immunosuppressant taken now', () => {
    expect(readRule('Patient receiving a immunosuppressor;', 'exclusion')).toEqual({
      condition: therapy({ classes: ['immunosuppressant'], withinDays: 1 }),
      unread: '',
    });
  });

  it('reads the "immunosupress-" misspelling', () => {
    expect(therapyLeaves(readRule('Patients receiving immunosupressive therapy for concurrent illness', 'exclusion').condition)).toEqual([
      therapy({ classes: ['immunosuppressant'], withinDays: 1 }),
    ]);
  });
});

describe('antiviral agents', () => {
  it('reads the use of antiviral agents within a window', () => {
    expect(
      readRule('Use of the antiviral agents within 7 days prior to the first dose of study treatment; or pegylated interferon in the 14 days before the first dose of study treatment', 'exclusion')
        .condition,
    ).toEqual({
      any: [therapy({ classes: ['antiviral'], withinDays: 7 }), therapy({ classes: ['interferon'], withinDays: 14 })],
    });
  });

  it('does not read "antiviral therapy" in a conditional infection clause', () => {
    const text = 'They have received antiviral therapy (ART) for at least 4 weeks prior to treatment assignment as clinically indicated while enrolled in the study';
    expect(therapyLeaves(readRule(text, 'exclusion').condition)).toEqual([]);
  });
});

describe('an exception after a treatment list', () => {
  it('holds the members after "excluding" as its own, not as alternatives to the list', () => {
    const text =
      'Use of immunosuppressive drugs within 4 weeks prior to the first dose of the study drug, excluding nasal, inhaled, or other topical corticosteroids or systemic corticosteroids at physiological doses (i.e., not exceeding 10 mg/day of prednisone or an equivalent dose of other corticosteroids).';
    expect(therapyLeaves(readRule(text, 'exclusion').condition)).toEqual([therapy({ classes: ['immunosuppressant'], withinDays: 28 })]);
  });

  it('does not read a list alone where an exception in parentheses is followed by an alternative', () => {
    const text =
      'Received major organ surgery (excluding needle biopsy) or experienced severe trauma within 4 weeks prior to the first administration of the study drug, or requires elective surgery during the study period.';
    // The surgery reader (therapy-surgery.ts) reads it with its exception beside it, never alone.
    expect(readRule(text, 'exclusion').condition).toEqual({
      any: [
        { all: [therapy({ kinds: ['surgery'], withinDays: 28 }), unread('major organ surgery'), unread('excluding needle biopsy')] },
        unread('severe trauma'),
      ],
    });
  });
});
