/**
 * A treatment the earlier treatment must have included, said of "prior treatment" as the subject
 * (therapy.ts reads "must have received X" itself):
 *
 *   "Prior treatment (for advanced, metastatic or (neo)adjuvant) must have included a taxane and/or
 *    anthracycline-based therapy."
 *        → priorTherapy(classes: [taxane, anthracycline]) = true
 *   "Prior treatment (…) should have included a taxane and/or anthracycline-based therapy and, where
 *    appropriate, an approved checkpoint inhibitor."
 *        → the same, with "where appropriate, an approved checkpoint inhibitor" left unread beside it
 *
 * "X and/or Y" is at least one of them, the union the finding holds. A setting in brackets after the
 * subject stays unread beside the finding: it may narrow when the treatment was given, which the
 * finding does not say, so the finding is a necessary condition only. A second treatment required
 * only "where appropriate" stays unread too (it binds some patients only), and so the whole sentence
 * is taken from the list reader, which would require it of everyone. Anything else after the
 * treatment (an alternative, a condition, an exception) leaves the sentence unread: the treatment
 * would then not be required of every patient.
 */
import type { Condition } from '../facts';
import type { ExtractInput, Finding } from './extractor';
import type { TherapyIn } from './therapy-outcomes';

type Span = [number, number];

/** A cheap test for the words every form holds: the caller skips the reader without it. */
export const INCLUDED_GATE = /\binclud(?:ed|e)\b/i;

/** "Prior treatment [(asides)] must have included <X>", opening the sentence. */
const INCLUDED_RE =
  /^\W*(?:(?:all|any|the)\s+)?(?:prior|previous)\s+(?:(?:systemic|anti-?cancer)\s+)?(?:treatments?|therap(?:y|ies)|regimens?)(?<aside>\s*[([](?:[^()[\]]|[([][^()[\]]*[)\]])*[)\]])?\s+(?:must|should|shall)\s+(?:have\s+)?includ(?:ed|e)\s+(?:(?:an?|the|at\s+least\s+one)\s+)?(?<x>[^,;.()]+?)\s*(?<tail>(?:,?\s*\band\b(?!\s*\/)[^]*)?)[.;]?\s*$/id;
/** The only tail kept: a further treatment required where appropriate, left unread. */
const WHERE_APPROPRIATE_TAIL_RE =
  /^,?\s*and\s*,?\s*(?:where|when|if)\s+(?:appropriate|applicable|indicated|available|eligible)\s*,?\s*[^,;:()]{2,80}$/i;

/**
 * Reads each inclusion sentence [s, e) that says what the earlier treatment must have included.
 * Sentences another reading covers (`out`, `used`) are left; read ones are added to `used`.
 */
export function readIncludedTreatment(input: ExtractInput, sents: Span[], therapyIn: TherapyIn, out: Finding[], used: Span[]): void {
  const { text } = input;
  if (input.kind !== 'inclusion' || !INCLUDED_GATE.test(text)) return;
  for (const [s, e] of sents) {
    const t = text.slice(s, e);
    if (!INCLUDED_GATE.test(t)) continue;
    if (out.some((f) => f.spans.some(([a, b]) => a < e && s < b)) || used.some(([a, b]) => a < e && s < b)) continue;
    const m = INCLUDED_RE.exec(t);
    if (!m?.groups?.x) continue;
    const tail = m.groups.tail ?? '';
    if (tail.trim() && !WHERE_APPROPRIATE_TAIL_RE.test(tail.trim().replace(/[.;]$/, ''))) continue;
    if (input.scopes.in('negated', s + m.index)) continue;
    const [xa, xb] = m.indices!.groups!.x!;
    const condition: Condition | null = therapyIn(s + xa, s + xb, {});
    if (!condition) continue;
    const start = s + m.index;
    const asideAt = m.indices!.groups!.aside;
    // The subject and verb are read with the treatment; the aside and the tail stay unread.
    const spans: Span[] = asideAt ? [[start, s + asideAt[0]], [s + asideAt[1], s + xb]] : [[start, s + xb]];
    out.push({ category: 'prior_therapy', condition, spans, anchor: s + xa });
    used.push([s, e]);
  }
}
