/**
 * Age limits the whole-year age fact cannot decide exactly (2.5 years, months), the upper limit on an
 * age at diagnosis, and numbers that are not the patient's age (a list number after "mL/min.", a
 * definition, a time since menopause, somebody else's age). Real corpus lines with the rule they must
 * get, and lines that must not get an age.
 */
import type { Condition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import type { CriterionKind } from '../../src/criteria/segment';
import { readRule, unparsed } from '../support/criteria';

const age = (operator: string, value: number): Condition => ({ fact: 'age', operator, value }) as Condition;
const ageLeaves = (text: string, kind: CriterionKind = 'inclusion', context: string[] = []): Condition[] => {
  const c = readRule(text, kind, context).condition;
  return c ? leavesOf(c).filter((l) => l.fact === 'age') : [];
};

describe('age limits between whole years', () => {
  it('decides the years either side of 2.5 years and leaves the year it falls in unread', () => {
    expect(
      readRule(
        '2.5 to \\< 18 years of age. Note that the minimum age requirement corresponds to an approximate body weight of 12.5 kg.',
        'inclusion',
      ),
    ).toEqual({
      condition: {
        all: [
          {
            any: [
              age('greaterThanInclusive', 3),
              { all: [age('greaterThanInclusive', 2), unparsed('age 2.5 to < 18 years of age')] },
            ],
          },
          age('lessThan', 18),
        ],
      },
      unread: 'minimum age requirement corresponds to an approximate body weight of 12.5',
    });
  });

  it('reads a lower limit of 6 months as age ≥ 1 or, in the first year, unknown', () => {
    expect(
      readRule('Between 6 months and \\<18 years of age on day of signing informed consent is documented.', 'inclusion')
        .condition,
    ).toEqual({
      all: [
        { any: [age('greaterThanInclusive', 1), unparsed('age Between 6 months and <18 years of age')] },
        age('lessThan', 18),
      ],
    });
  });

  it('keeps whole-year limits in months as plain limits ("≥ 12 months" is age ≥ 1)', () => {
    expect(
      ageLeaves('Patients must be \\>= 12 months and =\\< 21 years of age at the time of study enrollment'),
    ).toEqual([age('greaterThanInclusive', 1), age('lessThanInclusive', 21)]);
  });
});

describe('age at diagnosis', () => {
  it('reads the lower limit and keeps the upper limit on the age at diagnosis as an unparsed leaf', () => {
    expect(readRule('Age at diagnosis: 15-39 years, inclusive', 'inclusion')).toEqual({
      condition: { all: [age('greaterThanInclusive', 15), unparsed('age at diagnosis 15-39 years, inclusive')] },
      unread: '',
    });
    expect(readRule('Age- ≥3 to \\<18 years at time of diagnosis', 'inclusion').condition).toEqual({
      all: [age('greaterThanInclusive', 3), unparsed('age at diagnosis >=3 to <18 years')],
    });
  });
});

describe('numbers that are not the patient age', () => {
  it('does not read a list number after "mL/min." as a minimum age', () => {
    expect(
      ageLeaves(
        'Serum creatinine ≤2.0 × ULN or creatinine clearance ≥45 mL/min. 9. Cardiac ejection fraction \\>45% per screening echocardiogram or multigated acquisition scan.',
      ),
    ).toEqual([]);
  });

  it('does not read a line under an "Age" heading that is not an age', () => {
    expect(
      ageLeaves(
        'At least one lesion not previously irradiated that qualifies as a RECIST 1.1 TL at baseline and can be accurately measured at baseline as ≥10 mm in the longest diameter (except lymph nodes, which must have short axis ≥15 mm) with CT or MRI and is suitable for accurate repeated measurements.',
        'inclusion',
        ['Age'],
      ),
    ).toEqual([]);
  });

  it('does not read an age inside the definition of something else, but does for adults', () => {
    expect(
      ageLeaves(
        'Females must be postmenopausal (defined as ≥45 years of age with at least 12 months of spontaneous amenorrhea) or premenopausal with documented surgical sterilization',
      ),
    ).toEqual([]);
    expect(
      ageLeaves(
        'Male or female adults (defined as ≥ 18 years of age or acceptable age according to local regulations at the time of voluntarily signing of informed consent).',
      ),
    ).toEqual([age('greaterThanInclusive', 18)]);
  });

  it('does not read a time since menopause as an age', () => {
    expect(
      ageLeaves(
        'Female participants must be ≥ 1 year post-menopausal, surgically sterile, or using 1 highly effective form of birth control',
      ),
    ).toEqual([]);
  });

  it("does not read somebody else's age", () => {
    expect(
      ageLeaves(
        'Adults who serve as coaches or leaders of recreational sports (i.e. baseball/softball, soccer, flag football, etc.) teams or developmental programs serving children ages 3 and older',
      ),
    ).toEqual([]);
    expect(
      ageLeaves(
        'Congenital long QT syndrome, family history of long QT syndrome, or unexplained sudden death under 40 years of age in first-degree relatives.',
        'exclusion',
      ),
    ).toEqual([]);
  });

  it('does not require an age the criterion only allows ("this study allows age > 75 years if …")', () => {
    const leaves = ageLeaves(
      'Participants must be ages ≥18. Additionally, participants who are ≥ 65 years of age may need to undergo a cardiology evaluation including a cardiac stress test or coronary computed tomography after which they must be deemed to be low/acceptable risk. Note 2: While age preference will be between 18-75 years, this study allows age \\>75 years if the patient meets eligibility criteria and demonstrates no significant medical comorbidities per PI.',
    );
    expect(leaves).toEqual([age('greaterThanInclusive', 18)]);
  });

  it('still reads the patient age stated plainly', () => {
    expect(ageLeaves('Patients under 18 years of age', 'exclusion')).toEqual([age('lessThan', 18)]);
    expect(ageLeaves('Age ≥18 years at diagnosis of brain metastases')).toEqual([age('greaterThanInclusive', 18)]);
  });
});
