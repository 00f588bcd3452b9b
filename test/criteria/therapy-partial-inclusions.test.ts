/**
 * Inclusions whose cancer, stage or biomarker part was read but whose prior-therapy part was not:
 * the therapy is now read, bound to the patients the text binds it to. Every line is verbatim from
 * the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import type { Condition } from '../../src/criteria/facts';
import { criterionRule, judgeRecord, therapy, therapyLeaves, unparsed } from '../support/criteria';

describe('a test result labelling the criterion it opens ("BRAF wild type: …")', () => {
  // NCT05267626 i3
  const text = 'BRAF wild type: progressed after receiving PD-1 containing therapy with or without an anti-CTLA-4';
  const rule = criterionRule(text, 'inclusion');

  it('binds the requirement after the colon to the patients with that result: any(not X, C)', () => {
    expect(rule).toEqual({
      any: [
        { fact: 'biomarker', operator: 'equal', value: true, params: { gene: 'BRAF', status: 'detected' } },
        therapy({ classes: ['anti_pd1'], outcome: 'progression' }),
      ],
    });
  });

  it('admits a BRAF-mutant patient without the treatment, fails a wild-type one without it', () => {
    expect(judgeRecord(rule, { biomarkers: [{ name: 'BRAF', alteration: 'V600E', status: 'detected' }] })).toBe(true);
    expect(judgeRecord(rule, { biomarkers: [{ name: 'BRAF', status: 'not detected' }], treatments: [] })).toBe(false);
  });

  it('does not take a cohort or a tumour group for a result label', () => {
    // NCT06425926 i12: the next sentence requires the result of everyone in the cohort.
    const cohort = criterionRule(
      'Tumors with AKT3 mutation/amplification: Participants must have a locally advanced unresectable, recurrent, or metastatic solid malignancy. Participants with known AKT3 mutation/amplification based on next generation sequencing (NGS) performed per local standard of care.',
      'inclusion',
    );
    const akt3 = JSON.stringify(cohort).match(/"gene":"AKT3"[^}]*/g) ?? [];
    expect(akt3.length).toBeGreaterThan(0);
    expect(JSON.stringify(cohort)).not.toContain('"value":false,"params":{"gene":"AKT3"');
  });

  it('leaves a refusal after the label unread', () => {
    // NCT05267626 i4
    const refused = criterionRule('BRAF mutation: patients who refused BRAF+MEK inhibitor', 'inclusion');
    expect(therapyLeaves(refused)).toEqual([]);
  });
});

describe('"administered either as a monotherapy, or in combination with …" (a comma before "or")', () => {
  // NCT07634380 i1
  const text =
    'Histologically and/or cytologically confirmed unresectable metastatic renal cell carcinoma with clear cell component with no neuroendocrine differentiation component) or unresectable metastatic melanoma (excluding uveal or mucosal melanoma) that have progressed on treatment with an anti-PD-1/PD-L1 mAb administered either as a monotherapy, or in combination with other immune checkpoint inhibitors or other therapies.';
  const rule = criterionRule(text, 'inclusion');

  it('reads the progression on anti-PD-1/PD-L1 in any form', () => {
    const leaves = therapyLeaves(rule);
    expect(leaves).toEqual([therapy({ classes: ['anti_pd1_pdl1'], outcome: 'progression' })]);
  });

  it('never fails a melanoma patient who progressed on it, and fails one who never had it', () => {
    const cancers = [{ type: 'melanoma', stage: 'IV' }];
    expect(judgeRecord(rule, { cancers, treatments: [{ name: 'pembrolizumab', kind: 'systemic', start: '2024-01-10', outcome: 'progression' }] })).not.toBe(false);
    expect(judgeRecord(rule, { cancers, treatments: [] })).toBe(false);
  });

  it('reads the simpler sentence whole', () => {
    const simple = criterionRule(
      'Progressed on treatment with an anti-PD-1/PD-L1 mAb administered either as a monotherapy, or in combination with other therapies.',
      'inclusion',
    );
    expect(simple).toEqual({ all: [therapy({ classes: ['anti_pd1_pdl1'], outcome: 'progression' })] });
  });
});

