/**
 * How the disease behaved on an earlier treatment named by its place or its failure rather than by a
 * list the sentence reader takes (therapy.ts reads "progressed on X" itself):
 *
 *   "Documented evidence of progressive measurable disease on last line of therapy at screening"
 *        → all(priorTherapy(kinds: systemic, outcome: progression), unread "last line of therapy")
 *   "Documented evidence of progressive disease or failure to achieve a response to last line of therapy"
 *        → all(priorTherapy(kinds: systemic), any(priorTherapy(systemic, progression), unread "failure to
 *          achieve a response"), unread "last line of therapy")
 *   "Confirmed to be unresponsive to the last line of therapy (have stable disease or disease progression
 *    during treatment), or have disease progression following the last line of therapy"
 *        → all(any(priorTherapy(systemic, stable), priorTherapy(systemic, progression)), unread "last line")
 *   "Have failed prior immunotherapy line, either due to primary resistance or acquired resistance."
 *        → priorTherapy(kinds: immunotherapy, outcome: progression)
 *   "Participants who are progressing on combination ipilimumab/nivolumab as their last line of therapy"
 *        → all(priorTherapy(drugs: [ipilimumab, nivolumab], outcome: progression), unread "as their last
 *          line of therapy")
 *
 * The last (most recent) line is a prior line, so the outcome on some earlier systemic treatment is
 * necessary; which line was the last the record's outcome cannot say, so the place stays an unread
 * qualifier and the finding is a necessary condition only. A failure to respond is not progression
 * (the disease may have stayed stable, or the treatment stopped early): it stays an unread route, and
 * only the receipt of the treatment it presumes is read beside it. Resistance, primary or acquired,
 * is progression on the treatment: failure "due to" it is read as progression.
 *
 * A sentence is read only when every word outside the routes, the treatment and the evidence words
 * is a lead word, and nothing after them offers an alternative or a negation: the finding is then
 * joined to the rest of the criterion as a requirement.
 */
import { unreadWords as unread, type Condition } from '../facts';
import type { ExtractInput, Finding } from './extractor';
import type { TherapyIn } from './therapy-outcomes';

type Span = [number, number];
type ReadOutcome = 'progression' | 'stable';

/** A cheap test for the words every form holds: the caller skips the reader without it. */
export const PROGRESSION_FORM_GATE = /\b(?:last|latest|most\s+recent|resistance)\b/i;

/**
 * Progression on a named treatment, with its place among the lines said after it: "progressing on X
 * as their last line of therapy", "disease progression on X that was given as the most recent line
 * of therapy". Which line was the last the record cannot say, so the place stays an unread qualifier,
 * and the finding is a necessary condition only; so is progression on any of the drugs of a
 * combination ("on combination ipilimumab/nivolumab"), which the unread place keeps beside it.
 */
const PROGRESSED_ON_AS_LAST = new RegExp(
  String.raw`\b(?:(?:disease\s+)?progression|progressing|progressed|relapsed|relapsing)\s+(?:on|during|while\s+on)\s+(?:(?:the\s+)?combination\s+(?:of\s+)?)?(?<x>[^.;,]{2,100}?)\s+(?<place>(?:(?:that|which)\s+(?:was|were)\s+)?(?:given\s+)?as\s+(?:their|the|his|her)\s+(?:last|latest|most\s+recent)\s+(?:line(?:\s+of\s+(?:therapy|treatment))?|therapy|treatment|regimen))\s*[.;]?\s*$`,
  'id',
);

