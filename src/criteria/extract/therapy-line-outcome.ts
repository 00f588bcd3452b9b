/**
 * The outcome said right before a count of lines: "Disease progression after ≥2 prior lines of therapy",
 * "Relapse or progression after at least 1 prior line of systemic therapy", "… that has relapsed or
 * progressed after 1 prior line of gemcitabine-based systemic therapy", "who progressed or recurred after
 * at least one line of therapy". The lines reader (therapy.ts `readLines`) reads the count; the outcome
 * before it was left an unread word beside it.
 *
 * The count's lines ended in progression, so the record holds a systemic treatment whose outcome was
 * progression: priorTherapy(kinds: systemic, outcome: progression), joined to the count with "and".
 * Relapse and recurrence after a treatment are its progression, as the outcome readers read them
 * (therapy-outcomes.ts `outcomesOf`). The fact does not say which line progressed, so the reading is a
 * necessary condition of "progression on the last line", as "progression after prior systemic therapy"
 * is read elsewhere.
 *
 * Only an outcome joined to the count by "after / on / following / during or after" and at most
 * "having received (treatment with)" is read: anything else between them ("progression within 6 months
 * after …", "progression and 2 prior lines") says more than the count and the outcome.
 */
import type { LeafCondition } from '../facts';

type Span = [number, number];

const QUALIFIER = String.raw`(?:(?:documented|radiographic(?:ally)?|radiological(?:ly)?|confirmed|clinical|objective)\s+)*`;
/** One outcome word: the noun or the verb of progression, relapse or recurrence. */
const NOUN = String.raw`(?:(?:disease\s+)?progression|relapse|recurrence|progressive\s+disease(?:\s*\(PD\))?)`;
const VERB = String.raw`(?:progressed|relapsed|recurred)`;
const OUTCOME = String.raw`(?:${NOUN}(?:\s+(?:or|and\/or)\s+${QUALIFIER}${NOUN})?|${VERB}(?:\s+(?:or|and\/or)\s+${VERB})?|(?:refractory\s+(?:or|and\/or)\s+${VERB}|${VERB}\s+(?:or|and\/or)\s+refractory)|relapsed\s+or\s+(?:disease\s+)?progression)`;
const LINK = String.raw`(?:after|following|on|during|while\s+on)(?:\s+or\s+(?:after|following))?`;
/**
 * Failure and refractoriness said of the lines themselves: "failed at least two lines of therapy",
 * "refractory to at least 1 prior line", "resistant to ≥ 2 regimens". Failing or being refractory to a
 * treatment is progression on it, as the outcome readers read "failed X" and "X-refractory"
 * (therapy.ts `outcomesOf`, therapy-standard.ts). With a verb of progression before it, joined by "or"
 * ("progressed or were resistant to 1 prior therapy"), the two are one outcome.
 */
const FAILED = String.raw`(?:${VERB}\s+(?:or|and\/or)\s+(?:(?:were|was|are|is|be|been|have\s+been|has\s+been)\s+)?)?(?:failed|(?:refractory|resistant)\s+to)`;
const OUTCOME_BEFORE_COUNT_RE = new RegExp(
  String.raw`(?<![\w-])(?:${QUALIFIER}${OUTCOME}\s+${LINK}\s+(?:having\s+(?:received|been\s+treated\s+with|had)\s+)?(?:(?:treatment|therapy)\s+with\s+)?|${FAILED}\s+)$`,
  'i',
);

/**
 * Another way in that the sentence offers beside the outcome ("… progression on 1–3 lines of prior therapy
 * or, for Cohort 1E only, discontinued from prior therapy due to intolerance", "… or for whom no standard
 * therapy exists", "(if eligible)", "in the opinion of the investigator, not a candidate …", or a "may" that
 * permits rather than requires): unread, it would stand beside a required outcome that fails the
 * patients it lets in, so the outcome is left unread there.
 */
