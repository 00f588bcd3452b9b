/**
 * Criteria that do not list a local treatment as such but state that the patient had one, as the
 * whole criterion (one sentence, no heading):
 *
 *   "The tumor site that was previously radiated has progressed."
 *        → all(priorTherapy(kinds: radiation), unread "The tumor site that was previously radiated has progressed")
 *   "Lesions inside or in proximity (within 3cm) previously irradiated area"   (exclusion)
 *        → all(priorTherapy(kinds: radiation), unread …)
 *   "Three months to five years post-surgery"
 *        → all(priorTherapy(kinds: surgery, withinDays: 1826), unread "Three months to five years post-surgery")
 *   "Surgical treatment of a clinical stage IA-IIA melanoma within 3 months of inclusion"
 *        → all(priorTherapy(kinds: surgery, withinDays: 91), unread …)
 *   "Completed adequate (definitive) locoregional therapy (surgery with or without radiotherapy) for the
 *    primary breast tumour(s), with or without (neo)adjuvant chemotherapy"
 *        → all(priorTherapy(kinds: surgery), unread …)
 *
 * Each states something only a patient who had the treatment can satisfy (a site that was irradiated,
 * a time counted from an operation, a completed treatment whose fixed part is an operation), so the
 * treatment is a necessary condition of the criterion and the rest of the words stay unread beside it:
 * in an inclusion a patient who never had it fails, in an exclusion such a patient is not excluded,
 * everyone else is unknown. That holds only while nothing turns the statement into something else, so
 * a sentence is refused when it negates ("not previously irradiated", "non-irradiated"), permits
 * ("may be considered measurable"), sets a condition ("if", "unless"), offers an alternative the
 * treatment does not imply ("scars, areas previously biopsied, or areas subjected to surgery"), or
 * names a treatment the study itself will give (the "irradiated area" of a radiotherapy trial, with
 * no word saying it was before; the resection "for TIL generation").
 */
import type { Condition } from '../facts';
import { unreadWords } from '../facts';
import type { ExtractInput, Finding } from './extractor';

type Span = [number, number];

/**
 * A site, lesion or field the text says was irradiated before: "previously irradiated area", "prior
 * re-irradiation field", "tumor site that was previously radiated", "lesions that have received prior
 * radiotherapy". "Previously" (or "prior") is required: a bare "irradiated area" may be the one the
 * study treats.
 */
const IRRADIATED_SITE_RE = new RegExp(
  [
    String.raw`\b(?:previously|prior|already)\s+(?:re-?)?(?:irradiated|radiated)\s+(?:areas?|fields?|sites?|regions?|volumes?|tissues?|lesions?|tumou?rs?)\b`,
    String.raw`\b(?:prior|previous)\s+(?:re-?irradiation|radiation|radiotherapy|RT)\s+(?:fields?|volumes?|areas?|sites?)\b`,
    String.raw`\b(?:areas?|fields?|sites?|regions?|lesions?|tumou?rs?|tissues?)\s+(?:that|which)\s+(?:was|were|has|have)\s+(?:been\s+)?previously\s+(?:irradiated|radiated)\b`,
  ].join('|'),
  'i',
);

/**
 * Words that turn a statement about a treated site into a negation, a permission, a condition or a
 * definition (RECIST's "lesions previously irradiated are not considered measurable"): not read.
 */
const SITE_REFUSED_RE =
  /\b(?:not|no|non|never|without|un-?irradiated|nor|unless|except\w*|if|whether|provided|may|can|could|might|should|allow\w*|permit\w*|eligible|acceptable|considered|measurable|target|preferabl[ey]|selected|select|chosen|planned|plan|will|to\s+be\s+(?:irradiated|treated))\b|\bnon-/i;

/** An alternative joined to the site that the irradiation does not imply ("scars, …, or areas …"). */
const LIST_RE = /,[^,]*,|\band\/or\b|;/i;

