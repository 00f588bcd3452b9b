/**
 * "Any prior systemic non-hormonal anti-cancer therapy", "systemic non-hormonal treatment": systemic
 * anticancer therapy with the hormonal kind left out, priorTherapy(kinds systemic, except hormonal).
 * The lexicon reads "hormonal anti-cancer therapy" as the hormonal kind, which the "non-" before it
 * negates; the "systemic" before that names what remains. Only with "systemic" said: a bare
 * "non-hormonal anti-cancer therapy" may be radiotherapy or surgery as well, which no systemic
 * reading holds. Only where the kind phrase is the kind word and a generic head ("hormonal therapy",
 * "hormonal anti-cancer treatment"), so the negation covers the whole of it.
 */
const KIND_PHRASE_RE: Record<string, RegExp> = {
  hormonal: /^(?:hormonal|hormone|endocrine)(?:\s+(?:anti-?\s?cancer|anti-?\s?neoplastic|anti-?\s?tumou?r))?\s+(?:therap(?:y|ies)|treatments?)$/i,
};
const SYSTEMIC_NON_BEFORE_RE = /\bsystemic\s+non[\s-]?$/i;

/** Where "systemic non-" starts before the kind phrase at [start, end), or null. */
export function systemicNonKindAt(text: string, from: number, start: number, end: number, kind: string): number | null {
  const phrase = KIND_PHRASE_RE[kind];
  if (!phrase || !phrase.test(text.slice(start, end))) return null;
  const before = SYSTEMIC_NON_BEFORE_RE.exec(text.slice(Math.max(from, start - 20), start));
  return before ? start - before[0].length : null;
}
