/**
 * Three phrase families of the prior-therapy reader. Examples after a class ("such as", "e.g.") join
 * its union without narrowing it, with any setting words of their own. An exclusion line that is only
 * a treatment and its modifiers ("Palliative radiotherapy.") excludes its receipt or its current use,
 * so receipt is read as a necessary condition and the rest kept unread. "Prior X exposure" is receipt
 * of a drug or class. Lines are verbatim from the oncology corpus
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz), or the leading clause of one.
 */
import { attest, readCondition, readRule, therapy, unparsed as unread } from '../support/criteria';

describe('examples after a class', () => {
  it('reads "systemic therapies to treat cancer, such as neo-adjuvant chemotherapy or hormonal therapy" as the class', () => {
    const r = readRule('Subjects previously treated with systemic therapies to treat cancer, such as neo-adjuvant chemotherapy or hormonal therapy.', 'exclusion');
    expect(r.condition).toEqual(therapy({ kinds: ['systemic', 'chemotherapy', 'hormonal'] }));
    expect(r.unread).toBe('');
  });

  it('keeps a parenthesis of examples visible, so an "or" inside it is no alternative to the list before', () => {
    expect(
      readCondition(
        'The patient has received any anti-tumor therapy within the past month, including but not limited to chemotherapy, radiotherapy, immunotherapy (such as anti-PD-1, anti-PD-L1, or anti-CTLA-4 antibodies, or any other antibody targeting T-cell co-regulatory pathways), etc.',
        'exclusion',
      ),
    ).toMatchObject({ all: [therapy({ kinds: ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional'], withinDays: 30 }), unread('including')] });
  });
});

describe('an exclusion that is only a treatment', () => {
  it('reads "Palliative radiotherapy." as receipt, the rest unread', () => {
    expect(readCondition('Palliative radiotherapy.', 'exclusion')).toEqual({ all: [therapy({ kinds: ['radiation'] }), unread('Palliative radiotherapy')] });
  });

  it('reads a modifier before the treatment as the unread part', () => {
    expect(readCondition('Partial breast irradiation', 'exclusion')).toEqual({ all: [therapy({ kinds: ['radiation'] }), unread('Partial breast')] });
    expect(readCondition('Adjuvant-intent immunotherapy;', 'exclusion')).toEqual({ all: [therapy({ kinds: ['immunotherapy'] }), unread('Adjuvant-intent')] });
  });

  it('keeps a steroid dose in parentheses unread beside the classes', () => {
    expect(readCondition('Systemic steroid therapy or any immunosuppressive therapy (≥10 mg/day prednisone or equivalent).', 'exclusion')).toEqual({
      all: [therapy({ classes: ['corticosteroid', 'immunosuppressant'] }), unread('10 mg/day prednisone or equivalent')],
    });
  });

  it('reads "within 5 half-lives" with no days as receipt only', () => {
    expect(readCondition('Unapproved investigational drugs within 5 half-lives', 'exclusion')).toEqual({
      all: [therapy({ kinds: ['investigational'] }), unread('Unapproved investigational drugs within 5 half-lives')],
    });
  });

  it('does not read a treatment the line names for another purpose', () => {
    expect(readCondition('Distant hepatic / extrahepatic disease discovered on laparotomy', 'exclusion')).toBeNull();
    expect(readCondition('Esophagectomy for other non-malignant conditions', 'exclusion')).toBeNull();
    expect(readCondition('Mastectomy without whole breast reconstruction', 'exclusion')).toBeNull();
  });

  it('does not read a bare treatment in an inclusion as receipt, nor under a lead-in', () => {
    // An inclusion item that only names a treatment may be one planned or one had (procedure-item.ts):
    // never receipt alone, which would fail the patients about to have it.
    expect(readCondition('Palliative radiotherapy.', 'inclusion')).toEqual({
      all: [{ any: [attest('planned_treatment', true), therapy({ kinds: ['radiation'] })] }, unread('Palliative radiotherapy.')],
    });
    expect(
      readCondition('Intranasal, inhaled, topical steroids, or local steroid injections (e.g., intra articular injection)', 'exclusion', [
        'Current or prior use of immunosuppressive medication within 14 days before the first dose of durvalumab or tremelimumab. The following are exceptions to this criterion:',
      ]),
    ).toBeNull();
  });
});

describe('exposure after a past cue', () => {
  it('reads "Prior … antibody exposure" in an exclusion as receipt of the classes', () => {
    expect(readCondition('Prior anti-PD-1, CTLA-4, PDL-1 or LAG 3 antibody exposure', 'exclusion')).toEqual(
      therapy({ classes: ['anti_pd1', 'anti_ctla4', 'anti_pd_l1', 'anti_lag3'] }),
    );
  });

  it('does not read radiation exposure, which may be diagnostic or occupational', () => {
    expect(readCondition('Prior radiation exposure', 'exclusion')).toBeNull();
  });
});
