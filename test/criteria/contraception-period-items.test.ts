/**
 * Items that give the period of a contraception requirement, one per cohort or study drug, under a
 * lead that ends where the period should be ("… from screening until at least:"): each finishes the
 * requirement, read as attestation(contraception). Real corpus lines (NCT04697576).
 */
import { attest, readRule } from '../support/criteria';

const LEAD = 'Women of childbearing potential (WOCBP) must agree to use effective contraceptive methods from screening until at least:';

describe('contraception periods listed under a requirement', () => {
  it('reads a cohort period as the requirement', () => {
    expect(readRule('Cohort 1: 14 days after the surgical resection for subjects in Cohort 1', 'inclusion', [LEAD])).toEqual({
      condition: attest('contraception', true),
      unread: '',
    });
  });

  it('reads a drug period as the requirement, through cohort and drug labels', () => {
    expect(
      readRule('Nivolumab: 5 months after the last dose of either nivolumab or intralesional Flucelvax, whichever is later', 'inclusion', [LEAD, 'Cohort 2:']),
    ).toEqual({ condition: attest('contraception', true), unread: '' });
    expect(
      readRule('3 months after the last dose of either ipilimumab or intralesional Flucelvax', 'inclusion', [
        LEAD,
        'Cohort 2:',
        'Combination ipilimumab with other checkpoint inhibitor: Whichever is later:',
      ]).condition,
    ).toEqual(attest('contraception', true));
  });

  it('leaves an item that states no period unread', () => {
    expect(readRule('Above-bulleted recommendation for nivolumab or pembrolizumab', 'inclusion', [LEAD]).condition).toBeNull();
  });

  it('reads no period without a contraception requirement that leaves its period to the items', () => {
    const period = 'Nivolumab: 5 months after the last dose of nivolumab';
    expect(readRule(period, 'inclusion', ['Women of childbearing potential must use effective contraception.']).condition).not.toEqual(
      attest('contraception', true),
    );
    expect(readRule(period, 'inclusion', ['Patients taking hormonal contraception must discontinue it until:']).condition).not.toEqual(
      attest('contraception', true),
    );
    // A sentence between the lead and the item is not a label: the item may belong to it.
    expect(
      readRule(period, 'inclusion', [LEAD, 'Men must refrain from donating sperm during the study. Washout periods are as follows:']).condition,
    ).not.toEqual(attest('contraception', true));
  });

  it('reads no period in an exclusion', () => {
    expect(readRule('Cohort 1: 14 days after the surgical resection for subjects in Cohort 1', 'exclusion', [LEAD]).condition).toBeNull();
  });
});
