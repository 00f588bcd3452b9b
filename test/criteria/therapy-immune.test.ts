/**
 * Prior therapy in criteria about immune toxicity, autoimmune disease and immunosuppression that were
 * read without it: severe irAE wordings narrower than the prior_severe_irae topic (history-irae.ts),
 * a condition caused by a named treatment (history-caused-treatment.ts), transplant recipients on
 * immunosuppression, a need for treatment "currently", the cause "immune-related" before a condition,
 * and a list member's treatment kept when the list is joined (history-conditions.ts). Verbatim
 * corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz) pin the readings, with those that must
 * stay unread.
 */
import { ANTICANCER_KINDS, leavesOf, type Condition, type LeafCondition } from '../../src/criteria/facts';
import { parseCriteria } from '../../src/criteria/parse';
import type { PatientRecord } from '../../src/patients/record';
import { attest, attestationTopics, cond, judgeRecord, readRule, therapy, unparsed } from '../support/criteria';

const severe = attest('prior_severe_irae', true);
const exclusion = (text: string) => readRule(text, 'exclusion');
/** What a criterion reads as a whole: its categories read (parseCriteria, as the coverage counts them). */
const categoriesRead = (text: string, kind: 'Inclusion' | 'Exclusion' = 'Exclusion'): string[] =>
  parseCriteria(`${kind} Criteria:\n\n* ${text}`)[0]!.categoriesRead;

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record);

describe('severe irAE wordings narrower than the topic (history-irae.ts)', () => {
  it('reads "Grade ≥3 autoimmune manifestations of previous immune checkpoint inhibitor treatments" as the topic (NCT04752826)', () => {
    expect(
      exclusion(
        'Has had Grade ≥3 autoimmune manifestations of previous immune checkpoint inhibitor treatments (eg, anti-PD-1, anti-PD-L1, or anti-CTLA-4).',
      ),
    ).toEqual({ condition: severe, unread: '' });
  });

  it('keeps a stricter grade unread beside the topic, which stays necessary (NCT05098184, NCT07310784)', () => {
    expect(exclusion('Having received immunotherapy and developed irAE level greater than Level 3;').condition).toEqual(
      {
        all: [severe, unparsed('level greater than Level 3')],
      },
    );
    expect(
      exclusion(
        'Any immune-related adverse reaction (irAE) with a severity level greater than grade 3 that has occurred during any previous immunotherapy and has been permanently discontinued;',
      ).condition,
    ).toEqual({ all: [severe, unparsed('severity level greater than grade 3 that … been permanently discontinued')] });
  });

  it('keeps an exception and the discontinuation it led to unread beside the topic (NCT05629546)', () => {
    const { condition } = exclusion(
      'Prior history of an immune-related Grade 3 or 4 AE attributed to prior cancer immunotherapy (other than endocrinopathy managed with either replacement therapy or asymptomatic elevation of serum amylase or lipase) that resulted in permanent discontinuation of the prior immunotherapeutic agent.',
    );
    expect(condition).toEqual({
      all: [
        severe,
        unparsed(
          '(other than endocrinopathy managed … either replacement … asymptomatic elevation … serum amylase … lipase) that resulted in permanent discontinuation',
        ),
      ],
    });
  });

  it('reads irAEs of some organs with the topic necessary and the organs unread, never the organs alone (NCT05155033)', () => {
    const { condition } = exclusion(
      'Grade 3 or 4 major organ irAEs following treatment with anti-PD-1/PD-L1 monotherapy, including but not limited to myocarditis, pneumonitis, colitis, and hepatotoxicity.',
    );
    expect(condition).toEqual({
      all: [severe, unparsed('major organ … but not limited … myocarditis, pneumonitis, colitis … hepatotoxicity')],
    });
    // The examples are irAEs: colitis of any cause excludes no one.
    expect(leavesOf(condition!).some((l) => l.fact === 'condition')).toBe(false);
  });

  it('ends the reading before a last alternative of its own, with the exception kept inside (NCT07280832)', () => {
    const { condition } = exclusion(
      'Has a known history of receiving immunotherapy with the occurrence of grade ≥3 immune-related adverse events (irAEs) (excluding immune-related endocrine abnormalities that have been stabilized) or grade ≥2 immune-related myocarditis.',
    );
    const any = (condition as { any: Condition[] }).any;
    expect(any[0]).toEqual({
      all: [severe, unparsed('known … (excluding … endocrine abnormalities that … been stabilized)')],
    });
    // The myocarditis alternative is an irAE too: the immunotherapy and the cause stay beside it.
    expect(any[1]).toMatchObject({
      all: expect.arrayContaining([
        cond({ names: ['myocarditis'] }),
        therapy({ kinds: ['immunotherapy'] }),
        unparsed('immune-related'),
      ]),
    });
  });

  it('reads a topic wording once, by the statement, not again here (NCT05107674)', () => {
    expect(exclusion('Patients who experienced Grade 3 or higher irAEs with prior immunotherapy.')).toEqual({
      condition: severe,
      unread: '',
    });
  });

  it('leaves alone wordings whose members would not all need the topic', () => {
    // An alternative after the irAE that the tail narrows too (NCT05170204): the topic is no part of
    // the other alternative, which stays unread beside it (history-irae-alternatives.ts).
    const tail = exclusion(
      'Any prior Grade \\>/= 3 immune-mediated adverse event or any unresolved Grade \\> 1 immune-mediated adverse event while receiving any previous immunotherapy agent other than immune checkpoint blockade agents',
    ).condition!;
    expect('any' in tail && tail.any.some((c) => !attestationTopics(c).length)).toBe(true);
    for (const text of [
      // An allergic reaction beside the irAE, and a second sentence (NCT06890598).
      'Had any immune-related side effect or allergic reaction (Grade 3 or higher) from a previous immunotherapy medicine, or any immune-related side effect greater than Grade 1 that has not resolved. This does not apply for people with hormone-related diseases who are now on stable hormone replacement therapy.',
      // Adverse events of any cause (NCT05269381).
      'CTCAE \\>= grade 3 TEAE to prior checkpoint inhibitor, TEAE requiring systemic corticosteroids (\\> 10 mg daily prednisone equivalent), or permanent treatment discontinuation due to toxicity',
    ])
      expect(attestationTopics(exclusion(text).condition)).not.toContain('prior_severe_irae=true');
    // Never in an inclusion.
    expect(
      attestationTopics(
        readRule('Having received immunotherapy and developed irAE level greater than Level 3;', 'inclusion').condition,
      ),
    ).toEqual([]);
  });

  it('never reads adverse events that are not immune-related as irAEs', () => {
    expect(
      attestationTopics(
        exclusion(
          'Grade 3 or higher non-immune-related adverse events with prior immunotherapy that led to discontinuation',
        ).condition,
      ),
    ).toEqual([]);
  });
});