describe('a parenthesis that only leaves a cancer out is no condition on the treatment', () => {
  it('reads the progression as required beside the cancer left out', () => {
    const rule = criterionRule('Metastatic melanoma (excluding uveal melanoma) that has progressed on anti-PD-1 therapy.', 'inclusion');
    expect(rule).toEqual({
      all: [
        { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'metastatic' } },
        { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['MELANOMA'] } },
        therapy({ classes: ['anti_pd1'], outcome: 'progression' }),
        unparsed('uveal melanoma'),
      ],
    });
  });

  it('still reads an "(if available)" after the treatment as a condition: one sufficient route only', () => {
    const rule: Condition = criterionRule('Metastatic melanoma that has progressed on anti-PD-1 therapy (if available).', 'inclusion');
    const route = (rule as { all: Condition[] }).all.find((c) => 'any' in c) as { any: Condition[] };
    expect(route.any[0]).toEqual(therapy({ classes: ['anti_pd1'], outcome: 'progression' }));
    expect(route.any[1]).toEqual(unparsed('Metastatic melanoma that has progressed on anti-PD-1 therapy (if available)'));
  });
});

describe('an exception closing a population-bound requirement ("Patients with X should have received Y, unless …")', () => {
  // NCT06743126 i6
  const text =
    "Patients with BRAF mutation should have been treated with one prior line of BRAF-directed therapy (with or without a MEK inhibitor) prior to initial eligibility assessment, unless deemed not clinically indicated at Investigator's discretion due to concurrent medical condition, prior toxicity, or if declined by the patient";
  const rule = criterionRule(text, 'inclusion');

  it('reads any(not X, Y, unread exception)', () => {
    expect(rule).toEqual({
      any: [
        { fact: 'biomarker', operator: 'equal', value: false, params: { gene: 'BRAF', alteration: 'mutation', status: 'detected' } },
        { all: [therapy({ classes: ['braf_inhibitor'] }), unparsed('initial')] },
        unparsed("unless deemed not clinically indicated at Investigator's discretion due to concurrent medical condition, prior toxicity, or if declined by the patient"),
      ],
    });
  });

  it('admits a patient without the mutation, and fails no mutated patient who lacks the therapy (the exception may hold)', () => {
    expect(judgeRecord(rule, { biomarkers: [{ name: 'BRAF', status: 'not detected' }] })).toBe(true);
    expect(judgeRecord(rule, { biomarkers: [{ name: 'BRAF', alteration: 'V600E', status: 'detected' }], treatments: [] })).toBeNull();
  });

  it('reads the "For patients with X, … is required, unless …" form the same way (NCT07376707 i19)', () => {
    const r = criterionRule(
      'For patients with BRAF V600 mutations, treatment with BRAF and MEK inhibitors prior to initiation on trial is required, unless patients are intolerant of BRAF targeted therapy.',
      'inclusion',
    ) as { any: Condition[] };
    expect(r.any[0]).toEqual({ fact: 'biomarker', operator: 'equal', value: false, params: { gene: 'BRAF', alteration: 'V600', status: 'detected' } });
    expect(therapyLeaves(r)).toHaveLength(1);
    expect(r.any[r.any.length - 1]).toEqual(unparsed('unless patients are intolerant of BRAF targeted therapy'));
  });

  it('leaves an exclusion\'s "unless" to the readers (only an inclusion\'s exception is an unread way in)', () => {
    const excl = criterionRule('Patients with BRAF mutation who have not received a BRAF inhibitor, unless contraindicated.', 'exclusion');
    expect(JSON.stringify(excl)).not.toContain('"text":"unless contraindicated"');
  });
});
