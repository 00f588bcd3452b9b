/**
 * A limit written inside an exception of an exclusion: "(except low dose warfarin …, as long as the
 * INR is ≤ 2.0)" restates the way in, "except for patients with Gilbert's syndrome, who are excluded
 * if … direct bilirubin > 1.5 × ULN" states the excepted subgroup's own exclusion. Either binds only
 * the subgroup, so the limit must never exclude on its own (it used to exclude everyone with an INR
 * ≤ 2 or a direct bilirubin ≤ 1.5 × ULN). "Eligible unless …" keeps its reading. Corpus lines verbatim.
 */
import type { Condition, LeafCondition } from '../../src/criteria/facts';
import { lab, readRule, uln } from '../support/criteria';

/** Lab leaves that make an exclusion true on their own (reached through any-nodes only). */
function excludesAlone(c: Condition | null): LeafCondition[] {
  if (!c) return [];
  if ('any' in c) return c.any.flatMap(excludesAlone);
  if ('all' in c) return c.all.length === 1 ? excludesAlone(c.all[0]!) : [];
  return c.fact.startsWith('lab') ? [c] : [];
}

describe('limits inside an exception of an exclusion', () => {
  it('never excludes on the INR that lets warfarin users in', () => {
    const r = readRule(
      'Active, bleeding diathesis, or on oral anti-vitamin K medication (except low dose warfarin and acetylsalicylic acid or equivalent, as long as the INR is ≤2.0)',
      'exclusion',
    );
    expect(excludesAlone(r.condition)).toEqual([]);
    expect(JSON.stringify(r.condition)).toContain(JSON.stringify(lab('inr', '{INR}', 'greaterThan', 2)));
  });

  it("keeps the Gilbert subgroup's direct-bilirubin exclusion bound to the subgroup, the right way round", () => {
    const r = readRule(
      "Total bilirubin \\> 1.5 × ULN, except for patients with Gilbert's syndrome, who are excluded if total bilirubin \\> 3.0 × ULN or direct bilirubin \\> 1.5 × ULN",
      'exclusion',
    );
    expect(excludesAlone(r.condition)).toEqual([]);
    const text = JSON.stringify(r.condition);
    expect(text).toContain(JSON.stringify(uln('direct_bilirubin', 'greaterThan', 1.5)));
    expect(text).not.toContain(JSON.stringify(uln('direct_bilirubin', 'lessThanInclusive', 1.5)));
  });

  it('reads "eligible unless CD4 < 350" as excluding HIV with CD4 < 350', () => {
    const r = readRule(
      'Patients with HIV are eligible unless their CD4+ T-cell counts are \\< 350 cells/mcL or they have a history of AIDS-defining opportunistic infection within the 12 months prior to registration. Concurrent treatment with effective ART according to DHHS treatment guidelines is recommended.',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).toContain(JSON.stringify(lab('cd4', '/uL', 'lessThan', 350)));
  });
});
