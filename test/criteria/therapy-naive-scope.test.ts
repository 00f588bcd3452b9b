/**
 * Where a treatment-naive requirement stands (therapy.ts readNaive, therapy-naive-scope.ts): an "or"
 * joining stages or tumour categories, or a parenthesis about the diagnosis, no longer makes it one
 * option; an "or" offering another history, or a parenthesis about treatment, still does. Naive for
 * the cancer under study is one sufficient route; a cohort label's parenthesis describes the cohort.
 * Real corpus lines (NCT ids in the test names) and made-up lines in the corpus's wording.
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record);
const NAIVE = therapy({ kinds: ['systemic'] }, false);
const chemo: PatientRecord = { treatments: [{ name: 'carboplatin', kind: 'systemic', start: '2024-01-10' }] };
const untreated: PatientRecord = { treatments: [] };

describe('an "or" that joins other topics leaves the naive requirement standing', () => {
  it('reads "T3 or T4" beside it (NCT06414590 i4)', () => {
    const { condition } = readRule(
      'Treatment naïve primary uveal melanoma with T3 or T4 category tumor size that are surgically unresectable (other than complete enucleation of eye).',
      'inclusion',
    );
    expect(therapyLeaves(condition)).toEqual([NAIVE]);
    expect('all' in condition! && condition.all).toContainEqual(NAIVE);
  });

  it('reads the setting in a parenthesis right after it, past an aside about the diagnosis (NCT05307289 i2)', () => {
    const { condition, unread } = readRule(
      'Stage III unresectable or histologically confirmed stage IV cutaneous melanoma (melanoma of unknown origin is accepted), treatment naïve (metastatic stage) and for which immunotherapy will be started',
      'inclusion',
    );
    // Naive in the metastatic stage only: adjuvant treatment is not forbidden.
    expect(therapyLeaves(condition)).toEqual([therapy({ kinds: ['systemic'], setting: 'metastatic' }, false)]);
    expect(unread).not.toMatch(/na[iï]ve/);
  });

  it('leaves it unread where a parenthesis after it names a setting it cannot take', () => {
    expect(therapyLeaves(readRule('Treatment naïve (non-curative stage) metastatic melanoma', 'inclusion').condition)).toEqual([]);
  });

  it('still reads "previously untreated (except for surgery) … brain metastases" as the lesions’ (NCT05522660 i1)', () => {
    const { condition } = readRule(
      'Newly diagnosed, previously untreated (except for surgery, see below) asymptomatic or oligo-symptomatic brain metastases, e.g., controlled symptomatic seizure disorder.',
      'inclusion',
    );
    expect(therapyLeaves(condition)).toEqual([]);
  });
});

describe('an "or" or a parenthesis that offers another history keeps it one option', () => {
  it.each([
    'Previously treated or untreated metastatic NSCLC.',
    'Treatment-naive (prior adjuvant therapy allowed) metastatic melanoma.',
    'Patients with BRAF-mutant melanoma previously treated with a BRAF inhibitor or BRAF wild-type melanoma, treatment-naive.',
    'Stage IV melanoma, treatment naive or progressed on anti-PD-1 therapy.',
  ])('never requires naive status alone: %s', (text) => {
    const { condition } = readRule(text, 'inclusion');
    // Whatever is read, a patient treated before is never failed on the naive words alone.
    expect(condition === null || judge(chemo, condition) !== false).toBe(true);
  });
});

describe('naive for the cancer under study is one sufficient route', () => {
  it('reads any(naive, unread) in an inclusion (NCT03787056 i7)', () => {
    const { condition } = readRule('Patient naïve of anticancer treatments for the considered cancer', 'inclusion');
    expect(condition).toEqual({ any: [NAIVE, unparsed('for the considered cancer')] });
    expect(judge(untreated, condition!)).toBe(true);
    // Treated before, perhaps for another cancer: left to the coordinator.
    expect(judge(chemo, condition!)).toBeNull();
  });

  it('leaves an exclusion or a negated line unread', () => {
    expect(therapyLeaves(readRule('Patient naïve of anticancer treatments for the considered cancer', 'exclusion').condition)).toEqual([]);
    expect(therapyLeaves(readRule('Patients must not be treatment-naive for the current cancer', 'inclusion').condition)).toEqual([]);
  });
});

describe('a cohort label’s parenthesis describes the cohort', () => {
  it('reads "Cohort A (no prior cranial radiation)" as "Cohort A: no prior cranial radiation" (NCT06580002 i2)', () => {
    const { condition } = readRule('Cohort A (no prior cranial radiation) i. Diagnosed with one of the following:', 'inclusion');
    expect(therapyLeaves(condition)).toEqual([therapy({ kinds: ['radiation'] }, false)]);
    // Never irradiated: meets it; irradiated (where, and which cohort, unknown): left open, never failed.
    expect(judge(untreated, condition!)).toBe(true);
    expect(judge({ treatments: [{ name: 'radiotherapy', kind: 'radiation', start: '2024-01-10' }] }, condition!)).toBeNull();
  });

  it('still leaves "Cohort B (prior cranial radiation)" unread: any radiation is not enough (NCT06580002 i6)', () => {
    expect(therapyLeaves(readRule('Cohort B (prior cranial radiation)', 'inclusion').condition)).toEqual([]);
  });

  it('keeps a parenthesis of examples an aside', () => {
    // "(e.g., prior radiotherapy)" after a cohort's disease is no description of the cohort.
    expect(therapyLeaves(readRule('Cohort A: melanoma (e.g., no prior radiotherapy)', 'inclusion').condition)).toEqual([]);
  });
});
