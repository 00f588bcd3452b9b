/**
 * Which lesions may count toward the measurable disease an inclusion asks for, when some were treated
 * locally:
 *
 *   "Previously irradiated lesions may be considered measurable if there has been demonstrated
 *    progression in these lesions."
 *   "Tumor lesions situated in a previously irradiated area, or in an area subjected to other
 *    loco-regional therapy, are not considered measurable unless there has been demonstrated progression"
 *   "Tumor sites that are considered measurable must not have received prior radiation"
 *   "The lesions should be either previously non irradiated or progressive lesions after irradiation"
 *        → any(priorTherapy(kinds: radiation[, surgery, locoregional]) = false, unread …)
 *
 * The requirement is a lesion that no such treatment reached, or one that grew after it. No fact says
 * which lesion a treatment reached, so, as for "at least one lesion not previously irradiated"
 * (therapy-untreated-lesion.ts), the history answers one way only: a patient who never had a treatment
 * of the kind has no treated lesion, and meets the restriction; anyone else is left to a coordinator.
 * The reading never fails a patient. It is read only where the criterion requires measurable disease
 * outright: beside "or non-measurable disease", or among other ways of having detectable disease, the
 * restriction narrows an alternative and binds no one; and a note standing alone restates RECIST's
 * definition of a measurable lesion.
 */
import type { Condition } from '../facts';
import { unreadWords } from '../facts';
import type { ExtractInput, Extractor, Finding } from './extractor';

/** The local treatment a lesion had: radiation, or local therapy named generically. */
const TREATMENT = String.raw`(?:(?:external[\s-]+beam\s+)?(?:radiation(?:\s+therapy)?|radiotherapy|irradiation)|(?:other\s+)?(?:local|loco-?regional)\s+(?:therap(?:y|ies)|treatments?))`;
const LESION = String.raw`(?:(?:tumou?r|target|measurable)\s+)?(?:lesions?|sites?|metastas[ie]s)`;
const AREA = String.raw`(?:areas?|fields?|regions?|sites?)`;

/**
 * The treated lesions the sentence is about. "Previously irradiated lesions", "An irradiated lesion",
 * "Lesions (situated) in a previously irradiated area", "a lesion previously irradiated", "lesions
 * previously treated with local therapy", "Lesions that have had external beam radiotherapy", "a
 * lesion treated with radiation".
 */
const TREATED_LESION = new RegExp(
  [
    String.raw`\b(?:previously\s+|prior\s+)?(?:irradiated|radiated)\s+${LESION}\b`,
    String.raw`\b${LESION}\s+(?:(?:situated|located|lying)\s+)?(?:in|within)\s+(?:an?\s+|the\s+)?(?:previously\s+)?(?:irradiated|radiated)\s+${AREA}\b`,
    String.raw`\b${LESION}\s+(?:(?:that|which)\s+(?:have|has|had|were|was)\s+(?:been\s+)?)?(?:previously\s+)?(?:irradiated|radiated)\b`,
    String.raw`\b${LESION}\s+(?:(?:that|which)\s+(?:have|has|were|was)\s+(?:been\s+)?)?(?:previously\s+)?(?:treated\s+(?:with|by)|received|had|undergone)\s+(?:prior\s+|previous\s+)?${TREATMENT}`,
  ].join('|'),
  'i',
);

/**
 * What the sentence says of them, which restricts the lesions that count: they are not measurable or
 * not to be selected, or only once they progressed.
 */
const RESTRICTION =
  /\b(?:not|never)\s+(?:be\s+)?(?:considered|selected|counted|used|chosen|regarded|deemed|accepted)\b|\b(?:discarded|excluded|excluding)\b|\b(?:only\s+)?(?:if|when|unless|provided)\b[^.;]{0,160}?\b(?:progress\w*|growth|grow\w*|regrow\w*|enlarg\w*|size\s+increase)\b|\bwith\s+(?:(?:documented|confirmed|demonstrated|radiographic|subsequent)\s+)*(?:progression|growth|enlargement)\b[^.;]{0,80}?\b(?:may|can)\s+be\s+(?:selected|considered|used|chosen)\b|\bmust\s+show\b[^.;]{0,120}?\b(?:progress\w*|growth|enlarg\w*|size\s+increase)\b|\bshould\s+present\s+with\s+(?:enlargement|growth|progression)\b/i;

/** Lesions that count must have had no such treatment: "Tumor sites that are considered measurable must not have received prior radiation". */
const COUNTED_UNTREATED = new RegExp(
  String.raw`\b${LESION}\s+(?:that|which)\s+(?:are|is)\s+(?:considered\s+measurable|selected\s+as\s+target(?:\s+lesions?)?)\s+(?:must|should|may|can)\s*not\s+have\s+(?:(?:received|had|undergone)\s+(?:prior\s+|previous\s+)?${TREATMENT}|been\s+(?:previously\s+)?(?:irradiated|radiated))`,
  'i',
);

/** "The lesions should be either previously non irradiated or progressive lesions after irradiation". */
const UNTREATED_OR_PROGRESSED = new RegExp(
  String.raw`\b${LESION}\s+(?:should|must)\s+be\s+(?:either\s+)?(?:previously\s+)?non[\s-]?irradiated\s+or\s+(?:progressive|progressing|progressed)\s+(?:lesions?\s+)?(?:after|following|since)\s+${TREATMENT}`,
  'i',
);

