/**
 * A contraception method item named by its spermicide ("cap, diaphragm or sponge with spermicide", an
 * item of the DETERMINE master protocol's list of effective methods, NCT05768178 and NCT05770102): read
 * as the contraception requirement itself, as its sibling items ("male or female condom with or
 * without spermicide") are; a spermicide named as not acceptable stays a definition.
 */
import { parseCriteria } from '../../src/criteria/parse';
import { attest, readRule } from '../support/criteria';

describe('spermicide names a contraception method', () => {
  it.each(['cap, diaphragm or sponge with spermicide', 'cap, diaphragm or sponge with spermicide.'])('reads "%s" as the contraception question', (text) => {
    expect(readRule(text, 'inclusion')).toEqual({ condition: attest('contraception', true), unread: '' });
  });

  it('files the item under contraception', () => {
    const [c] = parseCriteria('Inclusion Criteria:\n\n* cap, diaphragm or sponge with spermicide');
    expect(c!.categories).toContain('contraception');
    expect(c!.categoriesRead).toContain('contraception');
  });

  it('reads a list of methods with spermicide items in full (NCT04697576)', () => {
    const text =
      'Effective contraception methods are defined as one of the following: * True abstinence, defined as refraining from heterosexual intercourse, when this is in line with the preferred and usual lifestyle of the subject * Periodic abstinence (e.g., calendar, ovulation, symptothermal, post-ovulation methods), declaration of abstinence for the duration of a trial, and withdrawal are not acceptable methods of contraception * Condoms and spermicide * Diaphragm and spermicide * Oral or implanted hormonal contraceptive * An intra-uterine device';
    expect(readRule(text, 'inclusion').unread).not.toContain('spermicide');
  });
});
