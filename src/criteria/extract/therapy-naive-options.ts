/**
 * Treatment-naive offered as one route of two in an inclusion (therapy.ts reads "treatment-naive"
 * alone, and leaves it unread beside an "or"):
 *
 *   "Must be treatment naïve or have had treatment no less than 6 months prior to enrollment"
 *        → any(priorTherapy(kinds: systemic) = false, unread "have had treatment no less than 6 months …")
 *   "Treatment-naive or after one prior line of checkpoint inhibitor treatment (…) in the … setting"
 *        → any(priorTherapy(kinds: systemic) = false, unread "after one prior line of …")
 *   "… NSCLC … either treatment naive or progressed on 1 or more lines of therapy at the time of study entry"
 *        → any(priorTherapy(kinds: systemic) = false, unread "progressed on 1 or more lines …")
 *   "… in subjects who are ICI treatment-naive or relapsed/refractory, including PD-1/PD-L1 inhibitors"
 *        → any(priorTherapy(classes: checkpoint_inhibitor) = false, unread "relapsed/refractory, …")
 *   "Patients may be on treatment or treatment naïve."
 *        → any(unread "on treatment", priorTherapy(kinds: systemic) = false)
 *
 * The reading is sufficient only: a patient with no systemic treatment at all is treatment-naive
 * whatever setting or treatment the text narrows "naive" to, so the route holds for them, and every
 * other patient is left to the unread route. The finding spans both routes, so neither is joined to
 * the rest of the criterion as a requirement of its own; and it is a fallback, dropped wherever
 * another reader took words of the region (a requirement read there would bind the naive route too).
 *
 * Read only where the text offers the two routes to everyone the sentence binds: not under a lead-in
 * of options ("Diagnosis of the following:"), a condition ("If a patient is treatment naïve and …"),
 * a cohort label, a negation, or with a further requirement after the second route ("… or X, and
 * must have …") that the any() would wrongly make optional.
 */
import { unreadWords, type Condition, type LeafCondition } from '../facts';
import type { ExtractInput, Finding } from './extractor';
import type { TherapyIn } from './therapy-outcomes';

type Span = [number, number];

/** Cheap tests for the words every form holds: the reader skips a text without both. */
const NAIVE_GATE = /na[iï]ve/i;
const OR_GATE = /\bor\b/i;
const gate = (t: string): boolean => NAIVE_GATE.test(t) && OR_GATE.test(t);

/** "treatment-naive", "therapy naïve", with what it is naive to said before it ("ICI treatment-naive"). */
const NAIVE = String.raw`(?:(?:treatment|therapy)[\s-]*na[iï]ve)`;
/** Naive first: "[either] (X )?treatment-naive or <route>" to the end of the sentence. */
const NAIVE_FIRST_RE = new RegExp(String.raw`(?<either>\beither\s+)?(?<x>(?:[A-Za-z][\w()/-]*\s+)??)${NAIVE}\s*,?\s*or\s+(?<alt>\S[^]*)$`, 'i');
/** Naive last: "<lead> <route> or treatment-naive" closing the sentence. */
const NAIVE_LAST_RE = new RegExp(
  String.raw`^(?<lead>\W*(?:(?:the\s+)?(?:patients?|participants?|subjects?)\s+)?(?:(?:must|should|may|can)\s+)?(?:be|are|is)\s+(?:either\s+)?)(?<alt>[^]+?)\s*,?\s+or\s+(?:be\s+)?${NAIVE}\s*$`,
  'i',
);
/** Words that may stand right before "treatment-naive" without naming what it is naive to. */
const LEAD_BEFORE_RE = /^(?:be|are|is|was|were|being|must|should|who|that|which|and|either|both|previously|currently|considered|\W*)$/i;
/** Words before the routes that make them conditional, optional for some, or one option of a list. */
const GUARD_BEFORE_RE =
  /\b(?:if|when|whether|unless|except|not|no|never|without|nor|neither|cohorts?|arms?|parts?|phase|groups?|stratum|one\s+of|history\s+of)\b/i;
