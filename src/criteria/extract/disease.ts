/**
 * Cancer type and histology; stage, TNM and disease extent; measurable disease.
 *
 *   "Histologically confirmed metastatic NSCLC"        → diseaseExtent(metastatic) ∧ cancerType(NSCLC)
 *   "locally advanced or metastatic breast cancer"      → any(locally_advanced, metastatic) ∧ cancerType(BREAST)
 *   "stage IIIB–IV", "stage ≥ IIB", "stage 3 or 4"      → stage(groups)
 *   "cT2-4 N0-1 M0", "pT3-4 or N+"                      → tnm(t|n|m, values)
 *   "measurable disease per RECIST 1.1"                 → measurableDisease
 *
 * Cancer types come from the `cancer` mentions of rules/cancer-types.json (OncoTree codes and groups).
 * A mention becomes a cancerType finding only when the criterion states it as the patient's own
 * diagnosis. Mentions about another cancer ("no other malignancy", "second primary"), the object of
 * a treatment ("prior therapy for metastatic NSCLC"), a cohort-specific or conditional clause
 * ("Patients with lymphoma may have platelets ≥ 75"), or inside an exception are left alone: a
 * wrong cancer type hides a trial from the people it is for, so unread text is the better failure.
 *
 * Stage conventions (how the evaluator compares with the patient's stage):
 *  - AJCC groups are roman numerals with their substages: 0, 0is, I, IA, IA1…, IV, IVA, IVB, IVC.
 *    "stage 3b" reads IIIB. A range expands over the ordered groups and is written with the fewest
 *    prefixes: "IIIB–IV" → [IIIB, IIIC, IIID, IV]; "≥ IIB" → [IIB, IIC, III, IV]. A group covers its
 *    substages ('III' covers IIIA–IIIC), as facts.ts states.
 *  - FIGO (gynaecological) and Ann Arbor / Lugano (lymphoma) stages use the same numerals: AJCC 8th
 *    edition adopts FIGO staging for the cervix, uterus, ovary, vulva and vagina, and the Lugano
 *    classification (Ann Arbor) for lymphoma, so "FIGO IIIC" → ['IIIC'] and "Ann Arbor III–IV" →
 *    ['III', 'IV'] compare with the patient's stage group of those cancers unchanged.
 *  - Systems with their own letters or meaning get a prefix: 'BCLC A'…'BCLC D' (hepatocellular),
 *    'ISS I'…, 'R-ISS I'… (myeloma), 'Rai 0'…'Rai IV', 'Binet A'… (CLL), and the Veterans
 *    Administration two-stage system for small cell lung cancer: 'limited' / 'extensive'.
 *  - Gleason / ISUP grade groups are grades, not stages, and are not read here.
 *
 * Measurable disease: "measurable disease per RECIST 1.1 / mRECIST / iRECIST / RANO / Lugano /
 * IMWG / PCWG3 / iwCLL" → measurableDisease = true (the fact names the criteria of the disease).
 * "Evaluable" disease is weaker (measurable OR non-measurable but assessable) and has no fact of its
 * own: "evaluable disease" / "measurable or evaluable disease" read as any(measurableDisease,
 * unknown), met by measurable disease and unknown otherwise, with the word "evaluable" left unread.
 * A measurable lesion at a named site ("measurable brain metastasis") reads all(measurableDisease,
 * unknown). A sentence that only defines measurability ("Measurable disease is defined as at least
 * one lesion ≥ 10 mm…") restates RECIST and is covered by the same finding.
 *
 * Three safeguards keep a partial reading from excluding or failing the wrong patients:
 *  - cohort / arm / part scoped criteria ("Cohort 2: …", "For patients with HCC only: …") wrap each
 *    finding with an unknown for "is the patient in that cohort?" (inclusion: any, exclusion: all);
 *  - in an exclusion, an excluded type narrowed by words not read here ("spermatocytic seminoma",
 *    "NSCLC with EGFR mutation") reads all(cancerType, unknown), never the broader type alone;
 *  - findings that a negation scope reaches only across a clause break, or a post-negation inside
 *    an exclusion list ("… are excluded"), are dropped rather than flipped.
 */
import { isLeaf, leavesOf, unreadWords, type Condition, type DISEASE_EXTENTS, type LeafCondition } from '../facts';
import { tokenAt, type ExtractInput, type Extractor, type Finding } from './extractor';
import { extractDiagnosisConfirmation } from './disease-confirmation';
import { extractMetastaticSites } from './metastatic-sites';
import { extractTumour } from './tumour';
import { standardRouteSpans } from './therapy-standard';
import { vocab as words } from './history-util';
import type { Mention } from '../lexicon';
import type { Scope } from '../negation';
import { foldWord, type Token } from '../text';
import { histologyOtherThan } from './disease-histology-other';
import { hormonalResistance } from './therapy-castration-resistance';

type Extent = (typeof DISEASE_EXTENTS)[number];


// ---------------------------------------------------------------------------------------------
// Gates: cheap tests that decide whether any of the work below is needed.
// ---------------------------------------------------------------------------------------------

/** Word starts (folded tokens) that can begin a stage, extent or measurability phrase. */
const GATE_STEMS = new Set(
  'stag meta olig poly adva reso rese unre irre oper inop nonr recu rela refr loca newl novo meas eval asse reci mrec irec rano luga imwg diss wide amen cand suit elig appr bclc barc bine rai iss figo limi exte tnm ajcc node dist'.split(
    ' ',
  ),
);
/** Raw tokens that look like a TNM category ("T3", "pN2", "cT2N0M0", "Tis"). */
const TNM_LIKE = /^(?:y?[cp]|yp|yc|r|a)?[TNM](?:[0-4xX]|is)/;

/** Cheap test on the tokens: could any stage, extent, TNM or measurability phrase be here? */
function gate(input: ExtractInput): boolean {
  for (const t of input.tokens) {
    if (GATE_STEMS.has(t.norm.slice(0, 4)) || (t.norm.length <= 3 && GATE_STEMS.has(t.norm)) || TNM_LIKE.test(t.raw))
      return true;
  }
  return /\bN\+|\bR\/R\b|\b[EL]S-SCLC\b/.test(input.text);
}

// ---------------------------------------------------------------------------------------------
// Cancer type.
// ---------------------------------------------------------------------------------------------

/** Codes that mean "some cancer": about another malignancy unless the frame says otherwise. */
const GENERIC = new Set(['ANY_CANCER']);
/** Groups that also name the site a cancer involves ("CNS lymphoma", "meningeal leukemia"). */
const HEME_GROUPS = new Set(['LEUKEMIA', 'LYMPHOMA', 'HEME', 'ALL_LEUKEMIA']);
/** Words that put a cancer mention in another cancer's history (medical_history reads those). */
const OTHER_CANCER = words(
  'other another second secondary additional concurrent concomitant synchronous metachronous new',
);
const PAST = words('prior previous past history');
/** A mention governed by one of these is the object of a treatment or procedure, not a diagnosis. */
const REJECT_GOV = words(
  'for against treat treated treating treatment therapy therapies chemotherapy chemo radiotherapy radiation regimen regimens drug drugs agent agents received receive receiving after following from post to than prevent prevention screening except excluding unless beyond besides considering regarding',
);
/** Governors that introduce the patient's diagnosis. */
const ACCEPT_GOV = words(
  'with have has having had diagnosed diagnosis diagnoses confirmed confirmation proven documented documentation verified established suffering affected harboring harbouring present presenting is are be',
);
/** Nouns after "of" that keep a diagnosis frame ("diagnosis of", "evidence of"). */
const DIAG_NOUN = words(
  'diagnosis diagnoses confirmation documentation evidence histology type subtype subtypes form kind case presence history stage stages metastasis metastases recurrence relapse progression',
);
/**
 * Histology nouns that, before "of", name the histology of the cancer after it: "adenocarcinoma
 * of the colorectal cancer", "squamous carcinoma of GC/GEJC". The cancer is the patient's; the
 * histology narrows it and stays unread.
 */
const HISTOLOGY_OF = words('adenocarcinoma adenocarcinomas carcinoma carcinomas carcinosarcoma carcinosarcomas');
/** A mention used attributively before one of these names something else ("cancer therapy"). */
const ATTRIBUTIVE = words(
  'survivor survivors therapy therapies treatment treatments drug drugs agent agents regimen regimens center centre institute care risk screening survivorship related directed specific cell cells tissue tissues sample samples specimen specimens biopsy biopsies lesion lesions burden marker markers antigen vaccine vaccines genomic genomics gene genes syndrome predisposition susceptibility surgery surgeries resection clinic team trial trials study studies program programme panel site sites cohort cohorts arm arms group registry database free kinase suspicion component components involvement',
);
/** Disease events a mention can modify ("melanoma recurrence"). */
const EVENT_AFTER = words('recurrence recurrences relapse relapses progression');
/** "recurrence of (the) cancer", "progression of melanoma": the event is what is said, not the diagnosis. */
const EVENT_OF_BEFORE = /\b(?:recurrences?|relapses?|progression)\s+of\s+(?:(?:the|their|his|her|a|any)\s+)?$/i;
/** "disease from any solid tumor", "arising from": the origin of the patient's disease. */
const ORIGIN_BEFORE = words('disease arising originating derived');
/** People other than the patient whose cancers criteria name ("relatives with", "family history of"). */
const RELATIVE = words(
  'relative relatives family sibling siblings parent parents mother father sister sisters brother brothers',
);
const SUBJECT = words(
  'patient participant subject individual those person people women men adult adults child children case',
);
const MODAL = words('must should shall will may can need needs are is were was does do');
const ORG_AFTER =
  /^\s*(?:institute|center|centre|network|society|control|research|consortium|foundation|league|association|alliance|committee|coalition)\b/i;
const PERMISSIVE =
  /\b(?:is|are|will be|be|remain|remains)\s+(?:also\s+)?(?:allowed|permitted|permissible|eligible|acceptable)\b(?!\s+for\b)|\bmay (?:be )?(?:enrolled|enroll|participate|included|allowed)\b|\b(?:may|can) (?:contain|include|have)\b|\bas long as\b/i;
const CONDITIONAL_BEFORE = /\b(?:if|when|whenever|unless|in case of|in case)\b/i;
/** Is the mention the subject of a negating predicate right after it ("X are ineligible")? */
function postNegatedSubject(input: ExtractInput, start: number, end: number): boolean {
  const sc = input.scopes.scopes.find((x) => x.kind === 'negated' && start >= x.start && start < x.end);
  if (!sc || sc.trigger[0] < end) return false;
  const between = input.text.slice(end, sc.trigger[0]);
  return !/[,;()]/.test(between) && /^\s*(?:[\w-]+\s+){0,6}?(?:are|is|will be|were)?\s*$/i.test(between);
}

/** Words of a diagnosis frame between a negation and the cancer it denies ("does not have a pathologically confirmed diagnosis of"). */
const DENIED_FRAME = words(
  'a an have has having histologically cytologically pathologically histopathologically histological cytological pathological histopathological or and confirmed proven documented verified established diagnosis diagnosed of with evidence proof',
);
/** "Histological evidence of", "pathological proof of": a diagnosis frame only with the tissue word. */
const TISSUE_WORD = words('histological cytological pathological histopathological');
const DIAGNOSIS_WORD = words('confirmed proven documented verified established diagnosis diagnosed');
/** Nothing but the patient before a negation that opens the criterion. */
const SUBJECT_ONLY = /^\W*(?:(?:the\s+)?(?:patients?|participants?|subjects?|individuals?|persons?)\s+(?:who\s+)?)?$/i;

/**
 * "Not having a melanoma diagnosis", "Does not have a pathologically confirmed diagnosis of
 * cancer" (exclusion): the criterion denies the trial's own diagnosis, so it excludes everyone
 * without it. Read only when the whole criterion is that frame around one cancer: a negation
 * opening it, diagnosis words, the mention, and nothing else (another alternative, a history word
 * or a qualifier would make the double negative mean something the reading cannot hold).
 */
function deniedDiagnosis(input: ExtractInput, start: number, end: number): boolean {
  const { text, tokens } = input;
  const sc = input.scopes.scopes.find((x) => x.kind === 'negated' && start >= x.start && start < x.end);
  if (!sc || sc.trigger[1] > start || !SUBJECT_ONLY.test(text.slice(0, sc.trigger[0]))) return false;
  if (input.mentions.some((m) => m.type === 'cancer' && (m.end <= start || m.start >= end))) return false;
  const frame = tokens.filter((t) => t.start >= sc.trigger[1] && t.end <= start);
  if (!frame.every((t) => DENIED_FRAME.has(t.norm))) return false;
  const after = /^\s*(diagnosis|diagnosed)?\s*\.?\s*$/i.exec(text.slice(end));
  if (frame.some((t) => t.norm === 'evidence' || t.norm === 'proof') && !frame.some((t) => TISSUE_WORD.has(t.norm)))
    return false;
  return (
    !!after &&
    (!!after[1] || frame.some((t) => DIAGNOSIS_WORD.has(t.norm) || t.norm === 'evidence' || t.norm === 'proof'))
  );
}

/** "are excluded", "is not eligible": a predicate that itself negates its subject. */
const POST_NEGATED =
  /^(?:are|is|will be|were)\s+(?:also\s+)?(?:excluded|not eligible|ineligible|not allowed|not permitted|prohibited)\b/i;
/** What may follow "X are also excluded" without narrowing it: nothing, or the reason for it. */
const EXCLUDED_TAIL = /^\s*(?:[.;]\s*)?$|^\s*,?\s*(?:as|because|since|given that|due to)\b/i;
/** Words that may stand between a governor and the mention without narrowing it. */
const NEUTRAL_BEFORE = words(
  'a an the any known documented confirmed proven verified established biopsy histologically cytologically pathologically histological cytological pathological diagnosed diagnosis of with has have having had patient patients participant participants subject subjects history prior previous active untreated current presence evidence malignant primary and or',
);
/**
 * A state word right before an excluded type ("Active melanoma", "untreated CNS lymphoma") narrows
 * what excludes: a patient whose melanoma is treated and in remission is not excluded by it, so the
 * word stays as an unknown beside the type. Elsewhere these words are neutral ("patients with active
 * NSCLC" is still NSCLC).
 */
const STATE_BEFORE = words('active untreated current');
/** A clause after the mention that narrows it ("NSCLC with EGFR mutation", "who progressed…"). */
const RESTRICTIVE_AFTER =
  /^\s*(?:\(|,)?\s*(?:with|without|who|whose|that|which|harbou?ring|having|arising|involving|in|of|from|after|following|on|if|unless|when|where|except|requiring|treated|previously|not|other than|amenable|suitable|eligible|considered|deemed|planned|scheduled|undergoing|receiving)\b/i;
/**
 * "Hematologic malignancy … within the past five years": a cancer had in a period, not the patient's
 * cancer now. No fact holds a named type with its period, so in an exclusion the window stays an
 * unread condition the type needs before it excludes.
 */
const WINDOW_AFTER = /\b(?:within|in|during)\s+(?:the\s+)?(?:past|last|previous|preceding|prior)?\s*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:years?|yrs?|months?)\b/i;
/** "NSCLC histology, sarcomatoid variant": a variant or component of the type named right after it. */
const VARIANT_AFTER = /^\s*(?:histology|type)?\s*,?\s*[\w-]+\s+(?:variants?|components?|subtypes?|differentiation)\b/i;
/** Words before "diagnosis of" that say the diagnosis is not established. */
const UNCERTAIN = words('uncertain unconfirmed equivocal indeterminate doubtful questionable ambiguous suspected possible probable presumed');
/** After a cancer: dated before the diagnosis the trial is for ("prior to the index diagnosis"). */
const EARLIER_THAN_INDEX =
  /^[\s,]*(?:[\w-]+\s+){0,3}?(?:prior\s+to|before|preceding)\s+(?:the\s+|their\s+|his\s+or\s+her\s+)?(?:index|current|present|study|qualifying)\s+(?:cancer\s+|melanoma\s+|tumou?r\s+)?(?:diagnosis|cancer|melanoma|tumou?r|malignancy)\b/i;

/** A permission and the condition it is given on: "is allowed provided", "are permitted if". */
const PERMITTED_PROVIDED = /\b(?:allowed|permitted|acceptable|eligible)\s*,?\s+(?:provided|if|as\s+long\s+as|only\s+if)\b/i;

/** A subject naming patients by what they have, right before a finding: "Patients with …". */
const WITH_SUBJECT_BEFORE = /^\W*(?:patients?|participants?|subjects?|those)\s+(?:with|who\s+have|having)\s+(?:[\w-]+\s+){0,3}$/i;
/** After the finding, the condition its patients are let in on: "… are only eligible if …". */
const ELIGIBLE_IF_AFTER = /^[^.;]{0,80}?\b(?:are|is|will\s+be)\s+(?:only\s+)?(?:eligible|allowed|permitted|included)\s+(?:only\s+)?(?:if|provided|when|as\s+long\s+as)\b/i;

/** Cohort / arm / part labels make the rest of the criterion conditional on the cohort. */
const COHORT_LABEL = [
  /\b(?:[Cc]ohorts?|COHORTS?|[Aa]rms?|ARMS?|[Pp]arts?|PARTS?|[Gg]roups?|GROUPS?|[Ss]ub-?stud(?:y|ies)|SUB-?STUD(?:Y|IES)|[Ss]ubgroups?|SUBGROUPS?)\s*(?:[A-Z]{1,2}\d?[a-z]?|\d{1,2}[A-Za-z]?|[IVX]{1,4})\b(?:\s*\([^()]{1,60}\))?/,
  /\b(?:dose[- ](?:escalation|expansion)|expansion|escalation)\s+(?:cohorts?|phase|part|portion)\b/i,
  /\b(?:for|in) (?:the )?(?:[\w-]+ ){0,3}(?:cohorts?|arms?)\b|\bcohorts?\s*:|\bfollowing cohorts\b/i,
  /\b[A-Z][A-Z -]{2,40} SPECIFIC\s*:/,
  /\b(?:low|standard|intermediate|high|poor)[- ]risk\s+(?:\d\b|arms?|strat(?:um|a)|groups?|cohorts?)(?:\s*\([A-Z]{2,4}\d?\))?/i,
  // "HNSCC only: Prior re-irradiation field containing carotid artery": a cancer's own item.
  /^\W*(?:[\w/-]+\s+){0,3}[\w/-]+\s+only\s*:/i,
  // Last: cohortLabel reads headings with every label but this one.
  // "Participants without a cancer diagnosis: …", "For patients with HCC only: …"
  /^\W*(?:(?:for |in )?(?:patients?|participants?|subjects?|individuals?|those)\s+(?:with|without|who)\b[^:.;]{0,90}|for (?:[\w/-]+\s+){0,4}[\w/-]+(?:\s+only)?)\s*:/i,
];
/** A heading about another malignancy ("Has a known additional malignancy… except:"). */
const OTHER_MALIGNANCY =
  /\b(?:other|another|additional|second|secondary|prior|previous|concurrent|concomitant)\s+(?:(?:primary|invasive|active|known)\s+)?(?:malignan|cancer|tumou?r)|\bhistory of (?:[\w-]+\s+){0,5}malignanc|\bmalignan\w*,?\s+other than\b/i;
/**
 * The lead-in right above an inclusion item that lists what excludes ("The following tumor types
 * are excluded:"): each item then reads as an exclusion would, negated.
 */
const EXCLUDED_LIST_LEAD =
  /^\W*(?:the\s+)?following\b[^.;:]{0,60}?\b(?:are|is|will be)\s+(?:excluded|not eligible|ineligible|not allowed|not permitted)\s*:?\s*$/i;
/** A lead-in whose items name cancer types: "Eligible disease cancer types:", "one of the following tumors:". */
const TYPE_LIST_LEAD =
  /\b(?:cancer|tumou?r|malignancy|disease|histolog(?:y|ic|ical))\s+(?:sub)?types?\b|\btypes? of (?:cancer|tumou?r|malignanc)|\bfollowing (?:cancers|tumou?rs|malignancies|histolog\w*|histopatholog\w*)/i;
/** A bare list item short enough to be an organ or site name ("Liver", "Head and neck", "Merkel Cell"). */
const BARE_ITEM = /^\s*([A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*){0,3})\s*[.;,]?\s*$/;
/** A heading above an inclusion item that says its items exclude ("The following tumor types are excluded"). */
const EXCLUDING_CONTEXT =
  /\b(?:are|is|will be) (?:excluded|not eligible|ineligible|not allowed|not permitted)\b|\bexclusions?\b|\bnot eligible\b/i;
/**
 * Abbreviations and phrases that also state what the fact vocabulary cannot express (hormone
 * state, receptor subtype, muscle invasion): the cancer type is read from them, the word is left
 * unread (zero-width span) so the criterion stays partial instead of silently losing it.
 */
const UNREPRESENTABLE = /^(?:n?m?C[RS]PC|m?HSPC|TNBC|N?MIBC|EBC)$/i;
/** Abbreviations that carry their extent (mCRC, LARC, RRMM, NDMM, R/M HNSCC). */
const ABBREV_EXTENT: Array<[RegExp, Extent[]]> = [
  [/^m[A-Z]{2,}$|^MBC$/, ['metastatic']],
  [/^LARC$/i, ['locally_advanced']],
  [/^RRMM$/i, ['relapsed', 'refractory']],
  [/^NDMM$/i, ['newly_diagnosed']],
  [/^R\/M\b/i, ['recurrent', 'metastatic']],
];

interface CancerItem {
  start: number;
  end: number;
  codes: string[];
  /** Where in the text the finding accounts for (zero-width for unrepresentable abbreviations). */
  spans: Array<[number, number]>;
  extents: Extent[];
  accepted: boolean;
  /** Why a mention was not read as the patient's diagnosis (kept for the extent anchor test). */
  reason?: string;
  /** Exclusions: unread words that narrow the mention; the finding is then all(type, unknown). */
  qualifier?: string;
}

/** Codes of one mention position, without codes whose ancestor is also named ("melanoma" → MELANOMA, not MEL). */
function resolveCodes(codes: string[], input: ExtractInput): string[] {
  const uniq = [...new Set(codes)];
  return uniq.filter((c) => !uniq.some((o) => o !== c && input.lex.cancerAncestors.get(c)?.has(o)));
}

/** Clauses are looked for within this many characters, which keeps the work linear on run-on text. */
const CLAUSE_WINDOW = 600;
const ABBREV_BEFORE_DOT = /\b(?:e\.g|i\.e|vs|approx|no|etc)$/i;

/** Start of the clause containing pos: after the last ; : . (sentence) or newline before it. */
function clauseStart(text: string, pos: number): number {
  const floor = Math.max(0, pos - CLAUSE_WINDOW);
  for (let i = pos - 1; i >= floor; i--) {
    const ch = text[i]!;
    if (ch === ';' || ch === '\n') return i + 1;
    if (
      (ch === ':' || ch === '.') &&
      /\s/.test(text[i + 1] ?? ' ') &&
      !ABBREV_BEFORE_DOT.test(text.slice(Math.max(0, i - 6), i))
    )
      return i + 1;
  }
  return floor;
}

function clauseEnd(text: string, pos: number): number {
  const ceiling = Math.min(text.length, pos + CLAUSE_WINDOW);
  for (let i = pos; i < ceiling; i++) {
    const ch = text[i]!;
    if (ch === ';' || ch === '\n') return i;
    if (
      (ch === '.' || ch === ':') &&
      /\s/.test(text[i + 1] ?? ' ') &&
      !ABBREV_BEFORE_DOT.test(text.slice(Math.max(0, i - 6), i))
    )
      return i;
  }
  return ceiling;
}