export function readIrradiatedSite(input: ExtractInput, body: string): Finding[] | null {
  const site = IRRADIATED_SITE_RE.exec(body);
  if (!site || SITE_REFUSED_RE.test(body) || LIST_RE.test(body)) return null;
  // "or" only inside the site's own words ("inside or in proximity"), never offering another thing.
  const afterSite = body.slice(site.index + site[0].length);
  if (/\bor\b/i.test(afterSite)) return null;
  if (negatedAt(input, site.index)) return null;
  return [receipt(input, body, ['radiation'], undefined, [site.index, site.index + site[0].length])];
}

/** A number in digits or words, for the intervals below. */
const NUMBER = String.raw`(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty[\s-]four)`;
const UNIT = String.raw`(days?|weeks?|wks?|months?|years?)`;
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  'twenty four': 24,
  'twenty-four': 24,
};

function days(n: string, unit: string): number {
  const v = NUMBER_WORDS[n.toLowerCase().replace(/\s+/g, ' ')] ?? Number(n);
  const u = unit.toLowerCase();
  if (u.startsWith('d')) return v;
  if (u.startsWith('w')) return v * 7;
  if (u.startsWith('m')) return Math.ceil(v * 30.4375);
  return Math.ceil(v * 365.25);
}

/** The operation a time is counted from: up to three words naming it, then its noun. */
const OPERATION = String.raw`(?:(?:the|their|definitive|primary|curative|index|initial|breast|cancer|melanoma|tumou?r|surgical|complete|radical)\s+){0,3}(?:surgery|surgical\s+(?:resection|treatment|excision)|resection|operation|mastectomy|lumpectomy|excision)`;

/** "Three months to five years post-surgery": the interval's end bounds how long ago the operation was. */
const RANGE_AFTER_RE = new RegExp(
  String.raw`^\W*(?:at\s+least\s+|between\s+)?${NUMBER}\s+${UNIT}\s+(?:to|and|-|–)\s+${NUMBER}\s+${UNIT}\s+(?:post[\s-]?|after\s+|following\s+|since\s+|from\s+)${OPERATION}\W*$`,
  'i',
);
/** "At least 6 months after breast cancer surgery …": only a lower bound, so no window. */
const AT_LEAST_AFTER_RE = new RegExp(
  String.raw`^\W*(?:at\s+least|more\s+than|over|≥|>=|>)\s*${NUMBER}\s+${UNIT}\s+(?:post[\s-]?|after\s+|following\s+|since\s+|from\s+)${OPERATION}\b`,
  'i',
);
/** "Surgical treatment of … within 3 months of inclusion": the operation, then how recent it must be. */
const OPERATION_WITHIN_RE = new RegExp(
  String.raw`^\W*(?:surgical\s+(?:treatment|resection|excision)|surgery|resection)\b[^.;:()]{0,80}?\bwithin\s+(?:the\s+(?:last|past)\s+)?${NUMBER}\s+${UNIT}\s+(?:of|before|prior\s+to)\s+(?:the\s+)?(?:date\s+of\s+)?(?:inclusion|enrol?l?ment|registration|randomi[sz]ation|study\s+entry|entry|consent)\W*$`,
  'i',
);
/** "Able to start protocol Rx within 8 weeks of surgery": the study starts within the time after it. */
const START_WITHIN_RE = new RegExp(
  String.raw`^\W*(?:(?:must\s+be\s+)?able\s+to\s+)?(?:start|begin|initiate|commence)\s+(?:the\s+)?(?:protocol|study)\s+(?:rx|treatment|therapy)\s+within\s+${NUMBER}\s+${UNIT}\s+(?:of|after|following|from)\s+${OPERATION}\W*$`,
  'i',
);

/** "Excision of primary melanoma took place ≤4 weeks prior to informed consent": the operation, then when it was done. */
const TOOK_PLACE_RE = new RegExp(
  String.raw`^\W*(?:(?:wide\s+local\s+|surgical\s+)?(?:excision|resection)|surgery)\b[^.;:()]{0,80}?\b(?:took\s+place|was\s+(?:performed|done)|occurred)\s+(?:within\s+(?:the\s+(?:last|past)\s+)?|≤\s*|<=\s*|<\s*|\\<\s*)${NUMBER}\s+${UNIT}\s+(?:of|before|prior\s+to)\s+(?:the\s+)?(?:date\s+of\s+)?(?:(?:signing\s+(?:the\s+)?)?informed\s+consent|consent|inclusion|enrol?l?ment|registration|randomi[sz]ation|study\s+entry|entry)\W*$`,
  'i',
);

