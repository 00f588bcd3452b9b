/**
 * Concomitant medicines named by interaction classes and drug lists (therapy.ts): a series of enzymes
 * or transporters sharing one "strong inhibitors of" head, the medicine noun and relative clause before
 * a class ("medications that are considered strong inhibitors of"), examples led by "such as but not
 * limited to", and the entries under a lead-in naming medicines the patient is on. Lines are verbatim
 * from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz) unless marked as a variant.
 */
import { criterionRule, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';
import { parseCriteria } from '../../src/criteria/parse';

const classesIn = (c: Parameters<typeof therapyLeaves>[0]): string[] =>
  therapyLeaves(c)
    .flatMap((l) => ((l as { params: { classes?: string[] } }).params.classes ?? []))
    .sort();

describe('names that share the head of an interaction class before them', () => {
  it('reads each enzyme after "strong inhibitors of" with that head (variant)', () => {
    expect(readRule('Is taking strong inhibitors of CYP2C8 or CYP3A4.', 'exclusion')).toEqual({
      condition: therapy({ classes: ['strong_cyp2c8_inhibitor', 'strong_cyp3a_inhibitor'], withinDays: 1 }),
      unread: '',
    });
  });

  it('reads a transporter after an enzyme, and the abbreviation after it (NCT06146257 e12)', () => {
    const { condition, unread } = readRule(
      'Medications or supplements that are known to be strong and moderate inhibitors or inducers of CYP450 isozyme 3A4 (CYP3A4) and/or P-glycoprotein (P-gp), or strong inhibitors or inducers of CYP450 isozyme 2C8 (CYP2C8) within 14 days or 5 half-lives, whichever is shorter, before the first dose of study drug.',
      'exclusion',
    );
    expect(condition).toEqual({
      all: [
        therapy({
          classes: ['strong_cyp3a_inhibitor', 'moderate_cyp3a_inhibitor', 'strong_cyp3a_inducer', 'moderate_cyp3a_inducer', 'pgp_inhibitor', 'pgp_inducer', 'strong_cyp2c8_inhibitor'],
          withinDays: 14,
        }),
        // The shorter of the two windows is not known: the 14 days are only necessary.
        unparsed('within 14 days or 5 half-lives, whichever is shorter'),
      ],
    });
    expect(unread).toBe('');
  });

  it('reads the series with its inability to stop kept unread (NCT06425926 e15)', () => {
    const { condition } = readRule(
      'Is taking medications that are considered strong inducers or inhibitors of CYP2C8 or CYP3A4/5, P-glycoprotein (P-gp), breast cancer resistant protein (BCRP), or sensitive substrates of P-gp and BCRP (Appendix C) that cannot be discontinued at least 1 week prior to first dose of study drug and for the duration of the study.',
      'exclusion',
    );
    expect(classesIn(condition)).toEqual(
      ['bcrp_inhibitor', 'bcrp_substrate', 'pgp_inducer', 'pgp_inhibitor', 'pgp_substrate', 'strong_cyp2c8_inhibitor', 'strong_cyp3a_inducer', 'strong_cyp3a_inhibitor'].sort(),
    );
    // Taken now and not stoppable: the use is necessary, the inability stays an unread leaf beside it.
    expect((condition as { all: unknown[] }).all).toHaveLength(2);
    expect(JSON.stringify(condition)).toContain('cannot be discontinued');
  });

  it('reads an enzyme joined by "and" as one more alternative (NCT06697301 e20)', () => {
    const { condition } = readRule('Participant is currently receiving medications known to be strong inhibitors or inducers of CYP3A4 and CYP1A2.', 'exclusion');
    expect(classesIn(condition)).toEqual(['strong_cyp1a2_inhibitor', 'strong_cyp3a_inducer', 'strong_cyp3a_inhibitor']);
  });

  it('stops at a name the lexicon does not know with that head, leaving it unread (NCT03947385 e26)', () => {
    const text =
      'Intake of strong or moderate inducers of CYP3A4/5, CYP2B6, CYP2C9, CYP2C19, or OAT3 is prohibited during 15 days, or 5 half-lives, whichever is longer, prior to Cycle 1 Day -1.';
    const { unread } = readRule(text, 'exclusion');
    expect(unread).toContain('OAT3');
    // The CYP inducers are read ("Cycle 1 Day -1" anchors the window); OAT3 stays an unread
    // alternative beside them, so an OAT3 inducer is not read as allowed.
    const rule = criterionRule(text, 'exclusion');
    expect(JSON.stringify(rule)).toContain('strong_cyp2b6_inducer');
    expect((rule as { any: unknown[] }).any).toContainEqual({ fact: 'unparsed', operator: 'equal', value: true, params: { text: 'OAT3' } });
  });

  it('does not give the head to a name that modifies another noun (variant)', () => {
    const { condition } = readRule('Strong inhibitors of CYP3A4 or P-gp substrates.', 'exclusion');
    expect(classesIn(condition)).toEqual(['pgp_substrate', 'strong_cyp3a_inhibitor']);
    expect(classesIn(condition)).not.toContain('pgp_inhibitor');
  });
});

describe('a medicine noun and the relative clause that gives its class', () => {
  it('reads "medications that are considered" like "known to be" (variant)', () => {
    expect(readRule('Is taking medications that are considered strong inhibitors of CYP3A4.', 'exclusion').condition).toEqual(
      therapy({ classes: ['strong_cyp3a_inhibitor'], withinDays: 1 }),
    );
  });

  it('reads the medicine noun and its relative clause with the class (NCT02513394 e5)', () => {
    expect(
      readRule('Patients receiving any medications or substances that are potent inhibitors or inducers of * CYP3A isoenzymes within 7 days of randomization.', 'exclusion'),
    ).toEqual({ condition: therapy({ classes: ['strong_cyp3a_inhibitor', 'strong_cyp3a_inducer'], withinDays: 7 }), unread: '' });
  });

  it('still reads "considered" before a treatment as a definition elsewhere (variant)', () => {
    expect(readRule('Prior treatment considered standard of care chemotherapy.', 'inclusion').condition).toBeNull();
  });
});

describe('examples led by "such as but not limited to"', () => {
  it('joins the examples to the class they illustrate (NCT05136196 i47)', () => {
    const { condition, unread } = readRule(
      "Participants must not have received administration of any strong CYP3A4 inducers, such as but not limited to rifampin, carbamazepine, enzalutamide, mitotane, phenytoin and St. John's wort, within 14 days prior to step 2 registration",
      'inclusion',
    );
    expect(therapyLeaves(condition)).toEqual([
      therapy({ drugs: ['rifampicin', 'carbamazepine', 'enzalutamide', 'mitotane', 'phenytoin', 'st_john_s_wort'], withinDays: 14 }, false),
      therapy({ classes: ['strong_cyp3a_inducer'], withinDays: 14 }, false),
    ]);
    // The window counts back from a later step: that reference stays unread beside the reading.
    expect(unread).toBe('step 2');
  });
});

describe('entries under a lead-in naming medicines the patient is on', () => {
  const lead = ['Pts on any drugs which has pharmacological interaction with nelfinavir:'];

  it('reads a class with its examples as medicines taken (NCT03256916 e5, e7)', () => {
    expect(readRule('Sedative/Hypnotic agents (midazolam, triazolam).', 'exclusion', lead)).toEqual({
      condition: { any: [therapy({ drugs: ['midazolam', 'triazolam'], withinDays: 1 }), therapy({ classes: ['sedative_hypnotic'], withinDays: 1 })] },
      unread: '',
    });
    expect(readRule('HMG-CoA reductase inhibitors (atorvastatin).', 'exclusion', lead)).toEqual({
      condition: { any: [therapy({ drugs: ['atorvastatin'], withinDays: 1 }), therapy({ classes: ['statin'], withinDays: 1 })] },
      unread: '',
    });
  });

  it('reads a bare list of drugs (NCT03256916 e9)', () => {
    expect(readRule('Felodipine, Nifedipine.', 'exclusion', lead)).toEqual({ condition: therapy({ drugs: ['felodipine', 'nifedipine'], withinDays: 1 }), unread: '' });
  });

  it('does not read entries under a lead-in that names no medicines (variant)', () => {
    expect(readRule('Felodipine, Nifedipine.', 'exclusion', ['Patients on the waiting list for transplant:']).condition).toBeNull();
  });
});

describe('the purpose of a medicine, with its own "or"', () => {
  it('keeps the purposes as an unread qualifier of the use (NCT02870244 e4)', () => {
    expect(readRule('Patients taking steroids for disease control or pain management', 'exclusion')).toEqual({
      condition: { all: [therapy({ classes: ['corticosteroid'], withinDays: 1 }), unparsed('taking steroids for disease control or pain management')] },
      unread: '',
    });
  });

  it('reads the window after the purposes (NCT06264180 e24)', () => {
    expect(
      readRule(
        'Treatment with botanical preparations (eg, herbal supplements or traditional Chinese medicines) intended for general health support or to treat the disease under study within 2 weeks prior to treatment.',
        'exclusion',
      ).condition,
    ).toEqual({ all: [therapy({ classes: ['herbal_product'], withinDays: 14 }), unparsed('intended for general health support or to treat the disease under study')] });
  });

  it('still takes "or" before a window as an alternative (variant)', () => {
    expect(readRule('Use of corticosteroids for nausea or within 14 days of enrollment.', 'exclusion').condition).toBeNull();
  });

  it('reads "is not considered an exclusion" as a permission, never as a receipt that excludes (NCT03567889 e20)', () => {
    const { condition } = readRule(
      'Patient requiring or taking corticosteroids or other immunosuppressant drugs on a long-term basis will be evaluated case by case with the Sponsor for inclusion/exclusion in the study. Limited use of corticosteroids to treat or prevent acute hypersensitivity reactions is not considered an exclusion criteria.',
      'exclusion',
    );
    // The permitted use is only a gate beside its unread permission: it can never exclude by itself.
    expect((condition as { any: unknown[] }).any[1]).toEqual({
      all: [therapy({ classes: ['corticosteroid'] }), unparsed('Limited use of corticosteroids to treat or prevent acute hypersensitivity reactions is not considered an exclusion criteria')],
    });
  });
});

describe('entries under a lead-in of medicines taken now', () => {
  it('reads each entry as current use, not use at any time ("Pts on any drugs which … interaction with nelfinavir:", NCT03256916)', () => {
    const [rifampicin, antiarrhythmics] = parseCriteria(
      'Exclusion Criteria:\n\n* Pts on any drugs which has pharmacological interaction with nelfinavir:\n\n  * Rifampicin, Rifabutin.\n  * Antiarrhythmics (amiodarone, quinidine).\n',
    );
    expect(rifampicin!.rule).toEqual({ all: [therapy({ drugs: ['rifampicin', 'rifabutin'], withinDays: 1 })] });
    expect(therapyLeaves(antiarrhythmics!.rule).every((l) => ((l as { params?: { withinDays?: number } }).params?.withinDays) === 1)).toBe(true);
  });

  it('keeps an entry\'s own past wording past ("Patients taking any of the following:" over "prior rifampicin")', () => {
    const [c] = parseCriteria('Exclusion Criteria:\n\n* Patients taking any of the following medications:\n\n  * Prior rifampicin.\n');
    expect(JSON.stringify(c!.rule)).not.toContain('"withinDays":1');
  });
});