/** The innermost bracket pair around `pos`, as [open, close), or null (none, or never closed). */
function bracketAround(text: string, pos: number): [number, number] | null {
  let open = -1;
  for (let i = pos - 1, depth = 0; i >= Math.max(0, pos - CLAUSE_WINDOW); i--) {
    const ch = text[i];
    if (ch === ')' || ch === ']') depth++;
    else if (ch === '(' || ch === '[') {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return null;
  for (let i = pos, depth = 0; i < Math.min(text.length, pos + CLAUSE_WINDOW); i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') {
      if (depth === 0) return [open, i + 1];
      depth--;
    }
  }
  return null;
}

/**
 * The negation scope that reaches `pos`, if any. A negation inside brackets stays inside them:
 * "HCC (fibrolamellar HCC … are not eligible)", "(recurrent disease that is not amenable…) HNSCC".
 */
function negationAt(input: ExtractInput, pos: number): Scope | undefined {
  const sc = input.scopes.scopes.find((x) => x.kind === 'negated' && pos >= x.start && pos < x.end);
  if (!sc) return undefined;
  const b = bracketAround(input.text, sc.trigger[0]);
  return !b || (pos >= b[0] && pos < b[1]) ? sc : undefined;
}

/** Parenthesis depth at each token, so that a parenthetical is skipped when looking for a governor. */
function parenDepths(text: string, tokens: Token[]): number[] {
  const out: number[] = [];
  let depth = 0;
  let pos = 0;
  for (const t of tokens) {
    for (; pos < t.start; pos++) {
      const ch = text[pos];
      if (ch === '(' || ch === '[') depth++;
      else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    }
    out.push(depth);
  }
  return out;
}

/** Symptoms and non-cancer conditions a course word may describe ("refractory nausea", "recurrent ascites"). */
const NOT_CANCER_COURSE =
  /^\s+(?:and\s+\w+\s+)?(?:nausea|vomiting|emesis|ascites|(?:pleural|pericardial)\s+effusions?|effusions?|pain|hypertension|hypotension|hypercalc\w*|hyperkal\w*|hypokal\w*|hyponatr\w*|hypomagnes\w*|diarrh\w*|constipation|seizures?|epilep\w*|infections?|fevers?|angina|arrhythmias?|edema|oedema|cough|pruritus|headaches?|thrombo\w*|pneumothorax|bleeding|haemorrhage|hemorrhage|urinary\s+tract|autoimmun\w*|immune[\s-]+(?:related|mediated)|pneumonitis|colitis|pancreatitis|diverticulitis|uveitis|myocarditis)\b/i;
/** Words that, after a rejecting word, make a compound adjective ("treatment-naive", "therapy-free"). */
const COMPOUND_TAIL = words('naive naïve free related resistant refractory sensitive eligible intolerant exposed');

interface JudgeContext {
  /** Character ranges read as stage / extent / TNM: transparent when looking for a governor. */
  skip: Array<[number, number]>;
  depths: number[];
  /** The cohort label prefix of the criterion ("Cohort 2:", "For patients with HCC only:"). */
  label: { start: number; end: number } | null;
  /** Other cancer mentions: a list member before a mention does not narrow it. */
  mentions: Array<[number, number]>;
  /** Measurable-disease phrases ("…Response Evaluation Criteria in Solid Tumors…"). */
  inside: Array<[number, number]>;
  /** Set by judgeMention: words that narrow an accepted exclusion mention and stay unread. */
  qualifier?: string;
  /** Set by judgeMention: the accepted mention had no governing word of its own. */
  ungoverned?: boolean;
  /** The whole inclusion is one permission ("Cutaneous or mucosal melanoma is permitted"). */
  permission?: boolean;
  /** How many cancer mentions open a clause as a label ("SCLC: 1 line"). */
  labelled: number;
}

/** What may open a clause before a type that labels it ("; and AML: 1 line"). */
const LABEL_OPENER = /^\s*(?:(?:and|or)\s+)?$/i;

const inSkip = (ctx: JudgeContext, t: Token): boolean =>
  ctx.skip.some(([s, e]) => t.start >= s && t.end <= e) || ctx.mentions.some(([s, e]) => t.start >= s && t.end <= e);

/** Is the mention written as one of its types' case-sensitive abbreviations (GB, UM)? */
function ambiguousAbbreviation(input: ExtractInput, start: number, end: number, codes: string[]): boolean {
  const raw = input.text.slice(start, end);
  return codes.some((c) => input.lex.cancerByCode.get(c)?.caseSensitive?.includes(raw));
}

/** Short list items before the last one of a bracketed list: "bladder, renal cell, ". */
const BRACKET_LIST_HEAD =
  /^\s*(?:[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}\s*(?:,\s*(?:(?:or|and)\s+)?|\s+(?:or|and|and\/or)\s+|\s*\/\s*))+$/i;

/**
 * "Genitourinary malignancies (bladder, renal cell, prostate cancer)": a generic head narrowed by
 * a word not read here ("genitourinary") and then spelled out by the list in brackets after it.
 * The list, not an aside, names the patient's cancer. Only a bare list that fills the brackets
 * counts, and only after a generic head no reading would take as it stands (a read head such as
 * "melanoma (uveal or mucosal melanoma)" would swallow the narrower list).
 */
function namesQualifiedHead(input: ExtractInput, open: number, start: number, end: number, cStart: number): boolean {
  const { text, tokens } = input;
  if (!/^\s*[)\]]/.test(text.slice(end)) || !BRACKET_LIST_HEAD.test(text.slice(open + 1, start))) return false;
  const head = input.mentions.find(
    (m) => m.type === 'cancer' && m.end <= open && /^\s*$/.test(text.slice(m.end, open)),
  );
  if (!head || !input.lex.index.scan(head.text).every((m) => m.type !== 'cancer' || GENERIC.has(m.id))) return false;
  const before = tokens[tokenAt(tokens, head.start) - 1];
  return !!before && before.end > cStart && head.start - before.end <= 2 && !NEUTRAL_BEFORE.has(before.norm);
}

/**
 * Decides whether a cancer mention states the patient's own diagnosis, by the words that govern
 * it: walking left inside its clause (over stage and extent words and parentheticals) to the first
 * word that introduces a diagnosis ("with", "confirmed", "diagnosis of") or a treatment / another
 * cancer ("for", "therapy", "other"). Returns the reason for leaving it unread, or null.
 */
function judgeMention(
  input: ExtractInput,
  start: number,
  end: number,
  codes: string[],
  ctx: JudgeContext,
): string | null {
  const { text, tokens, kind } = input;
  if (input.scopes.in('exception', start)) return 'exception';
  // In an exclusion a negated mention would read "excluded unless X": nearly always a misreading,
  // except "X are ineligible", which says X excludes (read with its polarity in extractDisease).
  if (kind === 'exclusion' && negationAt(input, start) && !postNegatedSubject(input, start, end)) {
    if (!deniedDiagnosis(input, start, end)) return 'negated';
    ctx.qualifier = undefined;
    ctx.ungoverned = false;
    return null;
  }
  if (ctx.label && start >= ctx.label.start && start < ctx.label.end) return 'conditional';
  // "Response Evaluation Criteria in Solid Tumors" names response criteria, not a cancer.
  if (
    /\bcriteria\s+(?:in|for)\s*$/i.test(text.slice(Math.max(0, start - 14), start)) ||
    ctx.inside.some(([s, e]) => start >= s && end <= e)
  )
    return 'attributive';
  const generic = codes.every((c) => GENERIC.has(c));
  if (generic && kind === 'exclusion') return 'other-malignancy';
  // "History of melanoma skin cancer prior to the index diagnosis": an earlier cancer beside the one
  // the trial is for, not the patient's diagnosis (read as it, every patient of a melanoma trial was
  // excluded).
  if (EARLIER_THAN_INDEX.test(text.slice(end, end + 80))) return 'other-malignancy';
  const cStart = clauseStart(text, start);
  const first = tokenAt(tokens, start);
  const afterIdx = tokenAt(tokens, end);
  const next = tokens[afterIdx];
  // "cancer therapy", "melanoma-directed", "cancer center": the mention modifies another noun. An
  // opening bracket between them starts an aside instead ("NSCLC (Cohort 1F only)").
  if (next && next.start - end <= 2 && ATTRIBUTIVE.has(next.norm) && !/^[,;.]|[([]/.test(text.slice(end, next.start)))
    return 'attributive';
  // "No evidence of melanoma recurrence", "evidence of UM progression" (exclusion): what is negated
  // or excludes is the event, not the diagnosis; read as the cancer type, the rule would fail or
  // exclude every patient with that cancer.
  if (
    next &&
    next.start - end <= 2 &&
    EVENT_AFTER.has(next.norm) &&
    (kind === 'exclusion' || input.scopes.in('negated', start))
  )
    return 'attributive';
  // "No evidence of recurrence of cancer": the same for the event named before the mention.
  if (
    (kind === 'exclusion' || input.scopes.in('negated', start)) &&
    EVENT_OF_BEFORE.test(text.slice(Math.max(0, start - 40), start))
  )
    return 'attributive';
  // "MELANOMA:" alone is a heading for the items below it.
  if (!text.slice(cStart, start).trim() && /^\s*:?\s*$/.test(text.slice(end)) && /:\s*$/.test(text)) return 'heading';
  // "CRC: 2 or 3 lines; OvC: 1 or 2 lines; SCLC: 1 line": each type labels what is said of it, and
  // the labels are alternatives, not types the patient must all have.
  if (LABEL_OPENER.test(text.slice(cStart, start)) && /^\s*:/.test(text.slice(end)) && ctx.labelled >= 2) return 'conditional';
  const prevTok = tokens[first - 1];
  if (prevTok && prevTok.norm === 'anti' && start - prevTok.end <= 1) return 'attributive';
  // "DLBCL transformed from previously diagnosed indolent lymphoma (e.g., follicular lymphoma)":
  // the disease the patient's cancer arose from, not a diagnosis the criterion requires.
  if (transformedFrom(text, cStart, start)) return 'governed';
  // "CNS lymphoma", "leptomeningeal leukemia": the site the disease involves, not its type.
  if (
    prevTok &&
    codes.every((c) => HEME_GROUPS.has(c)) &&
    /^(?:cns|central|nervous|system|meningeal|leptomeningeal|brain|spinal|testicular|ocular|marrow)$/.test(prevTok.norm)
  )
    return 'site';
  // "CNS malignancy or metastasis": disease in the CNS, primary or secondary; the brain-metastasis
  // reader holds it, and a cancer type beside its reading would be joined to it as "and".
  if (codes.every((c) => c === 'BRAIN') && CNS_OR_METASTASIS.test(text.slice(end, end + 30))) return 'site';
  // "squamous cell cancer", "skin cancer" (when not a phrase of its own): a generic head narrowed
  // by words not read here adds nothing but a broader claim.
  // "squamous cell cancer", "HER2-low cancers": a generic head narrowed by words not read here;
  // read alone (and negated, as in "… are excluded") it would claim every cancer.
  if (
    generic &&
    prevTok &&
    prevTok.end > cStart &&
    start - prevTok.end <= 2 &&
    !NEUTRAL_BEFORE.has(prevTok.norm) &&
    !inSkip(ctx, prevTok)
  )
    return 'qualified';
  // "Barcelona Clinic Liver Cancer (BCLC) stage": a staging system's name.
  if (/\bbarcelona clinic\s*$/i.test(text.slice(Math.max(0, start - 20), start))) return 'attributive';
  // "American Joint Committee on Cancer", "National Cancer Institute": an organisation's name.
  if (
    generic &&
    (/\b(?:committee|union|society|institute|association|college|network) (?:on|for|of) (?:the )?(?:international )?$/i.test(
      text.slice(Math.max(0, start - 40), start),
    ) ||
      ORG_AFTER.test(text.slice(end, end + 20)))
  )
    return 'attributive';
  // "Patients with X are eligible", "X is allowed": an allowance, not a requirement (a bracketed
  // aside after the mention does not count).
  const clause = text.slice(cStart, clauseEnd(text, end)).replace(/\([^()]*\)?/g, ' ');
  if (PERMISSIVE.test(clause) && !ctx.permission) return 'permissive';
  // "If the subject had BRAF-mutated melanoma, …": a condition, wherever the governor is.
  if (CONDITIONAL_BEFORE.test(text.slice(cStart, start))) return 'conditional';
  ctx.qualifier = undefined;
  ctx.ungoverned = false;
  // A mention an inclusion denies ("Has no current melanoma") is read as an exclusion would be.
  const denied = kind === 'inclusion' && input.scopes.in('negated', start);
  if (kind === 'exclusion' || denied) {
    // Unread words narrowing the mention ("spermatocytic seminoma", "EGFR-mutant NSCLC"): read
    // alone, the exclusion would reach every patient with the broader type. The mention is read
    // together with an unknown for them (see cancerFindings).
    // "primary" and "malignant" restate the mention, but a word before them may still narrow it
    // ("multiple primary melanomas").
    let q = first;
    let stateWord: Token | undefined;
    for (let k = first; k > 0; k--) {
      const t = tokens[k - 1]!;
      if (t.end <= cStart || tokens[k]!.start - t.end > 2 || /^(?:\d+|no|not|nor|without|never)$/.test(t.norm)) break;
      if (inSkip(ctx, t)) {
        // "Untreated localized skin cancer": the extent word is read on its own; a state word
        // before it still narrows the excluded type.
        let j = k - 1;
        while (j > 0 && inSkip(ctx, tokens[j - 1]!) && tokens[j]!.start - tokens[j - 1]!.end <= 2) j--;
        const w = tokens[j - 1];
        if (w && w.end > cStart && tokens[j]!.start - w.end <= 2 && STATE_BEFORE.has(w.norm)) stateWord = w;
        break;
      }
      if (NEUTRAL_BEFORE.has(t.norm) && !STATE_BEFORE.has(t.norm)) {
        if (t.norm === 'primary' || t.norm === 'malignant') continue;
        break;
      }
      q = k - 1;
    }
    // "uveal or other non-cutaneous melanoma": "other" continues the list (see subtypeBeforeOther).
    if (q === first - 1 && /^(?:other|another)$/.test(tokens[q]!.norm) && /^(?:or|and)$/.test(tokens[q - 1]?.norm ?? '') && subtypeBeforeOther(input, tokens[q - 2], tokens[q - 1]!, start, end, cStart))
      q = first;
    if (q < first) ctx.qualifier = text.slice(tokens[q]!.start, start).trim();
    else if (stateWord) ctx.qualifier = text.slice(stateWord.start, stateWord.end);
    // Denied in an inclusion, only a state word is kept ("no current melanoma"): the other
    // qualifiers were never read there, and the rule stays as it was.
    if (denied && ctx.qualifier && !ctx.qualifier.split(/\s+/).every((w) => STATE_BEFORE.has(foldWord(w.toLowerCase()))))
      ctx.qualifier = undefined;
  }
  const depth = ctx.depths[first] ?? 0;
  // Inside brackets, only a mention that opens them restates what precedes ("(NSCLC)"); others
  // are asides or expansions ("BRAF [Rapidly Accelerated Fibrosarcoma isoform B]").
  if (depth > 0) {
    const open = Math.max(text.lastIndexOf('(', start), text.lastIndexOf('[', start));
    const inside = tokens.slice(tokenAt(tokens, open + 1), first).filter((t) => !inSkip(ctx, t));
    if (
      open >= 0 &&
      inside.length &&
      !/^(?:e|g|eg|i|ie|including|such|as)$/.test(inside[0]!.norm) &&
      !namesQualifiedHead(input, open, start, end, cStart)
    )
      return 'parenthetical';
  }
  let sawSubjectWith = -1;
  let governed = false;
  for (let i = first - 1, steps = 0; i >= 0 && steps < 16; i--, steps++) {
    const t = tokens[i]!;
    if (t.end <= cStart) break;
    if ((ctx.depths[i] ?? 0) > depth) continue;
    if (inSkip(ctx, t)) continue;
    const w = t.norm;
    // "Lynch syndrome (HNPCC) + 1 family PDAC": a relative's cancer, named right after who had it.
    if (i === first - 1 && RELATIVE.has(w)) return 'relative';
    if (OTHER_CANCER.has(w) && (generic || w !== 'secondary')) {
      // "melanoma or other solid tumors": more alternatives in the patient's own list.
      const conj = tokens[i - 1];
      if (
        (w === 'other' || w === 'another') &&
        conj &&
        /^(?:or|and)$/.test(conj.norm) &&
        (ctx.mentions.some(([, e]) => e <= conj.start && e > cStart) || subtypeBeforeOther(input, tokens[i - 2], conj, start, end, cStart))
      )
        continue;
      return 'other-malignancy';
    }
    if (PAST.has(w) && generic) return 'other-malignancy';
    if (w === 'active' && generic) return 'other-malignancy';
    if (w === 'if' || w === 'when' || w === 'whether' || w === 'suspicion' || w === 'suspected' || w === 'suspicious')
      return 'conditional';
    if (w === 'of') {
      const before = tokens[i - 1];
      // "melanoma of the skin and non-melanoma skin cancer": the site of the list's previous
      // member, which governs nothing after it.
      if (
        before &&
        before.end > cStart &&
        input.mentions.some(
          (m) => m.type === 'cancer' && !GENERIC.has(m.id) && before.start >= m.start && before.end <= m.end,
        ) &&
        /\b(?:or|and|and\/or)\b/i.test(text.slice(t.end, start))
      )
        continue;
      if (before && DIAG_NOUN.has(before.norm)) {
        if (before.norm === 'history' && generic) return 'other-malignancy';
        // "Uncertain diagnosis of melanoma", "suspected diagnosis of …": not a diagnosis made.
        const hedge = tokens[i - 2];
        if (hedge && hedge.end > cStart && UNCERTAIN.has(hedge.norm)) return 'conditional';
        // "family history of melanoma": a relative's diagnosis.
        if (before.norm === 'history' && tokens[i - 2] && RELATIVE.has(tokens[i - 2]!.norm)) return 'relative';
        // "completed 12 months before diagnosis of metastatic NSCLC": a point in time.
        const when = tokens[i - 2];
        if (when && /^(?:before|after|since|until|from|at|time|following|within)$/.test(when.norm)) return 'governed';
        governed = true;
        break;
      }
      if (before && HISTOLOGY_OF.has(before.norm) && before.end > cStart && !inSkip(ctx, before)) {
        // In an exclusion the histology narrows what excludes ("mucinous adenocarcinoma of
        // cervical cancer" is not every cervical cancer): it stays as an unknown beside the type.
        if (kind === 'exclusion') {
          const head = text.slice(before.start, t.end);
          ctx.qualifier = ctx.qualifier ? `${head} ${ctx.qualifier}` : head;
        }
        governed = true;
        break;
      }
      return 'governed';
    }
    if (w === 'from' && tokens[i - 1] && ORIGIN_BEFORE.has(tokens[i - 1]!.norm) && tokens[i - 1]!.end > cStart) {
      governed = true;
      break;
    }
    if (REJECT_GOV.has(w)) {
      const after = tokens[i + 1];
      if (after && COMPOUND_TAIL.has(after.norm) && after.start - t.end <= 1) continue;
      return 'governed';
    }
    if (w === 'with' || w === 'have' || w === 'has' || w === 'having') {
      // "in patients with X", "for participants with X": a clause about some patients only.
      const subj = tokens[i - 1];
      const prep = tokens[i - 2];
      if (
        subj &&
        SUBJECT.has(subj.norm) &&
        prep &&
        /^(?:in|for|among|amongst|except)$/.test(prep.norm) &&
        prep.end > cStart
      )
        return 'conditional';
      // "relatives with cancer … such as UM, mesothelioma": another person's diagnosis.
      if (w === 'with' && subj && RELATIVE.has(subj.norm)) return 'relative';
      // "At least 1 first degree relative affected with Pancreatic Cancer".
      if (w === 'with' && subj && /^(?:affected|diagnosed)$/.test(subj.norm) && prep && RELATIVE.has(prep.norm)) return 'relative';
      if (w === 'with' && subj && SUBJECT.has(subj.norm)) sawSubjectWith = i;
      governed = true;
      break;
    }
    if (ACCEPT_GOV.has(w)) {
      governed = true;
      break;
    }
  }
  // Abbreviations that are also other words or abbreviations (rules/cancer-types.json
  // caseSensitive: GB, UM) count only where a diagnosis word or a disease state right before ties
  // them to the patient's disease: "newly diagnosed GB", "metastatic UM", not "UF and UM clinics".
  if (!governed && ambiguousAbbreviation(input, start, end, codes)) {
    const stateBefore = ctx.skip.some(([s, e]) => e <= start && start - e <= 2 && s < e);
    if (!stateBefore) return 'ambiguous';
  }
  // "Patients with NSCLC must have received…", "Eye or brain tumors will not be treated": the
  // mention is the subject of a requirement that holds for those patients only.
  if (sawSubjectWith >= 0 || !governed) {
    const cEnd = clauseEnd(text, end);
    let seen = 0;
    for (let j = afterIdx; j < tokens.length && tokens[j]!.start < cEnd && seen < 12; j++) {
      const t = tokens[j]!;
      if (inSkip(ctx, t) || (ctx.depths[j] ?? 0) > depth) continue;
      seen++;
      const w = t.norm;
      if (w === 'who' || w === 'whose' || w === 'that' || w === 'which' || w === 'with') break;
      if (MODAL.has(w) && j + 1 < tokens.length && tokens[j + 1]!.start < cEnd) {
        // "Uveal and mucosal melanoma are excluded" in an inclusion: the negation scope already
        // turns the mention into "must not have", which is what the sentence says.
        if (input.scopes.in('negated', start) && POST_NEGATED.test(text.slice(t.start, cEnd))) return null;
        // "Mucosal and ocular melanomas are also excluded" in an exclusion: the predicate restates
        // that the mention excludes ("also" keeps it out of the negation triggers).
        if (ctx.permission && CLOSING_PREDICATE.exec(text)?.index === t.start) return null;
        // Only when nothing after it narrows the exclusion: a reason ("as these are …") is no condition.
        if (kind === 'exclusion') {
          const pred = POST_NEGATED.exec(text.slice(t.start));
          if (pred && EXCLUDED_TAIL.test(text.slice(t.start + pred[0].length))) return null;
        }
        return 'conditional';
      }
      if (!governed && seen >= 4) break;
    }
  }
  ctx.ungoverned = !governed;
  if (kind === 'exclusion') {
    // "NSCLC with EGFR mutation", "melanoma that progressed on…": a narrowing clause follows.
    let after = end;
    while (ctx.skip.some(([s, e]) => s <= after + 2 && e > after))
      after = Math.max(...ctx.skip.filter(([s, e]) => s <= after + 2 && e > after).map(([, e]) => e));
    const rest = text.slice(after, clauseEnd(text, after));
    const window = WINDOW_AFTER.exec(rest);
    if (window && !RESTRICTIVE_AFTER.test(rest)) ctx.qualifier = ctx.qualifier ? `${ctx.qualifier} … ${window[0]}` : window[0];
    else if (RESTRICTIVE_AFTER.test(rest) || VARIANT_AFTER.test(rest)) {
      let clause = rest.replace(/^[\s(,]+/, '').slice(0, 100);
      // A variant named inside the mention's own brackets ends with them: "(AML M3 subtype)".
      if (VARIANT_AFTER.test(rest)) clause = clause.replace(/[\s).,;]+$/, '');
      clause = clause.trim();
      ctx.qualifier = ctx.qualifier ? `${ctx.qualifier} … ${clause}` : clause;
    }
  }
  return null;
}

/** "transformed from", "transformation of", "evolved from": what follows is the earlier disease. */
const TRANSFORMED_FROM = /\b(?:transformed|transforming|transformation|evolved|evolving)\s+(?:from|of)\b/gi;
/** Whether the mention at `start` is the earlier disease of a transformation in the same list item. */
function transformedFrom(text: string, cStart: number, start: number): boolean {
  const before = text.slice(cStart, start);
  if (!/\bfrom\b|\bof\b/i.test(before)) return false;
  TRANSFORMED_FROM.lastIndex = 0;
  let last = -1;
  for (let m = TRANSFORMED_FROM.exec(before); m; m = TRANSFORMED_FROM.exec(before)) last = m.index + m[0].length;
  if (last < 0) return false;
  // An aside opened after it ("(e.g., follicular lymphoma)") still names that disease; a list
  // separator outside brackets starts the next alternative.
  const between = before.slice(last).replace(/\([^()]*\)/g, ' ');
  const open = between.lastIndexOf('(');
  return !/[,;]|\bor\b|\band\b/i.test(open >= 0 ? between.slice(0, open) : between);
}

/**
 * The mention to judge at one position. The phrase index matches across punctuation, so
 * "(acral or non-acral) melanoma" yields "acral) melanoma", and "non-squamous NSCLC" yields
 * "squamous NSCLC"; the part after the bracket or the negated word is re-read on its own, and the
 * words before it stay unread.
 */
const CNS_OR_METASTASIS = /^\s*(?:,\s*)?(?:or|and\/or|\/)\s*(?:metasta\w*|secondary)\b/i;
const NAMED_ABBREVIATION = /\(\s*[A-Z][A-Za-z0-9]{0,5}\s*\)/g;

function trimMention(
  input: ExtractInput,
  start: number,
  end: number,
): { start: number; end: number; ids: string[] } | null {
  const raw = input.text.slice(start, end);
  // A closed bracket holding only an abbreviation is part of the name as written ("central nervous
  // system (CNS) tumors", "gastroesophageal (GE) junction adenocarcinoma"); the lexicon lists those forms.
  const bare = raw.replace(NAMED_ABBREVIATION, (m) => ' '.repeat(m.length));
  const bracket = Math.max(bare.lastIndexOf(')'), bare.lastIndexOf('('), bare.lastIndexOf(']'), bare.lastIndexOf('['));
  const prev = input.tokens[tokenAt(input.tokens, start) - 1];
  const negatedFirst = prev && /^non$/i.test(prev.raw) && start - prev.end <= 1;
  if (bracket < 0 && !negatedFirst) return { start, end, ids: [] };
  const firstWord = /^[\p{L}\p{N}]+[\s-]*/u.exec(raw);
  const cut = bracket >= 0 ? bracket + 1 : firstWord ? firstWord[0].length : -1;
  if (cut <= 0 || cut >= raw.length) return null;
  const rest = raw.slice(cut);
  const lead = rest.length - rest.trimStart().length;
  const found = input.lex.index
    .scan(rest.trim())
    .filter((m) => m.type === 'cancer' && m.start === 0 && m.end === rest.trim().length);
  if (!found.length) return null;
  return { start: start + cut + lead, end, ids: found.map((m) => m.id) };
}

/** Whether the round brackets around [start, end) make an allowance ("(patients with … are eligible)"). */
function permissiveAside(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('(', start);
  const close = text.indexOf(')', end);
  if (open < 0 || close < 0 || start - open > 200 || close - end > 200) return false;
  return PERMISSIVE.test(text.slice(open, close));
}

/** Reasons that come from a governing word and so hold for the whole list it governs. */
const INHERITED = new Set(['relative', 'governed', 'other-malignancy', 'conditional']);

function cancerItems(input: ExtractInput, ctx: JudgeContext): CancerItem[] {
  const byPos = new Map<number, Mention[]>();
  for (const m of input.mentions) {
    if (m.type !== 'cancer') continue;
    const list = byPos.get(m.start) ?? [];
    list.push(m);
    byPos.set(m.start, list);
  }
  const out: CancerItem[] = [];
  for (const [mStart, ms] of [...byPos.entries()].sort((a, b) => a[0] - b[0])) {
    const mEnd = Math.max(...ms.map((m) => m.end));
    const trimmed = trimMention(input, mStart, mEnd);
    let start = mStart;
    let ids = ms.map((m) => m.id);
    let reason: string | null = null;
    if (!trimmed) reason = 'attributive';
    else if (trimmed.ids.length) {
      start = trimmed.start;
      ids = trimmed.ids;
    }
    const end = mEnd;
    const codes = resolveCodes(ids, input);
    const raw = input.text.slice(start, end);
    // "ABC/MBC": the extent an abbreviation carries holds for it alone, not for its alternatives.
    const alternated = /(?:\/|\bor\s+)$/i.test(input.text.slice(Math.max(0, start - 6), start));
    const extents = alternated ? [] : (ABBREV_EXTENT.find(([re]) => re.test(raw))?.[1] ?? []);
    reason ??= judgeMention(input, start, end, codes, ctx);
    // A list member too far from the list's governor to find it shares the judgement of the member
    // before it: "relatives with cancer such as UM, …, meningioma and hepatocellular carcinoma".
    const prevItem = out[out.length - 1];
    // "lobular carcinoma in situ [LCIS]": the bracketed abbreviation restates the mention before
    // it and shares its judgement ("(patients with … [LCIS] are eligible)" stays an allowance).
    if (
      reason === null &&
      prevItem?.reason &&
      /^\s*[([]\s*$/.test(input.text.slice(prevItem.end, start)) &&
      /^[A-Z][A-Za-z0-9-]{1,7}$/.test(input.text.slice(start, end)) &&
      /^\s*[)\]]/.test(input.text.slice(end, end + 3)) &&
      (prevItem.reason !== 'parenthetical' || permissiveAside(input.text, prevItem.start, end))
    )
      reason = prevItem.reason;
    if (
      reason === null &&
      ctx.ungoverned &&
      prevItem?.reason &&
      INHERITED.has(prevItem.reason) &&
      LIST_GAP.test(input.text.slice(prevItem.end, start))
    )
      reason = prevItem.reason;
    // In an exclusion a dropped qualifier ("non-cutaneous") narrowed what excludes.
    let qualifier = input.kind === 'exclusion' || input.scopes.in('negated', start) ? ctx.qualifier : undefined;
    if (input.kind === 'exclusion' && start !== mStart) {
      const dropped = input.text
        .slice(Math.max(0, mStart - 4), start)
        .replace(/^.*?\b(?=non\b)/i, '')
        .trim();
      qualifier = qualifier ? `${dropped} ${qualifier}` : dropped;
    }
    const spans: Array<[number, number]> = UNREPRESENTABLE.test(raw) ? [[start, start]] : [[start, end]];
    // "cutaneous melanoma (CM)": an acronym of the mention's own words restates it.
    const acr = /^\s*\(\s*([A-Za-z]{2,8})\s*\)/.exec(input.text.slice(end, end + 14));
    if (
      acr &&
      acr[1]!.toUpperCase() ===
        raw
          .split(/[\s-]+/)
          .map((w) => w[0] ?? '')
          .join('')
          .toUpperCase()
    )
      spans.push([end, end + acr[0].length]);
    out.push({
      start,
      end,
      codes,
      spans,
      extents: [...extents],
      accepted: reason === null,
      ...(reason ? { reason } : {}),
      ...(qualifier ? { qualifier } : {}),
    });
  }
  // "NSCLC: … unresectable locally advanced, relapsed, or distant metastatic NSCLC": a heading that
  // the sentence names again is that same type; read apart, it was joined as one alternative of the
  // sentence's "or" list of extents (any type with a relapse passed). The heading is left unread (its
  // span joined to the later mention's made the assembler misplace what lies between).
  const head = out[0];
  if (head?.accepted && /^[\s\W]*$/.test(input.text.slice(0, head.start)) && /^\s*:/.test(input.text.slice(head.end))) {
    const same = out.slice(1).find((c) => c.accepted && c.codes.join() === head.codes.join());
    if (same) out.shift();
  }
  const rejectAll = (reason: string): void => {
    for (const c of out) {
      if (!c.accepted) continue;
      c.accepted = false;
      c.reason = reason;
    }
  };
  // A criterion about another malignancy ("prior malignancy … except breast cancer treated…"),
  // or an item under such a heading, names cancers only as examples of that history.
  if (input.context.some((c) => OTHER_MALIGNANCY.test(c)) || out.some((c) => c.reason === 'other-malignancy'))
    rejectAll('other-malignancy');
  // An inclusion item under "The following tumor types are excluded:" excludes.
  if (input.kind === 'inclusion' && input.context.some((c) => EXCLUDING_CONTEXT.test(c))) rejectAll('context');
  return out;
}

/**
 * A histology item read with the site its lead-in names: "SCC" under "malignant cutaneous lesions
 * of the following histopathologies:" is a cutaneous SCC. Each word of the lead-in's last clause
 * (asides in brackets left out) is tried before the item; only a whole lexicon mention counts.
 */
function siteOfLead(input: ExtractInput, lead: string, item: string): string[] | null {
  const clause = lead
    .replace(/\([^()]*\)/g, ' ')
    .split(/[.;]\s/)
    .pop()!;
  for (const w of new Set(clause.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? [])) {
    const ids = wholeMention(input, `${w} ${item}`);
    if (ids) return ids;
  }
  return null;
}

/**
 * "uveal or other non-cutaneous melanoma", "ocular/mucosal or other non-cutaneous melanoma": the
 * word before "or other" names a kind of the mention's own head ("uveal melanoma"), so "other" sets
 * the mention beside it in the patient's own list, as "melanoma or other solid tumors" does, and
 * not in another cancer's history.
 */
function subtypeBeforeOther(
  input: ExtractInput,
  prev: Token | undefined,
  conj: Token,
  start: number,
  end: number,
  cStart: number,
): boolean {
  if (!prev || prev.start < cStart || !/^[\s,]*$/.test(input.text.slice(prev.end, conj.start))) return false;
  const head = /([A-Za-z]+)\s*$/.exec(input.text.slice(start, end))?.[1];
  return !!head && !!wholeMention(input, `${prev.raw} ${head}`);
}

/** Reads `phrase` as one whole cancer mention, or null. */
function wholeMention(input: ExtractInput, phrase: string): string[] | null {
  const found = input.lex.index.scan(phrase).filter((m) => m.type === 'cancer');
  return found.length && found.every((m) => m.start === 0 && m.end === phrase.length) ? found.map((m) => m.id) : null;
}

const LIST_SEP_END = /(?:\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and|and\/or)\s+|\s*\/\s*)$/i;
const WORD_END = /([A-Za-z][\w-]*) ?$/;

/**
 * The short list items ("A, B, or ") that end right before `pos`, read backwards through small
 * windows so that the work stays linear whatever the text (no backtracking over the clause).
 */
function listItemsBefore(text: string, floor: number, pos: number): Array<{ start: number; phrase: string }> {
  const items: Array<{ start: number; phrase: string }> = [];
  let p = pos;
  for (let k = 0; k < 6; k++) {
    const sep = LIST_SEP_END.exec(text.slice(Math.max(floor, p - 16), p));
    if (!sep || !sep[0]) break;
    let q = p - sep[0].length;
    const itemEnd = q;
    let words = 0;
    while (words < 4 && q > floor) {
      const w = WORD_END.exec(text.slice(Math.max(floor, q - 40), q));
      if (!w) break;
      q -= w[0].length;
      words++;
      if (text[q - 1] !== ' ') break;
    }
    if (!words) break;
    items.push({ start: q, phrase: text.slice(q, itemEnd).trim() });
    p = q;
  }
  return items;
}

/**
 * Lists that share one organ or one head noun:
 *   "squamous cell carcinoma, adenosquamous carcinoma, or adenocarcinoma of the cervix"
 *   "uveal or mucosal melanoma", "breast or ovarian cancer"
 * Each list item before the mention is read with the mention's organ ("of the cervix") or head
 * ("melanoma", "cancer"); an item that then names a cancer joins the mention's codes.
 */
function distributeOrgan(input: ExtractInput, items: CancerItem[]): void {
  for (const item of items) {
    if (!item.accepted) continue;
    const mText = input.text.slice(item.start, item.end);
    const of = /\s(of(?: the)? [\w\s/-]+)$/i.exec(mText);
    const words_ = mText.split(/\s+/);
    const tails = of
      ? [of[1]!]
      : [words_.slice(1).join(' '), words_[words_.length - 1]!].filter((t, i, a) => t && a.indexOf(t) === i);
    const cStart = clauseStart(input.text, item.start);
    if (!tails.length) continue;
    // "uveal or other non-cutaneous melanoma": the list ends before "other" (see subtypeBeforeOther).
    let listEnd = item.start;
    const at = tokenAt(input.tokens, item.start);
    const [conj, other] = [input.tokens[at - 2], input.tokens[at - 1]];
    if (
      other &&
      conj &&
      /^(?:other|another)$/.test(other.norm) &&
      /^(?:or|and)$/.test(conj.norm) &&
      subtypeBeforeOther(input, input.tokens[at - 3], conj, item.start, item.end, cStart)
    )
      listEnd = other.start;
    for (const { start: partStart, phrase } of listItemsBefore(input.text, cStart, listEnd)) {
      // Leading words may be modifiers ("persistent squamous cell carcinoma"): try shorter tails.
      const ws = phrase.split(/\s+/);
      let done = false;
      for (let k = 0; k < ws.length && !done; k++) {
        const cand = ws.slice(k).join(' ');
        // A bare histology adjective names its carcinoma: "squamous, adenosquamous, or adenocarcinoma of …".
        const heads =
          /^(?:squamous|adenosquamous|small|large|clear|mucinous|serous|endometrioid|neuroendocrine|anaplastic|undifferentiated)(?: cell)?$/i.test(
            cand,
          )
            ? [cand, `${cand} carcinoma`, `${cand} cell carcinoma`]
            : [cand];
        for (const tail of tails.flatMap((t) => heads.map((h) => `${h} ${t}`))) {
          const ids = wholeMention(input, tail);
          if (!ids) continue;
          const s = partStart + phrase.length - cand.length;
          item.codes = resolveCodes([...item.codes, ...ids], input);
          item.spans.push([s, s + cand.length]);
          // "Mixed small cell and non-small cell lung cancer" (exclusion) is one combined tumour,
          // not each of its parts: the word narrows what excludes and stays as an unknown.
          const mixed = input.kind === 'exclusion' ? MIXED_BEFORE.exec(input.text.slice(cStart, s)) : null;
          if (mixed) item.qualifier = item.qualifier ? `${mixed[1]!} ${item.qualifier}` : mixed[1]!;
          done = true;
          break;
        }
      }
    }
  }
}

/** "Mixed" or "combined" right before a list: its members are parts of one tumour. */
const MIXED_BEFORE = /\b(mixed|combined)\s+$/i;
/** Separators inside one list of cancers: "A, B, or C", "A and/or B", "A/B", "A (abbr) or B", "A, B and
 * other C" (one list; in "A or other C" the other types are an alternative of their own). */
const LIST_GAP =
  /^\s*(?:\([^()]{1,12}\))?\s*(?:,|;)?\s*(?:(?:or|and\/or|nor|as well as)\s+|and\s+(?:other\s+)?)?(?:\/\s*)?$|^\s*\/\s*$|^\s*\(\s*$|^\s*\)\s*(?:,|or|and)?\s*$|^\s*(?:of|with)\s+any\s+(?:[\w-]+\s+){0,2}(?:types?|subtypes?|histolog(?:y|ies))\s*,?\s*(?:or|and\/or)\s+$/i;
/** A gap holding list items nothing here could read: "A, thoracic tumors, gynecological tumors, or B". */
const LIST_WITH_ITEMS = /^\s*,\s*((?:[\w'/-]+(?:\s+[\w'/-]+){0,3}\s*,\s*){1,4})(?:(?:or|and|and\/or)\s+)?$/i;
/** The same with the unread items joined by "and"/"or" as well as commas: "RCC and UC, SCCHN",
 * "SCCHN, SCC or NSCLC" (each item is checked against NOT_AN_ITEM, so no clause passes for one). */