const OTHER_WAY_RE =
  /\b(?:intoleran\w*|intolerab\w*|toxicit\w*|discontinu\w*|refus\w*|declin\w*|ineligib\w*|unable|unsuitable|unfit|contraindicat\w*|no\s+(?:standard|available|effective|other|further|curative|approved|alternative|established)|not\s+(?:be\s+)?(?:an?\s+)?(?:eligible|candidates?|suitable|appropriate|amenable|available)|opinion|may|can|could|might|(?:do|does)\s+not\s+exist|unless|except\w*|if|provided|whether|respon\w*|stable)\b|\bor\s*,/i;

/**
 * The outcome read before a count of lines that starts at `start` (or at `cueStart`, where cue words
 * such as "having received" the count reader took come first), in its sentence: its span (up to the
 * count) and the finding's leaf, or null when no outcome ends right there or the sentence offers
 * another way in.
 */
export function outcomeBeforeCount(
  text: string,
  start: number,
  cueStart: number | undefined,
  sentence: string,
): { span: Span; leaf: LeafCondition } | null {
  if (OTHER_WAY_RE.test(sentence)) return null;
  for (const at of cueStart !== undefined && cueStart < start ? [cueStart, start] : [start]) {
    const from = Math.max(0, at - 120);
    const m = OUTCOME_BEFORE_COUNT_RE.exec(text.slice(from, at));
    if (!m) continue;
    return {
      span: [from + m.index, at],
      leaf: { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['systemic'], outcome: 'progression' } },
    };
  }
  return null;
}

/**
 * The outcome said after the count, as a second requirement joined by "and" that ends the sentence:
 * "… received at least 3 prior lines of therapy including … and have demonstrated disease progression
 * on the last line", "… at least one prior line of systemic therapy and have progressed", "… at least 2
 * prior lines of therapy with documented disease progression". The progression it states is the
 * record's progression on a systemic treatment, read as the outcome before a count is. Only where
 * nothing follows the outcome but the line it happened on ("on or after the most recent line of
 * therapy"): "progressive/persistent disease", "progression or intolerance", "progression within 6
 * months" say more than the fact holds.
 */
const OUTCOME_AFTER_COUNT_RE = new RegExp(
  String.raw`^(?:\s*,)?\s+(?:and\s+(?:(?:must|should)\s+)?(?:(?:have|has|had)\s+(?:(?:demonstrated|experienced|documented|shown|developed|had)\s+)?|(?:demonstrated|experienced|documented|shown|developed)\s+)|with\s+)${QUALIFIER}(?:evidence\s+of\s+)?(?:(?:disease\s+)?progression|progressive\s+disease(?:\s*\(PD\))?|progressed)(?:\s+(?:on|after|during|following|to)(?:\s+or\s+(?:after|following))?\s+(?:(?:the|their)\s+)?(?:(?:last|latest|most\s+recent|final)(?:\s+(?:line|regimen)(?:\s+of\s+(?:therapy|treatment))?|\s+(?:therapy|treatment|regimen))?|(?:that|this|the)\s+(?:treatment|therapy|regimen)|(?:treatment|therapy|regimen)))?\s*[.;]?\s*$`,
  'i',
);

/**
 * The outcome read after a count of lines that ends at `end`, right after it and up to `sentenceEnd`:
 * its span and the finding's leaf, or null when something else follows the count or the sentence offers
 * another way in.
 */
export function outcomeAfterCount(
  text: string,
  end: number,
  sentenceEnd: number,
  sentence: string,
): { span: Span; leaf: LeafCondition } | null {
  if (OTHER_WAY_RE.test(sentence)) return null;
  const rest = text.slice(end, sentenceEnd);
  const m = OUTCOME_AFTER_COUNT_RE.exec(rest);
  if (!m) return null;
  return {
    span: [end, end + m[0].length],
    leaf: { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['systemic'], outcome: 'progression' } },
  };
}