/** Words of an earlier sentence that bind the ones after it to some patients only. */
const EARLIER_GUARD_RE = /\b(?:if|when|unless|cohorts?|arms?|parts?|phase|groups?|stratum)\b/i;
/** A lead-in above the criterion that makes each line one option. */
const OPTIONS_LEAD_RE = /\b(?:one|any|either|at\s+least\s+one)\s+of\b|\beither\b|\bfollowing\s*:?\s*$|\bor\s*:?\s*$/i;
/** A further requirement after the second route, which any() would make optional for the naive route. */
const FURTHER_RE = /\b(?:and|but|plus)\s+(?:(?:who|that|which)\s+)?(?:must|should|shall|have|has|had|be|is|are|was|were|with|without|no|not|require\w*|need\w*)\b|\bas\s+well\s+as\b/i;
/** The second route stating a condition on the naive one rather than another route. */
const ROUTE_GUARD_RE = /\b(?:if|unless|provided|except|only)\b/i;

/** A route's words, without the sentence's closing punctuation. */
function unread(text: string): LeafCondition {
  return unreadWords(text.trim().replace(/[.;,]$/, ''));
}

function flip(c: Condition): Condition | null {
  if ('fact' in c && c.fact === 'priorTherapy' && c.value === true) return { ...c, value: false };
  return null;
}

const SYSTEMIC_NAIVE: LeafCondition = { fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds: ['systemic'] } };

/**
 * Reads each inclusion sentence [s, e) that offers treatment-naive as one of two routes. Sentences
 * another reading covers (`out`, `used`) are left; read ones are added to `used`.
 */
export function readNaiveOptions(input: ExtractInput, sents: Span[], therapyIn: TherapyIn, out: Finding[], used: Span[]): void {
  const { text } = input;
  if (input.kind !== 'inclusion' || !gate(text)) return;
  if (input.context.some((c) => OPTIONS_LEAD_RE.test(c))) return;
  for (const [s, e] of sents) {
    const t = text.slice(s, e);
    if (!gate(t)) continue;
    if (out.some((f) => f.spans.some(([a, b]) => a < e && s < b)) || used.some(([a, b]) => a < e && s < b)) continue;
    const first = NAIVE_FIRST_RE.exec(t);
    const last = first ? null : NAIVE_LAST_RE.exec(t);
    const m = first ?? last;
    if (!m?.groups) continue;
    const g = m.groups;
    const at = s + m.index + (g.lead?.length ?? 0);
    // Asides in brackets ("Stage IIIB (not amenable to surgery)") say nothing of the routes.
    const before = text.slice(s, s + m.index).replace(/\([^()]*\)/g, ' ');
    if (GUARD_BEFORE_RE.test(before) || before.includes(':') || input.scopes.in('negated', at)) continue;
    // Nor in an earlier sentence: a label ("MUM: …") or a lead-in of options binds this one too.
    const earlier = text.slice(0, s);
    if (earlier.includes(':') || OPTIONS_LEAD_RE.test(earlier) || EARLIER_GUARD_RE.test(earlier)) continue;
    const alt = g.alt!;
    if (!/[A-Za-z]/.test(alt) || FURTHER_RE.test(alt) || ROUTE_GUARD_RE.test(alt) || /\bna[iï]ve\b/i.test(alt)) continue;
    // What it is naive to: nothing but lead words (every systemic treatment), or a treatment named.
    let naive: Condition | null = SYSTEMIC_NAIVE;
    const x = (g.x ?? '').trim();
    if (x && !LEAD_BEFORE_RE.test(x)) {
      const xs = s + m.index + (g.either?.length ?? 0);
      // The lexicon may fold "treatment" into the name ("ICI treatment"): the words up to "naive" then.
      const naiveAt = xs + (g.x ?? '').length + /^(?:treatment|therapy)/i.exec(text.slice(xs + (g.x ?? '').length))![0].length;
      const naiveEnd = naiveAt + /^[\s-]*na[iï]ve/i.exec(text.slice(naiveAt))![0].length;
      const named = therapyIn(xs, xs + x.length, {}) ?? therapyIn(xs, naiveAt, {}) ?? therapyIn(xs, naiveEnd, {});
      naive = named ? flip(named) : null;
    }
    if (!naive) continue;
    const end = s + m.index + m[0].length;
    const condition: Condition = first ? { any: [naive, unread(alt)] } : { any: [unread(alt), naive] };
    out.push({
      category: 'prior_therapy',
      condition,
      spans: [[at, end]],
      anchor: at,
      polarityHandled: true,
      fallback: [at, end],
    });
    used.push([at, end]);
  }
}