const LIST_WITH_JOINED_ITEMS =
  /^\s*(?:,\s*)?(?:(?:or|and|and\/or)\s+)?((?:[\w'/-]+(?:\s+[\w'/-]+){0,3}?(?:\s*,\s*(?:(?:or|and|and\/or)\s+)?|\s+(?:or|and|and\/or)\s+)){1,4})$/i;
/** A list separator with a resistance state of the next member: "melanoma, hormone-refractory breast
 * cancer". The state stays unread (an unknown beside the list), and the list stays one list. */
const GAP_WITH_STATE =
  /^\s*,\s*(?:(?:or|and|and\/or)\s+)?(?:castration|castrate|hormone|platinum)[- ](?:resistant|refractory|sensitive)\s+$/i;
const JOINED_ITEM_SEP = /\s*,\s*(?:(?:or|and|and\/or)\s+)?|\s+(?:or|and|and\/or)\s+/i;
function joinedListItems(gap: string): string[] | null {
  if (gap.length > 160) return null;
  const m = LIST_WITH_JOINED_ITEMS.exec(gap);
  if (!m) return null;
  const items = m[1]!
    .split(JOINED_ITEM_SEP)
    .map((x) => x.trim())
    .filter(Boolean);
  return items.length && items.every((x) => !NOT_AN_ITEM.test(x)) ? items : null;
}
/** Up to four words and "or" right before a mention: an alternative to it. */
const ALTERNATIVE_BEFORE = /([A-Za-z][\w'/-]*(?:\s+[A-Za-z][\w'/-]*){0,3})\s*,?\s+(?:or|and\/or)\s+$/i;
/** A cancer item and a comma right before a mention, in a list that goes on with "or". */
const LISTED_BEFORE =
  /([A-Za-z][\w'/-]*(?:\s+[A-Za-z][\w'/-]*){0,3}\s+(?:carcinomas?|adenocarcinomas?|cancers?|tumou?rs?|sarcomas?|neoplasms?|malignanc(?:y|ies))(?:\s+[A-Za-z][\w'/-]*){0,3})\s*,\s*$/i;
/** Words that open examples of the mention before them; "mainly but not limited to" names its usual members, not a limit. */
const EXAMPLES = /\b(?:including|includes|include|such as|e\.g\.?|i\.e\.?|for example|for instance|namely|like|not\s+limited\s+to|mainly|mostly|primarily|predominantly|particularly|especially|notably)\b/i;

const EXAMPLE_DOTS = /\b(?:e\.g|i\.e)\.?/gi;

/** One short list item after a read type: a bare organ or type word or two ("breast", "head and neck"). */
const TRAILING_ITEM = /^[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,3}$/;
/** Words that make a list member a clause or a qualifier rather than a type ("adenocarcinoma in the …", "with … lesions"). */
const NOT_AN_ITEM =
  /\b(?:with|without|in|of|the|either|neither|who|whose|that|which|for|to|at|on|by|from|having|including|or|and|nor|if|unless|not|no)\b/i;
/** What a list's last member may be followed by that holds for the whole list ("… as per the AJCC guidelines"). */
const LIST_SHARED_TAIL = /^(\S+(?:\s+\S+){0,3}?)\s+(?:as per|as defined|according to|per|regardless of)\b/i;
/** A lead-in whose list names cancers, so that a bare organ in it is that organ's cancer ("the following metastatic cancers:"). */
const CANCER_LIST_LEAD =
  /\b(?:following|these|listed)\s+(?:[\w-]+\s+){0,2}(?:cancers|tumou?rs|malignancies|cancer\s+types|tumou?r\s+types)\b|\b(?:cancer|tumou?r|malignancy)\s+types?\b/i;

/**
 * The list members left after the last read type of a run and up to the clause end: "Melanoma,
 * breast, ovary, colorectal, gastric, lung or kidney". They are alternatives to the read type (the
 * list closes with "or"): each member the list's lead-in lets read as an organ's cancer joins the
 * codes, any other stays an unknown alternative, so the rule never demands the one type it read.
 * Null when the rest of the clause is no such list (an extent or stage read elsewhere, a clause).
 */
function trailingAlternatives(
  input: ExtractInput,
  mention: string,
  from: number,
  skip: Array<[number, number]>,
): { items: Array<{ start: number; end: number; ids: string[] | null }> } | null {
  const { text } = input;
  const end = clauseEnd(text, from);
  const tail = text.slice(from, end);
  if (tail.length > 200 || !/^\s*,/.test(tail) || !/\bor\b/i.test(tail)) return null;
  const parts = tail.replace(/[.\s]+$/, '').split(/\s*,\s*(?:(?:or|and\/or)\s+)?|\s+(?:or|and\/or)\s+/i);
  if (parts[0]!.trim()) return null;
  const items: Array<{ start: number; end: number; ids: string[] | null }> = [];
  let at = from;
  const rest = parts.slice(1);
  for (let k = 0; k < rest.length; k++) {
    let part = rest[k]!.trim();
    // The last member may be followed by what the whole list shares: "…, or squamous cell
    // carcinoma as per the AJCC 2017 guidelines".
    const shared = k === rest.length - 1 ? LIST_SHARED_TAIL.exec(part) : null;
    if (shared) part = shared[1]!;
    if (!TRAILING_ITEM.test(part) || NOT_AN_ITEM.test(part)) return null;
    const s = text.indexOf(part, at);
    if (s < 0) return null;
    at = s + part.length;
    items.push({ start: s, end: at, ids: null });
  }
  if (items.length < 1 || items.length > 8) return null;
  const last = items[items.length - 1]!.end;
  if (skip.some(([s, e]) => e > from && s < last)) return null;
  if (input.mentions.some((m) => m.start < last && m.end > from)) return null;
  // "urothelial carcinoma of the bladder, renal pelvis, ureter, or urethra": each organ with the head.
  const of = /^(.+?)\s+of(?:\s+the)?\s+[\w\s/-]+$/i.exec(mention);
  const cancerLead = CANCER_LIST_LEAD.test(text.slice(Math.max(0, from - 250), from));
  for (const it of items) {
    const site = text.slice(it.start, it.end);
    const ids = of
      ? (wholeMention(input, `${of[1]!} of the ${site}`) ?? wholeMention(input, `${of[1]!} of ${site}`))
      : cancerLead
        ? (wholeMention(input, `${site} cancer`) ?? wholeMention(input, `${site} carcinoma`))
        : null;
    if (ids && !ids.some((c) => GENERIC.has(c))) it.ids = ids;
  }
  return { items };
}

function cancerFindings(input: ExtractInput, items: CancerItem[], skip: Array<[number, number]> = []): Finding[] {
  const out: Finding[] = [];
  let run: CancerItem[] = [];
  let unreadItems: string[] = [];
  const flush = (): void => {
    if (!run.length) return;
    const last = run[run.length - 1]!;
    // In an inclusion, the list may go on after the last read type (see trailingAlternatives).
    const trailing =
      input.kind === 'inclusion' && !run.some((r) => r.qualifier) && !input.scopes.in('negated', last.start)
        ? trailingAlternatives(input, input.text.slice(last.start, last.end), last.end, skip)
        : null;
    const extra = trailing?.items.filter((t) => t.ids).flatMap((t) => t.ids!) ?? [];
    const codes = resolveCodes([...run.flatMap((r) => r.codes), ...extra], input);
    const spans = run.flatMap((r) => r.spans);
    if (trailing) {
      for (const t of trailing.items) if (t.ids) spans.push([t.start, t.end]);
      unreadItems.push(...trailing.items.filter((t) => !t.ids).map((t) => input.text.slice(t.start, t.end)));
      // The separators are the list's own.
      let prevEnd = last.end;
      for (const t of trailing.items) {
        if (t.ids) spans.push([prevEnd, t.start]);
        prevEnd = t.end;
      }
    }
    // The separators between list members belong to the finding (not the unread items).
    for (let i = 1; i < run.length; i++) {
      const gap = input.text.slice(run[i - 1]!.end, run[i]!.start);
      if (LIST_GAP.test(gap)) spans.push([run[i - 1]!.end, run[i]!.start]);
    }
    const leaf: Condition = { fact: 'cancerType', operator: 'equal', value: true, params: { codes } };
    const unknown = (t: string): LeafCondition => ({
      fact: 'unparsed',
      operator: 'equal',
      value: true,
      params: { text: t },
    });
    // Unread list members are alternatives the rule cannot rule out; an unread qualifier of an
    // excluded type must also hold before the exclusion applies.
    const qualifier = run.find((r) => r.qualifier)?.qualifier;
    let condition: Condition = unreadItems.length ? { any: [leaf, unknown([...new Set(unreadItems)].join(', '))] } : leaf;
    if (qualifier) condition = { all: [condition, unknown(qualifier)] };
    out.push({ category: 'cancer_type', condition, spans, anchor: run[0]!.start });
    run = [];
    unreadItems = [];
  };
  // After "solid tumors including:", the rest of the clause lists examples of that mention.
  let examplesOf: { item: CancerItem; until: number } | null = null;
  for (const it of items) {
    const prev = run[run.length - 1];
    if (
      !examplesOf &&
      prev &&
      EXAMPLES.test(input.text.slice(prev.end, it.start)) &&
      // The dots of "e.g." and "i.e." end no sentence.
      !/[.;]/.test(input.text.slice(prev.end, it.start).replace(EXAMPLE_DOTS, ''))
    ) {
      examplesOf = { item: prev, until: clauseEnd(input.text, it.start) };
    }
    if (examplesOf && it.start < examplesOf.until) {
      // Covered when they only narrow the mention they illustrate; otherwise left unread.
      const covered = examplesOf.item.codes;
      if (it.codes.every((c) => covered.some((a) => input.lex.cancerAncestors.get(c)?.has(a)))) {
        examplesOf.item.spans.push([it.start, it.end]);
        continue;
      }
      // A read type the examples do not cover ("ovarian cancer (… also includes fallopian tube
      // cancer), or renal cell carcinoma") ends them: it is the list's next alternative, and left
      // out the rule would demand the types before it.
      if (!it.accepted || !/\bor\b/i.test(input.text.slice(examplesOf.item.end, it.start))) continue;
    }
    examplesOf = null;
    if (!it.accepted) {
      flush();
      continue;
    }
    if (!prev && !it.spans.some(([a]) => a < it.start)) {
      // "non-squamous or squamous NSCLC", "EC of any subtype or endometrial carcinosarcoma": an
      // alternative right before the first read member that nothing here read (no list member the
      // mention's organ or head was distributed to) stays in the list as an unknown, so the rule
      // never demands the one alternative it could read.
      const from = Math.max(clauseStart(input.text, it.start), items[items.indexOf(it) - 1]?.end ?? 0);
      const before = input.text.slice(from, it.start);
      const alt =
        ALTERNATIVE_BEFORE.exec(before) ??
        (/\bor\b/i.test(input.text.slice(it.end, clauseEnd(input.text, it.end))) ? LISTED_BEFORE.exec(before) : null);
      if (alt) unreadItems.push(alt[1]!);
    }
    if (prev && (prev.qualifier || it.qualifier)) flush();
    else if (prev) {
      const gap = input.text.slice(prev.end, it.start);
      const withItems = gap.length <= 160 ? LIST_WITH_ITEMS.exec(gap) : null;
      const joined = withItems || LIST_GAP.test(gap) ? null : joinedListItems(gap);
      if (withItems)
        unreadItems.push(
          ...withItems[1]!
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        );
      else if (joined) unreadItems.push(...joined);
      else if (!LIST_GAP.test(gap) && !GAP_WITH_STATE.test(gap)) flush();
    }
    run.push(it);
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Disease extent.
// ---------------------------------------------------------------------------------------------

interface Piece {
  start: number;
  end: number;
  condition: Condition;
  /** Extent words need a disease noun or cancer nearby; stage, TNM and measurability do not. */
  needsAnchor: boolean;
  kind: 'extent' | 'stage' | 'tnm' | 'measurable';
  polarityHandled?: boolean;
  /** What the piece accounts for when not all of [start, end) ("measurable [or evaluable] disease"). */
  spans?: Array<[number, number]>;
  /** A disease-state word the fact vocabulary cannot express ("persistent"): it keeps the run's
   * and/or structure as an unparsed leaf and is left out of the spans. */
  unread?: boolean;
}

const extentLeaf = (extent: Extent, value = true): LeafCondition => ({
  fact: 'diseaseExtent',
  operator: 'equal',
  value,
  params: { extent },
});
const anyOf = (cs: Condition[]): Condition => (cs.length === 1 ? cs[0]! : { any: cs });

const NOT_AMENABLE =
  /\b(?:(?:is|are|be|was|were|deemed|considered)\s+)?(?:not|no longer)\s+(?:amenable|eligible|suitable|candidates?|(?:a\s+)?(?:suitable|good|appropriate)\s+candidates?|a candidate|appropriate)\s+(?:to|for)\s+(?:(?:potentially\s+)?curative[- ]?(?:intent)?\s+|definitive\s+|complete\s+|radical\s+|local\s+|standard\s+(?=surg|resect|operat|excis|local|loco))*(?:(?:surgical\s+)?resection|surgery|surgical\s+(?:resection|treatment|therapy|intervention|excision)|operation|excision|(?:local|locoregional|loco-regional)\s+(?:therapy|treatment)|treatment|therapy|resection\s+or\s+radiation|(?:surgery|resection)\s+(?:and\/or|or|and)\s+(?:definitive\s+)?(?:radiation|radiotherapy|chemoradiation|chemoradiotherapy)(?:\s+therapy)?|intent\s+(?:surgery|treatment|therapy))(?:\s+(?:and\/or|or|and)\s+(?:definitive\s+)?(?:radiation|radiotherapy|chemoradiation|chemoradiotherapy)(?:\s+therapy)?)?(?:\s+with\s+(?:surgery|surgical resection)(?:\s+(?:and\/or|or|and)\s+(?:radiation|radiotherapy)(?:\s+therapy)?)?)?/gi;

/** "Candidate for surgical resection with curative intent": resectable disease, stated as the patient. */
const CANDIDATE_FOR_RESECTION =
  /(?<!\bnot\s+(?:a\s+)?(?:suitable\s+|good\s+)?)\b(?:a\s+)?candidates?\s+for\s+(?:(?:potentially\s+)?curative[- ]?(?:intent\s+)?|definitive\s+|complete\s+|radical\s+)*(?:surgical\s+resection|resection|surgery)\b/gi;

/**
 * "Disease suitable for local therapy administered with curative intent", the converse of
 * NOT_AMENABLE: surgery is one such therapy and radiotherapy another (definitive chemoradiation of
 * unresectable stage III NSCLC), so resectable disease meets it and other disease may. Read as
 * any(resectable, unknown): never as resectable alone, which would clear the patient whose disease
 * radiotherapy can cure.
 */
const SUITABLE_FOR_CURATIVE_LOCAL =
  /(?<!\bnot\s+(?:be\s+)?)\b(?:suitable|amenable|eligible)\s+(?:for|to)\s+(?:local|locoregional|loco-?regional)(?:\s+(?:or|and\/or)\s+(?:regional|locoregional|loco-?regional))?\s+(?:therapy|treatment)(?:\s+(?:administered|given))?\s+with\s+curative\s+intent\b/gi;

/** "… precluding a curative resection": the disease cannot be removed with curative intent. */
const PRECLUDING_RESECTION =
  /\bprecluding\s+(?:a\s+|any\s+)?(?:potentially\s+)?(?:curative|complete|radical)\s+(?:surgical\s+)?(?:resection|surgery)\b/gi;
/**
 * "Involvement of non-regional LN (e.g. celiac LN …)": lymph nodes beyond the regional ones are
 * distant metastasis (AJCC 8th ed., general rules: involvement of non-regional lymph nodes is M1).
 * Only some metastatic disease is in those nodes, so the nodes stay an unknown beside the extent.
 */
const NONREGIONAL_NODES =
  /\b(?:(?:involvement\s+of|metastas[ie]s\s+(?:to|in))\s+(?:the\s+|any\s+)?non-?regional\s+(?:lymph\s+nodes?|LNs?|nodes?)|non-?regional\s+(?:lymph\s+nodes?|LNs?|nodal)\s+(?:metastas[ie]s|involvement|disease))\b/gi;

const PRECLUDING_SUBJECT = /\b(?:disease|tumou?rs?|cancer|metastas[ie]s|invasion|involvement|extension|infiltration|spread)\b/i;
const PRECLUDING_NOT_DISEASE = /\b(?:comorbid\w*|medical|conditions?|illness\w*|health|frailty|performance|age)\b/i;

const EXTENT_RE =
  /\b(?:(non[- ]?metastatic)|((?:widespread\s+|distant\s+)?(?:metastatic|metastasi[sz]ed)|disseminated|widespread)|(locally[- ]advanced|loco-?regionally[- ]advanced|locoregionally[- ]advanced)|(advanced(?:[- ]stage)?)|(unresectable|un-resectable|non-?resectable|irresectable|inoperable|not (?:surgically )?resectable|not operable)|(resectable|operable)|(recurrent|recurred|recurring)|(relapsed(?:\/refractory|[\s-]+refractory)?|relapsing|refractory[\s-]+relapsed)|(refractory)|(locali[sz]ed)|(newly[- ]diagnosed))\b|\bR\/R\b/gi;

const EXTENT_BY_GROUP: Array<Extent | 'nonmetastatic' | null> = [
  null,
  'nonmetastatic',
  'metastatic',
  'locally_advanced',
  'advanced',
  'unresectable',
  'resectable',
  'recurrent',
  'relapsed',
  'refractory',
  'localized',
  'newly_diagnosed',
];

/** "oligometastatic", "oligo-metastases", "polymetastatic": metastatic disease of a bounded or large number of sites. */
const FEW_OR_MANY_METS = /\b(?:oligo|poly)[- ]?metasta(?:tic|ses|sis)\b/gi;

/**
 * Disease states with no fact of their own; read only as members of an extent phrase. "De novo"
 * says how the disease arose (metastatic at first diagnosis, AML not secondary to MDS, DLBCL not
 * transformed from indolent lymphoma), not that it was diagnosed recently or is untreated.
 */
const UNKNOWN_STATE =
  /\b(?:de novo|persistent|progressive|progressing|residual|bulky|high[- ]risk|oligoprogressive|castration[- ]resistant|castrate[- ]resistant|hormone[- ]refractory|platinum[- ](?:resistant|refractory|sensitive)(?:\s*(?:\/|\bor\b|\band\/or\b)\s*(?:resistant|refractory))?|muscle[- ]invasive|non[- ]muscle[- ]invasive|early[- ]stage|early)\b/gi;

/** "absence of metastasis", "free of distant metastases": the negation is part of the phrase read. */
const NO_METS = /\b(?:absence|free)\s+of\s+(?:any\s+)?(?:distant\s+)?metastas[ie]s\b(?!\s+(?:to|in|of|at|within|involving|from)\b)/gi;
/** "… only located in the brain / CNS" after a metastases phrase. */
const BRAIN_ONLY_AFTER = /^\s+(?:located\s+)?only\s+(?:located\s+)?(?:in|to)\s+the\s+(?:brain|CNS|central\s+nervous\s+system)\b/i;
/** "distant metastases", "distant disease", "evidence of metastasis", "tumor metastasis": the noun forms that mean
 * metastatic (NCI Dictionary of Cancer Terms: distant metastasis is cancer spread from the primary
 * to distant organs or lymph nodes). Metastases at a site ("visceral metastases") are read by
 * metastatic-sites.ts; "evidence of metastasis to the liver" is left to it. */
const DISTANT_METS =
  /\b(?:(?:distant|systemic|extracranial)\s+metasta(?:ses|sis|tic disease)|tumou?r\s+metastas[ie]s(?!\s+(?:to|in|of|at|within|involving|from)\b)|distant\s+(?:metastatic\s+)?disease(?![- ]free)|(?:evidence|presence)\s+of\s+(?:distant\s+)?(?:metastas[ie]s|metastatic\s+(?:dissemination|spread))(?!\s+(?:to|in|of|at|within|involving|from)\b))\b/gi;

/** Nouns that anchor an extent word to the patient's disease. */
const DISEASE_NOUN = words(
  'disease diseases cancer cancers tumor tumors malignancy malignancies neoplasm neoplasms carcinoma carcinomas lesion lesions setting stage',
);
/** Comorbidities "advanced" also describes. */
const NOT_CANCER_ADVANCED =
  /^\s*(?:age|liver|heart|cardiac|kidney|renal|pulmonary|lung disease|copd|cirrhosis|hiv|aids|dementia|chronic|directive|care|practice|practitioner|imaging|degree|training)/i;

function extentPieces(input: ExtractInput): Piece[] {
  const { text } = input;
  const out: Piece[] = [];
  NOT_AMENABLE.lastIndex = 0;
  for (let m = NOT_AMENABLE.exec(text); m; m = NOT_AMENABLE.exec(text)) {
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      condition: extentLeaf('unresectable'),
      needsAnchor: false,
      kind: 'extent',
      polarityHandled: true,
    });
  }
  // Whole phrases read as an extent of their own, each with what its words leave unknown.
  const phraseReadings: Array<[RegExp, (words: string) => Condition]> = [
    [CANDIDATE_FOR_RESECTION, () => extentLeaf('resectable')],
    [SUITABLE_FOR_CURATIVE_LOCAL, (words) => anyOf([extentLeaf('resectable'), unreadWords(words)])],
    [NONREGIONAL_NODES, (words) => ({ all: [extentLeaf('metastatic'), unreadWords(words)] })],
  ];
  for (const [re, read] of phraseReadings) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((p) => start < p.end && end > p.start)) continue;
      out.push({ start, end, condition: read(m[0]), needsAnchor: false, kind: 'extent' });
    }
  }
  PRECLUDING_RESECTION.lastIndex = 0;
  for (let m = PRECLUDING_RESECTION.exec(text); m; m = PRECLUDING_RESECTION.exec(text)) {
    if (out.some((p) => m.index < p.end && m.index + m[0].length > p.start)) continue;
    // What precludes it must be the disease ("Gross local disease in the porta …"); a comorbidity
    // that precludes surgery leaves the disease as resectable as it was. The disease named is
    // narrower than any unresectable disease, so it stays beside the extent as an unknown, and the
    // exclusion never takes in every patient whose disease cannot be removed.
    const cs = clauseStart(text, m.index);
    const subject = text.slice(cs, m.index).trim();
    if (!PRECLUDING_SUBJECT.test(subject) || PRECLUDING_NOT_DISEASE.test(subject)) continue;
    const subjectAt = text.indexOf(subject, cs);
    out.push({
      start: subjectAt,
      end: m.index + m[0].length,
      condition: {
        all: [extentLeaf('unresectable'), { fact: 'unparsed', operator: 'equal', value: true, params: { text: subject } }],
      },
      needsAnchor: false,
      kind: 'extent',
    });
  }
  NO_METS.lastIndex = 0;
  for (let m = NO_METS.exec(text); m; m = NO_METS.exec(text)) {
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      condition: extentLeaf('metastatic', false),
      needsAnchor: false,
      kind: 'extent',
      polarityHandled: true,
    });
  }
  DISTANT_METS.lastIndex = 0;
  for (let m = DISTANT_METS.exec(text); m; m = DISTANT_METS.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (out.some((p) => s < p.end && e > p.start)) continue;
    // "distant metastases only located in the CNS": metastases in the brain and nowhere else,
    // which history-brain.ts reads whole.
    if (BRAIN_ONLY_AFTER.test(text.slice(e, e + 60))) continue;
    out.push({ start: s, end: e, condition: extentLeaf('metastatic'), needsAnchor: false, kind: 'extent' });
  }
  // "oligometastatic disease", "polymetastatic", "oligometastases": metastatic, with a number of
  // metastases no fact holds (an unknown beside it; the span is zero-width, so the word stays unread).
  FEW_OR_MANY_METS.lastIndex = 0;
  for (let m = FEW_OR_MANY_METS.exec(text); m; m = FEW_OR_MANY_METS.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (out.some((p) => s < p.end && e > p.start)) continue;
    const adjective = /tic$/i.test(m[0]);
    if (adjective && /^\s*(?:setting|sites?|lesions?|deposits?)\b/i.test(text.slice(e, e + 30))) continue;
    // "Patients with oligometastatic disease are eligible": one population let in, not a requirement.
    if (PERMISSIVE.test(text.slice(clauseStart(text, s), clauseEnd(text, e)))) continue;
    out.push({
      start: s,
      end: e,
      condition: {
        all: [extentLeaf('metastatic'), { fact: 'unparsed', operator: 'equal', value: true, params: { text: m[0] } }],
      },
      needsAnchor: adjective,
      kind: 'extent',
      spans: [[s, s]],
    });
  }
  EXTENT_RE.lastIndex = 0;
  for (let m = EXTENT_RE.exec(text); m; m = EXTENT_RE.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (out.some((p) => s < p.end && e > p.start)) continue;
    if (m[0].toUpperCase() === 'R/R') {
      out.push({
        start: s,
        end: e,
        condition: anyOf([extentLeaf('relapsed'), extentLeaf('refractory')]),
        needsAnchor: false,
        kind: 'extent',
      });
      continue;
    }
    const group = m.slice(1).findIndex((g) => g !== undefined) + 1;
    const ext = EXTENT_BY_GROUP[group];
    if (!ext) continue;
    const after = text.slice(e, e + 30);
    const before = text.slice(Math.max(0, s - 30), s);
    if (ext === 'advanced' && (NOT_CANCER_ADVANCED.test(after) || /\blocally\s*$|\bloco-?regionally\s*$/i.test(before)))
      continue;
    // "refractory to platinum", "relapsed after": a treatment outcome, read by the therapy extractor.
    if (
      (ext === 'refractory' || ext === 'relapsed') &&
      /^\s*(?:to|after|following|on|despite)\b/i.test(after) &&
      !/\/|\bor\b/.test(m[0]) &&
      !/\b(?:relapsed|refractory|recurrent)\s*(?:and\/or|or|\/)\s*$/i.test(before)
    )
      continue;
    // "hormone-refractory breast cancer": a therapy's failure (castration resistance), which the unknown
    // state below keeps; read as the disease's course it was demanded of the whole list it stands in.
    if (ext === 'refractory' && /\bhormone[- ]$/i.test(before)) continue;
    // "Platinum resistant or refractory ovarian cancer": refractory to platinum, kept whole by the
    // unknown state below, not any refractory course.
    if (ext === 'refractory' && /\bplatinum[- ](?:resistant|sensitive)\s*(?:\/|\bor|\band\/or)\s*$/i.test(before)) continue;
    // "b) Refractory disease is defined as …", "… within 12 weeks (refractory disease) or …": a
    // definition or the label of one, not a course the criterion asks for (the defined alternatives
    // were demanded together, and the labelled route beside the other).
    if (
      (ext === 'refractory' || ext === 'relapsed' || ext === 'recurrent') &&
      (/^\s*(?:disease\s+)?(?:is|are)\s+defined\b|^\s*(?:disease\s+)?defined\s+as\b/i.test(after) ||
        (/\(\s*$/.test(before) && /^\s*disease\s*\)/i.test(after)))
    )
      continue;
    // "refractory or intolerant to standard therapy", "refractory and/or intolerable to": the first of
    // the routes a treatment took (the therapy and standard-therapy readers read them); read as the
    // disease's course, it was required beside them, and an intolerant patient failed.
    if (
      ext === 'refractory' &&
      !/\//.test(m[0]) &&
      /^\s*(?:,|\/|\bor\b|\band\/or\b)\s*(?:(?:resistant|unresponsive|relapsed|progressed)\s*(?:,|\/|\bor\b|\band\/or\b)\s*)?(?:intoleran(?:t|ce)|intolerable)\s+(?:to|of|with)\b/i.test(text.slice(e, e + 60))
    )
      continue;
    // "… free of neurologic signs and symptoms related to metastatic brain lesions": the extent names the
    // cause of what the criterion is about, not a state it asks of (or denies) the disease.
    if (/\b(?:related|due|secondary|attributable|attributed)\s+to\s*$|\bcaused\s+by\s*$/i.test(before)) continue;
    // "Refractory nausea and vomiting", "recurrent pleural effusions": the course of a symptom or another
    // condition, not of the cancer.
    if ((ext === 'refractory' || ext === 'relapsed' || ext === 'recurrent') && NOT_CANCER_COURSE.test(text.slice(e, e + 40))) continue;
    if (ext === 'resectable' && /\b(?:borderline|potentially|marginally|initially|not|non)[- ]?\s*$/i.test(before))
      continue;
    // "at least one resectable lesion", "a surgically resectable tumor region": one lesion the surgeons
    // can remove (to grow TILs from it), not disease that is resectable: the cell-therapy trials that
    // ask it are for unresectable disease (lesion_for_tissue_harvest reads it).
    if (ext === 'resectable' && (/^\s*(?:lesions?|tumou?r\s+regions?)\b/i.test(after) || /\b(?:at\s+least\s+(?:one|1)|one\s+or\s+more)\s+(?:surgically\s+)?$/i.test(before)))
      continue;
    if (ext === 'unresectable' && /\bmedically\s*$/i.test(before)) continue;
    // "in a patient with previous localised melanoma": the extent the disease had before, not now (read
    // as now, beside the metastatic relapse the sentence asks for, it failed every patient).
    if (!COURSE_EXTENTS.has(ext) && /\b(?:previous(?:ly)?|prior|initial(?:ly)?|original(?:ly)?|earlier|formerly)\s+$/i.test(before)) continue;
    // "widespread, definitive leptomeningeal disease": spread of that disease, not metastatic cancer.
    if (/^(?:widespread|disseminated)$/i.test(m[0]) && !/^\s+(?:disease|cancer|malignancy|tumou?rs?|metasta)/i.test(after))
      continue;
    if (
      ext === 'metastatic' &&
      !/^distant/i.test(m[0]) &&
      /^\s*(?:setting|lesions?|sites?|deposits?|nodes?|lymph)/i.test(after)
    )
      continue;
    if (ext === 'nonmetastatic') {
      out.push({
        start: s,
        end: e,
        condition: extentLeaf('metastatic', false),
        needsAnchor: true,
        kind: 'extent',
        polarityHandled: true,
      });
      continue;
    }
    // "relapsed/refractory after standard therapy (or no standard therapy available)": the route the
    // standard therapy took, which therapy-standard.ts reads with its alternatives; read as the
    // disease's course too, it would be required beside them.
    if ((ext === 'relapsed' || ext === 'refractory') && standardRouteSpans(input).some(([a, b]) => a <= s && e <= b)) continue;
    // "relapsed/refractory", and "relapsed refractory" without the slash: the usual name (R/R) of
    // either, not both.
    if (ext === 'relapsed' && /refractory/i.test(m[0])) {
      out.push({
        start: s,
        end: e,
        condition: anyOf([extentLeaf('relapsed'), extentLeaf('refractory')]),
        needsAnchor: true,
        kind: 'extent',
      });
      continue;
    }
    // "not resectable", "non-resectable": the negation is part of the word read here.
    const negated = /^(?:not|non)/i.test(m[0]);
    out.push({
      start: s,
      end: e,
      condition: extentLeaf(ext),
      needsAnchor: true,
      kind: 'extent',
      ...(negated ? { polarityHandled: true } : {}),
    });
  }
  UNKNOWN_STATE.lastIndex = 0;
  for (let m = UNKNOWN_STATE.exec(text); m; m = UNKNOWN_STATE.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (out.some((p) => s < p.end && e > p.start)) continue;
    out.push({
      start: s,
      end: e,
      // "castration-resistant": a hormonal treatment's failure, read where the state stands.
      condition: hormonalResistance(m[0]) ?? { fact: 'unparsed', operator: 'equal', value: true, params: { text: m[0] } },
      needsAnchor: true,
      kind: 'extent',
      unread: true,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Stage groups.
// ---------------------------------------------------------------------------------------------

/** AJCC / FIGO / Ann Arbor groups in order, with their substages (AJCC 8th ed.; FIGO 2018/2023). */
const STAGE_TREE: Array<[string, string[]]> = [
  ['0', ['0A', '0IS']],
  ['I', ['IA', 'IA1', 'IA2', 'IA3', 'IB', 'IB1', 'IB2', 'IB3', 'IC', 'IC1', 'IC2', 'IC3']],
  ['II', ['IIA', 'IIA1', 'IIA2', 'IIB', 'IIC']],
  ['III', ['IIIA', 'IIIA1', 'IIIA2', 'IIIB', 'IIIC', 'IIIC1', 'IIIC2', 'IIID']],
  ['IV', ['IVA', 'IVB', 'IVC']],
];
/** Every group in order, parents before their substages. */
const STAGE_ORDER: string[] = STAGE_TREE.flatMap(([g, subs]) => [g, ...subs]);
const STAGE_PARENT = new Map<string, string>();
for (const [g, subs] of STAGE_TREE) {
  for (const s of subs) {
    // IA1 → IA → I
    const mid = s.replace(/\d+$/, '');
    STAGE_PARENT.set(s, mid !== s && STAGE_ORDER.includes(mid) ? mid : g);
  }
}
const STAGE_CHILDREN = new Map<string, string[]>(
  STAGE_ORDER.map((g) => [g, STAGE_ORDER.filter((o) => STAGE_PARENT.get(o) === g)]),
);
const isLeafStage = (g: string): boolean => !STAGE_CHILDREN.get(g)?.length;
const LEAVES_OF = new Map<string, string[]>();
function stageLeaves(g: string): string[] {
  let out = LEAVES_OF.get(g);
  if (!out) {
    out = isLeafStage(g) ? [g] : STAGE_CHILDREN.get(g)!.flatMap(stageLeaves);
    LEAVES_OF.set(g, out);
  }
  return out;
}
const ALL_STAGE_LEAVES = STAGE_ORDER.filter(isLeafStage);

/** The fewest groups whose substages are exactly `leaves` ("IIIB, IIIC, IIID, IVA, IVB, IVC" → IIIB, IIIC, IIID, IV). */
function compressStages(leaves: Set<string>): string[] {
  const out: string[] = [];
  const visit = (g: string): void => {
    const ls = stageLeaves(g);
    if (ls.every((l) => leaves.has(l))) out.push(g);
    else for (const c of STAGE_CHILDREN.get(g) ?? []) visit(c);
  };
  for (const [g] of STAGE_TREE) visit(g);
  return out;
}

function stageRange(from: string, to: string): string[] | null {
  const a = stageLeaves(from);
  const b = stageLeaves(to);
  const leaves = ALL_STAGE_LEAVES;
  const i = leaves.indexOf(a[0]!);
  const j = leaves.indexOf(b[b.length - 1]!);
  if (i < 0 || j < 0 || j < i) return null;
  return compressStages(new Set(leaves.slice(i, j + 1)));
}

const ROMAN: Record<string, string> = { '0': '0', '1': 'I', '2': 'II', '3': 'III', '4': 'IV' };

/** "IIIb" → IIIB, "3b" → IIIB, "4" → IV, "0is" → 0IS; null when not a stage group. */
function normStage(raw: string): string | null {
  const m = /^(0|I{1,3}|IV|[0-4])([A-Da-d]?)([1-3]?)$|^(0)(is|a)$/i.exec(raw.trim());
  if (!m) return null;
  if (m[4]) return '0' + m[5]!.toUpperCase();
  const base = /^[0-4]$/.test(m[1]!) ? ROMAN[m[1]!]! : m[1]!.toUpperCase();
  const g = base + (m[2] ?? '').toUpperCase() + (m[3] ?? '');
  return STAGE_ORDER.includes(g) ? g : null;
}

const STAGE_VAL = String.raw`(?:0is|0a|IV[ABC]?|I{1,3}[A-D]?[1-3]?|[0-4][A-Da-d]?[1-3]?)`;
const STAGE_JOIN = String.raw`\s*(?:,\s*(?:or|and)?|\/|\bor\b|\band\b|\band\/or\b|-|–|\bto\b|\bthrough\b|\bthru\b)\s*(?:stages?\s*)?`;
const STAGE_CMP = String.raw`(?:>=|=>|≥|>|greater than or equal to|at least|minimum)`;
const STAGE_SYSTEMS = String.raw`(?:(?:AJCC|UICC|TNM|FIGO|Ann Arbor|Lugano|COG|INSS|clinical|pathologic(?:al)?|prognostic|anatomic|American Joint Committee on Cancer(?:\s*\(AJCC\))?|Union for International Cancer Control(?:\s*\(UICC\))?|Children's Oncology Group(?:\s*\(COG\))?)(?:\s*\(?\s*(?:\d{4}|\d+(?:st|nd|rd|th)\s*(?:ed(?:ition|\.)?|version)?|v\d+)\s*\)?)?\s*)`;
/** After a slash or dash a bare letter continues the numeral before it: "IIIB/C", "IIB-C". */
const STAGE_TAIL = String.raw`(?:(?:\s*\([^()]{0,30}\))?${STAGE_JOIN}${STAGE_VAL}\b|\s*[/-]\s*[A-Da-d](?![\w]))`;
const STAGE_RE = new RegExp(
  String.raw`\b(?:${STAGE_SYSTEMS}{0,2})stages?\s*(?:group\s*)?(?:[:=]\s*)?(${STAGE_CMP}\s*)?\(?(${STAGE_VAL})\b((?:${STAGE_TAIL}){0,6})(\s*(?:\+|or (?:higher|greater|above|more|later|worse)|and (?:higher|above|greater)|or beyond|and beyond))?`,
  'gi',
);
/** "from" right before a stage: the stage and later ones. */
const FROM_STAGE = /(?<![\w-])from\s+$/i;
/** A change of disease before "from": the stage it left, not a lower limit. */
const CHANGED_BEFORE =
  /\b(?:recurr\w*|relaps\w*|progress\w*|upstag\w*|downstag\w*|evolv\w*|transform\w*|convert\w*|migrat\w*|shift\w*|advanc\w*)\s+(?:[\w-]+\s+){0,2}$/i;
/** "FIGO IIIC", "FIGO 2018 IB3" without the word stage. */
const FIGO_RE = new RegExp(String.raw`\bFIGO\s*(?:\(?\d{4}\)?\s*)?(${STAGE_VAL})\b((?:${STAGE_TAIL}){0,6})`, 'gi');
const STAGE_EDITION =
  /^\s*(?:\(?\s*(?:according to|as defined by|per|by|based on|using|using the|of the|in the)?\s*(?:the\s+)?(?:AJCC|American Joint Committee on Cancer|UICC|TNM|FIGO|Ann Arbor|Lugano)[^.;)]{0,60}?(?:\d+(?:st|nd|rd|th)\s*(?:edition|ed\.?|version)|edition|version|\d{4}|staging(?: system| manual| criteria| classification)?)\)?)/i;

/**
 * A stage of the study, not of the disease: "stage II of the protocol", "Stage II - Cohort A", "Stage
 * II General Inclusion Criteria".
 */
const PROTOCOL_STAGE =
  /^\s*(?:(?:of|in)\s+(?:the\s+)?(?:protocol|study|trial)\b|[-–:]?\s*(?:cohorts?|parts?|arms?)\s+\w|(?:general|specific)\s+(?:inclusion|exclusion|eligibility)\b|(?:inclusion|exclusion|eligibility)\s+criteria\b)/i;
const NON_CANCER_STAGE =
  /\b(?:CKD|chronic kidney disease|kidney disease|renal disease|renal failure|heart failure|NYHA|cirrhosis|liver disease|lymph(?:o)?edema|pressure (?:ulcer|injury)|COPD|GOLD|hypertension|sarcoidosis)\b[^.;]{0,12}$/i;
const PREFIXED_STAGE: Array<[RegExp, string, (v: string) => string | null]> = [
  [
    /\b(?:BCLC|Barcelona Clinic Liver Cancer(?:\s*\(BCLC\))?)\s*(?:[Ss]tages?\s*)?(?:[:=]\s*)?([0ABCD](?:\s*(?:,|or|and|\/|-|to)\s*[0ABCD]\b)*)\b/g,
    'BCLC',
    (v) => (/^[0ABCD]$/.test(v) ? v : null),
  ],
  [
    /\b(R-ISS|R2-ISS|ISS)\s*(?:[Ss]tages?\s*)?(?:[:=]\s*)?((?:I{1,3}|[1-3])(?:\s*(?:,|or|and|\/|-|to)\s*(?:I{1,3}|[1-3])\b)*)\b/g,
    '',
    (v) => (({ '1': 'I', '2': 'II', '3': 'III', I: 'I', II: 'II', III: 'III' }) as Record<string, string>)[v] ?? null,
  ],
  [
    /\bRai\s*(?:stages?\s*)?(?:[:=]\s*)?((?:IV|I{1,3}|[0-4])(?:\s*(?:,|or|and|\/|-|to)\s*(?:IV|I{1,3}|[0-4])\b)*)\b/gi,
    'Rai',
    (v) => ROMAN[v] ?? (/^(?:IV|I{1,3})$/i.test(v) ? v.toUpperCase() : null),
  ],
  [
    /\bBinet\s*(?:[Ss]tages?\s*)?(?:[:=]\s*)?([ABC](?:\s*(?:,|or|and|\/|-|to)\s*[ABC]\b)*)\b/g,
    'Binet',
    (v) => (/^[ABC]$/.test(v) ? v : null),
  ],
];
/** A list member after the stage list with an extent word before its numeral: ", or operable III". */
const QUALIFIED_MEMBER = new RegExp(
  String.raw`^\s*,?\s*(?:or|and|and\/or)\s+(operable|inoperable|resectable|unresectable|non-?resectable|locally advanced|metastatic|recurrent)\s+(${STAGE_VAL})\b(?!\s*(?:%|mm|cm|years?|months?))`,
  'i',
);
const VA_STAGE = /\b(extensive|limited)[- ](?:stage|disease)\b|\b(ES|LS)-SCLC\b/gi;

function expandStageList(first: string, tail: string, cmp: boolean, orHigher: boolean, after = ''): string[] | null {
  const f = normStage(first);
  if (!f) return null;
  if (cmp || orHigher) return tail.trim() ? null : stageRange(f, 'IV');
  const leaves = new Set<string>();
  const add = (g: string): void => stageLeaves(g).forEach((l) => leaves.add(l));
  add(f);
  let prev = f;
  const re = new RegExp(`(${STAGE_JOIN}|\\s*[/-]\\s*)(${STAGE_VAL}|[A-Da-d](?![\\w]))`, 'gi');
  for (let m = re.exec(tail); m; m = re.exec(tail)) {
    const isRange = /-|–|\bto\b|\bthrough\b|\bthru\b/i.test(m[1]!);
    const letter = /^[A-D]$/i.test(m[2]!);
    // A bare letter continues the previous numeral: "IIIB/C" → IIIC, "IIB-C" → IIB..IIC.
    // "stage III or 2) genetic criteria", "stage III or 2 years": a list marker or a count, not stage II.
    if (/^\d/.test(m[2]!) && /^\s*(?:\)|(?:years?|months?|weeks?|days?|cm|mm|cycles?|lines?|prior|or\s+more|%)(?![\w]))/i.test(tail.slice(re.lastIndex) + after)) break;
    const g = letter ? normStage(prev.replace(/[A-D]\d?$/i, '') + m[2]!.toUpperCase()) : normStage(m[2]!);
    if (!g) return null;
    if (isRange) {
      const r = stageRange(prev, g);
      if (!r) return null;
      r.forEach(add);
    } else add(g);
    prev = g;
  }
  return compressStages(leaves);
}

function stagePieces(input: ExtractInput): Piece[] {
  const { text } = input;
  const out: Piece[] = [];
  const push = (start: number, end: number, groups: string[]): void => {
    if (!groups.length || out.some((p) => start < p.end && end > p.start)) return;
    // The staging system named right after ("according to AJCC 8th edition") belongs to the stage.
    const ed = STAGE_EDITION.exec(text.slice(end));
    const stop = ed ? end + ed[0].length : end;
    // A bracketed aside with a measure inside the stage list ("IIb (>4 mm) or IIc") is not read here.
    const spans: Array<[number, number]> = [];
    let from = start;
    for (const aside of text.slice(start, end).matchAll(/\([^()]*[\d<>=][^()]*\)/g)) {
      spans.push([from, start + aside.index]);
      from = start + aside.index + aside[0].length;
    }
    spans.push([from, stop]);
    out.push({
      start,
      end: stop,
      condition: { fact: 'stage', operator: 'equal', value: true, params: { groups } },
      needsAnchor: false,
      kind: 'stage',
      ...(spans.length > 1 ? { spans } : {}),
    });
  };
  STAGE_RE.lastIndex = 0;
  for (let m = STAGE_RE.exec(text); m; m = STAGE_RE.exec(text)) {
    // "CKD stage IV", "NYHA stage III", "stage 2 hypertension": other diseases' stages.
    if (
      NON_CANCER_STAGE.test(text.slice(Math.max(0, m.index - 30), m.index)) ||
      /^\s*(?:hypertension|pressure|ulcer|kidney|renal|chronic kidney|heart)/i.test(
        text.slice(m.index + m[0].length, m.index + m[0].length + 25),
      ) ||
      // "registered during stage II of the protocol": a phase of the study, not of the cancer.
      PROTOCOL_STAGE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30))
    )
      continue;
    // "Stage 1 of the study", "stage 2 portion": study parts, not disease stages.
    if (
      /^\s*(?:of (?:the )?(?:study|trial)|portion|part\b|cohort|dose|expansion|escalation)/i.test(
        text.slice(m.index + m[0].length, m.index + m[0].length + 20),
      )
    )
      continue;
    if (/\b(?:study|trial|phase|part)\s*$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    // "Malignant melanoma from stage IIB": that stage and every later one; "from stage IIB to IIID":
    // the range. Not a list ("recurred from Stage I/II/III" names the stages a recurrence came from).
    const tail = (m[3] ?? '').trim();
    const from =
      !m[1] && !m[4] && (!tail || /^(?:to|through|thru|-|–)\s*\S+$/i.test(tail))
        ? FROM_STAGE.exec(text.slice(Math.max(0, m.index - 12), m.index))
        : null;
    // "recurred from stage II", "progressed from stage III": where the disease came from.
    if (from && CHANGED_BEFORE.test(text.slice(Math.max(0, m.index - from[0].length - 40), m.index - from[0].length))) continue;
    // "stage III (unresectable) or stage IV": the extent in brackets narrows the stage before it
    // alone. Read as one list, the extent was joined beside every stage (a resectable stage IV
    // failed) and the list came apart from its cancer. The list ends at the bracket; the next
    // match reads the rest, and the extent reader the bracketed word.
    const aside = /\(\s*(?:unresectable|metastatic|locally advanced|inoperable|resectable|operable)\s*\)/i.exec(m[0]);
    if (aside && !m[1] && !m[4] && !from) {
      const tailStart = m[0].length - (m[3] ?? '').length;
      const first = aside.index >= tailStart ? expandStageList(m[2]!, m[0].slice(tailStart, aside.index).trimEnd(), false, false) : null;
      const asideEnd = aside.index + aside[0].length;
      const rest = m[0].slice(asideEnd);
      // "(unresectable) or stage IV" is matched again from the bracket; "(unresectable) or IV" is read here.
      const again = /^\s*,?\s*(?:or|and\/or)\s+stages?\s/i.test(text.slice(m.index + asideEnd));
      const more = again || !rest ? null : new RegExp(String.raw`^${STAGE_JOIN}(${STAGE_VAL})\b(.*)$`, 'i').exec(rest);
      const moreGroups = more ? expandStageList(more[1]!, more[2]!, false, false) : null;
      if (first && (again || moreGroups)) {
        push(m.index, m.index + m[0].slice(0, aside.index).trimEnd().length, first);
        if (more && moreGroups) push(m.index + m[0].length - more[1]!.length - more[2]!.length, m.index + m[0].length, moreGroups);
        STAGE_RE.lastIndex = m.index + (again ? asideEnd : m[0].length);
        continue;
      }
    }
    const groups = expandStageList(m[2]!, m[3] ?? '', !!m[1] || (!!from && !tail), !!m[4], text.slice(m.index + m[0].length, m.index + m[0].length + 20));
    if (!groups) continue;
    const end = m.index + m[0].length;
    push(from ? m.index - from[0].length : m.index, end, groups);
    // "Stage I, II, or operable III": the last member carries an extent word the list's regex
    // stops at; the numeral is a stage of the same list and the extent reader reads the word.
    const q = m[1] || m[4] ? null : QUALIFIED_MEMBER.exec(text.slice(end));
    const qGroups = q ? expandStageList(q[2]!, '', false, false) : null;
    if (q && qGroups) {
      const qStart = end + q[0].length - q[2]!.length;
      push(qStart, end + q[0].length, qGroups);
    }
  }
  FIGO_RE.lastIndex = 0;
  for (let m = FIGO_RE.exec(text); m; m = FIGO_RE.exec(text)) {
    const groups = expandStageList(m[1]!, m[2] ?? '', false, false);
    if (groups) push(m.index, m.index + m[0].length, groups);
  }
  for (const [re, prefix, norm] of PREFIXED_STAGE) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const sys = prefix || m[1]!.toUpperCase();
      const list = prefix ? m[1]! : m[2]!;
      const parts = list.split(/\s*(?:,|\bor\b|\band\b|\/)\s*/i).filter(Boolean);
      const groups: string[] = [];
      let ok = true;
      for (const part of parts) {
        const range = part.split(/\s*(?:-|\bto\b)\s*/i);
        const vals = range.map((v) => norm(v.trim()));
        if (vals.some((v) => v === null)) ok = false;
        else if (vals.length === 2) {
          const order =
            sys === 'BCLC'
              ? ['0', 'A', 'B', 'C', 'D']
              : sys === 'Binet'
                ? ['A', 'B', 'C']
                : ['0', 'I', 'II', 'III', 'IV'];
          const i = order.indexOf(vals[0]!);
          const j = order.indexOf(vals[1]!);
          if (i < 0 || j < i) ok = false;
          else groups.push(...order.slice(i, j + 1));
        } else groups.push(vals[0]!);
      }
      if (ok)
        push(
          m.index,
          m.index + m[0].length,
          [...new Set(groups)].map((g) => `${sys} ${g}`),
        );
    }
  }
  VA_STAGE.lastIndex = 0;
  for (let m = VA_STAGE.exec(text); m; m = VA_STAGE.exec(text)) {
    const which = (m[1] ?? m[2]!).toLowerCase();
    // Only where small cell lung cancer is the subject (the words have other meanings elsewhere).
    if (!/\bSCLC\b|small[- ]cell/i.test(text)) continue;
    const end = m[2] ? m.index + m[0].length - 'SCLC'.length - 1 : m.index + m[0].length;
    push(m.index, end, [which.startsWith('e') ? 'extensive' : 'limited']);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// TNM.
// ---------------------------------------------------------------------------------------------

const TNM_TOKEN =
  /(?<![A-Za-z/-])(?:y?[cp]|yp|yc|r|a)?([TNM])(is|x|X|[0-4])([a-d])?(?:(?:\s*(?:-|–|to)\s*|\/)(?:[TNM])?([0-4])([a-d])?)?(\+)?(?=$|[^\w-]|(?:y?[cp]|yp)?[TNM](?:is|x|X|[0-4]))/g;
/** "T1-weighted", "free T4", "CD4+ T cells", "T3/T4" (thyroid): T, N and M mean other things. */
const TNM_VETO =
  /thyroid|thyroxine|TSH|free\s*T[34]|\bFT[34]\b|weighted|T[- ]?cells?|\bT3\s*(?:\/|and|or)\s*T4\s*(?:levels?|hormone)|tesla/i;

function tnmValues(
  cat: string,
  from: string,
  sub: string | undefined,
  to: string | undefined,
  toSub: string | undefined,
  plus: boolean,
): string[] {
  const C = cat.toUpperCase();
  if (from === 'is' || from === 'x' || from === 'X') return [`${C}${from === 'is' ? 'is' : 'X'}`];
  const a = Number(from);
  if (plus) {
    // "N+" = any nodal involvement: N1–N3; "T2+" = T2 or higher.
    const max = C === 'T' ? 4 : C === 'N' ? 3 : 1;
    const lo = C === 'N' && a === 0 ? 1 : a;
    return Array.from({ length: max - lo + 1 }, (_, i) => `${C}${lo + i}`);
  }
  if (to === undefined) return [`${C}${a}${sub ?? ''}`];
  const b = Number(to);
  if (b < a) return [];
  const out: string[] = [];
  for (let v = a; v <= b; v++) {
    if (v === a && sub)
      out.push(`${C}${v}${sub}`); // a range from a substage starts there; covering its later siblings is not claimed
    else if (v === b && toSub) out.push(`${C}${v}${toSub}`);
    else out.push(`${C}${v}`);
  }
  return out;
}

function tnmPieces(input: ExtractInput): Piece[] {
  const { text } = input;
  if (TNM_VETO.test(text)) return [];
  const found: Array<{ cat: 't' | 'n' | 'm'; values: string[]; start: number; end: number; prefixed: boolean }> = [];
  TNM_TOKEN.lastIndex = 0;
  for (let m = TNM_TOKEN.exec(text); m; m = TNM_TOKEN.exec(text)) {
    const cat = m[1]!.toLowerCase() as 't' | 'n' | 'm';
    const values = tnmValues(cat, m[2]!, m[3], m[4], m[5], !!m[6]);
    if (!values.length) continue;
    if (cat === 'm' && values.some((v) => !/^M(?:[01][a-d]?|X)$/.test(v))) continue;
    if (cat === 'n' && values.some((v) => !/^N(?:[0-3][a-c]?|X)$/.test(v))) continue;
    found.push({
      cat,
      values,
      start: m.index,
      end: m.index + m[0].length,
      prefixed: /^(?:y?[cp]|yp|yc|r|a)/.test(m[0]),
    });
  }
  if (!found.length || found.length > 120) return [];
  // A lone "T2" or "M1" is too ambiguous; TNM reads as TNM next to another category, with a c/p
  // prefix, a range or "+", or near the words TNM / stage / tumor / nodal.
  const context =
    /\bTNM\b|\bstag(?:e|ing)\b|\btumou?r\b|\bnod(?:e|al)\b|\bAJCC\b|\bUICC\b|\bclinical(?:ly)?\b|\bpatholog/i.test(
      text,
    );
  const out: Piece[] = [];
  for (const f of found) {
    const neighbour = found.some(
      (g) => g !== f && g.cat !== f.cat && Math.abs(g.start - f.end) <= 12 && Math.abs(f.start - g.end) <= 40,
    );
    if (!neighbour && !f.prefixed && !context && f.values.length < 2) continue;
    const prev = out[out.length - 1];
    // "T3 T4", "T3 or T4", "N2, N3": one finding per category run.
    if (
      prev &&
      prev.kind === 'tnm' &&
      (prev.condition as LeafCondition).params?.['category'] === f.cat &&
      /^\s*(?:,|\/|or|and|and\/or)?\s*$/i.test(text.slice(prev.end, f.start))
    ) {
      const leaf = prev.condition as LeafCondition;
      leaf.params = { category: f.cat, values: [...new Set([...(leaf.params!['values'] as string[]), ...f.values])] };
      prev.end = f.end;
      continue;
    }
    out.push({
      start: f.start,
      end: f.end,
      condition: { fact: 'tnm', operator: 'equal', value: true, params: { category: f.cat, values: f.values } },
      needsAnchor: false,
      kind: 'tnm',
    });
  }
  return out;
}

/**
 * "node-positive", "lymph node positive", "node-negative": the N category in words. Regional lymph
 * node metastasis is N1–N3 and none is N0 in every AJCC (8th ed.) site chapter, so the words read as
 * tnm(n) with those values ('N1' covers N1a–c). "node-positive and node-negative disease" names both
 * and requires neither; a clause that permits them ("… are eligible") requires nothing.
 */
const NODE_STATUS =
  /\b(?:(?:sentinel\s+)?(?:lymph[- ])?node[- ]?(?:(positive|positivity)|(negative))|(?:pathologically|histologically|cytologically)\s+(positive)\s+(?:(?:regional|axillary)\s+)?(?:lymph\s+)?nodes?)\b/gi;
const NODE_BOTH =
  /\bnode[- ]?positive\s+(?:and|or|and\/or|\/)\s+(?:node[- ]?)?negative\b|\bnode[- ]?negative\s+(?:and|or|and\/or|\/)\s+(?:node[- ]?)?positive\b/i;
const NODE_PERMISSIVE =
  /\b(?:is|are|will be|be)\s+(?:also\s+)?(?:allowed|permitted|eligible|acceptable)\b|\bmay (?:be )?(?:enrolled|included|eligible)\b|\bregardless\b|\birrespective\b/i;
const NODE_EXAMPLE = /\b(?:including|includes|such as|e\.g\.?,?|with or without)\s+(?:[\w-]+\s+){0,2}$/i;

function nodePieces(input: ExtractInput): Piece[] {
  const { text } = input;
  if (!/node/i.test(text) || NODE_BOTH.test(text) || NODE_PERMISSIVE.test(text)) return [];
  const out: Piece[] = [];
  NODE_STATUS.lastIndex = 0;
  for (let m = NODE_STATUS.exec(text); m; m = NODE_STATUS.exec(text)) {
    // "Stage IB–IIIB including pelvic node positive": an example of what is eligible, not a requirement.
    if (NODE_EXAMPLE.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    const values = m[2] ? ['N0'] : ['N1', 'N2', 'N3'];
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      condition: { fact: 'tnm', operator: 'equal', value: true, params: { category: 'n', values } },
      needsAnchor: false,
      kind: 'tnm',
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Measurable disease.
// ---------------------------------------------------------------------------------------------

const RESPONSE_CRITERIA = String.raw`(?:(?:modified|revised|immune[- ]related|immune)\s+)?(?:Response Evaluation Criteria in Solid Tumou?rs?\s*(?:\(\s*(?:m|i|ir)?RECIST\s*(?:v(?:ersion)?\.?\s*)?(?:\d(?:\.\d)?)?\s*\))?|(?:m|i|ir|i-?)?RECIST|RANO(?:-BM|-HGG|-LGG)?|Response Assessment in Neuro-Oncology(?:\s*\(\s*RANO\s*\))?|Lugano(?:\s+(?:classification|criteria))?|IMWG(?:\s+criteria)?|International Myeloma Working Group(?:\s*\(IMWG\))?(?:\s+criteria)?|iwCLL|IWG|Cheson(?:\s+criteria)?|PCWG3?|Prostate Cancer (?:Clinical Trials )?Working Group\s*3?(?:\s*\(PCWG3?\))?|Choi(?:\s+criteria)?|GCIG|mSWAT|INRC|RANO criteria)(?:\s*(?:version|ver\.?|v\.?)?\s*\d(?:\.\d)?|\s*\(\s*(?:version|ver\.?|v\.?)?\s*\d(?:\.\d)?\s*\))?(?:\s*\(\s*\d{4}\s*\))?(?:\s+(?:criteria|guidelines?|classification))?(?:\s*\(\s*(?:m|i)?RECIST\s*(?:v(?:ersion)?\s*)?\d(?:\.\d)?\s*\))?`;
const MEASURABLE_CORE = String.raw`(?:(?:radiographically|radiologically|clinically|objectively|unidimensionally|bidimensionally|bi-dimensionally|uni-dimensionally)\s+)?measurable\s*(?:\(\s*target\s*\)\s*)?(?:\s+(?:and|or)\s+(?:biopsiable|accessible))?(?:\s*(?:and\/or|or|\/|and)\s*(?:radiographically\s+)?(?:evaluable|assessable|non-?measurable))?\s+(?:(?:target|tumou?r|neoplasm|extracranial|systemic|nodal|soft[- ]tissue|metastatic|disease|brain|CNS|intracranial|central nervous system(?:\s*\(CNS\))?)\s+)*(?:disease|lesions?|tumou?rs?|target lesions?|sites? of disease|areas? of disease|metastas[ie]s|parameters?|lymph nodes?)`;
/** Site words inside a measurable phrase: measurable disease is then necessary but not sufficient. */
const MEASURABLE_SITE = /\b(?:brain|CNS|intracranial|central nervous system(?:\s*\(CNS\))?)\b/i;
const MEASURABLE_HOW = String.raw`(?:\s*\(\s*target lesions?\s*\))?(?:(?:\s+at\s+(?:baseline|screening)|\s*,?\s+(?:as\s+)?assessed\s+by\s+(?:the\s+)?(?:local\s+|treating\s+)?(?:investigator|radiologist)s?)?\s*(?:(?:,\s*)?(?:as\s+)?(?:defined|assessed|evaluated|determined|documented|measured|confirmed)\s+(?:by|per|according to|using|with)|per|by|according to|as per|based on|using|on|under|following|in accordance with)\s*(?:the\s+)?(?:${RESPONSE_CRITERIA}|(?:CT or MRI|CT\/MRI|CT|MRI|imaging|radiographic imaging|computed tomography|magnetic resonance imaging|PET\/CT|PET-CT|physical exam(?:ination)?)(?:\s+(?:scans?|imaging))?))*(?:\s*\(\s*${RESPONSE_CRITERIA}\s*\))?`;
/**
 * "lesion that can be accurately measured": the words by which RECIST defines a measurable lesion
 * (RECIST 1.1, Eisenhauer et al. 2009, §3.1.1: "accurately measured in at least one dimension";
 * RECIST 1.0 the same). The size and method that follow stay unread, so a stricter threshold than
 * the fact's criteria (≥ 20 mm on conventional CT) is kept as an unknown beside it.
 */
const ACCURATELY_MEASURED = String.raw`(?:lesions?|lesion\(s\)|tumou?rs?|disease)\s+(?:(?:that|which)\s+)?(?:can|could|must|should|will)\s+be\s+(?:accurately\s+)?measured(?!\s+(?:as\s+)?(?:<|>|≤|≥|\d|less|more|greater|smaller|larger|up to|at least))`;
const MEASURABLE_RE = new RegExp(
  String.raw`(?:(?:at least|>=|≥|a minimum of)\s*(?:one|1|two|2)\s+(?:\(\s*1\s*\)\s+)?)?(?:${MEASURABLE_CORE}|(?:lesions?|tumou?rs?|disease)\s+(?:(?:that|which)\s+(?:is|are|can be)\s+|(?:must|should)\s+be\s+|is\s+)?measurable|(?:m|i)?RECIST(?:\s*(?:v(?:ersion)?\s*)?1\.1)?\s+measurable(?:\s+(?:disease|lesions?))?|${ACCURATELY_MEASURED})${MEASURABLE_HOW}`,
  'gi',
);
/** "… will not be considered measurable", "are usually not deemed": the words before a RECIST definition note. */
const NOT_CONSIDERED_BEFORE = /\b(?:not|never)\s+(?:\w+\s+)?(?:be\s+)?(?:considered|deemed|regarded|counted)\s+(?:as\s+)?$/i;
/**
 * "All measurable disease must be assessed within 28 days prior to randomization": when the patient
 * has measurable disease is what such a sentence sets, not that the patient must have it (the same
 * criterion may say "Participants may have measurable or non-measurable disease").
 */
const ALL_BEFORE = /\b(?:all|any)\s+$/i;
const ASSESSED_AFTER =
  /^\s*(?:must|should|will|shall|needs?\s+to|is\s+to|are\s+to)\s+(?:have\s+)?be(?:en)?\s+(?:assessed|documented|evaluated|recorded|imaged|measured|captured|followed)\b/i;
/**
 * "measurable disease is not required", "with or without measurable disease", "patients do not need
 * to have measurable disease": no requirement.
 */
const MEASURABLE_VETO =
  /\b(?:not (?:be )?required|not mandatory|optional|with or without|measurable or not|regardless of|need not|not necessary|(?:do|does) not need to (?:have|be)|not needed)\b/i;
/** "… is preferred, but not required" at the end of a long definition: a wish, not a requirement. */
const PREFERRED_NOT_REQUIRED = /\b(?:preferred|recommended|desirable|desired)\b,?\s+but\s+(?:is\s+)?not\s+(?:required|mandatory|necessary)\b/i;
/** The weaker alternatives joined to "measurable": evaluable, assessable, non-measurable disease. */
const WEAKER_ALTERNATIVE =
  /^(?:\s*(?:,|\/|or|and\/or)\s*)+(?:(?:radiographically\s+)?(?:evaluable|assessable|non-?measurable)(?:\s+(?:disease|lesions?|only))?)|^\s*(?:\(\s*)?(?:or|and\/or|\/)\s*(?:evaluable|assessable|non-?measurable)\b[^.;)]{0,20}\)?/i;
const EVALUABLE_RE =
  /\b(?:(?:at least|>=|≥)\s*(?:one|1)\s+)?(?:radiographically\s+|radiologically\s+|clinically\s+)?(evaluable|assessable)(?:\s*\(\s*(?:non-?)?measurable(?:\s*(?:and\/or|or|\/)\s*(?:non-?)?measurable)?\s*\))?\s+(?:(?:tumou?r|target|systemic)\s+)?(?:disease|lesions?|tumou?rs?)\b|\b(?:(?:at least|>=|≥)\s*(?:one|1)|one or more)\s+(?:lesions?|tumou?rs?)(?:\s*\(\s*(?:non-?)?measurable(?:\s*(?:and\/or|or|\/)\s*(?:non-?)?measurable)?\s*\))?\s+(?:(?:that|which)\s+(?:is|are|can be)\s+(?:accurately\s+)?)?(evaluable|assessable|assessed)\s+(?=(?:by|per|according to|using|on|at baseline)\b)/gi;
const WEAKER_INNER = /\s*(?:and\/or|or|\/|and)\s*(?:radiographically\s+)?(?:evaluable|assessable|non-?measurable)\b/i;
const WEAKER_BEFORE =
  /(?:\b(?:evaluable|assessable|non-?measurable)(?:\s+(?:disease|lesions?))?\s*(?:,|\/|or|and\/or)\s*(?:\/\s*)?)$/i;
const RECIST_ONLY = new RegExp(
  String.raw`^\s*(?:(?:as\s+)?(?:defined|assessed|evaluated|determined)\s+(?:by|per|according to|using)|per|by|according to|as per|based on|using)\s*(?:the\s+)?${RESPONSE_CRITERIA}`,
  'i',
);
const DEFINITION_SENTENCE =
  /(?:^|[.;]\s+|\(\s*)(?:measurable (?:disease|lesions?)|a measurable lesion|target lesions?)\s+(?:is|are|will be|must be)?\s*defined as\b[^.;]*(?:[.;]|\)|$)/gi;

/**
 * "At least one lesion, not previously irradiated, that qualifies as a RECIST 1.1 target lesion":
 * a RECIST target lesion is measurable by definition (RECIST 1.1, Eisenhauer et al. 2009, §3.3), so
 * the phrase needs measurable disease; the words between (what else the lesion must be) stay unread.
 */
const TARGET_LESION_RE =
  /\bat\s+least\s+(?:one|1)\s+(?:(?:measurable|metastatic|tumou?r|target)\s+)?(?:lesions?|metastas[ie]s|tumou?rs?)\b((?:(?!\b(?:or|except|and\/or)\b)[^.;]){0,160}?)\b(qualif(?:y|ies)\s+as\s+(?:an?\s+)?(?:RECIST\s*(?:v(?:ersion)?\s*)?1\.1\s+)?(?:target\s+lesion|TL)\b|(?:be\s+)?(?:evaluated|selected|used)\s+as\s+(?:an?\s+)?target\s+lesions?\b|(?:be\s+)?measurable\s+as\s+(?:an?\s+)?target\s+lesion\b)|\bat\s+least\s+(?:one|1)\s+target\s+lesions?\b(?=[^.;]{0,80}\bRECIST)/gi;

const TARGET_HOW_RE = new RegExp(`^${MEASURABLE_HOW}`, 'i');

/**
 * The RECIST 1.1 size rule for a measurable lesion, restated inside a criterion: "(longest diameter to
 * be recorded for non-nodal lesions and short axis for nodal lesions) as ≥ 10 mm with CT scan, MRI, or
 * calipers", "≥ 10 mm in the longest diameter (except lymph nodes, which must have short axis ≥ 15
 * mm)", "a minimum size of 10 mm for non-nodal lesions or 15 mm in short axis for nodal lesions"
 * (Eisenhauer et al. 2009, §3.2: ≥ 10 mm by CT, ≥ 15 mm in short axis for a malignant lymph node).
 * Such words say what measurable means and add nothing to measurableDisease. The window is grown
 * around "short axis" over these words only; any other size (a stricter "≥ 20 mm") or word stops it,
 * and the window must hold the 10 mm (1 cm) threshold, so a stricter size is never covered.
 */
const RECIST_SIZE_WORDS = new Set(
  'in at least one 1 dimension dimensions longest diameter diameters to be recorded for non nodal non-nodal nonnodal lesion lesions and or short axis short-axis as of a the with by on ct cts scan scans mri mris calipers caliper clinical exam examination except excluding lymph node nodes non-lymph which must have has that is are can accurately measured measurable serially according recist v1.1 version 1.1 using non- computerized computed tomography magnetic resonance imaging ct/mri minimum size greater than or equal baseline suitable for accurate reproducible repeated measurements measurement , ( ) / >= ≥ > mm cm'.split(
    ' ',
  ),
);
const RECIST_SIZE_TOKEN = /[A-Za-z][\w-]*(?:\.\d+)*|\d+(?:\.\d+)?|>=|≥|\S/g;
/** Sizes the RECIST measurable rule names: 10 mm (1 cm) for a lesion, 15 mm (1.5 cm) for a node's short axis. */
const RECIST_SIZE = /^(?:10|15|1|1\.0|1\.5)$/;

/** [start, end) of a restated RECIST size rule around "short axis", or null. */
function recistSizeWindow(text: string, from = 0): [number, number] | null {
  const axis = /\bshort[- ]axis\b/gi;
  axis.lastIndex = from;
  const a = axis.exec(text);
  if (!a) return null;
  const toks = [...text.matchAll(RECIST_SIZE_TOKEN)].map((m) => ({ t: m[0].toLowerCase(), s: m.index, e: m.index + m[0].length }));
  const ok = (i: number): boolean => {
    const w = toks[i]!.t;
    if (RECIST_SIZE_WORDS.has(w)) return true;
    if (!/^\d/.test(w)) return false;
    const unit = toks[i + 1]?.t;
    if (unit === 'mm' || unit === 'cm') {
      const mm = unit === 'cm' ? Number(w) * 10 : Number(w);
      return mm === 10 || mm === 15;
    }
    return RECIST_SIZE.test(w) || w === '1.1';
  };
  let first = toks.findIndex((t) => t.s >= a.index);
  if (first < 0) return null;
  let last = first;
  while (first > 0 && ok(first - 1)) first--;
  while (last + 1 < toks.length && ok(last + 1)) last++;
  // Connectives and an opening bracket at the edges belong to the sentence, not the size rule.
  while (first < last && /^(?:and|or|with|,|\(|as|the|a|that|which|is|are|must|has|have|can|be)$/.test(toks[first]!.t)) first++;
  while (last > first && /^(?:and|or|with|,|\(|as|the|a|of|in|for|by|on|to)$/.test(toks[last]!.t)) last--;
  const span = text.slice(toks[first]!.s, toks[last]!.e);
  // The lesion threshold must be there: "short axis" alone restates nothing.
  if (!/(?:>=|≥|>|at least|minimum size of|greater than or equal to|as)\s*(?:10\s*mm|1(?:\.0)?\s*cm)\b|\b(?:10\s*mm|1(?:\.0)?\s*cm)\s+(?:in|for)\b/i.test(span)) return null;
  // The thresholds the other way round ("> 15 mm in longest diameter or > 10 mm in short axis") are
  // the lymphoma criteria (IWG, Cheson 2007), not RECIST: not restated here.
  if (/(?:15\s*mm|1\.5\s*cm)\s+(?:in\s+(?:the\s+)?)?(?:longest|greatest)|(?:10\s*mm|1(?:\.0)?\s*cm)\s+(?:in\s+(?:the\s+)?)?short[- ]axis|short[- ]axis\W+(?:\w+\W+){0,3}?(?:>=|≥|>)?\s*(?:10\s*mm|1(?:\.0)?\s*cm)/i.test(span))
    return null;
  // Brackets must balance inside the window, or it has cut an aside in two.
  let depth = 0;
  for (const ch of span) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) break;
  }
  let end = toks[last]!.e;
  if (depth > 0) {
    const close = text.indexOf(')', end);
    if (close < 0 || /[^\s]/.test(text.slice(end, close))) return null;
    end = close + 1;
  } else if (depth < 0) return null;
  return [toks[first]!.s, end];
}

/**
 * "Has disease other than the injected lesion that is measurable by RECIST 1.1": measurable disease
 * besides the lesion the study injects or treats. The patient needs measurable disease, and more
 * than that (a measurable lesion that is not the one chosen), so the words naming the chosen lesion
 * are left unread, an unknown beside it. Without this, "lesion that is measurable" inside the exception was
 * taken for the phrase and refused with it.
 */
const OTHER_THAN_CHOSEN_RE = new RegExp(
  String.raw`\b(?:disease|lesions?|tumou?rs?)\s+((?:other\s+than|outside(?:\s+of)?|besides|apart\s+from|in\s+addition\s+to)\s+(?:the\s+|an?\s+)?(?:injected|injectable|target|treated|biopsied|irradiated|index|intended|selected)\s+(?:[\w-]+\s+){0,2}?lesions?)\s+(?:that|which)\s+(?:is|are|can\s+be)\s+measurable${MEASURABLE_HOW}`,
  'gi',
);

/** "At least 1 lesion of ≥ 10 mm in the longest diameter for a non-lymph node or ≥ 15 mm in the short-axis diameter for a lymph node": the RECIST rule itself, so measurable disease. */
const AT_LEAST_ONE_LESION = /\bat\s+least\s+(?:one|1)\s+(?:\(\s*1\s*\)\s+)?(?:measurable\s+)?(?:lesions?|tumou?rs?)\s+(?:of\s+|measuring\s+|with\s+)?(?=>=|≥|>)/i;

/** Measurable disease read from [s, e), from the given spans only when some words inside are not read. */
function measurablePiece(s: number, e: number, spans?: Array<[number, number]>): Piece {
  return { start: s, end: e, condition: { fact: 'measurableDisease', operator: 'equal', value: true }, needsAnchor: false, kind: 'measurable', ...(spans ? { spans } : {}) };
}

/**
 * Measurable disease. Evaluable (or non-measurable) disease is weaker: every measurable lesion is
 * evaluable, but not the reverse, and no fact states it. "measurable or evaluable disease" is
 * therefore read as any(measurableDisease, unknown): a patient with measurable disease meets it,
 * anyone else is unknown — never a wrong fail. The weaker words stay unread.
 */
function measurablePieces(input: ExtractInput): Piece[] {
  const { text } = input;
  if (!/measurab|measured|evaluab|assessab|target|\bTL\b/i.test(text)) return [];
  const out: Piece[] = [];
  TARGET_LESION_RE.lastIndex = 0;
  for (let m = TARGET_LESION_RE.exec(text); m; m = TARGET_LESION_RE.exec(text)) {
    const s = m.index;
    let e = s + m[0].length;
    // "At least one target lesion assessed by the Investigator based on RECIST v1.1": the criteria it
    // is a target lesion by are read with it.
    if (m[2] === undefined) e += TARGET_HOW_RE.exec(text.slice(e))?.[0].length ?? 0;
    if (input.scopes.in('exception', s)) continue;
    // The subject ("at least one lesion") and the qualifying words are read; what lies between is not.
    const spans: Array<[number, number]> =
      m[2] !== undefined
        ? [
            [s, s + m[0].length - m[2].length - m[1]!.length],
            [e - m[2].length, e],
          ]
        : [[s, e]];
    out.push(measurablePiece(s, e, spans));
  }
  if (input.kind === 'inclusion') {
    OTHER_THAN_CHOSEN_RE.lastIndex = 0;
    for (let m = OTHER_THAN_CHOSEN_RE.exec(text); m; m = OTHER_THAN_CHOSEN_RE.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (input.scopes.in('exception', s) || out.some((p) => s < p.end && e > p.start)) continue;
      const hole = s + m[0].indexOf(m[1]!);
      // The words naming the chosen lesion are left out of the spans: read as unknown beside it.
      out.push(
        measurablePiece(s, e, [
          [s, hole],
          [hole + m[1]!.length, e],
        ]),
      );
    }
  }
  MEASURABLE_RE.lastIndex = 0;
  for (let m = MEASURABLE_RE.exec(text); m; m = MEASURABLE_RE.exec(text)) {
    const s = m.index;
    let e = s + m[0].length;
    if (out.some((p) => s < p.end && e > p.start)) continue;
    if (/non[- ]?$/i.test(text.slice(Math.max(0, s - 4), s))) continue;
    // "Lesions in an irradiated area are not considered measurable (disease)": a note restating
    // RECIST's definition, not a requirement that the patient have no measurable disease.
    if (NOT_CONSIDERED_BEFORE.test(text.slice(Math.max(0, s - 40), s))) continue;
    if (ALL_BEFORE.test(text.slice(Math.max(0, s - 8), s)) && ASSESSED_AFTER.test(text.slice(e, e + 60))) continue;
    const around = text.slice(Math.max(0, s - 40), Math.min(text.length, e + 40));
    if (MEASURABLE_VETO.test(around)) continue;
    if (PREFERRED_NOT_REQUIRED.test(text.slice(clauseStart(text, s), clauseEnd(text, e)))) continue;
    if (input.scopes.in('exception', s)) continue;
    const tail = RECIST_ONLY.exec(text.slice(e));
    if (tail) e += tail[0].length;
    const measurable: LeafCondition = { fact: 'measurableDisease', operator: 'equal', value: true };
    const inner = WEAKER_INNER.exec(m[0]);
    const weakerAfter = WEAKER_ALTERNATIVE.exec(text.slice(e, e + 60));
    const weakerBefore = WEAKER_BEFORE.exec(text.slice(Math.max(0, s - 60), s));
    const weaker = inner?.[0] ?? weakerAfter?.[0] ?? weakerBefore?.[0];
    const site = MEASURABLE_SITE.exec(m[0]);
    const unknown = (t: string): LeafCondition => ({
      fact: 'unparsed',
      operator: 'equal',
      value: true,
      params: { text: t.replace(/^[\s,/()]+|[\s,/()]+$/g, '') },
    });
    const condition: Condition = site
      ? { all: [measurable, unknown(site[0])] }
      : weaker
        ? { any: [measurable, unknown(weaker)] }
        : measurable;
    // The weaker or site words inside the phrase are left unread.
    const hole = site ?? inner;
    const spans: Array<[number, number]> | undefined = hole
      ? [
          [s, s + hole.index],
          [s + hole.index + hole[0].length, e],
        ]
      : undefined;
    out.push({ start: s, end: e, condition, needsAnchor: false, kind: 'measurable', ...(spans ? { spans } : {}) });
  }
  // "evaluable disease", "at least one assessable lesion": met by any measurable disease, unknown
  // otherwise; the weaker word stays unread.
  EVALUABLE_RE.lastIndex = 0;
  for (let m = EVALUABLE_RE.exec(text); m; m = EVALUABLE_RE.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (out.some((p) => s < p.end && e > p.start) || MEASURABLE_VETO.test(text.slice(Math.max(0, s - 40), e + 40)))
      continue;
    if (input.scopes.in('exception', s)) continue;
    const word = (m[1] ?? m[2])!;
    const at = s + m[0].indexOf(word);
    out.push({
      start: s,
      end: e,
      condition: {
        any: [
          { fact: 'measurableDisease', operator: 'equal', value: true },
          { fact: 'unparsed', operator: 'equal', value: true, params: { text: m[0].trim() } },
        ],
      },
      needsAnchor: false,
      kind: 'measurable',
      spans: (
        [
          [s, at],
          [at + word.length, e],
        ] as Array<[number, number]>
      ).filter(([a, b]) => b > a),
    });
  }
  // The RECIST size rule after "at least one lesion" is itself the definition of measurable disease.
  if (input.kind === 'inclusion')
    for (let w = recistSizeWindow(text); w; w = recistSizeWindow(text, w[1])) {
      const from = Math.max(0, w[0] - 60);
      const lead = AT_LEAST_ONE_LESION.exec(text.slice(from, w[1]));
      if (!lead || from + lead.index > w[0] || out.some((p) => w![0] < p.end && w![1] > p.start)) continue;
      const s = from + lead.index;
      if (input.scopes.in('exception', s) || MEASURABLE_VETO.test(text.slice(Math.max(0, s - 40), w[1] + 40))) continue;
      let e = w[1];
      const tail = RECIST_ONLY.exec(text.slice(e));
      if (tail) e += tail[0].length;
      out.push(measurablePiece(s, e));
    }
  if (out.length) {
    // The RECIST size rule restated beside a measurable finding is covered by it.
    for (let w = recistSizeWindow(text); w; w = recistSizeWindow(text, w[1])) {
      const [s, e] = w;
      if (out.some((q) => s >= q.start && e <= q.end)) continue;
      // Words of the finding before it in the sentence, so that they share its anchor (and scope).
      const owner = out
        .filter((q) => q.start < s && !/[.;]\s/.test(text.slice(q.end, s)))
        .sort((a, b) => b.start - a.start)[0];
      if (owner) {
        owner.spans = [...(owner.spans ?? [[owner.start, owner.end]]), [Math.max(s, owner.end), e]];
        owner.end = Math.max(owner.end, e);
      } else out.push({ start: s, end: e, condition: out[0]!.condition, needsAnchor: false, kind: 'measurable' });
    }
    // A sentence that only defines measurability restates the response criteria the finding names.
    DEFINITION_SENTENCE.lastIndex = 0;
    for (let m = DEFINITION_SENTENCE.exec(text); m; m = DEFINITION_SENTENCE.exec(text)) {
      const s = m.index + (m[0].length - m[0].replace(/^(?:[.;]\s+|\(\s*)/, '').length);
      const e = m.index + m[0].length;
      const overlapping = out.find((q) => s < q.end && e > q.start);
      if (overlapping) overlapping.end = Math.max(overlapping.end, e);
      else out.push({ start: s, end: e, condition: out[0]!.condition, needsAnchor: false, kind: 'measurable' });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Assembly: disease-state runs (extent / stage / TNM joined by their own connectives).
// ---------------------------------------------------------------------------------------------

/** "Patients with X must …": the rest of the clause holds only for those patients. */
const SUBJECT_MODAL =
  /^\W*(?:patients?|participants?|subjects?|those|individuals?)\s+(?:with|who)\b.*\b(?:must|should|shall|will|need|needs)\b/i;
/** Words after a stage or extent phrase that do not narrow it. */
const NEUTRAL_AFTER = words(
  'or and and/or with who that which according per by based as defined at in of are is be were was disease patient patients participant participants subject subjects',
);
/**
 * After an extent in an exclusion, words that keep only some of its patients: where the disease is
 * ("Metastatic disease that involved major airways", "… that invades the GI tract") or how large
 * ("the largest distant metastases with a diameter of more than 3 cm"), or when ("metastatic disease at
 * diagnosis": a patient whose disease spread later is not excluded). The exclusion then needs
 * them too, as an unknown, rather than excluding every patient with metastases.
 */
const NARROWING_AFTER =
  /^(?:\s+(?:disease|cancer|lesions?|tumou?rs?|metastas[ie]s))?\s*,?\s*((?:(?:that|which)\s+(?:\w+\s+){0,2})?(?:involv|invad|infiltrat|encas|abut|compress|extend|threat)\w*|with\s+(?:a\s+)?(?:diameter|size|dimension)|(?:measuring|larger\s+than|greater\s+than|exceeding)\b|(?:at|upon)\s+(?:the\s+time\s+of\s+)?(?:(?:initial|first|original)\s+)?diagnosis\b)/i;
/** A lead-in to a list of which any one member is enough: "at least one of high-risk factors (". */
const AT_LEAST_ONE_OF =
  /\b(?:at\s+least\s+(?:one|1)|one\s+or\s+more|any\s+one)\s+(?:of\s+)?(?:the\s+)?(?:following\s+)?(?:[\w-]+\s+){0,2}(?:risk\s+)?(?:factors?|features?|criteria|characteristics)\b/i;
/** "locally advanced, unrespectable, or metastatic": one unread word between list separators. */
const LOOSE_STATE_GAP = /^\s*,\s*([a-z][\w-]{2,24})\s*,?\s*(?:or|and|and\/or)\s+$/i;
/** A gap that keeps two disease-state pieces in one phrase: "locally advanced or metastatic",
 * "metastatic or with unresectable, recurrent NSCLC" (apart, the cancer went with the second only). */
const STATE_GAP =
  /^\s+disease\s*,?\s*(?:or|and\/or)\s+$|^[\s,]*(?:(?:or|and\/or)\s+with\s+|(?:or|and|and\/or|nor|i\.e\.?|e\.g\.?|including|with|either)\s+)?[\s,]*(?:\(\s*)?$|^\s*\)\s*(?:,\s*)?(?:(?:or|and|and\/or)\s+)?$|^\s*\/\s*$/i;

/** "suspected or confirmed", "suspected of having, or with biopsy proven", "suspected (clinical) or definitive (tissue)". */
const SUSPECTED_OR_CONFIRMED =
  /\b(?:suspected|suspicion\s+of|presumed|presumptive)\b[^.;:]{0,40}?\bor\s+(?:\w+\s+){0,2}?(?:confirmed|proven|definitive|documented|established|diagnosed|histolog\w*|patholog\w*|cytolog\w*|biopsy)/i;
/** "prior to the diagnosis of", "since initial diagnosis of": a time set by the diagnosis that follows. */
const DIAGNOSIS_TIME_BEFORE =
  /\b(?:prior\s+to|before|after|since|following|until)\s+(?:the\s+)?(?:time\s+of\s+)?(?:(?:initial|first|original)\s+)?diagnosis\s+(?:of|with)\s+(?:(?:an?|the)\s+)?$/i;
/** Courses of the disease: first diagnosed, come back, worse, or not responding. */
const COURSE_EXTENTS = new Set(['newly_diagnosed', 'relapsed', 'recurrent', 'refractory']);
const ALT_COURSE =
  /\b(?:recurren(?:t|ce)|recurred|relaps(?:ed|ing|e)|refractory|progression|progressive|progressing|newly[- ]diagnosed|previously\s+(?:un)?treated|untreated)\b/gi;

/**
 * An inclusion that offers one course of the disease as one of two populations ("Newly diagnosed
 * patients with solid tumor cancer diagnosis or recurrence of the disease", "a) newly diagnosed grade
 * 2-3 glioma or b) all grades for recurrent glioma", "Relapsed or disease progression after …")
 * requires it of neither: a patient of the other course is let in. When another course word stands
 * in the same clause apart from the phrase, with "or" right before it (or right before the phrase),
 * the phrase is left unread rather than required of everyone.
 */
function otherCourseAlternative(text: string, run: Piece[]): boolean {
  if (!run.some((p) => isLeaf(p.condition) && COURSE_EXTENTS.has(String(p.condition.params?.['extent']))))
    return false;
  const start = run[0]!.start;
  const end = run[run.length - 1]!.end;
  const cs = clauseStart(text, start);
  const ce = clauseEnd(text, end);
  const clause = text.slice(cs, ce);
  ALT_COURSE.lastIndex = 0;
  for (let m = ALT_COURSE.exec(clause); m; m = ALT_COURSE.exec(clause)) {
    const s = cs + m.index;
    const e = s + m[0].length;
    if (s < end && e > start) continue;
    if (s >= end ? /\bor\b(?:\W+\w+){0,5}\W+$/i.test(text.slice(end, s)) : /\bor\W+(?:\w+\W+){0,2}$/i.test(text.slice(e, start)))
      return true;
  }
  return false;
}

/** AJCC stage groups of distant metastasis (M1): stage IV and its substages. */
const M1_STAGE = /^IV[A-C]?$/;

/**
 * "Stage IIIB or IIIC or Stage IV metastatic NSCLC": "metastatic" right after a list of stages that
 * mixes stage IV with stages without distant metastasis (M0 by the AJCC definition of the groups)
 * describes the stage IV it follows. Read with all of them, a stage IIIB patient failed.
 */
function pairMetastaticWithStageIV(pieces: Piece[], text: string): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const next = pieces[i + 1];
    const groups = p.kind === 'stage' && isLeaf(p.condition) && p.condition.fact === 'stage' && p.condition.value === true ? (p.condition.params?.['groups'] as string[] | undefined) : undefined;
    const nextLeaf = next && isLeaf(next.condition) ? next.condition : null;
    if (
      groups &&
      nextLeaf &&
      nextLeaf.fact === 'diseaseExtent' &&
      nextLeaf.value === true &&
      nextLeaf.params?.['extent'] === 'metastatic' &&
      /^\s*$/.test(text.slice(p.end, next!.start)) &&
      groups.some((g) => M1_STAGE.test(g)) &&
      groups.some((g) => !M1_STAGE.test(g))
    ) {
      const leaf = p.condition as LeafCondition;
      const stageLeaf = (gs: string[]): Condition => ({ ...leaf, params: { ...leaf.params, groups: gs } });
      out.push({
        ...p,
        end: next!.end,
        condition: { any: [stageLeaf(groups.filter((g) => !M1_STAGE.test(g))), { all: [stageLeaf(groups.filter((g) => M1_STAGE.test(g))), nextLeaf] }] },
      });
      i++;
    } else out.push(p);
  }
  return out;
}

function joinPieces(rawPieces: Piece[], text: string): Condition {
  const pieces = pairMetastaticWithStageIV(rawPieces, text);
  // "and" binds tighter than "or"; a bare comma takes the list's closing conjunction; parentheses
  // read as apposition ("metastatic (stage IV)") and join with "and".
  const gaps = pieces.slice(1).map((p, i) => text.slice(pieces[i]!.end, p.start));
  const conj = gaps.map((g) =>
    /\bor\b|\//i.test(g) ? 'or' : /\band\b|\(|\)|\bwith\b|\bi\.e/i.test(g) ? 'and' : /,/.test(g) ? 'sep' : 'and',
  );
  // A bare comma with no "or" after it between states one disease cannot have at once ("unresectable
  // locally advanced, recurrent metastatic"): alternatives, never both.
  const extentOf = (p: Piece): string | null => {
    const c = p.condition as LeafCondition;
    return isLeaf(p.condition) && c.fact === 'diseaseExtent' && c.value === true ? String(c.params!['extent']) : null;
  };
  const local = (p: Piece): boolean => ['locally_advanced', 'localized'].includes(extentOf(p) ?? '');
  const distant = (p: Piece): boolean => extentOf(p) === 'metastatic';
  const apart = (i: number): boolean => {
    const left = pieces.slice(0, i + 1);
    const right = pieces.slice(i + 1);
    return (left.some(local) && right.some(distant)) || (left.some(distant) && right.some(local));
  };
  for (let i = conj.length - 1; i >= 0; i--)
    if (conj[i] === 'sep') conj[i] = conj[i + 1] === 'or' || apart(i) ? 'or' : 'and';
  const groups: Condition[][] = [[pieces[0]!.condition]];
  for (let i = 1; i < pieces.length; i++) {
    if (conj[i - 1] === 'or') groups.push([pieces[i]!.condition]);
    else groups[groups.length - 1]!.push(pieces[i]!.condition);
  }
  const conds = groups
    .map((g) => g.filter((c, i) => g.findIndex((d) => JSON.stringify(d) === JSON.stringify(c)) === i))
    .map((g) => (g.length === 1 ? g[0]! : { all: g }));
  return conds.length === 1 ? conds[0]! : { any: conds };
}

/** Before an extent that is the whole criterion: nothing, a copula, or the patient judged so
 * ("is unresectable", "Subjects must be considered inoperable"). */
const ONLY_EXTENT_BEFORE =
  /^\W*(?:(?:the\s+)?(?:patients?|participants?|subjects?)\s+)?(?:(?:is|are|must\s+be|should\s+be|has\s+been|have\s+been)\s+)?(?:(?:considered|deemed|judged)\s+(?:to\s+be\s+)?)?$/i;
/** Two to five capitals ending in C, the form of cancer and carcinoma abbreviations (BC, UC, GEJC). */
const CANCER_ABBREVIATION = /^[A-Z]{1,4}C$/;
/** Is the piece about the patient's disease? Extent words need a disease noun or cancer mention
 * after them (a few modifier words allowed) or before them with a copula ("disease that is
 * metastatic"). */
function anchored(input: ExtractInput, run: Piece[], cancers: CancerItem[]): 'yes' | 'no' | 'rejected' {
  const { text, tokens } = input;
  const end = run[run.length - 1]!.end;
  const start = run[0]!.start;
  const cEnd = clauseEnd(text, end);
  const nextCancer = cancers.find((c) => c.start >= end && c.start - end <= 80 && c.start < cEnd);
  const j0 = tokenAt(tokens, end);
  for (let j = j0; j < tokens.length && j < j0 + 6 && tokens[j]!.start < cEnd; j++) {
    const t = tokens[j]!;
    if (nextCancer && t.start >= nextCancer.start)
      return nextCancer.accepted || nextCancer.reason === 'cohort' ? 'yes' : 'rejected';
    if (DISEASE_NOUN.has(t.norm)) {
      if (t.norm === 'setting') return 'rejected';
      return 'yes';
    }
    if (REJECT_GOV.has(t.norm) || OTHER_CANCER.has(t.norm)) break;
    // "unresectable or metastatic BC": an abbreviation of a cancer the lexicon cannot resolve (BC is
    // breast or bladder cancer) still names the patient's disease; the abbreviation stays unread.
    // Not after "recurrent" or "refractory", which also describe non-cancer diseases (UC, ITP).
    if (
      j === j0 &&
      !nextCancer &&
      CANCER_ABBREVIATION.test(t.raw) &&
      !/\b(?:recurr|relaps|refractor)/i.test(text.slice(start, end))
    )
      return 'yes';
  }
  if (nextCancer && nextCancer.start - end <= 60) {
    // Modifiers between ("HER2-negative", "stage IV", "(NSCLC)") may be longer than six tokens.
    return nextCancer.accepted ? 'yes' : 'rejected';
  }
  const cStart = clauseStart(text, start);
  const before = text.slice(cStart, start);
  if (
    /\b(?:disease|cancer|tumou?rs?|malignanc(?:y|ies)|carcinoma|lymphoma|leuka?emia|myeloma|melanoma|sarcoma)\b[^.;]{0,25}\b(?:is|are|be|being|was|were|that is|which is|that are|considered|deemed|defined as|become|became|has become)\s*(?:either\s+|(?:fully|completely|surgically|technically)\s+)?$/i.test(
      before,
    )
  ) {
    const prevCancer = [...cancers].reverse().find((c) => c.end <= start && c.start >= cStart);
    return !prevCancer || prevCancer.accepted ? 'yes' : 'rejected';
  }
  // A criterion that is only the extent: "Metastatic disease", "Unresectable or metastatic", or the
  // predicate of a heading's subject ("is unresectable or metastatic").
  if (ONLY_EXTENT_BEFORE.test(text.slice(cStart, start)) && !text.slice(end, cEnd).replace(/[\s.,;:()]/g, ''))
    return 'yes';
  return 'no';
}

/** Determiners and hedges skipped when looking for the word that governs a piece. */
const SKIP_BEFORE = words('the a an their his her its any known documented evidence of');
/** Behaviours a coordination may list before an extent ("benign, malignant, or metastatic"). */
const BEHAVIOUR_WORD = words('benign malignant borderline primary secondary');
const THERAPY_WORD = words(
  'therapy therapies treatment treatments chemotherapy chemo regimen regimens drug drugs agent agents radiotherapy immunotherapy setting line lines surgery resection resections excision ablation irradiation',
);

/**
 * A disease-state phrase that is the object of a treatment ("therapy for metastatic disease",
 * "in the advanced setting", "chemotherapy for stage IV") describes the treatment's setting, which
 * the therapy extractor reads; it is not a statement about the patient's disease here.
 */
function governedByTreatment(input: ExtractInput, start: number): boolean {
  const { tokens, text } = input;
  const cStart = clauseStart(text, start);
  let i = tokenAt(tokens, start) - 1;
  while (i >= 0 && tokens[i]!.end > cStart && SKIP_BEFORE.has(tokens[i]!.norm) && tokens[i]!.norm !== 'of') i--;
  // "radiotherapy … for benign, malignant, or metastatic tumors": the other behaviours of one
  // coordination share its governor.
  if (i >= 1 && (tokens[i]!.norm === 'or' || tokens[i]!.norm === 'and') && BEHAVIOUR_WORD.has(tokens[i - 1]!.norm)) {
    // Tokens are words, so the commas between the behaviours are skipped with them.
    let j = i - 1;
    while (j >= 0 && tokens[j]!.end > cStart && BEHAVIOUR_WORD.has(tokens[j]!.norm)) j--;
    i = j;
    while (i >= 0 && tokens[i]!.end > cStart && SKIP_BEFORE.has(tokens[i]!.norm) && tokens[i]!.norm !== 'of') i--;
  }
  const t = tokens[i];
  if (!t || t.end <= cStart) return false;
  // "treatment-naïve (except for prior surgery) metastatic NSCLC", "after surgery (pN2)": a
  // bracket between them makes the word an aside, not the phrase's governor.
  if (/[()[\]]/.test(text.slice(t.end, start))) return false;
  const w = t.norm;
  if (w === 'of') {
    const before = tokens[i - 1];
    return !!before && (THERAPY_WORD.has(before.norm) || REJECT_GOV.has(before.norm));
  }
  if (w === 'for' || w === 'against' || w === 'after' || w === 'following' || w === 'from' || w === 'in') {
    // "in patients with metastatic…" is not a setting; "in the metastatic setting" is caught by
    // the anchor test ("setting").
    if (w === 'in') return false;
    return true;
  }
  return THERAPY_WORD.has(w);
}

/** Between a negation trigger and a finding: a clause break the negation should not cross. */
const NEGATION_LEAK =
  /[,;()]|\b(?:which|that|who|whose|but)\b|\b(?:and|or)\s+(?:have|has|had|is|are|was|were|must|should|will|may|can|be|been|received|receiving)\b/i;

function isMeasurable(c: Condition): boolean {
  if (isLeaf(c)) return c.fact === 'measurableDisease';
  return ('all' in c ? c.all : c.any).some(isMeasurable);
}

/** The cohort / arm / part label a criterion (or its heading) is scoped to, if any. */
function cohortLabel(input: ExtractInput): { text: string; start: number; end: number } | null {
  for (const [k, s] of [input.text, ...input.context].entries()) {
    // "Patients with …:" labels a subgroup only in the criterion itself; as a heading it usually
    // introduces a list ("Patients with any of the following:").
    for (const re of k === 0 ? COHORT_LABEL : COHORT_LABEL.slice(0, -1)) {
      const m = re.exec(s);
      // Offsets are meaningful only for a label in the criterion itself.
      if (m)
        return {
          text: m[0].replace(/\s*:$/, ''),
          start: k === 0 ? m.index : -1,
          end: k === 0 ? m.index + m[0].length : -1,
        };
    }
  }
  return null;
}

function judgeContext(
  input: ExtractInput,
  pieces: Piece[],
  label: { start: number; end: number } | null,
): JudgeContext {
  return {
    skip: pieces.filter((p) => p.kind !== 'measurable').map((p) => [p.start, p.end] as [number, number]),
    depths: parenDepths(input.text, input.tokens),
    label: label && label.start >= 0 ? label : null,
    mentions: input.mentions.filter((m) => m.type === 'cancer').map((m) => [m.start, m.end] as [number, number]),
    inside: pieces.filter((p) => p.kind === 'measurable').map((p) => [p.start, p.end] as [number, number]),
    labelled: new Set(
      input.mentions
        .filter(
          (m) =>
            m.type === 'cancer' &&
            /^\s*:/.test(input.text.slice(m.end, m.end + 3)) &&
            LABEL_OPENER.test(input.text.slice(clauseStart(input.text, m.start), m.start)),
        )
        .map((m) => m.start),
    ).size,
  };
}

/** Longer than any real criterion (the corpus maximum is about 4,200 characters): a pasted
 * document, left unread so that the work stays bounded. */
const MAX_LENGTH = 6000;
/** More cancer mentions than any real list (basket trials name about 30): a dump, left unread. */
const MAX_MENTIONS = 80;

/**
 * An inclusion that is nothing but a permission for the types it names ("Cutaneous, mucosal or
 * uveal melanoma are permitted", "Patients with … melanomas are eligible for enrollment"): no
 * other clause, condition or exception in it.
 */
const PERMISSION_SENTENCE =
  /^[^.;:]*?\b(?:is|are|will be)\s+(?:also\s+)?(?:permitted|eligible|allowed|acceptable)(?:\s+for\s+(?:enrol+ment|participation|(?:this|the)\s+(?:study|trial)))?\s*\.?\s*$/i;

/** Words of a permission's subject that say nothing about the patient's cancer. */
const PERMISSION_SUBJECT = words('patients patient participants participant subjects subject with both all and or either the a an');
/** The predicate that closes a permission or a restated exclusion, with a reason after it. */
const CLOSING_PREDICATE =
  /\b(?:is|are|will be)\s+(?:also\s+)?(?:excluded|permitted|eligible|allowed|acceptable)\b(?:\s+for\s+(?:enrol+ment|participation|(?:this|the)\s+(?:study|trial)))?(?:\s*,?\s*(?:as|because|since|given that|due to)\b[^.;]*)?\s*\.?\s*$/i;

/** A bracketed aside that widens what it follows: "(including …)", "(e.g. …)", "(such as …)". */
const WIDENING_ASIDE = /\(\s*(?:including|includes|e\.g\.?|such as|for example)\b[^()]*\)/gi;

/** Extent, stage, TNM, node and measurability pieces of a criterion, in text order. */
function diseasePieces(input: ExtractInput): Piece[] {
  return [
    ...extentPieces(input),
    ...stagePieces(input),
    ...tnmPieces(input),
    ...nodePieces(input),
    ...measurablePieces(input),
  ].sort((a, b) => a.start - b.start);
}

/**
 * The AJCC-style stage groups (as leaf substages) a finding requires: its one `stage` leaf, alone or
 * among the conditions it needs all of; null when it has none, several, or a system without
 * substages (BCLC, Rai…).
 */
function stageSetOf(c: Condition): Set<string> | null {
  const parts = isLeaf(c) ? [c] : 'all' in c ? c.all : [];
  const stages = parts.filter((p): p is LeafCondition => isLeaf(p) && p.fact === 'stage' && p.value === true);
  if (stages.length !== 1) return null;
  const groups = stages[0]!.params!['groups'] as string[];
  if (!groups.every((g) => STAGE_ORDER.includes(g))) return null;
  return new Set(groups.flatMap(stageLeaves));
}

const disjoint = (a: Set<string>, b: Set<string>): boolean => ![...a].some((x) => b.has(x));

/** The opposite of a finding of this extractor (De Morgan); every leaf it writes is `equal` a boolean. */
function opposite(c: Condition): Condition {
  if ('all' in c) return { any: c.all.map(opposite) };
  if ('any' in c) return { all: c.any.map(opposite) };
  return { ...c, value: !c.value };
}

export const extractDisease: Extractor = (input) => {
  const own = withoutSitelessHistology(input);
  return readDisease(own, true) ?? readDisease(own, false)!;
};

/** Histologies of many sites that rules/cancer-types.json names as groups ("squamous cell carcinoma"). */
const SITELESS_HISTOLOGY = new Set(['SQUAMOUS']);
/**
 * A site-less histology stands for a cancer of its own only where the criterion names no other
 * cancer. Beside one ("squamous cell carcinoma, adenosquamous carcinoma, or adenocarcinoma of the
 * cervix", "adenocarcinoma and squamous carcinoma of GC/GEJC", "cervical adenocarcinoma, cervical
 * squamous carcinoma") it is a histology of that cancer, which distributeOrgan and the site readers
 * take; read on its own it would widen the criterion to that histology at every site.
 */
function withoutSitelessHistology(input: ExtractInput): ExtractInput {
  const siteless = input.mentions.filter((m) => m.type === 'cancer' && SITELESS_HISTOLOGY.has(m.id));
  if (!siteless.length) return input;
  const sited = input.mentions.some((m) => m.type === 'cancer' && !SITELESS_HISTOLOGY.has(m.id) && !GENERIC.has(m.id));
  if (!sited) return input;
  return { ...input, mentions: input.mentions.filter((m) => !siteless.includes(m)) };
}

/**
 * "Uncertain diagnosis of melanoma i.e., so-called 'melanocytic lesion of unknown malignant
 * potential'" (exclusion): the patient whose diagnosis of the cancer is established is not excluded,
 * so the exclusion holds only for a patient without it, all(cancerType = false, unknown), the hedge
 * and what explains it kept as the unknown (a lesion of uncertain malignancy is no diagnosis the record
 * holds). Only the whole criterion in that frame, around one cancer that is not "any cancer": a
 * "suspected diagnosis" is a diagnosis expected, not denied, and is not this.
 */
const UNCERTAIN_DIAGNOSIS =
  /^\W*(?:(?:patients?|participants?|subjects?)\s+(?:with|having)\s+)?(?:an?\s+)?((?:uncertain|unconfirmed|equivocal|indeterminate|doubtful|questionable|ambiguous)\s+(?:(?:clinical|histologic(?:al)?|patholog(?:ic|ical)|histopatholog(?:ic|ical))\s+)?diagnosis\s+of)\s+/i;

function uncertainDiagnosis(input: ExtractInput): Finding | null {
  if (input.kind !== 'exclusion') return null;
  const m = UNCERTAIN_DIAGNOSIS.exec(input.text);
  if (!m) return null;
  const after = m.index + m[0].length;
  const cancers = input.mentions.filter((x) => x.type === 'cancer');
  const first = cancers[0];
  if (!first || first.start !== after || GENERIC.has(first.id)) return null;
  // Another cancer after it ("melanoma or intermediate/ambiguous melanocytic neoplasm") is an
  // alternative this frame does not read.
  if (cancers.some((x) => x !== first && (x.start < first.start || x.start >= first.end))) return null;
  const codes = resolveCodes([first.id], input);
  const rest = input.text.slice(first.end).trim().replace(/[.;]+$/, '');
  // What follows may only explain the hedge ("i.e., so-called …", "(MELTUMP or STUMP)").
  if (rest && !/^[,(]?\s*(?:i\.?\s?e\.?|e\.?\s?g\.?|so-called|\()/i.test(rest)) return null;
  const hedge = rest ? `${m[1]} … ${rest}` : m[1]!;
  return {
    category: 'cancer_type',
    condition: {
      all: [
        { fact: 'cancerType', operator: 'equal', value: false, params: { codes } },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: hedge.replace(/\s+/g, ' ') } },
      ],
    },
    spans: [[m.index + m[0].indexOf(m[1]!), input.text.length]],
    anchor: first.start,
    polarityHandled: true,
  };
}

/**
 * The disease findings of a criterion. With `asPermission`, an inclusion that is one permission
 * sentence reads its types as let in (see PERMISSION_SENTENCE); null when that reading does not
 * hold (an unread word before the predicate), so the caller reads the sentence the ordinary way.
 */
function readDisease(input: ExtractInput, asPermission: boolean): Finding[] | null {
  if (input.text.length > MAX_LENGTH) return [];
  const uncertain = uncertainDiagnosis(input);
  if (uncertain) return [uncertain];
  const otherHistology = histologyOtherThan(input, GENERIC, resolveCodes);
  if (otherHistology) return [otherHistology];
  // An inclusion item under "The following tumor types are excluded:" ("Colorectal cancer") says
  // what excludes: it is read as that exclusion (with its safeguards for narrowed types) and then
  // negated, "must not have colorectal cancer". Only an item read as one finding that names nothing
  // but cancers is negated here: several findings would be joined by the assembler after the
  // negation (De Morgan needs it before), an item with a negation of its own would be negated
  // twice, and other extractors' findings (a gene, a drug) know nothing of the heading. Other
  // items keep the older rule (cancer mentions under such a heading stay unread).
  const lead = input.context[input.context.length - 1];
  if (
    input.kind === 'inclusion' &&
    lead !== undefined &&
    EXCLUDED_LIST_LEAD.test(lead) &&
    !input.scopes.scopes.some((sc) => sc.kind === 'negated') &&
    input.mentions.every((m) => m.type === 'cancer')
  ) {
    const asExclusion = extractDisease({ ...input, kind: 'exclusion' });
    if (asExclusion.length === 1)
      return [{ ...asExclusion[0]!, condition: opposite(asExclusion[0]!.condition), polarityHandled: true }];
  }
  const cancerCount = input.mentions.reduce((n, m) => n + (m.type === 'cancer' ? 1 : 0), 0);
  // "Eligible disease cancer types:" followed by "Liver", "Head and neck", "Merkel Cell": an item
  // that names only the organ or site reads as that site's cancer, the way the list's other items
  // ("Breast cancer") do; the lexicon decides which "<item> cancer" / "<item> carcinoma" exists.
  // (parse.ts joins neighbouring cancer-type items into one `any`, so the list stays alternatives.)
  if (!input.mentions.length && input.kind === 'inclusion' && lead !== undefined) {
    const bare = BARE_ITEM.exec(input.text);
    if (
      bare &&
      TYPE_LIST_LEAD.test(lead) &&
      !EXCLUDING_CONTEXT.test(lead) &&
      !input.context.some((c) => OTHER_MALIGNANCY.test(c) || EXCLUDING_CONTEXT.test(c))
    ) {
      const site = bare[1]!;
      const ids =
        wholeMention(input, `${site} cancer`) ??
        wholeMention(input, `${site} carcinoma`) ??
        siteOfLead(input, lead, site);
      const codes = ids ? resolveCodes(ids, input) : [];
      if (codes.length && codes.every((c) => !GENERIC.has(c))) {
        const start = bare.index + bare[0].indexOf(site);
        const leaf: Condition = { fact: 'cancerType', operator: 'equal', value: true, params: { codes } };
        // A cohort named in the lead-in scopes the item as it does the list's other items.
        const label = cohortLabel(input);
        const condition: Condition = label
          ? { any: [leaf, { fact: 'unparsed', operator: 'equal', value: true, params: { text: label.text } }] }
          : leaf;
        return [{ category: 'cancer_type', condition, spans: [[start, start + site.length]], anchor: start }];
      }
    }
  }
  const hasCancer = cancerCount > 0 && cancerCount <= MAX_MENTIONS;
  const gated = gate(input);
  if (!hasCancer && !gated) return [];
  const pieces = gated ? diseasePieces(input) : [];
  const label = cohortLabel(input);
  const permission = asPermission && input.kind === 'inclusion' && !label && PERMISSION_SENTENCE.test(input.text);
  const cancers = hasCancer ? cancerItems(input, { ...judgeContext(input, pieces, label), permission }) : [];
  if (cancers.some((c) => c.accepted)) distributeOrgan(input, cancers);
  const out: Finding[] = cancerFindings(
    input,
    cancers,
    pieces.map((p) => [p.start, p.end]),
  );
  const otherCancer = cancers.some((c) => c.reason === 'other-malignancy');

  // Extents carried by an abbreviation (mCRC, RRMM) share the abbreviation's span.
  for (const c of cancers) {
    if (!c.accepted || !c.extents.length) continue;
    out.push({
      category: 'stage',
      condition: anyOf(c.extents.map((e) => extentLeaf(e))),
      spans: [c.spans[0]!],
      anchor: c.start,
    });
  }
  // Runs of adjacent pieces become one finding. A lone unknown word inside the list
  // ("locally advanced, unrespectable, or metastatic") stays in it as an unread alternative.
  const runs: Piece[][] = [];
  for (const p of pieces) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    const gap = prev ? input.text.slice(prev.end, p.start) : '';
    const linkable = last && prev && p.kind !== 'measurable' && prev.kind !== 'measurable' && p.start >= prev.end;
    // "locally advanced disease not amenable to curative treatment or metastatic disease": the state that
    // says why the disease is not resectable qualifies the one before it, in the same run; apart, the
    // "or metastatic" after it was joined to it alone and local disease demanded of everyone.
    // Not where the state before shares its noun with another ("metastatic or locally advanced disease
    // not amenable to curative resection", "advanced/metastatic disease not amenable …"): there the
    // qualifier is the shared noun's, and so of both.
    const before = last && last.length > 1 ? input.text.slice(last[last.length - 2]!.end, prev!.start) : null;
    const qualifies =
      /^\s+(?:disease|cancer|tumou?rs?)\s+(?:that\s+is\s+|which\s+is\s+)?$/i.test(gap) &&
      /^(?:(?:is|are|be|deemed|considered)\s+)?(?:not|no\s+longer)\b/i.test(input.text.slice(p.start, p.end)) &&
      (before === null || /\b(?:disease|cancer|tumou?rs?)\b/i.test(before));
    if (linkable && (STATE_GAP.test(gap) || qualifies)) {
      // Two stage lists side by side ("COG stage II–IV, FIGO stage IC") name the same patient's
      // stage in different systems or words: one finding with every group, never "both".
      const prevLeaf = prev.condition as LeafCondition;
      if (p.kind === 'stage' && prev.kind === 'stage' && !/\band\b/i.test(gap) && isLeaf(prev.condition)) {
        const both = [
          ...(prevLeaf.params!['groups'] as string[]),
          ...((p.condition as LeafCondition).params!['groups'] as string[]),
        ];
        // Prefixed systems (BCLC, Rai…) have no substages; AJCC-style groups are merged by range.
        const groups = both.every((g) => STAGE_ORDER.includes(g))
          ? compressStages(new Set(both.flatMap(stageLeaves)))
          : [...new Set(both)];
        prev.condition = { ...prevLeaf, params: { groups } };
        prev.spans = [
          ...(prev.spans ?? [[prev.start, prev.end]]),
          [prev.end, p.start],
          ...(p.spans ?? [[p.start, p.end]]),
        ];
        prev.end = p.end;
      } else last.push(p);
    } else if (linkable && LOOSE_STATE_GAP.test(gap)) {
      const w = LOOSE_STATE_GAP.exec(gap)!;
      const ws = prev.end + w.index + w[0].indexOf(w[1]!);
      last.push(
        {
          start: ws,
          end: ws + w[1]!.length,
          condition: { fact: 'unparsed', operator: 'equal', value: true, params: { text: w[1]! } },
          needsAnchor: true,
          kind: 'extent',
          unread: true,
        },
        p,
      );
    } else runs.push([p]);
  }
  for (const run of runs) {
    // Unknown state words keep the run's and/or structure ("recurrent or persistent") but never
    // make a finding on their own.
    if (run.every((p) => p.unread)) continue;
    const start = run[0]!.start;
    if (input.scopes.in('exception', start)) continue;
    if (otherCancer && run.every((p) => p.kind !== 'measurable')) continue;
    if (governedByTreatment(input, start) && run.some((p) => p.kind !== 'measurable')) continue;
    if (run.some((p) => p.needsAnchor)) {
      const a = anchored(input, run, cancers);
      if (a === 'rejected') continue;
      if (a === 'no' && !run.some((p) => p.kind === 'stage' || p.kind === 'tnm' || !p.needsAnchor)) continue;
    }
    // A conditional sentence ("If no measurable lesion … is selected, …", "Patients with bone pain
    // must have a bone scan showing no metastatic disease") states no requirement of its own.
    const before = input.text.slice(clauseStart(input.text, start), start);
    if (CONDITIONAL_BEFORE.test(before) || SUBJECT_MODAL.test(before)) continue;
    // "Prior adjuvant therapy is allowed provided it was administered … in patients with localized
    // disease": the extent dates the treatment a permission lets in; it is no requirement.
    if (PERMITTED_PROVIDED.test(input.text.slice(0, start).split(/[.;]\s/).pop() ?? '')) continue;
    // "Patients with stage I and stage II are only eligible if they meet the genetic criterion": the
    // extent or stage names whom a condition binds; required of everyone, it failed every stage III
    // patient the sentence before lets in.
    if (input.kind === 'inclusion' && WITH_SUBJECT_BEFORE.test(before) && ELIGIBLE_IF_AFTER.test(input.text.slice(run[run.length - 1]!.end)))
      continue;
    // "… within 12 months prior to the diagnosis of advanced/metastatic disease": the extent dates
    // what the exclusion is about; it does not exclude every patient who has it.
    if (input.kind === 'exclusion' && DIAGNOSIS_TIME_BEFORE.test(before)) continue;
    // "At least one of high-risk factors for recurrence (…, recurrent primary disease, …)": one
    // member of a list any one of which will do; required alone, it failed patients with another.
    if (
      input.kind === 'inclusion' &&
      AT_LEAST_ONE_OF.test(input.text.slice(0, start).split(/[.;]\s/).pop() ?? '')
    )
      continue;
    // One of two populations ("newly diagnosed … or recurrence of the disease"): required of neither.
    if (input.kind === 'inclusion' && run.some((p) => p.kind !== 'measurable') && otherCourseAlternative(input.text, run))
      continue;
    const polarity = run.every((p) => p.polarityHandled);
    const last = run[run.length - 1]!;
    // Zero-width marks at both ends keep unread members ("recurrent or persistent") inside the
    // phrase the assembler sees, without claiming their words were read.
    const ends: Array<[number, number]> = [
      [start, start],
      [last.end, last.end],
    ];
    let condition = joinPieces(run, input.text);
    // In an exclusion, unread words right after the phrase may narrow it ("COG stage III or IV EG",
    // "stage IV ovarian"): the exclusion then also needs them, as an unknown.
    if (input.kind === 'exclusion') {
      const tail = /^[ \t]*([A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*){0,3})/.exec(
        input.text.slice(last.end, clauseEnd(input.text, last.end)),
      );
      const firstWord = tail ? foldWord(tail[1]!.split(/\s+/)[0]!.toLowerCase()) : '';
      // A list member the mention's head was distributed to ("metastatic uveal or mucosal melanoma")
      // starts the mention as much as the mention's own words do.
      const inMention = cancers.some((c) =>
        [c.start, ...c.spans.map(([a]) => a)].some((a) => a >= last.end && a <= last.end + 2),
      );
      const narrowed = NARROWING_AFTER.exec(input.text.slice(last.end, clauseEnd(input.text, last.end)));
      if (tail && !inMention && !DISEASE_NOUN.has(firstWord) && !NEUTRAL_AFTER.has(firstWord)) {
        condition = {
          all: [condition, { fact: 'unparsed', operator: 'equal', value: true, params: { text: tail[1]! } }],
        };
      } else if (narrowed) {
        condition = {
          all: [condition, { fact: 'unparsed', operator: 'equal', value: true, params: { text: narrowed[1]! } }],
        };
      }
      // "pelvic node-only metastatic disease", "bone only metastatic": metastases at some sites and
      // no others, which the exclusion also needs (an unknown), not every metastatic patient.
      const onlyAt = /\b((?:[\w-]+\s+)?[\w]+(?:-|\s+)only)\s+$/i.exec(input.text.slice(Math.max(0, start - 40), start));
      if (onlyAt) {
        condition = {
          all: [condition, { fact: 'unparsed', operator: 'equal', value: true, params: { text: onlyAt[1]! } }],
        };
      }
    }
    out.push({
      category: 'stage',
      condition,
      spans: ends.concat(
        run.filter((p) => !p.unread).flatMap((p) => p.spans ?? [[p.start, p.end] as [number, number]]),
        run
          .slice(1)
          .filter((p, i) => !p.unread && !run[i]!.unread)
          .map((p) => [run[run.indexOf(p) - 1]!.end, p.start] as [number, number]),
      ),
      anchor: start,
      ...(polarity ? { polarityHandled: true } : {}),
      // A state read as a treatment's failure ("castration-resistant") reads prior therapy too.
      ...(run.some((p) => leavesOf(p.condition).some((l) => l.fact === 'priorTherapy')) ? { alsoReads: ['prior_therapy' as const] } : {}),
    });
  }

  // Several populations in one inclusion ("locally advanced head and neck cancer, stage III–IV,
  // and locally advanced cervical cancer, FIGO IIB–IVA"): the assembler would join them with
  // "and", demanding every cancer at once. Read only the union of the cancer types then; the
  // population-specific stage and extent words stay unread.
  const types = out.filter((f) => f.category === 'cancer_type' && isLeaf(f.condition));
  const distinct = new Set(types.map((f) => JSON.stringify((f.condition as LeafCondition).params)));
  // A type the inclusion denies ("adenocarcinoma of the prostate without neuroendocrine
  // differentiation or small cell histology") is no population of it: it must stay apart, to be negated.
  if (
    distinct.size > 1 &&
    types.length === out.filter((f) => f.category === 'cancer_type').length &&
    !/\bor\b/i.test(input.text.slice(types[0]!.spans[0]![1], types[types.length - 1]!.spans[0]![0])) &&
    !types.some((f) => input.scopes.in('negated', f.anchor ?? f.spans[0]![0]))
  ) {
    const codes = resolveCodes(
      types.flatMap((f) => (f.condition as LeafCondition).params!['codes'] as string[]),
      input,
    );
    const merged: Finding = {
      category: 'cancer_type',
      condition: { fact: 'cancerType', operator: 'equal', value: true, params: { codes } },
      spans: types.flatMap((f) => f.spans),
      anchor: types[0]!.anchor ?? types[0]!.spans[0]![0],
    };
    const rest = out.filter((f) => f.category !== 'cancer_type' && f.category !== 'stage');
    // One stage or extent phrase before a type that covers all the others ("unresectable (Stage
    // III/IV) or metastatic melanoma as follows: cutaneous …; mucosal …; ocular melanoma") describes
    // that one population and its subtypes: it stays.
    const states = out.filter((f) => f.category === 'stage' && !isMeasurable(f.condition));
    const covering = types.some(
      (f) => JSON.stringify((f.condition as LeafCondition).params!['codes']) === JSON.stringify(codes),
    );
    const headState =
      covering &&
      states.length === 1 &&
      (states[0]!.anchor ?? states[0]!.spans[0]![0]) < (types[0]!.anchor ?? types[0]!.spans[0]![0]);
    const keep = out.filter(
      (f) => f.category === 'stage' && (isMeasurable(f.condition) || (headState && f === states[0])),
    );
    out.length = 0;
    out.push(merged, ...keep, ...rest);
  }

  // A patient has one stage group. When two stage findings cannot hold at once ("stage IIb-c, III
  // and IV. Stage III … and stage IIb-c … are eligible", "patients with irresectable stage III
  // melanoma, … and patients with stage IV melanoma"), the assembler's "and" would make the
  // criterion unsatisfiable: the findings name alternatives and become one, any of them.
  // Where TNM categories stand beside the groups ("Stage IIIA (T3a N0 M0) Stage IIIB (…)") the runs
  // do not tell which group they go with, and the criterion is left as it is.
  // Only findings with nothing between them but words and no "or" are joined: the assembler pairs an
  // alternative's own cancer or extent with its stage ("stage III unresectable or stage IV
  // melanoma"), and that pairing must stay.
  const startOf = (f: Finding): number => Math.min(...f.spans.map((x) => x[0]));
  const endOf = (f: Finding): number => Math.max(...f.spans.map((x) => x[1]));
  const staged = out
    .filter((f) => f.category === 'stage' && !f.polarityHandled && stageSetOf(f.condition))
    .sort((a, b) => startOf(a) - startOf(b));
  const adjacent = staged.every(
    (f, i) =>
      i === 0 ||
      (!/\bor\b/i.test(input.text.slice(endOf(staged[i - 1]!), startOf(f))) &&
        !out.some((g) => !staged.includes(g) && startOf(g) >= endOf(staged[i - 1]!) && startOf(g) < startOf(f))),
  );
  if (
    staged.length >= 2 &&
    adjacent &&
    !out.some((f) => leavesOf(f.condition).some((l) => l.fact === 'tnm')) &&
    !staged.some((f) => input.scopes.in('negated', f.anchor ?? f.spans[0]![0])) &&
    staged.some((f, i) => staged.slice(i + 1).some((g) => disjoint(stageSetOf(f.condition)!, stageSetOf(g.condition)!)))
  ) {
    const merged: Finding = {
      category: 'stage',
      condition: { any: staged.map((f) => f.condition) },
      spans: staged.flatMap((f) => f.spans),
      anchor: staged[0]!.anchor ?? staged[0]!.spans[0]![0],
    };
    const rest = out.filter((f) => !staged.includes(f));
    out.length = 0;
    out.push(merged, ...rest);
  }

  // Negation that leaks past a clause ("inoperable, which cannot be treated…, or metastatic
  // TNBC") or a post-negation inside an exclusion list ("Stage IV patients … are excluded") would
  // flip a finding the text does not negate: such findings are left unread.
  const negated = input.scopes.scopes.filter((sc) => sc.kind === 'negated');
  for (let i = out.length - 1; i >= 0; i--) {
    const f = out[i]!;
    if (f.polarityHandled) continue;
    const at = f.anchor ?? f.spans[0]![0];
    const sc = negated.find((x) => at >= x.start && at < x.end);
    if (!sc) continue;
    // The assembler would negate it by the scope alone; the bracket says otherwise.
    if (!negationAt(input, at)) {
      out[i] = { ...f, polarityHandled: true };
      continue;
    }
    const post = sc.trigger[0] >= at;
    const between = post
      ? input.text.slice(Math.max(...f.spans.map((x) => x[1])), sc.trigger[0])
      : input.text.slice(sc.trigger[1], at);
    // A bracketed aside between the subject and "are excluded" ("Patients with distant metastasis
    // (including nonregional lymph nodes metastasis) will be excluded") does not break the clause.
    const aside = post ? between.replace(/\([^()]*\)/g, ' ') : between;
    if (NEGATION_LEAK.test(aside)) out.splice(i, 1);
    // "Patients with stage IV breast cancer are not eligible" in an exclusion list: the sentence
    // says what excludes; its own negation is already the exclusion, so the finding stays positive.
    else if (post && input.kind === 'exclusion') {
      // Words of the subject this extractor did not read ("… diagnosed with lung metastasis …
      // are excluded") narrow it: the exclusion then also needs them, as an unknown.
      const end = Math.max(...f.spans.map((x) => x[1]));
      const covered = out.flatMap((g) => g.spans);
      // An aside that widens the subject ("(including nonregional lymph node metastasis)") does not narrow it.
      const widening = [...input.text.slice(end, sc.trigger[0]).matchAll(WIDENING_ASIDE)].map((w): [number, number] => [
        end + w.index,
        end + w.index + w[0].length,
      ]);
      const rest = input.tokens.filter(
        (t) =>
          t.start >= end &&
          t.end <= sc.trigger[0] &&
          !NEUTRAL_AFTER.has(t.norm) &&
          !covered.some(([a, b]) => t.start >= a && t.end <= b) &&
          !widening.some(([a, b]) => t.start >= a && t.end <= b),
      );
      const condition: Condition = rest.length
        ? {
            all: [
              f.condition,
              {
                fact: 'unparsed',
                operator: 'equal',
                value: true,
                params: { text: input.text.slice(rest[0]!.start, rest[rest.length - 1]!.end) },
              },
            ],
          }
        : f.condition;
      out[i] = { ...f, condition, polarityHandled: true };
    }
  }

  // A criterion scoped to one cohort / arm / part holds only for patients in it: the finding is
  // joined with an unknown ("is the patient in that cohort?"), so it can confirm the requirement
  // for the right patients but never fail (inclusion) or exclude (exclusion) anyone on its own.
  if (label && out.length) {
    const unknown: LeafCondition = { fact: 'unparsed', operator: 'equal', value: true, params: { text: label.text } };
    for (const f of out)
      f.condition = input.kind === 'inclusion' ? { any: [f.condition, unknown] } : { all: [f.condition, unknown] };
  }
  // "Patient suspected of having, or with biopsy proven, malignant disease", "suspected (clinical) or
  // definitive (tissue) diagnosis of Stage III-IV melanoma": a suspected cancer is let in too, so the
  // disease named after it is not required of every patient (the record holds no suspicion). The
  // confirmed disease is one way in: any(finding, unknown "suspected …"), met by a patient whose
  // record holds the disease and unknown for any other, never failed on the finding alone.
  const suspected = input.kind === 'inclusion' ? SUSPECTED_OR_CONFIRMED.exec(input.text) : null;
  if (suspected) {
    const to = clauseEnd(input.text, suspected.index + suspected[0].length);
    const span: [number, number] = [suspected.index, suspected.index + suspected[0].length];
    for (const f of out) {
      const at = Math.min(...f.spans.map(([a]) => a));
      if (at < suspected.index || at >= to) continue;
      const end = Math.max(...f.spans.map(([, b]) => b));
      f.condition = { any: [f.condition, unreadWords(input.text.slice(suspected.index, end))] };
      f.spans = [...f.spans, span];
    }
  }
  // A permission lets the named patients in without requiring them: a patient with the type passes,
  // any other stays for a coordinator (the sentence does not say others are turned away).
  // The closing predicate ("are permitted", "are also excluded, as these are …") is what the reading
  // says; a reason after it adds no condition.
  const typeFinding = out.find((f) => f.category === 'cancer_type');
  const predicate = CLOSING_PREDICATE.exec(input.text);
  if (
    typeFinding &&
    predicate &&
    !/[.;:]/.test(input.text.slice(0, predicate.index)) &&
    (permission || (input.kind === 'exclusion' && /excluded/i.test(predicate[0]))) &&
    Math.max(...typeFinding.spans.map((x) => x[1])) <= predicate.index
  )
    typeFinding.spans = [...typeFinding.spans, [predicate.index, predicate.index + predicate[0].length]];
  // Every word before the predicate must be read or a plain subject word: an unread one may narrow
  // the type ("BRAF V600 mutant melanoma are eligible"), and the type alone would then pass too many.
  const covered = (at: number): boolean => out.some((f) => f.spans.some(([a, b]) => at >= a && at < b));
  const plain =
    !!predicate &&
    input.tokens.every(
      (t) => t.start >= predicate.index || covered(t.start) || PERMISSION_SUBJECT.has(t.norm) || !/\w/.test(t.raw),
    );
  if (permission && !(typeFinding && plain)) return null;
  if (permission) {
    const unknown: LeafCondition = {
      fact: 'unparsed',
      operator: 'equal',
      value: true,
      params: { text: input.text.trim().replace(/\.$/, '') },
    };
    for (const f of out) f.condition = { any: [f.condition, unknown] };
  }
  return out;
};

/**
 * How each cancer mention of a criterion was judged (null reason = read as the patient's
 * diagnosis). For tests and for reviewing what the extractor leaves unread.
 */
export function cancerMentionReasons(
  input: ExtractInput,
): Array<{ text: string; codes: string[]; reason: string | null }> {
  const pieces = gate(input) ? diseasePieces(input) : [];
  const label = cohortLabel(input);
  return cancerItems(input, judgeContext(input, pieces, label)).map((c) => ({
    text: input.text.slice(c.start, c.end),
    codes: c.codes,
    reason: c.reason ?? (label ? 'cohort' : null),
  }));
}

export const DISEASE_EXTRACTORS: Extractor[] = [extractDisease, extractMetastaticSites, extractTumour, extractDiagnosisConfirmation];
