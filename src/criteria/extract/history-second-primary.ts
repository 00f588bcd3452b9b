/**
 * A second primary cancer of a named type, among exclusions:
 *
 *   "History of previous or concurrent (i.e., second primary) invasive melanoma"
 *   "A concurrent second, primary melanoma;"
 *   "Synchronous or previous contralateral breast cancer (patients with contralateral DCIS or LCIS are eligible)."
 *                      → all(otherMalignancy = true, unparsed "invasive melanoma" …)
 *
 * A cancer that is previous or concurrent to the one the patient is enrolled for, or a second
 * primary, is another malignancy; the type it names (a second melanoma in a melanoma trial, the other
 * breast) narrows it to what otherMalignancy cannot hold, so the type and whatever the item adds
 * about it stay an unparsed leaf the other cancer must meet too. A patient with no other cancer is
 * not excluded; one with another cancer is left to the study team. Reading the type as the cancer
 * under study (cancerType) would exclude every patient of a trial in that cancer.
 *
 * Only when the item opens with the timing (its subject), names a cancer type the lexicon knows, and
 * says nothing of treatment, spread or involvement: "Prior or concurrent therapy for melanoma" is
 * treatment, and a general "malignancy" is history-malignancy.ts's reading.
 */
import type { Extractor } from './extractor';
import { allOf, unparsedLeaf } from './labs';

const LEAD =
  /^\W*(?:(?:had|has|have|having|with|a|an|any|known|documented|history\s+of|patients?\s+with|participants?\s+with|subjects?\s+with)\s+)*(?:(?:previous|prior)\s+or\s+(?:concurrent|synchronous|concomitant)|(?:concurrent|synchronous|concomitant)\s+or\s+(?:previous|prior)|(?:concurrent|synchronous)\s+second,?\s+primary|second,?\s+primary)\b/i;

/** What the named cancer may not be said with: treatment, spread, a general malignancy, a window. */
const NOT_TYPE =
  /\b(?:therap\w*|treat\w*|surg\w*|radi\w*|chemo\w*|resect\w*|excis\w*|biops\w*|metasta\w*|involv\w*|spread|(?:an)?other|additional|different|separate|malignan\w*|neoplas\w*|tumou?rs?|within|years?|months?|unless|except\w*|other\s+than)\b/i;

/** The cancer-type groups that name no type (rules/cancer-types.json). */
const GENERIC = new Set(['ANY_CANCER', 'SOLID', 'HEME']);

/** Another sentence after the item (not the dot of "i.e." or "e.g."): more than the type, left unread. */
const SENTENCE_BREAK = /(?<!\b(?:i\.e|e\.g))\.\s+\S|;\s*\S/i;

export const extractSecondPrimary: Extractor = (input) => {
  if (input.kind !== 'exclusion') return [];
  const { text } = input;
  const m = LEAD.exec(text);
  if (!m) return [];
  const from = m.index + m[0].length;
  // The rest, without its closing punctuation (a loop: a trailing-run pattern backtracks on long runs).
  let end = text.length;
  while (end > from && /[\s.;,]/.test(text[end - 1]!)) end--;
  const rest = text.slice(from, end).trim();
  if (!rest || rest.length > 160 || NOT_TYPE.test(rest) || SENTENCE_BREAK.test(rest)) return [];
  const restStart = text.indexOf(rest, from);
  const restEnd = restStart + rest.length;
  // The type must be a cancer the lexicon names, inside the rest: not "cancer" or "solid tumour"
  // alone, which name no type ("Previous or concomitant other cancer" is any other malignancy).
  if (!input.mentions.some((mn) => mn.type === 'cancer' && !GENERIC.has(mn.id) && mn.start >= restStart && mn.end <= restEnd)) return [];
  const leadStart = m.index + m[0].length - m[0].trimStart().length;
  return [
    {
      category: 'medical_history',
      condition: allOf([{ fact: 'otherMalignancy', operator: 'equal', value: true, params: {} }, unparsedLeaf(rest)]),
      spans: [[leadStart, from]],
      cover: [[restStart, restEnd]],
      anchor: leadStart,
      polarityHandled: true,
    },
  ];
};
