/**
 * A qualifier naming a kind of the condition ("transmural", "new-onset"): the condition stays
 * necessary and the kind is left to a coordinator as an unparsed leaf. Real corpus lines.
 */
import { cond, readRule, unparsed } from '../support/criteria';

describe('kind qualifiers beside a condition', () => {
  it('keeps "transmural" beside a myocardial infarction and its window', () => {
    expect(readRule('Transmural myocardial infarction within the last 6 months;', 'exclusion', ['Severe, active co-morbidity defined as follows:'])).toEqual({
      condition: { all: [cond({ names: ['myocardial_infarction'], withinYears: 0.5 }), unparsed('Transmural')] },
      unread: '',
    });
  });

  it('keeps "new-onset" beside angina in a list', () => {
    const rule = readRule(
      'Unstable angina (anginal symptoms at rest), or new-onset angina (begun within the last 3 months), or myocardial infarction within the 6 months prior to enrollment, or',
      'exclusion',
    ).condition;
    expect(rule).toEqual({
      any: [
        cond({ names: ['unstable_angina'] }),
        { all: [cond({ names: ['angina'] }), unparsed('new-onset')] },
        cond({ names: ['myocardial_infarction'], withinYears: 0.5 }),
      ],
    });
  });

  it('still leaves unread a kind beside another restricting word', () => {
    expect(
      readRule(
        'Congestive heart failure, active coronary artery disease, unevaluated new onset angina within 3 months or unstable angina, or clinically significant cardiac arrhythmias.',
        'exclusion',
      ).unread,
    ).toBe('unevaluated new onset angina within 3');
  });
});
