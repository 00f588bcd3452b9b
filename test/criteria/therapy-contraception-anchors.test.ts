/**
 * A sentence about contraception names drugs only as time anchors ("until 90 days after the last
 * dose of … durvalumab") or as contraceptive methods ("progestogen only hormonal contraception"): the
 * therapy reader reads no treatment requirement there (therapy.ts REPRODUCTIVE_SENTENCE_RE). Read as
 * receipt, these inclusions failed every woman who had never had the study drug or a progestin.
 */
import { leavesOf } from '../../src/criteria/facts';
import { readRule } from '../support/criteria';

const therapyLeaves = (text: string): unknown[] => {
  const { condition } = readRule(text, 'inclusion');
  return condition ? leavesOf(condition).filter((l) => l.fact === 'priorTherapy') : [];
};

describe('drugs named in a contraception sentence', () => {
  it.each([
    [
      'NCT03983954',
      'Women of childbearing potential must agree to use 1 highly effective method of birth control. They should have been stable on their chosen method of birth control for a minimum of 3 months before entering the study until 90 days after the last dose of NAP + durvalumab combination therapy or durvalumab monotherapy.',
    ],
    [
      'NCT03340129',
      'Combined (oestrogen and progestogen) hormonal contraception associated with inhibition of ovulation or progestogen only hormonal contraception associated with inhibition of ovulation.',
    ],
    [
      'NCT05267626',
      'Female patients of childbearing potential must have a negative serum or urine pregnancy test performed within 72 hours prior to the initiation of study drug administration. Female patients of childbearing potential must be willing to use two forms of contraception throughout the study, starting with Screening through 60 days after the last dose of study drug (or 5 months after the last dose of study drug for patients receiving nivolumab). Abstinence is acceptable if this is the established and the preferred contraception method for the patient',
    ],
  ])('are not read as a treatment the patient must have had (%s)', (_id, text) => {
    expect(therapyLeaves(text)).toEqual([]);
    // The contraception requirement itself is still read.
    expect(JSON.stringify(readRule(text, 'inclusion').condition)).toContain('"contraception"');
  });

  it('leaves treatment sentences without contraception words to the reader (NCT06771544)', () => {
    expect(therapyLeaves('Prior Receipt of PD-1/PD-L1 therapy within 9 weeks prior to the first dose of the investigational therapy.')).toHaveLength(1);
  });
});
