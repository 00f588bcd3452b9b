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
 *
 * The same labels inside a criterion's text: one that binds all of it (subgroupLabel, and a group
 * lead clause the readers cannot read, groupLeadLabel), or several that divide it into parts, each
 * its own subgroup's requirement (labelledParts).
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
/**
 * A heading that ends by restricting itself to a cohort or arm, however far in it names it:
 * "Additional criteria specific for participants in TAK-500 and pembrolizumab combination arm only:".
 */
const ONLY_COHORT_HEADING = /\b(?:for|in)\s+(?:the\s+)?(?:[\w+/-]+\s+){0,6}(?:cohorts?|arms?)\s+only\s*(?::\s*)?$/i;
/** A short heading that names whom it is for and ends with a colon: "Requirements for patients with NSCLC:", "In case of 5-10 brain metastases:". */
const CASE_HEADING =
  /^\W*(?:(?:additional\s+)?(?:requirements?|criteria)\s+)?(?:for\s+(?:patients?|participants?|subjects?|women|men|those)\s+(?:with|who)\b|in\s+(?:the\s+)?case\s+of\b)[^:.;]{1,80}:\s*$/i;
/**
 * A short label ending in the cohort or arm it names: "SAFETY COHORT", "Exploratory Cohort",
 * "Non-curative intent patients cohort:", "NUC-7738 + pembrolizumab cohort only".
 */
const COHORT_LABEL = /^\W*(?![^:]*\b(?:all|both|each|every|any)\b)(?:[\w+/-]+\s+){1,5}(?:cohorts?|arms?)(?:\s+only)?\s*(?::\s*)?$/i;
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
    if (NAMED_SUBGROUP.test(opening) || TRIAL_STAGE.test(opening) || FOR_COHORT.test(opening) || (!heading.includes('\n') && ONLY_COHORT_HEADING.test(heading)) || CASE_HEADING.test(heading) || COHORT_LABEL.test(heading)) {
      const label = heading.replace(/:\s*$/, '').trimEnd();
      return label.length <= MAX_LABEL ? label : `${label.slice(0, MAX_LABEL).replace(/\s+\S*$/, '')} …`;
    }
  }
  return null;
}

/**
 * A lead-in that admits a group of patients on the conditions listed under it: "Patients with brain
 * metastases are allowed, provided they are stable according to the following definitions:",
 * "Previously treated patients are eligible if", "Participants with a resolved or chronic HBV
 * infection are eligible if they are:". The group is narrower than all patients: named by "with" or
 * "who" after the noun, or by words before it that are not a determiner ("All patients are eligible
 * if:" binds everyone). The sentence must end on the lead-in's colon or on its "if" / "provided
 * (that)", so that what follows is the list of conditions.
 */
const ADMITTED_GROUP =
  /^\W*(?:(?:(?!(?:all|the|any|these|those|such|eligible|each|every|only|no)\b)[A-Za-z][\w-]*\s+){1,3}(?:patients?|participants?|subjects?)|(?:patients?|participants?|subjects?)\s+(?:with|who)\b[^:;.]{1,120}?)\s+(?:are|is|will\s+be|may\s+be)\s+(?:also\s+)?(?:allowed|eligible|permitted|included|enrolled)\b(?:[^.;:]*:|[^.;:]*\b(?:if|provided(?:\s+that)?))\s*$/i;

/**
 * The innermost heading in `context` that admits a group of patients on conditions (ADMITTED_GROUP),
 * if it is the last one: the inclusion criteria under it bind that group only, as a subgroup's do.
 */
export function admittedGroupHeading(context: readonly string[]): string | null {
  const last = context[context.length - 1]?.trim();
  if (!last || !ADMITTED_GROUP.test(last)) return null;
  const label = last.replace(/:\s*$/, '').trimEnd();
  return label.length <= MAX_LABEL ? label : `${label.slice(0, MAX_LABEL).replace(/\s+\S*$/, '')} …`;
}

