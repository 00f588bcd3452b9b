/**
 * A lack of candidacy said with a verb the negation reader takes as its trigger ("are not candidates
 * for", "are not suitable to receive"): the "not" is the lack's own (history-judgement.ts
 * treatment_candidate), so the statement reads the lack once instead of cancelling it and requiring
 * the candidacy the criterion denies. Verbatim corpus lines.
 */
import { attest, attestationTopics, readRule } from '../support/criteria';

describe('a lack of candidacy after "are not"', () => {
  it('reads "who in the opinion of the investigator are not suitable to receive sitagliptin" as not a candidate (NCT07634380)', () => {
    const { condition, unread } = readRule(
      'Participants with documented history of hypoglycemia requiring medical intervention, oral or intravenous carbohydrate ( glucose, dextrose, fruit juice, or any form of glucagon) or who in the opinion of the investigator are not suitable to receive sitagliptin',
      'exclusion',
    );
    // Among exclusions: a patient who is not a candidate is excluded, one who is passes. The history of
    // hypoglycemia, another alternative, stays unread beside it.
    expect(condition).toEqual(attest('treatment_candidate', false));
    expect(unread).toContain('hypoglycemia requiring medical intervention');
  });

  it('no longer requires candidacy for treatment of a patient the criterion lets in for not being a candidate (NCT05107674)', () => {
    const { condition } = readRule(
      'Patients must have disease that is metastatic or unresectable and have received standard treatment options, are not candidates for standard treatment options, or will otherwise be prevented from receiving any standard treatment options.',
      'inclusion',
    );
    expect(attestationTopics(condition)).not.toContain('treatment_candidate=true');
  });
});
