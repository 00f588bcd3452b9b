/**
 * Other malignancies: "History of another malignancy within 5 years, except adequately treated
 * non-melanoma skin cancer or carcinoma in situ of the cervix" → otherMalignancy(withinYears: 5,
 * excluding: [OncoTree codes of non-melanoma skin cancers, in-situ carcinomas…]) = true.
 *
 * The exempted cancers come from `malignancyExceptions` in rules/conditions.json, OncoTree codes
 * resolved by scripts/lexicons/build-conditions.ts. An exemption the lexicon cannot map ("cancers
 * with a negligible risk of metastasis", "in the opinion of the investigator", "Stage I uterine
 * cancer") would leave the rule excluding patients the text allows, so the whole exemption clause is
 * kept as an `unparsed` leaf the malignancy must meet too: all(otherMalignancy(…), unparsed "except
 * …"), false for a patient with no other cancer, unknown for one the exemption might spare. In such
 * a clause `superset` mappings are not applied (the leaf holds them). Elsewhere a mapping marked
 * `superset` ("localized prostate cancer" → PRAD) exempts more than the text: the rule is then
 * all(otherMalignancy(exact exemptions), any(otherMalignancy(exact + broader codes), unparsed
 * "localized prostate cancer")), so another cancer outside PRAD is excluded and one inside it unknown.
 * "Disease-free for ≥ 5 years" reads as the time window, unless it shares its clause with an
 * unmappable exemption ("disease-free ≥ 2 years and at low risk of recurrence"): the window is then
 * part of what the leaf holds, since applying it alone would spare a patient the text excludes.
 *
 * A judgement about the other cancer itself ("prior or concurrent malignancy whose natural history
 * or treatment has the potential to interfere with …") is the same: all(otherMalignancy, unparsed
 * "whose natural history …"). Stated as a permission ("Participants with a prior malignancy whose
 * natural history … does not … are eligible"), it still bars the others: an inclusion reads
 * any(otherMalignancy = false, unparsed "whose natural history …").
 *
 * "Another malignancy that is progressing or requires active treatment", with no time window,
 * reads as otherMalignancy(active: true): only a cancer active now counts.
 *
 * A disease-free time stated inside one exemption ("except non-melanoma skin cancer with a
 * disease-free survival of more than 5 years", "prostate carcinoma in remission … for > 2 years") is
 * that exemption's own: it sets no window for the other cancers and the exemption is not granted
 * outright, so the clause is a leaf. Stated as not allowed ("No prior malignancy is allowed except
 * …", "Active secondary malignancies will not be allowed, with the exception of: …"), another cancer
 * is a prohibition in either list: it excludes among exclusions and is required absent among inclusions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { modalNegationInExclusion, type ExtractInput, type Extractor, type Finding } from './extractor';
import type { Condition } from '../facts';
import { PhraseIndex, rulesDir } from '../lexicon';
import { NUMBER, toNumber } from '../numbers';
import { tokenize } from '../text';
import {
  negatedAt,
  sentenceEnd,
  sentenceStart,
  toYears,
  vocab,
  vocabSpans,
  type Span,
} from './history-util';

const exceptionsFile = z.object({
  malignancyExceptions: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        synonyms: z.array(z.string()),
        caseSensitive: z.array(z.string()).optional(),
        oncotree: z.array(z.string()),
        superset: z.boolean().optional(),
      }),
    )
    .default([]),
});

type Exception = z.infer<typeof exceptionsFile>['malignancyExceptions'][number];

interface ExceptionIndex {
  index: PhraseIndex;
  byId: Map<string, Exception>;
}

let cached: ExceptionIndex | undefined;

/**
 * The exemptions, kept out of the shared phrase index on purpose: "basal cell carcinoma of the
 * skin" must not take the mention from the cancer-type lexicon in a basal cell carcinoma trial.
 * (They sit in rules/conditions.json, whose shared schema does not carry them; see the report.)
 */
function exceptionIndex(): ExceptionIndex {
  if (cached) return cached;
  const index = new PhraseIndex();
  const byId = new Map<string, Exception>();
  try {
    const raw: unknown = JSON.parse(fs.readFileSync(path.join(rulesDir(), 'conditions.json'), 'utf8'));
    const parsed = exceptionsFile.safeParse(raw);
    if (parsed.success) {
      for (const e of parsed.data.malignancyExceptions) {
        byId.set(e.id, e);
        const cs = new Set(e.caseSensitive ?? []);
        for (const s of [e.name, ...e.synonyms]) index.add(s, 'condition', e.id, cs.has(s));
      }
    }
  } catch {
    // No exemptions: every criterion that names one is left unread.
  }
  cached = { index, byId };
  return cached;
}

const GATE = /malignan|cancer|neoplas|tumou?r|carcinoma/i;

/**
 * "another malignancy", "second primary cancer", "history of invasive malignancy", "prior cancer";
 * and a bare "Malignancy within the last 2 years" opening an item: a cancer dated within a window is
 * another one than the cancer the patient is enrolled for.
 */
