/**
 * Disease words that state no requirement of the patient's disease: "refractory" as the first route
 * of a treatment ("refractory or intolerant to standard therapy"), "not candidates for standard
 * treatment options" (no unresectable disease), "<cancer> only:" labelling an item, an extent dating
 * a treatment a permission lets in, a cancer dated before the trial's own diagnosis, and an extent named
 * as the cause of something else ("symptoms related to metastatic brain lesions"). Each had been
 * required of, or excluded, patients the text lets in. Lines verbatim from the corpus.
 */
import { ANTICANCER_KINDS, leavesOf } from '../../src/criteria/facts';
import { readCriterion } from '../../src/criteria/parse';
import { normalise } from '../../src/criteria/text';

describe('"refractory" as the first of a treatment\'s routes', () => {
  it('is no disease course required beside the routes', () => {
    const c = readCriterion(
      normalise('Patients with Malignant Melanoma who are refractory or intolerant to standard therapy').text,
      'inclusion',
      [],
    ).condition!;
    expect(leavesOf(c).some((l) => l.fact === 'diseaseExtent')).toBe(false);
    expect(leavesOf(c)).toContainEqual({
      fact: 'priorTherapy',
      operator: 'equal',
      value: true,
      // Intolerance of standard therapy, which may be of any anticancer kind (therapy-standard.ts).
      params: { kinds: [...ANTICANCER_KINDS], outcome: 'intolerance' },
    });
  });

  it('still reads "relapsed or refractory" disease', () => {
    const c = readCriterion(normalise('Relapsed or refractory multiple myeloma').text, 'inclusion', []).condition!;
    expect(leavesOf(c)).toContainEqual({
      fact: 'diseaseExtent',
      operator: 'equal',
      value: true,
      params: { extent: 'refractory' },
    });
  });
});

describe('"not candidates for standard treatment options"', () => {
  it('names no unresectable disease (NCT05107674)', () => {
    const line =
      'Patients must have disease that is metastatic or unresectable and have received standard treatment options, are not candidates for standard treatment options, or will otherwise be prevented from receiving any standard treatment options.';
    const c = readCriterion(normalise(line).text, 'inclusion', []).condition!;
    // "metastatic or unresectable" only: an extra "unresectable" had failed a patient with metastatic, resectable disease.
    expect(
      leavesOf(c).filter(
        (l) => l.fact === 'diseaseExtent' && (l.params as { extent: string }).extent === 'unresectable',
      ),
    ).toHaveLength(1);
  });
});

describe('"<cancer> only:" before an item', () => {
  it("labels the item as that cancer's, never excluding every patient with it (NCT04370587)", () => {
    const c = readCriterion(
      normalise('HNSCC only: Prior re-irradiation field containing carotid artery.').text,
      'exclusion',
      [],
    ).condition;
    // Read as any(HNSCC, unknown), the exclusion had excluded every HNSCC patient.
    expect(c === null || !leavesOf(c).some((l) => l.fact === 'cancerType' && l.value === true)).toBe(true);
  });
});

describe('an extent in the condition of a permission', () => {
  it('dates the treatment let in and is no requirement (NCT07057596)', () => {
    const c = readCriterion(
      normalise(
        'Prior neoadjuvant or adjuvant therapy is allowed provided it was administered in the curative setting in patients with localized disease.',
      ).text,
      'inclusion',
      [],
    ).condition;
    // Read as "localized disease" required, every patient with metastatic disease failed.
    expect(c === null || !leavesOf(c).some((l) => l.fact === 'diseaseExtent')).toBe(true);
  });
});

describe('a cancer dated before the diagnosis the trial is for', () => {
  it("is an earlier cancer, not the patient's diagnosis (NCT05253872)", () => {
    const c = readCriterion(
      normalise('History of melanoma skin cancer prior to the index diagnosis').text,
      'exclusion',
      [],
    ).condition;
    // Read as melanoma, the exclusion had excluded every patient of this melanoma trial.
    expect(c === null || !leavesOf(c).some((l) => l.fact === 'cancerType')).toBe(true);
  });
});

describe('an extent named as the cause of something else', () => {
  it('states nothing of the disease (NCT05704647)', () => {
    const c = readCriterion(
      normalise(
        'Subjects must be free of neurologic signs and symptoms related to metastatic brain lesions and must not have required or received systemic corticosteroid therapy in the 5 days prior to beginning protocol therapy.',
      ).text,
      'inclusion',
      [],
    ).condition!;
    // Read as "not metastatic", every patient of this brain-metastasis trial failed.
    expect(leavesOf(c).some((l) => l.fact === 'diseaseExtent')).toBe(false);
  });
});