const SUBGROUP_WORD = String.raw`(?:parts?|cohorts?|arms?|groups?|phases?|modules?|strat(?:um|a))`;
const SUBGROUP_IDS = String.raw`${SUBGROUP_WORD}\s*[\w.]{1,5}(?:\s*(?:,|\band\b|&|-|–|\bor\b)\s*(?:${SUBGROUP_WORD}\s*)?[\w.]{1,5})*(?:\s*\([^()]{1,40}\))?`;
/** Subgroups left unnamed: "For some parts of the study only:", "For one part of the study,". */
const UNNAMED_SUBGROUPS = String.raw`(?:for|in)\s+(?:some|certain|one|selected|specific|particular)\s+(?:of\s+the\s+)?${SUBGROUP_WORD}(?:\s+(?:of|in)\s+(?:the|this)\s+(?:study|trial|protocol))?(?:\s+only)?\s*[:,]`;
/**
 * A criterion that opens by restricting itself to some subgroups: "Cohort 5 only: Age 12 years or
 * older", "For Cohort B, may have received …", "Part 2 only: at least one measurable site",
 * "Phase 1, Part 2 only: …". Unlike a label that defines a cohort ("Part 1a: Patients with cSCC …",
 * which parse.ts joins with its sibling cohorts as alternatives), it adds a requirement for that
 * subgroup alone, and other subgroups may have none: it is read on its own, bound to its subgroup.
 */
const OPENING_SUBGROUP = new RegExp(
  String.raw`^\W*(?:for\s+(?:the\s+)?(?:patients?\s+in\s+)?${SUBGROUP_IDS}(?:\s+only)?\s*[:,]|${SUBGROUP_IDS}\s+only\s*[:,)\-–]|${UNNAMED_SUBGROUPS})`,
  'i',
);

/**
 * A lead clause naming the group a criterion is for: "For patients with sarcoma, …", "In participants
 * who …,", "(For participants with PDAC only) …". Group 1 is the clause, group 2 what names the group.
 */
export const GROUP_LEAD_CLAUSE =
  /^\W*((?:for|in)\s+(?:all\s+)?(?:patients?|participants?|subjects?|those|individuals?|women|men)\s+(?:with|whose|who|having)\s+([^,:;.()]{1,100}?)(?:\s+only)?)\s*(?:,|:|\))/i;

/**
 * The same clause without its "for": "those without oncogene-driven tumors: Have progressed …",
 * "Participants with a cancer diagnosis: No prior …". Only a colon closes it, since "Patients with
 * brain metastases, …" is as often a sentence's subject; the group's words hold no verb of a
 * requirement ("Participants with varices … must be treated with …: beta blockers …" is one sentence);
 * and a capital opens what follows, a requirement of its own. After a colon in lower case come the
 * group's own members or definition ("Subjects with implanted medical devices: pacemaker, …",
 * "Patients with autoimmune diseases: those with a history of …"), which are what excludes.
 */
const BARE_GROUP_LEAD =
  /^\W*((?:those|patients?|participants?|subjects?|individuals?)\s+(?:with|without|whose|who|having)\s+((?:(?!\b(?:must|should|shall|will|may|are|is|be)\b)[^,:;.()]){1,100}?)(?:\s+only)?)\s*:/i;

/** The lead clause of a criterion's group (GROUP_LEAD_CLAUSE, else BARE_GROUP_LEAD): group 1 the clause, group 2 the group. */
export function groupLeadClause(text: string): RegExpExecArray | null {
  const lead = GROUP_LEAD_CLAUSE.exec(text);
  if (lead) return lead;
  const bare = BARE_GROUP_LEAD.exec(text);
  return bare && /^\s*[A-Z]/.test(text.slice(bare.index + bare[0].length)) ? bare : null;
}

/**
 * A criterion opening with the lead clause of its group ("For participants with PDAC only) Have
 * received …", "For participants whose most recent … therapy induced a PR or CR: Radiation, …"), cut
 * from it, for when the group is what the readers cannot read: the rest is then read on its own and
 * bound to the group, as to a subgroup's label. One sentence only: a second may be for everyone else.
 */
