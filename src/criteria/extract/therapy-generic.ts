/**
 * Generic receipt of earlier cancer treatment, with no treatment named (therapy.ts reads the
 * treatment-naive wording, counts of lines and named treatments):
 *
 *   "Previously treated, histologically-confirmed advanced solid malignancy …"
 *        → priorTherapy(kinds: every anticancer kind) = true
 *   "Present with a recurrence of a previously treated tumour."
 *        → the same
 *   "Must have received prior anticancer treatment", "… prior treatment for their cancer",
 *   "Have undergone treatment for their cancer, but fail to respond …"
 *        → the same (with "but …", a further requirement, left unread)
 *   "… who have received prior systemic treatment for metastatic or advanced disease"
 *        → priorTherapy(kinds: systemic, setting: advanced) = true
 *   "Have received neoadjuvant therapy for their tumour"
 *        → priorTherapy(kinds: every anticancer kind, setting: neoadjuvant) = true
 *   "Completed active cancer treatment (e.g., surgery, radiation, chemotherapy)"
 *        → all(priorTherapy(kinds: every anticancer kind) = true, unread "Completed active")
 *   "Time between completion of cancer-directed therapy and study entry: >= 6 months"
 *        → priorTherapy(kinds: systemic, withinDays: 180) = false
 *
 * A generic treatment is read as every kind of anticancer treatment (surgery and radiotherapy treat a
 * cancer too), so the finding is a necessary condition and never narrower than the text: a patient
 * treated only with surgery is "previously treated". Supportive care is no such kind, and a
 * treatment the record does not recognise leaves the fact unknown. "Systemic" said in the text keeps
 * the kind systemic.
 *
 * Only inclusion criteria stating the requirement are read: in an exclusion, or negated, the same
 * words are nearly always about something else (treated brain metastases, a treated second
 * malignancy, a treated infection), and the treatment-naive wording is therapy.ts's own. Words that
 * make the receipt one option ("… or treatment-naive"), bind a cohort only ("Cohort B: …"), or make
 * it conditional ("if", "unless", "may") leave the sentence unread, and so does a setting other
 * than the patient's cancer as a whole ("for unresectable disease" is read as a setting; "for their
 * second malignancy" is not read at all).
 */
import { ANTICANCER_KINDS, unreadWords as unread, type Condition, type LeafCondition } from '../facts';
import type { ExtractInput, Finding } from './extractor';

type Span = [number, number];

/**
 * Every kind of anticancer treatment (the same set therapy.ts uses for a generic "anticancer therapy"
 * read as a necessary condition): chemotherapy, immunotherapy, targeted, hormonal and cell therapies
 * are all kind 'systemic' in a normalised record.
 */
const ANY_TREATMENT = ANTICANCER_KINDS;

/** Cheap test before any sentence is looked at. */
export const GENERIC_RECEIPT_GATE =
  /previously[\s-]+treated|\bcompleted\b|\b(?:completion|end)\s+of\s+(?:[\w-]+\s+){0,4}?(?:treatments?|therap(?:y|ies))\b|\b(?:received|had|undergone)\s+(?:(?:a|any|some)\s+)?(?:prior|previous|neo-?adjuvant|adjuvant)\b|\b(?:received|undergone)\s+(?:any\s+)?(?:treatments?|therap(?:y|ies))\s+for\s+(?:their|the|his|her)\s+(?:cancer|tumou?r|disease|malignancy)\b/i;

/** A noun for the patient's cancer (the head of the phrase "previously treated" describes). */
const CANCER_NOUN_RE =
  /\b(?:malignanc(?:y|ies)|tumou?rs?|cancers?|carcinomas?|neoplasms?|neoplasias?|lymphomas?|leuka?emias?|myelomas?|melanomas?|sarcomas?|gliomas?|glioblastomas?|mesotheliomas?|blastomas?|adenocarcinomas?)\b/i;
