/**
 * A criterion that is nothing but the confirmation of the diagnosis, with the disease left to the
 * trial's title or heading: "Histological diagnosis", "histologically confirmed diagnosis" (under a
 * cohort heading "TCL:"), and among exclusions "No tissue diagnosis.", "No histological diagnosis".
 *
 *   inclusion "Histological diagnosis"       → cancerType(ANY_CANCER) = true
 *   exclusion "No tissue diagnosis."          → cancerType(ANY_CANCER) = false (by the assembler's negation)
 *
 * The disease reader reads "Histologically confirmed malignancy" as cancerType(ANY_CANCER): the
 * record's diagnosis stands for its confirmation, which no fact holds apart. A criterion that names
 * no disease asks the same of the disease under study, which in a cancer trial is a cancer; the
 * generic code is all that can be said without the trial's own conditions.
 *
 * An exclusion must deny it and an inclusion state it. Only the whole criterion: a disease named
 * after it ("Histological diagnosis of diffuse glioma") is the disease reader's, and any other word
 * ("pending", "not required", "at the site") may change what the sentence asks.
 */
import type { Extractor, Finding } from './extractor';

const HOW = String.raw`(?:tissue|biopsy|histolog(?:y|ic|ical|ically)|histopatholog(?:y|ic|ical|ically)|patholog(?:y|ic|ical|ically)|cytolog(?:y|ic|ical|ically))`;
/**
 * "Histological diagnosis", "Histologically or cytologically confirmed diagnosis", "Pathologically
 * proven diagnosis", "Patients with a histologically confirmed diagnosis", "No tissue diagnosis".
 */
const BARE_CONFIRMATION = new RegExp(
  String.raw`^\W*(?:(?:no|without)\s+)?(?:(?:patients?|participants?|subjects?)\s+with\s+)?(?:(?:an?|the)\s+)?(?:confirmed\s+)?${HOW}(?:\s*(?:\/|or|and\/or)\s*${HOW})?(?:[\s-]+(?:confirmed|proven|documented|verified))?\s+(?:diagnosis|confirmation(?:\s+of\s+(?:the\s+)?diagnosis)?)\s*[.;]?\s*$`,
  'i',
);

export const extractDiagnosisConfirmation: Extractor = (input) => {
  const m = BARE_CONFIRMATION.exec(input.text);
  if (!m) return [];
  // Stated bare among exclusions, or denied among inclusions, the confirmation would turn away every
  // patient with the disease under study: an item filed under the wrong heading, left unread.
  const denied = /^\W*(?:no|without)\b/i.test(input.text);
  if (denied !== (input.kind === 'exclusion')) return [];
  const lead = /^\W*/.exec(input.text)![0].length;
  // Negation ("No tissue diagnosis") is tested where the confirmation is named, inside its scope.
  const anchor = new RegExp(HOW, 'i').exec(input.text)!.index;
  const finding: Finding = {
    category: 'cancer_type',
    condition: { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['ANY_CANCER'] } },
    spans: [[lead, input.text.replace(/[\s.;]+$/, '').length]],
    anchor,
  };
  return [finding];
};
