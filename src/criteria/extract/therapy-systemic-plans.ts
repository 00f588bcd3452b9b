/**
 * A systemic anticancer treatment the care team plans, is about to start, or finds the patient a
 * candidate for, rather than one already received:
 *
 *   "Patients starting a treatment with a combination of immunotherapy of nivolumab + ipilimumab"
 *                                          → attestation(planned_treatment)
 *   "Starting standard-of-care treatment with ICI in first line"
 *   "Planned single agent or double agent immune checkpoint inhibitor therapy as first-line …"
 *   "Patients planning treatment with dual immune checkpoint inhibitor therapy."   (exclusion)
 *                                          → attestation(planned_treatment), excluding
 *   "… metastatic melanoma for which immunotherapy will be started"
 *   "Are considered appropriate for starting therapy with anti-PD-1/anti-PD-L1 monoclonal antibody …"
 *                                          → attestation(treatment_candidate)
 *   "… melanoma (stage III or IV) requiring systemic treatment with anti-PD-1"
 *                                          → attestation(treatment_candidate)
 *   "Planned to receive or have received adjuvant immunotherapy for 1 year."
 *                                          → any(attestation(planned_treatment), priorTherapy(immunotherapy, adjuvant))
 *
 * A plan is not in the patient record (its treatments are those given), so only the care team can
 * answer it: the attestation topics of rules/attestations.json ask about "the treatment that the
 * criterion names", and stay unknown until answered. The statement reader (history-statements.ts)
 * reads here the wordings the judgement statements (history-judgement.ts) miss: a plan said by
 * "starting", "planning treatment with", "will be started", or with its object described by more
 * than their modifier list takes ("single agent or double agent …"). A finding whose words hold the
 * systemic treatment reads the prior-therapy topic too: the treatment the criterion names is read,
 * as a plan.
 *
 * "Have received or plan to receive X" (an inclusion's alternatives) is read exactly, as either: the
 * treatment received, or the plan attested. Refused: a start that dates something else ("before
 * starting curative treatment with …", "at the time of starting", "starting hormonal therapy less
 * than 4 weeks before inclusion"), the study's own treatment, supportive care, negations,
 * permissions of the plan itself ("patients who are candidates to start X are eligible"), and local
 * treatments (therapy-local-plans.ts, history-judgement.ts).
 */
import { ANTICANCER_KINDS, type Condition } from '../facts';
import type { Mention } from '../lexicon';
import { tokenAt, type ExtractInput, type Extractor, type Finding } from './extractor';
import { JUDGEMENT_STATEMENTS } from './history-judgement';
import { readStatements, STATEMENT_COMMON, type Statement } from './history-statements';
import { negatedAt, vocab } from './history-util';

/** Treatment kinds that are systemic anticancer therapy (rules/drugs.json kinds). */
const SYSTEMIC_KINDS = new Set(['systemic', 'chemotherapy', 'immunotherapy', 'targeted', 'hormonal', 'cell therapy']);

/** A systemic anticancer treatment the lexicon names: not supportive care, not a concomitant medicine, not the study's own. */
function systemicMention(input: ExtractInput, m: Mention): boolean {
  if (m.type === 'therapyKind') return SYSTEMIC_KINDS.has(m.id);
  if (m.type === 'regimen') return true;
  if (m.type === 'drugClass') {
    const c = input.lex.classById.get(m.id);
    return !!c && c.kind !== 'supportive' && c.kind !== 'investigational' && !c.concomitant;
  }
  if (m.type === 'drug') {
    const classes = input.lex.drugById.get(m.id)?.classes ?? [];
    return classes.some((id) => {
      const c = input.lex.classById.get(id);
      return !!c && c.kind !== 'supportive' && c.kind !== 'investigational' && !c.concomitant;
    });
  }
  return false;
}

/**
 * Words that may stand between the plan and the treatment it names: "a treatment with a combination
 * of", "standard-of-care treatment with", "single agent or double agent", "first-line".
 */
const LEAD_WORDS = vocab(
  'a an the their new treatment treatments therapy therapies regimen regimens course with of combination combined ' +
    'standard care soc first second line 1st 2nd single double dual agent agents or and curative adjuvant neoadjuvant ' +
    'neo systemic palliative intent active',
);

