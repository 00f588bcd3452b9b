/**
 * What a lead-in over items says of them:
 * - over inclusion items, a negative lead-in turns listed treatments into absences, and only its last
 *   sentence introduces them (therapy.ts contextNegated): a negation in an earlier sentence of the
 *   parent belongs to that sentence;
 * - a lead-in that forbids its items ("must not have any of the following:", "none of the
 *   following") makes each an exclusion (segment.ts LIST_FORBIDS), never an alternative to require.
 */
import { parseCriteria } from '../../src/criteria/parse';
import { fixtureStudies, nctIdOf } from '../support/studies';

const eligibility = (id: string): string => {
  const s = fixtureStudies().find((x) => nctIdOf(x) === id) as { protocolSection: { eligibilityModule: { eligibilityCriteria: string } } };
  return s.protocolSection.eligibilityModule.eligibilityCriteria;
};

describe('a negation earlier in the lead-in', () => {
  it('leaves the regimens a patient must be receiving required, not forbidden (NCT07285044)', () => {
    // The parent: "… currently receiving treatment with one of the eligible treatment regimens. …
    // histologic confirmation is not required. … combinations of oral regimens only are not
    // permitted. Patients may receive any combination of any listed medications or regimens".
    const c = parseCriteria(eligibility('NCT07285044')).find((x) => x.kind === 'inclusion' && x.text.startsWith('Eligible regimens'))!;
    expect(c).toBeDefined();
    const leaves = 'any' in c.rule ? c.rule.any : [];
    expect(leaves.length).toBeGreaterThan(10);
    expect(leaves).toContainEqual({ fact: 'priorTherapy', operator: 'equal', value: true, params: { drugs: ['pembrolizumab'] } });
    expect(JSON.stringify(c.rule)).not.toContain('"value":false');
  });
});

describe('a lead-in that forbids its items', () => {
  it('makes each item under "must not have any of the following" an exclusion (NCT05136196)', () => {
    const all = parseCriteria(eligibility('NCT05136196'));
    const lead = 'Participants must not have any of the following criteria due to the possibility of increased risk for tumor bleeding';
    const items = all.filter((c) => c.context?.some((x) => x.startsWith(lead)));
    expect(items.map((c) => c.text)).toEqual(
      expect.arrayContaining(['Prior carotid bleeding', 'Any prior history of bleeding related to the current head and neck cancer']),
    );
    for (const c of items) expect(c.kind).toBe('exclusion');
    // No inclusion requires what the lead-in forbids.
    expect(all.some((c) => c.kind === 'inclusion' && c.text.startsWith(lead))).toBe(false);
  });

  it('reads the treatments under "must not have received any of the following" as exclusions, and keeps "any of the following" alternatives otherwise', () => {
    const forbidding = parseCriteria('Inclusion Criteria:\n\n* Patients must not have received any of the following:\n  * Bevacizumab\n  * Pembrolizumab\n* Age 18 years or older\n');
    expect(forbidding.filter((c) => c.kind === 'exclusion').map((c) => c.rule)).toEqual([
      { all: [{ fact: 'priorTherapy', operator: 'equal', value: true, params: { drugs: ['bevacizumab'] } }] },
      { all: [{ fact: 'priorTherapy', operator: 'equal', value: true, params: { drugs: ['pembrolizumab'] } }] },
    ]);
    // A negation of another clause does not govern the list.
    const clause = parseCriteria('Inclusion Criteria:\n\n* Women must not be pregnant and have either of the following:\n  * Bevacizumab\n  * Pembrolizumab\n');
    expect(clause.every((c) => c.kind === 'inclusion')).toBe(true);
    const offering = parseCriteria('Inclusion Criteria:\n\n* Patients must have received any of the following:\n  * Bevacizumab\n  * Pembrolizumab\n');
    expect(offering).toHaveLength(1);
    expect(offering[0]!.kind).toBe('inclusion');
    expect(offering[0]!.rule).toEqual({
      any: [
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { drugs: ['bevacizumab'] } },
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { drugs: ['pembrolizumab'] } },
      ],
    });
  });
});