describe('a condition caused by a named treatment (history-caused-treatment.ts)', () => {
  it('needs the receipt of any anticancer treatment for "caused by prior anticancer treatment" (NCT07600476)', () => {
    const text =
      'Active autoimmune disease caused by prior anticancer treatment, unless currently controlled by replacement therapy only.';
    const anticancer = therapy({ kinds: [...ANTICANCER_KINDS] });
    expect(exclusion(text)).toEqual({
      condition: {
        all: [
          cond({ names: ['autoimmune_disease'], active: true }),
          anticancer,
          unparsed('caused by prior anticancer treatment'),
        ],
      },
      // The exemption stays unread beside it (the criterion is partly read).
      unread: 'currently controlled by replacement',
    });
    expect(categoriesRead(text)).toContain('prior_therapy');
    // A patient never treated for cancer is not excluded, whatever the autoimmune disease.
    expect(judge({ treatments: [] }, anticancer)).toBe(false);
  });

  it('needs the named drug for "related to Tebentafusp" (NCT07203391)', () => {
    expect(exclusion('Prior Grade 4 cytokine release syndrome related to Tebentafusp').condition).toEqual({
      all: [
        cond({ names: ['cytokine_release_syndrome'] }),
        therapy({ drugs: ['tebentafusp'] }),
        unparsed('Grade 4'),
        unparsed('related to Tebentafusp'),
      ],
    });
  });
});

describe('a condition of an earlier treatment (history-conditions.ts)', () => {
  it('needs the treatment a condition came "from" (NCT05211895)', () => {
    expect(exclusion('Participants with ≥ grade 2 pneumonitis from prior chemoradiation therapy.')).toEqual({
      condition: {
        all: [
          cond({ names: ['pneumonitis'] }),
          // Chemoradiation is both kinds; having had either is necessary.
          therapy({ kinds: ['chemotherapy', 'radiation'] }),
          unparsed('>= grade 2'),
          unparsed('from prior chemoradiation therapy'),
        ],
      },
      unread: '',
    });
  });

  it('keeps the whole narrowing clause beside the condition, never the condition of any cause (NCT03202316, NCT05170204)', () => {
    expect(
      exclusion(
        'Grade 3 or above neuropathy induced from prior treatment, that is not resolved to grade 2 or below despite best supportive care',
      ).condition,
    ).toEqual({
      all: [
        cond({ names: ['peripheral_neuropathy'] }),
        unparsed('Grade 3 or above'),
        unparsed('induced from prior treatment, that is not resolved to grade 2 or below despite best supportive care'),
      ],
    });
    // ">/=" is a grade floor too. cCRT and sCRT are chemoradiotherapy, which the patient had.
    expect(exclusion('Grade \\>/= 2 pneumonitis from prior cCRT or sCRT').condition).toEqual({
      all: [
        cond({ names: ['pneumonitis'] }),
        therapy({ kinds: ['chemotherapy', 'radiation'] }),
        unparsed('Grade >/= 2'),
        unparsed('from prior cCRT or sCRT'),
      ],
    });
  });
});

