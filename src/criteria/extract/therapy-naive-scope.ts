/**
 * Whether a treatment-naive requirement stands on its own in its sentence, or is one option of several
 * (therapy.ts `readNaive`):
 *
 *   "Treatment naïve primary uveal melanoma with T3 or T4 category tumor size …"
 *        → the "or" joins tumour categories: the naive requirement stands
 *   "Stage III unresectable or … stage IV cutaneous melanoma (melanoma of unknown origin is accepted),
 *    treatment naïve (metastatic stage) …"
 *        → the "or" joins stages and the permission is an aside about the diagnosis: it stands
 *   "Metastatic disease may be treatment naïve or have progressed on …", "… or be treatment-naive",
 *   "Previously treated or untreated …", "treatment-naive (prior adjuvant therapy allowed)"
 *        → an alternative history, or a permission about treatment: one option only, left unread
 *
 * An "or" offers another history when the words between it and the naive phrase speak of treatment or
 * are only a few clause words ("or who are", "or be"), or when the conjunct after the naive phrase
 * opens a clause or speaks of treatment. A parenthesis that neither holds the naive phrase nor speaks of
 * treatment is an aside about something else (the diagnosis, the stage system), and its permission,
 * exception or "or" says nothing of the treatment history.
 */

/** Words that speak of treatment or of a treatment history ("surgically unresectable" is the disease's extent, not a surgery). */
const TREATMENT_WORD_RE =
  /\b(?:treat\w*|therap\w*|regimens?|drugs?|agents?|medications?|inhibitors?|antibod(?:y|ies)|chemo\w*|immuno\w*|radi(?:o|at)\w*|irradiat\w*|surger(?:y|ies)|surgical(?!ly)|resected|resections?|operat(?:ed|ions?)|adjuvant|neo-?adjuvant|lines?|progress\w*|relaps\w*|refractory|resistant|fail\w*|received|receiv(?:e|es|ing)|pretreated|pre-treated|intoleran\w*|exposed|exposure|na[iï]ve|untreated|prior|previous(?:ly)?|standard)\b/i;

/** Words that only open a clause: an "or" this close before the naive phrase joins it as an alternative. */
const CLAUSE_WORD_RE = /^(?:who|which|that|are|is|be|been|being|have|has|had|were|was|patients?|participants?|subjects?|those|must|should|either|the|a|an|with|without|no|not|any)$/i;

/** The conjunct after an "or" that opens a clause or a history of its own ("or have progressed", "or who …"). */
const CLAUSE_OPENER_RE =
  /^\s*(?:who|which|that|are|is|be|been|have|has|had|were|was|must|should|can|may|patients?|participants?|subjects?|those|not|no|without|with\s+(?:prior|previous)|ineligible|unable|unfit|declin\w*|refus\w*)\b/i;

/**
 * The sentence with every parenthesis that neither holds position `at` nor speaks of treatment blanked
 * out (same length, so offsets hold).
 */
export function maskNaiveAsides(sentence: string, at: number): string {
  return sentence.replace(/\([^()]*\)/g, (m, from: number) =>
    (at >= from && at < from + m.length) || TREATMENT_WORD_RE.test(m) ? m : ' '.repeat(m.length),
  );
}

/**
 * Whether an "or" in the sentence (asides masked, other topics' "or"s blanked by the caller) offers a
 * history other than the naive one found at [start, end). `mentionIn(a, b)` says whether a treatment
 * the lexicon knows lies in that stretch of the sentence.
 */
export function naiveAlternative(masked: string, start: number, end: number, mentionIn: (a: number, b: number) => boolean): boolean {
  const ors: number[] = [];
  const OR = /\bor\b/gi;
  for (let m = OR.exec(masked); m; m = OR.exec(masked)) {
    // Many "or"s in one sentence: too many options to tell apart (and each look below stays bounded).
    if (ors.length >= MAX_ORS) return true;
    ors.push(m.index);
  }
  const before = ors.filter((at) => at < start);
  if (ors.some((at) => at >= start && at < end)) return true;
  if (before.length) {
    // The stretch from the first "or" holds that of every later one: treatment words in it speak of
    // another history. The last "or" alone decides whether only clause words stand between.
    const from = before[0]!;
    const last = before[before.length - 1]!;
    // The naive phrase's own head ("treatment-naive", "systemic therapy naïve") is no other history.
    const own = /(?:\b(?:systemic\s+)?(?:treatment|therapy|therapies|drug)s?[\s-]*)$/i.exec(masked.slice(Math.max(from + 2, start - 40), start));
    const cut = own ? start - own[0].length : start;
    const words = masked.slice(last + 2, cut).split(/[^\w'-]+/).filter(Boolean);
    if (words.length <= 3 || words.every((w) => CLAUSE_WORD_RE.test(w))) return true;
    if (TREATMENT_WORD_RE.test(masked.slice(from + 2, cut)) || mentionIn(from, cut)) return true;
  }
  for (const at of ors) {
    if (at < end) continue;
    const rest = masked.slice(at + 2, at + 2 + CONJUNCT_LOOK);
    const conjunct = /^[^,;:()]*/.exec(rest)![0];
    if (CLAUSE_OPENER_RE.test(rest) || TREATMENT_WORD_RE.test(conjunct) || mentionIn(at, at + 2 + conjunct.length)) return true;
  }
  return false;
}

/** Past this many "or"s a sentence is read as offering options. */
const MAX_ORS = 12;
/** How far past an "or" its conjunct is looked at. */
const CONJUNCT_LOOK = 200;
