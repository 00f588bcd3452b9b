/**
 * Prior-therapy inclusion forms that were left unread: treatment-naive offered as one route of two
 * (therapy-naive-options.ts), and an upper limit on systemic regimens said with a permission ("may have
 * received two or less systemic regimens"). Verbatim corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz)
 * pin the readings, with the ones that must stay unread.
 */
import { leavesOf } from '../../src/criteria/facts';
import { readRule, therapy, unparsed } from '../support/criteria';

const naive = therapy({ kinds: ['systemic'] }, false);

describe('treatment-naive as one route of two', () => {
  it('reads "naive or had treatment long ago" as naive, or the unread route (NCT04513028)', () => {
    expect(readRule('Must be treatment naïve or have had treatment no less than 6 months prior to enrollment', 'inclusion')).toEqual({
      condition: { any: [naive, unparsed('have had treatment no less than 6 months prior to enrollment')] },
      unread: '',
    });
  });

  it('reads "Treatment-naive or after one prior line of …" with the whole second route unread (NCT04045691)', () => {
    const text =
      'Treatment-naive or after one prior line of checkpoint inhibitor treatment (anti-CTLA4 \\[Cytotoxic T-Lymphocyte Antigen-4\\] and/or anti-PD(L)1 \\[Programmed cell Death protein 1\\]) in the unresectable advanced or metastatic setting.';
    const { condition } = readRule(text, 'inclusion');
    expect(condition).toMatchObject({ any: [naive, { fact: 'unparsed' }] });
    // No count of lines is required of the naive route.
    expect(leavesOf(condition!).some((l) => l.fact === 'priorLines')).toBe(false);
  });

  it('reads the naive route last ("may be on treatment or treatment naïve", NCT04658303)', () => {
    expect(readRule('Patients may be on treatment or treatment naïve.', 'inclusion').condition).toEqual({
      any: [unparsed('on treatment'), naive],
    });
  });

  it('reads the first sentence only where a second one follows (NCT05968690)', () => {
    const text =
      'Treatment-naïve or has received any number of prior lines of therapy. Prior targeted therapy is allowed, but small molecule inhibitors must be discontinued within two weeks before starting the study.';
    const { condition, unread } = readRule(text, 'inclusion');
    // The later permission leaves the naive route open too (parse.ts permittedTreatment).
    expect(condition).toEqual({
      any: [
        naive,
        unparsed('Prior targeted therapy is allowed, but small molecule inhibitors must be discontinued within two weeks before starting the study'),
        unparsed('has received any number of prior lines of therapy'),
      ],
    });
    expect(unread).toContain('small molecule inhibitors must be discontinued');
  });

  it('reads "ICI treatment-naive" as naive to checkpoint inhibitors only (NCT05877430)', () => {
    const text =
      'Diagnosis of locally advanced unresectable or metastatic NSCLC, HNSCC, or melanoma in subjects who are ICI treatment-naive or relapsed/refractory, including PD-1/PD-L1 inhibitors';
    const { condition } = readRule(text, 'inclusion');
    const alt = { any: [therapy({ classes: ['checkpoint_inhibitor'] }, false), unparsed('relapsed/refractory, including PD-1/PD-L1 inhibitors')] };
    expect(condition).toMatchObject({ all: expect.arrayContaining([alt]) });
    // Never naive to every systemic treatment: a patient given chemotherapy only is ICI-naive.
    expect(leavesOf(condition!)).not.toContainEqual(naive);
  });

  it('never requires the naive route where the sentence binds only some patients or adds a condition', () => {
    for (const [text, kind] of [
      // A condition on the naive patients, not a route (NCT03947385).
      ['If a patient is treatment naïve and human leukocyte antigen (HLA)-A\\*02:01 positive\\*\\*\\*, documentation is required to provide rationale why treatment with tebentafusp is not the ideal firstline treatment approach.', 'inclusion'],
      // A label and a lead-in of options bind the sentence to one subgroup (NCT03947385).
      ['Diagnosis of the following:\n\n  o MUM: Uveal melanoma with histological or cytological confirmed metastatic disease. Metastatic disease may be treatment naïve or have progressed on or after most recent therapy.', 'inclusion'],
    ] as const) {
      const { condition } = readRule(text, kind);
      const routes = condition ? leavesOf(condition).filter((l) => l.fact === 'priorTherapy') : [];
      expect(routes).toEqual([]);
    }
  });

  it('does not read the two routes in an exclusion', () => {
    const { condition } = readRule('Treatment naive or have received prior standard therapy appropriate for tumor type and stage', 'exclusion');
    expect(leavesOf(condition!)).not.toContainEqual(naive);
  });

  it('leaves a further requirement after the second route to the other readers (no any() over it)', () => {
    const { condition } = readRule('Treatment naive or progressed on prior chemotherapy, and must have measurable disease.', 'inclusion');
    expect(JSON.stringify(condition)).not.toContain('"any"');
  });
});

