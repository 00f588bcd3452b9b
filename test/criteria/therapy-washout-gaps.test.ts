/**
 * Washout wordings around a window: a harm of the treatment after the window is a clause of its own,
 * a last dose timed with a modal is a required gap, a modal ending verb between a list and its gap says
 * only that the window is a gap, and laxatives are a concomitant class. Lines are verbatim from the
 * oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz) unless marked as a variant.
 */
import { classesOf, criterionRule, drugsOf, readRule, therapy, unparsed } from '../support/criteria';

describe('a toxicity after a window', () => {
  it('is another reason to exclude, not a qualifier of the list before the window', () => {
    const line = 'Received prior radiotherapy within 2 weeks of start of study intervention, or radiation-related toxicities, requiring corticosteroids.';
    expect(readRule(line, 'exclusion')).toEqual({
      condition: therapy({ kinds: ['radiation'], withinDays: 14 }),
      unread: 'radiation-related toxicities, requiring corticosteroids',
    });
    // Joined with "or": radiotherapy 10 days ago excludes alone.
    expect(criterionRule(line, 'exclusion')).toEqual({
      any: [therapy({ kinds: ['radiation'], withinDays: 14 }), unparsed('radiation-related toxicities, requiring corticosteroids')],
    });
  });

  it('still lets an event noun open its own clause', () => {
    expect(
      readRule(
        'Has had prior anti-cancer immunotherapy within 4 weeks prior to study intervention, or discontinuation of prior anti-cancer immunotherapy due to grade 3 or 4 toxicities',
        'exclusion',
      ).unread,
    ).toBe('discontinuation of prior anti-cancer immunotherapy due to grade 3 or 4 toxicities');
  });
});

describe('laxatives', () => {
  it('are a concomitant class with their members', () => {
    expect(classesOf('laxatives')).toEqual(['laxative']);
    expect(drugsOf('bisacodyl')).toEqual(['bisacodyl']);
    expect(drugsOf('senna')).toEqual(['sennosides']);
    expect(drugsOf('polyethylene glycol 3350')).toEqual(['macrogol']);
  });

  it('reads their use within a week as an exclusion', () => {
    expect(readRule('Use of laxatives up to 1 week prior to start of ICI', 'exclusion')).toEqual({
      condition: therapy({ classes: ['laxative'], withinDays: 7 }),
      unread: 'ICI',
    });
  });
});

describe('a last dose timed with a modal', () => {
  // Variant of "… is allowed, but last dose of radiation therapy should be > 14 days from first dose of vaccination on study".
  const line = 'Last dose of radiation therapy should be > 14 days from first dose of study treatment';

  it('is a required gap in an exclusion: radiotherapy within the 14 days excludes', () => {
    expect(readRule(line, 'exclusion')).toEqual({ condition: therapy({ kinds: ['radiation'], withinDays: 14 }), unread: '' });
    expect(readRule('Last dose of radiation therapy must be at least 14 days prior to first dose of study treatment', 'exclusion')).toEqual({
      condition: therapy({ kinds: ['radiation'], withinDays: 14 }),
      unread: '',
    });
  });

  it('is the same gap in an inclusion, with no word left over', () => {
    expect(readRule(line, 'inclusion')).toEqual({ condition: therapy({ kinds: ['radiation'], withinDays: 14 }, false), unread: '' });
  });

  it('reads a plain old last dose in an exclusion with the receipt it needs, never as "none within N"', () => {
    expect(readRule('Receipt of the last dose of chemotherapy > 12 weeks prior to randomization.', 'exclusion').condition).toEqual({
      all: [
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['chemotherapy'] } },
        { fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds: ['chemotherapy'], withinDays: 84 } },
      ],
    });
  });
});

describe('a modal ending verb between a list and its gap', () => {
  it('is read with the gap', () => {
    expect(readRule('Immunotherapy and experimental therapy must stop a minimum of 4 weeks prior to randomization.', 'inclusion')).toEqual({
      condition: { all: [therapy({ kinds: ['immunotherapy'], withinDays: 28 }, false), therapy({ kinds: ['investigational'], withinDays: 28 }, false)] },
      unread: '',
    });
    expect(readRule('Previous chemotherapy or radiotherapy should be completed 4 weeks prior to start of IMP administration.', 'inclusion').unread).toBe(
      'IMP administration',
    );
  });

  it('makes the gap a required one in an exclusion', () => {
    expect(readRule('Use of systemic immunosuppressants or other immune-modifying drugs must be discontinued 14 days prior to the first dose.', 'exclusion')).toEqual({
      condition: { any: [therapy({ classes: ['immunosuppressant'], withinDays: 14 }), unparsed('other immune-modifying drugs')] },
      unread: '',
    });
    // Variant: the bare verb.
    expect(readRule('Radiotherapy must cease 28 days before the first dose.', 'exclusion')).toEqual({
      condition: therapy({ kinds: ['radiation'], withinDays: 28 }),
      unread: '',
    });
  });
});

describe('a permitted treatment with its washout in one sentence', () => {
  it('forbids the treatment within the washout, an unknown last member kept unread beside it', () => {
    expect(
      readRule(
        'Immunotherapy: checkpoint-targeted therapy with an anti PD-1/anti PD-L1, other monoclonal antibodies, or vaccines are allowed, provided the washout is a minimum of 21 days prior to the start of study treatment',
        'inclusion',
      ),
    ).toEqual({
      condition: {
        all: [therapy({ classes: ['checkpoint_inhibitor', 'anti_pd1', 'anti_pd_l1', 'monoclonal_antibody'], withinDays: 21 }, false), unparsed('vaccines')],
      },
      unread: '',
    });
  });

  it('keeps the days of a longer half-life washout as necessary, the half-lives unread (variant)', () => {
    expect(
      readRule('Prior EGFR TKIs are allowed provided the washout is a minimum of 14 days or 5 half-lives (whichever is longer) prior to the start of treatment', 'inclusion')
        .condition,
    ).toEqual({ all: [therapy({ classes: ['egfr_tki'], withinDays: 14 }, false), unparsed('or 5 half-lives whichever is longer')] });
  });

  it('reads a plain list alone (variant)', () => {
    expect(readRule('Anti-PD-1 antibodies are allowed, provided the washout is a minimum of 21 days prior to the start of study treatment', 'inclusion')).toEqual({
      condition: therapy({ classes: ['anti_pd1'], withinDays: 21 }, false),
      unread: '',
    });
  });

  it('leaves a list with a qualifier or a narrowing "with" to the gate (variants)', () => {
    // Forbidding all anti-PD-1 (or all chemotherapy) within 21 days would fail patients the sentence does not bind.
    for (const line of [
      'Anti-PD-1 antibodies for melanoma are allowed, provided the washout is a minimum of 21 days prior to the start of study treatment',
      'Chemotherapy with platinum is allowed, provided the washout is a minimum of 21 days prior to the start of study treatment',
    ])
      expect(JSON.stringify(readRule(line, 'inclusion').condition)).not.toContain('"withinDays"');
  });

  it('is no reading in an exclusion', () => {
    expect(
      JSON.stringify(readRule('Anti-PD-1 antibodies are allowed, provided the washout is a minimum of 21 days prior to the start of study treatment', 'exclusion').condition),
    ).not.toContain('"withinDays":21');
  });
});
