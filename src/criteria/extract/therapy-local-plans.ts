/**
 * A local treatment (an operation, a radiotherapy) the care team has planned, or sites it can treat,
 * as the whole criterion (one sentence, no heading), in wordings the judgement reader
 * (history-judgement.ts) does not take:
 *
 *   "Planed for Breast cancer surgery"            → all(attestation(planned_treatment), unread …)
 *   "has planned adjuvant radiotherapy to the primary melanoma site after WLE."   (exclusion)
 *                                                 → all(attestation(planned_treatment), unread …)
 *   "Subjects whose treating physician(s) plan adjuvant radiation therapy to the involved node basin"
 *   "Patient referred for palliative radiotherapy/ standard radiotherapy/ … SBRT/ hypofractionation."
 *   "Description of planned surgical resection by surgeon"
 *   "Patients undergoing elective breast cancer surgery under general anesthesia"
 *   "Presence of a known melanoma lesion requiring surgical excision or biopsy"
 *   "All sites of disease can be safely treated based on the judgement of an experienced radiation oncologist"
 *                                                 → all(attestation(lesion_treatable), unread …)
 *   "Inability to treat all disease sites with SBRT as determined by radiation oncologist"   (exclusion)
 *                                                 → any(not attestation(lesion_treatable), unread …)
 *
 * Only the care team knows its plan and which sites it can treat: the attestation topics ask it
 * (rules/attestations.json), and the criterion's words (which operation, which site, how many sites)
 * stay an unread leaf beside the answer, since the topic's question is broader than the criterion.
 * all(topic, words) is then a necessary condition: a patient for whom nothing is planned fails the
 * inclusion and is not excluded by the exclusion; anyone else is unknown. Refused: negated or
 * permitted statements ("without plans for …", "is not permitted"), conditions ("if …"), and plans
 * of the study's own treatment.
 */
import { unreadWords, type Condition } from '../facts';
import type { ExtractInput, Finding } from './extractor';
import { negatedAt, wholeLineFinding } from './therapy-local-receipt';

/** The words that say a treatment is planned for the patient, up to its object. */
const PLAN_RE = new RegExp(
  [
    // "Planed for Breast cancer surgery" (the judgement reader takes the correct spelling).
    String.raw`^\W*(?:(?:patients?|subjects?|participants?)\s+)?planed\s+for\s+`,
    // "has planned adjuvant radiotherapy": the plan's object right after the verb.
    String.raw`\b(?:has|have)\s+planned\s+(?!to\b|for\b)`,
    // "whose treating physician(s) plan adjuvant radiation therapy"
    String.raw`\b(?:treating\s+)?(?:physicians?|physician\(s\)|oncologists?|surgeons?|doctors?)\s+plans?\s+(?!to\b|for\b)`,
    // "Description of planned surgical resection by surgeon": a record of the plan is asked for.
    String.raw`\b(?:description|documentation|details?|records?)\s+of\s+(?:the\s+|a\s+)?planned\s+`,
    // "Patient referred for palliative radiotherapy"
    String.raw`\breferred\s+for\s+`,
    // "Patients undergoing elective breast cancer surgery": an operation already scheduled.
    String.raw`\bundergoing\s+(?:an?\s+)?(?:elective|planned|scheduled)\s+`,
    // "known melanoma lesion requiring surgical excision or biopsy": the care team has found the
    // lesion needs the operation, which it then plans.
    String.raw`\b(?:lesions?|tumou?rs?|masses|mass|nodules?)\s+(?:that\s+|which\s+)?(?:requir(?:e|es|ing)|need(?:s|ing)?)\s+(?:an?\s+)?`,
  ].join('|'),
  'i',
);

/** Sites the care team can treat with radiotherapy: "tumor sites that can be irradiated safely". */
const TREATABLE_RE =
  /\b(?:sites?|lesions?|metastas[ie]s|disease)(?:\s+of\s+(?:disease|oligoprogression))?\s+(?:that\s+|which\s+)?can\s+(?:all\s+)?be\s+(?:safely\s+)?(?:irradiated|treated)\b/i;

/**
 * "1-4 tumor sites that can be irradiated": the count is a requirement of its own, and the attestation
 * reader (history-attest.ts) leaves such lines unread on purpose; so does this one.
 */
const SITE_COUNT_RE = /\b\d+\s*(?:-|–|to)\s*\d+\s+(?:[\w-]+\s+)?(?:lesions?|tumou?rs?|sites?|metastas[ie]s)\b/i;

/** A radiotherapy named with the treatable sites (the treatment the sites are to be given). */
const RADIATION_WORD_RE = /\b(?:irradiat\w*|radiation|radiotherap\w*|SBRT|SABR|stereotactic)\b/i;

