/**
 * Where the steroid clause of a brain-metastasis criterion stands. history-brain.ts reads a
 * steroid-free requirement ("Subjects must be off steroids for at least 2 weeks") only in a sentence
 * of its own that does not name the metastases again; these helpers find such clauses inside longer
 * texts.
 */
import type { Span } from './history-util';

/**
 * The start of an enumerated item inside a sentence: " b) ", " (c) ", " ii) ", " 3) ". Only a single
 * letter, a short roman numeral or a one- or two-digit number counts, right after whitespace and
 * before whitespace, so "(SERM)" or "≤ 10 mg)" are no item starts.
 */
const ITEM_START = /(?<=\s)\(?(?:[a-h]|i{1,3}|iv|vi{0,3}|\d{1,2})\)\s+(?=\S)/gi;

/**
 * The items of an enumerated list written as one sentence ("… exceptions: a) … allowed. b) Subjects
 * must be off steroids for at least 2 weeks prior to initiation of investigational therapy c)
 * Subjects with signs or symptoms of brain metastases are not eligible …"): each item states one
 * condition, so a steroid-free requirement in one is not the statement of the metastases named in
 * the next. Returns [from, to) itself when the sentence holds no item start after its first word.
 */
export function listItems(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let start = from;
  ITEM_START.lastIndex = 0;
  const part = text.slice(from, to);
  for (let m = ITEM_START.exec(part); m; m = ITEM_START.exec(part)) {
    const at = from + m.index;
    if (at <= start) continue;
    out.push([start, at]);
    start = at;
  }
  out.push([start, to]);
  return out;
}
