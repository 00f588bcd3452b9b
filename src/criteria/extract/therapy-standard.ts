/**
 * Standard therapy exhausted, said in the forms the standard-therapy statements (history-judgement.ts)
 * leave unread: with a count of lines, beside an alternative that is no route of theirs, after a
 * receipt, or carried across a semicolon. The record shows the earlier treatment and how it ended;
 * that it was the standard one it cannot show:
 *
 *   "Disease progression after standard of care (SOC) therapy or in the opinion of"
 *        → any(all(priorTherapy(kinds: every anticancer kind, outcome: progression),
 *                  unread "standard of care (SOC) therapy"), unread "in the opinion of")
 *   "Disease progression after at least two prior lines of standard therapy (including targeted
 *    therapy), or for whom no standard therapy exists or is medically unsuitable."
 *        → any(all(priorLines ≥ 2, priorTherapy(kinds: systemic, outcome: progression),
 *                  unread "standard therapy", unread "including targeted therapy"),
 *              unread "for whom no standard therapy exists or is medically unsuitable")
 *   "… solid tumor that has relapsed or progressed on or after standard systemic treatments, or is
 *    intolerable with standard treatment; or for which no standard treatment is available."
 *        → any(all(priorTherapy(systemic, progression), unread "standard systemic treatments"),
 *              all(priorTherapy(every kind, intolerance), unread "standard treatment"),
 *              unread "for which no standard treatment is available")
 *   "Patients must have previously received at least one standard therapy for their cancer (if
 *    available) and have been either non-responders (progressive disease) or have recurred."
 *        → any(all(priorTherapy(every kind, progression), unread "standard therapy"), unread "if available")
 *
 * Each route is the record's finding: the treatment, ended by progression or stopped for its harms
 * (THERAPY_OUTCOMES). Whether it was the standard therapy is no fact of the record, and the finding
 * alone would be broader than the text (a patient who progressed on an investigational drug only has
 * not progressed on standard therapy), so the object's words stay an unread qualifier beside it: the
 * finding is a necessary condition of the route. Alternatives no fact holds (no standard therapy
 * exists, refusal, ineligibility, the investigator's opinion, "if available") stay unread leaves
 * beside the routes, so that a patient without the treatment is unknown, never failed. Failure to
 * respond is not progression (the disease may have stayed stable): it stays an unread route, beside
 * the receipt it presumes. So does "unable to tolerate", which may be foreseen rather than met.
 * The care team's answers to these questions are the standard-therapy attestations, which the
 * statements read where every alternative of a list is one of theirs; this reader leaves such
 * sentences to them.
 *
 * Which treatments "standard therapy" spans. Standard therapy is what guidelines recommend for the
 * patient's cancer and stage, which for many cancers is surgery, radiotherapy or chemoradiotherapy
 * (NCCN Guidelines: resection for early-stage disease, chemoradiation for locally advanced head and
 * neck and cervical cancer, radiotherapy for glioma), not only drugs: a patient whose disease came back
 * after standard resection has relapsed after standard therapy. Read as systemic therapy only, the
 * route would fail that patient, so "standard therapy" is read as every anticancer kind
 * (ANTICANCER_KINDS, as a generic "prior anticancer therapy" is read in therapy-generic.ts). Systemic
 * therapy only where the text says so: "standard systemic therapy", "standard drug therapy", or a count
 * of lines or regimens, which count systemic lines (the priorLines fact, and therapy-line-outcome.ts).
 *
 * A named treatment is never swallowed by "standard": an object that names a kind, class or drug
 * ("standard chemotherapy", "standard checkpoint inhibitor therapy", "standard of care systemic
 * chemotherapy doublet") is not read here, and treatments named as what the standard therapy included
 * ("(including targeted therapy)") narrow it: they stay an unread leaf beside the finding.
 *
 * Only inclusions are read, and only a sentence whose every word is a lead word, the routes and their
 * objects, or an alternative after "or"; the criterion's other sentences must offer no way in
 * (refusal, ineligibility, the investigator's opinion), which read apart would leave the routes
 * required alone.
 */
