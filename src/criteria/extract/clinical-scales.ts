/**
 * Clinical grading scales the record holds no value for, read as attestations where an inclusion
 * requires the patient to lie in a range of them (rules/attestations.json):
 *
 *   "Liver function status should be Child-Pugh (CP) Class A."  → attestation(child_pugh_class) = true
 *   "Child-Pugh score less than or equal to 7 (Child-Pugh A or B7)"
 *                                                               → attestation(child_pugh_class) = true
 *   "Fair Skin (Fitzpatrick Type I or II)", "phototype I or phototype II"
 *                                                               → attestation(skin_phototype) = true
 *   "Moderate to Severe Pain on Numerical Rating Score (Score 4 or higher)."
 *   "Worst fatigue over the last 7 days rated 4 or greater on (0-10 scale)"
 *   "Screening HAM-A Score ≥18 (moderate anxiety)."              → attestation(rating_scale_score) = true
 *
 * The Child-Pugh class (Pugh et al., Br J Surg 1973) grades the liver from bilirubin, albumin,
 * INR, ascites and encephalopathy; the Fitzpatrick phototype (Arch Dermatol 1988) the skin's
 * reaction to sun; the rating scales (0–10 pain or fatigue ratings, anxiety, distress or
 * daily-living scales) a symptom or function at screening. None is in the record, so the care team
 * or the patient answers whether the patient lies in the range the criterion names, which stays in
 * the criterion text shown with the question.
 *
 * Read only in inclusions, only where the scale is named with its range, never negated and never in
 * a sentence that permits, exempts or lets a patient fail it ("may be enrolled", "failure to score").
 * In exclusions the Child-Pugh class grades a liver disease the conditions reader reads
 * (history-conditions.ts). Words of the sentence outside the scale's own vocabulary stay unread.
 */
import type { ExtractInput, Extractor, Finding } from './extractor';
import { negatedAt, sentenceEnd, sentenceStart, vocab, vocabSpans, type Span } from './history-util';

const GATE = /pugh|fitzpatrick|photo[\s-]?type|scale|score|rat(?:ed|ing)|index|thermometer|\/\s*10\b|\bNRS\b|\bVAS\b|\bBPI\b|HAM-[AD]|HADS|PHQ|GAD-?7|FCRI|ESAS/i;

/** A permission, an exemption or a failure: the sentence does not require the range. */
const NOT_REQUIRED =
  /\b(?:may|can|could|allowed|permitted|eligible|acceptable|unless|except\w*|if|regardless|irrespective|fail\w*|unable|inability|lack\w*|without|optional|not\s+required)\b/i;

const CP_VALUE = String.raw`(?:[ABC](?:\s?\d{1,2})?(?![\w])|(?:(?:[<>≤≥]=?|=<|=>|=)\s*|(?:(?:less|lower|greater|higher|more)\s+than(?:\s+or\s+equal\s+to)?|at\s+(?:most|least)|up\s+to|no\s+more\s+than|of)\s+)?\d{1,2}(?![\w.]))`;
/**
 * "Child-Pugh class A", "Child Pugh score ≤ 7", "Child-Pugh (CP) Class A", "Child-Pugh A or B7",
 * "Child-Pugh score less than or equal to 7": the scale's name with a class or a score.
 */
const CHILD_PUGH = new RegExp(
  String.raw`\bChild[\s-]*(?:Turcotte[\s-]*)?Pugh(?:\s*\(\s*CP\s*\))?(?:\s+(?:class(?:ification)?|score|grade|stage|status))?\s*(?::\s*)?${CP_VALUE}(?:\s*(?:-|–|to|or|,|and|\/)\s*(?:Child[\s-]*Pugh\s+)?${CP_VALUE})*(?:\s+(?:or\s+(?:less|lower|better|below)|points?))?`,
  'gi',
);
const CP_WORDS = vocab('liver hepatic function functions status score class classification grade reserve cp child pugh has have with must should be a of within');

