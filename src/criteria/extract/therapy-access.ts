/**
 * How a treatment was obtained, with the other ways after "or": "Treatment with checkpoint inhibitor
 * in off-label capacity or through a clinical/interventional trial". The "or" joins ways of getting
 * the one treatment, not another treatment: the treatment is necessary to every alternative, so the
 * list reader keeps it as a necessary reading, all(X, unread), with the ways of access as its unread
 * qualifier (no fact says how a treatment was obtained). Only where a way of access follows the
 * treatment before the "or": in "receiving off-label immunotherapy or within expanded access
 * programs" the programs may give any drug, an alternative of its own.
 */
const ACCESS = String.raw`(?:(?:through|via|within|in|as|under|on|by)\s+(?:an?\s+|the\s+|any\s+)?(?:other\s+)?)(?:off[\s-]label|(?:clinical|interventional|investigational|research)(?:\s*\/\s*(?:clinical|interventional|investigational))?\s+(?:trials?|stud(?:y|ies)|protocols?)|expanded[\s-]access|compassionate|early[\s-]access|named[\s-]patient|managed[\s-]access)\b`;
const ACCESS_BEFORE_OR_RE = new RegExp(String.raw`^\s*,?\s*${ACCESS}[^,;()]{0,30}?\s*,?\s*$`, 'i');
const ACCESS_AFTER_OR_RE = new RegExp(String.raw`^\s*${ACCESS}`, 'i');

/** Whether the "or" between `before` (from the list's end) and `after` joins two ways of access to the list's treatment. */
export function accessAlternative(before: string, after: string): boolean {
  return ACCESS_BEFORE_OR_RE.test(before) && ACCESS_AFTER_OR_RE.test(after);
}
