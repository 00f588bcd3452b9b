/**
 * Medicines a patient takes or reacts to, named by phrasings the therapy and allergy readers had left
 * unread: "Need for ongoing X" (current use, necessary, with the need unread beside it), ordinary
 * medicines and classes the lexicon lacked (antiherpetic antivirals, atropine, allergen immunotherapy,
 * naltrexone), a product named by the ordinary medicine it contains ("preparations containing St.
 * John's wort"), and "sensitivity to X" with X an ordinary medicine (the named-allergy question). Lines
 * are verbatim from the oncology corpus unless marked as a variant.
 */
import { attest, readRule, therapy, unparsed } from '../support/criteria';
import { concomitantOnly, drugInClass, lexicons } from '../../src/criteria/lexicon';

describe('"Need for ongoing X" among exclusions', () => {
  it('reads current use as necessary, the need unread beside it (NCT05955924 e8)', () => {
    expect(readRule('Need for ongoing carbamazepine or primidone', 'exclusion')).toEqual({
      condition: {
        all: [therapy({ drugs: ['carbamazepine', 'primidone'], withinDays: 1 }), unparsed('Need for ongoing carbamazepine or primidone')],
      },
      unread: '',
    });
  });

  it('keeps the reason in the unread leaf (NCT04844528 e7)', () => {
    const { condition } = readRule('Need for ongoing carbamazepine use (possible interaction with nicotinamide)', 'exclusion');
    expect(condition).toEqual({
      all: [
        therapy({ drugs: ['carbamazepine'], withinDays: 1 }),
        unparsed('Need for ongoing carbamazepine use (possible interaction with nicotinamide)'),
      ],
    });
  });

  it('reads "continued use of" the same way (variant)', () => {
    const { condition } = readRule('Need for continued use of warfarin', 'exclusion');
    expect(condition).toEqual({ all: [therapy({ drugs: ['warfarin'], withinDays: 1 }), unparsed('Need for continued use of warfarin')] });
  });

  it('leaves a need foreseen unread: it may begin only during the study (variant)', () => {
    expect(readRule('Anticipated need for ongoing carbamazepine during the study', 'exclusion').condition).toBeNull();
  });

  it('leaves a need with no "ongoing" unread: the patient may not take it yet (variant)', () => {
    expect(readRule('Need for carbamazepine', 'exclusion').condition).toBeNull();
  });

  it('reads nothing of the need in an inclusion (variant)', () => {
    expect(readRule('Need for ongoing carbamazepine', 'inclusion').condition).toBeNull();
  });
});

describe('medicines and classes the lexicon now holds', () => {
  it('reads antivirals with antiherpetic activity, the route and chronic use unread (NCT06581406 e9)', () => {
    const { condition, unread } = readRule(
      'Requires intermittent or chronic use of systemic (oral or IV) antivirals with known antiherpetic activity (eg, acyclovir).',
      'exclusion',
    );
    expect(condition).toEqual({
      all: [
        { any: [therapy({ drugs: ['aciclovir'] }), therapy({ classes: ['antiherpetic_antiviral'] })] },
        unparsed('Requires intermittent or chronic use of systemic (oral or IV'),
      ],
    });
    expect(unread).toBe('');
  });

  it('reads the same sentence with its list number (NCT06264180 e17)', () => {
    const { condition } = readRule('E 19. Requires chronic use of systemic (oral or IV) antivirals with known antiherpetic activity (eg, acyclovir).', 'exclusion');
    expect(JSON.stringify(condition)).toContain('"classes":["antiherpetic_antiviral"]');
    expect(JSON.stringify(condition)).toContain('"fact":"unparsed"');
  });

  it('reads the systemic use of atropine (NCT06380751 e23)', () => {
    expect(readRule('Systemic use of atropine', 'exclusion')).toEqual({ condition: therapy({ drugs: ['atropine'] }), unread: '' });
  });

  it('reads allergy desensitization injections with the window of their lead-in (NCT06472661 e2)', () => {
    expect(
      readRule('Allergy desensitization injections', 'exclusion', [
        'Any of the following medications or treatments are administered to the subject within 4 weeks of study day 1:',
      ]),
    ).toEqual({ condition: therapy({ classes: ['allergen_immunotherapy'], withinDays: 28 }), unread: '' });
  });

  it('files the new medicines as concomitant, never anticancer', () => {
    const lex = lexicons();
    for (const d of ['atropine', 'hyoscyamine', 'naltrexone', 'naloxone']) expect(concomitantOnly(lex, d)).toBe(true);
    for (const d of ['aciclovir', 'valaciclovir', 'famciclovir', 'ganciclovir', 'valganciclovir', 'foscarnet', 'cidofovir'])
      expect(drugInClass(lex, d, 'antiherpetic_antiviral')).toBe(true);
    expect(lex.classById.get('antiherpetic_antiviral')?.parents).toEqual(['antiviral']);
    for (const c of ['antiherpetic_antiviral', 'belladonna_alkaloid', 'opioid_antagonist', 'allergen_immunotherapy'])
      expect(lex.classById.get(c)?.kind).toBe('supportive');
  });
});

describe('a product named by the ordinary medicine it contains', () => {
  it('reads the medicine, with the window (NCT03355157 e6)', () => {
    const { condition, unread } = readRule(
      'Treatment with preparations containing St. John´s Wort within the last 7 days prior to randomization and/or concurrent use.',
      'exclusion',
    );
    expect(condition).toEqual(therapy({ drugs: ['st_john_s_wort'], withinDays: 7 }));
    expect(unread).toContain('preparations containing');
  });

  it('leaves an anticancer payload after "containing" unread (variant)', () => {
    expect(readRule('Prior treatment with drugs containing a topoisomerase I inhibitor', 'exclusion').condition).toBeNull();
  });
});

describe('"sensitivity to" an ordinary medicine', () => {
  it('reads the named-allergy question (NCT05968690 e18)', () => {
    expect(readRule('Individuals with a history of sensitivity to naltrexone.', 'exclusion')).toEqual({
      condition: attest('named_allergy', true),
      unread: '',
    });
  });

  it('reads a concomitant class named after it (variant)', () => {
    expect(readRule('Known sensitivity to opioid analgesics such as morphine', 'exclusion').condition).toEqual(attest('named_allergy', true));
  });

  it('does not read a sensitivity to an anticancer drug as an allergy: it may be the tumour’s (variant)', () => {
    const { condition } = readRule('Platinum sensitivity to carboplatin', 'inclusion');
    expect(JSON.stringify(condition ?? null)).not.toContain('named_allergy');
  });

  it('leaves a condition on it unread (variant)', () => {
    expect(readRule('Known sensitivity to warfarin if they need it', 'exclusion').condition).toBeNull();
  });
});
