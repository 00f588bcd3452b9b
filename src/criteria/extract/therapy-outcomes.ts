/**
 * How an earlier treatment ended, said of the treatment rather than before it (therapy.ts reads
 * "progressed on or intolerant to X" itself):
 *
 *   "Prior anti-LAG-3 and/or anti-PD-1 therapy was intolerable and required discontinuation of treatment"
 *        → priorTherapy(classes: [anti_lag3, anti_pd1], outcome: intolerance)
 *   "Discontinued prior anti-PD-1 therapy due to toxicity"
 *        → priorTherapy(classes: anti_pd1, outcome: intolerance)
 *   "Discontinuation of prior anti-PD-1 therapy due to grade 3 or 4 toxicities"
 *        → all(priorTherapy(classes: anti_pd1, outcome: intolerance), unread "grade 3 or 4")
 *   "Participants must not have had adverse events related to encorafenib and/or binimetinib
 *    specifically, that required discontinuation of one or both drugs due to toxicity" (exclusion)
 *        → any(priorTherapy(drugs: encorafenib, outcome: intolerance), priorTherapy(drugs: binimetinib, …))
 *   "Treatment must have been discontinued for disease progression or intolerance to therapy"
 *        → any(priorTherapy(kinds: systemic, outcome: progression), priorTherapy(…, outcome: intolerance))
 *   "Have experienced progression during or after treatment or discontinued from prior therapy due to intolerance"
 *        → the same
 *   "… anti-PD-1 antibody with documented progression or intolerability to the treatment"
 *        → the outcome after the list takes the second outcome too (outcomeAlsoAfter)
 *   "Must have previously received anti-PD1 immunotherapy (nivolumab or pembrolizumab) and later
 *    experienced disease progression"
 *        → any(priorTherapy(classes: anti_pd1, outcome: progression), priorTherapy(drugs: […], …))
 *   "Patients who have received pembrolizumab and experienced disease progression" (readOutcomeAfterReceipt)
 *        → priorTherapy(drugs: pembrolizumab, outcome: progression)
 *   "Pathological complete response following treatment with neoadjuvant therapy"
 *        → all(priorTherapy(kinds: systemic, setting: neoadjuvant, outcome: response), unread
 *          "Pathological complete") (readCompleteResponse)
 *
 * The record's outcome 'intolerance' is a treatment stopped for its harms (THERAPY_OUTCOMES), which
 * is what "discontinued due to toxicity" says. A severity the fact cannot hold ("grade 3 or 4",
 * "severe", "immune-related") narrows the finding: it stays an unread leaf beside it, so the finding
 * is a necessary condition only. A sentence is read only when every word outside the treatment and
 * the reason is a subject or lead word: an alternative or a condition elsewhere in it ("… within 4
 * weeks, or discontinuation of …") leaves it to the other readers, since the finding would then be
 * joined to the rest as if both were required.
 */
import type { Condition, LeafCondition } from '../facts';
import { leavesOf } from '../facts';
import type { Lexicons } from '../lexicon';
import { modalNegationInExclusion, type ExtractInput, type Finding } from './extractor';

type Span = [number, number];
type Outcome = 'progression' | 'intolerance';

/**
 * The therapy named by exactly the words of [a, b) with the given params (therapy.ts builds it from its
 * items), or null where a word there is not part of a treatment's name or a list word.
 */
export type TherapyIn = (a: number, b: number, params: Record<string, unknown>) => Condition | null;