/** Abbreviations for it, in capitals only ("ALL" is acute lymphoblastic leukaemia, "all" is not). */
const CANCER_ABBREVIATION_RE = /\b(?:NSCLC|SCLC|DLBCL|HCC|RCC|CRC|HNSCC|mCRPC|CRPC|AML|ALL|CLL|CML|MDS)\b/;

/**
 * What "previously treated" may describe other than the patient's cancer: metastases and lesions
 * (treated brain metastases are a condition of the brain-metastasis reader), infections, another or
 * an earlier malignancy, a tissue or a field. Any of these in the phrase leaves it unread.
 */
const OTHER_OBJECT_RE =
  /\b(?:brain|CNS|central\s+nervous|cerebral|intracranial|leptomening\w*|spinal|meninge\w*|metastas[ie]s|mets|lesions?|nodules?|sites?|tissues?|fields?|volumes?|areas?|HIV|hepatitis|HBV|HCV|virus|viral|infections?|second|other|another|prior|previous|concurrent|secondary|synchronous|metachronous|history|non-[\w-]+|in\s+situ|early[\s-]stage|skin|basal|squamous\s+cell\s+carcinoma\s+of\s+the\s+skin)\b/i;

/** Words before the cue, in its sentence, that make the requirement conditional, optional or a cohort's. */
const GUARD_BEFORE_RE =
  /\b(?:if|when|whether|unless|except|either|may|can|could|cohorts?|arms?|parts?\s+[A-Z0-9]|phase\s+(?:[0-9]|I)|groups?|one\s+of\s+the\s+following|history\s+of|or\s+(?:those|who|patients?|participants?|subjects?|have|has|had|are|is|be))\b/i;

/**
 * A lead-in that makes each line or item an option ("One of the following three malignancies:",
 * "either:"), in the headings above the criterion or before the cue: an option is no necessary
 * condition. Sentences split at line ends, so the sentence guard alone would miss a bulleted list.
 */
const OPTIONS_LEAD_RE = /\b(?:one|any|either|at\s+least\s+one)\s+of\b|\beither\b|\bor\s*:?\s*$/i;
function optionLead(input: ExtractInput, start: number): boolean {
  return [...input.context, input.text.slice(0, start)].some((c) => OPTIONS_LEAD_RE.test(c));
}

/** Words after the cue, in its sentence, that offer another option or a condition. */
const GUARD_AFTER_RE =
  /\b(?:unless|except|alternatively|if|may|can|could|provided|whether|or\s+(?:not\s+)?(?:untreated|treatment[\s-]na[iï]ve|na[iï]ve|newly|are|is|be|have|has|had|who|those|patients?|participants?|subjects?|ineligible|eligible|unable|unfit|not|refus\w*|declin\w*|intoleran\w*|contraindicat\w*|deemed|considered|no\b|without))\b/i;

/** A permission rather than a requirement: "Patients with previously treated NSCLC are eligible". */
const PERMISSION_RE =
  /\b(?:(?:are|is|will\s+be|would\s+be|be)\s+(?:also\s+)?(?:eligible|allowed|permitted|included|enrolled|acceptable|considered)|(?:may|can)\s+(?:be\s+)?(?:participate|enrol\w*|included))\b/i;

/** A parenthesis that only explains or gives examples (kept out of the option test), not one opening with an option. */
function stripAsides(s: string): string {
  return s.replace(/\((?!\s*(?:or|unless|except|if|alternatively)\b)[^()]*\)/gi, ' ');
}

function anyTreatment(extra: Record<string, unknown> = {}): LeafCondition {
  return { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: [...ANY_TREATMENT], ...extra } };
}

const overlaps = (spans: Span[], a: number, b: number): boolean => spans.some(([x, y]) => x < b && a < y);

const EXTENT = String.raw`(?:(?:locally\s+)?advanced|metastatic|unresectable|recurrent|relapsed)`;

/**
 * "metastatic" alone is the metastatic setting; advanced, unresectable or recurrent (with or without
 * metastatic) is 'advanced', which the evaluator takes to cover metastatic (therapy.ts convention).
 */
