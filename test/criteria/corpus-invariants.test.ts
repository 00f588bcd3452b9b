/**
 * Invariants every rule of the recorded oncology corpus must keep, whatever a reader gets wrong:
 * - no conjunction the patient must meet asks one finding true and false, two values of one result, or ranges that do not meet
 *   (parse.ts withoutContradictions / the pre-check in readCriterion): such a rule fails every patient;
 * - no exclusion excludes, on a cancer type alone, every patient its trial's inclusion requires
 *   (parse.ts selfExclusions): no criteria list means to exclude its whole population.
 */
import { isLeaf, type Condition, type LeafCondition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { parseCriteria } from '../../src/criteria/parse';
import { fixtureStudies, nctIdOf } from '../support/studies';

const studies = fixtureStudies().map((s) => ({
  id: nctIdOf(s),
  criteria: parseCriteria((s as { protocolSection: { eligibilityModule?: { eligibilityCriteria?: string } } }).protocolSection.eligibilityModule?.eligibilityCriteria),
}));

/** Leaves every patient must meet: through "all", and an "any" of one. */
function required(c: Condition, out: LeafCondition[] = []): LeafCondition[] {
  if (isLeaf(c)) out.push(c);
  else if ('all' in c) c.all.forEach((x) => required(x, out));
  else if (c.any.length === 1) required(c.any[0]!, out);
  return out;
}

/** Leaves that exclude on their own: through "any", and an "all" of one. */
function sufficient(c: Condition, out: LeafCondition[] = []): LeafCondition[] {
  if (isLeaf(c)) out.push(c);
  else if ('any' in c) c.any.forEach((x) => sufficient(x, out));
  else if (c.all.length === 1) sufficient(c.all[0]!, out);
  return out;
}

const bounds = (l: LeafCondition): [number, number] | null => {
  if (typeof l.value !== 'number') return null;
  const v = l.value;
  return l.operator === 'greaterThanInclusive' ? [v, Infinity] : l.operator === 'greaterThan' ? [v + 1e-9, Infinity] : l.operator === 'lessThanInclusive' ? [-Infinity, v] : l.operator === 'lessThan' ? [-Infinity, v - 1e-9] : null;
};

const codesOf = (l: LeafCondition): string[] =>
  l.fact === 'cancerType' && l.operator === 'equal' && l.value === true ? ((l.params as { codes?: string[] } | undefined)?.codes ?? []) : [];

describe('every rule of the recorded oncology corpus', () => {
  it('parses the corpus', () => {
    expect(studies.length).toBeGreaterThan(700);
    expect(studies.reduce((n, s) => n + s.criteria.length, 0)).toBeGreaterThan(15_000);
  });

  it('never demands of a patient one finding both ways, or ranges that do not meet', () => {
    const clashes: string[] = [];
    for (const s of studies)
      for (const c of s.criteria) {
        const leaves = required(c.rule).filter((l) => l.fact !== 'unparsed');
        const byKey = new Map<string, LeafCondition[]>();
        for (const l of leaves) {
          const key = `${l.fact}|${JSON.stringify(l.params ?? {})}`;
          byKey.set(key, [...(byKey.get(key) ?? []), l]);
        }
        for (const [key, ls] of byKey) {
          const bools = ls.filter((l) => typeof l.value === 'boolean' && l.operator === 'equal').map((l) => l.value);
          const ranges = ls.map(bounds).filter((b): b is [number, number] => !!b);
          const low = Math.max(...ranges.map((r) => r[0]));
          const high = Math.min(...ranges.map((r) => r[1]));
          // Two different values of one result ("HER2 IHC 0" and "HER2 IHC 1+" together).
          const values = new Set(ls.filter((l) => l.operator === 'equal' && typeof l.value !== 'boolean').map((l) => JSON.stringify(l.value)));
          if ((bools.includes(true) && bools.includes(false)) || low > high || values.size > 1) clashes.push(`${s.id} ${c.id} ${key}`);
        }
      }
    expect(clashes).toEqual([]);
  });

  it('never excludes, on a cancer type alone, the cancer its own inclusion criteria require', () => {
    const lex = lexicons();
    const selfExcluding: string[] = [];
    for (const s of studies) {
      const included = new Set(s.criteria.filter((c) => c.kind === 'inclusion').flatMap((c) => required(c.rule).flatMap(codesOf)));
      const covers = (code: string): boolean => [...included].some((i) => i === code || !!lex.cancerAncestors.get(i)?.has(code));
      for (const c of s.criteria) if (c.kind === 'exclusion' && sufficient(c.rule).some((l) => codesOf(l).some(covers))) selfExcluding.push(`${s.id} ${c.id}`);
    }
    expect(selfExcluding).toEqual([]);
  });
});