/** The first systemic treatment right after `from` across lead words only (at most eight of them), or null. */
function objectAfter(input: ExtractInput, from: number, to: number): Mention | null {
  const { tokens, text } = input;
  let lead = 0;
  for (let i = tokenAt(tokens, from); i < tokens.length && lead <= 8; i++) {
    const t = tokens[i]!;
    if (t.start < from) continue;
    if (t.start >= to) return null;
    const m = input.mentions.find((x) => x.start === t.start);
    if (m && (m.type === 'drug' || m.type === 'drugClass' || m.type === 'regimen' || m.type === 'therapyKind'))
      return systemicMention(input, m) ? m : null;
    if (!(LEAD_WORDS.has(t.norm) || /^\d+$/.test(t.norm)) || /[;:.]/.test(text.slice(i > 0 ? tokens[i - 1]!.end : from, t.start))) return null;
    lead++;
  }
  return null;
}

/** The words a plan's finding may cover around its anchor: the plan, its object, its line and setting. */
const PLAN_WORDS = vocab(
  STATEMENT_COMMON,
  LEAD_WORDS,
  'starting start started initiating initiate initiated commencing commence begin beginning planning plan plans planned scheduled ' +
    'intend intends intending about due going will be to receive receiving undergo treated given standard of care soc ' +
    'immunotherapy chemotherapy immune checkpoint inhibitor inhibitors monoclonal antibody antibodies either without alone plus ' +
    'monotherapy doublet first line lines setting metastatic advanced as per by physician treating oncologist considered deemed ' +
    'judged appropriate eligible suitable candidate candidates fit requiring require requires need needs indicated pd l1 pd1 ' +
    'pdl1 anti ctla ici icis',
);

/** The plan as a verb before its object: "starting", "planning treatment with", "about to start", "planned". */
const PLAN_VERB = String.raw`(?:starting|initiating|commencing|(?:about|due|going|scheduled|planned|planning|plans?|intend(?:s|ed|ing)?)\s+to\s+(?:start|begin|initiate|commence)|(?:scheduled|planned|planning|plans?|intend(?:s|ed|ing)?)\s+to\s+(?:receive|undergo|be\s+treated\s+with)|planning|plans?|planned)`;
/** Only the patient is said before it (or nothing): "Patients starting …", "Starting …", "Patients who are planning …". */
const PLAN_SUBJECT =
  /^\W*(?:\d{1,3}\s*[.)]\s*)?(?:(?:the\s+)?(?:patients?|participants?|subjects?|individuals?|those)\s+)?(?:(?:who|that)\s+)?(?:(?:are|is|be|must|should|will|currently|already|being)\s+)*$/i;
/**
 * The patients named by their cancer: "Any skin cancer/melanoma patient starting …". Every word
 * between "any" and "patient" belongs to a cancer the lexicon names.
 */
function cancerPatients(input: ExtractInput, from: number, to: number): boolean {
  const m = /^\W*(?:(?:any|all)\s+)?(.+?)\s+(?:patients?|participants?|subjects?)\s+(?:(?:who|that)\s+(?:are|is)\s+)?$/i.exec(input.text.slice(from, to));
  if (!m) return false;
  const start = from + m.index + m[0].indexOf(m[1]!);
  const end = start + m[1]!.length;
  const cancers = input.mentions.filter((x) => x.type === 'cancer' && x.start >= start && x.end <= end);
  if (!cancers.length) return false;
  let rest = input.text.slice(start, end);
  for (const c of [...cancers].sort((x, y) => y.start - x.start)) rest = rest.slice(0, c.start - start) + rest.slice(c.end - start);
  return /^[\s/,]*(?:(?:and|or|and\/or)[\s/,]+)*[\s/,]*$/i.test(rest.replace(/\b(?:and|or)\b/gi, ' '));
}

