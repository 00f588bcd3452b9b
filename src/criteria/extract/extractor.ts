/**
 * The interface every category extractor implements. An extractor reads one criterion and returns
 * findings: a condition over the fact vocabulary (src/criteria/facts.ts), the category it belongs
 * to, and the span of text it accounts for. The assembler (src/criteria/parse.ts) applies negation,
 * joins findings with the criterion's connectives and works out how much of the text was read.
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
}

export type Extractor = (input: ExtractInput) => Finding[];

/** Mentions of the given types inside [start, end). */
export function mentionsIn(input: ExtractInput, types: Mention['type'][], start = 0, end = input.text.length): Mention[] {
  return input.mentions.filter((m) => types.includes(m.type) && m.start >= start && m.end <= end);
}
