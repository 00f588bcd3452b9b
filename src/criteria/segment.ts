/**
 * Segmentation: eligibility text → a list of criteria, each with its kind (inclusion / exclusion),
 * exact source text and character span, and the context it inherits from headings and lead-in lines.
 *
 * The text is Markdown as ClinicalTrials.gov stores it, in every shape registrants use: headed
 * inclusion/exclusion lists, PDQ-style sections (DISEASE CHARACTERISTICS, PATIENT CHARACTERISTICS,
 * PRIOR CONCURRENT THERAPY) with sub-headings, `*`/`-`/`•` bullets, numbered and lettered lists,
 * nested bullets, wrapped lines, and plain paragraphs with no headings at all (which are inclusion).
 */
import { lexicons, type Lexicons } from './lexicon';
import { cancerCohortHeading, subgroupHeading } from './subgroups';
import { normalise, oneByteString, tokenize } from './text';

export type CriterionKind = 'inclusion' | 'exclusion';

export interface Segment {
  kind: CriterionKind;
  /** [start, end) into the source text. */
  span: [number, number];
  /** Exact source text of the span. */
  text: string;
  /** Normalised text of this criterion alone (escapes removed, Unicode folded). */
  normText: string;
  /** Normalised texts of the headings and lead-ins above it, outermost first. */
  context: string[];
  /**
   * Set when a lead-in says only one of its items must hold ("at least one of the following:"); the
   * segment then stands for the whole group and each alternative is listed here.
   */
  alternatives?: Segment[];
}

interface Line {
  start: number;
  end: number;
  indent: number;
  /** Offset where the content starts (after indentation and list marker). */
  contentStart: number;
  marker: string | null;
  content: string;
}

interface Item {
  indent: number;
  kind: CriterionKind;
  start: number;
  end: number;
  children: Item[];
  /** Context inherited from the section and sub-heading in force when the item began. */
  context: string[];
  marker: string | null;
  /** Set on a group made of items joined by a connective item ("A", "OR", "B"): the items it offers. */
  alternatives?: Item[];
  /** A short label over the paragraphs after it ("Ovarian Cancer:"): they are its items, not its text. */
  label?: boolean;
  /** Source ranges of the line breaks and markers inside an item joined from a cut one: not words of it. */
  joins?: Array<[number, number]>;
}

/**
 * A line's list marker. A lone "o" is one too: word processors write sub-bullets so ("  o Stage I-II
 * according to 8th TNM classification"), and no sentence opens on the word "o".
 */
const MARKER =
  /^([ \t]*)((?:\\?[*\-+•▪·◦●○►➢–])|(?:o(?=[ \t]+\S))|(?:\d{1,3}\\?[.)](?!\d))|(?:\(\d{1,3}\))|(?:[a-zA-Z][.)](?=\s))|(?:\([a-zA-Z]\))|(?:[ivxIVX]{1,5}[.)](?=\s))|(?:\([ivxIVX]{1,5}\))|(?:[①-⑳]))[ \t]+/;

/** Words that make a line about criteria an item rather than a heading ("does not meet inclusion criteria"). */
const NOT_HEADING = /\b(not|meet|meets|meeting|met|fulfil+s?|satisf(?:y|ies)|apply|applies|defined|any|all|no|other|protocol|listed|above|below|violat\w*|per)\b/i;

const CRITERIA_HEADING = /^(.{0,60}?)\b(inclusion|exclusion|eligibility|selection)\s+criteri(?:a|on)\b(.*)$/i;
const BARE_HEADING = /^(inclusion|exclusion)s?\s*:?\s*$/i;
/** A label, then the list it heads: "Part B: Inclusion", "Cohort 2 - Exclusion criteria". */
const SUBGROUP_KIND = /^([^:]{1,80}?)\s*(?::|\s[-–])\s*(inclusion|exclusion)s?(?:\s+criteri(?:a|on))?\s*:?\s*$/i;
const PDQ_SECTION = /^(disease characteristics|patient characteristics|prior concurrent therapy)\s*:?\s*(.*)$/i;
const NOT_SPECIFIED = /^(?:not specified|not applicable|n\/a|none|unspecified|no restrictions?|see (?:disease|patient) characteristics)\s*\.?$/i;
/**
 * A lead-in naming the kinds of thing the study accepts ("Eligible regimens", "Acceptable biopsy
 * procedures are:", "Acceptable highly effective methods include"): its items are the choices, of
 * which a patient needs one. ("Acceptable organ function as described below:" names no such kind;
 * its lab lines must all hold.)
 */
const OFFERED_LIST =
  /^(?:the\s+)?(?:eligible|acceptable|allowed|permitted|approved)\s+(?:[\w-]+\s+){0,3}?(?:regimens|(?:tumou?r\s+|cancer\s+|disease\s+)?types|histolog(?:y|ies)|locations|sites|procedures|methods|treatments|therapies|drugs|agents|options)\b[^.;]{0,60}$/i;
/** A lead-in whose items are alternatives: only one needs to hold. */
const ANY_OF = /\b(?:at least one|one or more|any one|any|one|either)\b[^.:]{0,40}\b(?:following|of these|criteria|below)\b|\beither\s*:?\s*$/i;
/**
 * The words of a sentence about the criteria list itself ("Participants will be excluded from the
 * study if one or more of the following criteria are applicable:", "Does not meet inclusion
 * criteria", "There are no exclusion criteria for this study"): a heading, not a criterion. A line
 * made only of these words carries no requirement of its own; one word of content ("Adequate organ
 * function defined as:", "Patients must have received the following treatment:", "… of the parent
 * study") keeps it a criterion.
 */
const LIST_WORDS = new Set(
  (
    'patients patient participants participant subjects subject individuals individual persons person people candidates candidate ' +
    'a an the any all each every potential who whom which that this these those it they he she there ' +
    'will would be are is was were been shall should must may can could has have having does do did to not no if as per ' +
    'meet meets meeting met fulfil fulfill fulfils fulfills fulfilling satisfy satisfies satisfying fit fits fail fails failure ' +
    'following below above listed list set forth detailed outlined described mentioned herein section specified specific ' +
    'criteria criterion conditions requirements apply applies applicable present presence true one or more of at least ' +
    'excluded exclude excludes exclusion exclusions ineligible eligible eligibility included include includes inclusion in from for ' +
    'study trial protocol entry enrollment enrolment enrolled enroll enrol enter entering participation participate participating considered qualify ' +
    'order key general also additionally additional further and both otherwise before prior time screening only need needs ' +
    'needed required seeking verified disqualified disqualify disqualifies their unless specify specifies cohort cohorts'
  ).split(' '),
);
/** The list the sentence points at. */
const LIST_POINTER = /\b(?:following|below|above|listed|criteria|criterion)\b/i;
/** The sentence says who is excluded: the items under it are exclusions. */
const LIST_EXCLUDES = /\b(?:exclud\w*|ineligible|exclusions?|disqualif\w*)\b|\bnot\s+(?:be\s+)?eligible\b/i;
/**
 * The sentence forbids its items ("Participants must not have any of the following:", "… none of
 * the following"): each item is an exclusion, not an alternative. Read as the alternatives of an
 * inclusion, "must not have any of: X, Y" had required X or Y, the opposite of the text. The negation
 * must govern the list: "must not be pregnant and have either of the following:" offers its items.
 */
const LIST_FORBIDS =
  /\b(?:not|no|never|without)\s+(?:(?!(?:and|or|but)\b)[\w-]+\s+){0,4}?(?:any|either)\s+(?:one\s+)?of\s+(?:the\s+|these\s+)?(?:following|these|below)\b|\bnone\s+of\s+(?:the\s+|these\s+)?(?:following|these|below)\b/i;
const listExcludes = (norm: string): boolean => LIST_EXCLUDES.test(norm) || LIST_FORBIDS.test(norm);

/**
 * A sentence that settles which of two criteria lists governs ("When atezolizumab-specific
 * inclusion/exclusion criteria … differ from those specified in the Master Protocol, the
 * atezolizumab-specific criteria will take precedence."): about the lists, whatever it names.
 */
const LISTS_PRECEDENCE = /^[^.;:]{0,200}\bcriteria\b[^.;:]{0,200}\b(?:take|takes|will\s+take)\s+precedence\b[^.;:]{0,40}\.?$/i;

/** A sentence about the criteria list itself, with no requirement of its own. */
function listLeadIn(norm: string): boolean {
  if (LISTS_PRECEDENCE.test(norm.replace(/^\W+/, ''))) return true;
  if (norm.length > 220 || !LIST_POINTER.test(norm)) return false;
  // Numbers name something ("protocol 12-345"), except a count of the items ("any 1 of the following").
  if (/\d/.test(norm.replace(/\b(?:any|least)\s+\d\s+of\b/gi, ''))) return false;
  const words = norm.toLowerCase().match(/\p{L}+/gu);
  // One that names a cohort ("The following criteria apply to cohort A only") binds its list to it.
  return words !== null && words.every((w) => LIST_WORDS.has(w)) && !(words.some((w) => w.startsWith('cohort')) && subgroupHeading([norm]) !== null);
}

