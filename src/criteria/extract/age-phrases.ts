/**
 * Age phrases, the one reading of an age written as a number shared by the age reader
 * (demographics.ts), the performance-status reader (a scale chosen by age) and the lab reader (a
 * limit for an age band: "GFR ≥ 40 mL/min if < 2 years of age"): "≥ 18 years", "18 to 75 years
 * old", "between 18 and 70", "18 years or older", "6 months and < 18 years". Whether a number is an
 * age at all is each reader's business; this module reads the bounds once it is.
 */
import type { Condition, LeafCondition } from '../facts';
import { toNumber } from '../numbers';
import { COMPARATOR, SUFFIX_COMPARATOR, comparisonOf, type Comparison } from './comparators';

const NUM =
  '(\\d{1,3}(?:\\.\\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty[- ]one|sixty|sixty[- ]five|seventy|seventy[- ]five)';

function value(raw: string): number {
  return toNumber(raw.replace(/-/g, ' ')) ?? NaN;
}

const UNIT = '(years?|yrs?|y|months?|mos?)\\b';
const NUM_UNIT = new RegExp(`^${NUM}\\s*(?:${UNIT})?`, 'i');
const COMP_RE = new RegExp(`^\\s*${COMPARATOR}\\s*`, 'i');
const SUFFIX_RE = new RegExp(`^\\s*(?:(?:years?|yrs?)\\s*)?(?:(?:of\\s+age|old)\\s*)?,?\\s*${SUFFIX_COMPARATOR}`, 'i');

export interface Bound {
  op: Comparison | 'equal';
  years: number;
  months: boolean;
}

export interface AgeRead {
  bounds: Bound[];
  start: number;
  end: number;
  /** The text says "years of age", "years old", "or older": it is an age whatever comes before. */
  framed: boolean;
}

/**
 * One age expression at pos (after optional whitespace): "≥ 18 years", "18 to 75 years old",
 * "between 18 and 70", "18 years or older", "> 18 and < 70 years of age", "6 months and < 18 years".
 */
export function readAgeBound(text: string, pos: number): AgeRead | null {
  const rest = text.slice(pos);
  const lead = /^\s*(?:(?:between|from)\s+)?/i.exec(rest)![0];
  let i = lead.length;
  const bounds: Bound[] = [];
  const one = (): { op: Comparison | null; n: number; unit: string | null; len: number } | null => {
    const s = rest.slice(i);
    const c = COMP_RE.exec(s);
    const afterComp = c ? c[0].length : 0;
    const m = NUM_UNIT.exec(s.slice(afterComp));
    if (!m) return null;
    const n = value(m[1]!);
    if (!Number.isFinite(n)) return null;
    return { op: c ? comparisonOf(c.groups) : null, n, unit: m[2] ?? null, len: afterComp + m[0].length };
  };
  const first = one();
  if (!first) return null;
  i += first.len;
  let firstOp = first.op;
  let firstUnit = first.unit;
  // A range: "18 to 75", "18-75", "18~40", "between 18 and 70", "≥ 18 and ≤ 75", "6 months and < 18 years".
  const join = /^\s*(?:-|–|~|to|through|until|and|&|up\s+to(?:\s+and\s+including)?|<=?|≤)\s*/i.exec(rest.slice(i));
  let second: ReturnType<typeof one> = null;
  if (join) {
    const save = i;
    i += join[0].length;
    second = one();
    const inclusiveJoin = /<=|≤/.test(join[0]) ? 'lessThanInclusive' : /</.test(join[0]) ? 'lessThan' : null;
    if (second && inclusiveJoin && second.op === null) second = { ...second, op: inclusiveJoin };
    if (second && (second.op === null || second.op === 'lessThan' || second.op === 'lessThanInclusive')) {
      i += second.len;
    } else {
      second = null;
      i = save;
    }
  }
  const unitAfter = second?.unit ?? firstUnit;
  if (!firstUnit) firstUnit = unitAfter;
  const months = (u: string | null): boolean => !!u && /^mo/i.test(u);
  if (second) {
    if (!firstOp) firstOp = 'greaterThanInclusive';
    bounds.push({ op: firstOp, years: first.n, months: months(firstUnit) });
    bounds.push({ op: second.op ?? 'lessThanInclusive', years: second.n, months: months(second.unit ?? unitAfter) });
  } else {
    const suffix = SUFFIX_RE.exec(rest.slice(i));
    if (suffix && !firstOp) {
      firstOp = comparisonOf(suffix.groups);
      i += suffix[0].length;
    }
    bounds.push({ op: firstOp ?? 'equal', years: first.n, months: months(firstUnit) });
  }
  // "years of age", "years old", "(inclusive)"
  const tail =
    /^\s*(?:[-\s]*(?:years?|yrs?|y)\b)?\s*(?:of\s+age|old|-old)?(?:\s*\(\s*y\/o\s*\))?(?:\s*\(\s*including\s+\d+\s*(?:years?\s*)?(?:old|of\s+age)?\s*\))?(?:\s*,?\s*(?:\(\s*)?(?:inclusive|including\s+(?:the\s+)?boundary\s+values?|both\s+inclusive|included)(?:\s*\))?)?/i.exec(
      rest.slice(i),
    );
  if (tail) i += tail[0].length;
  const ok =
    bounds.every((b) => b.years >= 0 && b.years <= 120) &&
    !(bounds.length === 2 && !bounds[0]!.months && !bounds[1]!.months && bounds[0]!.years >= bounds[1]!.years);
  if (!ok) return null;
  const framed = /\b(?:of\s+age|old|or\s+older|and\s+older|y\/o)\b/i.test(rest.slice(0, i));
  return { bounds, start: pos + (/^\s*/.exec(rest)?.[0].length ?? 0), end: pos + i, framed };
}

