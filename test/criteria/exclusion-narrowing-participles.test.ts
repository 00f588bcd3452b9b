/**
 * In an exclusion, unread words that narrow what was read ("Participation in other clinical trials
 * interfering with the control-program", "Symptomatic neurologic disease compromising normal activities
 * of daily living") make it exclude only with them: all(reading, unknown). Joined with "or", every other
 * trial or every neurologic disease had excluded. Lines verbatim from the corpus (NCT03116412,
 * NCT06831370, NCT07371663).
 */
import { parseCriteria } from '../../src/criteria/parse';

const exclusion = (line: string) => parseCriteria(`Exclusion Criteria:\n\n* ${line}`)[0]!;

describe('a participle narrowing what an exclusion read', () => {
  it.each([
    'Participation in other clinical trials interfering with the control-program.',
    'Symptomatic neurologic disease compromising normal activities of daily living or requiring medications.',
  ])('excludes only with the narrowing words: %s', (line) => {
    const c = exclusion(line);
    expect(c.status).toBe('partial');
    expect('all' in c.rule).toBe(true);
    expect(JSON.stringify(c.rule)).toContain('"fact":"unparsed"');
  });

  it('leaves "or any condition that may affect …" an alternative (NCT07371663)', () => {
    const c = exclusion(
      "Inability to swallow tablets, gastrointestinal dysfunction, or any condition that may affect drug absorption (per investigator's judgment).",
    );
    expect('any' in c.rule).toBe(true);
  });
});