export function groupLeadLabel(text: string): SubgroupLabel | null {
  const m = groupLeadClause(text);
  if (!m) return null;
  const rest = text.slice(m[0].length).trim();
  if (!/[\p{L}\p{N}]{3}/u.test(rest) || /[.;]\s+\S/.test(rest)) return null;
  return { label: m[1]!.trim(), rest };
}

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
  /\b(?:cohorts?|all|patients?|participants?|subjects?|only|cancers?|tumou?rs?|carcinomas?|malignanc(?:y|ies)|with|for|in|the|and|disease|histolog(?:y|ies)|specific|triple[\s-]negative|(?:HER2|HR|hormone[\s-]receptor)[\s-]*(?:positive|negative|low|\+|-)|metastatic|advanced|recurrent|relapsed|refractory|unresectable|locally|\d{1,2}[a-z]?)(?![\w+-])/gi;

/**
 * The cancer-type codes of a heading that names nothing but a cancer cohort, else null. A cohort named
 * by its cancer is one the patient's record places them in (or not), unlike a numbered cohort.
 */
export function cancerCohortHeading(heading: string, lex: Lexicons): string[] | null {
  const h = heading.trim();
  if (!h || h.length > 90 || h.includes('\n')) return null;
  // A cohort is often named in the plural ("Squamous cell carcinomas of the head and neck"), and the
  // lexicon's plural forms only pluralise a name's last word: failing as written, the heading is read
  // in the singular. A parenthesis inside the name splits the lexicon's phrase ("Cutaneous (acral and
  // non-acral) melanoma" is cutaneous melanoma, its subtypes listed): read without it, the name is whole.
  const singular = h.replace(/\b(\w{2,}(?:om|emi))as\b/gi, '$1a');
  const bare = singular.replace(/\s*\([^()]*\)/g, '');
  for (const form of new Set([h, singular, bare])) {
    const codes = cohortCodes(form, lex);
    if (codes) return codes;
  }
  return null;
}

function cohortCodes(h: string, lex: Lexicons): string[] | null {
  // "non-acral melanoma", "non-squamous NSCLC": the lexicon's phrase after "non-" is the cancer the
  // heading leaves out, so it names no cohort.
  const mentions = lex.index.scan(h).filter((m) => m.type === 'cancer' && !/\bnon[\s-]?$/i.test(h.slice(0, m.start)));
  if (!mentions.length) return null;
  let rest = h;
  // One phrase can name several entries ("Colorectal Cancer" is CMC and COADREAD): cut each span once.
  const spans = [...new Map(mentions.map((m) => [`${m.start}:${m.end}`, m])).values()];
  for (const m of spans.sort((a, b) => b.start - a.start)) rest = `${rest.slice(0, m.start)} ${rest.slice(m.end)}`;
  rest = rest.replace(/\([^()]*\)/g, ' ').replace(COHORT_FILLER, ' ').replace(/^\W*(?:[a-z]|[ivx]+)[.)]\s/i, ' ').replace(/[\W_]+/g, ' ').trim();
  return rest ? null : [...new Set(mentions.map((m) => m.id))];
}

/**
 * A criterion that opens with a label naming one cancer ("For NSCLC: the individuals had previously
 * received …", "For cutaneous melanoma: …", "Renal Cell Carcinoma - Patient should have received …"):
 * in a basket trial, a requirement for that cancer's patients only. Unlike a numbered cohort, the
 * record places the patient in it or not, so the label is read as the cancer, as a cancer cohort's
 * heading is (cancerCohortHeading). The label ends at the first colon, or at a dash set off by spaces,
 * within a few words. It binds its whole criterion only when no later sentence turns to another group.
 */
