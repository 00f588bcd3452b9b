/**
 * Purposes joined right before a treatment ("receiving adjuvant or palliative immunotherapy"): two
 * intents of the one treatment, not two treatments. Their "or" offers no alternative to the list, so it
 * must not make the list one option among unread others; the pair itself narrows the treatment and
 * stays unread beside it (the setting reader reads a pair only where both words are settings it knows,
 * "neoadjuvant or adjuvant", and those are left to it).
 */
const PURPOSE = String.raw`(?:\(neo\)\s*adjuvant|neo-?adjuvant|adjuvant|perioperative|peri-operative|palliative|curative|definitive|maintenance|salvage)(?:[\s-]intent)?`;
/** A word of the pair no setting names: without one, the pair is the setting reader's. */
const UNSET_PURPOSE_RE = /\b(?:palliative|salvage)\b/i;
const PURPOSE_PAIR_BEFORE_RE = new RegExp(String.raw`(?<!\bnon[\s-]?)\b${PURPOSE}(?:\s*,\s*${PURPOSE})*\s*,?\s*(?:or|and\/or|\/)\s*${PURPOSE}\s*$`, 'i');

/**
 * The span of a purpose pair ending right before a list, or null. `head` is the text before the
 * list, starting at `headAt`.
 */
export function purposePairBefore(head: string, headAt: number): [number, number] | null {
  const m = PURPOSE_PAIR_BEFORE_RE.exec(head);
  if (!m || !UNSET_PURPOSE_RE.test(m[0])) return null;
  return [headAt + m.index, headAt + m.index + m[0].trimEnd().length];
}

/** Purposes (and a pair of them) a current-use cue may stand before: "receiving palliative chemotherapy". */
export const PURPOSE_MODIFIER = String.raw`${PURPOSE}(?:\s*,?\s*(?:or|and\/or|\/)\s*${PURPOSE})?`;