/** A lead-in that introduces its items rather than stating a criterion of its own. */
const LEAD_IN = /(?::\s*$)|(?:\b(?:as follows|the following|defined as|including|include|includes|such as|as below|below)\s*:?\s*$)/i;
/**
 * A lead-in that ends by pointing at the lines after it ("… as evidenced by:", "… as below:",
 * "… defined as:"): only such a line may take the sibling bullets after it as its items.
 */
const SIBLING_LEAD_IN = /(?:\b(?:as\s+follows|the\s+following|defined\s+as|as\s+below|(?:as\s+)?evidenced\s+by|as\s+(?:shown|defined|described)\s+below|below|following)\s*:?|:)\s*$/i;
/** A verb that makes a short line ending in a colon a sentence that leads in, not a label. */
const LEAD_IN_VERB = /\b(?:must|should|shall|will|are|is|have|has|had|be|include|includes|including|meet|with|without|of|if)\b/i;
/** A label of a few words ending in a colon, with no verb: "Ovarian Cancer:", "Part 2A and 2B:". */
function isShortLabel(norm: string): boolean {
  return /^[^.;:]{1,40}:$/.test(norm) && norm.split(/\s+/).length <= 4 && !LEAD_IN_VERB.test(norm);
}
/** A lead-in whose items are the exceptions to it: "…, except for:", "… with the following exceptions:", "… unless:". */
const EXCEPTIONS_FOLLOW =
  /(?:\b(?:except(?:ions?)?(?:\s+for)?|other\s+than|with\s+the\s+(?:following\s+)?(?:qualifications\s+and\s+)?exceptions?(?:\s+of|\s+(?:which|that)\s+(?:are|is)\s+(?:allowed|permitted))?|exceptions?\s+(?:to\s+this\s+\w+\s+)?(?:include|are)|excluding|apart\s+from|unless)\b(?:\s+(?:the\s+following|any\s+of\s+the\s+following|that|those|participants|patients)){0,2}\s*:?|^exceptions?\s*:?)\s*$/i;
/**
 * An exclusion lead-in whose items are what it lets in: "The following are exceptions to this
 * criterion (see Section 4.7.1.1):", "… with exceptions of:", "Patients with the following are
 * permitted to enrol:", "Subjects with the following will be eligible:", "The following are permitted:".
 */
const EXEMPTIONS_FOLLOW =
  /(?:\b(?:are|is)\s+(?:an?\s+)?exceptions?\s+to\s+(?:this|the)\s+\w+|\bwith\s+exceptions?\s+of|\bexceptions?\s+(?:are|is)\s+(?:permitted|allowed)|\bfollowing\b[^.;:]{0,100}\b(?:permitted|allowed|eligible|acceptable|exempt)(?:\s+to\s+(?:enrol\w*|enroll\w*|join|participate|enter)(?:\s+(?:in\s+)?(?:the\s+)?(?:group|study|trial))?)?)\s*(?:\([^()]*\))?\s*:$/i;
/**
 * A lead-in that lets patients in on the conditions listed after it: "Patients with HIV are eligible
 * provided the following conditions are met:", "… may enroll provided all of the following apply:".
 */
const ADMITS_IF_FOLLOWING =
  /\b(?:eligible|allowed|permitted|may\s+(?:enrol\w*|enroll\w*|participate))\b[^.;:]{0,60}?\b(?:if|provided|when|as\s+long\s+as)\b[^.;:]{0,60}?\bfollowing\b[^.;:]{0,60}:$/i;
/**
 * A lead-in whose items are exceptions to it or what it lets in (EXCEPTIONS_FOLLOW,
 * EXEMPTIONS_FOLLOW): an item under one names what the criterion spares, never a criterion of its own.
 */
export function exemptionLeadIn(norm: string, kind: CriterionKind = 'exclusion'): boolean {
  return EXCEPTIONS_FOLLOW.test(norm) || (kind === 'exclusion' && EXEMPTIONS_FOLLOW.test(norm));
}
/** An item short enough to be one entry of an exception list: "Vitiligo", "Managed hypothyroidism (on stable replacement doses)". */
function isListEntry(norm: string): boolean {
  return norm.split(/\s+/).length <= 10 && !/[.;:]\s+\S/.test(norm);
}
/** The first and last words of a short label ending in a colon ("Requirements … melanoma:"), else null. */
function labelShape(norm: string): { first: string; last: string } | null {
  if (!/:$/.test(norm) || norm.length > 80 || /[.;]\s+\S/.test(norm)) return null;
  const words = norm.slice(0, -1).toLowerCase().replace(/^non-/, '').match(/[\p{L}]+(?:-[\p{L}]+)*/gu);
  if (!words || !words.length) return null;
  return { first: words[0]!.replace(/^non-/, ''), last: words[words.length - 1]!.replace(/^non-/, '') };
}
/** Two labels of one series: "Requirements for patients with melanoma:" / "… with NSCLC:", "Melanoma Cohorts:" / "Non-Melanoma Cohorts:". */
function sameShape(a: { first: string; last: string }, b: { first: string; last: string } | null): boolean {
  return b !== null && (a.first === b.first || a.last === b.last);
}
/** A note on the criterion above ("NOTE:", "Note that", "N.B.", "Please note"), or the exceptions to it ("EXCEPTIONS: …", "UNLESS these … are not clinically indicated"). */
const NOTE = /^\W*(?:notes?\b(?!\s+(?:of|on|in|from|by)\b)|n\.\s?b\.|please\s+note\b|exceptions?\s*:|unless\b)/i;
/** A letter or number opening the text inside a bullet ("* a. Congestive heart failure …"). */
const INNER_MARKER = /^\s*(?:\(?[a-z]\)|[a-z][.)](?=\s)|\(?(?:i{1,3}|iv|vi{0,3})[.)](?=\s)|\d{1,2}[.)](?=\s))/i;
/**
 * Text with no word in it: Markdown leftovers ("<!-- -->", "\\-", "*") and a list marker alone on its
 * line ("a.", "1)"). Not a criterion. Letters and digits of any script count as words, so "≥18." is kept.
 */
const NO_WORDS = /^(?:[^\p{L}\p{N}]*|\s*\(?(?:[a-z]|[ivx]{1,4}|\d{1,3})[.)]\s*)$/iu;
/** An item that is only a connective between the items around it ("OR", "or -", "and/or"). */
const CONNECTIVE = /^[^\p{L}\p{N}]*(?:or|and\s*\/\s*or)[^\p{L}\p{N}]*$/iu;
/**
 * "Prior therapy", "Previous Therapy" over items: the topic the items are about, which says neither
 * that the therapy is required nor that it is forbidden (the items under NCT05384496's say "No prior
 * systemic therapy"). Written alone it stays a criterion (section-titles.json leaves it out for that).
 */
const THERAPY_LABEL = /^\W*(?:prior|previous)\s+(?:(?:anti-?cancer|systemic)\s+)?(?:therapy|therapies|treatments?)\s*:?\s*$/i;
/** Words about the list rather than the patient: "the criteria", "the exceptions below", "the following". */
const LIST_TALK = /\b(?:criteria|criterion|the\s+following)\b|\b(?:exceptions?|as|listed|defined|described)\s+(?:below|above)\b/i;
/**
 * Sentence ends, not abbreviations ("e.g.", "i.e.", "etc.", "vs.", "approx.") nor the number of an
 * item run into the line ("Phase II 18. Patients must have …").
 */
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|etc|vs|approx|incl|no|nos|ca|cf)|(?:^|\s)\(?\d{1,2})[.;]\s+(?=[A-Z])/g;
/**
 * Where the sentences before a lead-in's last one end, when they hold three words or more: the lead-in
 * states something first. -1 when it does not.
 */
function stateBeforeLeadIn(text: string): number {
  let last = -1;
  for (const m of text.matchAll(SENTENCE_END)) last = m.index;
  if (last <= 0) return -1;
  const stated = text.slice(0, last).trim();
  // "Unless otherwise specified, the exclusion criteria are common to both phases." is about the list.
  return stated.split(/\s+/).length >= 3 && !LIST_TALK.test(stated) ? last + 1 : -1;
}

const EXCEPTIONS_LABEL = /^\W*(?:exceptions?|exemptions?)\s*:?\s*$/i;

/** A preposition no criterion ends on (segment's cut items): "… inhibitors or inducers of", "… in the opinion of". */
const CUT_AFTER = /\b(?:of|with|than|to|by|from|between)$/i;
/** A line ending on its modal, left without the verb its items supply ("Women of childbearing potential must", then "* Have a negative pregnancy test"). */
const MODAL_AFTER = /\b(?:must|should|shall|will)(?:\s+(?:have|be|not))?$/i;
/** Words that make the items after a line its exceptions rather than the rest of it. */
const EXCEPTION_WORD = /\b(?:except\w*|other\s+than|unless|excluding|apart\s+from|aside\s+from|besides)\b/i;
/** An item that hands over to the next with "or" ("Hereditary pancreatitis or", "Creatinine < 1.5 × ULN; OR"). */
const TRAILING_OR = /(?:^|[\s,;)])(?:and\s*\/\s*)?or[\s.:]*$/i;
/** An item that takes over from the one above with "or" ("Or patients with HR-positive …"). */
const LEADING_OR = /^[^\p{L}\p{N}]*or\s+\p{L}/iu;

