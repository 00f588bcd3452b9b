/**
 * Washout wordings the plain window readers of therapy.ts do not take by themselves: a minimum gap
 * whose preposition comes only after its half-life alternative ("Minimum of 3 weeks or 5 half-lives
 * (whichever is shorter) since last dose of …"), an upper bound counted back from the anchor ("≤ 12
 * weeks prior to Screening"), the sense of a duration before the anchor after a verb that ends a
 * treatment ("completed 4 weeks before" is a minimum gap, "completed < 4 weeks before" a window of
 * receipt), and minimum times from a last dose that are no washout (a conduct after the study
 * treatment, the timing of a relapse).
 *
 * therapy.ts owns the vocabulary (units, numbers, anchors, half-life counts); it builds these readers
 * once from its own pieces, so both files read the same words.
 */

export interface WindowPieces {
  /** A unit of time ("days", "wks"), not captured. */
  unit: string;
  /** One number, captured. */
  num: string;
  /** The anchor words after "prior to" ("the first dose of study drug"). */
  anchor: string;
  /** A count of half-lives ("5 half-lives of the drug"). */
  hlCount: string;
  /** What joins the days to the half-lives (", or", "(or"). */
  hlOr: string;
}

export interface WindowForm {
  re: RegExp;
  /** 'within': had it within N days; 'since': at least N days must have passed. Group 1 is N, group 2 its unit. */
  sense: 'within' | 'since';
}

const MINIMUM = String.raw`(?:at\s+least|a\s+minimum\s+of|minimum\s+of|minimum|>=|=>|≥|>|more\s+than|greater\s+than|longer\s+than|no\s+less\s+than|not\s+less\s+than)`;
const UPPER = String.raw`(?:≤|<=|=<|less\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+less\s+than|no\s+more\s+than|not\s+more\s+than|no\s+longer\s+than|at\s+most|up\s+to)`;
const BACK_FROM = String.raw`(?:prior\s+to|before|preceding)`;

/** The readers, in the order they take precedence over the plain ones (an earlier window keeps its span). */
export function windowForms(p: WindowPieces): WindowForm[] {
  return [
    // "Minimum of 3 weeks or 5 half-lives (whichever is shorter) since last dose of": only the days are
    // the window; therapy.ts reads the half-lives, the "whichever" and the "since" into it. A gap needs
    // what it is counted from, so the preposition must follow.
    {
      re: new RegExp(
        String.raw`${MINIMUM}\s*${p.num}\s*[-\s]?\s*(${p.unit})\b(?=${p.hlOr}${p.hlCount}\s*(?:\)\s*)?,?\s*(?:\(\s*)?(?:(?:whichever|if)\b[^().;,]{0,30}\)?\s*,?\s*)?(?:since|after|following|from|${BACK_FROM})\b)`,
        'gi',
      ),
      sense: 'since',
    },
    // "Last dose … was given ≤ 12 weeks prior to Screening", "no more than 4 weeks before randomisation":
    // an upper bound counted back from the anchor, the comparator read with the window.
    {
      re: new RegExp(String.raw`${UPPER}\s*${p.num}\s*[-\s]?\s*(${p.unit})\b(?:\s*\(\s*[\d.]+\s*${p.unit}\s*\))?\s+${BACK_FROM}\b\s*${p.anchor}`, 'gi'),
      sense: 'within',
    },
    // "administered ≤ 4 weeks, or within a time interval less than at least 5 half-lives of the
    // investigational agent, whichever is longer, prior to the first scheduled day of dosing": an upper
    // bound whose preposition comes only after its half-life alternative. Only the days are the window;
    // therapy.ts reads the half-lives and the "whichever" into it.
    {
      re: new RegExp(
        String.raw`${UPPER}\s*${p.num}\s*[-\s]?\s*(${p.unit})\b(?=${p.hlOr}(?:a\s+time\s+(?:period|interval)\s+(?:equal\s+to|of|less\s+than)\s+(?:at\s+least\s+)?)?${p.hlCount}\s*(?:\)\s*)?,?\s*(?:\(\s*)?(?:whichever\b[^().;,]{0,30}\)?\s*,?\s*)?${BACK_FROM}\b)`,
        'gi',
      ),
      sense: 'within',
    },
    // "at least a 6 month wash out period from the last date radiation was received": a washout in any
    // spelling, with the end of the treatment it is counted from.
    {
      re: new RegExp(
        String.raw`(?:${MINIMUM}\s*(?:an?\s+)?)?${p.num}\s*[-\s]?\s*(${p.unit})\s+wash[\s-]?out\b(?:\s+period)?(?:\s+(?:from|since|after|following)\s+(?:the\s+)?(?:last|final|most\s+recent)\s+(?:date|dose|administration|treatment)(?:\s+(?:of|with))?)?`,
        'gi',
      ),
      sense: 'since',
    },
  ];
}

/** A verb that ends a treatment, right before a duration counted back from the anchor. */
const ENDED_BEFORE_RE =
  /\b(?:completed?|stopped|stop|discontinued|discontinue|ended|finished|ceased?|last\s+(?:dose|administration)|off)\b[^.;]{0,40}$/i;
/** The duration is an upper bound: the end came less than N days before the anchor. */
const UPPER_START_RE = /^(?:<|less\s+than|fewer\s+than|under)/i;

/**
 * The sense of "N days before the anchor" (a plain duration) read after the words before it: after an
 * ending verb it is a minimum gap ("discontinued 14 days prior to", "must cease 28 days before"),
 * unless the duration is an upper bound ("completed < 4 weeks before the first dose": the treatment
 * ended, so was given, within the 4 weeks). Otherwise it is a window of receipt.
 */