/** The plan said after its object: "for which immunotherapy will be started". */
const STARTED_AFTER = String.raw`\b(?:for\s+(?:which|whom)|in\s+whom)\s+(?:[\w/-]+\s+){1,6}?(?:will|is\s+to|are\s+to|is\s+going\s+to|are\s+going\s+to)\s+be\s+(?:started|initiated|commenced)\b`;
const PLAN_ANCHOR = new RegExp(String.raw`\b${PLAN_VERB}\b|${STARTED_AFTER}`, 'i');
const STARTED_AFTER_RE = new RegExp(STARTED_AFTER, 'i');

/**
 * The care team finds the patient suited to the treatment: "appropriate for starting therapy with",
 * "candidate for standard of care therapy with". A disease that calls for it ("melanoma requiring
 * systemic treatment with anti-PD-1") is the same judgement, its indication (treatment_candidate's
 * "indication for").
 */
const CANDIDATE_ANCHOR =
  /\b(?:(?:(?:medically|clinically)\s+)?(?:appropriate|eligible|suitable|fit|(?:a\s+)?candidates?)\s+(?:for|to\s+(?:receive|start|begin|initiate|be\s+treated\s+with))(?:\s+(?:starting|initiating|initiation\s+of|the\s+start\s+of))?|requir(?:es|ing)\s+(?:(?:first[\s-]line|systemic|standard|palliative)\s+)*(?:treatment|therapy)\s+with)\b/i;

/** A need that belongs to the cancer: a cancer named just before "requiring". */
const REQUIRING_RE = /^requir/i;

/** Words that negate, permit, condition, or make the treatment the study's own or a date's anchor: not read. */
const REFUSED_RE =
  /\b(?:not|no|non|never|without\s+(?!chemo)|unless|except\w*|if|whether|unable|inability|ineligible|unfit|unsuitable|contra-?indicat\w*|refus\w*|declin\w*|progress\w*|refractory|relaps\w*|intoleran\w*|failed|failure|stud(?:y|ies)|protocol|trial|investigational|experimental|pregnan\w*)\b/i;
/**
 * A time said with the start: "starting hormonal therapy less than 4 weeks before inclusion" is a
 * start already made, a treatment received, not a plan.
 */
const DATED_RE =
  /\b(?:within|ago|since|prior\s+to|before|after|during|last|previous(?:ly)?|recent(?:ly)?)\b|\b\d+\s*(?:days?|weeks?|wks?|months?|years?)\b/i;
/** A permission of the sentence itself; one inside parentheses ("(prior therapy with ICI is allowed)") is about something else. */
const PERMISSION_RE =
  /\b(?:will|may|would|could|can)\s+(?:also\s+)?(?:be\s+)?(?:eligible|considered|allowed|included|enrolled)\b|\b(?:is|are)\s+(?:also\s+)?(?:eligible|allowed|permitted|accepted)\b/i;
/** A start that dates something else: "before starting", "at the time of starting", "weeks of initiating". */
const DATED_BEFORE_RE =
  /\b(?:before|prior\s+to|after|until|since|from|at|upon|of|following|when|while|by|within)\s+(?:the\s+)?(?:time\s+of\s+)?$/i;

/** The sentence with its parentheses (nested ones too) taken out. */
function withoutParentheses(s: string): string {
  for (let prev = ''; prev !== s; ) [prev, s] = [s, s.replace(/\([^()]*\)/g, ' ')];
  return s;
}

/** The anchor's match in the sentence, and the sentence's offset in the criterion. */
function anchored(input: ExtractInput, sentence: string, re: RegExp): { at: number; end: number; m: RegExpExecArray } | null {
  const m = re.exec(sentence);
  if (!m) return null;
  const base = input.text.indexOf(sentence);
  return { at: base + m.index, end: base + m.index + m[0].length, m };
}

/** One alternative of an inclusion ("have received or plan to receive"): required alone, it would exclude what the other admits. */
function alternative(input: ExtractInput, before: string, after: string): boolean {
  return /\bor\s+(?:[\w-]+\s+){0,3}$|\bor\s*,?\s*$/i.test(before) || /^\s*(?:,\s*)?(?:or|and\/or)\b/i.test(after) || (input.kind === 'inclusion' && /\b(?:received|receiving|had|completed|commenced)\b/i.test(after.slice(0, 40)));
}