/** A harm of the treatment that ended it. Severity words before it are captured apart (`sev`). */
const HARM = String.raw`(?:toxicit(?:y|ies)|intoleran(?:ce|t)|intolerabilit(?:y|ies)|adverse\s+(?:events?|effects?|reactions?)|AEs?|TEAEs?|side[\s-]effects?)`;
/** Words that say the harm was the treatment's, read with it. */
const OWN = String.raw`(?:(?:unacceptable|intolerable|treatment[\s-]related|drug[\s-]related|therapy[\s-]related|related)\s+)`;
/** Severity the outcome cannot hold: kept as an unread qualifier. */
const SEVERITY = String.raw`(?:(?:an?\s+)?(?:(?:CTCAE\s+)?grade\s*(?:≥|>=|=>|>)?\s*[2-4](?:\s*(?:or|and|-|–|\/)\s*(?:[34]|higher|greater|above|more|worse))?|severe|serious|life[\s-]threatening|immune[\s-]related|immune[\s-]mediated)\s+)`;
const PROGRESSION = String.raw`(?:(?:documented|radiographic|radiological|confirmed|clinical)\s+)*(?:disease\s+)?(?:progression|relapse|progressive\s+disease)`;
/** One reason: progression, or a harm with its words. */
const REASON_ONE = String.raw`(?:${PROGRESSION}|(?:an?\s+)?${OWN}?(?<sev>${SEVERITY}+)?${OWN}?${HARM})`;
/** The reasons, and what they were of ("intolerance to therapy", "toxicity from the treatment"). */
const REASON = String.raw`(?<why>${REASON_ONE}(?:\s*(?:,|\bor\b|\band\/or\b|\/)\s*${REASON_ONE.replace('(?<sev>', '(?<sev2>')})?)(?:\s+(?:to|from|of|with)\s+(?:the\s+|that\s+|this\s+|such\s+|prior\s+)?(?:treatment|therapy|regimen))?`;
const BECAUSE = String.raw`\s+(?:due\s+to|because\s+of|owing\s+to|for|secondary\s+to)\s+`;
const WAS = String.raw`\s+(?:must\s+have\s+been|was|were|has\s+been|had\s+been|have\s+been|is|are)\s+`;

/** "Discontinued (from) X due to toxicity", "permanent discontinuation of X for intolerance". */
const STOPPED_BEFORE = new RegExp(
  String.raw`\b(?:(?:permanent(?:ly)?|prior|previous|early)\s+)?(?:discontinu(?:ed|ation)|stopped|cessation)\s+(?:(?:of|from|with)\s+)?(?<x>[^.;]{2,120}?)${BECAUSE}${REASON}`,
  'id',
);
/** "X must have been discontinued for disease progression or intolerance", "Previous anti-PD-1 therapy discontinued due to toxicity". */
const STOPPED_AFTER = new RegExp(
  String.raw`(?<x>[^.;]{2,120}?)(?:${WAS}|\s+)(?:permanently\s+)?(?:discontinued|stopped)(?:\s+permanently)?${BECAUSE}${REASON}`,
  'id',
);
/**
 * "Adverse events related to X that required discontinuation of one or both drugs", "Any prior toxicity
 * attributed to X that resulted in discontinuation of therapy": the harm of X, and the stop it forced.
 */
const HARM_STOPPED = new RegExp(
  String.raw`\b(?:(?:an?|any)\s+)?(?:(?:prior|previous)\s+)?(?<sev>${SEVERITY}+)?${OWN}?(?:adverse\s+(?:events?|reactions?|effects?)|AEs?|TEAEs?|toxicit(?:y|ies)|side[\s-]effects?)\s+(?:related\s+to|attributed\s+to|attributable\s+to|caused\s+by|due\s+to|from)\s+(?:(?:prior|previous)\s+)?(?<x>[^.;,]{2,100}?)(?:\s+specifically)?\s*,?\s+(?:that|which)\s+(?:required|led\s+to|resulted\s+in|necessitated)\s+(?:the\s+)?(?:permanent\s+)?discontinuation(?:\s+of\s+(?:(?:one\s+or\s+both|both|either|all)\s+(?:of\s+)?(?:the\s+)?(?:drugs?|agents?|treatments?)|(?:the\s+|that\s+|this\s+)?(?:treatment|therapy|drugs?|agents?)))?(?:\s+(?:due\s+to|because\s+of)\s+(?:toxicit(?:y|ies)|intolerance))?`,
  'id',
);
/** "X was intolerable (and required discontinuation of treatment)". */
const INTOLERABLE = new RegExp(
  String.raw`(?<x>[^.;]{2,120}?)${WAS}(?:deemed\s+)?(?:intolerable|not\s+tolerated|poorly\s+tolerated)(?:\s*,?\s*(?:and\s+)?(?:required|led\s+to|resulted\s+in|leading\s+to|resulting\s+in)\s+(?:permanent\s+|early\s+)?(?:discontinuation|cessation)(?:\s+of\s+(?:the\s+)?(?:treatment|therapy))?)?`,
  'id',
);
/** "progression during or after treatment or" before a stop: a first alternative on any earlier treatment. */
const PROGRESSED_OR = new RegExp(
  String.raw`\b(?:experienced\s+)?${PROGRESSION}\s+(?:during\s+or\s+after|on\s+or\s+after|on|after|following|while\s+on)\s+(?:the\s+)?(?:(?:previous|prior|last|most\s+recent)\s+)?(?:treatment|therapy)\s*,?\s+or\s+(?:have\s+|has\s+|had\s+)?$`,
  'i',
);
/**
 * A relative clause saying what the treatment before it consists of ("an ADC that consists of an
 * exatecan derivative (eg, T-DXd)", "a bispecific antibody containing …"): it narrows the treatment.
 */
