/**
 * Unions of received treatments split into several lists by words the lexicon does not read: a
 * "non-" aside, the extent noun of one member ("large area radiotherapy"), an "or any other form of"
 * lead-in. Each list is read on its own, its unread words kept as unparsed leaves; an alternative
 * another reader takes ("live vaccines") stays out of the union. Every line is verbatim from the
 * oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { readCriterion } from '../../src/criteria/parse';
import { normalise } from '../../src/criteria/text';
import { attest, readCondition, therapy, therapyLeaves, unparsed as unread } from '../support/criteria';

const read = (text: string, kind: 'inclusion' | 'exclusion' = 'exclusion', context: string[] = []) => readCondition(text, kind, context);

describe('members after a "non-" aside are a list of their own', () => {
  it('reads the members after the aside, and keeps the aside as a qualifier of the list it follows', () => {
    expect(
      read(
        'Subjects who received any chemotherapy or immunotherapies (non-cell-based therapies) or oncolytic virus therapy, radiotherapy, radiosurgery or investigational agents within three weeks of enrollment.',
      ),
    ).toEqual({
      any: [
        { all: [therapy({ kinds: ['chemotherapy', 'immunotherapy'], withinDays: 21 }), unread('non-cell-based')] },
        therapy({ classes: ['oncolytic_virus'], withinDays: 21 }),
        therapy({ kinds: ['radiation', 'investigational'], withinDays: 21 }),
      ],
    });
  });
});

describe('the extent noun of a union member narrows that member only', () => {
  it('reads "large area radiotherapy" as radiotherapy qualified by the unread extent', () => {
    expect(
      read('Patients who received major surgery, conventional chemotherapy, large area radiotherapy, immunotherapy or biological therapy within 4 weeks before entering the trial;'),
    ).toEqual({
      any: [
        therapy({ kinds: ['surgery', 'chemotherapy'], withinDays: 28 }),
        { all: [{ any: [therapy({ classes: ['biologic'], withinDays: 28 }), therapy({ kinds: ['radiation', 'immunotherapy'], withinDays: 28 })] }, unread('large area')] },
      ],
    });
  });

  it('keeps an exception of "limited field palliative radiotherapy" as the qualifier it was', () => {
    expect(read('Radiotherapy within the last 2 weeks before start of study treatment administration, with exception of limited field palliative radiotherapy.')).toEqual({
      all: [therapy({ kinds: ['radiation'], withinDays: 14 }), unread('limited field palliative radiotherapy')],
    });
  });

  it('does not read a "local site" washout label as radiotherapy required', () => {
    const c = read('Radiotherapy - At least 14 days from local site radiation therapy', 'inclusion', [
      'Part B (Dose Expansion)',
      'Time between prior anticancer therapy including investigational agents and first dose of NN3201 as below:',
    ]);
    expect(therapyLeaves(c).filter((l) => 'value' in l && l.value === true)).toEqual([]);
  });
});

describe('an alternative read after the next list does not block the list before it', () => {
  it('reads "or any other form of immunosuppressive therapy" with the window it shares', () => {
    expect(
      read(
        'Is receiving chronic systemic steroid therapy (in dosing exceeding 10 mg daily of prednisone equivalent) or any other form of immunosuppressive therapy within seven days prior the first dose of study treatment.',
      ),
    ).toEqual({
      any: [
        {
          all: [
            therapy({ classes: ['corticosteroid'], withinDays: 7 }),
            unread('chronic systemic steroid therapy (in dosing exceeding 10 mg daily of prednisone equivalent'),
          ],
        },
        therapy({ classes: ['immunosuppressant'], withinDays: 7 }),
      ],
    });
  });

  it('does not take an alternative after an aside in parentheses for a sibling list', () => {
    expect(
      read(
        'Participation in a therapeutic clinical study within 3 wk before enrolment (for small-molecule targeted agents, this non-participation period is 2 wk or 5 half-lives, whichever is longer), or current participation in other investigational procedures.',
      ),
    ).toEqual({ fact: 'attestation', operator: 'equal', value: true, params: { topic: 'other_trial' } });
  });
});

describe('an alternative another reader takes stays out of the union', () => {
  it('joins "live vaccines" with "or", not as an unread member of the immunosuppressants', () => {
    expect(read('Use of systemic corticosteroids (\\>10 mg/day prednisone equivalent), immunosuppressants, or live vaccines within 28 days.')).toEqual({
      any: [
        { all: [therapy({ classes: ['corticosteroid'], withinDays: 28 }), unread('Use of systemic corticosteroids (>10 mg/day prednisone equivalent')] },
        therapy({ classes: ['immunosuppressant'], withinDays: 28 }),
        { fact: 'attestation', operator: 'equal', value: true, params: { topic: 'live_vaccine' } },
      ],
    });
  });
});

describe('a later member of a union takes the cue at its head', () => {
  it('reads "or radical surgery" as received, with the clause after it as its qualifier', () => {
    expect(read('Has received prior radiation therapy, systemic therapy, targeted therapy, or radical surgery for management of head and neck cancer not considered part of CRT.')).toEqual({
      any: [
        {
          all: [
            therapy({ kinds: ['radiation', 'systemic', 'targeted'] }),
            unread('Has received prior radiation therapy, systemic therapy, targeted therapy, or radical surgery for management of head and neck cancer not considered part of CRT'),
          ],
        },
        { all: [therapy({ kinds: ['surgery'] }), unread('radical surgery for management of head and neck cancer not considered part of CRT')] },
      ],
    });
  });

  it('does not make the examples of a required treatment each required', () => {
    const c = read(
      'Patients must have cancer that is planned for or has undergone curative intent treatment (e.g. surgery, definitive radiation, definitive chemoradiation, adjuvant radiation, adjuvant chemotherapy, adjuvant chemoradiation, etc). Curative intent treatment must be completed within 12 months of study entry.',
      'inclusion',
    );
    expect(therapyLeaves(c).filter((l) => 'value' in l && l.value === true)).toEqual([]);
  });

  it('does not lend the cue to a target phrase after "or antibody drug"', () => {
    expect(read('Prior receipt of an ADC or antibody drug targeting EGFR and/or HER3;')).toEqual(therapy({ classes: ['adc'] }));
  });
});

describe('a planned or anticipated treatment after "or" is an alternative of its own', () => {
  it('reads the washout before "or anticipation of need for …" and the plan as its own alternative', () => {
    // The anticipated operation is the attestation major_surgery_expected (history-attest.ts): either excludes.
    expect(
      readCriterion(
        normalise('Major surgical procedure within 28 days prior to study treatment or anticipation of need for a major surgical procedure during the course of the study').text,
        'exclusion',
        [],
      ),
    ).toMatchObject({ condition: { any: [therapy({ kinds: ['surgery'], withinDays: 28 }), attest('major_surgery_expected', true)] }, unread: '' });
  });

  it('does not cut the clause where a condition after the plan may bind both', () => {
    // "unless the patient can be switched" spares every alternative: each list is only a necessary condition.
    const c = read(
      'Use of proton pump inhibitors (PPIs), H2-receptor antagonists, or other systemic acid-reducing agents within 7 days prior to Cycle 1 Day 1 or planned use during the study treatment period, unless the patient can be switched to local antacids',
    );
    expect(c && 'any' in c ? c.any.map((x) => 'all' in x && x.all.some((l) => 'fact' in l && l.fact === 'unparsed')) : c).toEqual([true, true]);
  });
});

describe('a window after an alternative with its own receipt verb', () => {
  it('bounds the list before "or been treated with an investigational device"', () => {
    expect(
      readCriterion(normalise('Subject has received an investigational product or been treated with an investigational device within 30 days prior to first administration of study medication.').text, 'exclusion', []),
    ).toMatchObject({ condition: therapy({ kinds: ['investigational'], withinDays: 30 }), unread: 'treated with an investigational device' });
  });
});