import { ANTICANCER_KINDS, flatten, unreadWords as unread, type Condition, type LeafCondition } from '../facts';
import type { ExtractInput, Finding } from './extractor';
import { standardStatementsRead } from './history-judgement';
import { sentences as statementSentences } from './history-util';
import { therapySentences } from './therapy-sentences';

type Span = [number, number];
type Outcome = 'progression' | 'intolerance';

/** A cheap test for the words every form holds: the caller skips the reader without it. */
export const STANDARD_THERAPY_GATE = /\b(?:standard|SOC|conventional)\b/i;

/** Words before "standard" (or "standard of care", "SOC", "conventional") that narrow nothing: "all available", "prior". */
const BEFORE = String.raw`(?:(?:the|all|any|their|prior|previous|available|appropriate|existing|approved|accepted|established|currently)\s+)*`;
/** Words between "standard" and its noun: that the treatment is systemic, or is the first line. */
const KIND = String.raw`(?:(?:systemic|drug|anti-?cancer|anti-?neoplastic|antineoplastic|anti-?tumou?r|cancer|therapeutic|first[\s-]line|1st[\s-]line)[\s-]+)`;
const NOUN = String.raw`(?:therap(?:y|ies)(?:\(ies\))?|treatments?(?:\(s\))?|regimens?(?:\(s\))?)`;
/** What the object must not run on into: a named treatment, or its make-up. */
const NOT_NAMED = String.raw`(?![\s-]+(?:(?:[\w-]+[\s-]+){0,2}(?:chemo\w*|immuno\w*|radi\w*|surg\w*|inhibitors?|agents?|drugs?|doublets?|antibod(?:y|ies)|\w+-based|\w+-containing)\b|with\b|based\b|containing\b|consisting\b|directed\b|of\b(?!\s+(?:their|the|his|her)\b)))`;
/**
 * The standard therapy: "standard therapy", "prior standard of care (SOC) therapy", "standard systemic
 * treatments", a bare "standard of care" (not "standard of care chemotherapy").
 */
const OBJECT = String.raw`${BEFORE}(?:standard[\s-]+of[\s-]+care(?:\s*\((?:SOC|SoC)\))?(?:[\s-]+${KIND}*${NOUN})?|(?:standard|SOC|SoC|conventional)(?:\s*\((?:SOC|SoC)\))?[\s-]+${KIND}*${NOUN}(?:\s+${NOUN})?)${NOT_NAMED}`;
/** Words after it that say only whose standard it is ("for their cancer", "appropriate for their tumor type and stage"). */
const WHOSE = String.raw`(?:\s+(?:(?:appropriate|indicated)\s+)?(?:for|to)\s+(?:their|the|his|her)\s+(?:cancers?|tumou?r(?:\s+type)?|disease|malignanc(?:y|ies)|condition)(?:\s+and\s+(?:stage|setting)(?:\s+of\s+(?:the\s+)?disease)?)?)?`;
const NUM = String.raw`(?:one|two|three|four|five|[1-5])`;
/** A count of lines before the object: "at least two prior lines of", "≥ 2 regimens of". */
const COUNT = (n: string): string =>
  String.raw`(?:(?:at\s+least|a\s+minimum\s+of|≥|>=)\s*(?<${n}>${NUM})\s+(?:(?:prior|previous)\s+)?(?:lines?|regimens?)\s+of\s+|(?:at\s+least|a\s+minimum\s+of|≥|>=)?\s*(?:one|1)\s+(?:(?:prior|previous)\s+)?(?:(?:lines?|regimens?)\s+of\s+)?)`;