describe('examples of adverse events of an earlier treatment (history-conditions.ts)', () => {
  it('never reads them as conditions of any cause (NCT05267626)', () => {
    const { condition } = exclusion(
      'Patients who have experienced serious adverse events during prior IL-2 therapy (including but not limited to bowel perforation, gastrointestinal bleeding, arrythmias, myocardial infarction, repetitive seizures).',
    );
    expect(leavesOf(condition!).some((l) => l.fact === 'condition')).toBe(false);
    // The IL-2 therapy they came on was had.
    expect(leavesOf(condition!)).toContainEqual(therapy({ classes: ['interleukin_2'] }));
  });
});

describe('immunosuppression and need for treatment (history-conditions.ts)', () => {
  it('reads transplant recipients "on immunosuppression" as current immunosuppressant use (NCT05770102, NCT03202316)', () => {
    const current = therapy({ classes: ['immunosuppressant'], withinDays: 1 });
    expect(exclusion('Prior allogeneic stem cell or solid organ transplantation on immunosuppression.')).toEqual({
      condition: { all: [cond({ names: ['allogeneic_stem_cell_transplant', 'organ_transplant'] }), current] },
      unread: '',
    });
    expect(exclusion('Patients with prior solid organ transplantation on anti-immunosuppressant').condition).toEqual({
      all: [cond({ names: ['organ_transplant'] }), current],
    });
    // A supportive-care query is never false: a recipient whose record lists no medicines is not cleared.
    expect(judge({ treatments: [] }, current as LeafCondition)).toBeNull();
  });

  it('keeps other subgroups of recipients unread', () => {
    expect(exclusion('Kidney transplant recipients with a functioning allograft').condition).toMatchObject({
      all: [{ fact: 'condition' }, { fact: 'unparsed' }],
    });
  });

  it('reads "currently requiring systemic treatment with …" as the active disease, the kind of treatment unread (NCT06961357)', () => {
    const text =
      'Participants with active autoimmune diseases currently requiring systemic treatment with immunosuppressive doses of corticosteroids (\\>10 mg of prednisone-equivalent daily dosing), immunosuppressive biologic agents, or disease modifying antirheumatic drug agents (DMARDs).';
    expect(exclusion(text).condition).toEqual({
      all: [
        cond({ names: ['autoimmune_disease'], active: true }),
        unparsed(
          'with immunosuppressive doses of corticosteroids (>10 mg of prednisone-equivalent daily dosing), immunosuppressive biologic agents, or disease modifying antirheumatic drug agents (DMARDs)',
        ),
      ],
    });
    expect(categoriesRead(text)).toContain('prior_therapy');
  });

  it('reads a need "currently" as now, not as a past episode (NCT06627244)', () => {
    expect(exclusion('History of ventricular arrhythmia currently requiring medical treatment.')).toEqual({
      condition: cond({ names: ['ventricular_arrhythmia'], active: true }),
      unread: '',
    });
  });

  it('keeps "immune related" before a condition as its cause, never the condition of any cause (NCT06121180)', () => {
    expect(exclusion('History of immune related pneumonitis within the last 5 years.').condition).toEqual({
      all: [cond({ names: ['pneumonitis'], withinYears: 5 }), unparsed('immune related')],
    });
  });

  it('needs the treatment named before a condition as its cause, the cause unread (NCT04370587)', () => {
    const text =
      'Prior intolerance to anti-PD-(L)1 monoclonal antibody or history of immunotherapy related non-infectious pneumonitis/interstitial lung disease.';
    expect(exclusion(text)).toEqual({
      condition: {
        all: [
          cond({ names: ['pneumonitis', 'interstitial_lung_disease'] }),
          therapy({ kinds: ['immunotherapy'] }),
          unparsed('immunotherapy related'),
        ],
      },
      // The intolerance is an alternative of its own, left to the assembler.
      unread: 'intolerance to anti-PD-(L)1 monoclonal antibody',
    });
    expect(categoriesRead(text)).toContain('prior_therapy');
  });

  it('keeps the treatment a list member needed when the list is joined (NCT06910657, NCT05859074)', () => {
    const text = 'Interstitial lung disease or prior pneumonitis requiring steroids.';
    expect(exclusion(text).condition).toEqual({
      any: [
        cond({ names: ['interstitial_lung_disease'] }),
        {
          all: [
            cond({ names: ['pneumonitis'] }),
            therapy({ classes: ['corticosteroid'] }),
            unparsed('requiring steroids'),
          ],
        },
      ],
    });
    expect(categoriesRead(text)).toContain('prior_therapy');
    expect(
      categoriesRead(
        'History of idiopathic pulmonary fibrosis, pneumonitis (including drug induced), organizing pneumonia, active interstitial lung disease (ILD) requiring treatment with systemic steroids',
      ),
    ).toContain('prior_therapy');
  });
});
