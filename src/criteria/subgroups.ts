/**
 * Headings that bind the criteria under them to one subgroup of a trial's patients: a cohort, arm,
 * part or phase ("Part 4: cutaneous melanoma", "PHASE II PRE-SCREENING COHORT 3 ONLY", "Cohorts 5
 * and 6 only:", "During the expansion phase of the protocol, patients must have:"), or the patients
 * a case names ("In case of 1-4 brain metastases:", "Requirements for patients with melanoma:").
 *
 * A patient's record says which of a trial's cancers they have, but not which cohort they would be
 * enrolled in, so such a heading is a condition the parser cannot read. A criterion under it binds
 * only that subgroup: an inclusion holds for anyone outside it, an exclusion excludes only inside it.
 *
 * A heading that names only a cancer ("Melanoma:", "Colorectal Cancer :") is a cohort the record
 * does place the patient in; parse.ts `scopeCancerCohorts` reads it as the cancers of the other
 * cohorts (cancerCohortHeading).
 */
import type { Lexicons } from './lexicon';

/**
 * A cohort, arm, part, group, sub-study or phase of a multi-phase trial with its identifier ("Cohort
 * 2", "PART B", "Arm IIa", "Phase 2a", "PHASE II PRE-REGISTRATION").
 */
const NAMED_SUBGROUP =
  /\b(?:[Cc]ohorts?|COHORTS?|[Aa]rms?|ARMS?|[Pp]arts?|PARTS?|[Pp]hases?|PHASES?|[Gg]roups?|GROUPS?|[Ss]ub-?stud(?:y|ies)|SUB-?STUD(?:Y|IES)|[Ss]ubgroups?|SUBGROUPS?|[Mm]odules?|MODULES?|[Ss]trat(?:um|a)|STRAT(?:UM|A))\s*(?:[A-Z]{1,2}\d?[a-z]?|\d{1,2}[A-Za-z]?|[IVX]{1,4})\b/;
/** A stage of a dose-finding trial ("dose expansion cohort", "the escalation part"). */
const TRIAL_STAGE = /\b(?:dose[- ](?:escalation|expansion)|expansion|escalation)\s+(?:cohorts?|phase|part|portion|stage)\b/i;
/** "For the melanoma cohort", "in the combination arm". */
const FOR_COHORT = /\b(?:for|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:cohorts?|arms?)\b/i;
/** A short heading that names whom it is for and ends with a colon: "Requirements for patients with NSCLC:", "In case of 5-10 brain metastases:". */
const CASE_HEADING =
  /^\W*(?:(?:additional\s+)?(?:requirements?|criteria)\s+)?(?:for\s+(?:patients?|participants?|subjects?|women|men|those)\s+(?:with|who)\b|in\s+(?:the\s+)?case\s+of\b)[^:.;]{1,80}:\s*$/i;
/**
 * A short label ending in the cohort or arm it names: "SAFETY COHORT", "Exploratory Cohort",
 * "Non-curative intent patients cohort:", "NUC-7738 + pembrolizumab cohort only".
 */
const COHORT_LABEL = /^\W*(?![^:]*\b(?:all|both|each|every|any)\b)(?:[\w+/-]+\s+){1,5}(?:cohorts?|arms?)(?:\s+only)?\s*:?\s*$/i;
/** Headings that apply to every subgroup ("All cohorts:", "Both parts", "All patients must …"). */
const EVERY_SUBGROUP =
  /\b(?:all|both|each|every|any)\s+(?:of\s+the\s+)?(?:(?:study\s+)?(?:cohorts?|parts?|arms?|groups?|phases?|modules?))\b|^\W*all\s+(?:patients|participants|subjects)\b/i;

/**
 * A heading that names several subgroups ("Parts 1 and 2:", "(Part 1-4)", "… criteria (Part 1a and
 * Part 1b)") is as often the whole trial as some of it; it binds only with a word that restricts
 * ("Cohorts 5 and 6 only", "For Cohorts A2, B1 and B3").
 */
const SEVERAL_SUBGROUPS =
  /\b(?:cohorts?|arms?|parts?|groups?|modules?|phases?)\s*[\w.]{1,4}\s*(?:,|\band\b|&|-|–|\bto\b)\s*(?:(?:cohorts?|arms?|parts?|groups?|modules?|phases?)\s*)?[\w.]{1,4}\b/i;
const RESTRICTING = /\b(?:only|for|in|specific)\b/i;

/** How far into a heading's first line its subgroup may begin. */
const OPENING = 60;

/** Longest heading text kept in the rule's unparsed leaf; longer lead-ins are cut at a word. */
const MAX_LABEL = 120;