const CANCER_LABEL = /^[^\p{L}\p{N}(]*((?:(?:for|in)\s+)?[\p{L}\d][^:\n.;]{0,79}?)\s*(?::|\s[-–]\s)\s*/iu;

/** Words a cancer's label may hold besides the cancer ("For NSCLC patients only:", "Melanoma cohort:"). */
const CANCER_LABEL_FILLER =
  /\b(?:for|in|with|the|all|patients?|participants?|subjects?|individuals?|only|cohorts?|specific|cancers?|tumou?rs?|carcinomas?|malignanc(?:y|ies)|disease)\b/gi;

/** A cancer label opening a criterion: the label, its cancer-type codes and the criterion without it. */
export interface CancerLabel extends SubgroupLabel {
  codes: string[];
}

/**
 * The same group named as a sentence's subject: "Patients with melanoma must have progressed following
 * >= 1 line of systemic therapy …", "Subjects with Ovarian cancer must have received …". The rest
 * starts at the modal, read as the group's requirement.
 */
const CANCER_POPULATION =
  /^[^\p{L}\p{N}(]*(?:for\s+)?(?:all\s+)?(?:patients?|participants?|subjects?|individuals?)\s+with\s+([^:\n.;,()]{2,80}?)\s+(?=(?:must|should|shall|(?:will\s+)?need\s+to|(?:is|are)\s+required\s+to|ha(?:ve|s)\s+to)\b)/iu;
/**
 * A later sentence about another group ("… . Patients with other types of solid tumors must …", "… .
 * For melanoma patients who are treated with …"), or another label; or a group named inside the rest
 * ("… a BRAF inhibitor … for patients with BRAF V600-activating mutation"), whose binding the rest
 * read alone may lose.
 */
const ANOTHER_GROUP =
  /[.;]\s+(?:(?:for|in|among|all|other)\b|(?:patients?|participants?|subjects?|those|individuals?)\b|[^.;:]{1,60}:)|\b(?:for|in|among)\s+(?:all\s+)?(?:patients?|participants?|subjects?|those|individuals?)\b/iu;

export function cancerLabel(text: string, lex: Lexicons): CancerLabel | null {
  const m = CANCER_LABEL.exec(text) ?? CANCER_POPULATION.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length).trim();
  if (!/[\p{L}\p{N}]{3}/u.test(rest) || ANOTHER_GROUP.test(rest)) return null;
  const name = m[1]!;
  // The cancer as named, not the broader one inside its name: "cutaneous melanoma" binds cutaneous
  // melanoma, not every melanoma (a uveal melanoma patient is not bound by it). "non-" before a name
  // leaves that cancer out.
  const mentions = lex.index.scan(name).filter((x) => x.type === 'cancer' && !/\bnon[\s-]?$/i.test(name.slice(0, x.start)));
  const widest = mentions.filter((x) => !mentions.some((y) => y.start <= x.start && y.end >= x.end && y.end - y.start > x.end - x.start));
  if (!widest.length) return null;
  // The label must be the cancer and nothing else: a stage, an extent or a marker ("For metastatic
  // NSCLC:", "HER2-positive breast cancer:") binds fewer patients than the cancer, and a clause is no label.
  let left = name;
  for (const x of [...widest].sort((a, b) => b.start - a.start)) left = `${left.slice(0, x.start)} ${left.slice(x.end)}`;
  if (left.replace(/\([^()]*\)/g, ' ').replace(CANCER_LABEL_FILLER, ' ').replace(/[\W_]+/g, ' ').trim()) return null;
  return { label: name.trim(), rest, codes: [...new Set(widest.map((x) => x.id))] };
}

/** A subgroup word, as written in any case ("Part", "COHORTS", "Sub-study"). */
const LABEL_WORD = String.raw`(?:[Pp]arts?|PARTS?|[Cc]ohorts?|COHORTS?|[Aa]rms?|ARMS?|[Pp]hases?|PHASES?|[Gg]roups?|GROUPS?|[Mm]odules?|MODULES?|[Ss]ub-?stud(?:y|ies)|SUB-?STUD(?:Y|IES))`;
/**
 * A subgroup's identifier: a number or up to three capitals (a letter or a Roman numeral), with a
 * suffix ("2", "1B", "1a", "1.5", "A2", "II", "IIa"; "A-1" is "A", "-", "1"). Never a plain word, so
 * "part of" or "phase of" is no label. The forms do not overlap, so no text is tried two ways.
 */
const LABEL_ID = String.raw`(?:\d{1,2}(?:[A-Za-z]|\.\d)?|[A-Z]{1,3}\d{0,2}[a-z]?)(?!\w)`;
/** One or several subgroups: "Part 4", "Parts C and D", "Part2, 3", "Cohorts A-1, A-2". */
const LABEL_IDS = String.raw`${LABEL_WORD}\s*${LABEL_ID}(?:\s*(?:,|\band\b|&|-|–|\bor\b|/)\s*(?:${LABEL_WORD}\s*)?${LABEL_ID})*`;
/** Subgroups within subgroups, side by side: "Phase 2a Cohort 4". */
const LABEL_RUN = String.raw`${LABEL_IDS}(?:\s+${LABEL_IDS})*`;
/**
 * A stage of a dose-finding trial before its subgroup: "(dose expansion Part 2)"; or an unnamed
 * sub-study the subgroup belongs to ("Sub-study Part 1:").
 */
const LABEL_STAGE = String.raw`(?:(?:(?:[Dd]ose[- ])?(?:[Ee]scalation|[Ee]xpansion|ESCALATION|EXPANSION)|[Ss]ub-?study|SUB-?STUDY)\s+)?`;
/** "for" / "in" before a label, and "only" after it, as written in any case. */
const LABEL_FOR = String.raw`(?:[Ff]or|FOR|[Ii]n|IN)\s+(?:the\s+)?`;
const LABEL_ONLY = String.raw`(?:\s+(?:only|Only|ONLY))?`;

/**
 * A parenthesised label that limits a criterion to some subgroups, wherever it sits: "(Part 4)",
 * "(Cohort 1 only)", "(Parts C and D only)", "(Phase 2a Cohort 4 ONLY)", "(for Cohorts 1 and 3)".
 */
const PAREN_LABEL = new RegExp(
  String.raw`\(\s*(?:${LABEL_FOR})?${LABEL_STAGE}${LABEL_RUN}${LABEL_ONLY}\s*\)`,
  'g',
);
/**
 * A few words closed by a parenthesised label, then a colon, a line break or a new sentence: a
 * heading glued to its criterion ("Subjects with rare tumors (Phase 2a Cohort 10 ONLY) Histologically
 * …", "Post lutetium-177 CRPC subjects (Phase 2a Cohort 11 ONLY):\n…"). Group 1 the words, group 2 the label.
 */
const PAREN_HEADING = new RegExp(
  String.raw`^[^\p{L}\p{N}(]*((?:[^\s.;:()]+\s+){1,8})(\(\s*(?:${LABEL_FOR})?${LABEL_STAGE}${LABEL_RUN}${LABEL_ONLY}\s*\))(?:\s*:|(?=\s*\n|\s+\p{Lu}))\s*`,
  'u',
);
/** A label closing the criterion: "… for Part 2 only.", "…, in Cohort B". */
const TRAILING_LABEL = new RegExp(String.raw`(?<![\s,]),?\s+${LABEL_FOR}(?:patients\s+in\s+)?${LABEL_STAGE}${LABEL_RUN}${LABEL_ONLY}\s*([.;]?)\s*$`);

/**
 * A label opening the criterion, before a colon or a dash: "Part 4:", "Cohort 1 (Melanoma):",
 * "Parts 1B and 1C combination:", "Phase 2 and Phase 3:", "SUB-STUDY B:", "Part B - ", "For
 * Phase II:", "Cohorts 1-4 only:". Its words after the subgroup are few and say which one it is.
 */
const STAGE_NAME = String.raw`(?:(?:[Dd]ose|DOSE)[- ])?(?:[Ee]scalation|[Ee]xpansion|ESCALATION|EXPANSION)\s+(?:[Cc]ohorts?|COHORTS?|[Pp]hase|PHASE|[Pp]art|PART)`;
const LABEL_FORMS = [
  String.raw`[^\p{L}\p{N}(]*(?:${LABEL_FOR}(?:patients\s+in\s+)?)?(?:${LABEL_STAGE}${LABEL_RUN}|${STAGE_NAME})(?:\s*\([^()]{1,100}\)){0,2}(?:\s+[\p{L}-]+){0,2}?${LABEL_ONLY}\s*(?::|\s[-–]\s)\s*`,
  // "For Cohort B, may have received …": a "for" label may end at a comma.
  String.raw`[^\p{L}\p{N}(]*${LABEL_FOR}(?:patients\s+in\s+)?${LABEL_STAGE}${LABEL_RUN}${LABEL_ONLY}\s*,\s*`,
  // A cohort or arm named by a few words: "Lymphoma cohort only (Phase II):", "MTD Expansion Cohort
  // only:", "For solid tumor arms:", "In the MTD Expansion Cohort only, …".
  // "BREAST CANCER SPECIFIC:", "Melanoma specific:": the items of one cancer's cohort in a basket trial.
  String.raw`[^\p{L}\p{N}(]*(?:${LABEL_FOR})?(?:[\p{L}\d+/.-]+\s+){1,5}(?:[Cc]ohorts?|COHORTS?|[Aa]rms?|ARMS?|[Ss]pecific|SPECIFIC)${LABEL_ONLY}(?:\s*\([^()]{1,100}\))?\s*:\s*`,
  String.raw`[^\p{L}\p{N}(]*${LABEL_FOR}(?:[\p{L}\d+/.-]+\s+){1,5}(?:[Cc]ohorts?|COHORTS?|[Aa]rms?|ARMS?)${LABEL_ONLY}\s*,\s*`,
];
const LEADING_LABEL = new RegExp(
  [
    ...LABEL_FORMS.map((f) => `^${f}`),
    // "Other advanced malignancies:", "Other Solid Tumors:": the cohort of the cancers no other cohort
    // names. An adjective is needed: a bare "Other malignancies:" heads a history of another cancer.
    String.raw`^[^\p{L}\p{N}(]*(?:[Oo]ther|OTHER)\s+(?:[Aa]dvanced|ADVANCED|[Ss]olid|SOLID|[Mm]etastatic|METASTATIC)(?:\s+(?:[Ss]olid|SOLID|[Mm]etastatic|METASTATIC))?\s+(?:[Mm]alignanc(?:y|ies)|MALIGNANC(?:Y|IES)|[Tt]umou?rs?|TUMOU?RS?|[Cc]ancers?|CANCERS?)\s*:\s*`,
  ].join('|'),
  'u',
);
/** Words that make a label name every subgroup ("All cohorts:", "Both arms:"): no subgroup at all. */
const EVERY_WORD = /\b(?:all|both|each|every|any)\b/i;
/** A subgroup named anywhere in a text. */
const ANY_LABEL = new RegExp(LABEL_IDS);
/** A sentence break inside a criterion: a label there may bind only its own sentence. */
const SENTENCE_BREAK = /[.;]\s+[\p{Lu}(]|\n/u;

/** A word every label form holds (LABEL_WORD, and the cohort, arm, "specific" and "other" lead-ins). */
const LABEL_GATE = /part|cohort|arm|phase|group|module|stud|specific|other/i;

/** A criterion's own label for the subgroups it is limited to, and its text without the label. */
export interface SubgroupLabel {
  /** The label as written ("Part 4", "Cohort 1 only"), for the rule's subgroup leaf. */
  label: string;
  /** The criterion without the label, to be read as if it were absent. */
  rest: string;
}

/**
 * The subgroup label a criterion carries inside its text, in parentheses anywhere ("… refractory
 * or intolerant to standard therapy (Part 4)") or closing it ("… for Part 2 only"), and the text
 * without it. Read with the label, the readers take it for part of the finding beside it and leave
 * that unread; the label itself binds the whole criterion to its subgroup, as openingSubgroup does.
 * A label that is the whole text, or the subgroup a criterion opens with, is left to those.
 */
export function subgroupLabel(text: string): SubgroupLabel | null {
  // Every label form names a subgroup word; most criteria have none, and the unicode patterns below
  // are the costly part of the test.
  if (!LABEL_GATE.test(text)) return null;
  const labels: string[] = [];
  const opening = LEADING_LABEL.exec(text)?.[0];
  let lead = opening && !EVERY_WORD.test(opening) ? opening : null;
  let rest = lead ? text.slice(lead.length) : text;
  if (lead) labels.push(lead.replace(/^[^\p{L}\p{N}(]+/u, '').replace(/\s*[:,\-–]\s*$/, ''));
  // A short heading glued to the criterion, closed by its subgroup: it heads all of it, as a label
  // opening the text does, and names the subgroup with its words, as "Cohort 1 (Melanoma):" does.
  const heading = lead ? null : PAREN_HEADING.exec(text);
  if (heading && !EVERY_WORD.test(heading[2]!)) {
    lead = heading[0];
    labels.push(`${heading[1]!.trim()} ${heading[2]!.trim()}`.replace(/^[^\p{L}\p{N}(]+/u, ''));
    rest = text.slice(heading[0].length);
  }
  rest = rest.replace(PAREN_LABEL, (m) => {
    labels.push(m.trim().replace(/^\(\s*|\s*\)$/g, ''));
    return ' ';
  });
  const trailing = TRAILING_LABEL.exec(rest);
  if (trailing) {
    labels.push(trailing[0].replace(/^,?\s*/, '').replace(/[.;]?\s*$/, ''));
    rest = rest.slice(0, trailing.index) + (trailing[1] ?? '');
  }
  // Labels in several places ("≥ 12 weeks in Parts A and C and ≥ 24 weeks in Parts B and D"), or one
  // beside a subgroup named in the text, each bind their own part: the criterion is left whole.
  if (labels.length !== 1 || ANY_LABEL.test(rest)) return null;
  rest = rest.replace(/(?<!\s)\s+([,.;:])/g, '$1').replace(/[ \t]{2,}/g, ' ').trim();
  // A label that heads the criterion heads all of it; one further on may bind only its own sentence.
  if (!/[\p{L}\p{N}]{3}/u.test(rest) || (!lead && SENTENCE_BREAK.test(rest.replace(/[.;]\s*$/, '')))) return null;
  return { label: labels[0]!, rest };
}

/**
 * A part of a criterion bound to one subgroup ("Cohort 2: …"), or with `label` null, a part every
 * subgroup must meet (the criterion's unlabelled lead, or one labelled "All cohorts:").
 */
export interface LabelledPart {
  label: string | null;
  text: string;
}

/**
 * A label opening a later part of a criterion: after a sentence's end or a line break, past a list
 * marker ("Cohort 1: … . Cohort 2: …", "\n* Phase 3: …", "ii. Part 2: …"). The "Other solid tumors:"
 * form is left out: mid-text it is as often a list's own heading as a cohort.
 */
const PART_LABEL = new RegExp(String.raw`(?<=^|[.;]\s+|\n)(?:[\s*•·-]*(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s+)?(?:${LABEL_FORMS.join('|')})`, 'gu');
/** The same at one position (sticky). */
const LABEL_AT = new RegExp(String.raw`(?:[\s*•·-]*(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s+)?(?:${LABEL_FORMS.join('|')})`, 'uy');
/** A numbered item inside a line ("… years of age 2. Histologically …"): items of a list run together. */
const INLINE_ITEM = /\b\d{1,2}\.\s+(?=\p{Lu})/gu;
/** "X (Part 1) or Y (Part 2)": what joins one alternative and its label to the next. */
const ALTERNATIVE_JOIN = /^\s*(?:[,;]\s*(?:(?:or|and)\s+)?|(?:or|and)\s+)/i;
/** A negation early in a sentence reaches the alternatives after it, which read alone would lose it. */
const SHARED_NEGATION = /\b(?:no|not|never|without|nor|neither|none)\b/i;

function labelText(raw: string): string {
  return raw
    .replace(/^[^\p{L}\p{N}(]*(?:(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s+)?/u, '')
    .replace(/\s*[:,\-–]\s*$/, '')
    .trim();
}

const hasWords = (t: string): boolean => /[\p{L}\p{N}]{3}/u.test(t);

/**
 * A criterion whose text holds the requirements of several subgroups, each under its own label
 * ("Cohort 1: … . Cohort 2: … . Cohort 3: …", "Part 1: …\n* Part 2: …"), or a lead for everyone
 * and then a subgroup's own requirement ("Have an advanced solid tumor. For Phase 1a, …"), or
 * alternatives each closed by the subgroup they are for ("progressed on standard treatments (Part 1)
 * or 1-2 prior systemic therapies (Part 2)"): its parts, each to be read on its own and bound to its
 * subgroup (parse.ts). Read whole, one subgroup's requirement bound the patients of every other.
 * A lead-in ending in a colon is the frame of every part, read before each. Null when the text is not
 * plainly so divided: a label heading a list of its own, a subgroup named inside a part or in a lead
 * not bound to it, or list items run together in one line, whose ends the labels do not mark.
 */
export function labelledParts(text: string): LabelledPart[] | null {
  if (!LABEL_GATE.test(text)) return null;
  return openingParts(text) ?? closingParts(text);
}

function openingParts(text: string): LabelledPart[] | null {
  const starts: Array<{ start: number; end: number; label: string | null }> = [];
  const first = LEADING_LABEL.exec(text);
  if (first) starts.push({ start: 0, end: first[0].length, label: EVERY_WORD.test(first[0]) ? null : labelText(first[0]) });
  PART_LABEL.lastIndex = first ? first[0].length : 0;
  for (let m = PART_LABEL.exec(text); m; m = PART_LABEL.exec(text)) {
    starts.push({ start: m.index, end: m.index + m[0].length, label: EVERY_WORD.test(m[0]) ? null : labelText(m[0]) });
  }
  if (!starts.some((s) => s.label)) return null;
  // The lead before the first label, less a list marker that opens the label's item ("… : i. Group 1 - …").
  const head = text
    .slice(0, starts[0]!.start)
    .replace(/(?:^|(?<=[:;.])\s+)(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s*$/, '')
    .trim();
  // One label opening the text is subgroupLabel's.
  if (starts.length === 1 && !head) return null;
  if (head && !hasWords(head)) return null;
  // A lead-in ending in a colon ("Have a performance status on the ECOG scale of: Phase I - 0 or 1;
  // Phase II - 0-2") is the frame of every part: each is read after it.
  const frame = /:\s*$/.test(head) ? `${head} ` : '';
  // A lead that names its own subgroup ("Measurable or non-measurable disease is permitted … for phase
  // 1b. For phase 2, …") is that subgroup's part; one that names a subgroup otherwise is left whole.
  const headLabel = head && ANY_LABEL.test(head) ? subgroupLabel(head) : null;
  if (head && ANY_LABEL.test(head) && (frame || !headLabel)) return null;
  for (const m of text.matchAll(INLINE_ITEM)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (!/^[\s*•·-]*$/.test(text.slice(lineStart, m.index))) {
      LABEL_AT.lastIndex = m.index;
      if (!LABEL_AT.test(text)) return null;
    }
  }
  const parts: LabelledPart[] = frame ? [] : headLabel ? [{ label: headLabel.label, text: headLabel.rest }] : head ? [{ label: null, text: head }] : [];
  for (let i = 0; i < starts.length; i++) {
    const part = text.slice(starts[i]!.end, starts[i + 1]?.start ?? text.length).trim();
    if (!/[\p{L}\p{N}]/u.test(part) || /:\s*$/.test(part) || ANY_LABEL.test(part)) return null;
    parts.push({ label: starts[i]!.label, text: `${frame}${part}` });
  }
  return parts;
}

function closingParts(text: string): LabelledPart[] | null {
  const labels = [...text.matchAll(PAREN_LABEL)];
  if (labels.length < 2) return null;
  const last = labels[labels.length - 1]!;
  if (!/^[\s.;]*$/.test(text.slice(last.index + last[0].length))) return null;
  const parts: LabelledPart[] = [];
  let from = 0;
  for (const m of labels) {
    const part = text.slice(from, m.index).trim();
    if (!hasWords(part) || ANY_LABEL.test(part)) return null;
    if (!parts.length && SHARED_NEGATION.test(part)) return null;
    // A short alternative after the first ("brain metastases from either NSCLC (group 1) or melanoma
    // (group 2)") is an item of the first one's list, whose frame it needs: the labels name the items.
    if (parts.length && part.split(/\s+/).length < 4) return null;
    parts.push({ label: m[0].trim().replace(/^\(\s*|\s*\)$/g, ''), text: part });
    const after = text.slice(m.index + m[0].length);
    const join = ALTERNATIVE_JOIN.exec(after);
    if (!join && m !== last) return null;
    from = m.index + m[0].length + (join?.[0].length ?? 0);
  }
  return parts;
}
