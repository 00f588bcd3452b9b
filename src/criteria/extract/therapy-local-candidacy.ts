/**
 * A named procedure (an operation, a node biopsy, an anaesthesia, an endoscopy) the care team has
 * judged the patient fit for, found contraindicated, or scheduled, as the whole criterion (one
 * sentence, no heading), in wordings the judgement reader (history-judgement.ts) does not take
 * because the procedure is not a treatment the lexicon names:
 *
 *   "Amendable to sentinel lymph node biopsy."        → all(attestation(treatment_candidate), unread …)
 *   "Adequate condition for general anesthesia and breast cancer surgery"
 *                                                     → all(attestation(treatment_candidate), unread …)
 *   "Absolute contraindications to invasive procedures"   (exclusion)
 *                                                     → all(attestation(treatment_candidate) = false, unread …)
 *   "Scheduled to undergo a combines re-excision and sentinel node biopsy (SNB)"
 *                                                     → all(attestation(planned_treatment), unread …)
 *   "Endoscopic evaluation of pancreas scheduled"     → all(attestation(planned_treatment), unread …)
 *   "Target lesion accessible for MRg-FU procedure."  → all(attestation(lesion_treatable), unread …)
 *
 * Only the care team knows whether a procedure suits the patient and whether it is booked: the
 * attestation topics ask it (rules/attestations.json). Their questions are broader than the
 * criterion (they do not name the procedure), so the criterion's words stay an unread leaf beside
 * the answer and all(topic, words) is a necessary condition: a patient the team finds unfit (or for
 * whom nothing is scheduled) fails the inclusion, a patient with no contraindication is not excluded,
 * everyone else is unknown. Refused: negated, conditional or permissive sentences ("not amenable",
 * "if", "may"), procedures of the study itself ("any study-related procedure"), and a bare biopsy
 * (whether a lesion can be biopsied is its own topic, biopsy_accessible, read by history-attest.ts).
 */
import type { Condition } from '../facts';
import type { ExtractInput, Finding } from './extractor';
import { negatedAt, wholeLineFinding } from './therapy-local-receipt';

/**
 * A procedure's noun phrase: up to five words naming it, then its noun. The words before the noun
 * are free (a site, a technique, "re-", "combined … and") since they stay unread; the noun is what
 * makes it a procedure.
 */
const PROCEDURE = String.raw`(?:[\w'’/+-]+\s+){0,5}?(?:surgery|surgeries|surgical\s+(?:procedures?|resection|excision|approach)|operations?|resections?|re-?excisions?|excisions?|(?:node|nodal|sentinel|SLN|SLNB)\s+(?:biops(?:y|ies)|procedures?|dissections?|mapping)|dissections?|lymphadenectom(?:y|ies)|[a-z]+ectom(?:y|ies)|an(?:a)?esthesia|an(?:a)?esthetics?|endoscop(?:y|ies)|colonoscop(?:y|ies)|bronchoscop(?:y|ies)|(?:invasive|interventional|endoscopic|surgical|operative)\s+(?:procedures?|evaluation|interventions?)|reconstructions?|procedures?)`;

/** "Amenable to", "Adequate condition for", "fit for": the team finds the patient suited to the procedure. */
const CANDIDATE_RE = new RegExp(
  String.raw`^\W*(?:(?:the\s+)?(?:patients?|subjects?|participants?)\s+(?:who\s+)?(?:is|are|must\s+be)\s+)?(?:(?:medically|clinically|surgically)\s+)?(?:amenable|amendable|fit|suitable|(?:a\s+)?candidates?|(?:adequate|sufficient|good)\s+(?:general\s+)?(?:condition|fitness))\s+(?:to|for)\s+(?:undergo(?:ing)?\s+)?(?:an?\s+|the\s+)?(${PROCEDURE})\b`,
  'i',
);

/** "Absolute contraindications to invasive procedures", "Surgical contraindication to perforator flap reconstruction". */
const CONTRAINDICATION_RE = new RegExp(
  String.raw`^\W*(?:(?:absolute|relative|any|known|medical|surgical|anesthetic|anaesthetic)\s+){0,2}contra-?indications?\s+(?:to|for)\s+(?:undergo(?:ing)?\s+)?(?:an?\s+|the\s+)?(${PROCEDURE})\b`,
  'i',
);

