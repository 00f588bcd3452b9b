/**
 * Steroids and immunosuppressants taken now or recently: wordings of supportive care that the main
 * therapy reader (therapy.ts) reads with these helpers. Only the receipt in a past window or now is a
 * fact (priorTherapy with classes corticosteroid / immunosuppressant); a dose ("> 10 mg prednisone
 * equivalent"), a need still to come ("… or during the study") and the condition the care treated stay
 * unread. A query naming only supportive care is never false on a record that does not list it, so
 * these readings cannot clear a patient the text would exclude; they must still never be broader than
 * the text where they exclude.
 */

/** A past window ("within 14 days", "=< 14 days prior to registration") ending right before "or". */
const PAST_WINDOW_THEN_OR_RE =
  /\b(?:within|in\s+the\s+(?:last|past|previous|preceding)|(?:=?<|≤|<=)\s*)\s*(?:the\s+)?(?:last\s+|past\s+)?\d+\s*(?:days?|weeks?|wks?|months?)(?:\s+(?:(?:prior\s+to|before|preceding|of)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,4}?))?\s*,?\s*(?:or|and\/or)\s+$/i;

/**
 * "Requirement for systemic corticosteroids (> 10 mg prednisone equivalent) within 14 days or during the
 * study": the need during the study is an alternative to the need in the past window, which alone is a
 * fact of the record. True when the only future conduct after the list follows such a window as its
 * "or" alternative, so the receipt in the window is read and the future need stays unread.
 * `after` is the text from the list's end to the sentence end; `future` the reader's future-conduct
 * pattern.
 */
export function futureAfterPastWindow(after: string, future: RegExp): boolean {
  const m = future.exec(after);
  if (!m) return false;
  // Nothing but the window and the list's own modifiers (a dose in brackets) before it: no sentence break.
  const before = after.slice(0, m.index);
  if (/[.;]\s/.test(before)) return false;
  return PAST_WINDOW_THEN_OR_RE.test(before);
}

/**
 * "or a requirement for", "or (a) (documented history of a) syndrome / condition that requires", "or any
 * other condition that required": the determiners may pair ("any other"), as "other" alone says the
 * condition is another than the one named before the "or".
 */
const REQUIREMENT_VERB = String.raw`\b(?:or|and\/or)\s+(?:(?:an?|any|the)\s+)?(?:other\s+)?(?:(?:current|ongoing|chronic)\s+)?(?:requirements?\s+for|(?:(?:documented\s+)?history\s+of\s+(?:an?\s+)?)?(?:(?:medical|clinical)\s+)?(?:syndromes?|conditions?|disorders?|illness(?:es)?)\s+(?:(?:that|which)\s+)?(?:(?:has|have|had)\s+)?(?:requir\w*|necessitat\w*|need(?:s|ed)?))\s+`;

/**
 * "An active autoimmune disease or a requirement for chronic systemic steroid therapy … within 14 days",
 * "Active autoimmune disease … or a syndrome that requires systemic steroids or immunosuppressive
 * agents": the requirement heads an alternative of its own, whose subject is no named condition, so the
 * condition named before the "or" is not what required the care (as it is in "autoimmune disease
 * requiring systemic steroids", which the history reader reads). Returns where the requirement's own
 * clause starts (the offset of its "or"), or `s` when it has none. The words after the verb may run on
 * (a dose in brackets, a first member of the union): any condition they name is still seen by the
 * caller's check from that offset.
 */
const REQUIREMENT_CLAUSE_RE = new RegExp(REQUIREMENT_VERB + String.raw`(?:[^.;()]|\([^()]{0,120}\)){0,160}$`, 'i');
export function requirementClauseStart(text: string, s: number, at: number): number {
  const m = REQUIREMENT_CLAUSE_RE.exec(text.slice(s, at));
  return m ? s + m.index : s;
}

/**
 * Whether the list is the direct object of such a requirement ("…, or a syndrome that requires systemic
 * steroids or immunosuppressive agents"), with only a few plain words between the verb and the list
 * (no comma, no other member): the requirement is then the list's, as "requiring" right before it is.
 */
const REQUIREMENT_HEADS_RE = new RegExp(REQUIREMENT_VERB + String.raw`(?:(?!or\b|and\b)[\w-]+\s+){0,5}$`, 'i');
export function requirementHeadsList(text: string, s: number, at: number): boolean {
  return REQUIREMENT_HEADS_RE.test(text.slice(s, at));
}

/**
 * "Has a diagnosis of immunodeficiency or use of systemic steroids > 10 mg/day": after "or", the use of
 * supportive care heads an alternative of its own, as "or is receiving" does. Only for lists of
 * supportive care, whose use is what is asked.
 */
export const SUPPORTIVE_CLAUSE_RESTART_RE = /[\s\S]*\b(?:or|and\/or)\s+(?=(?:(?:current|ongoing|chronic|concurrent|concomitant|recent)\s+)?(?:use|usage|intake)\s+of\b)/i;

/**
 * "The use of physiologic doses of corticosteroids may be approved after consultation with the
 * Sponsor": a sentence that grants supportive care on a case-by-case basis carves an exception out of
 * another sentence's exclusion of it, like "is permitted" does, so the exclusion of the same care is
 * read as necessary only (its receipt with the rest unread), never as sufficient.
 */
export const SUPPORTIVE_GRANT_RE = /\b(?:may|can|could|might)\s+be\s+(?:approved|granted|considered|discussed|evaluated)\b|\bat\s+the\s+discretion\s+of\b|\bcase[\s-]+by[\s-]+case\b/i;