/** Whole-year leaves for bounds, rounded so the rule is never stricter than written. */
export function ageLeaves(bounds: Bound[]): LeafCondition[] {
  const out: LeafCondition[] = [];
  for (const b of bounds) {
    if (b.op === 'equal') continue;
    let v = b.months ? b.years / 12 : b.years;
    let op: Comparison = b.op;
    if (!Number.isInteger(v)) {
      if (op === 'greaterThanInclusive' || op === 'greaterThan') {
        v = Math.floor(v);
        op = 'greaterThanInclusive';
      } else if (op === 'lessThan') v = Math.ceil(v);
      else v = Math.floor(v);
    }
    if ((op === 'greaterThanInclusive' && v <= 0) || (op === 'greaterThan' && v < 0)) continue;
    out.push({ fact: 'age', operator: op, value: v });
  }
  return out;
}

/** The words that open an age band as a subgroup: "patients aged", "children who are", "those". */
const SUBGROUP_LEAD = /^(?:(?:patients?|participants?|subjects?|children|those|individuals?)\s+)?(?:(?:who\s+are|aged?)\s+)?/i;
/** A subgroup phrase cut short before its age band ("for patients aged" … "1 to < 2 years"). */
const SUBGROUP_LEAD_ONLY = /^(?:(?:patients?|participants?|subjects?|children|those|individuals?)\s*)?(?:(?:who\s+are|aged?)\s*)?$/i;
const UNIT_WRITTEN = /\b(?:years?|yrs?|months?)\b/i;

export function isAgeSubgroupLead(phrase: string): boolean {
  return SUBGROUP_LEAD_ONLY.test(phrase);
}

/**
 * An age band as a subgroup, the whole phrase: "< 2 years of age", "patients aged 1 to < 2 years",
 * "children ≥ 12 years old". Whole years only (months that make whole years): the age fact is in
 * whole years, and a band between them is left to the age reader's own unread handling, not guessed
 * here. The unit must be written: a bare "≥ 12" is not an age.
 */
export function ageSubgroup(phrase: string): Condition | null {
  const lead = SUBGROUP_LEAD.exec(phrase)![0];
  const read = readAgeBound(phrase, lead.length);
  if (!read || read.end !== phrase.length || !UNIT_WRITTEN.test(phrase.slice(read.start, read.end))) return null;
  const leaves: LeafCondition[] = [];
  for (const b of read.bounds) {
    if (b.op === 'equal' || (b.months && b.years % 12 !== 0)) return null;
    leaves.push({ fact: 'age', operator: b.op, value: b.months ? b.years / 12 : b.years });
  }
  if (leaves.length === 2 && (leaves[0]!.value as number) >= (leaves[1]!.value as number)) return null;
  return leaves.length === 1 ? leaves[0]! : { all: leaves };
}
