/**
 * Progression on a named treatment at one of two times after its last dose, the treatment named
 * again with each time:
 *
 *   "Progressive disease has been documented within 12 weeks from last dose of anti-PD-1/PD-L1 mAb
 *    (refractory disease) or ≥12 weeks from last dose of anti-PD-1/PD-L1 mAb (late relapse)"
 *        → all(priorTherapy(classes: anti_pd1_pdl1, outcome: progression), unread "within 12 weeks
 *          from last dose of … (refractory disease) or ≥12 weeks from last dose of … (late relapse)")
 *
 * Either way the disease progressed on or after the one treatment, which the record's outcome says.
 * No fact holds a time counted from a treatment's last dose, so the times (and the names each
 * alternative is given) stay one unread leaf beside the outcome: the finding is a necessary condition
 * only, as therapy.ts reads one such time ("progressed within 12 weeks after last dose of X").
 *
 * A sentence is read only when it says nothing else: lead words, the outcome, and the two times over
 * the same treatment. A second treatment named with the other time ("… of X or within 6 months of
 * Y") is another alternative, and is left to the list reader.
 */
import type { Condition, LeafCondition } from '../facts';
import type { ExtractInput, Finding } from './extractor';
import type { TherapyIn } from './therapy-outcomes';

type Span = [number, number];

const LEAD = String.raw`^\W*(?:(?:patients?|participants?|subjects?)\s+(?:who\s+)?)?(?:(?:must|should)\s+)?(?:(?:have|has|had)\s+)?(?:(?:experienced|developed|documented|documentation\s+of|evidence\s+of|a)\s+)*`;
const ASSESSED = String.raw`(?:(?:documented|confirmed|radiographic(?:al(?:ly)?)?|radiologic(?:al)?(?:ly)?|clinical(?:ly)?|objective)\s+)`;
const PROGRESSION = String.raw`${ASSESSED}*(?:progressive\s+disease(?:\s*\(PD\))?|(?:disease\s+)?progression(?:\s*\(PD\))?|progressed|relapsed|relapse|recurrence|recurred)`;
/** That the outcome was recorded: narrows nothing. */
const SAID = String.raw`(?:\s+(?:(?:has|have|had)\s+been\s+|was\s+|were\s+)?(?:documented|confirmed|observed|occurred))?`;
/** A time counted from the treatment's last dose, up to the treatment's name. */
const TIME = String.raw`(?:(?:within|≤|<=|=<|<|≥|>=|=>|>|less\s+than|more\s+than|at\s+least|after)\s*)?\d{1,3}\s*(?:days?|weeks?|months?)\s+(?:from|of|after|following|since)\s+(?:the\s+)?(?:last|final)\s+(?:dose|administration)\s+of\s+(?:the\s+|an?\s+)?`;
/** A name the text gives an alternative ("(refractory disease)", "(late relapse)"). */
const ASIDE = String.raw`(?:\s*\([^()]{1,40}\))?`;
const TWO_TIMES = new RegExp(
  String.raw`${LEAD}(?<outcome>${PROGRESSION}${SAID})\s+(?<t1>${TIME})(?<x1>[^().;,]{2,80}?)(?<a1>${ASIDE})\s*,?\s+or\s+(?<t2>${TIME})(?<x2>[^().;,]{2,80}?)(?<a2>${ASIDE})\s*[.;]?\s*$`,
  'id',
);

/** A cheap test for the words every form holds: the caller skips the reader without it. */
export const PROGRESSION_TIMES_GATE = /\bor\b[^.;]*\blast\s+dose\b[^.;]*\blast\s+dose\b|\blast\s+dose\b[^.;]*\bor\b[^.;]*\blast\s+dose\b/i;

function unread(text: string): LeafCondition {
  return { fact: 'unparsed', operator: 'equal', value: true, params: { text: text.replace(/\s+/g, ' ').trim() } };
}

const norm = (t: string): string => t.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Reads each sentence [s, e) that is only progression at one of two times after the last dose of one
 * treatment. Sentences another reading already covers (`out`, `used`) are left; read ones are added
 * to `used`.
 */
export function readProgressionTimes(input: ExtractInput, sents: Span[], therapyIn: TherapyIn, out: Finding[], used: Span[]): void {
  const { text } = input;
  if (!PROGRESSION_TIMES_GATE.test(text)) return;
  for (const [s, e] of sents) {
    if (out.some((f) => f.spans.some(([a, b]) => a < e && s < b)) || used.some(([a, b]) => a < e && s < b)) continue;
    const m = TWO_TIMES.exec(text.slice(s, e));
    if (!m?.groups || norm(m.groups.x1!) !== norm(m.groups.x2!)) continue;
    const at = m.indices!.groups!;
    const [xa, xb] = at.x1!;
    const progressed: Condition | null = therapyIn(s + xa, s + xb, { outcome: 'progression' });
    if (!progressed) continue;
    const [ta] = at.t1!;
    const [, ae] = at.a2!;
    // The times, from the first to the last name given an alternative: the second naming of the
    // treatment among them is read as the first, which the leaf's words still show.
    const times = text.slice(s + ta, s + ae);
    const [oa, ob] = at.outcome!;
    out.push({
      category: 'prior_therapy',
      condition: { all: [progressed, unread(times)] },
      spans: [
        [s + oa, s + ob],
        [s + xa, s + xb],
      ],
      anchor: s + oa,
      cover: [
        [s + ta, s + xa],
        [s + xb, s + ae],
      ],
    });
    used.push([s, e]);
  }
}