const ASSESSED = String.raw`(?:(?:radiographic(?:al(?:ly)?)?|radiologic(?:al)?(?:ly)?|clinical(?:ly)?|objective|confirmed|documented|measurable|evaluable)\s+)`;
/** Progression, read. "measurable" is the measurable-disease reader's, but narrows nothing here. */
const PROGRESSION = String.raw`(?:${ASSESSED}*(?:progressive\s+${ASSESSED}*disease(?:\s*\(PD\))?|(?:disease\s+)?progression(?:\s+of\s+(?:the\s+)?disease)?(?:\s*\(PD\))?|PD|progressed|relapsed|relapse|recurrence|recurred))`;
/** A failure to respond: no fact holds it (stable disease, or a stop before any response). */
const NO_RESPONSE = String.raw`(?:(?:a\s+)?failure\s+to\s+(?:achieve|attain|obtain)\s+(?:an?\s+)?(?:(?:minimal|partial|objective|adequate|meaningful)\s+)?response|failed\s+to\s+respond|(?:a\s+)?lack\s+of\s+(?:an?\s+)?response|no\s+response|non-?responsive|unresponsive|non-?responders?)`;
/** "unresponsive … (have stable disease or disease progression during treatment)": the route defined. */
const DEFINED_AS = /^\s*\(\s*(?:(?:have|has|had|with)\s+)?(?:stable\s+disease(?:\s*\(SD\))?|SD)\s+or\s+(?:disease\s+)?progress(?:ion|ive\s+disease)(?:\s+(?:during|on)\s+(?:the\s+)?(?:treatment|therapy))?\s*\)/i;
const NO_RESPONSE_ONLY = new RegExp(`^${NO_RESPONSE}$`, 'i');
const ROUTE = String.raw`(?:${PROGRESSION}|${NO_RESPONSE})`;
const PREP = String.raw`(?:on\s+or\s+after|during\s+or\s+after|on\s+or\s+following|while\s+on|in\s+response\s+to|on|to|during|after|following|with)`;
/** The earlier line named by its place only. */
const LAST_LINE = String.raw`(?:(?:the|their|his|her)\s+)?(?:last|latest|most\s+recent|immediately\s+(?:prior|preceding))\s+(?:(?:line|regimen)\s+of\s+(?:(?:systemic|anti-?cancer|anti-?myeloma|anti-?neoplastic)\s+)?(?:therapy|treatment)|(?:(?:systemic|anti-?cancer|anti-?myeloma|anti-?neoplastic)\s+)?(?:therapy|treatment|regimen)|line(?:\s+of\s+therapy)?)`;
/** One clause: routes joined by "or", their preposition and the last line. */
const CLAUSE = new RegExp(
  String.raw`(?<routes>${ROUTE}(?:\s*(?:,|\bor\b|\/)\s*(?:(?:have|has|had|be|been|a)\s+)?${ROUTE})*)(?:\s+|\s*\(\s*)${PREP}\s+(?<obj>${LAST_LINE})\b`,
  'gid',
);
/** "failed X (line), either due to primary resistance or acquired resistance". */
const RESISTANCE_FAILED = new RegExp(
  String.raw`\b(?:failed|progressed\s+(?:on|after|following)|been\s+refractory\s+to|refractory\s+to)\s+(?<x>[^.;,]{2,100}?)(?:\s+(?:lines?|regimens?)(?:\s+of\s+(?:therapy|treatment))?)?\s*,?\s*(?:either\s+)?(?:due\s+to|because\s+of|owing\s+to|from|with)\s+(?:either\s+)?(?:(?:primary|acquired|secondary|innate|intrinsic)\s+(?:resistance\s+)?(?:or|and\/or|\/)\s+(?:primary|acquired|secondary|innate|intrinsic)\s+resistance|(?:primary|acquired|secondary)\s+(?:or|and\/or|\/)\s+(?:primary|acquired|secondary)\s+resistance)`,
  'id',
);
/** Words a read sentence may hold besides the routes, the treatment and their evidence. */
const LEAD_WORD =
  /^(?:a|an|the|have|has|had|be|been|being|to|is|are|was|were|must|should|patients?|participants?|subjects?|who|that|which|with|documented|documentation|evidence|of|confirmed|radiographic(?:al(?:ly)?)?|radiologic(?:al)?(?:ly)?|clinical(?:ly)?|objective|determined|disease|and|experienced|shown|showing|demonstrated|\d+|[a-z]|[ivx]+)$/i;
