/**
 * How the disease behaved on an earlier treatment named by its place ("the last line of therapy",
 * "most recent treatment") or failed for a stated reason ("due to primary or acquired resistance"),
 * and the amount of a treatment before a progression ("after a minimum of 2 doses of"). Every line is
 * verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { leavesOf } from '../../src/criteria/facts';
import { readRule, therapy, therapyLeaves, unparsed as unread } from '../support/criteria';

const systemic = (outcome?: string) => therapy({ kinds: ['systemic'], ...(outcome ? { outcome } : {}) });

describe('an outcome on the last line of therapy', () => {
  it('reads progression on the last line as progression on a systemic treatment, the place unread', () => {
    const r = readRule(
      "Documented evidence of progressive measurable disease on last line of therapy at screening based on investigator's determination of response by IMWG diagnostic criteria",
      'inclusion',
    );
    expect(r.condition).toMatchObject({ all: expect.arrayContaining([systemic('progression'), unread('last line of therapy')]) });
    // The place is held by the finding's own unread leaf: the evidence words are what is left.
    expect(r.unread).not.toContain('progressive');
  });

  it('keeps a failure to respond as an unread route beside progression, with the receipt of the line it presumes', () => {
    const r = readRule(
      "Documented evidence of progressive disease or failure to achieve a response to last line of therapy based on investigator's determination of response by International myeloma working group (IMWG) criteria",
      'inclusion',
    );
    expect(r.condition).toMatchObject({
      all: expect.arrayContaining([
        systemic(),
        { any: [systemic('progression'), unread('failure to achieve a response')] },
        unread('last line of therapy'),
      ]),
    });
  });

  it('never reads a failure to achieve a response as progression', () => {
    const r = readRule(
      "Documented evidence of PD or failure to achieve a minimal response to the last line of therapy based on investigator's determination of response by IMWG criteria on or after their last regimen",
      'inclusion',
    );
    const leaves = leavesOf(r.condition!);
    expect(leaves).toContainEqual(unread('failure to achieve a minimal response'));
    // Progression is one route among two: it is never required on its own.
    expect(r.condition).not.toMatchObject({ all: expect.arrayContaining([systemic('progression')]) });
  });

  it('reads "unresponsive (stable disease or progression)" and a later progression as alternatives over the same line', () => {
    expect(
      readRule(
        'Confirmed to be unresponsive to the last line of therapy (have stable disease or disease progression during treatment),or have disease progression following the last line of therapy',
        'inclusion',
      ),
    ).toEqual({
      condition: { all: [{ any: [systemic('stable'), systemic('progression')] }, unread('the last line of therapy')] },
      unread: '',
    });
  });

  it('keeps "the last" unread where the list reader takes the outcome before a list', () => {
    const r = readRule('Recurrent, locally advanced or metastatic breast cancer that has progressed on or after the last anti-cancer therapy.', 'inclusion');
    expect(r.condition).toMatchObject({ all: expect.arrayContaining([systemic('progression'), unread('the last')]) });
    expect(r.unread).toBe('');
  });

  it('keeps "their most recent" unread beside the line count it follows', () => {
    const r = readRule(
      'Received at least 1 but ≤ 3 lines of prior systemic anticancer therapy and have radiographic progressed on or after their most recent line of therapy.',
      'inclusion',
    );
    expect(r.condition).toMatchObject({ all: expect.arrayContaining([systemic('progression'), unread('their most recent')]) });
  });

  it('does not read a sentence that offers an alternative to the progression', () => {
    // "treatment naïve or progressed on or after most recent therapy": the progression is only one option.
    const r = readRule('Metastatic disease may be treatment naïve or have progressed on or after most recent therapy.', 'inclusion');
    // No progression is read; naive is one sufficient route beside the unread one (therapy-naive-options.ts).
    expect(r.condition).toMatchObject({
      all: expect.arrayContaining([{ any: [therapy({ kinds: ['systemic'] }, false), unread('have progressed on or after most recent therapy')] }]),
    });
    expect(therapyLeaves(r.condition)).toEqual([therapy({ kinds: ['systemic'] }, false)]);
  });

  it('under a negation only forbids a progression it leaves qualified by the place', () => {
    // "must not have progressed on the last line": a progression on an earlier line is allowed, so the
    // forbidden finding keeps the place as an unknown beside it rather than forbidding any progression.
    const r = readRule('Patients must not have disease progression on the last line of therapy', 'inclusion');
    expect(leavesOf(r.condition!).some((l) => l.fact === 'unparsed' && /last/.test(String((l.params as { text?: string }).text)))).toBe(true);
  });
});

describe('a failure due to resistance', () => {
  it('reads failure due to primary or acquired resistance as progression on the treatment', () => {
    expect(readRule('Have failed prior immunotherapy line, either due to primary resistance or acquired resistance.', 'inclusion')).toEqual({
      condition: therapy({ kinds: ['immunotherapy'], outcome: 'progression' }),
      unread: '',
    });
  });
});

describe('the amount of a treatment before the progression', () => {
  it('reads the progression and keeps the number of doses unread', () => {
    expect(readRule('Patients who have progressed after a minimum of 2 doses of a PD-1/PD-L1 treatment', 'inclusion')).toEqual({
      condition: { all: [therapy({ classes: ['anti_pd1_pdl1'], outcome: 'progression' }), unread('a minimum of 2 doses of')] },
      unread: '',
    });
  });
});