/** The innermost heading in `context` that binds its criteria to one subgroup, if any. */
export function subgroupHeading(context: readonly string[]): string | null {
  for (let k = context.length - 1; k >= 0; k--) {
    const heading = context[k]!.trim();
    if (EVERY_SUBGROUP.test(heading) || (SEVERAL_SUBGROUPS.test(heading) && !RESTRICTING.test(heading))) continue;
    // The subgroup opens the heading: a long lead-in that names cohorts further on ("Patient must
    // have … melanoma that has progressed on PD-1/PD-L1 therapy: o For Cohort A, …") is for all of them.
    const opening = heading.split('\n', 1)[0]!.slice(0, OPENING);
    if (NAMED_SUBGROUP.test(opening) || TRIAL_STAGE.test(opening) || FOR_COHORT.test(opening) || CASE_HEADING.test(heading) || COHORT_LABEL.test(heading)) {
      const label = heading.replace(/\s*:\s*$/, '');
      return label.length <= MAX_LABEL ? label : `${label.slice(0, MAX_LABEL).replace(/\s+\S*$/, '')} …`;
    }
  }
  return null;
}

const SUBGROUP_WORD = String.raw`(?:parts?|cohorts?|arms?|groups?|phases?|modules?|strat(?:um|a))`;
const SUBGROUP_IDS = String.raw`${SUBGROUP_WORD}\s*[\w.]{1,5}(?:\s*(?:,|\band\b|&|-|–|\bor\b)\s*(?:${SUBGROUP_WORD}\s*)?[\w.]{1,5})*(?:\s*\([^()]{1,40}\))?`;
/**
 * A criterion that opens by restricting itself to some subgroups: "Cohort 5 only: Age 12 years or
 * older", "For Cohort B, may have received …", "Part 2 only: at least one measurable site",
 * "Phase 1, Part 2 only: …". Unlike a label that defines a cohort ("Part 1a: Patients with cSCC …",
 * which parse.ts joins with its sibling cohorts as alternatives), it adds a requirement for that
 * subgroup alone, and other subgroups may have none: it is read on its own, bound to its subgroup.
 */
const OPENING_SUBGROUP = new RegExp(
  String.raw`^\W*(?:for\s+(?:the\s+)?(?:patients?\s+in\s+)?${SUBGROUP_IDS}(?:\s+only)?\s*[:,]|${SUBGROUP_IDS}\s+only\s*[:,)\-–])`,
  'i',
);

/** The subgroup a criterion opens by restricting itself to ("Cohort 5 only"), if any. */
export function openingSubgroup(text: string): string | null {
  const m = OPENING_SUBGROUP.exec(text);
  return m ? m[0].replace(/^\W+/, '').replace(/\s*[:,)\-–]\s*$/, '') : null;
}

/**
 * Words a heading that names only a cancer cohort may hold besides the cancer: "Melanoma:",
 * "Head and Neck squamous cell carcinoma (HNSCC)", "Colorectal Cancer :", "Bladder carcinoma",
 * "Triple-negative breast cancer :". A marker or an extent narrows the cohort; the cohort's items
 * still state it, so the heading stands for its cancer.
 */
const COHORT_FILLER =
  /\b(?:cohorts?|patients?|participants?|subjects?|only|cancers?|tumou?rs?|carcinomas?|malignanc(?:y|ies)|with|for|in|the|and|disease|histolog(?:y|ies)|specific|triple[\s-]negative|(?:HER2|HR|hormone[\s-]receptor)[\s-]*(?:positive|negative|low|\+|-)|metastatic|advanced|recurrent|relapsed|refractory|unresectable|locally|\d{1,2}[a-z]?)(?![\w+-])/gi;

/**
 * The cancer-type codes of a heading that names nothing but a cancer cohort, else null. A cohort named
 * by its cancer is one the patient's record places them in (or not), unlike a numbered cohort.
 */
export function cancerCohortHeading(heading: string, lex: Lexicons): string[] | null {
  const h = heading.trim();
  if (!h || h.length > 90 || h.includes('\n')) return null;
  const mentions = lex.index.scan(h).filter((m) => m.type === 'cancer');
  if (!mentions.length) return null;
  let rest = h;
  for (const m of [...mentions].sort((a, b) => b.start - a.start)) rest = `${rest.slice(0, m.start)} ${rest.slice(m.end)}`;
  rest = rest.replace(/\([^()]*\)/g, ' ').replace(COHORT_FILLER, ' ').replace(/^\W*(?:[a-z]|[ivx]+)[.)]\s/i, ' ').replace(/[\W_]+/g, ' ').trim();
  return rest ? null : [...new Set(mentions.map((m) => m.id))];
}
