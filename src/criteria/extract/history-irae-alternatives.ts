/**
 * A severe immune-related adverse event on earlier immunotherapy as one alternative of an exclusion
 * among others, which history-irae.ts leaves unread because an alternative joins it:
 *
 *   "Has experienced any of the following with prior immunotherapy: any irAE of Grade ≥3, immune-related
 *    severe neurologic events of any grade (…), exfoliative dermatitis of any grade […], or myocarditis
 *    of any grade. Non-clinically significant laboratory abnormalities are not exclusionary."
 *        → any(all(attestation(prior_severe_irae), unread exemption), unread neurologic events,
 *              unread exfoliative dermatitis, unread myocarditis)
 *   "Any prior Grade ≥ 3 immune-mediated adverse event or any unresolved Grade > 1 immune-mediated
 *    adverse event while receiving any previous immunotherapy agent other than immune checkpoint
 *    blockade agents"
 *        → any(all(attestation(prior_severe_irae), unread "while receiving … other than …"),
 *              unread "any unresolved Grade > 1 …")
 *
 * Each alternative excludes on its own, so the irAE's is read as the topic beside the others, which
 * stay unread leaves (no fact holds an irAE of any grade, or one still unresolved). Three shapes only,
 * where the alternatives are plain to see: the items of a list after "any of the following …:",
 * alternatives that each open with "any" ("any X or any Y"), and a last "or with <irAE>" after a
 * sentence that opens with its subject ("Participants ineligible to be retreated … or with an irAE
 * of grade 3 or greater", the subject's second group). The irAE alternative must be nothing but
 * the irAE and its grade of 3 or more. What may narrow it stays an unread leaf beside the topic, so
 * the reading never excludes more than the text: words after the last alternative's own event
 * ("while receiving … other than …"), which may bind every alternative; a lead naming immunotherapy
 * narrower than all of it; a later sentence exempting some events ("… are not exclusionary").
 */
import { unreadWords, type Condition } from '../facts';
import type { ExtractInput, Finding } from './extractor';
import { GRADE, IRAE_NAME, sentencesOutsideAsides, TOPIC, withoutAsides } from './history-irae';
import type { Span } from './history-util';

/** The irAE alternative whole: "any irAE of Grade ≥3", "Any prior Grade ≥ 3 immune-mediated adverse event". */
const OWN_GRADE = String.raw`(?:CTCAE\s+)?grade\s*(?:(?:≥|>=|=>|>\s*\/\s*=)\s*(?:grade\s*)?3|3\s+or\s+(?:higher|greater|above|more)|3\s*(?:-|–|to)\s*4|III\s*(?:-|–|or)\s*IV)(?![\d.])`;
const IRAE_ALTERNATIVE = new RegExp(
  String.raw`^(?:with\s+)?(?:(?:any|an?)\s+)?(?:(?:prior|previous|earlier)\s+)?(?:${OWN_GRADE}\s+${IRAE_NAME}|${IRAE_NAME}\s+(?:of\s+)?${OWN_GRADE})\s*$`,
  'i',
);

/** "(Patients who) Has experienced any of the following (with prior immunotherapy):" — the list's lead. */
const LIST_LEAD =
  /^(?:(?:patients?|participants?|subjects?)\s+(?:who\s+)?)?(?:has|have|had)\s+(?:experienced|developed|had)\s+any\s+of\s+the\s+following(?:\s+(?:with|on|during|from|after|following)\s+(?:(?:a|an|any|the)\s+)?(?:prior|previous|earlier)\s+(?<therapy>[^:]{1,60}?))?\s*:\s*/i;

/** A sentence opening with its subject: "Participants …", "Patients who …". */
const SUBJECT_OPEN = /^(?:patients?|participants?|subjects?)\b/i;

/** Earlier immunotherapy named as a whole: the topic's own scope, so it narrows nothing. */
const ALL_IMMUNOTHERAPY = /^(?:cancer\s+)?(?:immunotherap(?:y|ies)|immune[\s-]+checkpoint\s+(?:inhibitors?|blockade)(?:\s+therapy)?|checkpoint\s+inhibitors?(?:\s+therapy)?|ICIs?)$/i;

/** Words opening a qualifier after an event ("while receiving …", "other than …", "due to …"). */
const QUALIFIER_OPEN = /^\s*,?\s*(?:while|during|on|from|after|following|due|related|attributed|associated|caused|other\s+than|except\w*|excluding|that|which|in|to|with)\b/i;

/** A later sentence that exempts some events from the exclusion. */
const EXEMPTION_SENTENCE =
  /\b(?:(?:is|are)\s+not\s+(?:considered\s+)?(?:exclusionary|an?\s+exclusion|excluded)|(?:does|do)\s+not\s+apply|(?:is|are)\s+(?:allowed|permitted|eligible)|may\s+be\s+(?:enrolled|eligible|included))\b/i;

/** Words that make an alternative other than a severe irAE: unresolved, any grade, allergy. */
const OTHER_EVENT = /\b(?:TEAEs?|allerg\w*|hypersensitivity|infusion|any\s+grade|unresolved|not\s+(?:yet\s+)?(?:resolved|recovered))\b/i;

/**
 * Top-level pieces between the separators `sep` matches in `plain` (the text with its asides blanked,
 * so a comma inside brackets separates nothing), trimmed in `text` so each piece keeps its asides.
 */
function split(text: string, plain: string, from: number, to: number, sep: RegExp): Span[] {
  const out: Span[] = [];
  let at = from;
  const re = new RegExp(sep.source, 'gi');
  re.lastIndex = from;
  for (let m = re.exec(plain); m && m.index < to; m = re.exec(plain)) {
    out.push([at, m.index]);
    at = m.index + m[0].length;
  }
  out.push([at, to]);
  return out.map(([a, b]): Span => trim(text, a, b)).filter(([a, b]) => b > a);
}

