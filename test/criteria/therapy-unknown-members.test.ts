/**
 * Treatment lists with a member the lexicon does not know: the known members are read as before and
 * each unknown member stays an unparsed leaf in the same union, so one unknown member no longer leaves
 * the whole criterion unread (nor is it dropped). Lines are verbatim from the oncology corpus
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz) unless said otherwise.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { readCondition, readRule, therapy, unparsed } from '../support/criteria';

const unreadTexts = (c: Condition | null): string[] => (c ? leavesOf(c).filter((l) => l.fact === 'unparsed').map((l) => String(l.params?.text)) : []);

describe('a device among the members of a union', () => {
  it('keeps "investigational device" as an unread member of an exclusion\'s union', () => {
    const c = readCondition(
      'Received anti-cancer therapy, including chemotherapy, immunotherapy, radiation therapy, biologic, herbal therapy, or any investigational therapy or investigational device, within 28 days (or 5 half-lives for biologic/non-cytotoxic agents, whichever is shorter), prior to the first dose of 177Lu-RAD204tr.',
      'exclusion',
    );
    // The known members keep their window; the device is an alternative in the same any(). The half-lives
    // ("whichever is shorter") keep the union a necessary condition.
    expect(c).toEqual({
      all: [
        {
          any: [
            {
              any: [
                therapy({ classes: ['biologic', 'herbal_product'], withinDays: 28 }),
                therapy({ kinds: ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional', 'chemotherapy', 'immunotherapy'], withinDays: 28 }),
              ],
            },
            unparsed('investigational device'),
          ],
        },
        unparsed('within 28 days or 5 half-lives, whichever is shorter'),
        unparsed('biologic/non-cytotoxic agents'),
      ],
    });
  });

  it('keeps a bare "device" after "an investigational drug or" instead of dropping it', () => {
    const c = readCondition('Participation in a study with an investigational drug or device within 4 weeks prior to Day 1.', 'exclusion');
    expect(c).toEqual({
      all: [
        { fact: 'attestation', operator: 'equal', value: true, params: { topic: 'other_trial' } },
        { any: [therapy({ kinds: ['investigational'], withinDays: 28 }), unparsed('device')] },
      ],
    });
  });

  it('still leaves an investigational device on its own unread as a treatment', () => {
    const r = readRule('Has used an investigational device within 4 weeks prior to the first dose.', 'exclusion');
    expect(r.condition).toBeNull();
    expect(r.unread).toMatch(/investigational device/);
  });
});

describe('an unread member after the list, before its window', () => {
  it('reads "…, or other unapproved clinical trial drugs or treatments within 4 weeks" with the members kept', () => {
    const c = readCondition(
      'Received chemotherapy, radiotherapy, biotherapy, endocrine therapy, targeted therapy, immunotherapy, or other unapproved clinical trial drugs or treatments within 4 weeks prior to the first administration of the study drug.',
      'exclusion',
    );
    expect(c).toEqual({
      any: [
        { any: [therapy({ classes: ['biologic'], withinDays: 28 }), therapy({ kinds: ['chemotherapy', 'radiation', 'hormonal', 'targeted', 'immunotherapy'], withinDays: 28 })] },
        unparsed('other unapproved clinical trial drugs or treatments'),
      ],
    });
  });

  it('reads "… or antiviral therapies have been or are being used within 4 weeks", the exception kept', () => {
    const c = readCondition(
      'Other investigational agents or antiviral therapies have been or are being used within 4 weeks prior to treatment, except for hepatitis B patients on ongoing treatment who may be treated with Entecavir, Tenofovir dipifuroxide fumarate, or adefovir dipivoxil;',
      'exclusion',
    );
    expect(c).toMatchObject({ any: [therapy({ kinds: ['investigational'], withinDays: 28, except: { drugs: ['entecavir', 'tenofovir', 'adefovir'] } }), unparsed('antiviral therapies')] });
  });

  it('reads an unread member after a steroid dose ("> 10 mg/day prednisone equivalent, or …") and keeps the rest necessary', () => {
    const c = readCondition(
      'Chronic systemic corticosteroids \\>10 mg/day prednisone equivalent, or systemic immunosuppressive/anti-inflammatory medications within 4 weeks prior to first dose, except permitted topical/inhaled/local formulations or short courses for premedication per protocol.',
      'exclusion',
    );
    // "Chronic" and the dose narrow the steroid: the union is only a necessary condition, never sufficient.
    expect(c).toMatchObject({ all: [{ any: [therapy({ classes: ['corticosteroid'], withinDays: 28 }), unparsed('systemic immunosuppressive/anti-inflammatory medications')] }, { fact: 'unparsed', value: true }] });
  });

  it('reads "X or other Y must be discontinued 14 days prior" as receipt within 14 days, never its absence', () => {
    const c = readCondition('Use of systemic immunosuppressants or other immune-modifying drugs must be discontinued 14 days prior to the first dose.', 'exclusion');
    // "must be discontinued" only says the window is a gap (as it does without the unread member, "Use of
    // systemic immunosuppressants must be discontinued 14 days prior"): the union is the exclusion.
    expect(c).toEqual({
      any: [therapy({ classes: ['immunosuppressant'], withinDays: 14 }), unparsed('other immune-modifying drugs')],
    });
    expect(JSON.stringify(c)).not.toContain('"value":false');
  });

  it('never reads an exclusion\'s required gap after the list as the treatment\'s absence (written example)', () => {
    const c = readCondition('Use of systemic immunosuppressants must be discontinued 14 days prior to the first dose.', 'exclusion');
    expect(JSON.stringify(c)).toContain(JSON.stringify(therapy({ classes: ['immunosuppressant'], withinDays: 14 })));
    expect(JSON.stringify(c)).not.toContain('"value":false');
  });

  it('leaves a second sentence\'s required gap unread rather than inverted', () => {
    const c = readCondition(
      'Active infection requiring systemic antibiotic therapy. Patients requiring systemic antibiotics for infection must have completed therapy at least 1 week prior to randomization',
      'exclusion',
    );
    // Before, this read "no antibiotics within 7 days" as a reason to exclude.
    expect(JSON.stringify(c)).not.toContain('"fact":"priorTherapy","operator":"equal","value":false');
  });
});

describe('how the unread member sits in inclusions and "and" lists (written examples)', () => {
  it('reads an inclusion\'s "chemotherapy or bridging therapy" as one sufficient option, never as a requirement', () => {
    const r = readRule('Patients must have received prior chemotherapy or bridging therapy within 6 months prior to enrollment.', 'inclusion');
    // any(chemotherapy, unread): chemotherapy admits, its absence leaves the criterion open.
    expect(r.condition).toMatchObject({ any: [therapy({ kinds: ['chemotherapy'], withinDays: 180 }), { fact: 'unparsed', value: true }] });
  });

  it('reads an exclusion\'s "A and <unknown> within 4 weeks" as a union: each member excludes', () => {
    const c = readCondition('Prior chemotherapy and bridging therapy within 4 weeks prior to the first dose.', 'exclusion');
    expect(c).toEqual({ any: [therapy({ kinds: ['chemotherapy'], withinDays: 28 }), unparsed('bridging therapy')] });
  });

  it('does not take an inclusion\'s "and" member into a union ("platinum chemotherapy and bridging therapy")', () => {
    const r = readRule('Patients must have received prior platinum chemotherapy and bridging therapy.', 'inclusion');
    // Each requirement on its own: platinum read, "bridging" left unread (the assembler joins it with "and").
    expect(r.condition).toEqual(therapy({ classes: ['platinum'] }));
    expect(r.unread).toBe('bridging');
  });

  it('keeps a forbidden union\'s unread member forbidden too', () => {
    const c = readCondition('No chemotherapy or bridging therapy within 4 weeks prior to the first dose.', 'inclusion');
    expect(c).toEqual({ all: [therapy({ kinds: ['chemotherapy'], withinDays: 28 }, false), unparsed('bridging therapy', false)] });
  });

  it('does not make a bare shared head noun a member of its own ("experimental treatments or therapies")', () => {
    const c = readCondition('Patients undergoing experimental treatments or therapies.', 'exclusion');
    expect(unreadTexts(c)).not.toContain('therapies');
  });

  it('keeps a target phrase whole after an unread member ("or other drugs targeting T-cell … pathways")', () => {
    const c = readCondition(
      'Prior treatment with anti-PD-1, anti-PD-L1, anti-PD-L2, anti-CTLA-4, or other drugs targeting T-cell costimulatory or immune regulatory pathways.',
      'exclusion',
    );
    expect(unreadTexts(c)).not.toContain('other drugs');
  });

  it('does not let a known member absorb a site or dose ("radiation therapy to the lung that is >30 Gy")', () => {
    const c = readCondition('Participant with NSCLC only: Has received radiation therapy to the lung that is \\>30 Gy within six months of the first dose of study treatment.', 'exclusion');
    // Plain radiation within six months would exclude far more patients than the text does.
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(therapy({ kinds: ['radiation'], withinDays: 182 })));
    expect(c === null || unreadTexts(c).length > 0).toBe(true);
  });
});
