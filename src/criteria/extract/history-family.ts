/**
 * A relative's heart-rhythm history, read as an attestation (history-statements.ts):
 *
 *   "History of additional risk factors for torsade de pointes (e.g., family history of long QT syndrome)"
 *                                        → attestation(family_heart_rhythm_history) = true  (exclusion),
 *                                          the risk factors it does not name left unread beside it
 *   "Congenital long QT syndrome, family history of long QT syndrome, or unexplained sudden death
 *    under 40 years of age in first-degree relatives"
 *                                        → the patient's long QT syndrome (history-conditions.ts), or
 *                                          attestation(family_heart_rhythm_history)
 *
 * Criteria of QT-prolonging drugs name a relative's long QT, short QT or Brugada syndrome, or an
 * unexplained sudden death, among the risk factors for torsade de pointes. The record holds the
 * patient's conditions, not a relative's (history-conditions.ts leaves "a family history of long QT
 * syndrome" to this reader), so it is a question; the criterion's words, shown with it, say which
 * condition, which relatives and what age count. Only this family of findings: a relative's cancer
 * is disease.ts's (hereditary-risk studies), and other family histories are left unread.
 */
import { type Statement } from './history-statements';
import { vocab } from './history-util';

/** The relative's rhythm condition or sudden death, named after "family history of" or before "in first-degree relatives". */
const RHYTHM = String.raw`(?:(?:congenital|inherited|hereditary)\s+)?(?:(?:(?:long|short)(?:\s+or\s+(?:long|short))?|prolonged)\s+QTc?(?:\s+interval)?(?:\s+syndromes?)?|Brugada(?:\s+syndrome)?|(?:(?:idiopathic|unexplained)\s+)?sudden\s+(?:cardiac\s+)?death)`;
const FAMILY_ANCHOR = new RegExp(
  String.raw`\bfamily\s+history\s+of\s+(?:an?\s+)?${RHYTHM}\b|\b(?:idiopathic|unexplained)\s+sudden\s+(?:cardiac\s+)?death\b(?=[^.;]{0,40}\b(?:in|among|of)\s+(?:an?\s+|their\s+)?(?:first|1st)[\s-]degree\s+relatives?\b)`,
  'i',
);

/**
 * Words the finding may cover after the anchor: the relative's Brugada syndrome or sudden death, the
 * relatives and the age ("family history of long QT syndrome, or unexplained sudden death under 40 years
 * of age in first-degree relatives"); not a QT interval, which is the patient's measurement ("… Brugada
 * syndrome or QT/QTc interval > 0.45 second").
 */
const FAMILY_WORDS = vocab(
  'a an the or and of congenital inherited hereditary syndrome syndromes brugada ' +
    'idiopathic unexplained sudden cardiac death under below before younger than age aged years year old in among their first 1st degree relative relatives',
);
/** Before it, only a joining word: a condition named before is the patient's ("Congenital long QT syndrome, family history of …"). */
const FAMILY_LEAD = vocab('a an or and');

const FAMILY_HEART_RHYTHM: Statement = {
  topic: 'family_heart_rhythm_history',
  category: 'medical_history',
  gate: /family\s+history|first|1st/i,
  anchor: FAMILY_ANCHOR,
  polarity: 'event',
  words: FAMILY_WORDS,
  leadWords: FAMILY_LEAD,
};

export const FAMILY_STATEMENTS: Statement[] = [FAMILY_HEART_RHYTHM];
