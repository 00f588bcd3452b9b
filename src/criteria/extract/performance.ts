/**
 * Performance status: ECOG / WHO / Zubrod / GOG grades (0–4, same scale) and Karnofsky / Lansky
 * (0–100). "ECOG 0-1", "ECOG ≤ 2", "ECOG performance status of 0 or 1", "KPS ≥ 70%",
 * "Karnofsky 80-100%". The evaluator converts between the scales with rules/performance-status.json,
 * so a rule in either scale can be judged from a record that has the other.
 */
import type { Extractor, Finding } from './extractor';
import { NUMBER, toNumber } from '../numbers';

const ECOG = /\b(?:ECOG|E\.C\.O\.G|WHO|World Health Organi[sz]ation|Zubrod|GOG|Eastern Cooperative Oncology Group)(?:\s*[\w/()-]*){0,2}?\s*(?:performance\s*(?:status|score|scale)?|PS)?(?:\s*\(\s*(?:PS|ECOG)\s*\))?|\bperformance status\b|\bPS\b/gi;
const KPS = /\b(?:Karnofsky|KPS|Lansky|LPS)(?:\s*performance)?(?:\s*(?:status|score|scale|index))?(?:\s*\((?:KPS|LPS)\))?/gi;

const SEP = `(?:\\s*(?:of|is|score|grade|must be|should be|=|:|\\(|\\)|-)\\s*){0,4}`;

type Op = 'greaterThanInclusive' | 'lessThanInclusive' | 'greaterThan' | 'lessThan';

/** Reads the value part after a scale name: "0-1", "0 or 1", "≤ 2", "of 0, 1 or 2", "≥ 70%". */
function readValue(tail: string): { ops: Array<[Op, number]>; length: number } | null {
  const t = tail;
  let m = new RegExp(`^${SEP}(${NUMBER})\\s*%?\\s*(?:-|to|through)\\s*(${NUMBER})\\s*%?`, 'i').exec(t);
  if (m) {
    const a = toNumber(m[1]!);
    const b = toNumber(m[2]!);
    if (a !== null && b !== null && a < b) return { ops: [['greaterThanInclusive', a], ['lessThanInclusive', b]], length: m[0].length };
  }
  m = new RegExp(`^${SEP}((?:${NUMBER})(?:\\s*(?:,|or|and|and/or|/)\\s*(?:${NUMBER}))+)`, 'i').exec(t);
  if (m) {
    const nums = m[1]!.split(/\s*(?:,|or|and\/or|and|\/)\s*/).map(toNumber).filter((n): n is number => n !== null);
    if (nums.length >= 2) return { ops: [['greaterThanInclusive', Math.min(...nums)], ['lessThanInclusive', Math.max(...nums)]], length: m[0].length };
  }
  m = new RegExp(
    `^${SEP}(<=|=<|≤|less than or equal to|equal to or less than|no (?:more|greater) than|not (?:more|greater) than|at most|maximum(?: of)?|up to|>=|=>|≥|greater than or equal to|equal to or greater than|at least|minimum(?: of)?|no less than|not less than|<|less than|below|>|greater than|above|more than)\\s*(${NUMBER})\\s*%?`,
    'i',
  ).exec(t);
  if (m) {
    const v = toNumber(m[2]!);
    if (v === null) return null;
    const w = m[1]!.toLowerCase();
    const op: Op = /<=|=<|≤|less than or equal|equal to or less|no (?:more|greater)|not (?:more|greater)|at most|maximum|up to/.test(w)
      ? 'lessThanInclusive'
      : />=|=>|≥|greater than or equal|equal to or greater|at least|minimum|no less|not less/.test(w)
        ? 'greaterThanInclusive'
        : /<|less than|below/.test(w)
          ? 'lessThan'
          : 'greaterThan';
    return { ops: [[op, v]], length: m[0].length };
  }
  m = new RegExp(`^${SEP}(${NUMBER})\\s*%?\\s*(or (?:less|lower|better|below)|or (?:more|higher|greater|above)|\\+)?`, 'i').exec(t);
  if (m) {
    const v = toNumber(m[1]!);
    if (v === null) return null;
    if (m[2]) return { ops: [[/less|lower|better|below/i.test(m[2]) ? 'lessThanInclusive' : 'greaterThanInclusive', v]], length: m[0].length };
    return { ops: [['greaterThanInclusive', v], ['lessThanInclusive', v]], length: m[0].length };
  }
  return null;
}

export const extractPerformance: Extractor = (input) => {
  const { text } = input;
  const out: Finding[] = [];
  const scan = (re: RegExp, fact: 'ecog' | 'karnofsky', max: number): void => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const nameEnd = m.index + m[0].length;
      if (fact === 'ecog' && /^(?:WHO|GOG|PS)$/i.test(m[0].trim()) && !/performance|\bPS\b/i.test(text.slice(m.index, nameEnd + 30))) continue;
      const value = readValue(text.slice(nameEnd));
      if (!value) continue;
      if (value.ops.some(([, v]) => v > max || v < 0)) continue;
      // Karnofsky scores are multiples of ten; anything else is another number after the name.
      if (fact === 'karnofsky' && value.ops.some(([, v]) => v % 10 !== 0)) continue;
      const leaves = value.ops.map(([operator, v]) => ({ fact, operator, value: v }) as const);
      out.push({
        category: 'performance_status',
        condition: leaves.length === 1 ? leaves[0]! : { all: leaves },
        spans: [[m.index, nameEnd + value.length]],
      });
      re.lastIndex = nameEnd + value.length;
    }
  };
  scan(KPS, 'karnofsky', 100);
  scan(ECOG, 'ecog', 5);
  return out;
};
