/**
 * The interface every category extractor implements. An extractor reads one criterion and returns
 * findings: a condition over the fact vocabulary (src/criteria/facts.ts), the category it belongs
 * to, and the span of text it accounts for. The assembler (src/criteria/parse.ts) applies negation,
 * joins findings with the criterion's connectives and works out how much of the text was read.
 * Below the interface: helpers several extractors share (token lookup, span merging, polarity).
 */
import type { CriterionKind } from '../segment';
import type { Condition } from '../facts';
import type { Lexicons, Mention } from '../lexicon';
import type { Scopes } from '../negation';
import type { Token } from '../text';

export const CATEGORIES = [
  'cancer_type',
  'stage',
  'biomarker',
  'prior_therapy',
  'performance_status',
  'age',
  'sex',
  'labs',
  'brain_metastases',
  'pregnancy',
  'infection',
  'medical_history',
  'life_expectancy',
  'consent',
  'contraception',
  'other',
] as const;

export type Category = (typeof CATEGORIES)[number];

export interface ExtractInput {
  kind: CriterionKind;
  /** Normalised text of the criterion itself. */
  text: string;
  tokens: Token[];
  mentions: Mention[];
  scopes: Scopes;
  /** Normalised headings and lead-ins above the criterion ("Adequate organ function defined as:"). */
  context: string[];
  /** Lexicon mentions in the context, for criteria that leave their subject to the heading. */
  contextMentions: Mention[];
  lex: Lexicons;
}

export interface Finding {
  category: Category;
  /** The requirement as the text states it, before negation is applied. */
  condition: Condition;
  /** Offsets in `text` this finding accounts for (several pieces allowed). */
  spans: Array<[number, number]>;
  /**
   * Where negation scopes are tested. Omit to use the first span's start. Set `polarityHandled` when
   * the extractor already read the negation itself (e.g. "HER2-negative", "negative pregnancy test").
   */
  anchor?: number;
  polarityHandled?: boolean;
  /**
   * Offsets of words the condition holds as an unparsed leaf (a qualifier no fact expresses). They
   * count as accounted for, but unlike `spans` they do not place the finding among its neighbours.
   */
  cover?: Array<[number, number]>;
  /**
   * A reading to keep only where no other finding lies in this region: a coarse reading of a
   * sentence (a treatment as the gate of what follows it) that a finer one of the same words replaces.
   */
  fallback?: [number, number];
  /**
   * Other categories the condition reads besides `category`: a brain-metastasis finding that holds
   * the patient's steroid use ("treated metastases allowed if off steroids ≥ 14 days") reads prior
   * therapy too, though it stays one finding so the two parts keep the structure the text gives them.
   * Counted only for topics the criterion's text is classified under (parse.ts).
   */
  alsoReads?: Category[];
}

export type Extractor = (input: ExtractInput) => Finding[];

/** Mentions of the given types inside [start, end). */
export function mentionsIn(input: ExtractInput, types: Mention['type'][], start = 0, end = input.text.length): Mention[] {
  return input.mentions.filter((m) => types.includes(m.type) && m.start >= start && m.end <= end);
}

/** Index of the first token starting at or after `pos` (binary search: tokens are in text order). */
export function tokenAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Spans sorted and with overlapping or touching ones joined; empty spans dropped. */
export function mergeSpans(spans: Array<[number, number]>): Array<[number, number]> {
  const sorted = spans.filter(([a, b]) => b > a).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const sp of sorted) {
    const last = out[out.length - 1];
    if (last && sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
    else out.push([sp[0], sp[1]]);
  }
  return out;
}

const MODAL_NEGATION =
  /^(?:must|should|may|shall|can|will)\s+not$|^(?:cannot|can not|not be|must never|should never)$/i;

/**
 * Whether `pos` lies in the scope of a modal negation ("must not", "should not be") inside an
 * exclusion: "Patients must not be pregnant" listed among exclusions states the requirement, and
 * what it excludes is the pregnant patient — the finding keeps its positive form.
 */
export function modalNegationInExclusion(input: ExtractInput, pos: number): boolean {
  if (input.kind !== 'exclusion') return false;
  // The negation nearest before the word decides ("… will not be eligible until … no CNS progression").
  let nearest: { start: number; end: number; trigger: [number, number] } | undefined;
  for (const sc of input.scopes.scopes) {
    if (sc.kind !== 'negated' || pos < sc.start || pos >= sc.end || sc.trigger[1] > pos) continue;
    if (!nearest || sc.trigger[0] > nearest.trigger[0]) nearest = sc;
  }
  if (!nearest || !MODAL_NEGATION.test(input.text.slice(nearest.trigger[0], nearest.trigger[1]))) return false;
  return !/^\s*(?:be\s+)?(?:eligible|enrolled|included|allowed|permitted)\b/i.test(
    input.text.slice(nearest.trigger[1]),
  );
}