const NARROWING_CLAUSE =
  /\s*,?\s+(?:(?:that|which)\s+(?:consists?|contains?|comprises?|includes?|(?:is|are)\s+(?:composed|made\s+up))|containing|consisting|comprising|composed)\b[\s\S]*$/i;
/** A bare "treatment" or "prior therapy" as the subject: any earlier anticancer treatment. */
const BARE_TREATMENT =
  /^\s*(?:(?:the|their|all|any)\s+)?(?:(?:prior|previous|anti-?cancer|systemic)\s+)*(?:treatments?|therap(?:y|ies))\s*$/i;
/** Words a read sentence may hold besides the treatment and the reason. */
const LEAD_WORD =
  /^(?:a|an|the|prior|previous|previously|history|of|has|have|had|patients?|participants?|subjects?|who|known|must|been|documented|with|and|\d+|[a-z]|[ivx]+)$/i;

/** A cheap test for the words every form holds: the caller skips the reader without it. */
export const TREATMENT_END_GATE = /discontinu|stopped|cessation|intolerab|tolerated|experienced|developed|complete\s+response|less\s+than\s+an?\s|no\s+better\s+than|stable|respon/i;

/**
 * A pathological complete response to an earlier treatment, the whole sentence: "Pathological complete
 * response following treatment with neoadjuvant therapy". The record's outcome 'response' holds any
 * response, of which a pCR is one: the finding is the response, with "pathological complete" an unread
 * qualifier beside it, so it is a necessary condition only (and, negated in an exclusion, rules out
 * only patients whose treatment brought no response).
 */
const COMPLETE_RESPONSE = new RegExp(
  String.raw`^\W*(?:(?:a|an)\s+)?(?:(?:history\s+of|achieved|achieving|had|with)\s+(?:an?\s+)?)?(?<q>pathologic(?:al)?\s+complete)\s+response(?:\s*\(pCR\))?\s+(?:following|after|to)\s+(?:(?:the\s+)?(?:treatment|therapy)\s+with\s+)?(?<x>[^.;]{2,80}?)\s*[.;]?\s*$`,
  'id',
);
/**
 * "neoadjuvant therapy" said without a treatment's name: any systemic treatment given before surgery
 * ("neoadjuvant chemotherapy": chemotherapy).
 */
const BARE_NEOADJUVANT = /^(?:(?:prior|previous|the)\s+)?neo-?adjuvant\s+(?:(?<chemo>chemo(?:therapy)?)|(?:systemic\s+)?(?:therapy|treatment))$/i;

/**
 * A response short of a named one to an earlier treatment, the whole sentence: "Patients must have
 * experienced less than a CR (according to Lugano criteria) to anti-PD-1 treatment". Less than a
 * complete response is a partial response, stable disease or progression; the record's outcome
 * 'response' holds complete and partial responses alike, so no outcome says it. The treatment was
 * had, which is read; the response stays an unread qualifier beside it, so the finding is a necessary
 * condition only (as a failure to respond is read in therapy-progression.ts).
 */
const SHORT_OF_RESPONSE = new RegExp(
  String.raw`^\W*(?:(?:patients?|participants?|subjects?)\s+(?:who\s+)?)?(?:(?:must|should)\s+)?(?:(?:have|has|had)\s+)?(?:(?:previously|already)\s+)?(?:experienced|achieved|had|shown|demonstrated|obtained)\s+(?<q>(?:less\s+than|no\s+better\s+than)\s+(?:an?\s+)?(?:CR|complete\s+(?:response|remission)(?:\s*\(CR\))?|PR|partial\s+(?:response|remission)(?:\s*\(PR\))?|VGPR|very\s+good\s+partial\s+response(?:\s*\(VGPR\))?)(?:\s*\((?:according\s+to|per|by)\s+[^()]{1,60}\))?)\s*,?\s+(?:to|on|with|after|following)\s+(?:(?:the\s+)?(?:treatment|therapy)\s+with\s+)?(?:(?:prior|previous)\s+)?(?<x>[^.;()]{2,80}?)\s*[.;]?\s*$`,
  'id',
);