describe('an upper limit on systemic regimens said with a permission', () => {
  it('reads "may have received two or less systemic regimens" as at most 2 lines (NCT04106492)', () => {
    const { condition } = readRule(
      'Patients who may have received two or less systemic regimens (therapies include chemotherapy and/or immunotherapy)',
      'inclusion',
    );
    expect(condition).toEqual({ fact: 'priorLines', operator: 'lessThanInclusive', value: 2 });
  });

  it('still leaves a permitted count with no limit unread ("may have received 1 or more lines", NCT06194929)', () => {
    const { condition } = readRule('For Cohort B, may have received 1 or more lines of prior BRAF or MEK inhibitor therapy.', 'inclusion');
    const lines = condition ? leavesOf(condition).filter((l) => l.fact === 'priorLines') : [];
    expect(lines).toEqual([]);
  });
});

describe('what the earlier treatment must have included', () => {
  it('reads "Prior treatment (…) must have included a taxane and/or anthracycline-based therapy" as either class (NCT05076760)', () => {
    const { condition, unread } = readRule(
      'Prior treatment (for advanced, metastatic or (neo)adjuvant) must have included a taxane and/or anthracycline-based therapy.',
      'inclusion',
    );
    expect(condition).toEqual(therapy({ classes: ['taxane', 'anthracycline'] }));
    // The setting in brackets stays unread beside it: the finding is a necessary condition only.
    expect(unread).toBe('advanced, metastatic or (neo)adjuvant');
  });

  it('leaves a treatment required only "where appropriate" unread, never required (NCT06249048)', () => {
    const { condition, unread } = readRule(
      'Prior treatment (for advanced, metastatic or \\[neo\\]adjuvant) should have included a taxane and/or anthracycline-based therapy and, where appropriate, an approved checkpoint inhibitor.',
      'inclusion',
    );
    expect(condition).toEqual(therapy({ classes: ['taxane', 'anthracycline'] }));
    expect(unread).toContain('an approved checkpoint inhibitor');
  });

  it('does not read the form with an alternative after the treatment', () => {
    const { condition } = readRule('Prior treatment must have included a taxane, or the patient must be ineligible for taxanes.', 'inclusion');
    const leaves = condition ? leavesOf(condition) : [];
    expect(leaves).not.toContainEqual(therapy({ classes: ['taxane'] }));
  });
});

describe('treatment-naive to a treatment named right before it', () => {
  it('reads "alpelisib treatment naïve" as never given alpelisib, not as no systemic treatment at all (NCT05022342)', () => {
    expect(readRule('Patient should be alpelisib treatment naïve.', 'inclusion')).toEqual({
      condition: therapy({ drugs: ['alpelisib'] }, false),
      unread: '',
    });
  });

  it('keeps "treatment naive" alone as no systemic treatment', () => {
    expect(readRule('Must be treatment naive.', 'inclusion').condition).toEqual(naive);
  });
});

describe('a later line said as received', () => {
  it('reads "have undergone second-line therapy" as two lines at least, the rest unread (NCT03761914 i)', () => {
    const r = readRule('Patients have undergone second-line therapy after residual or recurrent disease after first-line therapy.', 'inclusion');
    expect(r).toEqual({ condition: { fact: 'priorLines', operator: 'greaterThanInclusive', value: 2 }, unread: 'residual or recurrent … first-line' });
  });

  it('reads the same count in an exclusion, and none under a permission', () => {
    expect(readRule('Patients who have received third-line therapy.', 'exclusion').condition).toEqual({ fact: 'priorLines', operator: 'greaterThanInclusive', value: 3 });
    const may = readRule('Patients may have received second-line therapy.', 'inclusion').condition;
    expect(may ? leavesOf(may).some((l) => l.fact === 'priorLines') : false).toBe(false);
  });
});

