/**
 * An inclusion item that names nothing but the operation or treatment the patient undergoes, with
 * its qualifiers: the study's population is the patients having it.
 *
 *   "Transthoracic esophagectomy"                        → all(any(attestation(planned_treatment),
 *   "Elective surgery"                                          priorTherapy(kinds: [surgery])), unread …)
 *   "Type of surgery; Modified Radical Mastectomy (MRM)"
 *   "Surgical or endoscopic segmental mastectomy or quadrantectomy (lumpectomy)"
 *   "undergo first chemotherapy"                         → the same with kinds: [chemotherapy]
 *
 * Whether the operation is still to come (a surgical study's patients "scheduled for …") or already
 * done (a study after the operation) the bare item does not say, so it is read as either: the plan,
 * which only the care team can confirm (attestation planned_treatment), or the treatment in the
 * record. A patient with neither fails, as the text says; any other is unknown or passes on the
 * kind, and the item's own words (which operation, "elective", "first") stay an unread leaf beside
 * it, since both facts are broader than the item.
 *
 * Only a noun phrase is read: an item with a verb, a time, a number, a negation, a permission, a
 * condition, a subject or a heading above it says more than the procedure (a heading may make it
 * one alternative of a list, or deny it), and stays to the other readers or unread. Drugs, cancers
 * and conditions named outside parentheses are other requirements, so the item is not read either.
 */
import { ANTICANCER_KINDS, type Condition } from '../facts';
import type { Extractor, Finding } from './extractor';
import { wholeLineFinding } from './therapy-local-receipt';

/** "Patients undergoing", "to undergo", "undergo": the only verb the item may open with. */
const LEAD =
  /^\W*(?:(?:the\s+)?(?:patients?|participants?|subjects?|women|men)\s+)?(?:(?:who\s+(?:are|will)\s+)?(?:undergo(?:ing)?|to\s+undergo)\s+)?/i;

/**
 * Words that make the item more than a named procedure: a clause (verbs, modals, subjects), a time,
 * a negation, a permission or condition, a judgement of fitness, an earlier or later event. Tested
 * outside parentheses, after the lead.
 */
const NOT_A_NAME =
  /\b(?:no|not|non|none|nor|without|never|if|unless|except\w*|allow\w*|permit\w*|accept\w*|may|can|could|eligible|ineligible|candidat\w*|fit|unfit|able|unable|ability|willing\w*|tak(?:e|es|ing)|us(?:e|es|ing)|refus\w*|declin\w*|contra-?indicat\w*|prior|previous\w*|history|histories|receiv\w*|had|has|have|having|underwent|undergone|undergo\w*|complet\w*|after|post|following|before|within|since|until|during|then|planned|planning|plans?|scheduled|requir\w*|indicat\w*|is|are|was|were|be|been|being|must|should|will|shall|would|days?|weeks?|months?|years?|ago|recent\w*|last|current\w*|patients?|participants?|subjects?|women|men|who|whom|which|that|for|to|at|in|on|by|per|as|any|all|other|others|either|include\w*|such|e\.?g|i\.?e|etc|defined|per)\b|\d|[<>≤≥=:]/i;

/** The nouns a procedure's name may end with. */
const HEAD_NOUN = /^(?:\w*(?:ectomy|ectomies|otomy|plasty)|surgery|surgeries|procedures?|dissections?|resections?|excisions?|therap(?:y|ies)|treatments?|radiotherapy)$/i;

/** A treatment kind the item may name: an anticancer one (not supportive care, not the study's own). */
const READ_KINDS = new Set<string>([...ANTICANCER_KINDS, 'chemotherapy', 'immunotherapy', 'targeted', 'hormonal']);
READ_KINDS.delete('investigational');

/** The text with parenthesised asides (nested ones too) blanked, offsets kept. */
function blankParentheses(s: string): string {
  for (let prev = ''; prev !== s; ) [prev, s] = [s, s.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length))];
  return s;
}

export const extractProcedureItem: Extractor = (input) => {
  const { text } = input;
  if (input.kind !== 'inclusion' || input.context.length || text.length > 160) return [];
  const kinds = input.mentions.filter((m) => m.type === 'therapyKind');
  if (!kinds.length) return [];
  const outside = blankParentheses(text);
  // One sentence: a full stop only at the end.
  if (/[.;]\s*\S/.test(outside.replace(/^\W*type\s+of\s+\w+\s*;/i, ''))) return [];
  const lead = LEAD.exec(outside)![0].length;
  const rest = outside.slice(lead);
  // "Type of surgery; Modified Radical Mastectomy": a form's label before what it names.
  if (NOT_A_NAME.test(rest.replace(/^\W*type\s+of\s+\w+\s*;/i, ' '))) return [];
  // Another requirement named outside parentheses (a drug, a cancer, a condition) is not this item's.
  const inParens = (a: number): boolean => outside[a] === ' ' && text[a] !== ' ';
  if (input.mentions.some((m) => m.type !== 'therapyKind' && !inParens(m.start))) return [];
  const named = kinds.filter((m) => !inParens(m.start));
  if (!named.length || named.some((m) => !READ_KINDS.has(m.id))) return [];
  // The procedure is the phrase's head: its last word outside parentheses is a treatment named, or
  // a procedure's noun ("… quadrantectomy", "… axillary staging procedure"). "Efficacy of the
  // neoadjuvant immunotherapy … assessed" is about the treatment, not the treatment.
  const tail = /([\w-]+)[\s.;,]*$/.exec(outside);
  const last = named[named.length - 1]!;
  if (!tail || (tail.index + tail[1]!.length !== last.end && !HEAD_NOUN.test(tail[1]!))) return [];
  const ids = [...new Set(named.map((m) => m.id))];
  const plan: Condition = { fact: 'attestation', operator: 'equal', value: true, params: { topic: 'planned_treatment' } };
  const had: Condition = { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ids } };
  const finding: Finding = {
    ...wholeLineFinding(input, text, 'other', { any: [plan, had] }, [0, last.end]),
    alsoReads: ['prior_therapy'],
  };
  return [finding];
};