const PHOTOTYPE_NUMERAL = String.raw`(?:VI|IV|V|I{1,3}|[1-6])(?![\w])`;
/** "Fitzpatrick Type I or II", "Fitzpatrick I-II", "phototype I or phototype II", "skin phototype III". */
const PHOTOTYPE = new RegExp(
  String.raw`\b(?:Fitzpatrick(?:\s+(?:skin\s+)?(?:photo[\s-]?)?(?:types?|scale|class(?:ification)?))?|(?:skin\s+)?photo[\s-]?types?)\s*(?::\s*)?${PHOTOTYPE_NUMERAL}(?:\s*(?:-|–|to|or|,|and|\/)\s*(?:(?:skin\s+)?(?:photo[\s-]?)?types?\s*)?${PHOTOTYPE_NUMERAL})*`,
  'gi',
);
const PHOTOTYPE_WORDS = vocab('fair light skin type types fitzpatrick phototype phototypes photo scale class or and');

/**
 * A named rating scale: a 0–10 rating (numerical rating scale, visual analogue scale, Brief Pain
 * Inventory, "(0-10 scale)"), the Hamilton anxiety or depression scale, HADS, PHQ-9, GAD-7, the
 * Distress Thermometer, the (modified) Barthel Index, the Fear of Cancer Recurrence Inventory.
 */
const RATING_SCALE =
  /\b(?:numeric(?:al)?\s+rating\s+(?:scale|score)s?|NRS|visual\s+analog(?:ue)?\s+scale|VAS|brief\s+pain\s+inventory|BPI(?:\s+pain)?(?:\s+scale)?|HAM-[AD]|hamilton\s+(?:anxiety|depression)\s+(?:rating\s+)?scale|HADS(?:-[AD])?|PHQ-?9|GAD-?7|distress\s+thermometer|(?:modified\s+)?barthel\s+index(?:\s+of\s+activities\s+of\s+daily\s+living)?|FCRI(?:-[A-Z]{1,4})*|fear\s+of\s+cancer\s+recurrence\s+inventory)\b|\(?\s*\b0\s*(?:-|–|to)\s*10\s*(?:point\s+)?(?:numeric(?:al)?\s+)?scale\s*\)?/gi;
/** The threshold: "≥18", "> 10", "4 or higher", "at least 4/10", "a score of 16 or higher". */
const THRESHOLD =
  /(?:[<>≤≥]=?|=<|=>)\s*\d{1,3}(?:\.\d)?(?:\s*\/\s*10)?(?![\w.])|\b(?:(?:at\s+least|greater\s+than(?:\s+or\s+equal\s+to)?|more\s+than|higher\s+than|no\s+less\s+than)\s+)?\d{1,3}(?:\.\d)?(?:\s*\/\s*10)?\s+or\s+(?:higher|greater|more|above)\b|\b(?:at\s+least|greater\s+than(?:\s+or\s+equal\s+to)?|more\s+than|higher\s+than|no\s+less\s+than)\s+\d{1,3}(?:\.\d)?(?:\s*\/\s*10)?(?![\w.])/gi;
const RATING_WORDS = vocab(
  'score scores scored scale rated rating rate worst average pain fatigue anxiety distress moderate severe to over last past ' +
    'day days week weeks hour hours on of at least or higher greater more above than equal screening point points modified ' +
    'index activities daily living nrs vas bpi numerical numeric visual analogue analog brief inventory thermometer',
);

function sentenceOf(text: string, pos: number): [number, number] {
  return [sentenceStart(text, pos), sentenceEnd(text, pos)];
}

function finding(input: ExtractInput, topic: string, anchor: number, own: Span[], words: Set<string>, from: number, to: number): Finding {
  const spans = [...own, ...vocabSpans(input, from, to, words, false)];
  return {
    category: 'other',
    condition: { fact: 'attestation', operator: 'equal', value: true, params: { topic } },
    spans,
    anchor,
    polarityHandled: true,
  };
}

function allMatches(re: RegExp, text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    if (!m[0].length) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, Math.min(to, m.index + m[0].length)]);
  }
  return out;
}