/** How both plan statements are read: a requirement, plain among exclusions, with drug names in its run. */
const PLAN_READING = {
  reject: REFUSED_RE,
  polarity: 'requirement',
  plainInExclusion: true,
  words: PLAN_WORDS,
  drugs: true,
} as const satisfies Partial<Statement>;

const PLANNED: Statement = {
  topic: 'planned_treatment',
  category: 'other',
  gate: /start|initiat|commenc|plan/i,
  anchor: PLAN_ANCHOR,
  namesObject: /\bbe\s+(?:started|initiated|commenced)$/i,
  applies: (input, sentence) => {
    if (PERMISSION_RE.test(withoutParentheses(sentence)) || DATED_RE.test(sentence)) return false;
    const a = anchored(input, sentence, PLAN_ANCHOR);
    if (!a) return false;
    const sStart = input.text.indexOf(sentence);
    const before = input.text.slice(sStart, a.at);
    const after = input.text.slice(a.end, sStart + sentence.length);
    if (alternative(input, before, after)) return false;
    if (STARTED_AFTER_RE.test(a.m[0])) {
      // The object sits inside the anchor, and must be a systemic treatment. After alternatives
      // ("Stage III unresectable or … stage IV melanoma … for which immunotherapy will be started")
      // the clause would be joined to the last of them only: not read.
      if (/\bor\b/i.test(withoutParentheses(before))) return false;
      return input.mentions.some((m) => m.start >= a.at && m.end <= a.end && systemicMention(input, m));
    }
    if (!(PLAN_SUBJECT.test(before) || cancerPatients(input, sStart, a.at)) || DATED_BEFORE_RE.test(before)) return false;
    return objectAfter(input, a.end, sStart + sentence.length) !== null;
  },
  ...PLAN_READING,
};

const CANDIDATE: Statement = {
  topic: 'treatment_candidate',
  category: 'other',
  gate: /appropriate|eligible|suitable|fit\b|candidate|requir/i,
  anchor: CANDIDATE_ANCHOR,
  applies: (input, sentence) => {
    if (PERMISSION_RE.test(withoutParentheses(sentence)) || /\bonly\s+(?:be\s+)?eligible\b|\b(?:must|should|shall)\s+not\b/i.test(sentence)) return false;
    const a = anchored(input, sentence, CANDIDATE_ANCHOR);
    if (!a) return false;
    const sStart = input.text.indexOf(sentence);
    const before = input.text.slice(sStart, a.at);
    if (alternative(input, before, input.text.slice(a.end, sStart + sentence.length))) return false;
    if (REQUIRING_RE.test(a.m[0])) {
      // The cancer's need, read in inclusions only: among exclusions "requiring treatment" is a
      // condition's (an autoimmune disease requiring systemic treatment), and the need is the cancer's
      // only when a cancer is named just before it.
      if (input.kind !== 'inclusion') return false;
      if (!input.mentions.some((m) => m.type === 'cancer' && m.end <= a.at && a.at - m.end <= 40 && !/[;:.]/.test(input.text.slice(m.end, a.at)))) return false;
    }
    return objectAfter(input, a.end, sStart + sentence.length) !== null;
  },
  ...PLAN_READING,
};

export const SYSTEMIC_PLAN_STATEMENTS: Statement[] = [PLANNED, CANDIDATE];

/**
 * The two alternatives of "have received or plan to receive X", in either order: the plan, and the
 * receipt ("received", "completed", "commenced", "currently receiving", "been treated with").
 */
