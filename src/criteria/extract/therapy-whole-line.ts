/**
 * Readers of a whole one-sentence prior-therapy criterion the list reader (therapy.ts) leaves unread:
 * a local treatment or a setting's treatment narrowed by a phrase, a lesion that must be free of local
 * treatment (therapy-local-qualified.ts), treatments within a washout the protocol sets
 * (therapy-protocol-washout.ts), a statement only a patient who had a local treatment can satisfy (a
 * previously irradiated site, a time counted from an operation: therapy-local-receipt.ts; what an
 * operation left or found: therapy-local-after.ts), a local
 * treatment the care team plans or sites it can treat (therapy-local-plans.ts), and a procedure the
 * care team finds the patient fit for, contraindicated or scheduled (therapy-local-candidacy.ts), and a
 * requirement an "if" clause binds to those who had a local treatment (therapy-local-conditional.ts). Each reading is a fallback: any other finding in the criterion
 * replaces it, so these only read lines no other reader understood.
 */
import { cancerCohortHeading, subgroupHeading } from '../subgroups';
import type { Extractor } from './extractor';
import { sentenceEnd } from './history-util';
import { readConditionalLocal } from './therapy-local-conditional';
import { readQualified, readUntreatedLesion } from './therapy-local-qualified';
import { readProcedureCandidacy } from './therapy-local-candidacy';
import { readLocalPlan } from './therapy-local-plans';
import { readAfterOperation } from './therapy-local-after';
import { readCompletedSurgery, readIrradiatedSite, readOperationUndergone, readSurgeryInterval } from './therapy-local-receipt';
import { readProtocolWashout } from './therapy-protocol-washout';

/** The words every form holds: the extractor is skipped without one. */
const GATE =
  /surg|operat|resect|ectom|radi|debulk|adjuvant|protocol|SBRT|SABR|stereotactic|referred|excision|biops|dissection|an(?:a)?esth|endoscop|procedure|reconstruct|transplant/i;

/** A lead-in that names only who the criteria are about, with no negation, permission or cohort. */
const SUBJECT_LEAD_RE =
  /^\W*(?:the\s+)?(?:patients?|subjects?|participants?|individuals?)(?:\s+(?:who|that|has|have|had|is|are|with))?\W*$/i;

/** Words of a heading that make its lines alternatives, exceptions or permissions, not requirements. */
const HEADING_TURN_RE =
  /\b(?:following|except\w*|exclud\w*|allow\w*|permit\w*|eligible|not|no|non|may|can|either|any|one|unless|if|or)\b|:\s*\S/i;

/** A heading that only names the cohort its lines are for. */
function cohortOnly(heading: string): boolean {
  return subgroupHeading([heading]) !== null && !HEADING_TURN_RE.test(heading) && !/\n/.test(heading.trim());
}

/**
 * Words of a heading that make its lines alternatives, exceptions, negations or conditions. A reading
 * that only says whom an "if" clause binds (therapy-local-conditional.ts) never fails or excludes
 * anyone by itself, so a heading that states a requirement of its own ("Eligible for curative intent
 * therapy, with surgical resection of cancer planned.") or names a section ("Medical History and
 * Concurrent Diseases") leaves it true; these turn it.
 */
const CONDITIONAL_HEADING_TURN_RE =
  /\b(?:following|except\w*|exclud\w*|not|no|non|none|never|without|cannot|unable|neither|nor|either|any|one|unless|if|or|only)\b|:\s*\S/i;

export const extractWholeLineTherapy: Extractor = (input) => {
  const { text } = input;
  const headed = input.context.some((c) => !SUBJECT_LEAD_RE.test(c) && !cohortOnly(c) && !cancerCohortHeading(c, input.lex));
  if (headed) {
    if (!GATE.test(text) || input.context.some((c) => CONDITIONAL_HEADING_TURN_RE.test(c) || /\n/.test(c.trim()))) return [];
    const body = text.replace(/[\s.;,]+$/, '');
    if (sentenceEnd(body, 0) < body.length || /[!?]\s+\S/.test(body)) return [];
    return readConditionalLocal(input, body) ?? [];
  }
  // Under a heading or lead-in the line may bind one cohort only ("Cohort B (prior cranial radiation)"
  // over "Previously received radiotherapy … to the brain"), or name an exception: not read. A lead-in
  // that only names the patient ("The patient", "Subjects who") adds nothing to it, and one that only
  // names a cohort ("SAFETY COHORT") or a cohort's cancer ("MERKEL CELL CARCINOMA"), which the
  // assembler binds the reading to (parse.ts, subgroups.ts).
  if (
    !GATE.test(text) ||
    input.context.some((c) => !SUBJECT_LEAD_RE.test(c) && !cohortOnly(c) && !cancerCohortHeading(c, input.lex))
  )
    return [];
  const body = text.replace(/[\s.;,]+$/, '');
  // One sentence only: a second one may grant or carve what the leaf would hide. The full stop of an
  // abbreviation ("e.g. local sepsis", "i.e.", "etc.") ends no sentence.
  if (sentenceEnd(body, 0) < body.length || /[!?]\s+\S/.test(body)) return [];
  return (
    readUntreatedLesion(input, body) ??
    readProtocolWashout(input, body) ??
    readIrradiatedSite(input, body) ??
    readSurgeryInterval(input, body) ??
    readCompletedSurgery(input, body) ??
    readOperationUndergone(input, body) ??
    readAfterOperation(input, body) ??
    readConditionalLocal(input, body) ??
    readLocalPlan(input, body) ??
    readProcedureCandidacy(input, body) ??
    readQualified(input, body)
  );
};
