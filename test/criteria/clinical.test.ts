/**
 * Performance status, age, sex and life expectancy, pinned on real criteria lines from the corpus
 * (fixtures/criteria/clinical.lines.json).
 */
import type { Condition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { readCriterion } from '../../src/criteria/parse';
import type { CriterionKind } from '../../src/criteria/segment';
import { normalise } from '../../src/criteria/text';
import { pinGoldenLines } from '../support/criteria';

function read(text: string, kind: CriterionKind = 'inclusion', context: string[] = []) {
  return readCriterion(normalise(text).text, kind, context);
}
const conditionOf = (text: string, kind: CriterionKind = 'inclusion', context: string[] = []): Condition | null =>
  read(text, kind, context).condition;

const ecog = (operator: string, value: number): Condition => ({ fact: 'ecog', operator, value }) as Condition;
const kps = (operator: string, value: number): Condition => ({ fact: 'karnofsky', operator, value }) as Condition;
const age = (operator: string, value: number): Condition => ({ fact: 'age', operator, value }) as Condition;
const sex = (value: string): Condition => ({ fact: 'sex', operator: 'equal', value });
const anySex: Condition = { fact: 'sex', operator: 'in', value: ['female', 'male', 'other'] };

describe('performance status', () => {
  it('reads the spelled-out ECOG name with a range as one bound', () => {
    expect(conditionOf('Eastern Cooperative Oncology Group (ECOG) performance status 0-1')).toEqual(
      ecog('lessThanInclusive', 1),
    );
  });

  it('reads a list of grades as the worst grade allowed', () => {
    expect(conditionOf('ECOG status of 0, 1 or 2.')).toEqual(ecog('lessThanInclusive', 2));
  });

  it('reads Karnofsky ranges and "or greater"', () => {
    expect(conditionOf('Karnofsky 80-100%')).toEqual(kps('greaterThanInclusive', 80));
    expect(conditionOf('Karnofsky score 60 or greater')).toEqual(kps('greaterThanInclusive', 60));
  });

  it('does not read an "=<" as "<" (the equals sign is part of the comparator)', () => {
    expect(conditionOf('Performance Status Score (ECOG/Zubrod Scale) must be =\\< 2')).toEqual(
      ecog('lessThanInclusive', 2),
    );
  });

  it('reads a second scale in brackets as an alternative', () => {
    expect(conditionOf('Eastern Cooperative Oncology Group (ECOG) performance status ≤ 2 (Karnofsky ≥ 70%)')).toEqual({
      any: [ecog('lessThanInclusive', 2), kps('greaterThanInclusive', 70)],
    });
  });

  it('keeps limits for age groups with their group', () => {
    expect(
      conditionOf(
        'Performance Status: ECOG \\</= 2 for patients \\>/= 16 years old or Lansky play \\>/= 60% for patients \\</=15 years old.',
      ),
    ).toEqual({
      any: [
        { all: [age('greaterThanInclusive', 16), ecog('lessThanInclusive', 2)] },
        { all: [age('lessThanInclusive', 15), kps('greaterThanInclusive', 60)] },
      ],
    });
  });

  it('states the excluding grade in an exclusion', () => {
    expect(conditionOf('ECOG PS \\> 2;', 'exclusion')).toEqual(ecog('greaterThan', 2));
  });

  it('reads grades written as words', () => {
    expect(conditionOf('WHO performance status of two or more', 'exclusion')).toEqual(ecog('greaterThanInclusive', 2));
  });

  it('reads a value-only PDQ line under a "Performance status" heading', () => {
    expect(conditionOf('0-2', 'inclusion', ['PATIENT CHARACTERISTICS', 'Performance status'])).toEqual(
      ecog('lessThanInclusive', 2),
    );
  });

  it('reads no grade from "Poor performance status" (no grade): only the study team\'s question', () => {
    // The level is the protocol's: attestation adequate_performance_status (attest-performance.test.ts), no ecog limit.
    expect(conditionOf('Poor performance status', 'exclusion')).toEqual({
      fact: 'attestation',
      operator: 'equal',
      value: false,
      params: { topic: 'adequate_performance_status' },
    });
  });
});

describe('age', () => {
  it('reads "age 18~40" after a sex subject', () => {
    expect(conditionOf('Female patients, age 18\\~40')).toEqual({
      all: [sex('female'), age('greaterThanInclusive', 18), age('lessThanInclusive', 40)],
    });
  });

  it('reads "> 18 years old" after "must be"', () => {
    expect(conditionOf('Subjects must be \\> 18 years old')).toEqual(age('greaterThan', 18));
  });

  it('reads the time of consent as part of the age ("at the time of signing informed consent")', () => {
    const r = read('≥ 18 years of age at the time of signing informed consent');
    expect(r.condition).toEqual(age('greaterThanInclusive', 18));
    expect(r.unread).toBe('');
  });

  it('decides a 6-month limit for every whole year but the first, which stays unknown', () => {
    expect(
      conditionOf('Between 6 months and \\<18 years of age on day of signing informed consent is documented.'),
    ).toEqual({
      all: [
        {
          any: [
            age('greaterThanInclusive', 1),
            { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'age Between 6 months and <18 years of age' } },
          ],
        },
        age('lessThan', 18),
      ],
    });
  });

  it('does not read a duration as an age ("disease free for more than 5 years")', () => {
    const r = read(
      'Prior invasive non-breast malignancy (except non-melanomatous skin cancer, carcinoma in situ of the cervix) unless disease free for a minimum of 5 years prior to study entry',
      'exclusion',
    );
    expect(r.findingCategories).not.toContain('age');
  });

  it('does not read "adjuvant tamoxifen for 2-3 years" as an age', () => {
    expect(
      read(
        'The patient has received adjuvant Tamoxifen therapy for up to 2-3 years and will switch to receive Aromasin® treatment',
      ).findingCategories,
    ).not.toContain('age');
  });

  it('does not read an age that selects a subgroup for another requirement', () => {
    expect(
      read(
        'Patients ≥ 60 years of age and who have a history of ischemic heart disease, chest pain, or clinically significant atrial and/or ventricular arrhythmias must have a cardiac stress test.',
        'exclusion',
      ).findingCategories,
    ).not.toContain('age');
    expect(
      read('1\\. If ≥ 65 years old, follicle-stimulating hormone (FSH) \\> 40 mIU/mL.', 'exclusion').findingCategories,
    ).not.toContain('age');
  });

  it("does not read somebody else's age or an age at diagnosis", () => {
    expect(
      read(
        'A mother of at least one dependent child, defined as a child \\<18 years of age who lives at least half-time in the home;',
      ).findingCategories,
    ).not.toContain('age');
    expect(read('Participant was \\<19 years of age at the time of diagnosis.').findingCategories).not.toContain('age');
  });

  it('does not read the Cockcroft-Gault "(140 - age)" or a row of an age-banded lab table', () => {
    expect(read('Age 1 to \\< 2 years; 0.6 mg/dL (male); 0.6 mg/dL (female)').findingCategories).not.toContain('age');
  });

  it('keeps per-sex age limits with their sex', () => {
    expect(conditionOf('Female between 18 and 37 years old and male between 18 and 45 years old')).toEqual({
      all: [
        anySex,
        {
          any: [
            { fact: 'sex', operator: 'notEqual', value: 'female' },
            { all: [age('greaterThanInclusive', 18), age('lessThanInclusive', 37)] },
          ],
        },
        {
          any: [
            { fact: 'sex', operator: 'notEqual', value: 'male' },
            { all: [age('greaterThanInclusive', 18), age('lessThanInclusive', 45)] },
          ],
        },
      ],
    });
  });

  it('lets a permitted younger group keep the adult limit from failing on its own', () => {
    const c = conditionOf(
      'Male or female ≥18 years of age on the day of informed consent signing. Adolescent patients aged 12 years and older are allowed with signed assent and parental consent according to institutional guidelines and requirements.',
    );
    expect(JSON.stringify(c)).toContain(
      '"any":[{"fact":"age","operator":"greaterThanInclusive","value":18},{"fact":"unparsed"',
    );
  });
});