/**
 * An organ operation by name. Only after a start "within" a time of it is it surely the cancer's
 * operation (a hysterectomy years ago may have been for another illness), so only that form takes it.
 */
const ORGAN_OPERATION = String.raw`(?:(?:total|radical|partial|bilateral|simple|abdominal|the|their)\s+){0,2}(?:hysterectomy|salpingo-?oophorectomy|oophorectomy|nephrectomy|prostatectomy|cystectomy|gastrectomy|colectomy|esophagectomy|oesophagectomy|pancreatectomy|pancreaticoduodenectomy|hepatectomy|lobectomy|pneumonectomy|thyroidectomy)`;
/** "Protocol treatment is to begin within 10 weeks of hysterectomy/bilateral salpingo-oophorectomy". */
const START_WITHIN_NAMED_RE = new RegExp(
  String.raw`^\W*(?:the\s+)?(?:protocol|study)\s+(?:rx|treatment|therapy)\s+(?:is\s+to|must|should|shall)\s+(?:begin|start|be\s+(?:started|initiated))\s+within\s+${NUMBER}\s+${UNIT}\s+(?:of|after|following|from)\s+(?:${OPERATION}|${ORGAN_OPERATION})(?:\s*(?:\/|or|and\/or)\s*(?:${OPERATION}|${ORGAN_OPERATION}))?\W*$`,
  'i',
);

/** Words that make the interval a condition, a permission or a plan instead of a statement. */
const INTERVAL_REFUSED_RE =
  /\b(?:if|unless|not|no|may|can|allow\w*|permit\w*|planned|scheduled|expected|will|TIL|generation|manufactur\w*|harvest\w*)\b/i;

/**
 * A time counted from an operation the patient had, in an inclusion: the operation is required and,
 * where the time has an upper end, it bounds how long ago it was. Only as a requirement: in an
 * exclusion, or with a condition or plan, the time may be counted from an operation still to come.
 */
export function readSurgeryInterval(input: ExtractInput, body: string): Finding[] | null {
  if (input.kind !== 'inclusion' || INTERVAL_REFUSED_RE.test(body)) return null;
  const range = RANGE_AFTER_RE.exec(body);
  if (range) {
    const lower = days(range[1]!, range[2]!);
    const upper = days(range[3]!, range[4]!);
    if (upper <= lower) return null;
    return [receipt(input, body, ['surgery'], upper, [0, body.length])];
  }
  const within =
    OPERATION_WITHIN_RE.exec(body) ?? START_WITHIN_RE.exec(body) ?? START_WITHIN_NAMED_RE.exec(body) ?? TOOK_PLACE_RE.exec(body);
  if (within) return [receipt(input, body, ['surgery'], days(within[1]!, within[2]!), [0, body.length])];
  const atLeast = AT_LEAST_AFTER_RE.exec(body);
  if (atLeast) {
    // Another requirement joined after it ("… and presents with lymphedema") stays unread beside it.
    return [receipt(input, body, ['surgery'], undefined, [0, atLeast[0].length])];
  }
  return null;
}

/**
 * "Completed adequate (definitive) locoregional therapy (surgery with or without radiotherapy) for the
 * primary breast tumour(s)", "primary treatment (surgery +/- radiotherapy, +/- chemotherapy) completed":
 * a completed treatment whose fixed part is an operation, the rest optional.
 */
const COMPLETED_SURGERY_RE =
  /\(\s*surgery\s*(?:\+\/-|±|with\s+or\s+without|and\/or|\(?\+\/-\)?)\s*(?:adjuvant\s+)?(?:radiotherapy|radiation(?:\s+therapy)?|RT)\b[^()]*\)/i;
const COMPLETED_RE = /\bcompleted?\b/i;

export function readCompletedSurgery(input: ExtractInput, body: string): Finding[] | null {
  if (input.kind !== 'inclusion') return null;
  const m = COMPLETED_SURGERY_RE.exec(body);
  if (!m || !COMPLETED_RE.test(body) || INTERVAL_REFUSED_RE.test(body)) return null;
  return [receipt(input, body, ['surgery'], undefined, [m.index, m.index + m[0].length])];
}