/**
 * Words that negate, permit, condition or make it the study's own treatment: not read. A rationale
 * ("because that would confound …") is left whole to the readers that weigh what it names.
 */
const REFUSED_RE =
  /\b(?:not|no|non|never|without|unless|except\w*|if|whether|because|may|allow\w*|permit\w*|eligible|study\s+(?:drug|treatment|intervention)|protocol\s+(?:treatment|therapy)|investigational|trial)\b/i;

const LOCAL_KINDS = new Set(['surgery', 'radiation', 'locoregional']);

/**
 * Sites the care team cannot treat with the study's radiotherapy, in an exclusion: "Inability to treat
 * all disease sites with SBRT as determined by radiation oncologist", "Location, size or number of
 * metastases is deemed as excessive or not appropriate for precision radiotherapy".
 */
const UNTREATABLE_RE =
  /\b(?:inability|unable|not\s+possible|impossible)\s+to\s+(?:safely\s+)?(?:treat|irradiate)\s+(?:all\s+|the\s+)?(?:(?:disease|tumou?r|metastatic|target)\s+)?(?:sites?|lesions?|metastas[ie]s|disease)\b|\b(?:metastas[ie]s|lesions?|sites?)\b[^.;]{0,80}?\b(?:not|in)\s*(?:appropriate|suitable|amenable)\s+(?:for|to)\s+(?:[\w-]+\s+){0,2}?(?:radiotherapy|radiation|irradiation|SBRT|SABR|SRS)\b/i;
/** Words that permit, condition or negate the inability: not read. */
const UNTREATABLE_REFUSED_RE = /\b(?:no|never|without|unless|except\w*|if|provided|may|can|could|allow\w*|permit\w*|eligible|included)\b/i;

/**
 * The untreatable-sites exclusion, or null. Where the care team finds no lesion it can treat
 * (lesion_treatable answered no), the sites are surely not all treatable: the exclusion holds. Where
 * it finds one, whether all are is the unread words' question. So the answer "no" suffices and
 * nothing else is said: any(not lesion_treatable, unread).
 */
function readUntreatableSites(input: ExtractInput, body: string): Finding[] | null {
  if (input.kind !== 'exclusion' || !RADIATION_WORD_RE.test(body) || SITE_COUNT_RE.test(body) || UNTREATABLE_REFUSED_RE.test(body)) return null;
  const m = UNTREATABLE_RE.exec(body);
  if (!m) return null;
  const none: Condition = { fact: 'attestation', operator: 'equal', value: false, params: { topic: 'lesion_treatable' } };
  return [
    {
      category: 'other',
      condition: { any: [none, unreadWords(body)] },
      spans: [[m.index, m.index + m[0].length]],
      cover: [[0, body.length]],
      anchor: m.index,
      polarityHandled: true,
      fallback: [0, input.text.length],
    },
  ];
}

/** The plan or treatable-sites reading of the sentence, or null. */
export function readLocalPlan(input: ExtractInput, body: string): Finding[] | null {
  const untreatable = readUntreatableSites(input, body);
  if (untreatable) return untreatable;
  if (REFUSED_RE.test(body)) return null;
  const plan = PLAN_RE.exec(body);
  if (plan) {
    const from = plan.index + plan[0].length;
    // The object: a local treatment within a few words of the verb, and no other kind of treatment.
    const treatments = input.mentions.filter(
      (m) => m.start >= from && (m.type === 'therapyKind' || m.type === 'drug' || m.type === 'drugClass' || m.type === 'regimen'),
    );
    const first = treatments[0];
    if (!first || first.type !== 'therapyKind' || !LOCAL_KINDS.has(first.id)) return null;
    if (treatments.some((m) => m.type !== 'therapyKind' || !LOCAL_KINDS.has(m.id))) return null;
    if (!/^(?:[\w/+-]+\s+){0,4}$/.test(body.slice(from, first.start))) return null;
    if (negatedAt(input, plan.index)) return null;
    return [attested(input, body, 'planned_treatment', [plan.index, first.end])];
  }
  const sites = TREATABLE_RE.exec(body);
  if (sites && RADIATION_WORD_RE.test(body) && !SITE_COUNT_RE.test(body) && input.kind === 'inclusion' && !negatedAt(input, sites.index)) {
    return [attested(input, body, 'lesion_treatable', [sites.index, sites.index + sites[0].length])];
  }
  return null;
}

/** all(attestation(topic), unread words of the sentence) over `span`. */
function attested(input: ExtractInput, body: string, topic: string, span: [number, number]): Finding {
  const answer: Condition = { fact: 'attestation', operator: 'equal', value: true, params: { topic } };
  return wholeLineFinding(input, body, 'other', answer, span);
}
