/**
 * An age inside a definition of menopause or childbearing potential belongs to that definition, not
 * to the patient's eligibility. Real corpus lines.
 */
import { leavesOf } from '../../src/criteria/facts';
import { readCondition } from '../support/criteria';

const ageLeaves = (text: string) => {
  const c = readCondition(text, 'inclusion');
  return c ? leavesOf(c).filter((l) => l.fact === 'age') : [];
};

describe('ages inside reproductive definitions', () => {
  it('does not require age > 50 of everyone from a definition of non-childbearing potential', () => {
    expect(
      ageLeaves(
        'Women who are not of childbearing potential are defined as any female who has had a documented hysterectomy, bilateral oophorectomy or bilateral tubal ligation or any female who is post-menopausal (≥ one year without menses and \\>50 years of age in the absence of hormone replacement therapy).',
      ),
    ).toEqual([]);
  });

  it('does not take the age of a "Post-menopausal defined as aged more than 50 years" item', () => {
    expect(ageLeaves('Post-menopausal defined as aged more than 50 years and amenorrheic for at least 12 months following cessation of all exogenous hormonal treatments')).toEqual([]);
  });

  it('still reads the patient age of a sentence that only mentions childbearing potential', () => {
    expect(ageLeaves('Age ≥ 18 years; women of childbearing potential must use contraception.')).toEqual([
      { fact: 'age', operator: 'greaterThanInclusive', value: 18 },
    ]);
  });
});
