/**
 * The NCI template's pregnancy-reporting instruction read as the patient's commitment
 * (pregnancy_reporting), in inclusions only, and a pregnancy stated to be no exclusion read as no
 * pregnancy status. Real corpus lines with the rule they must get, and lines that must not get it.
 */
import { attest, attestationTopics, readRule } from '../support/criteria';

describe('telling the study doctor of a pregnancy (pregnancy_reporting)', () => {
  it('reads the instruction as a commitment in an inclusion', () => {
    expect(
      readRule(
        'Should a woman become pregnant or suspect she is pregnant while she or her partner is participating in this study, she (or the participating partner) should inform the treating physician immediately.',
        'inclusion',
      ),
    ).toEqual({ condition: attest('pregnancy_reporting', true), unread: '' });
    expect(
      readRule('Inform his treating physician immediately should his partner become pregnant while he is participating in this study', 'inclusion', [
        'Sexually active men enrolled on this protocol must agree to:',
      ]),
    ).toEqual({ condition: attest('pregnancy_reporting', true), unread: '' });
    expect(
      readRule('Inform if his partner gets pregnant during this time.', 'inclusion', [
        'Male Participants: during the treatment period and for at least 2 months after the last dose of study treatment, agreement to:',
      ]),
    ).toEqual({ condition: attest('pregnancy_reporting', true), unread: '' });
  });

  it('reads it beside the contraception requirement it closes', () => {
    expect(
      readRule(
        'Women of child-bearing potential and men must agree to use adequate contraception (hormonal or barrier method of birth control; abstinence) prior to study entry, for the duration of study participation, and 6 months after completion of study. Should a woman become pregnant or suspect she is pregnant while participating in this study, she should inform her treating physician immediately.',
        'inclusion',
      ).condition,
    ).toEqual({ all: [attest('contraception', true), attest('pregnancy_reporting', true)] });
  });

  it('does not read it in an exclusion, nor a sentence on what the study then does', () => {
    expect(
      attestationTopics(
        readRule(
          'Pregnancy or breastfeeding. If a woman becomes pregnant or suspects she is pregnant while participating in this study, she should inform her treating physician immediately. Breastfeeding must be discontinued if the mother is enrolled on this study.',
          'exclusion',
        ).condition,
      ),
    ).not.toContain('pregnancy_reporting=true');
    expect(
      attestationTopics(
        readRule(
          'If a participant inadvertently becomes pregnant while on treatment with pembrolizumab, the participant will be immediately discontinued from study intervention(s).',
          'inclusion',
        ).condition,
      ),
    ).not.toContain('pregnancy_reporting=true');
  });
});

describe('a pregnancy stated to be no exclusion', () => {
  it('reads no pregnancy status', () => {
    const r = readRule(
      'Pregnancy (or willing to become pregnant) is NOT an exclusion criteria (unless specified in the respective satellite protocols.',
      'exclusion',
    );
    expect(r.condition).toBeNull();
  });
});
