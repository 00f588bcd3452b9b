/**
 * Severe immune-related adverse events without the immunotherapy named, or denied in an inclusion
 * (history-irae.ts), and the hereditary cancer predisposition syndromes of the condition lexicon
 * (scripts/lexicons/curated/conditions.json). Verbatim corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz)
 * pin the readings; each rule is judged against patient records too.
 */
import type { Condition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { attest, attestationTopics, cond, criterionRule, judgeRecord, unparsed } from '../support/criteria';

const irae = attest('prior_severe_irae', true);
const withAnswer = (value: boolean): PatientRecord => ({
  cancers: [{ type: 'melanoma' }],
  attestations: { prior_severe_irae: value },
});
const withConditions = (conditions: PatientRecord['conditions']): PatientRecord => ({
  cancers: [{ type: 'melanoma' }],
  conditions,
});
const names = (c: Condition): string[] =>
  leavesOf(c).flatMap((l) => (l.fact === 'condition' ? ((l.params as { names: string[] }).names ?? []) : []));

describe('severe irAEs without the immunotherapy named', () => {
  it('reads a grade ≥3 irAE with a window as the topic, the window unread (NCT05229614 e11)', () => {
    const rule = criterionRule(
      'Any CTCAE grade ≥3 immune-related adverse event observed within 3 weeks prior to CIRT start',
      'exclusion',
    );
    expect(rule).toEqual({ all: [irae, unparsed('observed within … weeks … CIRT start')] });
    // The exclusion's rule: a patient who never had a grade ≥3 irAE is not excluded; one who had is left to the coordinator.
    expect(judgeRecord(rule, withAnswer(false))).toBe(false);
    expect(judgeRecord(rule, withAnswer(true))).toBeNull();
  });

  it('reads "immune-related CTCAE grade 4 adverse event": the stricter grade stays unread (NCT05229614 e10)', () => {
    const rule = criterionRule('Any immune-related CTCAE grade 4 adverse event, before study entry', 'exclusion');
    expect(rule).toEqual({ all: [irae, unparsed('grade 4 … before study entry')] });
    expect(judgeRecord(rule, withAnswer(false))).toBe(false);
    expect(judgeRecord(rule, withAnswer(true))).toBeNull();
  });

  it('keeps an exception in the narrowing with its own words ("other than …", NCT05098210 e2)', () => {
    const rule = criterionRule(
      'Any history of an immune-related grade 4 adverse event attributed to prior cancer immunotherapy CIT (other than endocrinopathy managed with replacement therapy or asymptomatic elevation of serum amylase or lipase)',
      'exclusion',
    );
    expect(rule).toMatchObject({ all: [irae, { fact: 'unparsed' }] });
    const note = (leavesOf(rule).find((l) => l.fact === 'unparsed')!.params as { text: string }).text;
    expect(note).toContain('grade 4');
    expect(note).toContain('other than endocrinopathy');
  });

  it('reads an inclusion denying the irAE as the negated topic, the narrowing unread (NCT04855435 i32, its item label left off)', () => {
    const rule = criterionRule(
      'No prior Grade ≥3 irAE leading to permanent discontinuation of prior anti-PD1/PD L1.',
      'inclusion',
    );
    expect(rule).toEqual({
      any: [attest('prior_severe_irae', false), unparsed('leading … permanent discontinuation', false)],
    });
    // No grade ≥3 irAE at all meets it; one that led elsewhere than to discontinuation is the coordinator's.
    expect(judgeRecord(rule, withAnswer(false))).toBe(true);
    expect(judgeRecord(rule, withAnswer(true))).toBeNull();
  });

  it('reads "severe" irAEs defined by grades of 3 or more as the topic, the grades unread (NCT06284590 i16)', () => {
    const rule = criterionRule(
      'No history of severe immune related adverse effects from prior given immune checkpoint blockade therapy (CTCAE Grade 4; CTCAE Grade 3 requiring treatment \\>4 weeks).',
      'inclusion',
    );
    expect(rule).toEqual({
      any: [attest('prior_severe_irae', false), unparsed('given … (CTCAE Grade 4; CTCAE Grade 3 requiring … weeks)', false)],
    });
    expect(judgeRecord(rule, withAnswer(false))).toBe(true);
    expect(judgeRecord(rule, withAnswer(true))).toBeNull();
  });

  it('never reads an irAE an inclusion requires, nor one of several sentences with an approval route', () => {
    for (const [text, kind] of [
      // An approval route in a second sentence would join as an alternative (NCT06249048 e3).
      [
        'History of History of Grade 3 or higher immune-related adverse events. Patient may be enrolled with Medical Monitor approval.',
        'exclusion',
      ],
      // A grade 2 irAE is another question (NCT07237594 i5).
      [
        'Participant must have had prior treatment with ICI therapy (either PD-1 therapy or PD-1 plus anti LAG3 or PD-1 plus anti CTLA-4 therapy as standard of care) and experienced grade 2 or higher immune-related colitis, hepatitis, or skin rash leading to treatment discontinuation.',
        'inclusion',
      ],
    ] as const)
      expect(attestationTopics(criterionRule(text, kind))).not.toContain('prior_severe_irae=true');
  });
});

describe('hereditary cancer predisposition syndromes', () => {
  it('reads dysplastic nevus syndrome, an example of a high melanoma risk (NCT05253872 e2)', () => {
    const rule = criterionRule(
      'Patients with high risk of a new primary melanoma (dysplastic nevus syndrome, or family history of melanoma)',
      'exclusion',
    );
    expect(rule).toEqual({
      any: [
        cond({ names: ['fammm_syndrome'] }),
        unparsed('high risk of a new primary melanoma … family history of melanoma'),
      ],
    });
    expect(judgeRecord(rule, withConditions([{ name: 'dysplastic nevus syndrome' }]))).toBe(true);
    expect(judgeRecord(rule, withConditions([{ name: 'FAMMM syndrome' }]))).toBe(true);
  });

  it('reads ataxia-telangiectasia among examples of immunodeficiency and of comorbidities precluding radiotherapy', () => {
    const immuno = criterionRule(
      'Known primary immunodeficiencies, either cellular (e.g., DiGeorge syndrome, T-negative severe combined immunodeficiency \\[SCID\\]) or combined T- and B-cell immunodeficiencies (e.g., T- and B-negative SCID, Wiskott-Aldrich syndrome, ataxia telangiectasia, common variable immunodeficiency)',
      'exclusion',
    );
    expect(names(immuno)).toEqual(expect.arrayContaining(['immunodeficiency', 'ataxia_telangiectasia']));
    expect(judgeRecord(immuno, withConditions([{ name: 'ataxia-telangiectasia' }]))).toBe(true);

    const radio = criterionRule(
      'Serious medical comorbidities precluding radiotherapy, such as ataxia-telangiectasia or scleroderma.',
      'exclusion',
    );
    expect(names(radio)).toContain('ataxia_telangiectasia');
    // "precluding radiotherapy" stays for the coordinator.
    expect(leavesOf(radio)).toContainEqual(unparsed('precluding radiotherapy'));
  });

  it('files each named syndrome under the predisposition umbrella', () => {
    const umbrella = cond({ names: ['hereditary_cancer_syndrome'] });
    for (const name of ['Lynch syndrome', 'HNPCC', 'Peutz-Jeghers syndrome', 'neurofibromatosis type 1', 'Fanconi anemia'])
      expect(judgeRecord(umbrella, withConditions([{ name }]))).toBe(true);
    expect(judgeRecord(umbrella, withConditions([{ name: 'hypertension' }]))).toBe(false);
  });
});