describe('sex', () => {
  it('reads a single sex subject', () => {
    expect(conditionOf('Female.')).toEqual(sex('female'));
    expect(conditionOf('Male sex')).toEqual(sex('male'));
  });

  it('reads "male or female" as any sex', () => {
    expect(conditionOf('Male or female')).toEqual(anySex);
  });

  it('does not read a sex that only introduces a reproductive requirement', () => {
    expect(read('Women of childbearing potential must have a negative pregnancy test').findingCategories).not.toContain(
      'sex',
    );
    expect(
      read('Men agree not to father a child during trial treatment and thereafter during 6 months.').findingCategories,
    ).not.toContain('sex');
  });

  it('never excludes everybody: "any sex" and "women who …" are not read in exclusions', () => {
    expect(
      read(
        'Any sex hormonal therapy, e.g., birth control pills, ovarian hormonal replacement therapy, etc. within 2 weeks prior to the collection of cells',
        'exclusion',
      ).findingCategories,
    ).not.toContain('sex');
    expect(read('Women who had undergone hysterectomy.', 'exclusion').findingCategories).not.toContain('sex');
  });

  it('reads a list that names both sexes as any sex', () => {
    expect(
      JSON.stringify(
        conditionOf(
          'Males (≥18 years of age), post-menopausal\\* females or pre-menopausal\\*\\* females with ovarian ablation (as per physician decision).',
        ),
      ),
    ).toContain(JSON.stringify(anySex));
  });
});