const PLAN_ALT = String.raw`(?:(?:(?:is|are|be|being)\s+)?(?:plann(?:ed|ing)|plans?|scheduled|intend(?:s|ed|ing)?)\s+(?:to\s+(?:receive|undergo|start|begin|have|be\s+treated\s+with)|for)|(?:(?:is|are|be|being)\s+)?planned|(?:(?:either\s+)?(?:is|are|be)\s+)?(?:initiating|starting|about\s+to\s+(?:start|begin|initiate)))`;
const HAD_ALT = String.raw`(?:(?:(?:have|has)\s+)?(?:(?:already|previously)\s+)?(?:received|completed|commenced|started|initiated|undergone|been\s+treated\s+with)|(?:(?:be|is|are)\s+)?(?:currently\s+)?receiving)`;
const ALT = `(?:${PLAN_ALT}|${HAD_ALT})`;
const EITHER_RE = new RegExp(
  String.raw`\b(${ALT}(?:\s*,\s*(?:(?:or|and\/or)\s+)?|\s+(?:or|and\/or)\s+)${ALT}(?:(?:\s*,\s*(?:(?:or|and\/or)\s+)?|\s+(?:or|and\/or)\s+)${ALT})?)\s*,?\s+(?:(?:an?|the)\s+)?(?:(?:treatment|therapy)\s+with\s+)?`,
  'i',
);
const PLAN_ALT_RE = new RegExp(`^${PLAN_ALT}$`, 'i');
const HAD_ALT_RE = new RegExp(`^${HAD_ALT}$`, 'i');

/** A setting said right before the treatment: "adjuvant immunotherapy". */
const SETTING_BEFORE_RE = /\b(adjuvant|neo-?adjuvant|maintenance|metastatic)\s*$/i;

/** The treatments of an "or" list from `from`: one priorTherapy query, or null when the list is not plain. */
function treatmentList(input: ExtractInput, from: number, to: number): { params: Record<string, unknown>; end: number } | null {
  const { text } = input;
  let pos = from;
  const drugs = new Set<string>();
  const classes = new Set<string>();
  const kinds = new Set<string>();
  let setting: string | undefined;
  const lead = /^(adjuvant|neo-?adjuvant|maintenance|metastatic|curative)(?:[\s-]+intent)?\s+/i.exec(text.slice(pos, to));
  if (lead) {
    setting = lead[1]!.toLowerCase().replace(/^neo-/, 'neo');
    pos += lead[0].length;
  }
  // Generic anticancer treatment: "treatment for cancer", "anticancer therapy", and a setting's
  // "treatment" ("curative treatment": any treatment of the cancer given with curative intent).
  const generic = (
    setting
      ? /^(?:(?:anti-?cancer|anti-?neoplastic|cancer)\s+)?(?:treatment|therapy)\b(?!\s+(?:with|of)\b)/i
      : /^(?:(?:anti-?cancer|anti-?neoplastic|cancer)\s+(?:treatment|therapy)|(?:treatment|therapy)\s+for\s+(?:their\s+|the\s+)?cancer)\b/i
  ).exec(text.slice(pos, to));
  if (generic) {
    const params: Record<string, unknown> = { kinds: [...ANTICANCER_KINDS] };
    return { params: setting ? { ...params, setting } : params, end: pos + generic[0].length };
  }
  let end = -1;
  for (;;) {
    const m = input.mentions.find((x) => x.start === pos && (x.type === 'drug' || x.type === 'drugClass' || x.type === 'regimen' || x.type === 'therapyKind'));
    if (!m || !systemicMention(input, m)) break;
    if (m.type === 'drug') drugs.add(m.id);
    else if (m.type === 'drugClass') classes.add(m.id);
    else if (m.type === 'therapyKind') kinds.add(m.id);
    else break; // a regimen names its drugs together: not an alternative of a list
    end = m.end;
    const sep = /^\s*(?:,\s*)?(?:or|and\/or|,)\s+/i.exec(text.slice(end, to));
    if (!sep) break;
    pos = end + sep[0].length;
  }
  if (end < 0) return null;
  // "X and Y", "X + Y": both together, which one query of alternatives does not say.
  if (/^\s*(?:and\b|\+|\/|with\b|plus\b)/i.test(text.slice(end, to))) return null;
  const params: Record<string, unknown> = {};
  if (drugs.size) params.drugs = [...drugs];
  if (classes.size) params.classes = [...classes];
  if (kinds.size) params.kinds = [...kinds];
  if (setting) params.setting = setting;
  return { params, end };
}