const SUBJECT =
  /\b(?:(?:an)?other|another|second(?:ary)?|additional|prior|previous|concurrent|concomitant|synchronous|separate|different|past|any|co[\s-]?existing|coexistent)\s+(?:\([^()]{1,40}\)\s*)?(?:(?:primary|invasive|active|known|current|concurrent|other|non-cured|uncured)\s*,?\s+)*(?:malignanc(?:y|ies)|cancers?|neoplasms?|malignant\s+(?:neoplasms?|tumou?rs?|diseases?|conditions?|disorders?)|cancerous\s+(?:affections?|conditions?|diseases?)|primary\s+(?:malignanc(?:y|ies)|cancers?|tumou?rs?))\b(?![\s-]*(?:(?:investigational|experimental|systemic|targeted|specific)\s+)?(?:therapy|therapies|treatments?|drugs?|medications?|agents?|regimens?|directed|related|immunotherapy|surgery|diagnosis\s+of\s+the))|\bsecond\s+primary\b|\bhistory\s+of\s+(?:(?:an?|any)\s+)?(?:other\s+)?(?:(?:invasive|active)\s+)?(?:malignanc(?:y|ies)|cancers?|malignant\s+(?:tumou?rs?|neoplasms?|diseases?))\b(?!\s*(?:therapy|treatment))|\bhistory\s+(?:with)?in\s+the\s+(?:past|last|previous)\s+(?:\d+|one|two|three|four|five|ten)\s+(?:years?|months?)\s+of\s+(?:(?:an?|any)\s+)?(?:other\s+)?(?:invasive\s+)?(?:malignanc(?:y|ies)|cancers?)\b|\b(?:malignanc(?:y|ies)|malignant\s+diseases?)\s+(?:other\s+than|besides|except|in\s+addition\s+to)\b|\b(?:malignanc(?:y|ies)|malignant\s+diseases?)\s*[,(]\s*other\s+than\b|(?<!\bor\s+(?:any\s+)?)\b(?:an)?other\s+types?\s+of\s+(?:malignant\s+)?(?:tumou?rs?|cancers?|malignanc(?:y|ies))\b|\bmultiple\s+(?:primary\s+)?(?:cancers|malignancies|malignant\s+tumou?rs)\b|\b(?:combination\s+of\s+)?(?:2|two)\s+or\s+more\s+(?:primary\s+)?(?:malignancies|malignant\s+tumou?rs|cancers)\b|\bmore\s+than\s+one\s+(?:active\s+)?malignancy\b|\b(?:tumou?rs?|malignanc(?:y|ies)|cancers?)\s+of\s+(?:an)?other\s+(?:pathological\s+|histological\s+)?types?\b|(?<=^\s*(?:\d{1,2}\\?\.\s+)?)(?:(?:subjects?|patients?|participants?)\s+with\s+)?(?:an?\s+|any\s+)?(?:malignanc(?:y|ies)|malignant\s+(?:tumou?rs?|diseases?)|cancers?)(?=\s+(?:with)?in\s+the\s+(?:last|past|previous|preceding)\s+(?:\d|one|two|three|four|five|six|ten)\b|\s+(?:with)?in\s+(?:\d+|one|two|three|four|five|ten)\s+(?:years?|yrs?)\s+(?:prior\s+to|before)\b)|(?<!\b(?:for|of|with|to|against|treat\w*)\s+(?:an?\s+|the\s+)?)\b(?:another|other|additional|previous|prior)\s+(?:or\s+(?:inter)?current\s+)?(?:(?:invasive|primary|solid|treated)\s+)*tumou?rs?\b(?!\s*\)?\s*:|[\s-]*(?:types?|cohorts?|histolog\w*|specific|treatments?|therapy|therapies|directed|related|tissue|samples?|lesions?|sites?|volume|response|size|burden|markers?|infiltrating|associated|derived|agnostic|boards?|cells?|models?|growth|progression|assessments?|evaluations?|measurements?|bed)\b)/gi;

/** Activity the fact cannot hold: "that is progressing or requires active treatment", "concurrent". */
const ACTIVE_ONLY =
  /\b(?:progressing|requir\w+\s+(?:active\s+)?treatment|under\s+treatment|active|concurrent|concomitant|current(?:ly)?|synchronous|ongoing|undergoing)\b/i;

const YEARS = String.raw`(${NUMBER})\s*(?:\(\s*\d+\s*\)\s*)?(?:or\s+more\s+)?(years?|yrs?|months?)`;
/** Windows: "within the past 3 years", "in the last 5 years", "≤ 2 years prior to registration". */
const WINDOWS = [
  new RegExp(String.raw`\b(?:with)?in\s+(?:the\s+)?(?:past|last|previous|preceding|prior)?\s*${YEARS}`, 'i'),
  new RegExp(String.raw`(?:<=?|=<|≤|less\s+than)\s*${YEARS}`, 'i'),
  new RegExp(String.raw`\b(?:during|over)\s+the\s+(?:past|last|previous)\s+${YEARS}`, 'i'),
  new RegExp(
    String.raw`\b${YEARS}\s+(?:prior\s+to|before|of)\s+(?:study|enrol|regist|random|screen|the|first|signing|day|consent|start|treatment)`,
    'i',
  ),
];
/** "unless disease-free for ≥ 5 years", "treated more than 3 years ago": the same window, stated from the other side. */
const FREE_FOR = new RegExp(
  String.raw`\b(?:disease[\s-]free|free\s+of\s+(?:the\s+)?disease|without\s+(?:evidence\s+of\s+)?(?:disease|recurrence)|no\s+evidence\s+of\s+(?:disease|recurrence|malignancy|cancer)|no\s+(?:known\s+)?active\s+disease|in\s+(?:complete\s+)?remission|(?:complete\s+)?remission\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?achieved|(?:completed|ended|finished|received)\s+(?:\w+\s+){0,3}(?:treatment|therapy)|(?:curatively\s+)?treated|diagnosed|cured)\b[^.;]{0,40}?(?:for\s+)?(?:at\s+least|>=?|=>|≥|more\s+than|greater\s+than|over|a\s+minimum\s+of|minimum)?\s*${YEARS}(?:\s+(?:ago|prior|before|or\s+more|or\s+longer))?`,
  'i',
);

/** An exemption clause follows. */
const EXCEPT =
  /\b(?:except(?:ion)?s?(?:\s+(?:for|of|are|include|includes))?|however|other\s+than|excluding|with\s+the\s+exception\s+of|apart\s+from|besides|aside\s+from|unless|but\s+not|not\s+including|excepting)\b/i;