function settingOf(ext: string): 'advanced' | 'metastatic' {
  return /advanced|unresectable|recurrent|relapsed/i.test(ext) ? 'advanced' : 'metastatic';
}

// ---------------------------------------------------------------------------------------------
// "Previously treated <cancer>"

/**
 * "previously treated" before the words for the patient's cancer (", histologically-confirmed
 * advanced solid malignancy"; "tumour"). Not "previously treated with X" or "for X": those name the
 * treatment or its setting and are read elsewhere.
 */
const PREVIOUSLY_TREATED_RE =
  /\bpreviously[\s-]+treated\b(?:\s+for\b)?(?!\s+(?:with|by|for|using|in|on|at|as|per|according|to|and|or)\b)(?!\s*\()/gi;
/** The extent after "previously treated for": the setting of the treatment. */
const FOR_EXTENT_RE = new RegExp(
  String.raw`^\s*(?:(?:their|the|his|her)\s+)?(${EXTENT}(?:\s*(?:,|\/|\bor\b|\band\/or\b)\s*${EXTENT})*)\b`,
  'i',
);
/** "their cancer", "the advanced disease": the patient's cancer named by a generic noun only. */
const OWN_CANCER_RE = new RegExp(
  String.raw`^\s*(?:(?:their|the|his|her)\s+)?(?:${EXTENT}(?:\s*(?:,|\/|\bor\b|\band\/or\b)\s*${EXTENT})*\s+)?(?:cancer|tumou?r|disease|malignancy)\s*$`,
  'i',
);
/** The phrase it describes: to the end of its clause. */
const DESCRIBED_RE =
  /^[\s,]*([^.;:()]{1,160}?)(?=\s*(?:[.;:(]|$|\b(?:with|who|that|which|whose|requiring|and\s+(?:have|has|must|who|are|is))\b))/i;

/**
 * The matches of a global pattern that no other reading took and no negation covers, each with the
 * sentence it lies in (a match across sentences is no statement).
 */
function* freshMatches(
  re: RegExp,
  input: ExtractInput,
  sents: Span[],
  used: Span[],
): Generator<{ m: RegExpExecArray; start: number; end: number; s: number; e: number }> {
  const { text } = input;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(used, start, end) || input.scopes.in('negated', start)) continue;
    const sent = sents.find(([a, b]) => a <= start && end <= b);
    if (sent) yield { m, start, end, s: sent[0], e: sent[1] };
  }
}

function readPreviouslyTreated(input: ExtractInput, sents: Span[], out: Finding[], used: Span[]): void {
  const { text } = input;
  for (const { m, start, end, s, e } of freshMatches(PREVIOUSLY_TREATED_RE, input, sents, used)) {
    const d = DESCRIBED_RE.exec(text.slice(end, e));
    if (!d) continue;
    const described = d[1]!;
    const forWhat = /\bfor$/i.test(m[0]);
    // The head of the phrase is the patient's cancer ("for their disease" too), and nothing in it
    // names another object.
    if (
      !(
        CANCER_NOUN_RE.test(described) ||
        CANCER_ABBREVIATION_RE.test(described) ||
        (forWhat && /\bdisease\b/i.test(described))
      ) ||
      OTHER_OBJECT_RE.test(described)
    )
      continue;
    // "Previously treated for unresectable or metastatic melanoma": what the treatment was for is
    // its setting. Without "for" the extent describes the cancer now ("previously treated,
    // … advanced solid malignancy"), not when it was treated.
    const ext = forWhat ? FOR_EXTENT_RE.exec(described) : null;
    const own = forWhat ? OWN_CANCER_RE.exec(described) : null;
    if (forWhat && !ext && !own) continue;
    if (optionLead(input, start)) continue;
    // Nor before it: "lesions previously treated", "a second malignancy, previously treated …"
    const before = text.slice(s, start);
    if (GUARD_BEFORE_RE.test(before) || OTHER_OBJECT_RE.test(before.slice(-40))) continue;
    if (GUARD_AFTER_RE.test(stripAsides(text.slice(end, e))) || PERMISSION_RE.test(text.slice(end, e))) continue;
    // The comma after the cue goes with it ("Previously treated, histologically-confirmed …").
    const comma = /^\s*,/.exec(text.slice(end));
    const spanEnd = comma ? end + comma[0].length : end;
    const setting = ext ? settingOf(ext[1]!) : undefined;
    // The setting words are read with the finding; the cancer after them is the disease readers'.
    const spans: Span[] = [[start, spanEnd]];
    const describedAt = end + d.index + d[0].indexOf(described);
    if (ext)
      spans.push([describedAt, describedAt + (OWN_CANCER_RE.test(described) ? described.length : ext[0].length)]);
    else if (own) spans.push([describedAt, describedAt + described.length]);
    out.push({ category: 'prior_therapy', condition: anyTreatment(setting ? { setting } : {}), spans, anchor: start });
    used.push(...spans);
  }
}

