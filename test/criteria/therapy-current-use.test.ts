/**
 * Current use, inability to stop, targets named after a cue, and windows counted back from an
 * anchor. Every line is verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { ANTICANCER_KINDS } from '../../src/criteria/facts';
import { readRule, therapy, therapyLeaves, unparsed as unread } from '../support/criteria';


describe('"patients on X" and "X use" are current use', () => {
  it('reads a subject on a treatment as receiving it now', () => {
    expect(readRule('Patient on immunotherapy.', 'exclusion')).toEqual({
      condition: therapy({ kinds: ['immunotherapy'], withinDays: 1 }),
      unread: '',
    });
  });

  it('reads a subject on a dose of a steroid as taking it now', () => {
    expect(readRule('Participants on > 10mg of oral prednisone or its equivalent', 'exclusion').condition).toEqual({
      all: [therapy({ classes: ['corticosteroid'], withinDays: 1 }), unread('10mg of oral prednisone or its equivalent')],
    });
  });

  it('does not read "inclusion of patients on X" as an exclusion of X', () => {
    const text =
      'Patients that cannot be taken off medications that are potent inhibitors of cytochrome (CYP) 3a4/A5 (CYP3a4/A5) and CYP2C9. Inclusion of these patients and of patients on warfarin will require discussion and approval by the Sponsor-Investigator prior to enrollment.';
    expect(therapyLeaves(readRule(text, 'exclusion').condition)).toEqual([]);
  });

  it('keeps a dose threshold beside the steroid it is a dose of', () => {
    expect(readRule('Participants with systemic prednisone use > 10mg per day or equivalent dose.', 'exclusion')).toEqual({
      condition: {
        all: [therapy({ classes: ['corticosteroid'], withinDays: 1 }), unread('systemic prednisone use > 10mg per day or equivalent dose')],
      },
      unread: '',
    });
  });

  it('reads a stable dose in an exclusion as a cue of the treatment, with its duration unread', () => {
    // "have been on" may reach into the past, so receipt, not current use, is what is implied.
    const text = 'Have been on a stable dose of anticoagulation for < 1 month (except for acute line insertion induced thrombosis).';
    expect(readRule(text, 'exclusion').condition).toEqual({
      all: [therapy({ classes: ['anticoagulant'] }), unread('stable dose of anticoagulation for < 1 month (except for acute line insertion induced thrombosis')],
    });
  });

  it('reads no use from a stable dose in an inclusion: it binds only those who take the treatment', () => {
    // The dose is asked as a question of those who take steroids (steroid_dose_stable), never as use.
    expect(therapyLeaves(readRule('Stable dose of corticosteroids for at least 7 days.', 'inclusion').condition)).toEqual([]);
  });

  it('does not read "use of" after a past cue as current', () => {
    const r = readRule('Prior use of systemic corticosteroids', 'exclusion');
    expect(therapyLeaves(r.condition)).toEqual([therapy({ classes: ['corticosteroid'] })]);
  });
});

describe('a treatment that cannot be stopped', () => {
  it('reads "that cannot be interrupted" as current use joined with the inability', () => {
    const text = 'Anticoagulant or anti-platelet medication that cannot be interrupted prior to biopsy';
    expect(readRule(text, 'exclusion')).toEqual({
      condition: { all: [therapy({ classes: ['anticoagulant', 'antiplatelet'], withinDays: 1 }), unread(text)] },
      unread: '',
    });
  });

  it('reads "is unable to interrupt X" with the inability, not as its negation', () => {
    const text = 'Is unable to interrupt aspirin or other nonsteroidal anti-inflammatory drugs (NSAIDs)';
    expect(readRule(text, 'exclusion')).toEqual({
      condition: {
        all: [
          { any: [therapy({ drugs: ['aspirin'], withinDays: 1 }), therapy({ classes: ['nsaid'], withinDays: 1 })] },
          unread(text),
        ],
      },
      unread: '',
    });
  });

  it('drops the washout the patient cannot meet: the treatment is current', () => {
    const text =
      'Patients receiving treatment with strong inducers of CYP3A that cannot be discontinued at least 1 week prior to the start of treatment with capmatinib and for the duration of the study';
    const r = readRule(text, 'exclusion');
    expect(therapyLeaves(r.condition)).toEqual([therapy({ classes: ['strong_cyp3a_inducer'], withinDays: 1 })]);
    expect(r.condition).toEqual({ all: [therapy({ classes: ['strong_cyp3a_inducer'], withinDays: 1 }), unread(text)] });
  });

  it('is not read in an inclusion', () => {
    expect(therapyLeaves(readRule('Patients unable to discontinue anticoagulants before biopsy', 'inclusion').condition)).toEqual([]);
  });

  it('keeps a relative clause after the list as a qualifier, never drops it', () => {
    // The assembler joins the words left unread as an alternative: any(all(warfarin now, unread), unread).
    const r = readRule('Patients on warfarin who cannot be safely transitioned to an alternative systemic anticoagulant', 'exclusion');
    expect(r.condition).toEqual({ all: [therapy({ drugs: ['warfarin'], withinDays: 1 }), unread('safely transitioned to an alternative')] });
    expect(r.unread).toBe('systemic anticoagulant');
  });
});

describe('targets named after a cue', () => {
  it('reads "therapy targeting A and/or B" as the classes of inhibitors of A and B', () => {
    expect(readRule('Prior therapy targeting BRAF and/or MEK', 'exclusion')).toEqual({
      condition: therapy({ classes: ['braf_inhibitor', 'mek_inhibitor'] }),
      unread: '',
    });
  });

  it('reads an adverb before the cue and a comma-or list', () => {
    expect(readRule('Prior therapy directly targeting ALK, MET, or ROS1', 'exclusion').condition).toEqual(
      therapy({ classes: ['alk_inhibitor', 'met_inhibitor', 'ros1_inhibitor'] }),
    );
  });

  it('reads "A or B blocking agent" and keeps a trailing cohort label as a qualifier', () => {
    expect(readRule('Prior treatment with PD-1 or PD-L1 blocking agent (Cohort 2)', 'exclusion').condition).toEqual({
      all: [therapy({ classes: ['anti_pd1', 'anti_pd_l1'] }), unread('Cohort 2')],
    });
  });

  it('reads "involving" as a cue of the treatment', () => {
    expect(readRule('Received treatment involving PD-1, PD-L1, or CTLA-4 antibody regimen within the past 6 months;', 'exclusion')).toEqual({
      condition: therapy({ classes: ['anti_pd1_pdl1', 'anti_ctla4'], withinDays: 180 }),
      unread: '',
    });
  });

  it('reads a target the lexicon names, and leaves an unknown target unread instead of reading a narrower list', () => {
    expect(readRule('Has received prior therapy targeting LILRB', 'exclusion').condition).toEqual(therapy({ classes: ['anti_lilrb'] }));
    expect(readRule('Has received prior therapy targeting GPRC5D', 'exclusion').condition).toBeNull();
    expect(readRule('Has received prior therapy targeting BRAF and MAPK pathway', 'exclusion').condition).toBeNull();
  });

  it('reads a target with its alteration as the narrower class, never as the gene\'s broad class', () => {
    const r = readRule('Prior therapy with an agent that targets KRAS G12C', 'exclusion');
    expect(therapyLeaves(r.condition)).toEqual([therapy({ classes: ['kras_g12c_inhibitor'] })]);
    expect(readRule('Treatment targeting KRAS G12C mutation (eg, sotorasib, adagrasib) in any setting.', 'exclusion').condition).toEqual({
      all: [{ any: [therapy({ drugs: ['sotorasib', 'adagrasib'] }), therapy({ classes: ['kras_g12c_inhibitor'] })] }, unread('setting')],
    });
  });

  it('leaves a target whose alteration names no class unread', () => {
    expect(readRule('Prior therapy targeting BRAF V600E', 'exclusion').condition).toBeNull();
  });
});

describe('windows and outcomes', () => {
  it('reads "≤ 28 days from Cycle 1 Day 1" as a window', () => {
    const r = readRule('Major surgery ≤ 28 days from Cycle 1 Day 1 (major surgery is defined as a procedure requiring general anesthesia)', 'exclusion');
    expect(therapyLeaves(r.condition)).toEqual([therapy({ kinds: ['surgery'], withinDays: 28 })]);
    const spelt = readRule('Major surgery less than or equal to 28 days from Cycle 1 Day 1 (Major surgery is defined as a procedure requiring general anaesthesia).', 'exclusion');
    expect(therapyLeaves(spelt.condition)).toEqual([therapy({ kinds: ['surgery'], withinDays: 28 })]);
  });

  it('does not read an upper bound counted from a surgery as a window from today', () => {
    const text = 'Negative (serum or urine) pregnancy test ≤ 30 days of surgery in pre-menopausal women and women < 2 years after the onset of menopause.';
    expect(therapyLeaves(readRule(text, 'inclusion').condition)).toEqual([]);
  });

  it('reads "X ongoing" and "has initiated X" as cues of the treatment', () => {
    expect(therapyLeaves(readRule('Systemic anti-cancer therapy ongoing at the start of study treatment.', 'exclusion').condition)).toEqual([
      therapy({ kinds: ['systemic'], withinDays: 1 }),
    ]);
    expect(readRule('Has initiated postoperative systemic treatment.', 'exclusion').condition).toEqual({
      all: [therapy({ kinds: ['systemic'] }), unread('initiated postoperative')],
    });
  });

  it('reads a steroid dose "or equivalent" as the class, past the dose words', () => {
    expect(readRule('Prednisone use greater than or equal to 10 mg/d or equivalent', 'exclusion').condition).toEqual({
      all: [therapy({ classes: ['corticosteroid'], withinDays: 1 }), unread('greater than or equal to 10 mg/d or equivalent')],
    });
  });

  it('reads unread union members before a shared window without parting the list from it', () => {
    const r = readRule('Major surgical procedure, open biopsy or significant traumatic injury within 4 weeks of Day 1 of study therapy.', 'exclusion');
    expect(r).toEqual({ condition: therapy({ kinds: ['surgery'], withinDays: 28 }), unread: 'open … traumatic injury' });
  });

  it('reads a window between a generic head and its treatment', () => {
    expect(readRule('Prior treatment within 28 days with corticosteroids', 'exclusion').condition).toEqual(
      therapy({ classes: ['corticosteroid'], withinDays: 28 }),
    );
  });

  it('reads "resisted" as an outcome, and "therapy(ies)" as the plural', () => {
    expect(readRule('Patients who have failed or resisted to PD-1 antibodies；', 'inclusion').condition).toEqual(
      therapy({ classes: ['anti_pd1'], outcome: 'progression' }),
    );
    // The standard-therapy routes (history-judgement.ts) read the same words as their own questions;
    // the outcome is on any anticancer kind, which standard therapy may be (therapy-standard.ts).
    expect(therapyLeaves(readRule('Refractory or intolerant to standard therapy(ies)', 'inclusion').condition)).toEqual([
      therapy({ kinds: [...ANTICANCER_KINDS], outcome: 'progression' }),
      therapy({ kinds: [...ANTICANCER_KINDS], outcome: 'intolerance' }),
    ]);
  });

  it('does not negate an outcome that holds its own "not"', () => {
    expect(readRule('Patients who did not tolerate sorafenib', 'inclusion').condition).toEqual(
      therapy({ drugs: ['sorafenib'], outcome: 'intolerance' }),
    );
  });
});

describe('treatment completed', () => {
  it('reads "must have completed any prior systemic therapy at the time of enrollment" as none ongoing', () => {
    expect(readRule('Patients must have completed any prior systemic therapy at the time of enrollment.', 'inclusion')).toEqual({
      condition: therapy({ kinds: ['systemic'], withinDays: 1 }, false),
      unread: '',
    });
    expect(readRule('Has completed all prior therapy.', 'inclusion').condition).toEqual(therapy({ kinds: ['systemic'], withinDays: 1 }, false));
  });

  it('does not read "completed" followed by a window as none ongoing', () => {
    const text =
      'Any systemic therapy, including anti-cancer monoclonal antibodies, must have been completed at least 4 weeks from the start of lymphodepleting therapy, and any prior therapy-related AEs must have resolved to Grade ≤ 1 except for alopecia and vitiligo.';
    const windows = therapyLeaves(readRule(text, 'inclusion').condition).map((l) => (l as { params?: { withinDays?: number } }).params?.withinDays);
    expect(windows).not.toContain(1);
  });

  it('reads current systemic therapy said in words as required in an inclusion', () => {
    expect(readRule('Receiving systemic therapy for neoplasm', 'inclusion')).toEqual({
      condition: therapy({ kinds: ['systemic'], withinDays: 1 }),
      unread: 'neoplasm',
    });
  });
});