/** The spans of `found` within `gap` characters of one of `anchors` (both in text order), in one pass. */
function nearSpans(found: Span[], anchors: Span[], gap: number): Span[] {
  const out: Span[] = [];
  let j = 0;
  for (const t of found) {
    while (j < anchors.length && anchors[j]![1] + gap < t[0]) j++;
    if (j < anchors.length && t[1] >= anchors[j]![0] - gap) out.push(t);
  }
  return out;
}

/** Whether `pos` lies inside a parenthesis opened before it and not closed. */
function insideParens(text: string, pos: number): boolean {
  let depth = 0;
  for (let i = 0; i < pos; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && depth > 0) depth--;
  }
  return depth > 0;
}

/** A leading label naming whom the criterion is for ("For participants with HCC only:"), which binds it as a subgroup. */
const LEAD_LABEL = /^\W*for\s+[^:.;]{1,80}:/i;

/**
 * The first match's sentence, when it requires the range: the sentence's matches and its bounds.
 * With `bracketQualifies`, not a scale in brackets, which qualifies what stands before it ("HCC
 * (Child Pugh Class A only)"); a phototype in brackets restates the words before it ("Fair Skin
 * (Fitzpatrick Type I or II)").
 */
function requiredSpans(input: ExtractInput, re: RegExp, bracketQualifies = false): { spans: Span[]; from: number; to: number } | null {
  const { text } = input;
  re.lastIndex = 0;
  const m = re.exec(text);
  if (!m || (bracketQualifies && insideParens(text, m.index))) return null;
  const [from, to] = sentenceOf(text, m.index);
  if (NOT_REQUIRED.test(text.slice(from, to)) || negatedAt(input, m.index)) return null;
  return { spans: allMatches(re, text, from, to), from, to };
}

/**
 * A cancer named in the criterion besides a leading label: the Child-Pugh class then grades one
 * cohort's liver disease ("For HCC patients: … diagnosis of HCC; Has a Child-Pugh class A liver
 * score", among other cohorts' items), which the cohort's cancer binds.
 */
function namesCohortCancer(input: ExtractInput): boolean {
  const label = LEAD_LABEL.exec(input.text);
  const after = label ? label[0].length : 0;
  return input.mentions.some((m) => m.type === 'cancer' && m.start >= after);
}

function childPugh(input: ExtractInput): { spans: Span[]; from: number; to: number } | null {
  return input.kind === 'inclusion' && /pugh/i.test(input.text) && !namesCohortCancer(input) ? requiredSpans(input, CHILD_PUGH, true) : null;
}

/**
 * Whether this reader takes the criterion's Child-Pugh class as the class it requires: the
 * conditions reader then leaves it, since a required class ("Child-Pugh A") asks how well the liver
 * works, not whether the patient has a liver disease.
 */
export function readsChildPughClass(input: ExtractInput): boolean {
  return childPugh(input) !== null;
}

export const extractClinicalScales: Extractor = (input) => {
  const { text } = input;
  if (input.kind !== 'inclusion' || !GATE.test(text)) return [];
  const out: Finding[] = [];
  const cp = childPugh(input);
  if (cp) out.push(finding(input, 'child_pugh_class', cp.spans[0]![0], cp.spans, CP_WORDS, cp.from, cp.to));
  const ph = /fitzpatrick|photo[\s-]?type/i.test(text) ? requiredSpans(input, PHOTOTYPE) : null;
  if (ph) out.push(finding(input, 'skin_phototype', ph.spans[0]![0], ph.spans, PHOTOTYPE_WORDS, ph.from, ph.to));
  const scale = requiredSpans(input, RATING_SCALE);
  if (scale) {
    // The threshold must sit in the scale's sentence: a scale named without a level is not the question.
    const thresholds = nearSpans(allMatches(THRESHOLD, text, scale.from, scale.to), scale.spans, 80);
    if (thresholds.length)
      out.push(finding(input, 'rating_scale_score', scale.spans[0]![0], [...scale.spans, ...thresholds], RATING_WORDS, scale.from, scale.to));
  }
  return out;
};
