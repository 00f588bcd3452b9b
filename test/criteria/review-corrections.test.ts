/**
 * Readings corrected after a review of sampled corpus rules (session 17): "relapsed refractory"
 * without a slash is the usual R/R name of either state, and anti-cancer treatment "in another
 * investigational study" is treatment in another trial, not any current treatment; and the cancer a
 * treatment was given for ("Previous systemic therapy for melanoma") narrows it, so an exclusion holds
 * the cancer as a qualifier of the receipt, not as a second reason to exclude. Lines are verbatim
 * from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { leavesOf } from '../../src/criteria/facts';
import { readRule } from '../support/criteria';

describe('"relapsed refractory" without a slash', () => {
  it('is relapsed or refractory, as "relapsed/refractory" is', () => {
    for (const line of [
      'Participant has a histologically confirmed diagnosis of advanced/metastatic melanoma or relapsed refractory metastatic non-small cell lung cancer (NSCLC).',
      'relapsed/refractory multiple myeloma',
    ]) {
      const json = JSON.stringify(readRule(line, 'inclusion').condition);
      expect(json).toContain(
        '{"any":[{"fact":"diseaseExtent","operator":"equal","value":true,"params":{"extent":"relapsed"}},{"fact":"diseaseExtent","operator":"equal","value":true,"params":{"extent":"refractory"}}]}',
      );
    }
  });
});

describe('treatment in another study', () => {
  it('joins the current treatment to the other trial, not any current treatment alone', () => {
    const r = readRule(
      'Concurrent anti-cancer treatment in another investigational study, including hormone therapy or immunotherapy',
      'exclusion',
    );
    const c = r.condition!;
    expect(
      leavesOf(c).some((l) => l.fact === 'attestation' && (l.params as { topic: string }).topic === 'other_trial'),
    ).toBe(true);
    // The current treatment never excludes on its own: it sits beside the trial in one all().
    expect(JSON.stringify(c)).toMatch(/\{"all":\[\{"fact":"priorTherapy"[^\]]*\]?[^\]]*"topic":"other_trial"/);
  });
});

describe('the cancer a treatment was given for', () => {
  it('narrows an exclusion: no treatment, no exclusion; treatment, left open', () => {
    expect(readRule('Previous systemic therapy for melanoma', 'exclusion').condition).toEqual({
      all: [
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['systemic'] } },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'melanoma' } },
      ],
    });
  });

  it('lets an untreated patient through an inclusion that forbids it', () => {
    const c = readRule(
      'Have not received any prior systemic anti-cancer therapy for metastatic NSCLC',
      'inclusion',
    ).condition!;
    expect('any' in c).toBe(true);
    expect((c as { any: unknown[] }).any[0]).toEqual({
      fact: 'priorTherapy',
      operator: 'equal',
      value: false,
      params: { kinds: ['systemic'], setting: 'metastatic' },
    });
  });

  it('leaves "for cancer" and "for any malignancy" as they were', () => {
    const json = JSON.stringify(readRule('Prior ICI-based regimen for treatment of cancer', 'exclusion').condition);
    expect(json).toContain('"classes":["checkpoint_inhibitor"]');
    expect(json).not.toContain('"all":[{"fact":"priorTherapy"');
  });
});

describe('a lab range joined by "but"', () => {
  it('reads "greater than 1.2 mg/dl but less than 1.5 mg/dl" as both bounds', () => {
    expect(readRule('Serum creatinine greater than 1.2 mg/dl but less than 1.5 mg/dl', 'exclusion').condition).toEqual({
      all: [
        { fact: 'lab', operator: 'greaterThan', value: 1.2, params: { name: 'creatinine', unit: 'mg/dL' } },
        { fact: 'lab', operator: 'lessThan', value: 1.5, params: { name: 'creatinine', unit: 'mg/dL' } },
      ],
    });
  });
});

describe('brain metastases named only to restate, or let in, others', () => {
  const presence = (c: ReturnType<typeof readRule>['condition']): unknown[] =>
    (c ? leavesOf(c) : []).filter(
      (l) => l.fact === 'brainMetastases' && l.operator === 'in' && !(l.value as string[]).includes('none'),
    );

  it('does not require the metastases a parenthesis restates in an inclusion permission', () => {
    const r = readRule(
      'Patients with asymptomatic new or advanced brain metastases (active brain metastases) are eligible to participate if the treating physician determines that localized treatment is not required.',
      'inclusion',
    );
    expect(presence(r.condition)).toEqual([]);
  });

  it('does not exclude the metastases "except for the following:" lets in on the same line', () => {
    const r = readRule(
      'Subjects with symptomatic brain metastases, meningeal metastases, or spinal cord compression, except for the following: asymptomatic brain metastases (i.e., no progressive central nervous system symptoms caused by brain metastases, no need for corticosteroid or antiepileptic drugs, and the lesion has been stable for ≥4 weeks as confirmed by imaging tests);',
      'exclusion',
    );
    // Active ones exclude, and treated ones only with the steroids the definition rules out; none
    // excludes every patient with brain metastases.
    expect(
      presence(r.condition).filter(
        (l) => JSON.stringify((l as { value: unknown }).value) === '["active","treated-stable"]',
      ),
    ).toEqual([]);
    expect(presence(r.condition)).toContainEqual({ fact: 'brainMetastases', operator: 'in', value: ['active'] });
  });

  it('reads no metastases from "(2 weeks for resection of brain metastases)"', () => {
    const r = readRule(
      'Major surgery (e.g., intra-thoracic, intra-abdominal or intra-pelvic) within 4 weeks prior (2 weeks for resection of brain metastases) to starting capmatinib or who have not recovered from side effects of such procedure. Video-assisted thoracic surgery and mediastinoscopy will not be counted as major surgery and patients can be enrolled in the program ≥1 week after the procedure',
      'exclusion',
    );
    expect(presence(r.condition)).toEqual([]);
  });
});