/** A route that ends in progression, and one that ends for the treatment's harms. */
const PROGRESSED = String.raw`(?:(?:(?:documented|radiographic(?:al)?|radiological|confirmed|objective|clinical)\s+)*(?:evidence\s+of\s+)?(?:disease\s+)?progression(?:\s+of\s+(?:the\s+)?disease)?|progressive\s+disease(?:\s*\(PD\))?|progressed|progressing|relapsed(?:\s*\/\s*refractory)?|relapsed\s+or\s+refractory|relapse|recurred|recurrence|refractory|resistant|failed(?!\s+to\b)|failure(?!\s+to\b))`;
const INTOLERANT = String.raw`(?:intoleran(?:t|ce)|intolerable|intolerability)`;
const ROUTE = String.raw`(?:${PROGRESSED}|${INTOLERANT})`;
const PREP = String.raw`(?:(?:on|during|while\s+on)\s+or\s+(?:after|following)|after|following|on|despite|through|during|to|with|of|in|while\s+(?:on|receiving))`;
const AUX = String.raw`(?:(?:is|are|be|been|being|has|have|had|who|was|were)\s+)`;
const LINK = String.raw`(?:\s*,\s*(?:(?:or|and\/or)\s+)?|\s*\/\s*|\s+(?:or|and\/or)\s+)${AUX}{0,2}`;
/** Routes and the object they share: "relapsed or progressed on or after standard systemic treatments". */
const ROUTES_CLAUSE = String.raw`(?<routes>${ROUTE}(?:\s+${PREP})?(?:${LINK}${ROUTE}(?:\s+${PREP})?)*)\s+(?:${COUNT('n')})?(?<obj>${OBJECT})${WHOSE}`;

/** How a receipt ended: "non-responders (progressive disease)", "have recurred", "were intolerant". */
const END_ONE = String.raw`(?:non-?responders?\s*\(\s*progressive\s+disease\s*\)|non-?responders?|failed\s+to\s+respond|progressed|relapsed|recurred|intolerable|intolerant)`;
const ENDS = String.raw`(?<ends>${END_ONE}(?:\s*,\s*(?:or\s+)?${AUX}{0,2}${END_ONE}|\s+or\s+${AUX}{0,2}${END_ONE})*)(?:\s+(?:to|on|with|after)\s+(?:that|this|the|such)\s+(?:therapy|treatment|regimen))?`;
/** "received (at least one) standard therapy for their cancer (if available) and have been either non-responders … or have recurred". */
const RECEIPT_CLAUSE = String.raw`(?:(?:previously|already)\s+)?(?:received|undergone|been\s+treated\s+with)\s+(?:${COUNT('rn')})?(?<robj>${OBJECT})${WHOSE}(?<avail>\s*\(\s*if\s+available\s*\))?(?:\s*,?\s+and\s+${AUX}{0,2}(?:either\s+)?${ENDS})?`;

const CLAUSE = new RegExp(String.raw`(?:${ROUTES_CLAUSE}|${RECEIPT_CLAUSE})`, 'iyd');
const CLAUSE_ANYWHERE = new RegExp(String.raw`\b(?:${ROUTES_CLAUSE}|${RECEIPT_CLAUSE})`, 'id');
/** An "or" that leads to another route clause: where an unread alternative before it ends. */
const OR_TO_CLAUSE = new RegExp(String.raw`(?:\s*[,;]\s*|\s+)\(?\s*(?:or|and\/or)\s+${AUX}{0,3}(?=(?:${ROUTES_CLAUSE}|${RECEIPT_CLAUSE}))`, 'gi');

/** Words a sentence may hold before its first route. */
const LEAD_WORD =
  /^(?:patients?|participants?|subjects?|who|must|should|have|has|had|been|be|is|are|documented|documentation|with|objective|radiographic(?:al)?|radiological|clinical|evidence|of|the|a|an|disease|experienced|developed|shown|previously|\d+|[a-z]|[ivx]+)$/i;
/** A route word before the first clause: a list this reader did not take from its start. */
const ROUTE_WORD = /\b(?:progress\w*|relaps\w*|refractory|recurr\w*|resistant|fail\w*|intoleran\w*|intolerab\w*|refus\w*|declin\w*|received|treated)\b/i;
/** A disease phrase other readers read, ending in the relative that leads to the routes: "… solid tumor that has". */
const RELATIVE_LEAD = /\b(?:that|which|who)\s+(?:(?:is|are|has|have|had|was|were|been|either)\s+){0,2}$/i;
/** Words that make what comes before the routes an alternative, a condition, a negation or a cohort's. */
const LEAD_BLOCK =
  /\b(?:or|nor|not|no|never|without|unless|if|except|may|can|could|only|eligible|allowed|permitted|cohorts?|parts?|arms?|phase|for\s+(?:patients?|participants?|subjects?))\b|[:;]/i;
