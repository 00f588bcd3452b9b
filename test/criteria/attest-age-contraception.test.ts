/**
 * Age stated without the word "age" (a bare range, a second limit, adult, legal or major age, children
 * excluded) and contraception wordings (donation bans, fathering a child, method-list items read with
 * their lead-in). Real corpus lines with the rule they must get, and lines that must not get it.
 */
import type { Condition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import type { CriterionKind } from '../../src/criteria/segment';
import { attest, readRule } from '../support/criteria';

const read = (text: string, kind: CriterionKind = 'inclusion') => readRule(text, kind);
const age = (operator: string, value: number): Condition => ({ fact: 'age', operator, value }) as Condition;
const ageLeaves = (text: string, kind: CriterionKind = 'inclusion') => {
  const c = read(text, kind).condition;
  return c ? leavesOf(c).filter((l) => l.fact === 'age') : [];
};

describe('age without the word age', () => {
  it('reads a criterion that is only a range or limit in years as the age', () => {
    expect(read('18 - 65 years.')).toEqual({
      condition: { all: [age('greaterThanInclusive', 18), age('lessThanInclusive', 65)] },
      unread: '',
    });
    expect(read('≥18 years at the time consent is signed.')).toEqual({
      condition: age('greaterThanInclusive', 18),
      unread: '',
    });
  });

  it('reads a second limit joined to the first, either one excluding', () => {
    expect(read('Age less than 18 and more than 70 years', 'exclusion')).toEqual({
      condition: { any: [age('lessThan', 18), age('greaterThan', 70)] },
      unread: '',
    });
    // A second number that is a duration stays unread.
    expect(ageLeaves('Age > 18 years and > 5 years from diagnosis')).toEqual([age('greaterThan', 18)]);
  });

  it('reads adult, legal age and major age as the subject of the criterion as age ≥ 18', () => {
    expect(read('Participant is an adult (according to the age of majority as defined by local regulations)')).toEqual({
      condition: age('greaterThanInclusive', 18),
      unread: '',
    });
    expect(ageLeaves('persone of major age,')).toEqual([age('greaterThanInclusive', 18)]);
    expect(ageLeaves('Adult subjects able and willing to provide informed consent.')).toEqual([
      age('greaterThanInclusive', 18),
    ]);
  });

  it('does not read adults named inside another requirement', () => {
    expect(
      ageLeaves(
        'First-line treatment of adult patients with intermediate or poor risk advanced renal cell carcinoma (RCC)',
      ),
    ).toEqual([]);
    expect(ageLeaves('Conventional or "adult-type" melanoma')).toEqual([]);
    expect(ageLeaves('Adults unable to consent, individuals who are not yet adults, pregnant women and prisoners will be excluded from this study', 'exclusion')).toEqual([]);
  });

  it('reads children as a whole exclusion, not inside a list whose joining words decide', () => {
    expect(read('Children', 'exclusion')).toEqual({ condition: age('lessThan', 18), unread: '' });
    expect(ageLeaves('Children and pregnancy', 'exclusion')).toEqual([]);
  });

  it('covers the limit restated and reads any age as no limit', () => {
    expect(read('Age ≥18 years (no upper age limit).')).toEqual({ condition: age('greaterThanInclusive', 18), unread: '' });
    expect(read('At least 60 years of age, or older')).toEqual({ condition: age('greaterThanInclusive', 60), unread: '' });
    expect(read('Any age at diagnosis.')).toEqual({ condition: age('greaterThanInclusive', 0), unread: '' });
  });
});

describe('contraception wordings', () => {
  it('reads a donation ban whose verbs share one object', () => {
    expect(
      read(
        'Female subjects must not donate, or retrieve for their own use, ova from the time of screening and throughout the study treatment period, and for at least 7 months after the final study drug administration.',
      ),
    ).toEqual({ condition: attest('contraception', true), unread: '' });
    expect(
      read(
        'Male subjects must not freeze or donate sperm starting at screening and throughout the study period, and at least 4 months after the final study drug administration.',
      ),
    ).toEqual({ condition: attest('contraception', true), unread: '' });
  });

  it('reads not fathering a child and a method to avoid pregnancy as contraception', () => {
    expect(read('Men agree not to father a child during trial treatment and thereafter during 6 months.')).toEqual({
      condition: attest('contraception', true),
      unread: '',
    });
    expect(
      read(
        'Participants of childbearing potential who are unwilling or unable to use an acceptable method to avoid pregnancy for the entire study period and for at least 4 months after the last dose of study treatment',
        'exclusion',
      ),
    ).toEqual({ condition: attest('contraception', false), unread: '' });
    expect(read('Refusal of adequate contraception', 'exclusion')).toEqual({
      condition: attest('contraception', false),
      unread: '',
    });
  });

  it('reads a method-list item together with its lead-in as the contraception requirement', () => {
    for (const item of ['Implants of levonorgestrel.', 'Injectable progestogen.', 'Bilateral tubal ligation/occlusion']) {
      expect(read(`Highly effective contraception methods include: ${item}`)).toEqual({
        condition: attest('contraception', true),
        unread: '',
      });
    }
    expect(
      read(
        'Female subjects of childbearing potential unwilling to use protocol specified method of contraception: Intrauterine device',
        'exclusion',
      ).condition,
    ).toEqual(attest('contraception', false));
  });

  it('covers a method-only line and a method definition that follow the requirement', () => {
    expect(
      read('combined (estrogen and progestogen containing) hormonal contraception associated with inhibition of ovulation\n\n  o oral'),
    ).toEqual({ condition: attest('contraception', true), unread: '' });
    const r = read(
      '1. Female subjects of childbearing potential unwilling to use protocol specified method of contraception during treatment and for an additional 60 days after the last dose of tarlatamab. Contraception methods for female subjects include: Intrauterine device',
      'exclusion',
    );
    expect(r.condition).toEqual(attest('contraception', false));
    expect(r.unread).not.toMatch(/Intrauterine|methods/);
  });

  it('does not stretch the requirement over a later plan to conceive or a pregnancy word', () => {
    const r = read(
      'Sexual abstinence (defined as refraining from heterosexual intercourse during the entire period of risk associated with the study treatments; the reliability of sexual abstinence must be evaluated in relation to the duration of the trial and the preferred and usual lifestyle of the subject) 2. Female subjects who are breastfeeding or who plan to breastfeed while on study through 60 days after the last dose of tarlatamab.\n\n   3\\. Female subjects planning to become pregnant while on study through 60 days after the last dose of tarlatamab.',
      'exclusion',
    );
    // Each status excludes on its own: no conjunction of the plan with breastfeeding.
    expect(JSON.stringify(r.condition)).not.toMatch(/"all"/);
  });

  it('does not read a plan to father a child as agreeing not to', () => {
    expect(read('Men who plan to father a child during the study', 'exclusion').condition).toEqual(
      attest('contraception', false),
    );
  });
});
