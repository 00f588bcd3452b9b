/**
 * "Patients may have undergone minor surgical procedures … within the past 3 weeks": a permission
 * (therapy.ts PERMISSION_RE), never a requirement to have had the operation. "may have undergone" and
 * "may have been treated with" say it as "may have received" does. Real corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { attest, criterionRule, therapyLeaves, unparsed } from '../support/criteria';

/** The prior-therapy leaves that ask for the treatment to have been had (a requirement of it). */
const required = (c: Condition): Condition[] => therapyLeaves(c).filter((l) => (l as { value?: unknown }).value === true);

describe('"may have undergone" an operation is a permission', () => {
  it('does not require a recent operation of an inclusion that only allows one (NCT06630611 i27)', () => {
    const rule = criterionRule(
      'Patients may have undergone minor surgical procedures within the past 3 weeks, as long as all toxicities have recovered to grade 1 or less.',
      'inclusion',
    );
    // Before, the rule held priorTherapy(surgery, within 21 days) = true: every patient without a
    // recent operation failed the criterion that lets such operations in.
    expect(required(rule)).toEqual([]);
    expect(rule).toEqual({
      all: [attest('toxicity_recovered', true), unparsed('minor surgical procedures … 3 weeks, as long')],
    });
  });

  it('reads the note that allows minor operations or limited-field radiotherapy as a permission (NCT02830724 i21)', () => {
    const text =
      'Note: Patients may have undergone minor surgical procedures or limited field radiotherapy within the four weeks prior to enrollment, as long as related major organ toxicities have recovered to grade 1 or less.';
    const rule = criterionRule(text, 'inclusion');
    // A patient who had neither passes; one who had either is left to the words, which stay unread.
    expect(rule).toEqual({
      any: [
        { fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds: ['surgery', 'radiation'] } },
        unparsed(text.replace(/\.$/, '')),
      ],
    });
  });

  it('keeps the requirement before the note and reads the note beside it (NCT05155033 i16)', () => {
    const rule = criterionRule(
      'More than four weeks must have elapsed since completion of any prior systemic therapy at the time of enrollment.\n\nNote: Participant may have undergone minor surgical procedures or limited field radiotherapy within the four weeks prior to enrollment, as long as related major organ toxicities have recovered to \\<= grade 1.',
      'inclusion',
    );
    expect(required(rule)).toEqual([]);
    expect(therapyLeaves(rule)).toContainEqual({
      fact: 'priorTherapy',
      operator: 'equal',
      value: false,
      params: { kinds: ['systemic'], withinDays: 28 },
    });
  });
});