/** A label's words without the bullets, dashes and colon around it: "-Serology" → "serology". */
function labelWords(text: string): string {
  return normalise(text)
    .text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const firstWordsCache = new WeakMap<Lexicons, Set<string>>();
/** The first words of the lab-panel headings: a cheap test every line goes through first. */
function panelFirstWords(lex: Lexicons): Set<string> {
  let set = firstWordsCache.get(lex);
  if (!set) {
    set = new Set([...lex.labPanels.headings].map((h) => /[\p{L}\p{N}]+/u.exec(h)?.[0] ?? ''));
    firstWordsCache.set(lex, set);
  }
  return set;
}

/** A line that only names a lab panel or organ system ("Hematology", "Renal:", "-Serology"): rules/lab-panels.json. */
function isPanelHeading(text: string, lex: Lexicons): boolean {
  if (text.length > 60) return false;
  const first = /[\p{L}\p{N}]+/u.exec(text);
  return first !== null && panelFirstWords(lex).has(first[0].toLowerCase()) && lex.labPanels.headings.has(labelWords(text));
}

/** A line that is only a title a protocol template gives part of its lists ("Medical Conditions", "Prior/Concomitant Therapy"): rules/section-titles.json. */
function isSectionTitle(text: string, lex: Lexicons): boolean {
  return text.length <= 80 && lex.sectionTitles.has(labelWords(text));
}

/** A parenthesised label naming the subgroups a list is for: "(all Phases)", "(Part 1-4)", "(Part 5)". */
const PAREN_SUBGROUPS = /^\(\s*(?:for\s+)?(?:all\s+|both\s+)?(?:parts?|phases?|cohorts?|groups?|arms?|modules?)\b[^()]{0,30}\)$/i;

/**
 * A short line that only names the subgroup its items are for ("Part A", "Phase 1: (dose
 * escalation)", "SAFETY COHORT", "PHASE II PRE-REGISTRATION", "(Part 5)"): a heading, whose subgroup
 * subgroups.ts binds them to. One that says more ("Part 1: patients with melanoma") is a criterion.
 */
function isSubgroupLabel(norm: string, lex: Lexicons): boolean {
  const t = norm.trim().replace(/:$/, '').trim();
  if (PAREN_SUBGROUPS.test(t)) return true;
  if (t.length > 60 || /[.;,]/.test(t) || LEAD_IN_VERB.test(t.replace(/\([^()]*\)/g, ' '))) return false;
  // A label that names its cohort's cancer ("For Arm 1 patients (sinonasal melanoma)") states that
  // requirement too, and stays a criterion bound to its subgroup.
  return subgroupHeading([t]) !== null && !lex.index.scan(t).some((m) => m.type === 'cancer');
}

/**
 * A lab line, as written under a lab-panel heading: it opens with a lab name ("ANC ≥ 1.5 × 10^9/L",
 * "Serum creatinine ≤ 1.5 × ULN"; one stray word such as a letter bullet may come first) or with a
 * test result ("Seronegative for HIV antibody"). A sentence that only mentions a lab later on
 * ("Subjects must have had a cardiac ejection fraction of >50%") is not one.
 */
function isLabLine(text: string, lex: Lexicons): boolean {
  const n = normalise(text.slice(0, 200)).text.replace(/^[^\p{L}\p{N}]+/u, '');
  const lower = n.toLowerCase();
  if (lex.labPanels.resultOpenings.some((r) => lower.startsWith(r) && !/[\p{L}\p{N}]/u.test(lower.charAt(r.length)))) return true;
  const tokens = tokenize(n);
  const lab = lex.index.scan(n, tokens).find((m) => m.type === 'lab');
  return lab !== undefined && tokens.findIndex((t) => t.end > lab.start) <= 2;
}

/** A lettered or numbered label at the end of a line: "… ≥ 90 g/L b. Hepatic:" → "Hepatic". */
const INLINE_LABEL = /\s(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s+([^.:;\n]{1,40}?):?\s*$/i;

/** Marker families: a connective joins items of one list, whose markers are of one family. */
function markerFamily(marker: string | null): string {
  if (marker === null) return 'none';
  if (marker === 'o') return 'bullet';
  if (/^\(?\d|^[①-⑳]/.test(marker)) return 'number';
  if (/^\(?[a-zA-Z]/.test(marker)) return 'letter';
  return 'bullet';
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  let escapedIndent: number | null = null;
  const numberIndent = new Map<number, number>();
  let lastNumber: { n: number; indent: number } | null = null;
  for (const raw of source.split('\n')) {
    const start = pos;
    const end = pos + raw.length;
    pos = end + 1;
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) continue;
    const m = MARKER.exec(line);
    const lead = /^[ \t]*/.exec(line)![0];
    let indent = lead.replace(/\t/g, '  ').length;
    // Numbers CT.gov escapes ("10\.") open lines it did not take for list items, so their indent is
    // an accident of the text around them ("  10\." after a bullet list under "8\."): such a number
    // continues the list of the number before it ("9."), or else of the first escaped number.
    const num = m ? /^(\d+)(\\)?/.exec(m[2]!) : null;
    if (num?.[2]) {
      indent = numberIndent.get(Number(num[1]) - 1) ?? escapedIndent ?? indent;
      escapedIndent ??= indent;
    }
    if (num) numberIndent.set(Number(num[1]), indent);
    const contentOffset = m ? m[0].length : lead.length;
    let contentEnd = start + line.length;
    while (contentEnd > start + contentOffset && /\s/.test(source[contentEnd - 1]!)) contentEnd--;
    const whole: Line = {
      start,
      end: contentEnd,
      indent,
      contentStart: start + contentOffset,
      marker: m ? m[2]! : null,
      content: source.slice(start + contentOffset, contentEnd),
    };
    for (const part of inlineOrdinals(whole, source).flatMap((l) => inlineItems(l, source, lastNumber))) {
      const n: RegExpExecArray | null = part.marker ? /^\(?(\d+)/.exec(part.marker) : null;
      if (n && part !== whole) numberIndent.set(Number(n[1]), part.indent);
      if (n) lastNumber = { n: Number(n[1]), indent: part.indent };
      lines.push(part);
    }
  }
  return lines;
}

/**
 * A word before a number that makes it part of the sentence ("grade 2. Patients", "stage 3. …"),
 * not the next item's number.
 */
const COUNTED_WORD = /\b(?:grades?|stages?|types?|phases?|cycles?|levels?|parts?|cohorts?|arms?|steps?|days?|weeks?|months?|years?|versions?|v|class|tiers?|groups?|lines?|criteri(?:on|a)|items?|sections?|no|nos|number|and|or|to|of|than)\s*$|[≥≤<>=]\s*$/i;

/**
 * The list's next number run on after a word with no full stop ("1\\. Age ≥18 years of age 2.
 * Histologically confirmed …", "9. … within normal laboratory parameters 10. Women must not be …"):
 * a number that counts something or states a score ("Grade 2.", "ECOG status 2.", "≤ 2.") is the
 * criterion's own.
 */
function runOnNumber(before: string): boolean {
  return /\p{L}{2,}\s+$/u.test(before) && !COUNTED_WORD.test(before) && !/\b(?:status|scores?|ecog|kps|ps|performance|who|size|count|dose|doses|times|version|rev|amendment|appendix|table|figure|protocol)\s*$/i.test(before);
}

/**
 * Numbered items run together on one line, their line breaks lost: "9. Serum creatinine ≤ 2.0 × ULN.
 * 10. Cardiac ejection fraction > 45%" (the list's next number, after a sentence end), or a list of
 * its own after a colon, "except for: 1. Type I diabetes; 2. Hypothyroidism; 3. …" (numbered from 1,
 * two items at least). Each becomes a line of its own, at the same [start, end) offsets into the
 * source: the next number as a sibling, the list after a colon one level under the line.
 */
function inlineItems(line: Line, source: string, lastNumber: { n: number; indent: number } | null): Line[] {
  if (!/\d\\?[.)](?:\s|\p{Lu})/u.test(line.content)) return [line];
  // A list numbered "(1)", "(2)": its next numbers are written the same way ("(1) Women aged ≥ 20
  // years and ≤ 70 years (2) Patients newly diagnosed with …"), whatever ends the item before them.
  if (line.marker !== null && /^\(\d/.test(line.marker)) return bracketedItems(line, source);
  // Markers in the line's content: "N." or "N)" after whitespace, before a word or a bracket. A
  // sibling's number must open a sentence (a capital); a sub-list's numbers carry their own count.
  const nums: { pos: number; n: number; len: number; marker: string; before: string; capital: boolean }[] = [];
  // The space after the marker may be lost too ("… sterilization. 13.Patients may not …"): then a
  // word must follow that opens with a capital and goes on in lower case, not a unit or a code.
  const re = /(?<=\s)(\d{1,2})(\\?[.)])(?:[ \t]+(?=[\p{L}(])|(?=\p{Lu}\p{Ll}{2}))/gu;
  for (let m = re.exec(line.content); m; m = re.exec(line.content)) {
    const after = line.content.charAt(m.index + m[0].length);
    nums.push({
      pos: line.contentStart + m.index,
      n: Number(m[1]),
      len: m[0].length,
      marker: m[1]! + m[2]!,
      before: line.content.slice(Math.max(0, m.index - 20), m.index),
      capital: after === '(' || after !== after.toLowerCase(),
    });
  }
  const parts: Line[] = [];
  // Ends `from` before the marker at `pos` and returns the line that marker opens.
  const cut = (from: Line, x: (typeof nums)[number], indent: number): Line => {
    let end = x.pos;
    while (end > from.contentStart && /\s/.test(source[end - 1]!)) end--;
    parts.push({ ...from, end, content: source.slice(from.contentStart, end) });
    const contentStart = x.pos + x.len;
    return { start: x.pos, end: from.end, indent, contentStart, marker: x.marker, content: source.slice(contentStart, from.end) };
  };
  // A list of its own after a colon: "…: 1. A 2. B 3. C", counted from 1.
  const sub: typeof nums = [];
  const first = nums.findIndex((x) => x.n === 1 && /:\s*$/.test(x.before));
  // Only under an item's own line: in a paragraph continuing the item above, the colon may close a
  // sentence of that item's, whose other parts the sub-list would cut off.
  if (first >= 0 && line.marker !== null) {
    for (const x of nums.slice(first)) if (x.n === sub.length + 1 && (x.n === 1 || !COUNTED_WORD.test(x.before))) sub.push(x);
    if (sub.length < 2) sub.length = 0;
  }
  // The list's next numbers, each after a sentence end ("… ≥ 45 mL/min. 9. Cardiac …"), before any sub-list.
  // A line under a bullet continues the numbered list above it: "8. Adequate organ function:", "*
  // Creatinine ≤ 2.0 × ULN. 9. Cardiac ejection fraction > 45%".
  let cur = line;
  const own = line.marker ? /^\(?(\d+)/.exec(line.marker) : null;
  const list = own ? { n: Number(own[1]), indent: line.indent } : lastNumber;
  if (list) {
    let expect = list.n + 1;
    for (const x of nums) {
      if (sub[0] && x.pos >= sub[0].pos) break;
      if (x.n !== expect || !x.capital || !(/[.;]\s*$/.test(x.before) || runOnNumber(x.before))) continue;
      cur = cut(cur, x, list.indent);
      expect++;
    }
  }
  for (const x of sub) cur = cut(cur, x, line.indent + 1);
  parts.push(cur);
  return parts;
}

/** Items of a list numbered "(1)", "(2)" run together on the line of the first (inlineItems). */
function bracketedItems(line: Line, source: string): Line[] {
  const own = Number(/^\((\d+)/.exec(line.marker!)![1]);
  const parts: Line[] = [];
  let cur = line;
  let expect = own + 1;
  const re = /(?<=\s)\((\d{1,2})\)[ \t]+(?=[A-Z])/g;
  for (let m = re.exec(line.content); m; m = re.exec(line.content)) {
    if (Number(m[1]) !== expect) continue;
    const pos = line.contentStart + m.index;
    let end = pos;
    while (end > cur.contentStart && /\s/.test(source[end - 1]!)) end--;
    parts.push({ ...cur, end, content: source.slice(cur.contentStart, end) });
    const contentStart = pos + m[0].length;
    cur = { start: pos, end: line.end, indent: line.indent, contentStart, marker: `(${m[1]})`, content: source.slice(contentStart, line.end) };
    expect++;
  }
  parts.push(cur);
  return parts;
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

/**
 * Lettered or roman items run together on one line: "(i) A circulating lymphocyte count of > 50,000/µL.
 * (ii) Hepatic dysfunction: …", "Neutrophils ≥ 1,500/µL; ii. Platelets ≥ 100,000/µL; iii. …". After a
 * line opened by such a marker, the list's next marker in the same form, after a sentence end and
 * before a capital, opens a sibling line: read as one criterion the items had all been needed
 * together, where each excludes on its own. Single letters other than "i" are letters ("(c)"), so a
 * lettered list runs a, b, c and a roman one i, ii, iii.
 */
function inlineOrdinals(line: Line, source: string): Line[] {
  const own = line.marker ? /^(\(?)([a-zA-Z]{1,5})\\?([.)])$/.exec(line.marker) : null;
  if (!own) return [line];
  const [open, label, close] = [own[1]!, own[2]!, own[3]!];
  const esc = (t: string) => t.replace(/[.()]/g, (c) => `\\${c}`);
  const lower = label.toLowerCase();
  const roman = lower === 'i' || (lower.length > 1 && ROMAN.includes(lower));
  if (!roman && lower.length > 1) return [line];
  const upper = label !== lower;
  const nth = (n: number): string | undefined => {
    const l = roman ? ROMAN[n - 1] : n <= 26 ? String.fromCharCode(96 + n) : undefined;
    return l && (upper ? l.toUpperCase() : l);
  };
  let n = roman ? ROMAN.indexOf(lower) + 1 : lower.charCodeAt(0) - 96;
  const parts: Line[] = [];
  let cur = line;
  for (;;) {
    const next = nth(n + 1);
    if (!next) break;
    const re = new RegExp(`(?<=[.;]\\s+)${esc(open)}${next}\\\\?${esc(close)}[ \\t]+(?=[A-Z(])`, 'g');
    re.lastIndex = cur.contentStart - line.contentStart;
    const m = re.exec(line.content);
    if (!m) break;
    const pos = line.contentStart + m.index;
    let end = pos;
    while (end > cur.contentStart && /\s/.test(source[end - 1]!)) end--;
    parts.push({ ...cur, end, content: source.slice(cur.contentStart, end) });
    const contentStart = pos + m[0].length;
    cur = { start: pos, end: line.end, indent: line.indent, contentStart, marker: m[0].trim(), content: source.slice(contentStart, line.end) };
    n++;
  }
  parts.push(cur);
  return parts;
}

type Heading =
  | { type: 'kind'; kind: CriterionKind | null; label: string; rest: string; restOffset: number; subgroup?: string }
  | { type: 'section'; label: string; rest: string; restOffset: number }
  | { type: 'subheading'; label: string };

/** Recognises a heading line; `rest` is inline text after "Inclusion Criteria:" on the same line. */
function heading(line: Line, next: Line | undefined, lex: Lexicons): Heading | null {
  const n = normalise(line.content).text.trim();
  if (n.length > 240) return null;
  // Past 140 characters only a heading followed by a sentence about its list (tailTalk) is one.
  const long = n.length > 140;
  const bare = BARE_HEADING.exec(n);
  if (bare) return { type: 'kind', kind: bare[1]!.toLowerCase() as CriterionKind, label: n, rest: '', restOffset: 0 };
  // A subgroup's own lists: "Phase 2a Expansion Group 3a (Head and Neck): Inclusion", "… : Exclusion".
  const labelled = SUBGROUP_KIND.exec(n);
  if (labelled && subgroupHeading([labelled[1]!])) {
    return { type: 'kind', kind: labelled[2]!.toLowerCase() as CriterionKind, label: n, rest: '', restOffset: 0, subgroup: labelled[1]!.trim() };
  }
  const crit = CRITERIA_HEADING.exec(n);
  if (long && !crit) return null;
  if (crit) {
    const [, prefix = '', word = '', tail = ''] = crit;
    const prefixWords = prefix.trim() ? prefix.trim().split(/\s+/).length : 0;
    const mentionsBoth = /inclusion/i.test(n) && /exclusion/i.test(n);
    // "Exclusion Criteria Subjects who meet any of the following…" opens with the heading itself;
    // a qualified heading ("Key Inclusion Criteria") must be short and carry no verb of its own.
    const startsLine = prefixWords === 0;
    // "Stage II General Inclusion Criteria The following general inclusion criteria apply to all
    // participants unless cohort criteria specify otherwise.": a heading, then a sentence about its list.
    const tailTalk = prefixWords <= 6 && !NOT_HEADING.test(prefix) && !tail.includes(':') && listLeadIn(normalise(tail).text.trim());
    const qualified = prefixWords <= 6 && !NOT_HEADING.test(prefix) && (!/\bapply\b|\bmust\b|\bmeet/i.test(tail) || tailTalk);
    if (long && !tailTalk) return null;
    if ((startsLine && !/^\s*(?:apply|applies|are not|is not|will not)\b/i.test(tail)) || qualified) {
      const colon = line.content.indexOf(':');
      const rest = colon >= 0 ? line.content.slice(colon + 1).trim() : '';
      // Inline text after the colon is an item only when the heading itself is short.
      const inline = colon >= 0 && rest.length > 0 && colon < 80 ? rest : '';
      // "Non-inclusion criteria" (a translation of the French "critères de non-inclusion") are exclusions.
      const kind = mentionsBoth
        ? null
        : /exclusion/i.test(word) || /\bnon[-\s]?$/i.test(prefix)
          ? 'exclusion'
          : /inclusion/i.test(word)
            ? 'inclusion'
            : null;
      if (startsLine || tail.length <= 90 || inline || tailTalk) {
        // "Phase 1b Inclusion Criteria": the list is that subgroup's.
        // So is "Additional non-inclusion criteria for subjects of cohort 1:".
        const tailLabel = tail.replace(/^[\s:]+|[\s:]+$/g, '');
        const subgroup =
          prefix.trim() && subgroupHeading([prefix.trim()])
            ? prefix.trim()
            : tailLabel && !inline && !/\b(?:across|all|both|every|each|common|general)\b/i.test(tailLabel) && subgroupHeading([tailLabel])
              ? tailLabel
              : undefined;
        return {
          type: 'kind',
          kind,
          label: n,
          rest: inline,
          restOffset: inline ? line.contentStart + line.content.indexOf(rest, colon) : 0,
          ...(subgroup ? { subgroup } : {}),
        };
      }
    }
  }
  if (long) return null;
  const pdq = PDQ_SECTION.exec(n);
  if (pdq) {
    const restRaw = pdq[2]!.trim();
    return {
      type: 'section',
      label: pdq[1]!.toUpperCase(),
      rest: restRaw,
      restOffset: restRaw ? line.contentStart + line.content.lastIndexOf(restRaw.slice(0, 10)) : 0,
    };
  }
  // A template's section title ("Medical Conditions", "Other Medical Conditions") or a subgroup's
  // label ("Phase 1: (dose escalation)") on a line of its own heads the list after it.
  // Only at the margin: indented inside a list, such a line heads the items of one entry of it.
  if (!line.marker && line.indent === 0 && next && next.marker !== null && next.indent >= line.indent && (isSectionTitle(n, lex) || isSubgroupLabel(n, lex))) {
    return { type: 'subheading', label: n.replace(/\s*:\s*$/, '') };
  }
  // PDQ-style sub-headings ("Age:", "Performance status:", "Biologic therapy") introduce a list.
  if (!line.marker && n.length <= 50 && next && next.marker !== null && next.indent >= line.indent) {
    if (/:\s*$/.test(n) && n.split(/\s+/).length <= 6) return { type: 'subheading', label: n.replace(/:\s*$/, '') };
    if (/^[A-Z][a-z]+(?: [a-z]+){0,3}$/.test(n) && !/[.;]$/.test(n)) return { type: 'subheading', label: n };
  }
  return null;
}

/**
 * A line set apart by a blank line that only names a cancer, over a list item ("Ovarian Carcinoma",
 * then "7. Pathologically documented high-grade serous …"): the cohort heading of a basket trial,
 * even when indented inside an item's list ("… as follows:"). Its items are that cohort's, which
 * parse.ts (scopeCancerCohorts) binds to it; as part of the item above, it would be read as a
 * cancer every patient must have.
 */
function cancerCohortLine(line: Line, next: Line | undefined, lex: Lexicons): Heading | null {
  if (line.marker || !next || next.marker === null) return null;
  const n = normalise(line.content).text.trim();
  if (n.length > 60 || /[.;,:]$/.test(n) || !cancerCohortHeading(n, lex)) return null;
  return { type: 'subheading', label: n };
}

/** A label for every patient ("All Tumor Types", "General", "All cohorts"), for another cancer's cohort, or for another subgroup. */
const siblingOfSubheading = (label: string, lex: Lexicons): boolean =>
  /^(?:(?:for\s+)?(?:all|every|each|both|any)\b|general\b|common\b)/i.test(label) ||
  cancerCohortHeading(label, lex) !== null ||
  subgroupHeading([label]) !== null;

/**
 * A paragraph that opens with a cohort's cancer and then its first lettered item, on one line
 * ("Non-small Cell Lung Cancer aa. Histologically or cytologically documented …", "Breast Cancer dd.
 * Pathologically documented …"): the cohort's heading, run into its first item. Returns the heading
 * and the offset in the line's content where the item's text starts.
 */
function inlineCohortHeading(line: Line, lex: Lexicons): { heading: Heading; itemAt: number } | null {
  if (line.marker) return null;
  const m = /^(\S[^.:;]{2,58}?)\s+(?:[a-z]{1,2}|\d{1,2})[.)]\s+(?=[A-Z])/.exec(line.content);
  if (!m) return null;
  const label = normalise(m[1]!).text.trim();
  return cancerCohortHeading(label, lex) ? { heading: { type: 'subheading', label }, itemAt: m[0].length } : null;
}

/**
 * A heading over the rules for taking a patient off the study ("Withdrawal Criteria", "Exit
 * criteria:", "Discontinuation criteria"): what follows is not eligibility. Read as exclusions, "Progression
 * according to RECIST 1.1" had excluded the progressing patients the trial is for.
 */
const OFF_STUDY_HEADING = /^\W*(?:(?:study|treatment|patient|subject|participant)\s+)?(?:withdrawal|discontinuation|exit|removal|stopping|off[-\s]study)\s+(?:criteria|rules)\s*:?\s*$/i;

/** Splits eligibility criteria text into criteria. Never throws; empty text gives no criteria. */
export function segmentCriteria(source: string, lex: Lexicons = lexicons()): Segment[] {
  const lines = splitLines(source);
  const roots: Item[] = [];
  const stack: Item[] = [];
  let kind: CriterionKind = 'inclusion';
  let section: string[] = [];
  let sub: string | null = null;
  let prevLineEnd = -1;
  let prevWasHeading = true;
  // The indent of the items under a cohort line (cancerCohortLine) nested in an item's list: an item
  // further out is the outer list's again ("4. Has ≥1 measurable lesion …" after the cohorts of "3. …
  // as follows:"), which the cohort no longer heads.
  let cohortIndent: number | null = null;
  // The sub-heading in force ("Melanoma:", or a cohort line): its own indent, and the one it stands
  // under (a subgroup named by the criteria heading), which a sibling label after its items gives back.
  let subHead: { indent: number; outer: string | null } | null = null;
  let offStudy = false;
  let groupLabel: string | null = null;

  const context = (): string[] => (sub ? [...section, sub] : [...section]);

  const open = (indent: number, start: number, end: number, marker: string | null = null): void => {
    const item: Item = { indent, kind, start, end, children: [], context: context(), marker };
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(item);
    else roots.push(item);
    stack.push(item);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const blankBefore = prevLineEnd >= 0 && /\n[ \t]*\r?\n/.test(source.slice(prevLineEnd, line.start));
    const found = heading(line, lines[i + 1], lex);
    // A cohort's label over its own criteria headings ("MELANOMA:", then "Inclusion Criteria:" and
    // "Exclusion Criteria:", then "NON-MELANOMA:" and its two lists) names the group both lists are for,
    // up to the next such label. Read as no heading, the melanoma cohort's criteria bound every patient.
    const nextLine = lines[i + 1];
    if (!line.marker && nextLine && !found && /\p{L}/u.test(line.content) && heading(nextLine, lines[i + 2], lex)?.type === 'kind' && isShortLabel(normalise(line.content).text.trim().replace(/(?<!:)$/, ':'))) {
      const label = normalise(line.content).text.trim().replace(/\s*:$/, '');
      groupLabel = cancerCohortHeading(label, lex) || subgroupHeading([label]) ? label : null;
      prevLineEnd = line.end;
      continue;
    }
    if (!line.marker && OFF_STUDY_HEADING.test(normalise(line.content).text.trim())) {
      offStudy = true;
      continue;
    }
    // Off-study rules run on to the next criteria heading, if any.
    if (offStudy) {
      if (found?.type !== 'kind' && found?.type !== 'section') continue;
      offStudy = false;
    }
    // A sub-heading indented under an open item ("2. Subjects must have received the following
    // treatment:", "   Part A (Dose Escalation):", "   i. …", "   Part B …:", then "3. ECOG …") heads
    // only that item's list: it is a label inside the item, so the outer list's next item is no longer
    // under it. As a heading it cleared the list and ran on over every criterion after it.
    const nested = found?.type === 'subheading' && line.marker === null && stack.some((it) => it.indent <= line.indent - 1);
    // "Exceptions:" under an item is that item's own text, leading in to what it exempts.
    const nestedLabel = nested && !EXCEPTIONS_LABEL.test(line.content);
    const own = nested ? null : found;
    const cohort = own ? null : blankBefore ? cancerCohortLine(line, lines[i + 1], lex) : null;
    const h = own ?? cohort;
    cohortIndent = cohort ? lines[i + 1]!.indent : h ? null : cohortIndent;
    if (!h && cohortIndent !== null && line.marker !== null && line.indent < cohortIndent) {
      sub = null;
      cohortIndent = null;
    }
    // Only among cohort lines: elsewhere a cancer before a lettered item is the item's own text.
    const inline: ReturnType<typeof inlineCohortHeading> = !h && blankBefore && sub !== null && cohortIndent !== null ? inlineCohortHeading(line, lex) : null;
    if (inline) {
      sub = inline.heading.label;
      cohortIndent = Math.min(cohortIndent!, line.indent);
      stack.length = 0;
      open(line.indent, line.contentStart + inline.itemAt, line.end, null);
      prevWasHeading = false;
      prevLineEnd = line.end;
      continue;
    }
    if (h) {
      stack.length = 0;
      prevWasHeading = true;
      prevLineEnd = line.end;
      if (h.type === 'kind') {
        if (h.kind) kind = h.kind;
        section = h.kind ? [] : section;
        sub = h.subgroup ?? groupLabel;
        // "Exclusion Criteria: Participants are excluded if any of the following apply:" — all heading.
        const restNorm = h.rest ? normalise(h.rest).text.trim() : '';
        // "… if they meet any of the following criteria (Part 1a and Part 1b).": the parts it is for.
        const forParts = /^(.*?)\s*(\([^()]{1,40}\))\s*[.:]?$/.exec(restNorm);
        const talk = forParts && PAREN_SUBGROUPS.test(forParts[2]!) ? forParts[1]! : restNorm;
        if (h.rest && listLeadIn(talk) && !(kind === 'inclusion' && !listExcludes(talk) && ANY_OF.test(talk))) {
          if (listExcludes(talk)) kind = 'exclusion';
          if (talk !== restNorm) sub = forParts![2]!;
        } else if (h.rest && isSubgroupLabel(restNorm, lex)) {
          // "Exclusion Criteria: (all Phases)", "Inclusion Criteria:(Part 5)": whom the list is for.
          sub = restNorm.replace(/\s*:\s*$/, '');
        } else if (h.rest) open(-1, h.restOffset, line.end);
      } else if (h.type === 'section') {
        kind = 'inclusion';
        section = [h.label];
        sub = null;
        if (h.rest) open(-1, h.restOffset, line.end);
      } else {
        // A sub-heading after a sibling one ("TCL:", its items, "Melanoma:") stands under what that one stood under.
        subHead = { indent: line.indent, outer: subHead && subHead.indent >= line.indent ? subHead.outer : sub };
        sub = h.label;
      }
      if (h.type !== 'subheading') subHead = null;
      continue;
    }
    const top = stack[stack.length - 1];
    const next = lines[i + 1];
    // A lab-panel heading on a line of its own above lab lines ("  -Hematology" then "* ANC > 1000/mm3")
    // starts the lab lines' list, even when indented under the item above: it is not that item's text.
    const panel =
      next !== undefined && isPanelHeading(line.content, lex) && isLabLine(next.content, lex) && !heading(next, lines[i + 2], lex);
    // Panels are siblings: "Renal:" after the sub-heading "Hematological:" ends that sub-heading.
    if (panel && sub !== null && isPanelHeading(sub, lex)) sub = null;
    // A short label set apart by a blank line over an unbulleted paragraph ("Part 1:", then the
    // part's criteria) owns the paragraphs at its indent up to the next label or bullet around it.
    const label =
      nestedLabel ||
      (line.marker === null &&
      next !== undefined &&
      next.marker === null &&
      next.indent === line.indent &&
      /\n[ \t]*\r?\n/.test(source.slice(line.end, next.start)) &&
      isShortLabel(normalise(line.content).text.trim()));
    // A label at a sub-heading's own margin after its items ("Melanoma:", its items, then "All Tumor
    // Types:", "Ovarian Cancer:" or "Part B:" over paragraphs) is the sub-heading's sibling: its
    // paragraphs are for every patient, or for another cohort, not the one above. Left under it, they
    // bound only that cohort's patients and let every other patient through.
    if (
      label &&
      !nestedLabel &&
      sub !== null &&
      subHead !== null &&
      line.indent <= subHead.indent &&
      siblingOfSubheading(normalise(line.content).text.trim().replace(/\s*:$/, ''), lex)
    ) {
      sub = subHead.outer;
      subHead = null;
      cohortIndent = null;
      stack.length = 0;
    }
    const continues =
      line.marker === null && top !== undefined && !prevWasHeading && !label && (!blankBefore || (line.indent > top.indent && !top.label)) && !panel;
    // A sentence about the criteria list, not under an item ("Participants will be excluded from the
    // study if one or more of the following criteria are applicable:"), heads the items after it like
    // a heading, and makes them exclusions when it says so. One that offers its items as alternatives
    // to an inclusion ("… any of the following criteria:") stays, for the group or a coordinator.
    if (!continues && !stack.some((it) => it.indent < line.indent)) {
      const norm = normalise(line.content).text.trim();
      if (listLeadIn(norm) && !(kind === 'inclusion' && !listExcludes(norm) && ANY_OF.test(norm))) {
        if (listExcludes(norm)) kind = 'exclusion';
        stack.length = 0;
        prevWasHeading = true;
        prevLineEnd = line.end;
        continue;
      }
    }
    if (continues) {
      // A wrapped line, or an indented paragraph that continues the item above.
      top.end = line.end;
      for (let k = stack.length - 2; k >= 0; k--) stack[k]!.end = Math.max(stack[k]!.end, line.end);
    } else {
      // An unbulleted lead-in ("The main inclusion criteria include the following:") followed by a
      // list at the same indent owns that list; any other paragraph is a sibling of the bullets.
      const leadsList =
        line.marker === null && next?.marker != null && next.indent >= line.indent && LEAD_IN.test(normalise(line.content).text);
      const indent = panel ? Math.min(line.indent, next!.indent) : leadsList || label ? line.indent - 0.5 : line.indent;
      open(indent, line.contentStart, line.end, line.marker);
      if (label) stack[stack.length - 1]!.label = true;
    }
    prevWasHeading = false;
    prevLineEnd = line.end;
  }

  // An item opens its line unless it was cut from one (inlineItems): then only its marker is before it.
  const opensLine = (item: Item): boolean => {
    const lineStart = source.lastIndexOf('\n', item.start - 1) + 1;
    return /^[ \t]*(?:\S{1,8}[ \t]+)?$/.test(source.slice(lineStart, item.start));
  };
  const markerStart = (item: Item): number => {
    let p = item.start;
    while (p > 0 && /[ \t]/.test(source[p - 1]!)) p--;
    return item.marker && source.slice(p - item.marker.length, p) === item.marker ? p - item.marker.length : item.start;
  };
  // Where an item's own text ends when `child` is removed from under it: before the child's line.
  const endBefore = (item: Item, child: Item): number => {
    const lastNl = source.lastIndexOf('\n', child.start - 1);
    let end = lastNl >= item.start && opensLine(child) ? lastNl : markerStart(child);
    while (end > item.start && /\s/.test(source[end - 1]!)) end--;
    return end;
  };
  const firstLine = (item: Item): string => {
    const nl = source.indexOf('\n', item.start);
    return source.slice(item.start, nl >= 0 && nl < item.end ? nl : item.end);
  };
  const isPanel = (item: Item): boolean => item.children.length === 0 && isPanelHeading(source.slice(item.start, item.end), lex);
  // One with a number of its own ("Bilirubin ≤ 1.5 mg/dL, except for:", "… within 10 days:"), or a
  // sentence before the one that leads in ("Known active infections. Patients with HIV are eligible
  // if the following are met:"), states a criterion besides leading in, and stays one.
  const isSiblingLeadIn = (item: Item): boolean => {
    if (item.children.length > 0 || item.marker === null) return false;
    const norm = normalise(source.slice(item.start, item.end)).text.trim();
    return SIBLING_LEAD_IN.test(norm) && !/\d/.test(norm) && !/[.;]\s+\S/.test(norm);
  };
  const isNote = (item: Item): boolean => NOTE.test(firstLine(item));
  const isLeadInText = (item: Item): boolean => {
    const norm = normalise(source.slice(item.start, item.children[0] ? item.children[0].start : item.end)).text.trim();
    return LEAD_IN.test(norm) || listLeadIn(norm) || isPanelHeading(norm, lex) || OFFERED_LIST.test(norm) || NO_WORDS.test(norm);
  };
  const sameList = (a: Item, b: Item): boolean => a.kind === b.kind && a.context.join('\n') === b.context.join('\n');
  // A lab line that ends with the next panel's lettered heading, its line break lost ("Hemoglobin
  // ≥ 90 g/L b. Hepatic:"): the lines after it are that panel's, not the one above.
  const endsWithPanel = (item: Item): boolean => {
    const m = INLINE_LABEL.exec(source.slice(Math.max(item.start, item.end - 60), item.end));
    return m !== null && isPanelHeading(m[1]!, lex);
  };
  const isConnective = (item: Item): boolean =>
    item.children.length === 0 && item.end - item.start <= 20 && CONNECTIVE.test(normalise(source.slice(item.start, item.end)).text);

  const restructure = (list: Item[]): void => {
    // A lab-panel heading written as the last line under the item above ("* ALT and AST ≤ 2.5 × ULN",
    // "     c. Renal:", then "* eGFR ≥ 60") heads the lab lines after that item, not that item.
    for (let k = 0; k + 1 < list.length; k++) {
      const x = list[k]!;
      const last = x.children[x.children.length - 1];
      if (!last || !isPanel(last) || !sameList(last, list[k + 1]!) || !isLabLine(firstLine(list[k + 1]!), lex)) continue;
      x.children.pop();
      const prev = x.children[x.children.length - 1];
      x.end = prev ? Math.max(prev.end, endBefore(x, last)) : endBefore(x, last);
      list.splice(k + 1, 0, last);
    }
    // A lab-panel heading above lab lines of its own list ("* Hematologic", "* ANC ≥ 1.5 × 10^9/L",
    // "* Hemoglobin ≥ 9 g/dL", "* Hepatic", …) owns them: the lines up to the next heading, or to the
    // first line that is not a lab line ("OR" between two lab lines stays with them).
    // So does a lead-in written as a sibling of its items ("* Adequate bone marrow as evidenced by:",
    // "* ANC > 1,500/µL", "* Platelets > 100,000/µL", "* Adequate renal function …"): it owns the lab
    // lines right after it, or the run of items lettered inside their bullets ("* a. …", "* b. …").
    for (let k = 0; k < list.length; k++) {
      const label = list[k]!;
      const leadIn = !isPanel(label) && isSiblingLeadIn(label);
      if (!isPanel(label) && !leadIn) continue;
      const lettered = leadIn && k + 1 < list.length && INNER_MARKER.test(firstLine(list[k + 1]!));
      let j = k + 1;
      while (j < list.length) {
        const c = list[j]!;
        if (!sameList(label, c) || isPanel(c) || (leadIn && (c.children.length > 0 || isSiblingLeadIn(c)))) break;
        if (lettered ? INNER_MARKER.test(firstLine(c)) : isLabLine(firstLine(c), lex)) {
          j++;
          if (endsWithPanel(c)) break;
        }
        else if (!lettered && isConnective(c) && j + 1 < list.length && sameList(label, list[j + 1]!) && isLabLine(firstLine(list[j + 1]!), lex)) j++;
        else break;
      }
      if (j === k + 1) continue;
      label.children = list.splice(k + 1, j - k - 1);
      label.end = Math.max(label.end, ...label.children.map((c) => c.end));
    }
    // CT.gov escapes a number that opens a line ("1\. Female subjects … Contraception methods include:")
    // but not the numbers of a list under it ("1. Combined hormonal contraception", "2. …"): written at one
    // indent, the plain-numbered items after an escaped lead-in are its items, up to the next escaped one.
    const escaped = (item: Item): boolean => item.marker !== null && item.marker.includes('\\');
    for (let k = 0; k < list.length; k++) {
      const head = list[k]!;
      if (!escaped(head) || head.children.length > 0 || !LEAD_IN.test(normalise(source.slice(head.start, head.end)).text.trim())) continue;
      let j = k + 1;
      while (j < list.length && !escaped(list[j]!) && list[j]!.marker !== null && markerFamily(list[j]!.marker) === markerFamily(head.marker) && sameList(head, list[j]!)) j++;
      if (j === k + 1) continue;
      head.children = list.splice(k + 1, j - k - 1);
      head.end = Math.max(head.end, ...head.children.map((c) => c.end));
    }
    // A lead-in ending in a colon followed by items marked another way ("B. Women of childbearing
    // potential are eligible provided they meet the following criteria:", "* Have a negative …",
    // "* Agree to use …", then "C. Male patients …") owns them, up to the next item marked as it is:
    // written at one indent, the change of marker is what nests them.
    for (let k = 0; k < list.length; k++) {
      const head = list[k]!;
      if (head.children.length > 0 || head.marker === null || head.alternatives) continue;
      // Not one with a number or a sentence of its own before the colon: it states a criterion too.
      // Unless it then lets some patients in on conditions ("O. Known active infections … including HIV
      // positivity. Patients with HIV are eligible provided the following conditions are met:", then
      // "* CD4 count ≥350/μL", …): read alone, each condition would exclude the patients it admits.
      const norm = normalise(source.slice(head.start, head.end)).text.trim();
      const admits = head.kind === 'exclusion' && ADMITS_IF_FOLLOWING.test(norm);
      if (!/:$/.test(norm) || (!admits && (/\d/.test(norm) || /[.;]\s+\S/.test(norm)))) continue;
      const family = markerFamily(head.marker);
      let j = k + 1;
      while (j < list.length && list[j]!.marker !== null && markerFamily(list[j]!.marker) !== family && sameList(head, list[j]!)) j++;
      // Only a run the head's own list resumes after is bounded; one running to the end of the list
      // may hold criteria of the list's own, but not after conditions that admit.
      if (j === k + 1 || (!admits && (j >= list.length || markerFamily(list[j]!.marker) !== family))) continue;
      head.children = list.splice(k + 1, j - k - 1);
      head.end = Math.max(head.end, ...head.children.map((c) => c.end));
    }
    // An item that ends by leading in to its exceptions, written as a sibling of them ("* … within 2
    // years of screening. NOTE: The following exceptions are permitted:", "* Vitiligo", "* Alopecia",
    // …, "* Any psychological … condition …"), owns the short items right after it: the list marks
    // no other end to them, and read alone each would exclude the very patients the item lets in.
    for (let k = 0; k < list.length; k++) {
      const head = list[k]!;
      if (head.children.length > 0 || head.alternatives || !exemptionLeadIn(normalise(source.slice(head.start, head.end)).text.trim(), head.kind)) continue;
      let j = k + 1;
      while (j < list.length && sameList(head, list[j]!) && list[j]!.children.length === 0 && !list[j]!.alternatives && isListEntry(normalise(source.slice(list[j]!.start, list[j]!.end)).text.trim())) j++;
      if (j === k + 1) continue;
      head.children = list.splice(k + 1, j - k - 1);
      head.end = Math.max(head.end, ...head.children.map((c) => c.end));
    }
    // Labels of one series written as siblings of their items ("* Requirements for patients with
    // melanoma:", "* Prior treatment … is permitted …", "* Requirements for patients with NSCLC:", …;
    // "* In case of 1-4 brain metastases:", "* Longest diameter …", "* In case of 5-10 brain
    // metastases:"): each owns the items up to the next label of the series. The last label's items
    // run on to no end the text marks, so they are left where they are.
    const shapeOf = (item: Item): ReturnType<typeof labelShape> => labelShape(normalise(source.slice(item.start, item.end)).text.trim());
    for (let k = 0; k < list.length; k++) {
      const head = list[k]!;
      if (head.children.length > 0 || head.marker === null || head.alternatives) continue;
      const shape = shapeOf(head);
      if (!shape) continue;
      let j = k + 1;
      // Only bulleted items: a paragraph between them may be a heading of its own ("Pancreatic carcinomas").
      while (j < list.length && sameList(head, list[j]!) && list[j]!.marker !== null && list[j]!.children.length === 0 && !sameShape(shape, shapeOf(list[j]!))) j++;
      if (j === k + 1 || j >= list.length || !sameList(head, list[j]!) || !sameShape(shape, shapeOf(list[j]!))) continue;
      head.children = list.splice(k + 1, j - k - 1);
      head.end = Math.max(head.end, ...head.children.map((c) => c.end));
    }
    for (const item of list) restructure(item.children);
    // A note written as its own item right under a criterion ("HIV positive", "* NOTE: patients on
    // effective antiretroviral therapy are eligible") qualifies that criterion: it is read, and shown,
    // with it rather than as a criterion of its own. Not under a lead-in, whose own text is no criterion.
    for (let k = 1; k < list.length; k++) {
      const note = list[k]!;
      const prev = list[k - 1]!;
      if (!isNote(note) || prev.children.length > 0 || prev.alternatives || !sameList(prev, note) || isLeadInText(prev)) continue;
      prev.end = note.end;
      prev.children = note.children;
      list.splice(k, 1);
      k--;
    }
    // An item ending on a preposition was cut by a line break and its rest bulleted again ("* Patients
    // receiving … potent inhibitors or inducers of", "* CYP3A isoenzymes within 7 days of
    // randomization."): read apart, neither half says what the criterion does. Not a lead-in or an
    // exception list ("… with exceptions of", then the exempt conditions), whose items are many.
    for (let k = 0; k + 1 < list.length; k++) {
      const cut = list[k]!;
      const rest = list[k + 1]!;
      if (cut.children.length || cut.alternatives || rest.alternatives || !sameList(cut, rest)) continue;
      if (markerFamily(cut.marker) !== markerFamily(rest.marker)) continue;
      const norm = normalise(source.slice(cut.start, cut.end)).text.trim();
      if (!CUT_AFTER.test(norm) || EXCEPTION_WORD.test(norm) || isLeadInText(cut) || exemptionLeadIn(norm, cut.kind)) continue;
      cut.joins = [...(cut.joins ?? []), [cut.end, rest.start], ...(rest.joins ?? [])];
      cut.end = rest.end;
      cut.children = rest.children;
      list.splice(k + 1, 1);
      k--;
    }
    for (const item of list) {
      const first = item.children[0];
      if (!first || !isNote(first) || first.children.length > 0 || item.alternatives || isLeadInText(item)) continue;
      item.children.shift();
      item.end = Math.max(item.end, first.end);
    }
    // A lead-in over its items, then "OR", then B marked otherwise than the items ("4. Patients must
    // have: -previously received standard systemic therapy …, specifically:", its "*" items, "OR",
    // "-declined standard treatment."): A took in the "OR" and B as its last items, but B is the
    // alternative to A with its items. Read alone, an inclusion required everyone to have declined
    // the treatment the other branch has them receive.
    for (let k = 0; k < list.length; k++) {
      const head = list[k]!;
      const n = head.children.length;
      if (n < 3 || head.alternatives || !LEAD_IN.test(normalise(source.slice(head.start, endBefore(head, head.children[0]!))).text.trim())) continue;
      const conn = head.children[n - 2]!;
      const alt = head.children[n - 1]!;
      const items = head.children.slice(0, n - 2);
      const marker = items[0]!.marker;
      if (!isConnective(conn) || alt.children.length || alt.alternatives || marker === null || alt.marker === marker) continue;
      if (items.some((c) => c.marker !== marker || c.alternatives || isConnective(c))) continue;
      head.children = items;
      head.end = Math.max(endBefore(head, conn), ...items.map((c) => c.end));
      list.splice(k, 1, { ...head, children: [], end: alt.end, alternatives: [head, alt] });
    }
    // "A", "OR", "B" as three items of one list: one criterion, either A or B. Only between two plain
    // items of one list (same marker family, no items under them); any other connective is left as it
    // is written, unread, for a coordinator to see which criteria it joins.
    for (let k = 1; k + 1 < list.length; k++) {
      const conn = list[k]!;
      const prev = list[k - 1]!;
      const next = list[k + 1]!;
      if (!isConnective(conn) || !sameList(prev, conn) || !sameList(conn, next)) continue;
      if (prev.children.length || next.children.length || isConnective(prev) || isConnective(next)) continue;
      const first = prev.alternatives?.[0] ?? prev;
      if (markerFamily(first.marker) !== markerFamily(next.marker)) continue;
      const group: Item = prev.alternatives
        ? { ...prev, end: next.end, alternatives: [...prev.alternatives, next] }
        : { ...prev, children: [], end: next.end, alternatives: [prev, next] };
      list.splice(k - 1, 3, group);
      k--;
    }
    // "A or", then "B": the "or" written into the item joins it to the next just as an "OR" line
    // between them does. Read as two criteria, an inclusion would need both.
    for (let k = 0; k + 1 < list.length; k++) {
      const prev = list[k]!;
      const next = list[k + 1]!;
      const last = prev.alternatives?.[prev.alternatives.length - 1] ?? prev;
      const joined = TRAILING_OR.test(source.slice(last.start, last.end)) || LEADING_OR.test(firstLine(next));
      if (!joined || prev.children.length || next.children.length || isConnective(last) || isConnective(next) || !sameList(prev, next)) continue;
      if (markerFamily((prev.alternatives?.[0] ?? prev).marker) !== markerFamily(next.marker)) continue;
      const group: Item = prev.alternatives
        ? { ...prev, end: next.end, alternatives: [...prev.alternatives, next] }
        : { ...prev, children: [], end: next.end, alternatives: [prev, next] };
      list.splice(k, 2, group);
      k--;
    }
  };
  restructure(roots);

  const setKind = (item: Item, k: CriterionKind): void => {
    item.kind = k;
    for (const c of item.children) setKind(c, k);
    for (const c of item.alternatives ?? []) setKind(c, k);
  };
  const out: Segment[] = [];
  const toSegment = (item: Item, ctx: string[], ownEnd: number): Segment => {
    const text = source.slice(item.start, ownEnd);
    // The words read run on over a cut (joins): its line break and marker become one space.
    let words = text;
    for (const [a, b] of [...(item.joins ?? [])].reverse()) if (b <= ownEnd) words = `${words.slice(0, a - item.start).trimEnd()} ${words.slice(b - item.start)}`;
    // The words read are stored one byte per character where they can be (text.ts), and so is every
    // slice of them the readers take: their patterns run faster over them.
    return { kind: item.kind, span: [item.start, ownEnd], text, normText: oneByteString(normalise(words).text.trim()), context: ctx };
  };
  const ownEnd = (item: Item): number => {
    // An item's own text ends where its first child begins (children are separate criteria).
    const first = item.children[0];
    if (!first) return item.end;
    // Trim back over the child's marker line and the whitespace before it.
    const before = source.slice(item.start, first.start);
    const lastNl = before.lastIndexOf('\n');
    let end = lastNl >= 0 && opensLine(first) ? item.start + lastNl : markerStart(first);
    while (end > item.start && /\s/.test(source[end - 1]!)) end--;
    return end;
  };
  const subtreeEnd = (item: Item): number => Math.max(item.end, ...item.children.map(subtreeEnd));
  const walk = (item: Item, ctx: string[]): void => {
    const end = ownEnd(item);
    const own = toSegment(item, [...item.context, ...ctx.slice(item.context.length)], end);
    const fullCtx = own.context;
    if (item.alternatives) {
      const group = toSegment(item, fullCtx, item.end);
      group.alternatives = item.alternatives.map((c) => toSegment(c, fullCtx, c.end));
      out.push(group);
      return;
    }
    // Under an item, a sentence about the criteria list is no criterion either; the items under it
    // are exclusions when it says so.
    if (listLeadIn(own.normText) && !(item.kind === 'inclusion' && !listExcludes(own.normText) && ANY_OF.test(own.normText))) {
      if (listExcludes(own.normText)) for (const c of item.children) setKind(c, 'exclusion');
      for (const c of item.children) walk(c, fullCtx);
      return;
    }
    const noWords = NO_WORDS.test(own.normText);
    if ((NOT_SPECIFIED.test(own.normText) || noWords) && item.children.length === 0) return;
    if (item.children.length === 0) {
      out.push(own);
      return;
    }
    // A criterion whose exceptions are listed under it ("History of another primary malignancy,
    // except for:", then the exempt cancers) is one criterion with them: an exception read alone
    // would exclude the very patients the list lets in, and the lead-in alone would lose them.
    if (exemptionLeadIn(own.normText, item.kind)) {
      out.push(toSegment(item, fullCtx, subtreeEnd(item)));
      return;
    }
    // A lab-panel heading over lab lines is their context, like a lead-in.
    const panel = isPanelHeading(own.normText, lex) && item.children.some((c) => isLabLine(firstLine(c), lex));
    const offered = OFFERED_LIST.test(own.normText);
    // An exclusion item that is only a cancer's name over items ("* MERKEL CELL CARCINOMA", then that
    // cohort's exclusions) heads them: read as a criterion it excluded the very cancer the cohort is for.
    const cohortHead = item.kind === 'exclusion' && cancerCohortHeading(own.normText.replace(/^[\W_]+/, ''), lex) !== null;
    // An item that is only a section title or a subgroup's label ("* SAFETY COHORT", "* Part A",
    // "2. Medical History and Concurrent Diseases") heads the items under it.
    const titled = isSectionTitle(own.normText, lex) || isSubgroupLabel(own.normText, lex) || THERAPY_LABEL.test(own.normText);
    // A line ending on a preposition or a modal over items ("Must have been previously treated with",
    // then the treatments; "Women of childbearing potential must", then what they must do) is
    // completed by them: it leads in. Not one whose items are its exceptions ("… autoimmune disease
    // with exceptions of", then the exempt conditions): it states the criterion.
    const completed = (CUT_AFTER.test(own.normText) || MODAL_AFTER.test(own.normText)) && !EXCEPTION_WORD.test(own.normText);
    const leadIn = LEAD_IN.test(own.normText) || completed || noWords || panel || offered || cohortHead || titled;
    const childCtx = noWords ? fullCtx : [...fullCtx, own.normText];
    const forbids = leadIn && item.kind === 'inclusion' && LIST_FORBIDS.test(own.normText);
    if (forbids) for (const c of item.children) setKind(c, 'exclusion');
    if (leadIn && !forbids && item.kind === 'inclusion' && (ANY_OF.test(own.normText) || offered)) {
      const alternatives: Segment[] = [];
      const collect = (c: Item, cctx: string[]): void => {
        // Choices joined by "or" among the choices are choices of the same list.
        if (c.alternatives) return c.alternatives.forEach((a) => collect(a, cctx));
        const seg = toSegment(c, cctx, c.end);
        if (!NOT_SPECIFIED.test(seg.normText)) alternatives.push(seg);
      };
      for (const c of item.children) collect(c, childCtx);
      // The group's text is the lead-in with every choice under it, so an unread group still shows them.
      const group = toSegment(item, fullCtx, subtreeEnd(item));
      group.alternatives = alternatives;
      out.push(group);
      return;
    }
    // A lead-in that first states a criterion of its own ("For female subjects: Negative pregnancy test
    // or evidence of post-menopausal status. … The following age-specific requirements apply:") stays
    // one: its items only spell out part of it, and as context alone its requirement went unchecked.
    // It is read up to the lead-in's sentence, whose words its items are.
    const statedEnd = leadIn && LEAD_IN.test(own.normText) && !titled && !panel ? stateBeforeLeadIn(source.slice(item.start, end)) : -1;
    // Unless that sentence lets some of those patients in ("Participants with a history of HIV infection.
    // … Participants with HIV infection may be eligible if ALL of the following are applicable:"): then
    // it is read whole, the permission with what it qualifies.
    if (!leadIn) out.push(own);
    else if (statedEnd > 0) out.push(ADMITS_IF_FOLLOWING.test(own.normText) ? own : toSegment(item, fullCtx, item.start + statedEnd));
    for (const c of item.children) walk(c, childCtx);
  };
  for (const r of roots) walk(r, r.context);
  return out;
}