/** The same stated as a permission: "Patients with … are eligible", "The following are allowed:". */
const PERMIT =
  /\b(?:(?:are|is|will\s+be)\s+(?:also\s+)?(?:eligible|allowed|permitted|acceptable|not\s+excluded)|may\s+(?:participate|enroll|be\s+(?:eligible|enrolled|included))|(?:is|are)\s+not\s+(?:considered\s+)?(?:an?\s+)?(?:exclusion|exclusionary)|do(?:es)?\s+not\s+(?:exclude|apply)|may\s+be\s+(?:approved|considered|allowed)|case[\s-]by[\s-]case)\b/i;
/** The lead of an inclusion item naming the patients it admits: "3.1.12 Patients with a prior or". */
const PATIENTS_WITH = /^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:patients?|participants?|subjects?|individuals?)\s+with\s+(?:an?\s+)?(?:(?:prior|previous|past)\s+(?:or|and\/or)\s+)?$/i;
/** A judgement that admits the other cancer: "does not have the potential to interfere", "negligible risk". */
const HARMLESS = /\b(?:not|no|without|unlikely|minimal|negligible|low)\b/i;
/** A parenthesis or a closing ", i.e., …", for a permission stated inside one. */
const PAREN = /\([^()]*\)|,\s*i\.\s?e\.,?\s[^()]*$/g;
/** "for all prior malignancies", "from previous malignancies": the sentence is about the other cancers. */
const ABOUT_OTHER = /\b(?:for|from|of)\s+(?:all|any|their|his|her|the)?\s*$/i;
/** What an inclusion may require of the other cancers a patient had. */
const CURATIVE = /\b(?:curative|curatively|cured|remission|disease[\s-]free|no\s+evidence\s+of\s+disease)\b/i;
/** An enumerated list item: "b) …", "(ii) …", "c. …". */
const ENUMERATED = /^\s*(?:\(?(?:[a-h]|i{1,3}|iv|v)\)|[a-h]\.\s)/i;
/** Exemptions by judgement or risk, not by cancer type. */
const UNMAPPABLE_EXEMPTION =
  /\b(?:natural\s+history|interfere\w*|negligible|(?:specified|defined|described|listed)\s+in\s+the\s+(?:study\s+)?protocol|agreement|approv(?:al|ed)\s+(?:by|of|from)|case[\s-]by[\s-]case|discussion\s+with|minimal|low[\s-]+(?:(?:potential|malignant)\s+)?(?:risk|likelihood|malignancy|grade)|judge?ment|opinion|discretion|deemed|considered\s+(?:cured|low)|(?:risk|likelihood|potential)\s+(?:of|for)\s+(?:recurrence|relapse|metastasis|death|progression|spread\w*|cancer))\b/i;
/** "other than the disease under study": the cancer of the trial, which the fact already leaves out. */
const UNDER_STUDY =
  /\b(?:the\s+)?(?:primary\s+)?(?:cancer|malignanc(?:y|ies)|disease|tumou?r|indication)s?\s+(?:under\s+(?:study|investigation|treatment)|being\s+(?:studied|evaluated|investigated)|(?:studied|evaluated|investigated)\s+in\s+this\s+(?:study|trial))(?:\s+in\s+(?:this|the)\s+(?:study|trial))?|\b(?:those|the\s+ones?|the\s+(?:cancer|malignanc(?:y|ies)|disease)|that)?\s*(?:being\s+)?(?:treated|studied)\s+in\s+this\s+(?:study|trial)/gi;
/**
 * The generic subject of a window item ("or any other cancer from which the patient has been
 * disease-free for 2 years", "except for malignancy treated with curative intent …"): it names no
 * kind of cancer, so the window accounts for it. Only at an item's start, so "other solid tumors"
 * keeps its qualifier.
 */
const GENERIC_ITEM =
  /(?:^|[,;:(]|\b(?:or|and|for|of|with|except|unless|include|includes|are|a\)|b\)|c\)|i\)|ii\)))\s*(?:(?:any|an?|the|all|those)\s+)?(?:(?:completely|curatively|adequately|successfully|previously)\s+)?(?:(?:treated|resected)\s+)?(?:(?:other|another|prior|previous|second|additional|primary|invasive)\s+)*(?:malignanc(?:y|ies)|cancers?|tumou?rs?|neoplasms?)\b/gi;
/** Words that name a cancer: an exemption item must be mapped when it holds one. */
const CANCER_WORD_SOURCE = String.raw`\b(?:cancers?|carcinomas?|malignanc(?:y|ies)|tumou?rs?|neoplasms?|neoplasia|lymphomas?|leuka?emias?|melanomas?|sarcomas?|myelomas?|adenocarcinomas?|lesions?|in[\s-]+situ|cis)\b`;
const CANCER_WORD = new RegExp(CANCER_WORD_SOURCE, 'i');
const UNMAPPABLE_ALL = new RegExp(UNMAPPABLE_EXEMPTION.source, 'gi');
const CANCER_WORD_ALL = new RegExp(CANCER_WORD_SOURCE, 'gi');
/**
 * An organ left over in an exemption clause ("in situ carcinoma of the cervix, breast, prostate"): the
 * head noun was mapped for one site only, so the others name cancers the lexicon did not map.
 */
const SITE_WORD =
  /\b(?:breast|prostat(?:e|ic)\b(?![\s-]+specific)|cervix|cervical|bladder|uter\w+|endometri\w+|thyroid|colon|colorectal|rectal|lung|skin|kidney|renal|ovar\w+|gastric|stomach|liver|pancrea\w+|esophag\w+|oesophag\w+|head\s+and\s+neck)\b/i;
