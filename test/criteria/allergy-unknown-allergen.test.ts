/**
 * A severe allergy to "an unknown allergen or any components of the study drugs" (real corpus lines,
 * fixtures/ctgov/studies.oncology.v2.jsonl.gz): the study drugs are one object of two, read as the
 * study-drug question; the reaction of unknown cause stays unread beside it, so the exclusion holds on
 * either. An unknown allergen alone stays unread.
 */
import { parseCriteria } from '../../src/criteria/parse';
import { attest, readRule, unparsed } from '../support/criteria';

describe('a severe allergy to an unknown allergen or to the study drugs', () => {
  it.each([
    ['History of severe allergic reactions to an unknown allergen or any components of the study drugs.', 'NCT05384496'],
    [
      'History of severe hypersensitivity reactions to any unknown allergens or any components of the study drugs (active ingredients or excipients)',
      'NCT06594991',
    ],
  ])('reads the study-drug question beside the unread unknown allergen: %s (%s)', (text) => {
    const { condition, unread } = readRule(text, 'exclusion');
    expect(condition).toEqual(attest('study_drug_severe_allergy', true));
    // The unknown allergen is never dropped: a reaction of unknown cause is not the study-drug question.
    expect(unread).toMatch(/^unknown allergens? or any components/);
  });

  it('leaves an unknown allergen alone unread', () => {
    expect(readRule('History of severe allergic reactions to an unknown allergen.', 'exclusion').condition).toBeNull();
  });

  it('joins the unread words to the question as the criterion joins them: an exclusion on either', () => {
    const [c] = parseCriteria('Exclusion Criteria:\n\n* History of severe allergic reactions to an unknown allergen or any components of the study drugs.');
    expect(c!.status).toBe('partial');
    expect(c!.rule).toEqual({ any: [attest('study_drug_severe_allergy', true), unparsed('unknown allergen or any components')] });
  });
});