/** What may follow the last line: when, and by whose criteria, the outcome was judged. */
const TAIL_WORD =
  /^(?:at|screening|based|on|or|after|their|the|a|an|investigator'?s?|investigators'|determination|determined|assessed|assessment|as|by|per|according|to|of|response|criteria|diagnostic|international|myeloma|working|group|imwg|recist|v?1\.1|iwg|lugano|cheson|rano|gcig|pcwg3?|iw-?cll|eln|european|leukemianet|study|entry|enrollment|enrolment|regimen|last|latest|most|recent|prior|and|confirmed|documented|radiographically|radiologically|version|\d+)$/i;

function systemic(outcome?: ReadOutcome): Condition {
  return { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['systemic'], ...(outcome ? { outcome } : {}) } };
}

function words(t: string): string[] {
  return t.match(/[^\s,:()*•\-\\]+/g)?.map((w) => w.replace(/[.;]$/, '')).filter(Boolean) ?? [];
}

/** The routes of a clause: outcomes read, and the text of those left unread. */
function routesOf(routes: string, defined: boolean): { outcomes: Set<ReadOutcome>; unreadRoutes: string[] } {
  const outcomes = new Set<ReadOutcome>();
  const unreadRoutes: string[] = [];
  for (const part of routes.split(/\s*(?:,|\bor\b|\/)\s*(?:(?:have|has|had|be|been)\s+)?/i)) {
    if (!part.trim()) continue;
    if (NO_RESPONSE_ONLY.test(part.trim())) {
      if (defined) {
        outcomes.add('stable');
        outcomes.add('progression');
      } else unreadRoutes.push(part.trim());
    } else outcomes.add('progression');
  }
  return { outcomes, unreadRoutes };
}

/**
 * Reads "progressive disease (or failure to achieve a response) on the last line of therapy" in a
 * sentence that says only that. Clauses joined by "or" over the same last line are alternatives.
 */
function readLastLine(text: string, s: number, e: number): { condition: Condition; spans: Span[]; cover: Span[] } | null {
  const t = text.slice(s, e);
  const clauses = [...t.matchAll(CLAUSE)];
  if (!clauses.length) return null;
  const outcomes = new Set<ReadOutcome>();
  const unreadRoutes: string[] = [];
  const spans: Span[] = [];
  const cover: Span[] = [];
  let objText = '';
  let prevEnd = 0;
  for (const [k, m] of clauses.entries()) {
    const at = m.index;
    const gap = t.slice(prevEnd, at);
    // Before the first clause only lead words; between two clauses only their "or" and lead words.
    if (k === 0 ? !words(gap).every((w) => LEAD_WORD.test(w)) : !/\bor\b/i.test(gap) || !words(gap.replace(/\bor\b/i, ' ')).every((w) => LEAD_WORD.test(w))) return null;
    if (/\b(?:not|no|never|without|nor)\b/i.test(gap)) return null;
    let end = at + m[0].length;
    const def = DEFINED_AS.exec(t.slice(end));
    const r = routesOf(m.groups!.routes!, !!def);
    for (const o of r.outcomes) outcomes.add(o);
    unreadRoutes.push(...r.unreadRoutes);
    const [oa, ob] = m.indices!.groups!.obj!;
    objText ||= m.groups!.obj!;
    spans.push([s + at, s + oa]);
    cover.push([s + oa, s + ob]);
    if (def) {
      cover.push([s + end, s + end + def[0].length]);
      end += def[0].length;
    }
    prevEnd = end;
  }
  // After the last clause only when and by whose criteria: no alternative, negation or condition.
  const tail = t.slice(prevEnd).replace(/\b(?:on|during)\s+or\s+(?:after|following)\b/gi, ' ');
  if (/\b(?:or|and\/or|not|no|never|without|unless|except|if|either|nor|may|allowed|permitted|eligible|optional|waived)\b/i.test(tail)) return null;
  if (!words(tail).every((w) => TAIL_WORD.test(w))) return null;
  if (!outcomes.size) return null;
  const read: Condition[] = [...outcomes].map((o) => systemic(o));
  const last = unread(objText);
  if (!unreadRoutes.length) return { condition: { all: [read.length === 1 ? read[0]! : { any: read }, last] }, spans, cover };
  // An unread route presumes the line was had: its receipt is read beside the alternatives.
  const routes: Condition = { any: [...read, ...unreadRoutes.map(unread)] };
  return { condition: { all: [systemic(), routes, last] }, spans, cover };
}

