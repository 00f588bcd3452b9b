/**
 * Medicines taken now or recently that exclusions name: vitamin B3 and other NAD+ precursors, CYP17
 * enzyme inhibitors (orteronel), interaction classes taken ("intake of") before "Cycle 1 Day -1", a
 * route that narrows an example ("such as oral ketoconazole"), a misspelt first word of a longer drug
 * name, and use now beside a need foreseen during the study. Verbatim corpus lines pin the readings.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { classesOf, criterionRule, drugsOf, judgeRecord, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record);
const leavesOfFact = (c: Condition | null, fact: string) => (c ? leavesOf(c).filter((l) => l.fact === fact) : []);
const paramsOf = (l: Condition): Record<string, unknown> => ('params' in l && l.params ? l.params : {});

describe('vitamin B3 and NAD+ precursors', () => {
  it('names the two forms of vitamin B3 and the nucleoside precursors', () => {
    expect(drugsOf('nicotinamide')).toEqual(['nicotinamide']);
    expect(drugsOf('niacinamide')).toEqual(['nicotinamide']);
    expect(drugsOf('nicotinic acid')).toEqual(['niacin']);
    expect(drugsOf('nicotinamide riboside')).toEqual(['nicotinamide_riboside']);
    expect(classesOf('vitamin B3 supplements')).toEqual(['vitamin_b3']);
  });

  it('reads an NAD+ precursor as the class, never as nicotinamide (NCT05023993 e1)', () => {
    const { condition, unread } = readRule('Taking a nicotinamide adenine dinucleotide (NAD)+ precursor in the two weeks prior to enrollment', 'exclusion');
    expect(condition).toEqual(therapy({ classes: ['nad_precursor'], withinDays: 14 }));
    expect(unread).toBe('');
    // Nicotinamide riboside is a precursor: taken last week it excludes.
    expect(judge({ treatments: [{ name: 'nicotinamide riboside', start: '2025-05-25' }] }, condition!)).toBe(true);
  });

  it('keeps a daily dose of the named vitamins unread beside their use (NCT05955924 e1)', () => {
    const rule = criterionRule('Use of nicotinamide or niacin (≥250 mg daily) within past 12 weeks', 'exclusion');
    expect(therapyLeaves(rule)).toEqual([therapy({ drugs: ['nicotinamide', 'niacin'], withinDays: 84 })]);
    // The dose is a qualifier the record cannot check: necessary only, never sufficient.
    expect(leavesOfFact(rule, 'unparsed')).toHaveLength(1);
    expect(judge({ treatments: [{ name: 'nicotinamide', start: '2025-05-01' }] }, rule)).toBeNull();
    expect(judge({ treatments: [{ name: 'aspirin', start: '2025-05-01' }] }, rule)).not.toBe(true);
  });

  it('reads a misspelt first word of a longer name as that name (NCT07161310 e2)', () => {
    const { condition } = readRule(
      'Patients who currently take or plan to take mitochondrial supplements like coenzyme q10, NAD+ boosters (e.g. nicotineamide riboside, nicotineamine mononucleotide), or L-carnitine',
      'exclusion',
    );
    const drugs = therapyLeaves(condition).flatMap((l) => (paramsOf(l).drugs as string[] | undefined) ?? []);
    expect(drugs).toEqual(['nicotinamide_riboside']);
  });
});

describe('CYP17 enzyme inhibitors', () => {
  it('names the class in its enzyme wordings and orteronel by its code', () => {
    expect(classesOf('CYP17 enzyme inhibitors')).toEqual(['cyp17_inhibitor']);
    expect(classesOf('Cytochrome P450 (CYP17) enzyme inhibitors')).toEqual(['cyp17_inhibitor']);
    expect(drugsOf('TAK-700')).toEqual(['orteronel']);
  });

  it('reads the examples under a prior-treatment lead-in, necessary only for the oral route (NCT05348876 e22)', () => {
    const { condition } = readRule('Cytochrome P450 (CYP17) enzyme inhibitors (such as oral ketoconazole, abiraterone acetate, TAK-700, etc).', 'exclusion', [
      'Prior treatment with:',
    ]);
    expect(therapyLeaves(condition)).toEqual([therapy({ drugs: ['ketoconazole', 'abiraterone', 'orteronel'] }), therapy({ classes: ['cyp17_inhibitor'] })]);
    // "oral" narrows ketoconazole (a cream is not meant): one who used ketoconazole is not thereby excluded.
    expect(judge({ treatments: [{ name: 'ketoconazole', start: '2024-01-01', end: '2024-01-10' }] }, condition!)).toBeNull();
  });

  it('keeps an example without a route a member of the union', () => {
    const { condition } = readRule('Prior treatment with CYP17 enzyme inhibitors (such as ketoconazole, abiraterone acetate, TAK-700, etc).', 'exclusion');
    expect(condition).toEqual({
      any: [therapy({ drugs: ['ketoconazole', 'abiraterone', 'orteronel'] }), therapy({ classes: ['cyp17_inhibitor'] })],
    });
  });
});

describe('interaction classes taken before the first cycle', () => {
  it('reads "intake of" as use and "Cycle 1 Day -1" as the anchor of the window', () => {
    const { condition, unread } = readRule('Intake of strong or moderate inducers of CYP3A4/5 or CYP2B6 within 15 days prior to Cycle 1 Day -1.', 'exclusion');
    expect(condition).toEqual(therapy({ classes: ['strong_cyp3a_inducer', 'moderate_cyp3a_inducer', 'strong_cyp2b6_inducer', 'moderate_cyp2b6_inducer'], withinDays: 15 }));
    expect(unread).toBe('');
  });

  it('reads the named drugs before Day -1 in full (NCT03947385 e22)', () => {
    const rule = criterionRule(
      'Treatment with bupropion, repaglinide, flurbiprofen, omeprazole, esomeprazole, midazolam, and dabigatran etexilate within 7 days prior to Cycle 1 Day -1.',
      'exclusion',
    );
    expect(rule).toEqual({ all: [therapy({ drugs: ['bupropion', 'repaglinide', 'flurbiprofen', 'omeprazole', 'esomeprazole', 'midazolam', 'dabigatran'], withinDays: 7 })] });
  });

  it('leaves an unknown member and the longer half-life window unread (NCT03947385 e26)', () => {
    const rule = criterionRule(
      'Intake of strong or moderate inducers of CYP3A4/5, CYP2B6, CYP2C9, CYP2C19, or OAT3 is prohibited during 15 days, or 5 half-lives, whichever is longer, prior to Cycle 1 Day -1.',
      'exclusion',
    );
    const texts = leavesOfFact(rule, 'unparsed').map((l) => String(l.params?.text));
    expect(texts).toContain('OAT3');
    expect(texts.some((t) => /whichever is longer/.test(t))).toBe(true);
    // Within 15 days is excluded whatever the half-life; a phenytoin course 10 days ago excludes.
    expect(judge({ treatments: [{ name: 'phenytoin', start: '2025-05-22' }] }, rule)).toBe(true);
  });
});

describe('a steroid among the examples of an interaction class', () => {
  it('is a member with its own dose, which narrows the list (NCT01724606 e24)', () => {
    const { condition, unread } = readRule(
      "Subjects who have used strong CYP3A4 inducers (eg, phenytoin, carbamazepine, phenobarbital, St. John's Wort [Hypericum perforatum], dexamethasone at a dose of greater than 16 mg daily for more than one day, or rifampin [rifampicin], and/or rifabutin) within 28 days before randomization.",
      'exclusion',
    );
    expect(therapyLeaves(condition)).toEqual([
      therapy({ drugs: ['phenytoin', 'carbamazepine', 'phenobarbital', 'st_john_s_wort', 'dexamethasone', 'rifampicin', 'rifabutin'], withinDays: 28 }),
      therapy({ classes: ['strong_cyp3a_inducer'], withinDays: 28 }),
    ]);
    expect(leavesOfFact(condition, 'unparsed')).toHaveLength(1);
    expect(unread).toBe('');
    // Dexamethasone at any dose is not enough: the dose stays unread, so the line is necessary only.
    expect(judge({ treatments: [{ name: 'dexamethasone', start: '2025-05-20' }] }, condition!)).toBeNull();
  });

  it('stays the unit of a dose given as the example (NCT07410676 e2)', () => {
    const { condition } = readRule(
      'Any condition requiring systemic immunosuppression (e.g., >5 mg prednisone/day or equivalent) during dosing window (topical/inhaled may be allowed).',
      'exclusion',
    );
    expect(therapyLeaves(condition)).toEqual([therapy({ classes: ['immunosuppressant'] })]);
  });
});

describe('a medicine that cannot be stopped', () => {
  it('reads a quoted class before "that cannot be discontinued" as use now, the rest unread (NCT06427811 e16)', () => {
    const rule = criterionRule(
      'Concomitant medication(s) with a "Known risk of TdP" (per www.crediblemeds.org) that cannot be discontinued or replaced 7 days prior to starting study treatment by safe alternative medication.',
      'exclusion',
    );
    expect(therapyLeaves(rule)).toEqual([therapy({ classes: ['qt_prolonging_drug'], withinDays: 1 })]);
    expect(leavesOfFact(rule, 'unparsed')).toHaveLength(1);
    // Necessary only: no record makes it true, since whether the medicine can be stopped stays unread.
    expect(judge({ treatments: [{ name: 'aspirin', start: '2025-05-01' }] }, rule)).not.toBe(true);
  });
});

describe('use now beside a need foreseen', () => {
  it('reads current use, the foreseen need an unread alternative (NCT07136181 e10)', () => {
    const { condition } = readRule('Current use or anticipated need for P-gp or BCRP inhibitors during the study period.', 'exclusion');
    expect(condition).toEqual({
      any: [therapy({ classes: ['pgp_inhibitor', 'bcrp_inhibitor'], withinDays: 1 }), unparsed('Current use or anticipated need for P-gp or BCRP inhibitors during the study period')],
    });
    // Not on one now: the need to come is unknown, never cleared.
    expect(judge({ treatments: [] }, condition!)).toBeNull();
  });

  it('reads no need alone as use (a need during the study is no record)', () => {
    expect(readRule('Anticipated need for P-gp inhibitors during the study period.', 'exclusion').condition).toBeNull();
  });
});
