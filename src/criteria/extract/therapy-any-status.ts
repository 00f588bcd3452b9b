/**
 * "An approved or investigational anti-PD-1 antibody", "licensed or investigative anti-HER2 agents",
 * "investigational or approved X": the pair names both regulatory statuses a drug can have, so it
 * narrows nothing — the treatment is any X. Read alone, "investigational" would fold into the item as
 * the investigational kind (an investigational anti-PD-1 only) and "approved" would stay an unread
 * narrowing word; read as a pair, both are accounted for and X is read whole.
 *
 * Only directly before the treatment it modifies: a pair with its own head noun ("approved or
 * investigational agents") is a treatment of its own, and "non-approved or investigational drug" names
 * one status twice, never both.
 */
const APPROVED = String.raw`(?:approved|licen[sc]ed|marketed|commercial(?:ly\s+available)?|standard(?:[\s-]of[\s-]care)?)`;
const TRIAL_STATUS = String.raw`(?:investigational|investigative|experimental)`;
const ANY_STATUS_RE = new RegExp(
  String.raw`(?<![\w-])(?:${APPROVED}\s+(?:or|and\/or|and|\/)\s+${TRIAL_STATUS}|${TRIAL_STATUS}\s+(?:or|and\/or|and|\/)\s+${APPROVED})\s+$`,
  'i',
);

/**
 * The span of an either-status pair that ends right before `at` (only whitespace between), or null.
 * `from` bounds the look-back (the sentence start).
 */
export function anyStatusBefore(text: string, from: number, at: number): [number, number] | null {
  const before = text.slice(Math.max(from, at - 60), at);
  const m = ANY_STATUS_RE.exec(before);
  if (!m) return null;
  const start = at - before.length + m.index;
  return [start, start + m[0].trimEnd().length];
}

/** Text with every either-status pair blanked (same length), so a check for narrowing words ("approved") skips it. */
export function maskAnyStatus(text: string): string {
  return text.replace(new RegExp(ANY_STATUS_RE.source.replace(/\\s\+\$$/, ''), 'gi'), (m) => ' '.repeat(m.length));
}
