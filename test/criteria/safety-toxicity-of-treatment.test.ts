/**
 * Unresolved toxicity named without the treatment it came from: a toxicity, or a recovery from
 * adverse events, is of treatment by its name. An adverse event alone, or another threshold, is not
 * the toxicity_recovered question. Real corpus lines.
 */
import { attest, attestationTopics, readRule } from '../support/criteria';

describe('toxicity of treatment by its name', () => {
  it('reads ongoing toxicities ≥ grade 2 per CTCAE as not recovered', () => {
    expect(
      readRule(
        'Ongoing toxicities ≥ Grade 2 per NCI CTCAE v5.0 (except alopecia, fatigue, sensory neuropathy, or adequately treated endocrine deficiencies)',
        'exclusion',
      ).condition,
    ).toEqual(attest('toxicity_recovered', false));
  });

  it('reads "has not recovered from AEs to at least Grade 1" as not recovered', () => {
    expect(readRule('Has not recovered from AEs to at least Grade 1 by NCI CTCAE', 'exclusion')).toEqual({
      condition: attest('toxicity_recovered', false),
      unread: '',
    });
  });

  it('leaves a recovery to a value of ≤ 2 and a sentence sparing toxicities unread', () => {
    expect(
      readRule(
        'Patients must have recovered from clinical toxicities (resolution of CTCAE (v5) toxicity to a value of ≤ 2).',
        'inclusion',
      ).condition,
    ).not.toEqual(attest('toxicity_recovered', true));
    const c = readRule(
      'Continued adverse events from a previously administered chemotherapeutic agents. Grade 1 adverse events and ongoing toxicities such as alopecia are exempt',
      'exclusion',
    ).condition;
    expect(JSON.stringify(c)).not.toContain('toxicity_recovered');
  });

  it('leaves another threshold unread', () => {
    expect(readRule('Any Grade > 2 unresolved toxicity from prior cCRT or sCRT', 'exclusion').condition).not.toEqual(
      attest('toxicity_recovered', false),
    );
  });
});

describe('toxicities of one grade that must have settled', () => {
  // "All Grade 3 AEs … have returned to Grade 1" lets a grade-2 toxicity remain: narrower than
  // recovery of every toxicity to grade ≤ 1, so not toxicity_recovered.
  it('does not read recovery of grade 3 (or 3-4) toxicities as recovery of all toxicities', () => {
    for (const [line, kind] of [
      [
        'All Grade 3 AEs related to prior therapies have returned to Grade 1 or resolved to baseline (this includes with appropriate therapy in the case of thyroid dysfunction).',
        'inclusion',
      ],
      [
        'Immunotherapy allowed if administered in the adjuvant/neoadjuvant setting, any grade 3-4 prior toxicity must be resolved to grade 0 or at baseline levels.',
        'inclusion',
      ],
    ] as const)
      expect(attestationTopics(readRule(line, kind).condition)).toEqual([]);
  });

  it('still reads a floor of grade 2 and a ceiling of grade 1 for all toxicities', () => {
    expect(
      readRule('Toxicity from previous anti-cancer therapy must have resolved to ≤ Grade 1 or baseline prior to enrollment', 'inclusion').condition,
    ).toEqual(attest('toxicity_recovered', true));
  });
});
