/**
 * A condition on one treatment a count of lines names as included: "at least two prior systemic
 * therapies including brentuximab vedotin (if eligible) and a prior PD-1 inhibitor". The "if" binds the
 * named treatment only (it is required where the patient was eligible for it); the count itself stays a
 * plain requirement, so the lines reader (therapy.ts `readLines`) need not give the whole sentence up
 * as conditional for it. The named treatments are left to the list reader (or unread beside the count).
 *
 * Only a parenthesis of a bare condition ("(if eligible)", "(if available)", "(where indicated)") that
 * follows "including / containing / such as" after the count: one right after the counted noun ("at
 * least one standard therapy (if available)") conditions the count and is kept.
 *
 * So is an optional partner of a treatment the count names as included: "≥2 prior lines of therapy
 * that include platinum-based chemotherapy with or without anti-PD-1 therapy", "1 prior line of
 * systemic therapy including a fluoropyrimidine plus oxaliplatin with or without bevacizumab". The
 * partner is optional to that treatment (the list reader drops it); it makes neither the count nor the
 * named treatment conditional.
 */
const ITEM_CONDITION_RE =
  /\(\s*(?:only\s+)?(?:if|when|where)\s+(?:(?:clinically|medically)\s+)?(?:eligible|available|applicable|indicated|appropriate|approved|feasible|tolerated)\s*\)/gi;
/** "with or without", "±", "+/-": the words that open an optional partner. */
const OPTIONAL_PARTNER_RE = /\bwith\s+or\s+without\b|±|\+\/-/gi;
const INCLUDED_RE = /\b(?:including|includ(?:e|es|ed)|containing|contain(?:s|ed)?|such\s+as)\b/i;

/** `sentence` with each such condition after offset `countEnd` (in the sentence) blanked (same length). */
export function maskItemConditions(sentence: string, countEnd: number): string {
  const blank = (m: string, at: number): string => (at > countEnd && INCLUDED_RE.test(sentence.slice(countEnd, at)) ? ' '.repeat(m.length) : m);
  return sentence.replace(ITEM_CONDITION_RE, blank).replace(OPTIONAL_PARTNER_RE, blank);
}
