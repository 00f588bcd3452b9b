/**
 * "Can swallow pills normally" (NCT04331093, a real corpus line): being able to swallow tablets, said
 * with "can", is the able_to_swallow question; a condition that affects swallowing is not.
 */
import { attest, readRule } from '../support/criteria';

describe('able to swallow, said with "can"', () => {
  it('reads "Can swallow pills normally." as the swallowing question (NCT04331093)', () => {
    expect(readRule('Can swallow pills normally.', 'inclusion')).toEqual({ condition: attest('able_to_swallow', true), unread: '' });
  });

  it('leaves a condition that affects swallowing to the condition readers (NCT04331093)', () => {
    const { condition } = readRule(
      'Patients with any condition that affects swallowing the drug, and any condition that affects the absorption of the research product in vivo, including any type of gastrointestinal resection or surgery;',
      'exclusion',
    );
    expect(JSON.stringify(condition ?? {})).not.toContain('able_to_swallow');
  });
});