/** Between a window and an unmappable exemption: they are alternatives ("disease-free 2 years or deemed at low risk"). */
const ALTERNATIVE = /;|(?<!\/)\bor\b(?!\s*\/)/i;

const MALIGNANCY_VOCAB = vocab(
  'history of another other additional existing continuously intervention cycle second secondary primary prior previous malignancy malignancies cancer cancers invasive known ' +
    'diagnosed diagnosis with has had have having patient patients participant participants subject subjects within the past last preceding ' +
    'years year months month prior to before study entry enrollment enrolment registration randomization screening first dose treatment start ' +
    'except for exception exceptions of other than excluding apart from besides aside unless or and nor a an any such as e g i adequately ' +
    'curatively completely appropriately successfully definitively treated resected excised removed managed controlled surgically ' +
    'disease free free evidence recurrence no without remission complete at least more greater than over minimum ago is are was were been ' +
    'which who whose that be may eligible allowed permitted not considered include includes including following neoplasm neoplasms malignant ' +
    'tumor tumors separate different concurrent concomitant from this study current under trial intent curative potentially therapy ' +
    'underwent undergone received completed considered cured low risk synchronous metachronous intercurrent solid hematologic haematologic hematological ' +
    'investigational drug drugs cutaneous combination pathological histological type types will shall accepted',
);
/** What makes another cancer active now, accounted for only when the rule says `active`. */
const ACTIVITY_VOCAB = vocab(
  'progressing progressive require requires requiring required active actively ongoing currently undergoing systemic radiation radiotherapy ' +
    'treatment therapy that is are has have or and and/or',
);

interface Window {
  years: number;
  span: Span;
}

function firstWindow(text: string, from: number, to: number): Window | null {
  const slice = text.slice(from, to);
  let best: Window | null = null;
  for (const re of WINDOWS) {
    const m = re.exec(slice);
    if (!m) continue;
    const value = toNumber(m[1]!);
    const years = value === null ? null : toYears(value, m[2]!);
    if (years === null) continue;
    if (!best || from + m.index < best.span[0]) best = { years, span: [from + m.index, from + m.index + m[0].length] };
  }
  return best;
}

function freeFor(text: string, from: number, to: number): Window | null {
  const m = FREE_FOR.exec(text.slice(from, to));
  if (!m) return null;
  const value = toNumber(m[1]!);
  const years = value === null ? null : toYears(value, m[2]!);
  return years === null ? null : { years, span: [from + m.index, from + m.index + m[0].length] };
}

/** The words of `[a, b)` outside every span given, as blanks, so offsets still line up. */
function outside(text: string, a: number, b: number, spans: Span[]): string {
  let out = '';
  for (let i = a; i < b; i++) out += spans.some(([x, y]) => i >= x && i < y) ? ' ' : text[i];
  return out;
}

/** `span` without the parts inside any of `holes`. */
function subtract(span: Span, holes: Span[]): Span[] {
  let parts: Span[] = [span];
  for (const [c, d] of holes) {
    parts = parts.flatMap(([x, y]): Span[] =>
      d <= x || c >= y ? [[x, y]] : [...(c > x ? [[x, c] as Span] : []), ...(d < y ? [[d, y] as Span] : [])],
    );
  }
  return parts;
}

function unparsedLeaf(text: string): Condition {
  return { fact: 'unparsed', operator: 'equal', value: true, params: { text } };
}

/** Clause text as an unparsed leaf shows it: trimmed of the punctuation around it. */
function clauseText(text: string, a: number, b: number): string {
  return text
    .slice(a, b)
    .trim()
    .replace(/^[,;:(]+\s*/, '')
    .replace(/[\s.;:,)]+$/, '');
}

/**
 * "Prior invasive non-breast malignancy", "previous non-melanoma malignancies": a cancer other than the
 * one named after "non-", read as another malignancy excluding that cancer's OncoTree code (a prior
 * contralateral breast cancer does not count in a breast trial). The named cancer must come right
 * after "non-" and be a cancer of the lexicon; an exemption starting there ("non-melanoma skin
 * cancer") or a name that holds the "non-" itself ("non-small cell lung cancer") is not one.
 */
const NON_PREFIX = /\bnon-\s*(?=[a-z])/gi;
const CANCER_HEAD = /^\s*(?:malignanc(?:y|ies)|cancers?|neoplasms?|tumou?rs?)\b/i;
const NON_HISTORY = /\b(?:prior|previous|previously|history|concurrent|concomitant|other|another|additional|second|past|known|active)\b/i;
const NAMES_HEAD = /\b(?:malignanc(?:y|ies)|cancers?|neoplasms?|tumou?rs?)$/i;

function nonSubject(input: ExtractInput): { start: number; end: number; codes: string[] } | null {
  const { text } = input;
  NON_PREFIX.lastIndex = 0;
  for (let m = NON_PREFIX.exec(text); m; m = NON_PREFIX.exec(text)) {
    const at = m.index + m[0].length;
    const named = input.mentions.filter((k) => k.type === 'cancer' && k.start === at && k.id !== 'ANY_CANCER');
    if (!named.length) continue;
    const end = Math.max(...named.map((k) => k.end));
    const head = CANCER_HEAD.exec(text.slice(end));
    if (!head && !named.some((k) => NAMES_HEAD.test(k.text))) continue;
    // Another cancer of the patient's history, not a tumour type ("mixed neuroendocrine and
    // non-neuroendocrine neoplasms"): a history word before it, or a window in its sentence.
    const sStart = sentenceStart(text, m.index);
    const sEnd = sentenceEnd(text, m.index);
    if (!NON_HISTORY.test(text.slice(sStart, m.index)) && !firstWindow(text, end, sEnd) && !freeFor(text, end, sEnd)) continue;
    const from = text.slice(m.index, end + 40);
    if (exceptionIndex().index.scan(from, tokenize(from)).some((e) => e.start === 0)) continue;
    return { start: m.index, end: head ? end + head[0].length : end, codes: [...new Set(named.map((k) => k.id))] };
  }
  return null;
}