/**
 * How the disease answered an earlier treatment, the whole sentence: "Stable or responding disease
 * after chemoradiation", "Stable disease or partial response (RECIST 1.1) after initial 3 months of
 * Gemcitabine based chemotherapy", "Complete or near complete clinical response after neoadjuvant
 * therapy". Stable disease is the record's outcome 'stable'; a response of any depth its outcome
 * 'response' (complete and partial alike). Routes joined by "or" are alternatives. A depth the
 * outcome cannot hold ("partial", "complete or near complete") and how much of the treatment came
 * before the response was judged ("initial 3 months of") narrow the finding: each stays an unread
 * leaf beside what it narrows, so the finding is a necessary condition only.
 */
const ANSWER_ROUTES = String.raw`(?<routes>(?:(?:(?:stable|SD|responding|responses?|disease|complete|partial|near[\s-]?complete|major|objective|clinical|radiologic(?:al)?|radiographic|metabolic|CR|PR|or|and\/or)\b|,|\(\s*(?:SD|CR|PR)\s*\))\s*)+?)`;
const ANSWER_CRITERIA = String.raw`(?:\(\s*(?:(?:per|according\s+to|by)\s+)?(?:i?RECIST|mRECIST|irRC|RANO|Lugano|IMWG|iwCLL|PCWG3?)(?:\s*v?\d+(?:\.\d+)?)?(?:\s+criteria)?\s*\)\s*)?`;
/** How much of the treatment came before the answer: "initial 3 months of", "at least 4 cycles of". */
const ANSWER_AMOUNT = String.raw`(?<amount>(?:(?:the\s+)?(?:initial|first)\s+)?(?:(?:at\s+least|a\s+minimum\s+of|≥)\s*)?(?:\d{1,2}|one|two|three|four|five|six)(?:\s*[-–]\s*\d{1,2})?\s*(?:weeks?|months?|cycles?|courses?|doses?)\s+of\s+)?`;
const ANSWER = new RegExp(
  String.raw`^\W*(?:(?:patients?|participants?|subjects?)\s+(?:with|who\s+(?:have|has|had)\s+(?:achieved|shown|demonstrated)|who\s+(?:achieved|showed))\s+)?(?:(?:achieved|achieving|documented|evidence\s+of)\s+)?(?:an?\s+)?${ANSWER_ROUTES}\s*${ANSWER_CRITERIA}(?:after|following|to|on)\s+${ANSWER_AMOUNT}(?:(?:the\s+)?(?:treatment|therapy)\s+with\s+)?(?<x>[^.;()]{2,80}?)\s*[.;]?\s*$`,
  'id',
);
/** A word that names the answer, not only its depth or the words around it. */
const ANSWER_NOUN = /\b(?:stable|SD|respon\w*|CR|PR)\b/i;
/** Depths of a response the outcome 'response' is wider than. */
const ANSWER_DEPTH = /\b(?:complete|partial|near[\s-]?complete|major|metabolic|CR|PR)\b/i;
/** "neoadjuvant therapy" without a name: given before surgery, by drugs or by radiation. */
const BARE_NEOADJUVANT_ANY = /^(?:(?:prior|previous|the)\s+)?neo-?adjuvant\s+(?:therapy|treatment)$/i;

