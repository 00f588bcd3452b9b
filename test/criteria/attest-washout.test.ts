/**
 * The protocol's own washouts, named without a treatment or a length ("Has adequate treatment washout
 * period prior to Day 1 of Cycle 1"): a question for the study team, attestation(washout_completed).
 * A washout the criterion states itself stays the therapy reader's. Lines are verbatim from the oncology
 * corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz) unless marked as a variant.
 */
import { attest, attestationTopics, readRule, therapy, unparsed } from '../support/criteria';

describe('washout_completed', () => {
  it('reads an inclusion that asks for an adequate washout', () => {
    for (const line of [
      'Has adequate treatment washout period prior to Day 1 of Cycle 1',
      'Has adequate treatment washout period prior to the first dose of trial treatment.',
      'Adequate treatment washout period before randomization.',
    ])
      expect(readRule(line, 'inclusion')).toEqual({ condition: attest('washout_completed', true), unread: '' });
  });

  it('reads an exclusion of an inadequate washout as the washout required', () => {
    expect(readRule('Inadequate treatment washout period before enrollment as specified in the protocol.', 'exclusion')).toEqual({
      condition: attest('washout_completed', false),
      unread: '',
    });
  });

  it('keeps the other alternative of an exclusion beside it', () => {
    const r = readRule(
      'received prior treatment with a licensed or investigative Immune-mobilizing monoclonal T-cell receptor Against Cancer (ImmTAC) medication or who have not completed adequate washout from prior medications.',
      'exclusion',
    );
    // The other alternative stays beside it, joined with "or" in an exclusion: since session 19 it is read
    // ("licensed or investigative" narrows nothing), as a necessary condition beside its unread word.
    expect(r.condition).toEqual({
      any: [{ all: [therapy({ classes: ['t_cell_engager'] }), unparsed('medication')] }, attest('washout_completed', false)],
    });
  });

  it('leaves a washout the criterion states, or says is not needed, to other readers', () => {
    expect(attestationTopics(readRule('Washout period of 14 days since last dose', 'inclusion').condition)).not.toContain('washout_completed=true');
    expect(attestationTopics(readRule('No washout period is required', 'inclusion').condition)).toEqual([]);
    // Variant: a stated length with the word "adequate".
    expect(attestationTopics(readRule('Adequate washout period of at least 4 weeks from prior chemotherapy.', 'inclusion').condition)).not.toContain(
      'washout_completed=true',
    );
  });
});