/** "Planned to receive or have received X" in an inclusion: any(attestation(planned_treatment), priorTherapy(X)). */
export const extractPlannedOrReceived: Extractor = (input) => {
  if (input.kind !== 'inclusion' || !/plan|schedul|intend|initiat|start/i.test(input.text)) return [];
  const m = EITHER_RE.exec(input.text);
  if (!m) return [];
  const verbs = m[1]!.split(/\s*,\s*(?:(?:or|and\/or)\s+)?|\s+(?:or|and\/or)\s+/i).map((v) => v.trim()).filter(Boolean);
  if (!verbs.some((v) => PLAN_ALT_RE.test(v)) || !verbs.some((v) => HAD_ALT_RE.test(v))) return [];
  if (negatedAt(input, m.index) || REFUSED_RE.test(input.text) || PERMISSION_RE.test(withoutParentheses(input.text))) return [];
  // "… within 4 weeks before planned or received …": the treatment dates something else.
  if (DATED_BEFORE_RE.test(input.text.slice(0, m.index))) return [];
  const listStart = m.index + m[0].length;
  const list = treatmentList(input, listStart, input.text.length);
  if (!list) return [];
  // The setting was taken with the list; one before the verbs ("adjuvant … planned or received") is not looked for.
  if (SETTING_BEFORE_RE.test(input.text.slice(0, m.index))) return [];
  const received: Condition = { fact: 'priorTherapy', operator: 'equal', value: true, params: list.params };
  const planned: Condition = { fact: 'attestation', operator: 'equal', value: true, params: { topic: 'planned_treatment' } };
  const finding: Finding = {
    category: 'prior_therapy',
    condition: { any: [planned, received] },
    spans: [[m.index, list.end]],
    anchor: m.index,
    polarityHandled: true,
  };
  return [finding];
};

/**
 * A span cut before a parenthesis it opens but does not close: the run of plan words may step into
 * an aside ("systemic chemotherapy (single or multi-agent, …) and/or …") and stop inside it, and a
 * finding ending there would make the aside's "or" an alternative to the plan.
 */
function closedSpan(text: string, [a, b]: [number, number]): [number, number] {
  const open: number[] = [];
  for (let i = a; i < b; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')') open.pop();
  }
  if (!open.length) return [a, b];
  let end = open[0]!;
  while (end > a && /\s/.test(text[end - 1]!)) end--;
  return [a, end];
}

/** The judgement statements of the same topics (history-judgement.ts), which read the plainer wordings. */
const JUDGED = JUDGEMENT_STATEMENTS.filter((st) => st.topic === 'planned_treatment' || st.topic === 'treatment_candidate');

const overlaps = (a: Finding, b: Finding): boolean => a.spans.some(([x, y]) => b.spans.some(([u, v]) => x < v && u < y));

/** Whether a span of the finding holds a systemic treatment: the plan's object is read with it. */
const readsTreatment = (input: ExtractInput, f: Finding): boolean =>
  input.mentions.some((m) => systemicMention(input, m) && f.spans.some(([a, b]) => m.start >= a && m.end <= b));

/**
 * The statements' findings, each span closed (closedSpan), for the sentences the judgement statements
 * do not read: two findings of one plan over different words would each place it among its
 * neighbours. Where the judgement statement reads the plan, its finding is given again as it is,
 * reading the prior-therapy topic too when a span of it holds the systemic treatment planned
 * ("Candidate for standard of care therapy with ipilimumab …"); the assembler joins the two copies.
 * The prior-therapy topic counts as read only so: an object left unread ("starting dual
 * \[ipilimumab …\]", where the run stops at the bracket) reads the plan, not the treatment.
 */
export const extractSystemicPlans: Extractor = (input) => {
  const judged = readStatements(input, JUDGED);
  const out: Finding[] = judged.filter((f) => readsTreatment(input, f)).map((f) => ({ ...f, alsoReads: ['prior_therapy'] }));
  for (const f of readStatements(input, SYSTEMIC_PLAN_STATEMENTS)) {
    const { alsoReads: _unused, ...rest } = f;
    const own: Finding = { ...rest, spans: f.spans.map((sp) => closedSpan(input.text, sp)) };
    if (judged.some((j) => overlaps(j, own))) continue;
    out.push(readsTreatment(input, own) ? { ...own, alsoReads: ['prior_therapy'] } : own);
  }
  return out;
};

export const SYSTEMIC_PLAN_EXTRACTORS: Extractor[] = [extractSystemicPlans, extractPlannedOrReceived];
