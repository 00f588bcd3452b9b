/**
 * An exclusion line that describes the patient it excludes by a treatment not had, in the perfect
 * with no modal: "have not progressed on treatment with an anti-PD(L)1 mAb", "Patients who have not
 * received prior treatment with an approved anti-CTLA-4 mAb". The subject the list leaves out
 * ("[participants who]") is the one excluded, as "has not recovered from adverse events" is read
 * among exclusions: the treatment (or its outcome) not had is what excludes, a finding read negated
 * (priorTherapy(…) = false), which in an exclusion states what every eligible patient must have had.
 *
 * A modal ("may not have received X", "must not have had X") or a bare "No X" among exclusions may
 * state either what excludes or what is required, and stays unread (therapy.ts). So does a negation
 * anywhere but at the head of the line, where its scope could be a part of the sentence only.
 */

/** The head of the line: an optional subject and "who", then the auxiliary and its negation. */
const NOT_HAD_HEAD_RE =
  /^\W*(?:(?:the\s+)?(?:patients?|participants?|subjects?|individuals?)\s+(?:who|that)\s+)?(?:have|has)\s+(?:not|never)\s+(?:(?:yet|previously|already|been)\s+)*(?:progressed|relapsed|received|had|been\s+treated|undergone)\b/i;

/** A time in the line: a window, a gap or an anchor in the past. */
const TIME_RE = /\b(?:within|since|prior\s+to|before|ago|until|recent(?:ly)?|past|last\s+(?:\d+|one|two|three|six|twelve)|\d+\s*(?:days?|weeks?|months?|years?|wks?|mos?))\b/i;

/**
 * Whether the sentence [s, e) of an exclusion opens with a non-modal negated perfect whose verb heads
 * the list [listStart, listEnd) (no other clause between them), and says nothing more of it.
 */
export function describesExcludedAsNotHad(text: string, s: number, e: number, listStart: number, listEnd: number): boolean {
  // "Has not been treated with secukinumab within the last 12 months": a time is how a washout is
  // said, which lists put among exclusions as the requirement ("must not have been treated …"). Such a
  // line reads either way and stays unread.
  if (TIME_RE.test(text.slice(s, e))) return false;
  const head = text.slice(s, listStart);
  const m = NOT_HAD_HEAD_RE.exec(head);
  if (!m) return false;
  // After the list nothing that makes it the subject of another statement ("Patients who have never
  // received any T-DXd dose will be discontinued from the study"), an alternative or a condition: only
  // its modifiers, and a restatement of the exclusion ("are excluded").
  const tail = text.slice(listEnd, e).replace(/\b(?:(?:is|are|will\s+be)\s+)?(?:excluded|not\s+eligible|ineligible)\s*[.;]?\s*$/i, ' ');
  if (/\b(?:will|would|shall|may|might|can|could|must|should|need|needs|is|are|was|were|be|unless|except|if|or|nor|but|who|which|that|when|whom|whose)\b|[;:]/i.test(tail)) return false;
  // Between the verb and the list no second clause, alternative or negation: the words there (cues,
  // "approved") are the list's, which the reader reads or keeps unread beside it.
  return !/\b(?:and|or|but|nor|who|whom|which|that|if|unless|except|when|while|not|no|never|without|because|due|than)\b|[,;:()[\]]/i.test(head.slice(m.index + m[0].length));
}