/**
 * An operation for the cancer, named so that only a cancer operation can be meant: a node staging
 * procedure, a breast or metastasis operation, a wide local excision, or an excision or resection
 * "of" (or a reconstruction "after") the primary or the tumour. The treatment history lists cancer
 * operations, so a bare "surgery" or an operation for another illness is not this form.
 */
const CANCER_OPERATION = String.raw`(?:(?:[\w-]+\s+){0,3}?(?:sentinel\s+(?:lymph\s+)?node|SLN|lymph\s+node|axillary|nodal)\s+(?:biops(?:y|ies)|procedures?|dissections?)(?:\s*\((?:SLNB?|ALND|LND)\))?|(?:[\w-]+\s+){0,2}?(?:lymphadenectom(?:y|ies)|mastectom(?:y|ies)|lumpectom(?:y|ies)|quadrantectom(?:y|ies)|metastasectom(?:y|ies))|wide\s+local\s+excision|(?:[\w-]+\s+){0,3}?(?:excision|resection|reconstruction)\s+(?:[\w-]+\s+){0,3}?(?:of|after)\s+(?:the\s+|a\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:primary|tumou?r|melanoma|cancer|carcinoma|lesion)\b)`;

/** "Underwent …", "has already undergone …", at the head of the sentence. */
const UNDERGONE_RE = new RegExp(
  String.raw`^\W*(?:(?:the\s+)?(?:patients?|subjects?|participants?)\s+(?:who\s+)?)?(?:(?:has|have|had)\s+)?(?:already\s+)?(?:undergone|underwent)\s+(?:an?\s+|the\s+)?${CANCER_OPERATION}`,
  'i',
);

/** Words that make the statement a condition, a permission, a plan or an alternative. */
const UNDERGONE_REFUSED_RE =
  /\b(?:if|unless|not|no|non|never|without|except\w*|or|may|can|allow\w*|permit\w*|planned|scheduled|expected|will|to\s+be|TIL|generation|manufactur\w*|harvest\w*)\b/i;

/**
 * "Underwent sentinel lymph node biopsy with complete information available", "The patient has
 * already undergone wide local excision at the site of the primary index lesion" (exclusion): a
 * cancer operation the patient had, so an operation is a necessary condition of the statement.
 */
export function readOperationUndergone(input: ExtractInput, body: string): Finding[] | null {
  if (UNDERGONE_REFUSED_RE.test(body)) return null;
  const m = UNDERGONE_RE.exec(body);
  if (!m || negatedAt(input, m.index)) return null;
  return [receipt(input, body, ['surgery'], undefined, [m.index, m.index + m[0].length])];
}

/** Whether a negation or exception scope covers the offset. */
export function negatedAt(input: ExtractInput, at: number): boolean {
  return input.scopes.scopes.some((sc) => (sc.kind === 'negated' || sc.kind === 'exception') && at >= sc.start && at < sc.end);
}

/** all(priorTherapy(kinds[, withinDays]), unread words of the whole sentence) over `span`. */
function receipt(
  input: ExtractInput,
  body: string,
  kinds: string[],
  withinDays: number | undefined,
  span: Span,
): Finding {
  const treatment: Condition = {
    fact: 'priorTherapy',
    operator: 'equal',
    value: true,
    params: { kinds, ...(withinDays ? { withinDays } : {}) },
  };
  return wholeLineFinding(input, body, 'prior_therapy', treatment, span);
}

/**
 * A whole line read as one necessary condition beside its unread words: all(condition, unread
 * sentence), covering the line, and a fallback any finer reading of the same words replaces.
 */
export function wholeLineFinding(input: ExtractInput, body: string, category: Finding['category'], condition: Condition, span: Span): Finding {
  return {
    category,
    condition: { all: [condition, unreadWords(body)] },
    spans: [span],
    cover: [[0, body.length]],
    anchor: span[0],
    polarityHandled: true,
    fallback: [0, input.text.length],
  };
}