/**
 * A second group of patients before the routes ("…, as well as patients with cutaneous neoplasms …
 * that have failed standard therapy"): the routes bind that group only, not the one named first.
 */
const SECOND_GROUP =
  /\bas\s+well\s+as\b|(?:,|\bor\b|\band\b)\s+(?:(?:in|for)\s+)?(?:patients?|participants?|subjects?|those|individuals?)\s+(?:with|who|whose|having)\b/i;
/**
 * A further requirement inside an unread alternative, which read as one leaf would bind the routes too.
 * "etc." is none: the alternatives it leaves unnamed are as unread as the one before it.
 */
const ALT_BLOCK = /\b(?:and(?!\s*\/\s*or)|must|should|but|also|eligible|allowed|permitted)\b/i;
/** A heading that makes each criterion under it one option (as therapy-generic.ts reads it). */
const OPTIONS_LEAD = /\b(?:one|any|either|at\s+least\s+one)\s+of\b|\beither\b|\bor\s*:?\s*$/i;
/** Another sentence of the criterion that offers a way in or a condition: the routes are not required alone. */
const OTHER_WAY =
  /\b(?:refus\w*|declin\w*|ineligib\w*|not\s+(?:be\s+)?(?:eligible|candidates?|suitable|appropriate|amenable)|unsuitable|unfit|unable|opinion|judge?ment|discretion|unless|except\w*|if|may|alternatively|contraindicat\w*|no\s+(?:standard|available|effective|other|further|curative|approved))\b/i;

function treated(kinds: string[], outcome?: Outcome): LeafCondition {
  return { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds, ...(outcome ? { outcome } : {}) } };
}

function words(t: string): string[] {
  return t.match(/[^\s,()*•\-\\]+/g)?.map((w) => w.replace(/[.;:]$/, '')).filter(Boolean) ?? [];
}

/** The criterion's sentences, one carried on by "or" after a semicolon joined to the one before it. */
function sentenceGroups(text: string, sents: Span[]): Span[] {
  const out: Span[] = [];
  for (const [s, e] of sents) {
    const last = out[out.length - 1];
    if (last && /^\W*(?:or|and\/or)\b/i.test(text.slice(s, e))) last[1] = e;
    else out.push([s, e]);
  }
  return out;
}

interface Clause {
  condition: Condition;
  spans: Span[];
  cover: Span[];
}

