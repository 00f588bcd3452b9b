/**
 * Organ function named in words the organ-function statement of history-judgement.ts does not
 * take, read as the same question, attestation(adequate_organ_function):
 *
 *   inclusion "Adequate heart function as measured by ECHO/MUGA scan."  → adequate_organ_function = true
 *   inclusion "There is no serious dysfunction of the main organs."     → adequate_organ_function = true
 *   inclusion "Liver functions and kidney functions within normal limits"
 *                                                                      → adequate_organ_function = true
 *   inclusion "The organ functions of subjects meet the criteria for the following laboratory
 *             parameters at screening;"                                → adequate_organ_function = true
 *
 * The heart by its plain name, the "main" (major) organs together, the liver and kidneys required
 * within normal limits, and a lead-in to the protocol's panel that names organ functions: in each the
 * study team checks the tests against the study's limits. As in history-judgement.ts, not where the
 * criterion gives lab values itself (the labs reader answers those from the record), nor for one
 * group only ("Patients with liver metastases must meet …"). Kept apart so the two tables merge
 * without touching each other.
 */
import type { Statement } from './history-statements';
import { STATEMENT_COMMON } from './history-statements';
import { vocab } from './history-util';

const WORDS = vocab(
  STATEMENT_COMMON,
  'adequate sufficient satisfactory acceptable normal good heart cardiac liver hepatic kidney renal function functions organ organs ' +
    'main major vital serious severe significant dysfunction there as measured assessed by echo echocardiogram echocardiography muga ' +
    'scan within limits normal range ranges meet meets criteria for following laboratory lab parameters at screening',
);

/** A group the sentence is for: "patients with …", "For patients on anticoagulants: …", "If …". */
const GROUP_LEAD = /\b(?:patients?|participants?|subjects?|individuals?)\s+(?:with|whose|receiving|having|on)\b|^\W*(?:for|if|in)\b/i;

const ANCHOR =
  /\b(?:(?:in)?(?:adequate|sufficient|satisfactory|acceptable|good)\s+heart\s+functions?|(?:(?:serious|severe|significant)\s+)?dysfunction\s+of\s+(?:the\s+)?main\s+organs|(?:liver|hepatic)\s+functions?\s+and\s+(?:kidney|renal)\s+functions?\s+(?:(?:are|is)\s+)?within\s+(?:the\s+)?normal\s+(?:limits|ranges?)|(?:the\s+)?organ\s+functions?\s+of\s+(?:the\s+)?(?:subjects?|patients?|participants?)\s+(?:must\s+|should\s+)?meets?\s+the\s+criteria\s+for\s+the\s+following\s+(?:laboratory|lab)\s+parameters)\b/i;

export const ORGAN_FUNCTION_STATEMENTS: Statement[] = [
  {
    topic: 'adequate_organ_function',
    category: 'labs',
    gate: /heart|main\s+organs|normal\s+(?:limits|range)|following\s+(?:laboratory|lab)\s+parameters/i,
    anchor: ANCHOR,
    lack: /\bdysfunction\b/i,
    applies: (input, sentence) => !input.mentions.some((m) => m.type === 'lab') && !GROUP_LEAD.test(sentence),
    polarity: 'requirement',
    words: WORDS,
  },
];
