/**
 * Standard-therapy routes in the corpus's further wordings: progression timed by the last dose
 * ("progressed while receiving or after of the last administration of their last line of standard
 * therapy"), a parenthesis after the verb ("progressed (radiological progression) on"), an anaphoric
 * object ("any of these standard treatments"), and standard therapy already received as one route of
 * a list ("must have received or not be eligible for …"). Real corpus lines with the reading they must
 * get, and lines that must stay unread: routes that are all required, a route offered after an
 * alternative no statement reads, and progression on a treatment not named standard.
 */
import { lexicons } from '../../src/criteria/lexicon';
import { attest, attestationTopics, readRule } from '../support/criteria';

const stdTopics = (line: string): string[] =>
  attestationTopics(readRule(line, 'inclusion').condition).filter((t) => /^(?:standard_therapy_|no_standard_option)/.test(t));

describe('progression and intolerance of the last line of standard therapy', () => {
  it('reads progression timed by the last administration, or intolerance of "any of these standard treatments" (NCT07376707)', () => {
    expect(
      readRule(
        'Subjects must have progressed while receiving or after of the last administration of their last line of standard therapy or be unable to tolerate any of these standard treatments.',
        'inclusion',
      ),
    ).toEqual({
      condition: { any: [attest('standard_therapy_failed', true), attest('standard_therapy_intolerant', true)] },
      unread: '',
    });
  });

  it('reads a progression whose kind is said in parentheses before "on" (NCT05655312)', () => {
    expect(stdTopics('Previously progressed (radiological progression) on at least one approved systemic therapy for advanced melanoma')).toEqual([
      'standard_therapy_failed=true',
    ]);
  });
});

describe('standard therapy received, one route of a list', () => {
  it('reads "must have received or not be eligible for" beside the disease state the criterion also requires (NCT03686124)', () => {
    const { condition } = readRule(
      'Patients must have recurrent/progressing and/or refractory solid tumors and must have received or not be eligible for all available indicated standard of care treatment.',
      'inclusion',
    );
    expect(condition).toMatchObject({ all: expect.arrayContaining([{ any: [attest('standard_therapy_received', true), attest('standard_therapy_ineligible', true)] }]) });
  });

  it('reads standard therapy received as the requirement itself (NCT04282044, NCT07193966, NCT06739226)', () => {
    for (const line of [
      'Patients with melanoma have received standard first-line therapy and have been diagnosed with non-resectable, metastatic, progressive or recurrent conditions.',
      'Subjects with Ovarian cancer must have received at least one prior standard of care for their relapsed or refractory disease, which must include a platinum-based regimen.',
      'Patients with tumors have received standard first-line therapy and have been diagnosed with non-resectable, metastatic, progressive or recurrent conditions.',
    ])
      expect(stdTopics(line)).toEqual(['standard_therapy_received=true']);
  });

  it('asks a question of its own for standard therapy received', () => {
    const topics = new Map(lexicons().attestations.topics.map((t) => [t.id, t.question]));
    expect(topics.get('standard_therapy_received')).toMatch(/standard treatment.*\?$/);
  });
});

describe('what stays unread', () => {
  it('leaves routes that are each required in their own clause (NCT07070518)', () => {
    expect(
      stdTopics(
        'Previously treated, histologically-confirmed advanced solid malignancy with progressive disease requiring therapy (Refractory or intolerant to standard therapies, must have received the standard of care therapy)',
      ),
    ).toEqual([]);
  });

  it('leaves a route offered after an alternative no statement reads (NCT05379985)', () => {
    expect(stdTopics('Treatment naive or have received prior standard therapy appropriate for tumor type and stage')).toEqual([]);
  });

  it('leaves a progression on a treatment not named standard (NCT06209580)', () => {
    expect(
      stdTopics(
        '3\\. Patients who have undergone at least one systemic therapy and have radiologically or clinically determined progressive disease (PD) during or after most recent line of therapy, and for whom no further standard therapy is available, or who are intolerable to standard therapy.',
      ),
    ).toEqual([]);
  });
});