/** The routes of an answer: each outcome with the depth words that narrow it, or null when a route names none. */
function answerRoutes(routes: string): Array<{ outcome: 'stable' | 'response'; depth?: string }> | null {
  const out: Array<{ outcome: 'stable' | 'response'; depth?: string }> = [];
  let carried = '';
  for (const raw of routes.split(/\s*(?:,|\bor\b|\band\/or\b)\s*/i)) {
    const part = raw.replace(/\(\s*(?:SD|CR|PR)\s*\)/gi, ' ').trim();
    if (!part) continue;
    // "Complete or near complete clinical response": a depth alone shares the noun after it.
    if (!ANSWER_NOUN.test(part)) {
      carried = carried ? `${carried} or ${part}` : part;
      continue;
    }
    const stable = /\b(?:stable|SD)\b/i.test(part);
    const response = /\b(?:respon\w*|CR|PR)\b/i.test(part);
    if (stable === response) return null;
    if (stable) {
      if (carried) return null;
      out.push({ outcome: 'stable' });
    } else {
      const depth = ANSWER_DEPTH.test(part) || carried ? (carried ? `${carried} or ${part}` : part) : undefined;
      out.push(depth ? { outcome: 'response', depth } : { outcome: 'response' });
    }
    carried = '';
  }
  return carried || !out.length ? null : out;
}

/**
 * Whether a treatment read names only supportive care (steroids, antibiotics, G-CSF: classes of kind
 * 'supportive' in rules/drugs.json): "response to steroids" is a condition's answer, not the cancer's.
 */
function supportiveOnly(c: Condition, lex: Lexicons): boolean {
  const supportive = (id: string): boolean => lex.classById.get(id)?.kind === 'supportive';
  return leavesOf(c).every((l) => {
    const p = (l.params ?? {}) as { drugs?: string[]; classes?: string[]; kinds?: string[] };
    if (p.kinds?.length) return false;
    return (p.classes ?? []).every(supportive) && (p.drugs ?? []).every((d) => (lex.drugById.get(d)?.classes ?? []).some(supportive));
  });
}

/** Reads a sentence [s, e) that only says how the disease answered a treatment (ANSWER). */
function readAnswer(input: ExtractInput, s: number, e: number, therapyIn: TherapyIn, out: Finding[], used: Span[]): boolean {
  const { text } = input;
  const m = ANSWER.exec(text.slice(s, e));
  if (!m?.groups?.x || !m.groups.routes) return false;
  if (out.some((f) => f.spans.some(([a, b]) => a < e && s < b)) || used.some(([a, b]) => a < e && s < b)) return false;
  const routes = answerRoutes(m.groups.routes);
  if (!routes) return false;
  const [xa, xb] = m.indices!.groups!.x!;
  const bare = BARE_NEOADJUVANT_ANY.test(m.groups.x.trim());
  const parts: Condition[] = [];
  for (const r of routes) {
    const had: Condition | null = bare
      ? { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['systemic', 'radiation'], setting: 'neoadjuvant', outcome: r.outcome } }
      : therapyIn(s + xa, s + xb, { outcome: r.outcome });
    if (!had || supportiveOnly(had, input.lex)) return false;
    parts.push(r.depth ? { all: [had, unread(r.depth)] } : had);
  }
  // "chemoradiation" is read as either kind (therapy.ts does so too): given together is more than
  // the kinds say, so the treatment's words stay an unread leaf beside the answer.
  const together = !bare && leavesOf(parts[0]!).some((l) => {
    const p = (l.params ?? {}) as { drugs?: string[]; classes?: string[]; kinds?: string[] };
    return (p.kinds?.length ?? 0) > 1 && !p.drugs?.length && !p.classes?.length;
  });
  const answer = together ? { all: [anyOf(parts), unread(m.groups.x)] } : anyOf(parts);
  const amount = m.groups.amount?.trim();
  const start = s + m.index;
  const [ra, rb] = m.indices!.groups!.routes!;
  const cover: Span[] = [[s + ra, s + rb]];
  if (together) cover.push([s + xa, s + xb]);
  if (amount) {
    const [aa, ab] = m.indices!.groups!.amount!;
    cover.push([s + aa, s + ab]);
  }
  out.push({
    category: 'prior_therapy',
    condition: amount ? { all: [answer, unread(amount)] } : answer,
    spans: [[start, s + m.index + m[0].length]],
    anchor: start,
    cover,
  });
  used.push([s, e]);
  return true;
}

/**
 * Records a finding read from the whole sentence [s, e) matched by `m`: the treatment `had` with the
 * words of group q (what no fact says of it) as an unparsed leaf beside it; the sentence is used.
 */