function trim(text: string, a: number, b: number): Span {
  while (a < b && /[\s,;:.]/.test(text[a]!)) a++;
  while (b > a && /[\s,;:.]/.test(text[b - 1]!)) b--;
  return [a, b];
}

export function extractSevereIraeAlternatives(input: ExtractInput): Finding[] {
  const { text } = input;
  // Exclusions standing alone: a lead-in above may bind a cohort or name exceptions.
  if (input.kind !== 'exclusion' || input.context.length || !/immune|irAE/i.test(text) || !/grade/i.test(text)) return [];
  const parts = sentencesOutsideAsides(text).filter(([a, b]) => /\w/.test(text.slice(a, b)));
  if (!parts.length) return [];
  const [sStart, sEnd] = trim(text, parts[0]![0], parts[0]![1]);
  // Later sentences only exempt events: each narrows the irAE's alternative.
  const exemptions = parts.slice(1).map(([a, b]) => trim(text, a, b));
  if (exemptions.some(([a, b]) => !EXEMPTION_SENTENCE.test(text.slice(a, b)))) return [];
  const plain = withoutAsides(text);
  const narrowing: Span[] = [...exemptions];

  let alternatives: Span[];
  let sharedTail = false;
  const list = LIST_LEAD.exec(plain.slice(sStart, sEnd));
  if (list) {
    const leadEnd = sStart + list[0].length;
    const therapy = list.groups?.therapy;
    if (therapy && !ALL_IMMUNOTHERAPY.test(therapy.trim())) {
      const at = sStart + list[0].indexOf(therapy);
      narrowing.push([at, at + therapy.length]);
    }
    // The items: split at commas (", or" closing the list); "Grade 3 or higher" keeps its "or".
    alternatives = split(text, plain, leadEnd, sEnd, /,\s*(?:(?:or|and\/or)\s+)?/);
  } else if (/^any\b/i.test(plain.slice(sStart, sEnd))) {
    // "any X or any Y": each alternative opens with "any".
    alternatives = split(text, plain, sStart, sEnd, /\s*,?\s+(?:or|and\/or)\s+(?=any\b)/);
    sharedTail = true;
  } else {
    // "Participants ineligible to be retreated … or with an irAE of grade 3 or greater": a last "or
    // with" pairs with the subject that opens the sentence ("Participants … or [participants] with").
    const withAlt = /\s*,?\s+or\s+(?=with\b(?![\s\S]*\bor\s+with\b))/i.exec(plain.slice(sStart, sEnd));
    if (!SUBJECT_OPEN.test(plain.slice(sStart, sEnd)) || !withAlt) return [];
    const at = sStart + withAlt.index;
    alternatives = [trim(text, sStart, at), trim(text, at + withAlt[0].length, sEnd)];
    // The irAE must be that last alternative: the words before it are the subject's other group.
    if (!IRAE_ALTERNATIVE.test(plain.slice(...alternatives[1]!))) return [];
  }
  if (alternatives.length < 2) return [];
  const irae = alternatives.filter(([a, b]) => IRAE_ALTERNATIVE.test(plain.slice(a, b)));
  if (irae.length !== 1) return [];
  const own = irae[0]!;
  if (OTHER_EVENT.test(text.slice(own[0], own[1]))) return [];
  // Not denied ("No …"): an exclusion's irAE is stated.
  if (input.scopes.scopes.some((sc) => sc.kind === 'negated' && own[0] >= sc.start && own[0] < sc.end)) return [];
  const others = alternatives.filter((sp) => sp !== own);
  // "any X or any Y while receiving …": the words after the last alternative's own event may bind
  // every alternative. They must be found (after an irAE named there) to be kept as the narrowing.
  if (sharedTail && own !== alternatives[alternatives.length - 1]) {
    const [la, lb] = alternatives[alternatives.length - 1]!;
    const names = [...plain.slice(la, lb).matchAll(new RegExp(IRAE_NAME, 'gi'))];
    const last = names[names.length - 1];
    if (!last) return [];
    const tailAt = la + last.index! + last[0].length;
    if (/\w/.test(plain.slice(tailAt, lb))) {
      if (!QUALIFIER_OPEN.test(plain.slice(tailAt, lb))) return [];
      narrowing.push(trim(text, tailAt, lb));
    }
  }
  // The grade must be the alternative's only one and the topic's own (GRADE's first group).
  const grades = [...text.slice(own[0], own[1]).matchAll(new RegExp(GRADE.source, 'gi'))];
  if (grades.length !== 1 || !grades[0]![1]) return [];

  const words = (sp: Span): string => text.slice(sp[0], sp[1]).replace(/^[\s,;:.]+|[\s,;:.]+$/g, '');
  const topic: Condition = { fact: 'attestation', operator: 'equal', value: true, params: { topic: TOPIC } };
  const narrowed: Condition = narrowing.length ? { all: [topic, unreadWords(narrowing.map(words).join(' … '))] } : topic;
  const condition: Condition = { any: [narrowed, ...others.map((sp) => unreadWords(words(sp)))] };
  return [
    {
      category: 'prior_therapy',
      condition,
      spans: [[sStart, own[1] > sEnd ? own[1] : sEnd], ...exemptions],
      cover: [...others, ...narrowing],
      anchor: own[0],
      polarityHandled: true,
      // Only where no other reader understood any of the criterion.
      fallback: [0, text.length],
    },
  ];
}
