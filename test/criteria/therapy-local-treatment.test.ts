/**
 * Surgery, radiotherapy and other local treatments in prior-therapy criteria: the technique, site,
 * purpose or subgroup words the facts cannot say stay an unread qualifier of the finding (exact in
 * three-valued logic), never dropped and never a reason to leave the treatment and its window unread.
 * Verbatim corpus lines unless marked as a variant.
 */
import { readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

describe('two technique or site words joined by "or" before one radiotherapy or operation', () => {
  it('reads the radiotherapy and its window, keeping the technique and site unread (NCT06047379)', () => {
    const { condition } = readRule(
      'Patient has received stereotactic or highly conformal radiotherapy to CNS lesions within 2 weeks before receipt of NEO212.',
      'exclusion',
    );
    expect(condition).toEqual({
      all: [
        therapy({ kinds: ['radiation'], withinDays: 14 }),
        unparsed('stereotactic or highly conformal radiotherapy to CNS lesions within 2 weeks before receipt of NEO212'),
      ],
    });
  });

  it('keeps "stereotactic or highly conformal" as the qualifier of a week-long window (NCT05704647)', () => {
    const { condition } = readRule('Previous stereotactic or highly conformal radiotherapy within 1 weeks before the start of dosing for this study.', 'exclusion');
    expect(condition).toEqual({ all: [therapy({ kinds: ['radiation'], withinDays: 7 }), unparsed('stereotactic or highly conformal')] });
  });

  it('reads "thoracic or abdominal surgery" as surgery in the window, the sites unread (variant)', () => {
    const { condition } = readRule('Prior thoracic or abdominal surgery within 4 weeks', 'exclusion');
    expect(condition).toEqual({ all: [therapy({ kinds: ['surgery'], withinDays: 28 }), unparsed('thoracic or abdominal')] });
  });

  it('still reads "systemic or radiation therapy" as two treatments, not one narrowed (variant)', () => {
    const { condition } = readRule('Prior systemic or radiation therapy within 4 weeks', 'exclusion');
    expect(condition).toEqual(therapy({ kinds: ['systemic', 'radiation'], withinDays: 28 }));
  });
});

describe('a radiation phrase that names one form of it', () => {
  it('does not exclude every patient on radiotherapy for "palliative radiotherapy" (NCT05653063)', () => {
    const { condition } = readRule('Patients receiving palliative radiotherapy', 'exclusion');
    // Before, any current radiotherapy excluded: curative radiotherapy too.
    expect(condition).toEqual({ all: [therapy({ kinds: ['radiation'], withinDays: 1 }), unparsed('Patients receiving palliative radiotherapy')] });
  });

  it('keeps "palliative" in a washout requirement, which then never fails a patient off all radiotherapy (NCT06880198)', () => {
    const { condition } = readRule('Prior palliative radiotherapy must have been completed at least 2 weeks prior to study drug administration;', 'inclusion');
    expect(condition).toEqual({
      any: [
        therapy({ kinds: ['radiation'], withinDays: 14 }, false),
        unparsed('Prior palliative radiotherapy must have been completed at least 2 weeks prior to study drug administration', false),
      ],
    });
  });

  it('reads "radiotherapy, radiosurgery or …" as any radiation: the bare kind covers the form beside it (NCT04282044)', () => {
    const { condition } = readRule(
      'Subjects who received any chemotherapy or immunotherapies (non-cell-based therapies) or oncolytic virus therapy, radiotherapy, radiosurgery or investigational agents within three weeks of enrollment.',
      'exclusion',
    );
    expect(therapyLeaves(condition)).toContainEqual(therapy({ kinds: ['radiation', 'investigational'], withinDays: 21 }));
    expect(JSON.stringify(condition)).not.toContain('radiosurgery or investigational agents within');
  });

  it('leaves chemoradiation with its drug class to its own reading (NCT05170204)', () => {
    const { condition } = readRule('No disease progression during or following platinum-based cCRT or sCRT', 'inclusion');
    // sCRT (sequential chemoradiotherapy) is a member the lexicon knows: the union of the two is read.
    expect(therapyLeaves(condition)).toEqual([
      therapy({ kinds: ['chemotherapy', 'radiation'], outcome: 'progression' }, false),
      therapy({ classes: ['platinum'], kinds: ['radiation'], outcome: 'progression' }, false),
    ]);
  });
});

describe('a subgroup label and "recent" before a local treatment', () => {
  it('reads the window of a line that binds one subgroup, the label kept unread (NCT07027488)', () => {
    const { condition } = readRule(
      'Participant with NSCLC only: Has received radiation therapy to the lung that is \\>30 Gy within six months of the first dose of study treatment.',
      'exclusion',
    );
    expect(condition).toEqual({
      all: [therapy({ kinds: ['radiation'], withinDays: 180 }), unparsed('NSCLC only: Has received radiation therapy to the lung that is >30 Gy')],
    });
  });

  it('reads "Recent surgery or radiotherapy" as receipt of either, "recent" unread (NCT03947385)', () => {
    const { condition } = readRule('Recent surgery or radiotherapy', 'exclusion');
    expect(condition).toEqual({ all: [therapy({ kinds: ['surgery', 'radiation'] }), unparsed('Recent')] });
  });

  it('does not read surgery from a cancer "recently diagnosed" and treated (variant)', () => {
    expect(therapyLeaves(readRule('Recently diagnosed cancer treated with surgery', 'exclusion').condition)).toEqual([]);
  });
});

describe('a purpose carved out of an operation', () => {
  it('reads the window after "other than for diagnosis", the purpose unread (variant of NCT06078384)', () => {
    const { condition } = readRule(
      'Major surgical procedure other than for diagnosis within 4 weeks prior to initiation of study treatment or anticipation of need for a major surgical procedure during study treatment,',
      'exclusion',
    );
    expect(therapyLeaves(condition)).toEqual([therapy({ kinds: ['surgery'], withinDays: 28 })]);
    expect(JSON.stringify(condition)).toContain('"text":"diagnosis"');
  });

  it('still reads a window after a diagnosis as the time of the diagnosis (variant)', () => {
    const { condition } = readRule('Prior radiotherapy for a cancer diagnosis within 5 years', 'exclusion');
    expect(JSON.stringify(therapyLeaves(condition))).not.toContain('withinDays');
  });
});

describe('the extent of a radiotherapy received', () => {
  it('reads "treated with extensive field radiotherapy … within 2 weeks", the extent unread (NCT07224425)', () => {
    const { condition } = readRule(
      'Participants who have been treated with extensive field radiotherapy including whole brain irradiation, within 2 weeks prior to first administration of BI 3810944',
      'exclusion',
    );
    expect(therapyLeaves(condition)).toEqual([therapy({ kinds: ['radiation'], withinDays: 14 })]);
    expect(JSON.stringify(condition)).toContain('extensive field radiotherapy including whole brain irradiation');
  });

  it('leaves a permitted "limited field palliative radiation" to the permission it names (NCT05605119)', () => {
    const { condition } = readRule(
      'Definitive Radiotherapy within the last 21 days of Cycle 1 Day 1 (limited field palliative radiation is allowed and no restrictions during the screening period or during the trial)',
      'exclusion',
    );
    expect(condition).toEqual({
      all: [
        therapy({ kinds: ['radiation'], withinDays: 21, setting: 'curative' }),
        unparsed('limited field palliative radiation is allowed and no restrictions during the screening period or during the trial'),
      ],
    });
  });

  it('still leaves lesions in a previously irradiated field unread: the field is where, not how much (variant)', () => {
    expect(therapyLeaves(readRule('Lesions in a field previously treated with radiotherapy', 'exclusion').condition)).toEqual([]);
  });
});
