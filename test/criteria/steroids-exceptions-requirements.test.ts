/**
 * Steroids and immunosuppressants in exclusions whose exceptions or alternatives the readers used to
 * miss: "… or any other condition that required immunosuppressive treatments" (a requirement of its
 * own alternative, not dated or made current by the words of the condition before its "or"), "…
 * except in cases outlined below: Topical applications … are allowed" (the cases let in stay an
 * unread leaf beside the receipt, never read as a permission of the receipt itself) and "… may be
 * included if their disease is well controlled without the use of immunosuppressive agents" (the
 * exemption spares only patients off that care); an exclusion sentence binding only those who had the
 * care ("Patients treated with corticosteroids for immune-related adverse events must …"), read as
 * all(care, unread) beside the criterion's other alternatives; steroids a TEAE required after an unread
 * alternative; non-infectious pneumonia as pneumonitis. Lines are verbatim from the oncology corpus
 * (NCT ids beside them), with a few minimal variants that guard the limits of a rule.
 */
import type { Condition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { attest, cond, judgeRecord, readRule, therapy, unparsed } from '../support/criteria';

const therapyLeaves = (c: Condition | null): Condition[] => (c ? leavesOf(c).filter((l) => l.fact === 'priorTherapy') : []);

describe('a condition that required immunosuppressive treatment, after "or any other"', () => {
  // NCT06413680 e8
  const line =
    'Has ongoing or recent (within 5 years) evidence of significant autoimmune disease or any other condition that required treatment with systemic immunosuppressive treatments';

  it('reads the treatment as received in its own alternative, beside the autoimmune disease', () => {
    const c = readRule(line, 'exclusion').condition;
    expect(c && 'any' in c).toBe(true);
    const alts = (c as { any: Condition[] }).any;
    expect(alts).toHaveLength(2);
    expect(alts[0]).toEqual({ all: [cond({ names: ['autoimmune_disease'], active: true }), unparsed('that required treatment with systemic immunosuppressive treatments')] });
    expect(alts[1]).toEqual({
      all: [
        therapy({ classes: ['immunosuppressant'] }),
        unparsed('ongoing or recent (within 5 years) evidence of significant autoimmune disease or any other condition that required treatment with systemic'),
      ],
    });
  });

  it('takes neither the window nor "ongoing" of the condition before the "or" as the treatment\'s', () => {
    for (const t of therapyLeaves(readRule(line, 'exclusion').condition)) expect((t as { params: Record<string, unknown> }).params.withinDays).toBeUndefined();
  });
});

describe('an exclusion of current steroids with the cases it lets in "outlined below"', () => {
  // NCT05631795 e7
  const line =
    'Participants receiving concomitant immunosuppressive agents or chronic corticosteroids use at the time of study entry except in cases outlined below: Topical applications, inhaled sprays, eye drops or local injections are allowed. Participants on stable low dose of corticosteroids for at least two weeks prior to enrollment are allowed';

  it('reads the current use, each alternative necessary only', () => {
    const r = readRule(line, 'exclusion');
    expect(r.condition).toEqual({
      any: [
        { all: [therapy({ classes: ['immunosuppressant'], withinDays: 1 }), unparsed('concomitant')] },
        {
          all: [
            therapy({ classes: ['corticosteroid'], withinDays: 1 }),
            unparsed('chronic corticosteroids use at the time of study entry except in cases outlined below: Topical applications, inhaled sprays, eye drops or local injections are allowed'),
          ],
        },
      ],
    });
    // The second case let in (a stable low dose) stays unread (parseCriteria joins it beside the
    // rule): it spares patients, never excludes.
    expect(r.unread).toContain('stable low dose of corticosteroids');
  });

  it('never reads a low dose of corticosteroids as excluding on its own', () => {
    const c = readRule(line, 'exclusion').condition!;
    expect(c).not.toEqual(therapy({ classes: ['corticosteroid'], withinDays: 14 }));
    expect(JSON.stringify(c)).not.toContain('"withinDays":14');
  });
});

describe('an exemption for patients controlled without immunosuppressive agents', () => {
  // NCT03686124 e3, NCT06743126 e3
  const line =
    'Serious autoimmune disease Note: At the discretion of the investigator, these patients may be included if their disease is well controlled without the use of immunosuppressive agents.';

  it('excludes the disease with immunosuppressive agents taken now, the rest of the note unread', () => {
    expect(readRule(line, 'exclusion').condition).toEqual({
      all: [
        cond({ names: ['autoimmune_disease'], active: true }),
        {
          any: [
            therapy({ classes: ['immunosuppressant'], withinDays: 1 }),
            unparsed('At the discretion of the investigator, these patients may be included if their disease is well controlled without the use of immunosuppressive agents'),
          ],
        },
      ],
    });
  });

  it('excludes a patient with the disease on an immunosuppressant now, and leaves the others to the investigator', () => {
    const c = readRule(line, 'exclusion').condition!;
    const ra = (treatments?: PatientRecord['treatments']): PatientRecord => ({
      cancers: [{ type: 'melanoma' }],
      conditions: [{ name: 'rheumatoid arthritis', status: 'active' }],
      ...(treatments ? { treatments } : {}),
    });
    expect(judgeRecord(c, ra([{ name: 'azathioprine', outcome: 'ongoing' }]))).toBe(true);
    expect(judgeRecord(c, ra([]))).toBeNull();
    expect(judgeRecord(c, ra())).toBeNull();
    expect(judgeRecord(c, { cancers: [{ type: 'melanoma' }], conditions: [{ name: 'hypertension', status: 'controlled' }] })).toBe(false);
  });

  it('reads no care that the words narrow further ("… agents for brain tumours")', () => {
    const c = readRule(
      'Serious autoimmune disease Note: these patients may be included if their disease is well controlled without the use of immunosuppressive agents for brain tumours.',
      'exclusion',
    ).condition;
    expect(therapyLeaves(c)).toEqual([]);
  });
});

describe('a sentence of an exclusion that binds only those who had the care', () => {
  it('reads "Patients treated with corticosteroids for irAEs must …" as steroids had and the rest unread (NCT05098210 e4)', () => {
    const c = readRule(
      'Immune-related adverse events related to prior CIT (other than endocrinopathy managed with replacement therapy or stable vitiligo) that have not resolved to baseline. Patients treated with corticosteroids for immune-related adverse events must demonstrate absence of related symptoms or signs for \\>= 4 weeks following discontinuation of corticosteroids',
      'exclusion',
    ).condition;
    // The first sentence is unrecovered toxicity of one kind, all(not recovered, unread kind); the second
    // binds only those who had steroids, beside it as another way to be excluded.
    expect(c).toEqual({
      any: [
        { all: [attest('toxicity_recovered', false), unparsed('Immune-related adverse events')] },
        {
          all: [
            therapy({ classes: ['corticosteroid'] }),
            unparsed('Patients treated with corticosteroids for immune-related adverse events must demonstrate absence of related symptoms or signs for >= 4 weeks following discontinuation of corticosteroids'),
          ],
        },
      ],
    });
  });

  it('keeps it an alternative beside the sentence before, never a requirement joined to it', () => {
    // NCT04562129 e7 (its second sentence), after an exact reading of another sentence.
    const c = readRule('Prior chemotherapy within 4 weeks. If a patient had been taking steroids, at least 2 weeks must have passed since the last dose.', 'exclusion').condition;
    expect(c).toEqual({
      any: [
        therapy({ kinds: ['chemotherapy'], withinDays: 28 }),
        { all: [therapy({ classes: ['corticosteroid'] }), unparsed('If a patient had been taking steroids, at least 2 weeks must have passed since the last dose')] },
      ],
    });
  });

  it('reads nothing where the clause names no care had ("eligible for")', () => {
    expect(therapyLeaves(readRule('Patients who are eligible for anti-PD-1 therapy must have received it.', 'exclusion').condition)).toEqual([]);
  });
});

describe('steroids an adverse event required, after an unread alternative', () => {
  // NCT05269381 e47
  it('reads the steroids in their own alternative; the event of the first stays unread', () => {
    const r = readRule(
      'CTCAE \\>= grade 3 TEAE to prior checkpoint inhibitor, TEAE requiring systemic corticosteroids (\\> 10 mg daily prednisone equivalent), or permanent treatment discontinuation due to toxicity',
      'exclusion',
    );
    expect(r.condition).toEqual({
      all: [
        therapy({ classes: ['corticosteroid'] }),
        unparsed('TEAE requiring systemic corticosteroids (> 10 mg daily prednisone equivalent), or permanent treatment discontinuation due to toxicity'),
      ],
    });
    expect(r.unread).toContain('grade 3 TEAE to prior checkpoint inhibitor');
  });
});

describe('non-infectious pneumonia is pneumonitis', () => {
  // NCT06839105 e7
  it('reads the pneumonitis treated with corticosteroids as an alternative of its own', () => {
    const c = readRule(
      'There is a history of interstitial lung disease or a history of non-infectious pneumonia treated with corticosteroids, or imaging evidence of active pneumonia during the screening period;',
      'exclusion',
    ).condition;
    expect(c).toEqual({
      any: [
        cond({ names: ['interstitial_lung_disease'] }),
        { all: [cond({ names: ['pneumonitis'] }), therapy({ classes: ['corticosteroid'] }), unparsed('treated with corticosteroids')] },
        cond({ names: ['pneumonia'], active: true }),
      ],
    });
  });
});