/** Reads "failed X, either due to primary resistance or acquired resistance" as progression on X. */
function readResistance(text: string, s: number, e: number, therapyIn: TherapyIn): { condition: Condition; spans: Span[] } | null {
  const t = text.slice(s, e);
  const m = RESISTANCE_FAILED.exec(t);
  if (!m?.groups?.x) return null;
  if (!words(t.slice(0, m.index)).every((w) => LEAD_WORD.test(w))) return null;
  const after = t.slice(m.index + m[0].length);
  if (words(after).length) return null;
  const [xa, xb] = m.indices!.groups!.x!;
  const condition = therapyIn(s + xa, s + xb, { outcome: 'progression' });
  if (!condition) return null;
  return { condition, spans: [[s + m.index, s + m.index + m[0].length]] };
}

/** Reads "progressing on X as their last line of therapy" (PROGRESSED_ON_AS_LAST), the whole sentence. */
function readAsLastLine(text: string, s: number, e: number, therapyIn: TherapyIn): { condition: Condition; spans: Span[]; cover: Span[] } | null {
  const t = text.slice(s, e);
  const m = PROGRESSED_ON_AS_LAST.exec(t);
  if (!m?.groups?.x || !m.groups.place) return null;
  if (!words(t.slice(0, m.index)).every((w) => LEAD_WORD.test(w) || /^(?:not|no)$/i.test(w))) return null;
  const [xa, xb] = m.indices!.groups!.x!;
  const [pa, pb] = m.indices!.groups!.place!;
  const progressed = therapyIn(s + xa, s + xb, { outcome: 'progression' });
  if (!progressed) return null;
  return {
    condition: { all: [progressed, unread(m.groups.place)] },
    spans: [[s + m.index, s + pa]],
    cover: [[s + pa, s + pb]],
  };
}

/**
 * Reads each sentence [s, e) that only says how the disease behaved on an earlier line named by its
 * place, or why a named treatment failed. Sentences another reading already covers (`out`, `used`)
 * are left; read ones are added to `used`.
 */
export function readProgressionForms(input: ExtractInput, sents: Span[], therapyIn: TherapyIn, out: Finding[], used: Span[]): void {
  const { text } = input;
  if (!PROGRESSION_FORM_GATE.test(text)) return;
  for (const [s, e] of sents) {
    if (!PROGRESSION_FORM_GATE.test(text.slice(s, e))) continue;
    if (out.some((f) => f.spans.some(([a, b]) => a < e && s < b)) || used.some(([a, b]) => a < e && s < b)) continue;
    const last = readLastLine(text, s, e) ?? readAsLastLine(text, s, e, therapyIn);
    const read = last ?? readResistance(text, s, e, therapyIn);
    if (!read) continue;
    out.push({
      category: 'prior_therapy',
      condition: read.condition,
      spans: read.spans,
      anchor: read.spans[0]![0],
      ...(last?.cover.length ? { cover: last.cover } : {}),
    });
    used.push([s, e]);
  }
}

/** The place of a line among the earlier ones ("the last", "most recent"), said before a treatment. */
const PLACE_RE = /\b(?:(?:the|their|his|her)\s+)?(?:last|latest|most\s+recent|immediately\s+(?:prior|preceding))\b/gi;

/**
 * Where an outcome cue before a list names the line by its place ("progressed on or after the last",
 * "progression on their most recent"): [start, end) in `cue`, outside its time (`time`, which holds
 * "the last dose" of its own), or null. No fact says which line was the last, so therapy.ts leaves
 * the words unread beside the finding, which is then a necessary condition only.
 */
export function lastPlaceIn(cue: string, time: string | undefined): Span | null {
  const tAt = time ? cue.indexOf(time) : -1;
  for (const m of cue.matchAll(PLACE_RE)) {
    if (tAt >= 0 && m.index >= tAt && m.index < tAt + time!.length) continue;
    return [m.index, m.index + m[0].length];
  }
  return null;
}