function pushQualified(out: Finding[], used: Span[], had: Condition, m: RegExpExecArray, s: number, e: number): boolean {
  const [qa, qb] = m.indices!.groups!.q!;
  const start = s + m.index;
  out.push({
    category: 'prior_therapy',
    condition: { all: [had, unread(m.groups!.q!)] },
    spans: [[start, s + m.index + m[0].length]],
    anchor: start,
    cover: [[s + qa, s + qb]],
  });
  used.push([s, e]);
  return true;
}

/** Reads a sentence [s, e) that is only a response short of a named one to a treatment (SHORT_OF_RESPONSE). */
function readShortOfResponse(text: string, s: number, e: number, therapyIn: TherapyIn, out: Finding[], used: Span[]): boolean {
  const m = SHORT_OF_RESPONSE.exec(text.slice(s, e));
  if (!m?.groups?.x || !m.groups.q) return false;
  if (out.some((f) => f.spans.some(([a, b]) => a < e && s < b)) || used.some(([a, b]) => a < e && s < b)) return false;
  const [xa, xb] = m.indices!.groups!.x!;
  const had = therapyIn(s + xa, s + xb, {});
  if (!had) return false;
  return pushQualified(out, used, had, m, s, e);
}

/**
 * A receipt, then how the disease behaved after it, closing the sentence: "(must have previously)
 * received X and later experienced disease progression", "… and have experienced progression or
 * intolerance to the treatment during or following therapy". The outcome is of the treatment just
 * named ("the treatment", "that therapy" point back to it). Nothing may follow the outcome: a time
 * ("… and had recurrence within 12 months after the last dose") or a place narrows it in ways the
 * outcome cannot hold.
 */
const RECEIVED_THEN = new RegExp(
  String.raw`\b(?:received|been\s+treated\s+with|undergone)\s+(?<x>[^.;]{2,160}?)\s*,?\s+and\s+(?:(?:have|has|had)\s+)?(?:(?:later|subsequently|then|thereafter)\s+)?(?:(?:have|has|had)\s+)?(?:experienced|developed)\s+(?<why>${PROGRESSION}(?:\s+or\s+(?:intoleran(?:ce|t)|intolerabilit(?:y|ies)|toxicit(?:y|ies)))?)(?:\s+(?:to|on|with|from)\s+(?:the|that|this|such)\s+(?:treatment|therapy|therapies|regimen))?(?:\s+(?:during|on)\s+or\s+(?:after|following)\s+(?:(?:the|that|this|such)\s+)?(?:treatment|therapy))?\s*[.;]?\s*$`,
  'id',
);
/** Words a read receipt sentence may hold before its verb. */
const RECEIPT_LEAD =
  /^(?:must|should|have|has|had|previously|already|also|patients?|participants?|subjects?|who|\d+|[a-z]|[ivx]+)$/i;

function outcomesOf(why: string): Outcome[] {
  const out = new Set<Outcome>();
  for (const part of why.split(/\s*(?:,|\bor\b|\band\/or\b|\/)\s*/i)) {
    if (/progress|relapse/i.test(part)) out.add('progression');
    else if (/toxic|intoler|advers|AEs?\b|side/i.test(part)) out.add('intolerance');
  }
  return [...out];
}

function unread(text: string): LeafCondition {
  return { fact: 'unparsed', operator: 'equal', value: true, params: { text: text.trim() } };
}

function anyOf(parts: Condition[]): Condition {
  return parts.length === 1 ? parts[0]! : { any: parts };
}

/** Whether the words outside [a, b) of the sentence [s, e) are lead words only (and "not", where `not` allows it). */
function onlyLead(text: string, s: number, e: number, a: number, b: number, not = false): boolean {
  const outside = `${text.slice(s, a)} ${text.slice(b, e)}`;
  return (outside.match(/[^\s,:()*•\-\\]+/g) ?? []).every((w) => LEAD_WORD.test(w.replace(/[.;]$/, '')) || (not && /^not$/i.test(w)));
}

/**
 * Reads each sentence [s, e) that only says how an earlier treatment ended. Sentences another reading
 * already covers (`out`) are left; read ones are added to `used`.
 */