/** After the subject, "… will not be allowed", "… are not permitted": other cancers are barred. */
const PROHIBITED_AFTER = /^[^.;:]{0,40}?\b(?:is|are|will|shall)\s+not\s+(?:be\s+)?(?:allowed|permitted|accepted)\b/i;
/** After a subject led by "No", "… is allowed": the same prohibition ("No prior malignancy is allowed"). */
const PERMITTED_AFTER = /^[^.;:]{0,40}?\b(?:is|are|will\s+be)\s+(?:allowed|permitted|accepted)\b/i;

/** The negation of a rule of boolean leaves and their all/any, as an inclusion prohibition reads. */
function negateBoolean(c: Condition): Condition {
  if ('all' in c) return { any: c.all.map(negateBoolean) };
  if ('any' in c) return { all: c.any.map(negateBoolean) };
  return { ...c, value: !c.value };
}

/** Where an item of an exemption list begins: after a comma, a semicolon or "or". */
const ITEM_BOUNDARY = /[,;]|\bor\b/gi;

/**
 * The item of the clause `[a, …)` that ends where a "disease-free for N years" window begins, when it
 * names a mapped exemption ("non-melanoma skin cancer with the disease-free survival of …"); null
 * when the window stands alone or follows a generic subject ("or any cancer disease-free for 3 years").
 */
function exemptionItem(text: string, a: number, freeStart: number, found: Array<{ start: number; end: number; id: string }>): Span | null {
  const before = text.slice(a, freeStart);
  let itemStart = 0;
  ITEM_BOUNDARY.lastIndex = 0;
  for (let m = ITEM_BOUNDARY.exec(before); m; m = ITEM_BOUNDARY.exec(before)) itemStart = m.index + m[0].length;
  const item: Span = [a + itemStart, freeStart];
  return found.some((m) => a + m.start >= item[0] && a + m.end <= item[1]) ? item : null;
}