export function beforeSense(lookback: string, window: string): 'within' | 'since' {
  return ENDED_BEFORE_RE.test(lookback) && !UPPER_START_RE.test(window.trim()) ? 'since' : 'within';
}

/** A period that runs on after the anchor: "(and) for at least 4 months after the last dose of X". */
const FORWARD_LEAD_RE = /\b(?:for|until|till|through|throughout)\s*$/i;
const FORWARD_PREP_RE = /\b(?:after|following|post)\b/i;

/**
 * "… and for at least 7 months after the last dose of trastuzumab deruxtecan": how long a conduct
 * (contraception, not donating ova) must go on after the study treatment, not a gap since a treatment
 * received. Such a duration is no window; the treatment after it stays an anchor.
 */
export function forwardPeriod(lookback: string, window: string): boolean {
  return FORWARD_LEAD_RE.test(lookback) && FORWARD_PREP_RE.test(window);
}

/** A gap counted from the end of a treatment. */
const FROM_LAST_DOSE_RE = /\b(?:since|from|after|following)\s+(?:the\s+)?(?:last|final)\s+(?:dose|administration)\b/i;
/** An outcome the sentence times ("PD documented … ≥ 12 weeks from last dose of anti-PD-1 (late relapse)"). */
const OUTCOME_IN_SENTENCE_RE = /\b(?:progress\w*|relaps\w*|recurr\w*|refractory)\b/i;

/**
 * "Progressive disease has been documented … ≥ 12 weeks from last dose of anti-PD-1": in a sentence
 * about progression or relapse, a minimum time from the last dose says when the disease came back,
 * not how long ago the treatment was given.
 */
export function outcomeGap(sentence: string, window: string): boolean {
  return FROM_LAST_DOSE_RE.test(window) && OUTCOME_IN_SENTENCE_RE.test(sentence);
}

/** A minimum gap that ends on the end of a treatment ("… after the last dose of", "… since completion of"). */
const GAP_TO_NEXT_RE = /\b(?:since|after|following|from)\s+(?:the\s+)?(?:(?:last|final)\s+(?:dose|administration)|completion|end|discontinuation|cessation)\s+of\s*$/i;

/**
 * The window points at the treatment named right after it: "Biologic (anti-neoplastic agent): At least
 * 7 days after the last dose of a biologic agent" counts the gap from the biologic agent, whatever
 * label stands before the window.
 */
export function gapToNext(window: string): boolean {
  return GAP_TO_NEXT_RE.test(window);
}

/**
 * "Radiation therapy (Note: Stereotactic radiotherapy … can be used ≥ 1 week prior to registration)":
 * in an exclusion, a minimum gap inside a parenthesis after another treatment is a note on that
 * treatment (what is allowed of it, and when), never the exclusion itself. Read inverted it would
 * admit a patient the exclusion names (radiation 3 days ago), so it stays unread. `head` is the
 * clause from its start to the gap's list; `listed` says a treatment list stands before it.
 */
export function gapInAside(head: string, listed: boolean): boolean {
  return listed && (head.match(/\(/g)?.length ?? 0) > (head.match(/\)/g)?.length ?? 0);
}

/**
 * "… corticosteroids … within 14 days after enrollment": a period that runs on from a study event
 * still to come (the need for a treatment during the study), not a window back from the as-of date.
 * Read as receipt in the last 14 days it would admit a patient who needs the treatment next week.
 */
const AFTER_STUDY_EVENT_RE =
  /^\s*(?:after|following|post)\s+(?:the\s+|their\s+)?(?:(?:date\s+of|day\s+of|time\s+of)\s+)?(?:enrol?l?ment|enrol?ling|registration|randomi[sz]ation|inclusion|consent|study\s+(?:entry|start|enrol?lment|treatment|drug|intervention)|(?:start|initiation|beginning)\s+of\s+(?:the\s+)?(?:study|trial|protocol)|first\s+(?:dose|administration|infusion)(?!\s+of\s+(?!(?:the\s+)?(?:study|trial|investigational|protocol)\b))|C1D1|cycle\s+1)\b/i;

/** Whether the words right after a window count it forward from a study event ("after enrollment"). */
export function afterStudyEvent(after: string): boolean {
  return AFTER_STUDY_EVENT_RE.test(after);
}

/**
 * "Has had prior anti-cancer immunotherapy within 4 weeks prior to study intervention, or
 * discontinuation of prior anti-cancer immunotherapy due to grade 3 or 4 toxicities": after a window
 * and its anchor, ", or" and a noun of an event ("discontinuation of", "history of") open a clause of
 * their own, another reason to exclude, not words that narrow the list before the window. So does a
 * harm of a treatment ("…, or radiation-related toxicities, requiring corticosteroids"): a toxicity
 * is never a treatment that shares the window.
 */
const CLAUSE_AFTER_WINDOW_RE =
  /\b(?:within|in\s+the\s+(?:last|past))\s+[^,;()]{1,80}?(,\s*or\s+(?:(?:a\s+|any\s+)?(?:(?:known|documented|prior)\s+)?(?:discontinuation|history|evidence|development|occurrence)\s+of\b|(?:any\s+)?(?:ongoing\s+|persistent\s+|unresolved\s+)?(?:[\w-]+[\s-]related\s+)?(?:toxicit(?:y|ies)|complications?|adverse\s+(?:events?|effects?|reactions?)|side[\s-]effects?)\b))/i;

/** Where such a clause begins in `after` (the text after a list), as a match whose index is its "," — or null. */
export function clauseAfterWindow(after: string): { index: number } | null {
  const m = CLAUSE_AFTER_WINDOW_RE.exec(after);
  return m ? { index: m.index + m[0].length - m[1]!.length } : null;
}