export function readTreatmentEnds(
  input: ExtractInput,
  sents: Span[],
  therapyIn: TherapyIn,
  out: Finding[],
  used: Span[],
): void {
  const { text } = input;
  if (!TREATMENT_END_GATE.test(text)) return;
  for (const [s, e] of sents) {
    const t = text.slice(s, e);
    if (!TREATMENT_END_GATE.test(t)) continue;
    if (readOutcomeAfterReceipt(input, s, e, therapyIn, out, used)) continue;
    if (readCompleteResponse(text, s, e, therapyIn, out, used)) continue;
    if (readShortOfResponse(text, s, e, therapyIn, out, used)) continue;
    if (readAnswer(input, s, e, therapyIn, out, used)) continue;
    if (out.some((f) => f.spans.some(([a, b]) => a < e && s < b)) || used.some(([a, b]) => a < e && s < b)) continue;
    const m = HARM_STOPPED.exec(t) ?? STOPPED_BEFORE.exec(t) ?? STOPPED_AFTER.exec(t) ?? INTOLERABLE.exec(t);
    if (!m?.groups) continue;
    const g = m.groups;
    const x = g.x!;
    const xs = s + m.indices!.groups!.x![0];
    const xe = xs + x.length;
    const outcomes = g.why ? outcomesOf(g.why) : ['intolerance' as const];
    if (!outcomes.length) continue;
    // A first alternative on any earlier treatment ("progression during or after treatment or …").
    const alt = PROGRESSED_OR.exec(t.slice(0, m.index));
    const start = alt ? s + alt.index : s + m.index;
    const end = s + m.index + m[0].length;
    // "… or who discontinue immunotherapy due to immune-related toxicities" stays unread: the reading
    // of the group before it (prior_severe_irae) covers the whole sentence, and the two would be
    // joined as if both were required.
    // "Participants must not have had …" among exclusions states what the exclusion excludes: the
    // finding keeps its positive form (modalNegationInExclusion), and "not" is a lead word there.
    const modal = modalNegationInExclusion(input, start);
    if (!onlyLead(text, s, e, start, end, modal)) continue;
    // Standard therapy is read as any systemic treatment, which the standard-therapy questions narrow
    // (history-judgement.ts): necessary where the text requires it, too wide where it excludes.
    if (input.kind === 'exclusion' && /\b(?:standard|approved|available|SOC)\b/i.test(x)) continue;
    const bare = BARE_TREATMENT.test(x);
    // "an antibody drug conjugate (ADC) that consists of an exatecan derivative (eg, T-DXd)": a clause
    // narrowing the treatment named before it, which no param holds. The treatment is read and the
    // clause stays an unread leaf beside it (narrowed below), so the finding is necessary only.
    const whole = (outcome: Outcome): Condition | null => therapyIn(xs, xe, { outcome });
    const clause = bare || outcomes.every((o) => whole(o)) ? null : NARROWING_CLAUSE.exec(x);
    const headEnd = clause ? xs + clause.index : xe;
    // "discontinued from that treatment": a treatment another sentence names.
    if (/\b(?:that|this|such|said|these|those)\b/i.test(text.slice(xs, headEnd))) continue;
    const named = (outcome: Outcome): Condition | null =>
      bare
        ? { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['systemic'], outcome } }
        : therapyIn(xs, headEnd, { outcome });
    const parts = outcomes.map(named);
    if (parts.some((p) => !p)) continue;
    if (alt) {
      if (!bare) continue;
      if (!outcomes.includes('progression')) parts.unshift(named('progression')!);
    }
    let condition = anyOf(parts as Condition[]);
    const sev = [g.sev, g.sev2].filter((v): v is string => !!v);
    const cover: Span[] = [];
    if (sev.length) {
      condition = { all: [condition, ...sev.map(unread)] };
      for (const k of ['sev', 'sev2']) {
        const at = m.indices!.groups![k];
        if (at) cover.push([s + at[0], s + at[1]]);
      }
    }
    if (clause) {
      condition = { all: [condition, unread(clause[0])] };
      cover.push([headEnd, xe]);
    }
    out.push({
      category: 'prior_therapy',
      condition,
      spans: [[start, end]],
      anchor: start,
      ...(cover.length ? { cover } : {}),
      ...(modal ? { polarityHandled: true } : {}),
    });
    used.push([s, e]);
  }
}

