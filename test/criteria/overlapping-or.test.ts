/**
 * Two findings whose words overlap (a statement reaching back over a window's words) are still
 * joined by the "or" that opens the second one's clause: in an exclusion either one excludes.
 * Verbatim corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { parseCriteria } from '../../src/criteria/parse';

const exclusion = (line: string): Condition => parseCriteria(`Exclusion Criteria:\n\n* ${line}`)[0]!.rule as Condition;

describe('an "or" right after a finding that the next one overlaps', () => {
  it.each([
    ['Received prior radiotherapy within 2 weeks of start of study intervention or has ongoing radiation related toxicities.'],
    ['Participants who have had major surgery or radiotherapy ≤ 14 days prior to start of study treatment or who have not recovered from side effects of such procedure.'],
  ])('excludes on either the recent treatment or the toxicity: "%s"', (line) => {
    const rule = exclusion(line);
    expect('any' in rule).toBe(true);
    const members = 'any' in rule ? rule.any : [];
    expect(members).toContainEqual(expect.objectContaining({ fact: 'priorTherapy', params: expect.objectContaining({ withinDays: 14 }) }));
    expect(members).toContainEqual({ fact: 'attestation', operator: 'equal', value: false, params: { topic: 'toxicity_recovered' } });
  });
});