// ---------------------------------------------------------------------------------------------
// "Must have received prior (anticancer) therapy", "… prior systemic treatment for metastatic disease"

const RECEIVED_PRIOR_RE = new RegExp(
  String.raw`\b(?:(?:must|should|shall)\s+have|have|has|having)\s+(?:already\s+)?(?:received|had|undergone)\s+(?:(?:a|any|some)\s+)?(?:(?<prior>prior|previous)\s+)?(?:(?<when>neo-?adjuvant|adjuvant)\s+)?(?:(?<sys>systemic)\s+)?(?:(?:anti-?cancer|anti-?tumou?r|anti-?neoplastic|cancer[\s-]directed|oncologic(?:al)?|cancer)\s+)?(?:(?<sys2>systemic)\s+)?(?:therap(?:y|ies)|treatments?)\b` +
    // What the treatment was for: the patient's cancer, or a setting.
    String.raw`(?:\s+(?:for|of)\s+(?:their|the|his|her|this|its)\s+(?<own>cancer|tumou?r|disease|malignancy)\b` +
    String.raw`|\s+(?:for|of)\s+(?:their\s+|the\s+)?(?<ext>${EXTENT}(?:\s*(?:,|\/|\bor\b|\band\/or\b|\band\b)\s*${EXTENT})*)\s+(?:disease|cancer|tumou?rs?|malignancy|setting)\b` +
    String.raw`|\s+in\s+the\s+(?<ext2>${EXTENT}(?:\s*(?:,|\/|\bor\b|\band\/or\b)\s*${EXTENT})*)\s+setting\b)?`,
  'gi',
);
/** Only subject words, or "Patients with <their disease> who", may come before the receipt. */
const SUBJECT_BEFORE_RE =
  /^[\s*•\-\d.)]*(?:(?:the\s+)?(?:patients?|participants?|subjects?|individuals?)\b(?:\s+with\b[^;]*?\bwho\b)?\s*|)$/i;

function readReceivedPrior(input: ExtractInput, sents: Span[], out: Finding[], used: Span[]): void {
  const { text } = input;
  for (const { m, start, end, s, e } of freshMatches(RECEIVED_PRIOR_RE, input, sents, used)) {
    const before = text.slice(s, start);
    if (!SUBJECT_BEFORE_RE.test(before) || GUARD_BEFORE_RE.test(before) || optionLead(input, start)) continue;
    // The clause ends here, or another requirement follows with "and": anything else ("with X",
    // "for their second cancer", "resulting in …") narrows the treatment in words not read.
    const rest = text.slice(end, e);
    // ("…, but fail to respond and progress": a further requirement, like "and".)
    if (!/^\s*(?:[.;]?\s*$|,?\s+(?:and|but)\s+(?!\/)(?!or\b))/i.test(rest)) continue;
    if (GUARD_AFTER_RE.test(stripAsides(rest)) || /\bor\b/i.test(stripAsides(rest)) || PERMISSION_RE.test(rest))
      continue;
    const g = m.groups ?? {};
    // "received treatment" alone may be any treatment; "prior", a setting or "for their cancer" says
    // it was the cancer's.
    if (!g.prior && !g.when && !g.own) continue;
    const ext = g.ext ?? g.ext2;
    // "adjuvant therapy for metastatic disease" says two settings at once: left unread.
    if (g.when && ext) continue;
    const params: Record<string, unknown> = g.when
      ? { setting: /^neo/i.test(g.when) ? 'neoadjuvant' : 'adjuvant' }
      : {};
    if (ext) params.setting = settingOf(ext);
    const condition: Condition =
      g.sys || g.sys2
        ? { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['systemic'], ...params } }
        : anyTreatment(params);
    out.push({ category: 'prior_therapy', condition, spans: [[start, end]], anchor: start });
    used.push([start, end]);
  }
}