/** Reads a sentence [s, e) that is only a pathological complete response to a treatment (COMPLETE_RESPONSE). */
function readCompleteResponse(text: string, s: number, e: number, therapyIn: TherapyIn, out: Finding[], used: Span[]): boolean {
  const m = COMPLETE_RESPONSE.exec(text.slice(s, e));
  if (!m?.groups?.x || !m.groups.q) return false;
  if (out.some((f) => f.spans.some(([a, b]) => a < e && s < b)) || used.some(([a, b]) => a < e && s < b)) return false;
  const [xa, xb] = m.indices!.groups!.x!;
  const bare = BARE_NEOADJUVANT.exec(m.groups.x);
  const response: Condition | null = bare
    ? {
        fact: 'priorTherapy',
        operator: 'equal',
        value: true,
        params: { kinds: [bare.groups?.chemo ? 'chemotherapy' : 'systemic'], setting: 'neoadjuvant', outcome: 'response' },
      }
    : therapyIn(s + xa, s + xb, { outcome: 'response' });
  if (!response) return false;
  return pushQualified(out, used, response, m, s, e);
}

/**
 * Reads the outcome after a receipt (RECEIVED_THEN) in the sentence [s, e), where the received
 * treatment is named by a therapy's words alone and the sentence holds nothing else: the outcome is
 * read of that treatment and the sentence is taken whole (added to `used`). A treatment with words
 * the therapy reader reads besides its name (lines, a setting, a duration: "one or two lines of
 * systemic therapy for metastatic tumors") is left to that reader, with the outcome unread.
 */
function readOutcomeAfterReceipt(
  input: ExtractInput,
  s: number,
  e: number,
  therapyIn: TherapyIn,
  out: Finding[],
  used: Span[],
): boolean {
  const { text } = input;
  const t = text.slice(s, e);
  const m = RECEIVED_THEN.exec(t);
  if (!m?.groups?.x || !m.groups.why) return false;
  // A group the sentence is for ("Patients with BRAF V600 mutant melanoma must have received …", "For
  // NSCLC: …") binds only its patients, and a permission elsewhere ("Patients who refuse … are
  // eligible") offers another way in: read as a requirement of all, the outcome would fail patients the
  // criterion admits.
  if (!(t.slice(0, m.index).match(/[^\s,:()*•\-\\]+/g) ?? []).every((w) => RECEIPT_LEAD.test(w.replace(/[.;]$/, '')))) return false;
  if (/\b(?:eligible|allowed|permitted|may|unless|except\w*|if)\b/i.test(text)) return false;
  // "received that treatment and …": a treatment another sentence names.
  if (/\b(?:that|this|such|said|these|those)\b/i.test(m.groups.x) || used.some(([a, b]) => a < e && s < b)) return false;
  const outcomes = outcomesOf(m.groups.why);
  const [xa, xb] = m.indices!.groups!.x!;
  const parts = outcomes.map((o) => therapyIn(s + xa, s + xb, { outcome: o }));
  if (!parts.length || parts.some((p) => !p)) return false;
  const start = s + m.index;
  const end = s + m.index + m[0].length;
  if (out.some((f) => f.spans.some(([a, b]) => a < end && start < b))) return false;
  out.push({ category: 'prior_therapy', condition: anyOf(parts as Condition[]), spans: [[start, end]], anchor: start });
  used.push([s, e]);
  return true;
}

/**
 * A second outcome after the one read behind a list ("with documented progression or intolerability
 * to the treatment", "with progression or intolerance"): its outcomes and length, or null.
 */
const ALSO_AFTER = new RegExp(
  String.raw`^\s*(?:,|\bor\b|\band\/or\b|\/)\s*(?<why>(?:${PROGRESSION}|${OWN}?(?:intoleran(?:ce|t)|intolerabilit(?:y|ies)|toxicit(?:y|ies))))(?:\s+(?:to|from|of|with|on)\s+(?:the\s+|that\s+|this\s+|such\s+)?(?:treatment|therapy|regimen|agent|drug))?(?![\w-])`,
  'i',
);
export function outcomeAlsoAfter(rest: string): { outcomes: Outcome[]; length: number } | null {
  const m = ALSO_AFTER.exec(rest);
  if (!m?.groups?.why) return null;
  const outcomes = outcomesOf(m.groups.why);
  return outcomes.length ? { outcomes, length: m[0].length } : null;
}