/** The reading of one route or receipt clause matched by `m` at offset `at` of the text. */
function clauseReading(m: RegExpExecArray, at: number): Clause | null {
  const g = m.groups!;
  const obj = g.obj ?? g.robj ?? '';
  const count = g.n ?? g.rn;
  const n = count ? toCount(count) : null;
  // A count of lines counts systemic lines; so does a standard "systemic" or "drug" therapy.
  const systemic = n !== null || /\b(?:systemic|drug)\b/i.test(obj) || /\b(?:lines?|regimens?)\s+of\s*$/i.test(m[0].slice(0, m[0].indexOf(obj)));
  // Every anticancer kind otherwise: standard therapy may be surgery or radiotherapy (see the header).
  const kinds = systemic ? ['systemic'] : [...ANTICANCER_KINDS];
  const parts: Condition[] = [];
  const unreadRoutes: string[] = [];
  const outcomes = new Set<Outcome>();
  const routesText = g.routes ?? g.ends;
  if (routesText) {
    // A route said without its preposition takes the next route's ("refractory or intolerant to"), but
    // the last one needs its own, or must be "failed" ("failed standard therapy").
    if (g.routes && !new RegExp(String.raw`(?:\s${PREP}|\bfail(?:ed|ure))$`, 'i').test(routesText)) return null;
    for (const r of routesText.matchAll(new RegExp(g.routes ? ROUTE : END_ONE, 'gi'))) {
      const p = r[0];
      if (/^non-?responders?\s*\(\s*progressive/i.test(p)) outcomes.add('progression');
      else if (/^(?:non-?responders?|failed\s+to\s+respond)$/i.test(p)) unreadRoutes.push(p);
      else if (/intoler/i.test(p)) outcomes.add('intolerance');
      else outcomes.add('progression');
    }
  }
  // That the treatment was the standard one is no fact of the record: the object's words stay an
  // unread qualifier beside the finding, which is then a necessary condition of the route only.
  const standard = unread(obj);
  const routes: Condition[] = [...outcomes].map((o) => treated(kinds, o));
  if (!routesText) parts.push(treated(kinds));
  else if (unreadRoutes.length) {
    // A route no outcome holds ("failed to respond") presumes the treatment: its receipt is read beside.
    parts.push(treated(kinds), flatten('any', [...routes, ...unreadRoutes.map((r) => unread(r))]));
  } else if (routes.length) parts.push(flatten('any', routes));
  else return null;
  if (n !== null && n >= 2) parts.unshift({ fact: 'priorLines', operator: 'greaterThanInclusive', value: n });
  parts.push(standard);
  const [oa, ob] = (m.indices!.groups!.obj ?? m.indices!.groups!.robj)!;
  const start = at + m.index;
  const end = start + m[0].length;
  return {
    condition: flatten('all', parts),
    spans: [
      [start, at + oa],
      [at + ob, end],
    ].filter(([a, b]) => b! > a!) as Span[],
    cover: [[at + oa, at + ob]],
  };
}

function toCount(w: string): number {
  const i = ['one', 'two', 'three', 'four', 'five'].indexOf(w.toLowerCase());
  return i >= 0 ? i + 1 : Number(w);
}

/** A parenthesis naming what the standard therapy included, or examples of it: it narrows the finding. */
const INCLUDED_PAREN = /^\s*\(\s*(?:including|incl\.?|e\.g\.?,?|such\s+as|for\s+example)\s[^()]*\)/i;
const IF_AVAILABLE = /^\s*\(\s*if\s+available\s*\)/i;
/** An "or" that opens an alternative, maybe inside a parenthesis: "(or no standard therapy available)". */
const OR_OPEN = new RegExp(String.raw`^(?:\s*[,;]\s*|\s+)?\(?\s*(?:or|and\/or)\s+${AUX}{0,3}`, 'i');

/** Reads the sentence [s, e) as routes of standard therapy and alternatives, or null. */
function readSentence(input: ExtractInput, s: number, e: number): Clause | null {
  const { text } = input;
  const t = text.slice(s, e);
  const first = CLAUSE_ANYWHERE.exec(t);
  if (!first) return null;
  const before = t.slice(0, first.index);
  if (STANDARD_THERAPY_GATE.test(before) || ROUTE_WORD.test(before)) return null;
  if (words(before).every((w) => LEAD_WORD.test(w))) {
    if (/[:;]/.test(before)) return null;
  } else {
    // A disease phrase before the relative is the disease readers' ("advanced/unresectable or
    // metastatic solid tumor that is"), joined to the routes by "and"; its own "or" joins its words.
    // The relative must not be an alternative ("… or who have"), nor the phrase a condition, a
    // negation or a cohort's.
    if (!RELATIVE_LEAD.test(before) || /\b(?:or|and\/or)\s+(?:(?:patients?|participants?|subjects?|those|in|for)\s+){0,2}$/i.test(before.replace(RELATIVE_LEAD, ''))) return null;
    if (SECOND_GROUP.test(before) || LEAD_BLOCK.test(before.replace(/\b(?:or|and\/or)\b/gi, ' '))) return null;
  }
  if (input.scopes.in('negated', s + first.index)) return null;
  const readings: Condition[] = [];
  const alternatives: Condition[] = [];
  const spans: Span[] = [];
  const cover: Span[] = [];
  // The clauses read, each with the qualifiers said after it.
  const clauses: Array<{ clause: Clause; qualifiers: Condition[] }> = [];
  let pos = first.index;
  let m: RegExpExecArray | null = first;
  for (;;) {
    if (m) {
      const c = clauseReading(m, s);
      if (!c) return null;
      clauses.push({ clause: c, qualifiers: [] });
      spans.push(...c.spans);
      cover.push(...c.cover);
      pos = m.index + m[0].length;
      if (m.groups?.avail) alternatives.push(unread('if available'));
      m = null;
    }
    const rest = t.slice(pos);
    if (!/[^\s.,;)]/.test(rest)) break;
    const inc = INCLUDED_PAREN.exec(rest);
    if (inc) {
      clauses[clauses.length - 1]!.qualifiers.push(unread(inc[0].replace(/^\s*\(\s*|\s*\)\s*$/g, '')));
      cover.push([s + pos, s + pos + inc[0].length]);
      pos += inc[0].length;
      continue;
    }
    const avail = IF_AVAILABLE.exec(rest);
    if (avail) {
      alternatives.push(unread('if available'));
      cover.push([s + pos, s + pos + avail[0].length]);
      pos += avail[0].length;
      continue;
    }
    const or = OR_OPEN.exec(rest);
    if (!or) return null;
    const from = pos + or[0].length;
    CLAUSE.lastIndex = from;
    const next = CLAUSE.exec(t);
    if (next) {
      m = next;
      continue;
    }
    // An unread alternative: up to the next "or" that leads to a route clause, or to the end.
    OR_TO_CLAUSE.lastIndex = from;
    const stop = OR_TO_CLAUSE.exec(t);
    const to = stop ? stop.index : t.length;
    const alt = t.slice(from, to).replace(/[\s.,;)]+$/, '');
    if (!/\w/.test(alt) || ALT_BLOCK.test(alt)) return null;
    alternatives.push(unread(alt));
    cover.push([s + pos, s + to]);
    pos = to;
  }
  for (const { clause, qualifiers } of clauses) readings.push(qualifiers.length ? flatten('all', [clause.condition, ...qualifiers]) : clause.condition);
  if (!readings.length) return null;
  return { condition: flatten('any', [...readings, ...alternatives]), spans, cover };
}

