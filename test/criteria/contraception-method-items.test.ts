/**
 * Items listing methods under a contraception requirement are that requirement's methods: read as
 * the requirement, with the polarity of the list they sit in. Real corpus lines.
 */
import { attest, readRule } from '../support/criteria';

describe('contraception methods listed under a requirement', () => {
  const unwilling = [
    'Exceptions',
    '1. Female subjects of childbearing potential unwilling to use protocol specified method of contraception during treatment and for an additional 60 days after the last dose of tarlatamab. Contraception methods for female subjects include:',
  ];

  it('reads a method item of an exclusion as not using contraception', () => {
    expect(readRule('Intrauterine device', 'exclusion', unwilling)).toEqual({ condition: attest('contraception', false), unread: '' });
    expect(
      readRule('Progestogen-only hormonal contraception associated with inhibition of ovulation (oral, injectable, and implantable)', 'exclusion', unwilling).condition,
    ).toEqual(attest('contraception', false));
  });

  it('reads a method item of an inclusion as using contraception', () => {
    expect(readRule('Bilateral tubal ligation', 'inclusion', ['Acceptable methods of contraception are:']).condition).toEqual(attest('contraception', true));
  });

  it('reads no method item without a contraception lead-in', () => {
    expect(readRule('Previous removal of both ovaries (females) or previous removal of both testes or previous vasectomy (males)', 'exclusion').condition).toBeNull();
  });
});
