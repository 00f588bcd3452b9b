/**
 * The state of the cancer under study beyond its type and stage: response status, tumour size and
 * resection margins.
 *
 *   "Progressive disease", "Documented radiographic disease progression"  → diseaseStatus = progressing
 *   "No evidence of disease (NED)", "In complete remission"                → diseaseStatus = no_evidence_of_disease
 *   "Partial response or better according to IMWG criteria"                → diseaseStatus in [responding, no_evidence_of_disease]
 *   "Tumor size ≤ 7 cm in the longest diameter", "Lesion > 15 mm"          → tumorSize (cm)
 *   "Clean surgical margins", "R0 resection", "Non-radical resection"      → resectionMargin
 *
 * Only the cancer under study is read: a sentence about another malignancy ("… unless no evidence of
 * disease for 5 years"), a conditional clause ("if SD at first evaluation, confirmed CR/PR is
 * required"), a phrase inside an exception, or a status said of something else ("radionecrosis vs
 * disease progression") is left unread.
 *
 * Tumour size is the longest diameter of the largest tumour. A limit on one chosen lesion ("target
 * lesion ≤ 7 cm", "lesion intended for injection > 10 cm") is weaker than one on the largest tumour
 * (the chosen lesion is never larger): an upper limit reads any(tumorSize ≤ x, unknown) and a lower
 * limit all(tumorSize ≥ x, unknown), so the rule is right whichever lesion the trial chooses.
 *
 * A status is the state now. Progression or response tied to a treatment or a time ("progression
 * on prior anti-PD-1", "progression within 6 months of adjuvant therapy") happened then and is left
 * to the therapy reader (a treatment outcome): the patient may have been treated since and be stable.
 * Tied to the latest treatment or to enrolment ("on or after the most recent therapy") it is read.
 *
 * An exclusion is read as sufficient for excluding when only its phrase is read; words around the
 * phrase that narrow it ("Rapidly progressive disease", "Large lesions > 15 mm") are therefore kept
 * beside it as an unparsed leaf, all(phrase, unknown), so the broader reading never excludes.
 */
import { isLeaf, type Condition, type DISEASE_STATUSES, type LeafCondition, type RESECTION_MARGINS } from '../facts';
import { foldWord } from '../text';
import type { ExtractInput, Extractor, Finding } from './extractor';
import { vocab as words } from './history-util';

type Status = (typeof DISEASE_STATUSES)[number];
type Margin = (typeof RESECTION_MARGINS)[number];


const unparsed = (text: string): LeafCondition => ({
  fact: 'unparsed',
  operator: 'equal',
  value: true,
  params: { text },
});

const oneOrIn = (fact: 'diseaseStatus' | 'resectionMargin', values: string[]): LeafCondition =>
  values.length === 1 ? { fact, operator: 'equal', value: values[0]! } : { fact, operator: 'in', value: values };

// ---------------------------------------------------------------------------------------------
// Shared guards.
// ---------------------------------------------------------------------------------------------

/** The sentence (or its lead-in) is about another cancer: its status and margins are not the patient's. */
const OTHER_CANCER =
  /\b(?:other|another|second|additional|prior|previous|concurrent|secondary|history\s+of)\s+(?:[\w-]+\s+){0,3}?(?:malignanc(?:y|ies)|cancers?|tumou?rs?|neoplasms?|primar(?:y|ies)|carcinomas?)\b|\bmalignanc(?:y|ies)\s+(?:other than|besides)\b|\bcured\b/i;

/** Words that open a condition or a scope: "if", "unless", "for patients with", "in case of". */
const CONDITIONAL =
  /\b(?:if|when|whenever|unless|in case|whose|for (?:patients|participants|subjects|those)|except|exception|provided|vs\.?|versus|rather than|instead of|differentiate|distinguish)\b/i;

const CLAUSE_BREAK = /[.;:]\s|[.;:]$|\n/g;

function clauseBounds(text: string, pos: number): [number, number] {
  let start = 0;
  let end = text.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) {
    if (m.index < pos) start = m.index + m[0].length;
    else {
      end = m.index;
      break;
    }
  }
  return [start, end];
}

/** Words that may stand before a phrase of the patient's own state without narrowing it. */
const SUBJECT_WORDS = words(
  'patient patients participant participants subject subjects individual individuals the must should shall will may ' +
    'have has had having be being been is are was were with who that demonstrate demonstrated demonstrates demonstrating ' +
    'show shows showed showing present presenting experience experienced experiencing develop developed achieve achieved ' +
    'achieving attain attained documented documentation confirmed evidence of presence known any a an at least ' +
    'minimum radiographic radiographically radiologic radiological radiologically clinical clinically objective ' +
    'objectively in currently current and or not no without histologically histopathologically pathologically cytologically verified proven ' +
    'to confirmation by imaging conventional',
);