describe('life expectancy', () => {
  it("reads the hyphenated spelling, and not another cancer's prognosis", () => {
    expect(conditionOf('Life-expectancy ≥ 3 months')).toEqual({
      fact: 'lifeExpectancyMonths',
      operator: 'greaterThanInclusive',
      value: 3,
    });
    const other = conditionOf(
      'No other malignancies, except if treated with curative intent and with a cancer-related life expectancy of more than 5 years',
      'exclusion',
    );
    expect(JSON.stringify(other ?? {})).not.toContain('lifeExpectancyMonths');
  });

  it('converts weeks into months, rounding a lower bound down', () => {
    expect(conditionOf('Life expectancy ≥ 12 weeks')).toEqual({
      fact: 'lifeExpectancyMonths',
      operator: 'greaterThanInclusive',
      value: 2.7,
    });
  });

  it('reads "at least 3 months" and a bare duration as a minimum', () => {
    expect(conditionOf('Life expectancy of at least 3 months.')).toEqual({
      fact: 'lifeExpectancyMonths',
      operator: 'greaterThanInclusive',
      value: 3,
    });
    expect(conditionOf('Life expectancy 3 months.')).toEqual({
      fact: 'lifeExpectancyMonths',
      operator: 'greaterThanInclusive',
      value: 3,
    });
  });

  it('states the excluding expectancy in an exclusion', () => {
    expect(conditionOf('Life expectancy of less than three months', 'exclusion')).toEqual({
      fact: 'lifeExpectancyMonths',
      operator: 'lessThan',
      value: 3,
    });
  });

  it('converts years and days', () => {
    expect(conditionOf('Life expectancy ≤ 2 years', 'exclusion')).toEqual({
      fact: 'lifeExpectancyMonths',
      operator: 'lessThanInclusive',
      value: 24,
    });
    expect(conditionOf('A life expectancy \\> 30 days.')).toEqual({
      fact: 'lifeExpectancyMonths',
      operator: 'greaterThan',
      value: 0.9,
    });
  });

  it("reads the investigator's judgement with the limit", () => {
    const r = read('Considered by the Investigator to have a life expectancy of ≥6 months.');
    expect(r.condition).toEqual({ fact: 'lifeExpectancyMonths', operator: 'greaterThanInclusive', value: 6 });
    expect(r.unread).toBe('');
  });
});

describe('topics', () => {
  const topics = (text: string): string[] => read(text).categories;

  it('does not count a duration in an other-malignancy criterion as age', () => {
    expect(
      topics(
        'History of prior malignancy within the past 5 years except for curatively treated basal cell carcinoma of the skin',
      ),
    ).not.toContain('age');
  });

  it('does not count the EGFR gene as a lab (eGFR needs a rate or a comparison)', () => {
    expect(topics('Documented EGFR and ALK wild-type status (local or central).')).not.toContain('labs');
    expect(topics('eGFR ≥ 60 mL/min/1.73 m2')).toContain('labs');
  });

  it('does not count "a cancer not expected to impact life expectancy" as life expectancy', () => {
    expect(
      topics('Other malignancy except a cancer not expected to impact life expectancy and not requiring therapy.'),
    ).not.toContain('life_expectancy');
  });

  it('counts a performance-status grade without a scale name', () => {
    expect(topics('PS 0-1')).toContain('performance_status');
    expect(lexicons().performance.ecogKarnofsky).toHaveLength(6);
  });
});

describe('golden lines: performance status, age, sex, life expectancy', () => {
  pinGoldenLines('clinical.lines.json');
});
