/**
 * A prior-therapy requirement whose other route is the patient's refusal, ineligibility or the
 * therapy's unavailability, said where the list reader (therapy.ts) would otherwise not take the list:
 *
 *   "If the tumor is BRAF V600 mutation positive, the participant also received or refused a BRAF
 *    inhibitor with or without a MEK inhibitor."
 *        the refusal stands between the receipt verb and the list: "received or refused X";
 *   "Must have received platinum-based chemotherapy, …, unless the patient is not a candidate in the
 *    opinion of the treating physician."
 *        the route's words ("candidate") were left over beside the reading as one more requirement.
 *
 * No fact holds a refusal, an ineligibility or an access to a drug, so the list reader keeps its
 * sufficient reading: any(X, unread sentence). A patient who had the therapy passes; any other is
 * unknown, never failed. These helpers only say where such a route stands; the reader's own checks
 * (nothing unread narrowing the list, no second requirement in the sentence) still apply.
 */

/**
 * The receipt verb and its refusal alternative right before a list: "received or refused a", "has
 * received or declined prior", "received, or declined,", "received (or declined)". Only after a verb
 * of receipt: "must have refused X" alone says nothing of X being had.
 */
const RECEIVED_OR_REFUSED_BEFORE_RE =
  /\b(?:received|had|undergone|been\s+treated\s+with)\s*(?:\(\s*|,\s*)?(?:or|and\/or)\s+(?:(?:has|have|had|was|were)\s+)?(?:refused|declined)\s*(?:\)\s*|,\s*)?(?:(?:treatment|therapy)\s+with\s+)?(?:(?:an?|the|any|prior|previous)\s+)*$/i;

/** Whether the words before a list (from the head of its clause) are a receipt verb and its refusal alternative. */
export function receivedOrRefusedBefore(before: string): boolean {
  return RECEIVED_OR_REFUSED_BEFORE_RE.test(before);
}

/**
 * The other routes of this family: the patient's refusal, ineligibility or intolerance, or the
 * therapy's unavailability. Other conditions after a list ("except when approved by the
 * investigators", "except for patients with pancreatic cancer") keep their words apart.
 */
const ROUTE_WORD_RE =
  /\b(?:refus\w*|declin\w*|unwilling|ineligib\w*|not\s+(?:be\s+)?(?:an?\s+)?(?:eligible|candidates?|suitable|appropriate|amenable|available|accessible)|unsuitable|unfit|unable|contra-?indicat\w*|unavailab\w*|intoleran\w*)\b/i;
/**
 * Items of a criterion joined as options ("… if the tumor is HER2+ OR\n * was previously treated …"):
 * each item's reading is one option, and an item read exactly as a conditional requirement, any(not
 * HER2-low, X, unread), would let every patient outside its condition meet the whole criterion. Such
 * items keep their words apart, as the readers left them.
 */
const OPTION_ITEMS_RE = /\bOR\s*(?:\n|$)|(?:^|\n)\s*(?:[*•-]\s*)?(?:\d+[.)]\s*)?or\b/;
/**
 * A sentence that binds only some patients ("if the tumor is HER2-low", "Patients with BRAF mutation
 * should …"): its reading is a gate, any(not in the group, X, unread). Where the criterion is one item
 * of "one of the following" options, which the reader cannot see from the item, the exact gate would
 * let every patient outside the group meet the whole criterion; its words stay apart.
 */
const GATED_SENTENCE_RE =
  /\bif\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:tumou?rs?|patients?|participants?|subjects?|disease|cancer)\s+(?:is|are|has|have|harbou?rs?|was|were|carr(?:y|ies))\b|^\W*(?:(?:for|in)\s+)?(?:patients?|participants?|subjects?|those|individuals?)\s+(?:with|whose|harbou?ring|who\s+(?:are|have|harbou?r))\b/i;
/** Why the list reader read a list as one route among others the text offers (therapy.ts, `sufficient`). */
const ROUTE_KINDS: ReadonlySet<string> = new Set(['alternative', 'condition after', 'alternative sentence']);

/**
 * The words a sufficient reading, any(X, unread sentence), holds in its unread leaf: the whole
 * sentence but the mentions of other topics, which their own readers read or leave unread. Left
 * uncovered, the other route's words ("or refused", "unless not available locally") stood beside the
 * reading as one more unread requirement, all(any(X, sentence), "refused"), and a patient who had X
 * was unknown where the text lets them in. Only where the list is one route beside the text's others
 * (an alternative, a sparing condition after it); a reading sufficient for a subgroup or beside an
 * unread member keeps its words apart.
 */
export function routeCover(why: string | null, text: string, s: number, e: number, others: ReadonlyArray<{ start: number; end: number }>): Array<[number, number]> {
  const sentence = text.slice(s, e);
  if (!why || !ROUTE_KINDS.has(why) || !ROUTE_WORD_RE.test(sentence) || OPTION_ITEMS_RE.test(text) || GATED_SENTENCE_RE.test(sentence)) return [];
  const out: Array<[number, number]> = [];
  let from = s;
  for (const m of [...others].filter((o) => o.start >= s && o.end <= e).sort((a, b) => a.start - b.start)) {
    if (m.start > from) out.push([from, m.start]);
    from = Math.max(from, m.end);
  }
  if (from < e) out.push([from, e]);
  return out;
}