/** Whether every word of `s` is a subject word or a list number ("3.1.3", "15A."). */
function onlySubjectWords(s: string): boolean {
  for (const w of s.split(/[\s,()*•-]+/)) {
    if (!w) continue;
    if (/^(?:\d+(?:\.\d+)*[a-z]?\.?|[a-z]\.|[ivx]+\.)$/i.test(w)) continue;
    if (!SUBJECT_WORDS.has(foldWord(w.toLowerCase().replace(/[^\w'-]/g, '')))) return false;
  }
  return true;
}

/** Trailing words naming how the state was judged, which say nothing more about it. */
const TRAILER = new RegExp(
  String.raw`^(?:\s*\([^()]{0,80}\))?` +
    String.raw`(?:\s*,?\s*(?:as\s+)?(?:(?:defined|assessed|determined|documented|confirmed|evaluated|measured)\s+)?(?:by|per|according\s+to|using|based\s+on|in\s+accordance\s+with|on)\s+(?:the\s+)?(?:(?:modified|revised|immune[- ]related)\s+)?(?:i?RECIST|mRECIST|iRECIST|RANO|Lugano|IMWG|International Myeloma Working Group|iwCLL|PCWG3?|Cheson|investigator|imaging|CT|MRI|PET(?:\/CT)?|radiographic imaging|scans?)(?:\s*\(\w+\))?(?:\s*(?:version|ver\.?|v\.?)?\s*\d(?:\.\d)?)?(?:\s+(?:response\s+)?(?:criteria|guidelines))?(?:\s*\([^()]{0,30}\))?)?` +
    String.raw`(?:\s*,?\s*(?:at|prior\s+to)\s+(?:the\s+)?(?:time\s+of\s+)?(?:study\s+)?(?:enrol(?:l)?ment|registration|randomi[sz]ation|screening|entry|inclusion|consent))?` +
    String.raw`\s*[,.;]?\s*(?:(?:and|or)\s*)?$`,
  'i',
);
/** The trailer at the start of the words after a phrase, read with it even when more follows. */
const TRAILER_START = new RegExp(TRAILER.source.replace(String.raw`\s*[,.;]?\s*(?:(?:and|or)\s*)?$`, ''), 'i');

/** A label that scopes the sentence to some patients ("For Melanoma:", "Cohort 2:", "Part B:"). */
const LABEL_LEAD =
  /^\W*(?:(?:for|in)\s+[^:.;]{1,60}|(?:cohorts?|arms?|parts?|groups?|phase|subgroup|stratum)\b[^:.;]{0,40}):/i;

/** The criterion's text can be about the patient's own cancer (no other cancer, no exception lead-in, no cohort label). */
function aboutOwnCancer(input: ExtractInput): boolean {
  if (OTHER_CANCER.test(input.text) || LABEL_LEAD.test(input.text)) return false;
  const lead = input.context[input.context.length - 1];
  return !(
    lead &&
    (OTHER_CANCER.test(lead) ||
      LABEL_LEAD.test(lead) ||
      /\b(?:except|exception|excluding|cohort|arm|part)\b/i.test(lead))
  );
}

/**
 * A finding for the phrase [start, end): its prefix in the clause must be the patient as subject;
 * in an exclusion, words after the phrase that are not a trailer narrow it and are kept as an
 * unparsed leaf beside it. Returns null when the phrase is not the patient's state.
 */
function stateFinding(
  input: ExtractInput,
  start: number,
  end: number,
  condition: Condition,
  opts: {
    subjectChecked?: boolean;
    narrow?: string | undefined;
    cover?: Array<[number, number]>;
    /** The phrase is a state now (response status): one tied to a treatment or a time is a past event. */
    current?: boolean;
    /** "Up to 3 metastases are permitted": an upper limit said as a permission is still a limit. */
    permissionIsLimit?: boolean;
  } = {},
): Finding | null {
  const { text } = input;
  const [cs, ce] = clauseBounds(text, start);
  const prefix = text.slice(cs, start);
  const subjectOnly = onlySubjectWords(prefix);
  if (!opts.subjectChecked && !subjectOnly) return null;
  if (CONDITIONAL.test(prefix) || input.scopes.in('exception', start)) return null;
  // "are also eligible", "may be enrolled": the state is one of the ways in, not a requirement.
  if (!opts.permissionIsLimit && PERMISSIVE.test(text.slice(cs, ce))) return null;
  // Followed by an alternative this reading does not hold ("progressive disease or failure to
  // achieve a response", "… OR have failed any regimen"), an inclusion would wrongly require it.
  const tail = text.slice(end, Math.max(end, ce));
  if (input.kind === 'inclusion' && ALTERNATIVE_AFTER.test(tail)) return null;
  // "Progression on prior anti-PD-1", "progression within 6 months of adjuvant therapy" happened
  // then: the patient may have been treated since and be stable now, so the current status does not
  // answer it (the therapy reader holds it as a treatment outcome). Tied to the latest treatment or
  // to enrolment ("on or after the most recent therapy"), it is the state now.
  let recentEnd = 0;
  if (opts.current) {
    const tied = TIED_AFTER.exec(tail);
    if (tied) {
      const recent = RECENT_OBJECT.exec(tail.slice(tied[0].length));
      if (!recent) return null;
      recentEnd = tied[0].length + recent[0].length;
    }
  }
  let c = condition;
  if (opts.narrow) c = { all: [c, unparsed(opts.narrow)] };
  const link = LINK_AFTER.exec(tail)![0];
  const rest = tail.slice(link.length);
  const trail = TRAILER.exec(rest);
  const cover: Array<[number, number]> = [...(opts.cover ?? [])];
  if (input.kind === 'exclusion' && !trail) {
    const t = tail.trim().replace(/\s*(?:[,.;]|\b(?:and|or))$/, '');
    if (t) {
      c = { all: [c, unparsed(t)] };
      const ts = end + tail.indexOf(t);
      cover.push([ts, ts + t.length]);
    }
  }
  const lead = trail ?? TRAILER_START.exec(rest);
  const spanEnd = Math.max(
    end + recentEnd,
    end + link.length + (lead && lead[0].trim() ? lead[0].replace(/[\s,.;]*(?:(?:and|or)\s*)?$/, '').length : 0),
  );
  // The patient as subject ("Patients must have documented …") is part of the phrase read.
  const spanStart = subjectOnly && prefix.trim() ? cs + prefix.search(/\S/) : start;
  return {
    category: 'stage',
    condition: c,
    spans: [[spanStart, Math.max(end, spanEnd)]],
    anchor: start,
    ...(cover.length ? { cover } : {}),
  };
}

/** Words that make the clause permissive: the state is allowed, not required. */
const PERMISSIVE =
  /\b(?:(?:are|is|will\s+be|may\s+be|be)\s+(?:also\s+)?(?:eligible|allowed|permitted|included|acceptable|enrolled)|may|can\s+be|not\s+(?:be\s+)?excluded)\b/i;
const ALTERNATIVE_AFTER =
  /^\s*(?:\([^()]*\)\s*)?,?\s*(?:or|and\/or|\/)(?:\b|\s)(?=\s*\w)|\bOR\b|,\s*or\b(?=\s*\w)|\bor\s*,|\bor\s+(?:no|not)\b|\bor\s+(?:have|has|had|be|is|are|been|were|was|who|whose|if|in\s+the\s+opinion|patients?|participants?|subjects?|failed|intoleran\w*|unable|ineligible|refus\w*)\b/;
/**
 * "… progression while on or after", "during or after": the link to what follows, no alternative. Words
 * that the progression was recorded may come first ("Progressive disease has been documented within 12
 * weeks from the last dose of …"): it is tied all the same.
 */
const TIED_AFTER =
  /^\s*(?:\([^()]*\)\s*)?,?\s*(?:(?:(?:has|have|had)\s+been\s+|was\s+|were\s+)?(?:documented|confirmed|observed|occurred)\s+)?(?:while\s+(?:on|receiving)|on|during|after|following|while|within|since|from|to|prior\s+to|before|[<>≤≥]=?|=[<>])(?=[\s\d])/i;
const RECENT =
  /^\s*(?:or\s+(?:after|following|within|on)\s+)?(?:the\s+|their\s+|his\s+|her\s+|its\s+)?(?:most\s+recent|last|latest|current|immediately\s+(?:prior|preceding)|(?:study\s+)?(?:entry|enrol\w*|registration|randomi[sz]ation|screening|inclusion))\b/i;
/** The latest treatment named after a recency word: "their last anti-myeloma regimen". */
const RECENT_OBJECT = new RegExp(
  RECENT.source.replace(/\\b\/?$/, '') +
    String.raw`(?:[^,.;()]{0,40}?\b(?:[\w-]*therap(?:y|ies)|treatments?|regimens?|lines?(?:\s+of\s+(?:therapy|treatment))?|doses?))?\b`,
  'i',
);
const LINK_AFTER =
  /^(?:\s+(?:while\s+(?:on|receiving)|on|during|after|following|while)(?:\s+(?:or|and\/or)\s+(?:after|following|within|on))?(?=\s))?/i;

// ---------------------------------------------------------------------------------------------
// Response status.
// ---------------------------------------------------------------------------------------------

const STATUS_ATOM = new RegExp(
  [
    // 1: progressing
    // ("Tumors must be progressing at the time of enrollment": the requirement's verb between them)
    String.raw`((?:(?:disease|tumou?r|cancer)\s+progression|(?:disease|cancer|tumou?rs?|malignancy)\s+(?:must|should|has\s+to|have\s+to)\s+be\s+progressi(?:ng|ve)\b|progressi(?:ve|ng)\s+(?:disease|cancer|tumou?rs?|malignancy)|progression\s+of\s+(?:(?:the|their|his|her)\s+)?(?:disease|cancer|tumou?rs?|malignancy)|(?:radiographic(?:al)?|radiologic(?:al)?)\s+progression)(?:\s*\(\s*PD\s*\))?)`,
    // 2: no evidence of disease; "disease-free (status)", "absence of residual disease", "no evidence
    // of (UM) recurrence": free of the cancer now (a time after them, "for 5 years", is another
    // cancer's history and is not read)
    String.raw`(no\s+(?:(?:clinical|radiologic(?:al)?|radiographic)\s+)?evidence\s+of\s+(?:active\s+|residual\s+|measurable\s+|gross\s+)?(?:disease|cancer|tumou?r|malignancy)(?!\s+(?:recurrence|relapse|progression|for\b))(?:\s*\(\s*NED\s*\))?` +
      String.raw`|no\s+(?:(?:clinical|radiologic(?:al)?|radiographic)\s+)?evidence\s+of\s+(?:(?:disease|cancer|tumou?r|[A-Z]{2,5})\s+)?(?:recurrence|relapse)(?:\s+of\s+(?:the\s+)?(?:disease|cancer))?(?!\s+(?:of|for|after|within|since|in)\b)` +
      String.raw`|(?<![\w-])disease[- ]free(?:\s+status)?(?![- ](?:survival|interval|period|progression))(?!\s+(?:survival|interval|period|for|of|since|after|from|at)\b)` +
      String.raw`|absence\s+of\s+(?:any\s+)?(?:residual\s+|gross\s+|macroscopic\s+)?(?:disease|tumou?r|cancer)(?!\s+(?:recurrence|relapse|progression|for\b)))`,
    // 3: remission, 4: its kind
    String.raw`((?:(first|second|1st|2nd|morphologic(?:al)?|hematologic(?:al)?|cytogenetic|molecular|stringent)\s+)?(?:(complete|partial)\s+)?remission(?:\s*\(\s*(?:CR|PR|CR1|CR2)\s*\))?)`,
    // 6: response, 7: narrowing kind, 8: complete / partial
    String.raw`((?:(pathologic(?:al)?|metabolic|molecular|cytogenetic|hematologic(?:al)?|minimal|minor|very\s+good)\s+)?(complete|partial)\s+(?:(?:metabolic|pathologic(?:al)?|radiologic(?:al)?)\s+)?response(?:\s*\(\s*(?:CR|PR|VGPR)\s*\))?)`,
    // 9: stable disease
    String.raw`(stable\s+disease(?:\s*\(\s*SD\s*\))?)`,
  ].join('|'),
  'gi',
);

/** "complete or partial response/remission": the first adjective shares the noun. */
const ELLIPTIC =
  /\b(complete|partial)\s*(?:,\s*|\s+or\s+|\s+and\/or\s+|\s*\/\s*)(?=(?:complete|partial)\s+(?:response|remission))/gi;

const ATOM_GAP = /^\s*(?:,\s*(?:or\s+|and\/or\s+)?|\s+or\s+|\s+and\/or\s+|\s*\/\s*)$/i;
const OR_BETTER = /^\s*(?:or\s+(?:better|higher|more)|and\s+above)\b/i;
const AT_LEAST = /\b(?:at\s+least|a\s+minimum\s+of|minimum\s+of|or\s+better\s+than)\s*(?:a\s+)?$/i;

/** Words before a status that narrow it to a part of the disease or a pace no fact holds. */
const NARROWING =
  /\b(rapidly|rapid|symptomatic|bulky|extensive|widespread|significant|clinically significant|intracranial|extracranial|CNS|local|locoregional|systemic|nodal|visceral|biochemical|PSA|serological|isolated|limited|first|second|further|subsequent|early|new)(?:\s+|-)$/i;

const BRAIN = /\b(?:brain|CNS|central nervous system|intracranial|cerebral|leptomeningeal|radionecrosis)\b/i;

const ORDER: Status[] = ['no_evidence_of_disease', 'responding', 'stable', 'progressing'];
const sortStatuses = (s: Set<Status>): Status[] => ORDER.filter((x) => s.has(x));

interface Atom {
  start: number;
  end: number;
  values: Status[];
  /** A qualifier read as unknown ("first" remission, "molecular" response). */
  qualifier?: string;
  /** The phrase names something the fact cannot hold (pathological complete response). */
  skip?: boolean;
}

function statusAtoms(text: string): Atom[] {
  const out: Atom[] = [];
  ELLIPTIC.lastIndex = 0;
  for (let m = ELLIPTIC.exec(text); m; m = ELLIPTIC.exec(text)) {
    out.push({
      start: m.index,
      end: m.index + m[1]!.length,
      values: m[1]!.toLowerCase() === 'complete' ? ['no_evidence_of_disease'] : ['responding'],
    });
  }
  STATUS_ATOM.lastIndex = 0;
  for (let m = STATUS_ATOM.exec(text); m; m = STATUS_ATOM.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (out.some((a) => start < a.end && end > a.start)) continue;
    if (/\bnon[- ]?$/i.test(text.slice(Math.max(0, start - 4), start))) {
      out.push({ start, end, values: [], skip: true });
      continue;
    }
    if (m[1]) out.push({ start, end, values: ['progressing'] });
    else if (m[2]) out.push({ start, end, values: ['no_evidence_of_disease'] });
    else if (m[3]) {
      const kind = m[5]?.toLowerCase();
      const values: Status[] =
        kind === 'complete'
          ? ['no_evidence_of_disease']
          : kind === 'partial'
            ? ['responding']
            : ['no_evidence_of_disease', 'responding'];
      out.push({ start, end, values, ...(m[4] ? { qualifier: m[4] } : {}) });
    } else if (m[6]) {
      const narrow = m[7]?.toLowerCase();
      const values: Status[] = m[8]!.toLowerCase() === 'complete' ? ['no_evidence_of_disease'] : ['responding'];
      // A pathological complete response is judged on the resected specimen after neoadjuvant
      // therapy; a patient without one may still have no evidence of disease now.
      if (narrow && /^(?:pathologic|minimal|minor|very)/.test(narrow)) out.push({ start, end, values, skip: true });
      else out.push({ start, end, values, ...(narrow ? { qualifier: m[7] } : {}) });
    } else if (m[9]) out.push({ start, end, values: ['stable'] });
  }
  // "SD/PD according to RECIST": the response categories' own abbreviations, read only where the
  // response criteria are named right after them (elsewhere "PD" is PD-1, Parkinson's disease…).
  STATUS_ABBREVIATION.lastIndex = 0;
  for (let m = STATUS_ABBREVIATION.exec(text); m; m = STATUS_ABBREVIATION.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (out.some((a) => start < a.end && end > a.start)) continue;
    const values: Status[] = m[0].split(/\s*(?:\/|,|\bor\b|\band\/or\b)\s*/).map((a) => ABBREVIATED_STATUS[a]!);
    if (!RESPONSE_CRITERIA_AFTER.test(text.slice(end)) || WORSE_THAN_BEFORE.test(text.slice(Math.max(0, start - 20), start)))
      continue;
    out.push({ start, end, values: [...new Set(values)] });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** RECIST / Lugano / IMWG response categories by their abbreviations (RECIST 1.1 §4.3). */
const ABBREVIATED_STATUS: Record<string, Status> = {
  CR: 'no_evidence_of_disease',
  PR: 'responding',
  SD: 'stable',
  PD: 'progressing',
};
const STATUS_ABBREVIATION = /(?<![\w-])(?:CR|PR|SD|PD)(?:\s*(?:\/|,|\bor\b|\band\/or\b)\s*(?:CR|PR|SD|PD))*(?![\w-])/g;
const RESPONSE_CRITERIA_AFTER =
  /^\s*\(?\s*(?:according\s+to|per|by|as\s+(?:defined|assessed|determined)\s+by)\s+(?:the\s+)?(?:(?:modified|revised|immune[- ]related)\s+)?(?:i|m|ir)?RECIST|^\s*\(?\s*(?:according\s+to|per|by)\s+(?:the\s+)?(?:Lugano|RANO|IMWG|iwCLL)\b/i;
/** "less than a CR", "no better than PR": a bound this reading would turn into the status itself. */
const WORSE_THAN_BEFORE = /\b(?:than|non|not|no)\s*(?:an?\s+)?$/i;

function statusFindings(input: ExtractInput): Finding[] {
  const { text } = input;
  const atoms = statusAtoms(text);
  if (!atoms.length) return [];
  // Stable or progressing brain metastases are the brain-metastasis fact's (history-brain.ts); a
  // stable autoimmune disease or infection is the condition's.
  if (BRAIN.test(text) || input.context.some((c) => BRAIN.test(c))) return [];
  if (input.mentions.some((m) => m.type === 'condition')) return [];
  // A status named as an alternative the text allows under a condition ("… may be treated if they
  // present with stable disease") makes every status of the criterion conditional on it.
  if (atoms.some((a) => a.skip)) return [];
  for (const a of atoms) {
    const [cs] = clauseBounds(text, a.start);
    if (CONDITIONAL.test(text.slice(cs, a.start))) return [];
  }
  // Runs of alternatives: "stable disease or partial response", "CR, PR or SD".
  const runs: Atom[][] = [];
  for (const a of atoms) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && ATOM_GAP.test(text.slice(prev.end, a.start))) last.push(a);
    else runs.push([a]);
  }
  const out: Finding[] = [];
  for (const run of runs) {
    const start = run[0]!.start;
    let end = run[run.length - 1]!.end;
    const values = new Set(run.flatMap((a) => a.values));
    const better = OR_BETTER.exec(text.slice(end));
    const atLeast = AT_LEAST.exec(text.slice(Math.max(0, start - 30), start));
    if (better || atLeast) {
      // "partial response or better", "at least stable disease": the better states count too.
      const worst = Math.max(...[...values].map((v) => ORDER.indexOf(v)));
      for (const v of ORDER.slice(0, worst + 1)) values.add(v);
      if (better) end += better[0].length;
    }
    let phraseStart = start;
    if (atLeast) phraseStart = start - atLeast[0].length;
    const narrow = NARROWING.exec(text.slice(Math.max(0, phraseStart - 40), phraseStart));
    const qualifiers = [...(narrow ? [narrow[1]!] : []), ...run.flatMap((a) => (a.qualifier ? [a.qualifier] : []))];
    if (narrow) phraseStart -= narrow[0].length;
    const leaf = oneOrIn('diseaseStatus', sortStatuses(values));
    // A qualifier inside the phrase is part of it; one before it ("rapidly progressive") narrows it.
    const f = stateFinding(input, phraseStart, end, leaf, {
      narrow: qualifiers.length ? qualifiers.join(' ') : undefined,
      current: true,
    });
    if (!f) continue;
    // "No evidence of disease" carries its own negation.
    if (run.some((a) => /^no\b/i.test(text.slice(a.start, a.end)))) f.polarityHandled = true;
    out.push(f);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tumour size.
// ---------------------------------------------------------------------------------------------

const UNIT = String.raw`(mm|cm|millimet(?:er|re)s?|centimet(?:er|re)s?)\b`;
const NUM = String.raw`(\d+(?:\.\d+)?)`;
const CMP_BEFORE = String.raw`(<=|=<|≤|>=|=>|≥|<|>|less than or equal to|greater than or equal to|less than|smaller than|greater than|larger than|bigger than|more than|exceeding|exceeds?|at least|at most|up to|no (?:more|larger|greater|bigger) than|not (?:more|larger|greater|bigger) than|not exceeding|maximum(?: of)?|minimum(?: of)?|over|under|below|above)`;
const CMP_AFTER = String.raw`(or less|or smaller|or more|or larger|or greater|or above|or below|and above|and below)`;
const SIZE_RE = new RegExp(
  String.raw`(?:between\s+${NUM}\s*(?:${UNIT})?\s*and\s+${NUM}\s*${UNIT})|(?:${NUM}\s*(?:${UNIT})?\s*(?:-|–|to)\s*${NUM}\s*${UNIT})|(?:${CMP_BEFORE}\s*${NUM}\s*${UNIT})|(?:${NUM}\s*${UNIT}\s*${CMP_AFTER})`,
  'gi',
);

/** Words after a size that say which dimension or how it was seen: "in the longest diameter", "on MRI". */
const SIZE_TAIL =
  /^(?:\s*(?:\(\s*(?:largest|longest|greatest|maximum)\s+(?:diameter|dimension)[^()]{0,30}\)|(?:in|of|at)\s+(?:the\s+)?(?:(?:longest|largest|greatest|maximum|maximal|widest)\s+)?(?:diameter|dimension|size|axis|point)|on\s+(?:MRI|CT|imaging|ultrasound|MR imaging|PET\/CT)))*/i;

const toCm = (n: string, unit: string | undefined): number => {
  const v = Number(n);
  return unit && /^m/i.test(unit) ? Math.round(v * 100) / 1000 : v;
};

const SIZE_NOUN = words('tumor tumors lesion lesions mass masses nodule nodules neoplasm size diameter dimension');
/** Words between the subject and the number that add nothing ("tumor size ≤", "lesion must measure ≤"). */
const SIZE_FILLER = words(
  'size diameter dimension dimensions longest largest greatest maximum maximal max minimum minimal widest axial measuring measure measures measured must should be is are of with in a the that which on by having has have total single tumor lesion ' +
    'mri ct ultrasound imaging point its their each all any one between',
);
/** Words that make the size another thing's: nodes, the brain, a distance, a thickness, a cyst. */
const SIZE_VETO =
  /\b(?:lymph|nodes?|nodal|short[- ]axis|brain|CNS|intracranial|cerebral|spinal|cord|measurable|RECIST|evaluable|accurately|serially|margins?|from|distance|depth|deep|thick(?:ness)?|Breslow|verge|cysts?|nevus|nevi|polyps?|component|DCIS|in situ|cavity|edema|defect|vessels?|artery|within|away|proximity|wall|ulcer\w*|effusions?|skin|area|invasion|spacing|apart|bone|dose|field|volume|margin|resection|excision|metastas[ie]s|weigh\w*|BMI|aggregate|each|multiple|cumulative|combined|total)\b/i;
/** A criterion that defines measurable disease or speaks of brain metastases sizes its lesions for that. */
const SIZE_TEXT_VETO =
  /\b(?:measurable|measured|RECIST|evaluable|techniques?|BMs?|WBRT|SRS|brain|CNS|intracranial|sum|haemorrhage|hemorrhage|bleeding)\b/i;
const DIAGNOSIS_WORDS = words(
  'histologically cytologically pathologically confirmed proven diagnosis diagnosed of with',
);
/** Qualifiers that name one chosen lesion, which is never larger than the largest tumour. */
const CHOSEN =
  /\b(target|index|injected|injectable|intended|treated|study|selected|biopsied|irradiated|ablated|dominant|primary)\b/i;
const AT_LEAST_ONE = /\bat\s+least\s+(?:one|1)\b/i;

function sizeFindings(input: ExtractInput): Finding[] {
  const { text } = input;
  if (!/\d\s*(?:mm|cm|millim|centim)/i.test(text) || SIZE_TEXT_VETO.test(text)) return [];
  const out: Finding[] = [];
  let prevEnd = -1;
  SIZE_RE.lastIndex = 0;
  for (let m = SIZE_RE.exec(text); m; m = SIZE_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length + SIZE_TAIL.exec(text.slice(start + m[0].length))![0].length;
    const [cs, ce] = clauseBounds(text, start);
    const clause = text.slice(cs, ce);
    if (SIZE_VETO.test(clause) || CONDITIONAL.test(text.slice(cs, start))) continue;
    let leaves: LeafCondition[];
    const leaf = (operator: LeafCondition['operator'], v: number): LeafCondition => ({
      fact: 'tumorSize',
      operator,
      value: v,
    });
    if (m[1] || m[5]) {
      // A range: "between 5 mm and 3 cm", "30-150 mm".
      const lo = m[1] ? toCm(m[1], m[2] ?? m[4]) : toCm(m[5]!, m[6] ?? m[8]);
      const hi = m[1] ? toCm(m[3]!, m[4]) : toCm(m[7]!, m[8]);
      // "at least one tumour 30–150 mm": the largest may lie above the range.
      if (AT_LEAST_ONE.test(clause)) continue;
      leaves = [leaf('greaterThanInclusive', lo), leaf('lessThanInclusive', hi)];
    } else {
      const cmp = (m[9] ?? m[14])!.toLowerCase();
      const cm = m[9] ? toCm(m[10]!, m[11]) : toCm(m[12]!, m[13]);
      const op: LeafCondition['operator'] | undefined =
        /^(?:<=|=<|≤|less than or equal|at most|up to|no |not |maximum|or less|or smaller|and below|or below)/.test(cmp)
          ? 'lessThanInclusive'
          : /^(?:<|less than|smaller than|under|below)/.test(cmp)
            ? 'lessThan'
            : /^(?:>=|=>|≥|greater than or equal|at least|minimum|or more|or larger|or greater|and above|or above)/.test(
                  cmp,
                )
              ? 'greaterThanInclusive'
              : 'greaterThan';
      leaves = [leaf(op, cm)];
    }
    // "≥ 0.5 cm, but ≤ 3 cm": a second limit on the same subject joins the first.
    const prev = out[out.length - 1];
    if (
      prev &&
      prevEnd >= cs &&
      /^\s*,?\s*(?:but|and)?\s*$/.test(text.slice(prevEnd, start)) &&
      isLeaf(prev.condition)
    ) {
      prev.condition = { all: [prev.condition, ...leaves] };
      prev.spans.push([prevEnd, end]);
      prevEnd = end;
      continue;
    }
    // The subject: walking back from the number over filler words, the first other word must be
    // a tumour noun or a size word.
    const before = text.slice(cs, start);
    const toks = before.split(/[^\w-]+/).filter(Boolean);
    let i = toks.length - 1;
    let subject = false;
    while (i >= 0) {
      const w = foldWord(toks[i]!.toLowerCase());
      if (SIZE_NOUN.has(w)) subject = true;
      if (!SIZE_FILLER.has(w) && !SIZE_NOUN.has(w)) break;
      i--;
    }
    if (!subject) continue;
    const chosen = CHOSEN.exec(before);
    // The words before the subject must be the patient or a chosen lesion ("target"); others
    // ("nodular basal cell carcinoma lesions", "metastatic lesion") are a qualifier the size is
    // read beside.
    // Words of a cancer named as the diagnosis ("nodular basal cell carcinoma with lesion diameter
    // ≤ 1 cm") are read by disease.ts; they name the tumour, not one lesion among others.
    const cancerWords = new Set(
      input.mentions
        .filter((mm) => mm.type === 'cancer' && mm.end <= start && mm.start >= cs)
        .flatMap((mm) => text.slice(mm.start, mm.end).split(/[^\w-]+/)),
    );
    const restWords = toks.slice(0, i + 1).filter((w) => !cancerWords.has(w) && !DIAGNOSIS_WORDS.has(w.toLowerCase()));
    while (restWords.length && SUBJECT_WORDS.has(foldWord(restWords[0]!.toLowerCase()))) restWords.shift();
    const restBefore = restWords.join(' ');
    const qualifier = chosen ? chosen[1]! : restBefore && !onlySubjectWords(restBefore) ? restBefore : undefined;
    // A range said of a chosen lesion has an upper limit the largest tumour need not meet; its lower
    // limit still holds for the largest ("index lesion measuring between 1 cm - 7 cm": the largest
    // tumour is ≥ 1 cm), and the rest stays an unknown beside it.
    let rangeRest: string | undefined;
    if (qualifier && leaves.length > 1) {
      rangeRest = `${qualifier} lesion ≤ ${leaves[1]!.value as number} cm`;
      leaves = [leaves[0]!];
    }
    const qualifierAt = chosen ? cs + chosen.index : qualifier ? cs + before.indexOf(restWords[0]!) : -1;
    let condition: Condition = leaves.length === 1 ? leaves[0]! : { all: leaves };
    if (rangeRest) condition = { all: [condition, unparsed(rangeRest)] };
    else if (qualifier) {
      const upper = leaves.every((l) => l.operator === 'lessThan' || l.operator === 'lessThanInclusive');
      condition = upper ? { any: [condition, unparsed(qualifier)] } : { all: [condition, unparsed(qualifier)] };
    }
    const first = toks[i + 1] ?? '';
    const subjectAt = first ? before.lastIndexOf(first, before.length) : before.length;
    const f = stateFinding(input, cs + Math.max(0, subjectAt), end, condition, {
      subjectChecked: true,
      ...(qualifier ? { cover: [[qualifierAt, qualifierAt + (chosen ? chosen[1]!.length : restBefore.length)]] } : {}),
    });
    if (!f) continue;
    prevEnd = end;
    f.anchor = start;
    out.push(f);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Number of metastases.
// ---------------------------------------------------------------------------------------------

const COUNT_WORD: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const C_NUM = String.raw`(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
/** A limit before the noun: 1 range lo, 2 range hi, 3 upper-bound words, 4 its number, 5 lower-bound words, 6 its number, 7 number, 8 "or fewer" / "or more". */
const COUNT_BOUND =
  String.raw`(?:(?:between\s+|(?:a\s+)?max(?:imum)?(?:\s+of)?\s+)?${C_NUM}\s*(?:-|–|to|and)\s*${C_NUM}` +
  String.raw`|(up\s+to|no\s+more\s+than|not\s+more\s+than|(?:a\s+)?max(?:imum)?\.?(?:\s+of)?|at\s+most|fewer\s+than|less\s+than|<=|=<|≤|<)\s*${C_NUM}` +
  String.raw`|(more\s+than|greater\s+than|over|>=|=>|≥|>|at\s+least|(?:a\s+)?minimum\s+of)\s*${C_NUM}` +
  String.raw`|${C_NUM}\s+(or\s+(?:fewer|less|more|greater)|and\s+(?:above|more))(?:\s+total)?)`;
/** The counted noun: 10 metastases, 11 sites of metastatic disease, 12 lesions (in the brain only). */
const COUNT_NOUN =
  String.raw`(?:((?:oligo[- ]?)?metastas[ie]s|metastatic\s+(?:lesions?|deposits?|tumou?rs?)|BMs?\b)` +
  String.raw`|((?:metastatic|oligometastatic)\s+sites?|sites?\s+of\s+(?:(?:oligo[- ]?)?metastas[ie]s|(?:metastatic|oligometastatic|progressive|progressing)\s+disease|disease\s+progression))` +
  String.raw`|(lesions?\s+in\s+the\s+brain|lesions?))`;
/** 9: words between the limit and the noun, up to four, a parenthesis among them ("central nervous system (CNS)"). */
const COUNT_MODS = String.raw`((?:(?:\([\w\s-]{1,20}\)|[\w-]+)\s+){0,4}?)`;
const COUNT_RE = new RegExp(String.raw`(?<![\w.,])` + COUNT_BOUND + String.raw`\s+` + COUNT_MODS + COUNT_NOUN + String.raw`(?![\w-])`, 'gi');
/** The limit after the noun: "the total number of (brain) metastases is ≤ 5", "number of oligometastases of 1-5". */
const COUNT_AFTER_RE = new RegExp(
  String.raw`(?<![\w-])(?:(?:the\s+)?total\s+)?number\s+of\s+` +
    COUNT_MODS +
    COUNT_NOUN +
    String.raw`\s*(?:(?:is|must\s+be|should\s+be|of)\s+|:\s*)?` +
    COUNT_BOUND +
    String.raw`(?![\w-])`,
  'gi',
);

/** A match of either limit regex, its groups laid out as COUNT_RE's (1–8 limit, 9 words between, 10–12 noun). */
interface CountMatch {
  index: number;
  length: number;
  g: Array<string | undefined>;
}

function countMatches(text: string): CountMatch[] {
  const out: CountMatch[] = [];
  COUNT_RE.lastIndex = 0;
  for (let m = COUNT_RE.exec(text); m; m = COUNT_RE.exec(text)) out.push({ index: m.index, length: m[0].length, g: [...m] });
  COUNT_AFTER_RE.lastIndex = 0;
  for (let m = COUNT_AFTER_RE.exec(text); m; m = COUNT_AFTER_RE.exec(text)) {
    if (out.some((o) => m!.index < o.index + o.length && m!.index + m![0].length > o.index)) continue;
    out.push({ index: m.index, length: m[0].length, g: [m[0], ...m.slice(5, 13), m[1], m[2], m[3], m[4]] });
  }
  return out;
}

const BRAIN_WORDS = words('brain cns intracranial cerebral central nervous system (cns) bm bms');
const EXTRACRANIAL_WORDS = words('extracranial extra-cranial');
const PROGRESSIVE_WORDS = words('progressive progressing');
/** Words that add nothing to what is counted. */
const COUNT_FILLER = words('total separate distinct known radiographic radiographically documented of detectable visible');
/** Words after the noun that restrict what is counted to some of the metastases ("in one organ", "that are untreated"). */
const COUNT_RESTRICT =
  /^\s*(?:in\s+(?:one|a\s+single|the\s+same|any\s+(?:one|single))\s+organ|per\s+organ|(?:that|which)\s+(?:are|is|were|can|could|have)\b[^,;.()]*)/i;

const GONE_WORDS = words('excised resected removed ablated');
const PERMISSION_END = /\s+(?:are|is|will\s+be|may\s+be)\s+(?:also\s+)?(?:eligible|allowed|permitted|included|acceptable)$/i;

function countFindings(input: ExtractInput): Finding[] {
  const { text } = input;
  const out: Finding[] = [];
  for (const { index, length, g: m } of countMatches(text)) {
    const start = index;
    let end = start + length;
    const num = (x: string): number => COUNT_WORD[x.toLowerCase()] ?? Number(x);
    let lo: number | undefined;
    let hi: number | undefined;
    let strictHi = false;
    let strictLo = false;
    if (m[1]) {
      lo = num(m[1]);
      hi = num(m[2]!);
      if (lo > hi) continue;
    } else if (m[3]) {
      hi = num(m[4]!);
      strictHi = /^(?:fewer|less|<(?!=))/i.test(m[3]);
    } else if (m[5]) {
      lo = num(m[6]!);
      strictLo = /^(?:more|greater|over|>(?!=))/i.test(m[5]);
    } else {
      const n = num(m[7]!);
      if (/fewer|less/i.test(m[8]!)) hi = n;
      else lo = n;
    }
    // "at least one metastasis": having metastases, which the extent and site readers hold.
    if (lo !== undefined && (strictLo ? lo < 1 : lo <= 1)) lo = undefined;
    if (lo === undefined && hi === undefined) continue;
    const params: { site?: 'brain' | 'extracranial'; progressive?: boolean } = {};
    const qualifiers: string[] = [];
    const mods = m[9]!.trim();
    const modsAt = start + m[0]!.indexOf(m[9]!);
    // The cancer named among them ("distant melanoma lesions") is the one whose metastases are counted.
    const cancerWords = new Set(
      input.mentions
        .filter((mm) => mm.type === 'cancer' && mm.start >= modsAt && mm.end <= modsAt + m[9]!.length)
        .flatMap((mm) => text.slice(mm.start, mm.end).toLowerCase().split(/\s+/)),
    );
    let distant = false;
    let gone = false;
    for (const w of mods.split(/\s+/).filter(Boolean)) {
      const f = foldWord(w.toLowerCase());
      if (cancerWords.has(w.toLowerCase())) continue;
      if (GONE_WORDS.has(f)) gone = true;
      if (f === 'distant' || f === 'metastatic') distant = true;
      else if (BRAIN_WORDS.has(f)) params.site = 'brain';
      else if (EXTRACRANIAL_WORDS.has(f)) params.site = 'extracranial';
      else if (PROGRESSIVE_WORDS.has(f)) params.progressive = true;
      else if (!COUNT_FILLER.has(f)) qualifiers.push(w);
    }
    // Metastases removed are no longer among those the patient has.
    if (gone) continue;
    // Lesions are the metastases only in the brain or when called distant; elsewhere they may
    // include the primary tumour.
    if (m[12] && /brain/i.test(m[12])) params.site = 'brain';
    if (m[12] && params.site !== 'brain' && !distant) continue;
    if (/^BMs?$/i.test(m[10] ?? '')) params.site = 'brain';
    // A count of sites may count organs or lesions; never more than the lesions, so it is held like a
    // qualifier that narrows what is counted.
    if (m[11]) {
      if (/progress/i.test(m[11])) params.progressive = true;
      qualifiers.push(m[11]);
    }
    const restrict = COUNT_RESTRICT.exec(text.slice(end));
    if (restrict) {
      qualifiers.push(restrict[0].trim().replace(PERMISSION_END, ''));
      end += restrict[0].length;
    }
    const leaf = (operator: LeafCondition['operator'], value: number): LeafCondition => ({
      fact: 'metastasisCount',
      operator,
      value,
      ...(Object.keys(params).length ? { params } : {}),
    });
    // What the text counts is some of the metastases (a kind, an organ, sites): the count of all of
    // them is an upper limit on it. An upper bound met by all of them is met by the text's; a lower
    // bound on the text's needs all of them to meet it.
    const q = qualifiers.length ? unparsed(qualifiers.join(' ')) : undefined;
    const parts: Condition[] = [];
    if (lo !== undefined) {
      const l = leaf(strictLo ? 'greaterThan' : 'greaterThanInclusive', lo);
      parts.push(q ? { all: [l, q] } : l);
    }
    if (hi !== undefined) {
      const h = leaf(strictHi ? 'lessThan' : 'lessThanInclusive', hi);
      parts.push(q ? { any: [h, q] } : h);
    }
    const condition: Condition = parts.length === 1 ? parts[0]! : { all: parts };
    // A negation inside a later parenthesis ("(… 4 or more lesions in one organ will be ineligible)")
    // speaks of the parenthesis, not of the count before it.
    if (
      input.scopes.scopes.some((sc) => {
        if (sc.kind !== 'negated' || start < sc.start || start >= sc.end || sc.trigger[0] < end) return false;
        const between = text.slice(end, sc.trigger[0]);
        return (between.match(/\(/g)?.length ?? 0) > (between.match(/\)/g)?.length ?? 0);
      })
    )
      continue;
    // The cancer named before the count ("confirmed NSCLC with 1-5 sites of …") is the patient's own.
    const [cs] = clauseBounds(text, start);
    const prefixWords = text
      .slice(cs, start)
      .split(/[^\w-]+/)
      .filter((w) => w && !DIAGNOSIS_WORDS.has(w.toLowerCase()));
    const ownCancer = input.mentions.filter((mm) => mm.type === 'cancer' && mm.start >= cs && mm.end <= start);
    const ownWords = new Set(ownCancer.flatMap((mm) => text.slice(mm.start, mm.end).split(/[^\w-]+/)));
    const subjectChecked =
      ownCancer.length > 0 && onlySubjectWords(prefixWords.filter((w) => !ownWords.has(w)).join(' '));
    const f = stateFinding(input, start, end, condition, {
      subjectChecked,
      permissionIsLimit: lo === undefined,
    });
    if (!f) continue;
    f.anchor = start;
    out.push(f);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Resection margins.
// ---------------------------------------------------------------------------------------------

const MARGIN_ATOM = new RegExp(
  [
    // 1: R0
    String.raw`((?:clear|clean|negative|free|tumou?r[- ]free|uninvolved|disease[- ]free|cancer[- ]free)\s+(?:(?:surgical|resection|pathologic(?:al)?|histologic(?:al)?|microscopic|excision|excisional)\s+)?margins?(?:\s+of\s+resection)?|margins?\s+(?:of\s+resection\s+)?(?:were\s+|are\s+|must\s+be\s+|being\s+)?(?:clear|negative|uninvolved|free\s+of\s+(?:invasive\s+)?(?:tumou?r|disease|cancer|malignancy))|(?:microscopically|histologically)\s+(?:complete|radical|clear)\s+(?:resection|excision)|complete\s+(?:microscopic|histologic(?:al)?)\s+(?:resection|excision))(?:\s+of\s+(?:the\s+)?(?:primary\s+)?(?:tumou?r|lesion|melanoma))?`,
    // 2: R1
    String.raw`((?:microscopically\s+)?(?:positive|involved)\s+(?:(?:surgical|resection|microscopic)\s+)?margins?)`,
    // 3: R2
    String.raw`((?:macroscopic(?:al)?|gross)\s+residual\s+(?:disease|tumou?r))`,
    // 4: R1 or R2
    String.raw`(non[- ]?radical\s+(?:resection|surgery|excision)|incomplete\s+(?:surgical\s+)?resection|non[- ]?R0(?:\s+resection)?|(?:>=|≥)\s*R1\b)`,
    // 5: an R class
    String.raw`(\bR\s?[012](?![\w-])(?:\s+(?:complete\s+)?resection)?)`,
    // 6: R0 or R1 — "macroscopically complete" leaves no tumour that can be seen (UICC: R2 is macroscopic residual)
    String.raw`(macroscopic(?:al)?(?:ly)?\s+complete\s+(?:surgical\s+)?(?:resection|excision))`,
    // 7: R2 — "macroscopically incomplete" leaves tumour that can be seen
    String.raw`(macroscopic(?:al)?(?:ly)?\s+incomplete\s+(?:surgical\s+)?(?:resection|excision))`,
  ].join('|'),
  'gi',
);
/** The gap before a parenthesis that restates the class: "(", "of the primary tumor (". */
const MARGIN_RESTATED = /^\s*(?:of\s+(?:the\s+)?(?:primary\s+)?(?:tumou?r|lesion)\s*)?\(\s*$/i;
const R_CONTEXT = /\b(?:resect\w*|surgery|surgical|margins?|excision|operat\w*)\b/i;
const MARGIN_GAP = /^\s*(?:,\s*(?:or\s+)?|\s+or\s+|\s+and\/or\s+|\s*\/\s*|\s+and\s+)$/i;

function marginFindings(input: ExtractInput): Finding[] {
  const { text } = input;
  const atoms: Array<{ start: number; end: number; values: Margin[] }> = [];
  MARGIN_ATOM.lastIndex = 0;
  for (let m = MARGIN_ATOM.exec(text); m; m = MARGIN_ATOM.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1]) atoms.push({ start, end, values: ['R0'] });
    else if (m[2]) atoms.push({ start, end, values: ['R1'] });
    else if (m[3]) atoms.push({ start, end, values: ['R2'] });
    else if (m[4]) {
      // "≥ R1", like a bare R class, names a resection class only beside surgery words.
      if (/^(?:>=|≥)/.test(m[4]) && !R_CONTEXT.test(text)) continue;
      atoms.push({ start, end, values: ['R1', 'R2'] });
    }
    else if (m[6]) atoms.push({ start, end, values: ['R0', 'R1'] });
    else if (m[7]) atoms.push({ start, end, values: ['R2'] });
    else if (m[5]) {
      // "R1" names a resection class only beside surgery words; elsewhere it may be a cohort or a region.
      if (!R_CONTEXT.test(text)) continue;
      atoms.push({ start, end, values: [`R${/[012]/.exec(m[5])![0]}` as Margin] });
    }
  }
  if (!atoms.length) return [];
  const runs: (typeof atoms)[] = [];
  for (const a of atoms) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    // "complete resection (R0)", "incomplete resection of the primary tumor (R1 or R2)": the
    // parenthesis names the same class.
    const gap = prev ? text.slice(prev.end, a.start) : '';
    if (prev && (MARGIN_GAP.test(gap) || MARGIN_RESTATED.test(gap))) last.push(a);
    else runs.push([a]);
  }
  const out: Finding[] = [];
  for (const run of runs) {
    const start = run[0]!.start;
    let end = run[run.length - 1]!.end;
    const close = /^\s*\)/.exec(text.slice(end));
    if (close && text.slice(start, end).includes('(')) end += close[0].length;
    const values = RESECTION_ORDER.filter((v) => run.some((a) => a.values.includes(v)));
    const leaf = oneOrIn('resectionMargin', values);
    // A margin phrase may follow the patient and surgery words ("Primary surgery with clear
    // margins", "resected with negative margins"); those do not narrow the margin status.
    // Said after "with" or a comma ("… completely resected, with negative surgical margins"), the
    // margins are those of the resection the sentence names; only the words since then must be the
    // patient's or the surgery's.
    const [cs, ce] = clauseBounds(text, start);
    const prefix = text.slice(cs, start);
    // A resection still to come ("where a resection with tumor-free margins can be achieved") or a
    // margin narrowed after it ("R0 but close margins") is not the margin status of the patient.
    if (MARGIN_FUTURE.test(text.slice(cs, ce)) || /^\s*but\b/i.test(text.slice(end))) continue;
    // An "or" before the phrase ("primary and/or metastatic lesions completely resected, with
    // negative margins") would join it to the sentence's other readings as an alternative.
    if (
      /\bor\b|\//i.test(
        prefix.replace(/\b(?:histologically|cytologically)\s*\/\s*(?:histologically|cytologically)\b/gi, ''),
      )
    )
      continue;
    const since = Math.max(prefix.search(/(?:\bwith|,|\()[^,(]*$/), 0);
    const near = prefix.slice(since).replace(/^(?:with|,|\()/, ' ');
    if (!onlySubjectWords(near.replace(MARGIN_SUBJECT, ' '))) continue;
    const f2 = stateFinding(input, start, end, leaf, { subjectChecked: true });
    if (!f2) continue;
    // The surgery words before the phrase are read with it, and the finding starts at the first,
    // so the assembler joins it to what precedes through those words.
    const subject: Array<[number, number]> = [];
    MARGIN_SUBJECT.lastIndex = 0;
    for (let w = MARGIN_SUBJECT.exec(prefix); w; w = MARGIN_SUBJECT.exec(prefix))
      subject.push([cs + w.index, cs + w.index + w[0].length]);
    f2.spans = [...subject, ...f2.spans];
    f2.anchor = f2.spans[0]![0];
    out.push(f2);
  }
  return out;
}

const MARGIN_FUTURE =
  /\b(?:can|could|will|would|should|may|allow\w*|achievable|achieve[sd]?|possible|feasible|expected|planned|plan|candidates?|eligible|amenable)\b/i;

const RESECTION_ORDER: Margin[] = ['R0', 'R1', 'R2'];
/** Surgery words that may precede a margin phrase without narrowing it. */
const MARGIN_SUBJECT =
  /\b(?:primary\s+)?(?:surgery|surgical\s+resection|resection|excision|resected|excised|operated|operation|removed|removal|wide\s+local\s+excision|of\s+the\s+primary\s+tumou?r|primary\s+tumou?r|tumou?r|lesion)\b/gi;

// ---------------------------------------------------------------------------------------------

const GATE =
  /progress|remission|response|stable\s+disease|evidence\s+of|disease[- ]free|absence\s+of|\d\s*(?:mm|cm|millim|centim)|margin|R\s?[012]\b|radical|residual|resection|excision|metasta|lesions|\bsites?\b|\bBMs?\b/i;

/** Response abbreviations, in capitals only (the status reader checks the criteria named after them). */
const ABBREVIATION_GATE = /\b(?:SD|PD|CR|PR)\b(?!-)/;

export const extractTumour: Extractor = (input) => {
  if (input.text.length > 2000 || !(GATE.test(input.text) || ABBREVIATION_GATE.test(input.text)) || !aboutOwnCancer(input))
    return [];
  return [...statusFindings(input), ...sizeFindings(input), ...marginFindings(input), ...countFindings(input)];
};