// ---------------------------------------------------------------------------------------------
// "Completed (primary|active|definitive) cancer treatment"

/**
 * Completion of the patient's cancer treatment: it was had (the finding), and it is over (no fact
 * says that a treatment is finished for good; maintenance is often allowed beside it), kept unread.
 */
const COMPLETED_RE = new RegExp(
  String.raw`\b(?:(?:must\s+have|have|has|having)\s+)?completed\s+(?<adj>(?:(?:all|their|the|primary|active|definitive|initial|first[\s-]line|curative(?:[\s-]intent)?|planned|standard|local)\s+)*)(?:(?:cancer|anti-?cancer|oncologic(?:al)?|cancer[\s-]directed)\s+)?(?:treatments?|therap(?:y|ies))\b(?!\s+(?:with|for|of|to)\b)`,
  'gi',
);

function readCompleted(input: ExtractInput, sents: Span[], out: Finding[], used: Span[]): void {
  const { text } = input;
  for (const { m, start, end, s, e } of freshMatches(COMPLETED_RE, input, sents, used)) {
    // A bare "completed therapy" may be any therapy (antibiotics, steroids): the text must say it is
    // the cancer's ("cancer", "primary", "active", "definitive" …).
    if (!/\b(?:cancer|anti-?cancer|oncologic|primary|active|definitive|first[\s-]line|curative)/i.test(m[0])) continue;
    const before = text.slice(s, start);
    if (!SUBJECT_BEFORE_RE.test(before) || GUARD_BEFORE_RE.test(before) || optionLead(input, start)) continue;
    const rest = text.slice(end, e);
    // Examples and permissions in parentheses may follow; nothing else.
    if (!/^\s*(?:\([^()]*\)\s*)*[.;]?\s*$/.test(rest)) continue;
    const adj = (m.groups?.adj ?? '').replace(/\b(?:all|their|the)\s+/gi, '').trim();
    const leaves: LeafCondition[] = [unread(adj ? `completed ${adj}` : 'completed')];
    const spans: Span[] = [[start, end]];
    const cover: Span[] = [];
    // Examples of the generic treatment ("(e.g., surgery, radiation, chemotherapy)") are all within
    // it and read with it. Anything else in parentheses ("(maintenance hormonal therapies are
    // allowed)") qualifies what "completed" means, which stays unread: it joins the unread leaf.
    const PAREN_RE = /\(([^()]*)\)/g;
    for (let p = PAREN_RE.exec(rest); p; p = PAREN_RE.exec(rest)) {
      const at: Span = [end + p.index, end + p.index + p[0].length];
      if (/^\s*(?:e\.\s?g\.?|i\.\s?e\.?|such\s+as|including|for\s+example)[\s,:]/i.test(p[1]!)) spans.push(at);
      else {
        leaves.push(unread(p[1]!));
        cover.push(at);
      }
    }
    out.push({
      category: 'prior_therapy',
      condition: { all: [anyTreatment(), ...leaves] },
      spans,
      anchor: start,
      ...(cover.length ? { cover } : {}),
    });
    used.push(...spans, ...cover);
  }
}

// ---------------------------------------------------------------------------------------------
// "Time between completion of cancer-directed therapy and study entry: >= 6 months"