export const extractMalignancy: Extractor = (input: ExtractInput) => {
  const { text } = input;
  if (!GATE.test(text)) return [];
  // An item under "… with the exception of any of the following:" or "The following malignancies
  // … are permitted:" is an exemption of the exclusion above it, not an exclusion itself.
  const lead = input.context[input.context.length - 1] ?? '';
  if (
    /:\s*$/.test(lead) &&
    (EXCEPT.test(lead) ||
      /\bfollowing\s+(?:[\w-]+\s+){0,2}(?:malignanc|cancer|tumou?r|neoplas)\w*\b[^:]*\b(?:permitted|allowed|eligible|acceptable)\b/i.test(
        lead,
      ))
  )
    return [];
  SUBJECT.lastIndex = 0;
  let other = SUBJECT.exec(text);
  // "Prior immunotherapy for any malignancy": the cancers a treatment was given for, this one among
  // them, not another cancer the patient must have had.
  while (other && /^any\s/i.test(other[0]) && /\b(?:for|against|treat(?:ing|ment\s+of)?)\s+$/i.test(text.slice(Math.max(0, other.index - 20), other.index)))
    other = SUBJECT.exec(text);
  const non = other ? null : nonSubject(input);
  const subject: { index: number; 0: string } | null = other ?? (non ? { index: non.start, 0: text.slice(non.start, non.end) } : null);
  if (!subject) return [];
  const exclusion = input.kind === 'exclusion';
  const start = subject.index;
  const subjectEnd = start + subject[0].length;
  const sStart = sentenceStart(text, start);
  const sEnd = sentenceEnd(text, start);
  const negated = negatedAt(input, start);
  // A permission about other cancers excludes no one ("Patients with a prior malignancy are eligible
  // if …"), unless it names a judgement that bars the others (see `judgement` below).
  let exceptAt: RegExpExecArray | null = EXCEPT.exec(text.slice(start, sEnd));
  let mainEnd = exceptAt ? start + exceptAt.index : sEnd;
  // "(except non-melanoma skin cancer)": a parenthetical exemption ends at its parenthesis.
  const open = exceptAt ? text.lastIndexOf('(', mainEnd) : -1;
  const close = open >= sStart ? text.indexOf(')', mainEnd) : -1;
  let exceptEnd = close > mainEnd && close < sEnd && text.slice(open, mainEnd).indexOf(')') < 0 ? close : sEnd;
  // "… active ≤ 2 years prior (i.e., participants with a prior malignancy are eligible if treatment
  // was completed ≥ 2 years before …)": a permission in parentheses is the exemption clause.
  if (!exceptAt) {
    PAREN.lastIndex = 0;
    for (let m = PAREN.exec(text.slice(subjectEnd, sEnd)); m; m = PAREN.exec(text.slice(subjectEnd, sEnd))) {
      if (!PERMIT.test(m[0])) continue;
      exceptAt = m;
      mainEnd = subjectEnd + m.index;
      exceptEnd = mainEnd + m[0].length;
      break;
    }
  }
  // "Other malignancies within 5 years or history of organ transplantation": the clause ends at the
  // connective before a condition listed after it, whose words are its own finding's.
  if (!exceptAt) {
    const next = input.mentions.find((m) => m.type === 'condition' && m.start > subjectEnd && m.start < mainEnd);
    const joint = next ? /^([\s\S]*)(?:[,;]\s*|\s)(?:or|and|and\/or)\s[^,;]*$/i.exec(text.slice(subjectEnd, next.start)) : null;
    if (joint) mainEnd = subjectEnd + joint[1]!.length;
  }
  // "No prior malignancy is allowed except …", "Active secondary malignancies will not be allowed,
  // with the exception of: …": a prohibition, whichever list it sits in. It excludes the other cancer
  // in an exclusion and requires its absence in an inclusion, the negation read here.
  const prohibited =
    (negated && /\bno\s+(?:[\w-]+\s+){0,2}$/i.test(text.slice(sStart, start)) && PERMITTED_AFTER.test(text.slice(subjectEnd, mainEnd))) ||
    PROHIBITED_AFTER.test(text.slice(subjectEnd, mainEnd));
  if (exclusion && negated && !prohibited && !modalNegationInExclusion(input, start)) return [];
  const permit = prohibited ? null : PERMIT.exec(text.slice(sStart, mainEnd));
  const permitStart = permit ? sStart + permit.index : -1;
  const permitEnd = permit ? permitStart + permit[0].length : -1;
  // "a prior or concurrent malignancy whose natural history or treatment has the potential to
  // interfere …": only the other cancers a judgement picks. The judgement, from the end of the subject
  // to the end of the main clause (or to the permission verb, or from it: "may be eligible if its
  // natural history …"), is an unparsed leaf beside the malignancy.
  const judgementAt = UNMAPPABLE_EXEMPTION.exec(text.slice(subjectEnd, mainEnd));
  const judgementPos = judgementAt ? subjectEnd + judgementAt.index : -1;
  const judgement: Span | null = !judgementAt
    ? null
    : permit && permitStart > subjectEnd && judgementPos < permitStart
      ? [subjectEnd, permitStart]
      : permit && judgementPos >= permitEnd
        ? [permitEnd, mainEnd]
        : permit
          ? null
          : [subjectEnd, mainEnd];
  // "Patients with a prior or concurrent malignancy whose natural history … does not have the
  // potential to interfere …" as an inclusion item: the patients who may enrol, a permission whose
  // verb the list item leaves implied.
  const impliedPermit = !exclusion && !permit && judgement !== null && !negated && PATIENTS_WITH.test(text.slice(sStart, start)) &&
    HARMLESS.test(text.slice(judgement[0], judgement[1]));
  // "The patient has undergone potentially curative therapy for all prior malignancies", "… is deemed
  // to be at low risk of recurrence from previous malignancies": an inclusion about the other cancers
  // a patient may have had, which one without any meets.
  const about =
    !exclusion && !negated && !permit
      ? ABOUT_OTHER.exec(text.slice(sStart, start))
      : null;
  const aboutSpan: Span | null =
    about && (UNMAPPABLE_EXEMPTION.test(text.slice(sStart, start)) || CURATIVE.test(text.slice(sStart, start)))
      ? [sStart, sEnd]
      : null;
  if (permit && !judgement) return [];
  // "Any malignancy with cutaneous lesions may be eligible at the investigator's discretion" is about
  // the trial's own cancer: a permission or requirement must name another one.
  if ((permit || impliedPermit || aboutSpan) && !/\b(?:other|another|second|additional|prior|previous|concurrent|concomitant|synchronous|separate|different|past|history)\b/i.test(subject[0]))
    return [];
  if (!exclusion && !negated && !prohibited && !((permit || impliedPermit) && judgement) && !aboutSpan) return [];
  if (permit && judgement && negated) return [];
  // "Concurrent malignancy requiring systemic therapy other than hormonal therapy": the exception
  // narrows the treatment required, not the cancers counted. No fact holds it, so it stays an
  // unparsed leaf beside the malignancy, which remains necessary for the exclusion.
  const treatmentExcept =
    exceptAt &&
    /\b(?:requir\w*|need\w*|receiv\w*|undergo\w*)\s+(?:[\w-]+\s+){0,3}(?:treatment|therapy)\s*$/i.test(text.slice(sStart, mainEnd)) &&
    !CANCER_WORD.test(text.slice(mainEnd, exceptEnd)) &&
    input.mentions.some(
      (m) => (m.type === 'therapyKind' || m.type === 'drugClass' || m.type === 'drug') && m.start >= mainEnd && m.end <= exceptEnd,
    )
      ? { text: text.slice(mainEnd, exceptEnd).trim().replace(/[.;,]+$/, ''), span: [mainEnd, exceptEnd] as Span }
      : null;

  // Window: in the main clause, or an exemption "unless disease-free for ≥ 5 years".
  let years: number | undefined;
  const spans: Span[] = [];
  const cover: Span[] = [];
  const qualifiers: string[] = [];
  const win = firstWindow(text, sStart, mainEnd) ?? (exceptEnd < sEnd ? firstWindow(text, exceptEnd, sEnd) : null);
  if (win) {
    years = win.years;
    spans.push(win.span);
  } else {
    // "other malignancies not curatively treated and without evidence of disease for more than 5 years".
    const free = freeFor(text, start, mainEnd);
    if (free) {
      years = free.years;
      spans.push(free.span);
    }
  }
  if (judgement) {
    qualifiers.push(clauseText(text, judgement[0], judgement[1]));
    cover.push(judgement);
  }
  if (aboutSpan) {
    qualifiers.push(clauseText(text, aboutSpan[0], aboutSpan[1]));
    cover.push(aboutSpan);
  }
  // "that is progressing or requires active treatment" without a window: not expressible.
  // "prior or concurrent malignancy", "history of or current cancer": past ones count too.
  const pastToo =
    /\b(?:prior|previous|past|history(?:\s+of)?|metachronous)\s*(?:,|or|and\/or|\/)\s*(?:concurrent|concomitant|current|active|synchronous)\b|\b(?:concurrent|concomitant|current|active|synchronous)\s*(?:,|or|and\/or|\/)\s*(?:prior|previous|past|history|metachronous)\b/i.test(
      text.slice(sStart, mainEnd),
    );
  const activeWords = pastToo ? null : ACTIVE_ONLY.exec(text.slice(sStart, judgement ? judgement[0] : mainEnd));

  // Exemptions: the rest of the sentence, and later sentences that state them ("Exceptions include
  // …", "Patients with … are eligible").
  const { index, byId } = exceptionIndex();
  const codes = new Set<string>(non?.codes ?? []);
  // A window stated in an exemption clause that also holds an unmappable exemption cannot be applied
  // alone ("disease-free ≥ 2 years and at low risk of recurrence"): the leaf holds it.
  let joinedWindow: { years: number; text: string } | undefined;
  // "localized prostate cancer" → PRAD exempts more than the text: a cancer outside the exact
  // exemptions and outside PRAD is excluded, one inside PRAD is unknown (the leaf holds "localized").
  const permitInclusion = Boolean((permit || impliedPermit || aboutSpan) && !exclusion);
  const broader = new Set<string>();
  const broaderText: string[] = [];
  const clauses: Span[] = [];
  if (exceptAt && !treatmentExcept) clauses.push([mainEnd, exceptEnd]);
  // "Active malignancy (other than the disease under treatment) within 3 years except for curable
  // cancers": after a parenthetical exemption, a second one in the same sentence is a clause too.
  if (exceptAt && !treatmentExcept && exceptEnd < sEnd) {
    const again = EXCEPT.exec(text.slice(exceptEnd, sEnd));
    if (again) clauses.push([exceptEnd + again.index, sEnd]);
  }
  // "Exceptions … include the following: …; completely resected basal cell …; …": items after a
  // colon go on across semicolons.
  // "… other than CLL / SLL, except that: * Fully treated cervical carcinoma in situ; * Completely
  // resected basal cell carcinoma …": the colon opens the list in the subject's own sentence too.
  let listOpen = exceptAt !== null && !treatmentExcept && /:/.test(text.slice(mainEnd, sEnd));
  for (let pos = sEnd + 1; pos < text.length;) {
    const end = sentenceEnd(text, pos);
    const sentence = text.slice(pos, end);
    // "except for a) …; b) adequately treated non-melanoma skin cancer": the next item of the list.
    const item: boolean = clauses.length > 0 && (ENUMERATED.test(sentence) || (listOpen && text[pos - 1] === ';'));
    listOpen = (item && listOpen) || ((EXCEPT.test(sentence) || PERMIT.test(sentence)) && /:/.test(sentence));
    if ((item || EXCEPT.test(sentence) || PERMIT.test(sentence)) && CANCER_WORD.test(sentence)) clauses.push([pos, end]);
    else if (CANCER_WORD.test(sentence)) break; // some other statement about cancer: stop
    pos = end + 1;
  }
  for (const [a, b] of clauses) {
    const clause = text.slice(a, b);
    const found = index.scan(clause, tokenize(clause));
    // Words accounted for: mapped exemptions (a superset one is mapped but its words stay unread)
    // and the "disease-free for N years" window.
    const mapped: Span[] = [];
    const covered: Span[] = [];
    const clauseCodes: string[] = [];
    const supersetCodes: string[] = [];
    const supersetSpans: Span[] = [];
    for (const m of found) {
      const e = byId.get(m.id);
      if (!e) continue;
      (e.superset ? supersetCodes : clauseCodes).push(...e.oncotree);
      if (e.superset) supersetSpans.push([a + m.start, a + m.end]);
      mapped.push([a + m.start, a + m.end]);
      if (!e.superset) covered.push([a + m.start, a + m.end]);
      // "carcinoma in situ (e.g. breast carcinoma, cervical cancer in situ)": examples of the
      // exemption just named, accounted for by it.
      const eg = /^\s*\(\s*(?:e\.?\s*g\.?|i\.?\s*e\.?|such\s+as|including)[^()]*\)/i.exec(clause.slice(m.end));
      if (eg && !e.superset) {
        mapped.push([a + m.end, a + m.end + eg[0].length]);
        covered.push([a + m.end, a + m.end + eg[0].length]);
      }
    }
    // "other than the disease under study": the trial's own cancer, which the fact leaves out anyway.
    UNDER_STUDY.lastIndex = 0;
    for (let u = UNDER_STUDY.exec(clause); u; u = UNDER_STUDY.exec(clause)) {
      mapped.push([a + u.index, a + u.index + u[0].length]);
      covered.push([a + u.index, a + u.index + u[0].length]);
    }
    const free = freeFor(text, a, b);
    if (free) {
      mapped.push(free.span);
      covered.push(free.span);
      GENERIC_ITEM.lastIndex = 0;
      for (let g = GENERIC_ITEM.exec(clause); g; g = GENERIC_ITEM.exec(clause)) {
        mapped.push([a + g.index, a + g.index + g[0].length]);
        covered.push([a + g.index, a + g.index + g[0].length]);
      }
    }
    // "except non-melanoma skin cancer with a disease-free survival of more than 5 years", "… or
    // prostate carcinoma that is in remission under androgen deprivation therapy for > 2 years": the
    // window belongs to the exemption named in its own item, not to every other cancer. It sets no
    // window and that exemption is not granted outright: the clause is the leaf the malignancy must
    // meet too.
    const ownItem = free ? exemptionItem(text, a, free.span[0], found) : null;
    if (ownItem) {
      for (const m of found) {
        if (a + m.start < ownItem[0] || a + m.end > ownItem[1]) continue;
        const e = byId.get(m.id);
        if (!e) continue;
        for (const c of e.oncotree) {
          const i = clauseCodes.indexOf(c);
          if (i >= 0) clauseCodes.splice(i, 1);
        }
      }
    }
    // Any other cancer named in the clause, or an exemption by judgement or risk ("negligible risk of
    // metastasis", "in the opinion of the investigator"), is one the fact cannot hold: the clause
    // becomes an unparsed leaf the malignancy must meet too, so a patient the exemption might spare
    // is unknown, not excluded.
    const leftover = outside(text, a, b, mapped);
    for (const c of clauseCodes) codes.add(c);
    // A clause that maps nothing ("unless no additional therapy is anticipated") is as unmappable.
    if (
      ownItem ||
      CANCER_WORD.test(leftover) ||
      SITE_WORD.test(leftover) ||
      UNMAPPABLE_EXEMPTION.test(leftover) ||
      (!mapped.length && /[a-z]{3,}/i.test(leftover))
    ) {
      cover.push([a, b]);
      const q = clauseText(text, a, b);
      if (!free || ownItem) {
        qualifiers.push(q);
        continue;
      }
      // The window and the unmappable words: alternatives ("disease-free ≥ 2 years, or deemed at low
      // risk") exempt either way, so the window still applies; joined ("curatively treated, no
      // active disease ≥ 2 years and of low risk of recurrence"), a cancer within the window is
      // excluded and an older one is unknown: all(malignancy, any(malignancy within N years, leaf)).
      const unmappable = [...leftover.matchAll(UNMAPPABLE_ALL)];
      const joined = [...leftover.matchAll(CANCER_WORD_ALL), ...unmappable].map((m) => {
        const qa = a + m.index;
        const qb = qa + m[0].length;
        return !ALTERNATIVE.test(qb <= free.span[0] ? text.slice(qb, free.span[0]) : text.slice(free.span[1], qa));
      });
      // Joined only when nothing else in the clause is an alternative ("those that do not require
      // treatment or were treated > 1 year ago, and …"), and the window is a disease-free time, not
      // "diagnosed within 5 years" (which exempts recent cancers).
      const plain = outside(text, a, b, [...mapped, ...unmappable.map((m): Span => [a + m.index, a + m.index + m[0].length])]);
      const diseaseFree = !/^(?:diagnosed|(?:curatively\s+)?treated|cured)\b/i.test(text.slice(free.span[0], free.span[1]));
      if (joined.every((j) => !j)) {
        years = years === undefined ? free.years : Math.min(years, free.years);
        qualifiers.push(q);
      } else if (
        joined.every((j) => j) &&
        !ALTERNATIVE.test(plain) &&
        diseaseFree &&
        !joinedWindow &&
        (years === undefined || free.years < years)
      )
        joinedWindow = { years: free.years, text: q };
      else qualifiers.push(q);
      continue;
    }
    if (permitInclusion) for (const c of supersetCodes) codes.add(c);
    else {
      for (const c of supersetCodes) broader.add(c);
      for (const sp of supersetSpans) {
        broaderText.push(text.slice(sp[0], sp[1]));
        cover.push(sp);
      }
    }
    if (free) years = years === undefined ? free.years : Math.min(years, free.years);
    spans.push(...covered);
    // A superset mapping's words stay unread, even where filler words run into them.
    const unreadMapped = mapped.filter(([x, y]) => !covered.some(([c, d]) => x >= c && y <= d));
    spans.push(...vocabSpans(input, a, b, MALIGNANCY_VOCAB).flatMap((sp) => subtract(sp, unreadMapped)));
  }
  // "that is progressing or requires active treatment" without a window: only an active cancer.
  const activeOnly = activeWords !== null && years === undefined && !joinedWindow;

  // The subject phrase and its own words.
  const subjectWordsEnd = judgement ? judgement[0] : mainEnd;
  spans.push(...vocabSpans(input, sStart, subjectWordsEnd, MALIGNANCY_VOCAB));
  if (permit && judgement) spans.push(...vocabSpans(input, judgement[1], mainEnd, MALIGNANCY_VOCAB));
  if (activeOnly) spans.push(...vocabSpans(input, sStart, subjectWordsEnd, ACTIVITY_VOCAB));
  spans.push([start, subjectEnd]);
  if (permit) spans.push([sStart + permit.index, sStart + permit.index + permit[0].length]);
  const params: Record<string, unknown> = {};
  if (years !== undefined) params.withinYears = years;
  if (codes.size) params.excluding = [...codes].sort();
  if (activeOnly) params.active = true;
  const malignancy: Condition = { fact: 'otherMalignancy', operator: 'equal', value: true, params };
  const leaves = [...(treatmentExcept ? [treatmentExcept.text] : []), ...qualifiers].map(unparsedLeaf);
  if (treatmentExcept) cover.push(treatmentExcept.span);
  // A permission with a judgement, or a requirement about the other cancers, read as an inclusion:
  // no other cancer, or one the unparsed words allow.
  if (joinedWindow) {
    const within: Condition = { ...malignancy, params: { ...params, withinYears: Math.min(joinedWindow.years, years ?? Infinity) } };
    leaves.push({ any: [within, unparsedLeaf(joinedWindow.text)] });
  }
  if (broader.size) {
    const wider: Condition = { ...malignancy, params: { ...params, excluding: [...new Set([...codes, ...broader])].sort() } };
    leaves.push({ any: [wider, unparsedLeaf(broaderText.join(' … '))] });
  }
  const stated: Condition =
    permitInclusion
      ? { any: [{ ...malignancy, value: false }, ...leaves] }
      : leaves.length
        ? { all: [malignancy, ...leaves] }
        : malignancy;
  const condition = prohibited && !exclusion ? negateBoolean(stated) : stated;
  const finding: Finding = {
    category: 'medical_history',
    condition,
    ...(cover.length ? { cover } : {}),
    spans,
    anchor: start,
    ...((exclusion && negated) || prohibited || ((permit || impliedPermit || aboutSpan) && !exclusion) ? { polarityHandled: true } : {}),
  };
  return [finding];
};
