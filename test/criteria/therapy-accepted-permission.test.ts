/**
 * "Is accepted" says a treatment is allowed, as "is allowed" does (therapy.ts PERMISSION_RE,
 * PERMITTED_SUBJECT_RE): read before as a receipt beside the unread word "accepted", "Prior targeted
 * therapy is accepted" required targeted therapy and failed every patient who never had it. "Is not
 * accepted" is a post-negation like "is not allowed" (rules/negation.json): the treatment is refused,
 * never required. Made-up lines in the corpus's wording (NCT05856565: "Targeted therapy is
 * accepted before the start of curative treatment with immunotherapy").
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record);

describe('"is accepted" is a permission', () => {
  it('reads "Prior targeted therapy is accepted." as no requirement', () => {
    const { condition } = readRule('Prior targeted therapy is accepted.', 'inclusion');
    expect(condition).toEqual({ any: [therapy({ kinds: ['targeted'] }, false), unparsed('Prior targeted therapy is accepted')] });
    // Never had targeted therapy: eligible.
    expect(judge({ treatments: [] }, condition!)).toBe(true);
  });

  it('reads "is not accepted" as "is not allowed": the treatment refused, never required', () => {
    // Read once as all(chemotherapy, unread "accepted"), it required the chemotherapy the line refuses.
    expect(readRule('Prior chemotherapy is not accepted.', 'inclusion').condition).toEqual(therapy({ kinds: ['chemotherapy'] }, false));
    expect(therapyLeaves(readRule('Prior chemotherapy is not accepted.', 'inclusion').condition)).toEqual(therapyLeaves(readRule('Prior chemotherapy is not allowed.', 'inclusion').condition));
  });
});