const CMP_MIN = String.raw`>=|≥|=>|>|at\s+least|more\s+than|greater\s+than(?:\s+or\s+equal\s+to)?|minimum(?:\s+of)?|no\s+less\s+than|not\s+less\s+than`;
const CMP_MAX = String.raw`<=|≤|=<|<|less\s+than(?:\s+or\s+equal\s+to)?|no\s+more\s+than|not\s+more\s+than|maximum(?:\s+of)?|up\s+to|within`;
/** The moment the gap runs to: the start of the study. */
const ENTRY = String.raw`(?:(?:the\s+)?(?:study\s+entry|entry|enrol(?:l)?ment|registration|randomi[sz]ation|inclusion|screening|first\s+dose(?:\s+of\s+(?:the\s+)?study\s+(?:drug|treatment|therapy))?))`;
/**
 * The gap since the end of the patient's cancer treatment, stated as a time between two events or
 * as the completion's age: "Time-interval between the end of primary treatment and the
 * randomization less than or equal to 12 weeks", "Completion of treatment of the primary tumor <= 2
 * months". The treatment must be said to be the cancer's, by an adjective or by what it treated.
 */
const COMPLETION_GAP_RE = new RegExp(
  String.raw`^\W*(?:time(?:[\s-]+interval)?\s+between\s+)?(?:the\s+)?(?:completion|end)\s+of\s+(?:(?:the|all|their|prior|previous)\s+)*(?<adj>(?:(?:primary|definitive|active|anti-?cancer|cancer[\s-]directed|systemic|cancer|curative(?:[\s-]intent)?)\s+)*)(?:treatments?|therap(?:y|ies))` +
    String.raw`(?<of>\s+(?:of|for)\s+(?:the|their)\s+(?:primary\s+)?(?:tumou?r|cancer|disease))?` +
    String.raw`(?:\s+and\s+${ENTRY})?\s*:?\s*(?:(?<min>${CMP_MIN})|(?<max>${CMP_MAX}))\s*(?<n>\d+)\s*(?<unit>days?|weeks?|months?|years?)\b` +
    String.raw`(?:\s+(?:prior\s+to|before)\s+${ENTRY})?\s*[.;]?\s*$`,
  'i',
);
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };

function readCompletionGap(input: ExtractInput, sents: Span[], out: Finding[], used: Span[]): void {
  const { text } = input;
  for (const [s, e] of sents) {
    if (overlaps(used, s, e) || input.scopes.in('negated', s)) continue;
    const m = COMPLETION_GAP_RE.exec(text.slice(s, e));
    if (!m?.groups) continue;
    const g = m.groups;
    if (!/\S/.test(g.adj ?? '') && !g.of) continue;
    if (optionLead(input, s)) continue;
    const days = Number(g.n) * UNIT_DAYS[g.unit!.toLowerCase().replace(/s$/, '')]!;
    // At least N since the end: no treatment ended within N days. A generic treatment forbidden is
    // read as systemic (therapy.ts convention: never wider than the text). At most N: some
    // treatment ended within N days, every anticancer kind (never narrower than the text).
    const condition: Condition = g.min
      ? { fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds: ['systemic'], withinDays: days } }
      : anyTreatment({ withinDays: days });
    out.push({ category: 'prior_therapy', condition, spans: [[s, e]], anchor: s, polarityHandled: true });
    used.push([s, e]);
  }
}

/**
 * Reads generic receipt of earlier cancer treatment in an inclusion criterion. Words another
 * reading already took (`used`) are left; read ones are added to it.
 */
export function readGenericReceipt(input: ExtractInput, sents: Span[], out: Finding[], used: Span[]): void {
  if (input.kind !== 'inclusion' || !GENERIC_RECEIPT_GATE.test(input.text)) return;
  readPreviouslyTreated(input, sents, out, used);
  readReceivedPrior(input, sents, out, used);
  readCompleted(input, sents, out, used);
  readCompletionGap(input, sents, out, used);
}