/** "Scheduled to undergo …", "Scheduled for …", "… scheduled": the procedure is booked. */
const SCHEDULED_BEFORE_RE = new RegExp(
  String.raw`^\W*(?:(?:the\s+)?(?:patients?|subjects?|participants?)\s+(?:who\s+)?(?:is|are|must\s+be)\s+)?scheduled\s+(?:to\s+(?:undergo|have)|for)\s+(?:an?\s+|the\s+)?(${PROCEDURE})\b`,
  'i',
);
const SCHEDULED_AFTER_RE = new RegExp(
  String.raw`^\W*(${PROCEDURE}(?:\s+(?:of|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2})?)\s+(?:is\s+|are\s+)?scheduled\W*$`,
  'i',
);

/** "Target lesion accessible for MRg-FU procedure": a lesion the team can reach with a local treatment. */
const ACCESSIBLE_RE = new RegExp(
  String.raw`^\W*(?:(?:at\s+least\s+)?(?:one|a|the)\s+)?(?:target\s+|index\s+)?(?:lesions?|tumou?rs?)\s+(?:is\s+|are\s+)?(?:accessible|amenable)\s+(?:for|to)\s+(?:an?\s+|the\s+)?(${PROCEDURE})\W*$`,
  'i',
);

/** "… have been deemed to be "operable" by the surgeon": the surgeon's judgement, anywhere in the sentence. */
const DEEMED_OPERABLE_RE =
  /\b(?:deemed|judged|considered|assessed|determined)\s+(?:to\s+be\s+)?["“']?(?:operable|(?:a\s+)?surgical\s+candidates?|fit\s+for\s+surgery)["”']?\s+by\s+(?:the\s+|a\s+)?(?:treating\s+|operating\s+|attending\s+)?(?:surgeons?|surgical\s+team|multidisciplinary\s+(?:team|tumou?r\s+board))\b/i;

/** A biopsy and nothing else named: whether a lesion can be biopsied is biopsy_accessible's question. */
const BARE_BIOPSY_RE = /^(?!.*\b(?:node|nodal|sentinel|SLN)\b)(?:[\w-]+\s+){0,3}biops(?:y|ies)$/i;

/**
 * Words that negate, condition, permit, or make the procedure the study's own: not read. "not" also
 * covers the pseudo-negations no scope reads ("not amenable", "not a candidate").
 */
const REFUSED_RE =
  /\b(?:not|no|non|never|without|unless|except\w*|if|whether|may|might|allow\w*|permit\w*|eligible|ineligible|un(?:fit|suitable|able)|inability|stud(?:y|ies)|protocol|trial|research|investigational|TIL)\b|study-related/i;

/** The candidacy, contraindication, schedule or accessible-lesion reading of the sentence, or null. */
export function readProcedureCandidacy(input: ExtractInput, body: string): Finding[] | null {
  const forms: [RegExp, string, boolean, 'inclusion' | 'exclusion' | 'any'][] = [
    [CANDIDATE_RE, 'treatment_candidate', true, 'any'],
    [CONTRAINDICATION_RE, 'treatment_candidate', false, 'exclusion'],
    [SCHEDULED_BEFORE_RE, 'planned_treatment', true, 'any'],
    [SCHEDULED_AFTER_RE, 'planned_treatment', true, 'any'],
    // "A lesion accessible for …" in an exclusion would exclude patients with a treatable lesion: not a form criteria use.
    [ACCESSIBLE_RE, 'lesion_treatable', true, 'inclusion'],
    [DEEMED_OPERABLE_RE, 'treatment_candidate', true, 'any'],
  ];
  if (REFUSED_RE.test(body)) return null;
  for (const [re, topic, value, kind] of forms) {
    if (kind !== 'any' && kind !== input.kind) continue;
    const m = re.exec(body);
    if (!m) continue;
    const procedure = (m[1] ?? '').trim();
    if (BARE_BIOPSY_RE.test(procedure)) return null;
    if (negatedAt(input, m.index + m[0].length - 1)) return null;
    const answer: Condition = { fact: 'attestation', operator: 'equal', value, params: { topic } };
    return [wholeLineFinding(input, body, 'other', answer, [m.index, m.index + m[0].length])];
  }
  return null;
}