/** The sentence groups read here, each with its reading, once per criterion (disease.ts asks too). */
const readings = new WeakMap<ExtractInput, Array<{ s: number; e: number; read: Clause }>>();
function standardReadings(input: ExtractInput, sents: Span[]): Array<{ s: number; e: number; read: Clause }> {
  let found = readings.get(input);
  if (found) return found;
  found = [];
  readings.set(input, found);
  const { text } = input;
  if (input.kind !== 'inclusion' || !STANDARD_THERAPY_GATE.test(text)) return found;
  // A criterion offered as one option of a list ("One of the following:", "either:") is no requirement.
  if (input.context.some((c) => OPTIONS_LEAD.test(c))) return found;
  for (const [s, e] of sentenceGroups(text, sents)) {
    if (!STANDARD_THERAPY_GATE.test(text.slice(s, e))) continue;
    // A sentence the standard-therapy statements read is theirs (history-judgement.ts).
    if (statementSentences(text).some(([a, b]) => a < e && s < b && standardStatementsRead(input, text.slice(a, b)))) continue;
    // The criterion's other sentences may offer a way in the routes do not hold.
    if (OTHER_WAY.test(`${text.slice(0, s)} ${text.slice(e)}`)) continue;
    const read = readSentence(input, s, e);
    if (read) found.push({ s, e, read });
  }
  return found;
}

/**
 * The routes read here, as spans of the text: the disease reader leaves the course they name
 * ("relapsed/refractory after standard therapy") to them, since read as the disease's state it would
 * be required beside the alternatives the routes stand with ("… or no standard therapy available").
 */
export function standardRouteSpans(input: ExtractInput): Span[] {
  if (input.kind !== 'inclusion' || !STANDARD_THERAPY_GATE.test(input.text)) return [];
  return standardReadings(input, therapySentences(input.text)).flatMap((r) => r.read.spans);
}

/**
 * Reads each sentence of an inclusion that only says standard therapy was exhausted (its routes and
 * their alternatives). Sentences another reading already covers (`out`, `used`) are left; read ones
 * are added to `used`.
 */
export function readStandardTherapy(input: ExtractInput, sents: Span[], out: Finding[], used: Span[]): void {
  for (const { s, e, read } of standardReadings(input, sents)) {
    if (out.some((f) => f.spans.some(([a, b]) => a < e && s < b)) || used.some(([a, b]) => a < e && s < b)) continue;
    out.push({
      category: 'prior_therapy',
      condition: read.condition,
      spans: read.spans,
      anchor: read.spans[0]![0],
      ...(read.cover.length ? { cover: read.cover } : {}),
    });
    used.push([s, e]);
  }
}
