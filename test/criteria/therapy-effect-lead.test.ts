/**
 * A treatment named for its effect ("radiation-induced", "able to tolerate") is not always a
 * treatment the criterion asks about. Real corpus lines with the reading they must get.
 */
import { readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

describe('the effect of a treatment the patient has', () => {
  it('reads "Had X-induced menopause" as needing X, not as met by anyone without X (NCT04844528)', () => {
    const text = 'Had radiation-induced menopause with last menses >1 year ago';
    expect(readRule(text, 'inclusion').condition).toEqual({ all: [therapy({ kinds: ['radiation'] }), unparsed(text)] });
  });

  it('keeps a permission for those with an effect a gate on the treatment (NCT05607095)', () => {
    const c = readRule(
      'Patients with immunotherapy-related endocrinopathies (e.g. hypothyroidism) stable for at least 6 weeks and controlled with hormonal replacement are allowed.',
      'inclusion',
    ).condition;
    expect(therapyLeaves(c)).toEqual([therapy({ kinds: ['immunotherapy'] }, false)]);
  });
});

describe('tolerating a treatment', () => {
  it('reads being able to tolerate a treatment as no outcome of a prior one (NCT06767306, NCT03646617)', () => {
    expect(
      therapyLeaves(
        readRule('Able to tolerate treatment with immunotherapy as determined by the medical oncologist', 'inclusion')
          .condition,
      ),
    ).toEqual([]);
    expect(
      therapyLeaves(
        readRule('Able to tolerate HFRT (e.g. lie flat and hold position for treatment)', 'inclusion').condition,
      ),
    ).toEqual([]);
  });

  it('still reads being unable to tolerate it as intolerance', () => {
    expect(therapyLeaves(readRule('Unable to tolerate treatment with immunotherapy', 'inclusion').condition)).toEqual([
      therapy({ kinds: ['immunotherapy'], outcome: 'intolerance' }),
    ]);
  });
});