/** Measurable disease or a target lesion asked for outside the note. */
const MEASURABLE_REQUIRED = /\bmeasurable\s+(?:disease|lesions?|sites?|tumou?rs?)\b|\b(?:at\s+least|one\s+or\s+more|(?:>=|≥)\s*1)\s+(?:[\w-]+\s+){0,3}?(?:lesions?|sites?)\b|\btarget\s+lesions?\b|^\W*measurable\b/i;

/** Measurable disease offered as one way among others, or not required: the restriction then binds no one. */
const MEASURABLE_OPTIONAL = /\bnon[\s-]?measurable\b|\bevaluable\b|\bone\s+o[rf]\s+more\s+of\s+the\s+following\b|\bdetectable\s+disease\b/i;

/** Other treatments a lesion may have had, which the kinds read here would not rule out ("intratumoral injection"). */
const OTHER_TREATMENT = /\binject\w*|\bintra-?tumou?ral|\bviral\b|\bvirus\w*|\bvaccin\w*|\bchemo\w*|\bimmuno\w*|\bsystemic\b|\bdrugs?\b|\bagents?\b|\bembolization\b/i;

const LOCAL_KINDS = ['radiation', 'surgery', 'locoregional'];

/** A full stop between two digits ("RECIST v1.1") ends no sentence. */
function decimalPoint(text: string, i: number): boolean {
  return /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '');
}

/** The clause around an offset: from the sentence or parenthesis that holds it to where that ends. */
function clauseAround(text: string, at: number, end: number): [number, number] {
  let start = 0;
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const ch = text[i]!;
    if (ch === ')') depth++;
    else if (ch === '(') {
      if (depth === 0) {
        start = i + 1;
        break;
      }
      depth--;
    } else if (depth === 0 && (ch === ';' || ch === '\n' || ch === '*' || ch === '•' || (ch === '.' && !decimalPoint(text, i)))) {
      start = i + 1;
      break;
    }
  }
  let stop = text.length;
  depth = 0;
  for (let i = end; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) {
        stop = i;
        break;
      }
      depth--;
    } else if (depth === 0 && (ch === ';' || ch === '\n' || ch === '*' || ch === '•' || (ch === '.' && !decimalPoint(text, i)))) {
      stop = i;
      break;
    }
  }
  while (start < at && /\s/.test(text[start]!)) start++;
  return [start, stop];
}

export const extractTreatedTargetLesions: Extractor = (input: ExtractInput): Finding[] => {
  if (input.kind !== 'inclusion') return [];
  const { text } = input;
  if (!/irradiat|radiat|radiotherap|local|loco-?regional/i.test(text)) return [];
  if (!/\bmeasurable\b|\btarget\s+lesions?\b/i.test(text)) return [];
  if (MEASURABLE_OPTIONAL.test(text) || input.context.some((c) => MEASURABLE_OPTIONAL.test(c))) return [];
  const out: Finding[] = [];
  let from = 0;
  while (from < text.length) {
    const rest = text.slice(from);
    // The first of the forms; the last two state the restriction themselves.
    const hits = [TREATED_LESION, COUNTED_UNTREATED, UNTREATED_OR_PROGRESSED]
      .map((re, form) => ({ m: re.exec(rest), form }))
      .filter((h): h is { m: RegExpExecArray; form: number } => !!h.m);
    if (!hits.length) break;
    const { m: hit, form } = hits.reduce((a, b) => (b.m.index < a.m.index ? b : a));
    const at = from + hit.index;
    const hitEnd = at + hit[0].length;
    const [start, end] = clauseAround(text, at, hitEnd);
    from = Math.max(end, hitEnd) + 1;
    const clause = text.slice(start, end);
    // The clause must restrict the treated lesions, and be about the lesions that count as measurable.
    // A parenthesis after an "or" of its sentence ("≥10 mm for non-nodal lesions or ≥15 mm for lymph
    // nodes (tumor lesions in a previously irradiated area …)") would be joined to that alternative alone.
    if (text[start - 1] === '(' && /\bor\b/i.test(text.slice(clauseAround(text, start - 1, start - 1)[0], start))) continue;
    if (form === 0 && !RESTRICTION.test(text.slice(hitEnd, end)) && !/\bexcluding\s+$/i.test(text.slice(start, at))) continue;
    // The criterion must itself ask for measurable disease beside the note: a note alone ("Growth or
    // change in a lesion previously irradiated will not be considered measurable") restates RECIST's
    // definition and says nothing of the patient.
    if (!MEASURABLE_REQUIRED.test(text.slice(0, start) + ' ' + text.slice(end))) continue;
    // A lesion's other treatments, or a treatment the lexicon reads as another kind, would escape the query.
    if (OTHER_TREATMENT.test(clause)) continue;
    if (input.mentions.some((m) => m.start >= start && m.end <= end && ['drug', 'drugClass', 'regimen'].includes(m.type))) continue;
    if (input.mentions.some((m) => m.start >= start && m.end <= end && m.type === 'therapyKind' && !LOCAL_KINDS.includes(m.id))) continue;
    const local = /\b(?:local|loco-?regional)\b|\bablat|\bresect|\bexcis|\bsurg/i.test(clause);
    const never: Condition = { fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds: local ? LOCAL_KINDS : ['radiation'] } };
    out.push({
      category: 'prior_therapy',
      condition: { any: [never, unreadWords(clause)] },
      spans: [[start, end]],
      anchor: start,
      polarityHandled: true,
    });
  }
  return out;
};
