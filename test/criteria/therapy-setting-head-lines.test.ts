/**
 * Prior-therapy phrasings read in session 22 (family "lines"):
 * - a setting or disease between a generic head and the treatment it names ("Prior treatment in the
 *   locally advanced or metastatic setting with any PI3K, AKT, or mTOR inhibitor"): the named treatment
 *   is what was had, in that setting; read as the generic treatment, every systemic therapy in the
 *   setting would have stood for it (a wrong exclusion);
 * - "X is required with documented progression or intolerability to the treatment" (inclusion);
 * - "failed (standard) second-line (drug) therapy" as the whole criterion: that many lines, the last
 *   progressed on;
 * - settings alone in a parenthesis after the treatment ("No prior systemic therapy (adjuvant or
 *   metastatic)"), and "given as primary therapy for advanced disease".
 * Lines are verbatim from the oncology corpus unless marked as a variant.
 */
import { lines, readRule, therapy, unparsed } from '../support/criteria';

const progressed = therapy({ kinds: ['systemic'], outcome: 'progression' });

describe('a setting between a generic head and the treatment it names', () => {
  it('reads the named classes in the setting (NCT05894239)', () => {
    const r = readRule(
      'Prior treatment in the locally advanced or metastatic setting with any PI3K, AKT, or mTOR inhibitor or any agent whose mechanism of action is to inhibit the PI3K-AKT-mTOR pathway',
      'exclusion',
    );
    expect(r.condition).toEqual(therapy({ classes: ['pi3k_inhibitor', 'akt_inhibitor', 'mtor_inhibitor'], setting: 'advanced' }));
    expect(r.unread).toBe('whose mechanism of action is to inhibit the PI3K-AKT-mTOR pathway');
  });

  it('never reads the generic head as every systemic therapy of the setting (variants)', () => {
    expect(readRule('Prior therapy in the adjuvant setting with tamoxifen.', 'exclusion')).toEqual({
      condition: therapy({ drugs: ['tamoxifen'], setting: 'adjuvant' }),
      unread: '',
    });
    expect(readRule('Prior treatment in the metastatic setting with an mTOR inhibitor.', 'exclusion')).toEqual({
      condition: therapy({ classes: ['mtor_inhibitor'], setting: 'metastatic' }),
      unread: '',
    });
    expect(readRule('Prior treatment for metastatic disease with BRAF inhibitors.', 'exclusion')).toEqual({
      condition: therapy({ classes: ['braf_inhibitor'], setting: 'metastatic' }),
      unread: '',
    });
  });

  it('keeps a named cancer between them as an unread condition beside the treatment (variant)', () => {
    expect(readRule('Prior treatment for metastatic melanoma with BRAF/MEK inhibitors.', 'exclusion').condition).toEqual({
      all: [therapy({ classes: ['braf_inhibitor', 'mek_inhibitor'] }), unparsed('metastatic melanoma')],
    });
  });
});

describe('a requirement with the outcome after "is required"', () => {
  it('reads "is required with documented progression or intolerability" (NCT07376707)', () => {
    const r = readRule(
      'Prior treatment with an at least 2 doses of approved or investigational immune checkpoint inhibitor is required with documented progression or intolerability to the treatment.',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [therapy({ classes: ['checkpoint_inhibitor'], outcome: 'progression' }), therapy({ classes: ['checkpoint_inhibitor'], outcome: 'intolerance' })],
    });
    expect(r.unread).toBe('2 doses');
  });

  it('does not read the outcome of a requirement placed among exclusions (variant)', () => {
    const r = readRule('Prior treatment with an immune checkpoint inhibitor is required with documented progression.', 'exclusion');
    expect(JSON.stringify(r.condition)).not.toContain('"outcome"');
  });
});

describe('a failed line named by its ordinal', () => {
  it('reads "failed standard second-line drug therapy" as two lines ending in progression (NCT06889610)', () => {
    expect(readRule('Patients who have failed standard second-line drug therapy.', 'inclusion')).toEqual({
      condition: { all: [lines('greaterThanInclusive', 2), progressed] },
      unread: '',
    });
  });

  it('reads "failed standard first-line drug therapy" as one line ending in progression (NCT06889610)', () => {
    const r = readRule('Patients who have failed standard first-line drug therapy.', 'inclusion');
    expect(r.condition).toMatchObject({ all: expect.arrayContaining([lines('greaterThanInclusive', 1), progressed]) });
  });

  it('leaves it unread with a definition after it, a negation or in an exclusion', () => {
    const defined = readRule(
      'Patients who have failed standard second-line drug therapy(including those who have failed PD-1 monoclonal antibody therapy, with progression within six months of adjuvant or neoadjuvant therapy considered as first-line therapy failure).',
      'inclusion',
    );
    expect(JSON.stringify(defined.condition ?? null)).not.toContain('priorLines');
    expect(readRule('Patients who have not failed second-line therapy.', 'inclusion').condition).toBeNull();
    expect(readRule('Patients who have failed second-line therapy.', 'exclusion').condition).toBeNull();
  });
});

describe('settings in a parenthesis after the treatment', () => {
  it('reads each setting the parenthesis names (NCT05384496)', () => {
    const r = readRule('Initial study entry: No prior systemic therapy (adjuvant or metastatic).', 'inclusion', ['Prior therapy']);
    expect(r.condition).toEqual({
      all: [therapy({ kinds: ['systemic'], setting: 'adjuvant' }, false), therapy({ kinds: ['systemic'], setting: 'metastatic' }, false)],
    });
    expect(r.unread).toBe('Initial');
  });

  it('reads the settings of a forbidden treatment the same way (NCT07221734)', () => {
    const r = readRule('Prior use of immune therapies (adjuvant or neoadjuvant) is not allowed as per Exclusion Criteria #2.', 'inclusion');
    expect(r.condition).toEqual({
      all: [therapy({ kinds: ['immunotherapy'], setting: 'adjuvant' }, false), therapy({ kinds: ['immunotherapy'], setting: 'neoadjuvant' }, false)],
    });
  });

  it('an exclusion of either setting is met by either (variant)', () => {
    expect(readRule('Prior chemotherapy (adjuvant or metastatic).', 'exclusion').condition).toEqual({
      any: [therapy({ kinds: ['chemotherapy'], setting: 'adjuvant' }), therapy({ kinds: ['chemotherapy'], setting: 'metastatic' })],
    });
  });
});

describe('"given as primary therapy for" a setting', () => {
  it('reads the setting (variant of NCT06561386)', () => {
    expect(readRule('No prior systemic anti-cancer therapy given as primary therapy for advanced or metastatic disease.', 'inclusion')).toEqual({
      condition: therapy({ kinds: ['systemic'], setting: 'advanced' }, false),
      unread: '',
    });
  });
});
