/**
 * A lesion the trial needs that no local treatment has reached, in an inclusion:
 *
 *   "At least one measurable intracranial target lesion, which previously was not treated with local
 *    therapy (no prior SRS to this lesion)"
 *        → any(priorTherapy(kinds: radiation, surgery, locoregional) = false, unread …)
 *   "… at least one measurable brain metastasis ≥ 0.5 cm … that has not been irradiated, or
 *    progressed … after prior radiation therapy"
 *        → any(priorTherapy(kinds: radiation) = false, unread …)
 *
 * No fact says which lesion a treatment reached, so the history answers only one way: a patient who
 * never had a treatment of the kind has no lesion it reached, and meets the requirement; anyone else
 * is left to a coordinator. The reading never fails a patient, so a clause that widens it ("or
 * progressed after prior radiation therapy") stays inside the unread words. "Local therapy" is read
 * as every local kind of rules/drugs.json: radiotherapy (SRS, WBRT), surgery, and the other
 * tumour-directed procedures (ablation), so no local treatment escapes the query.
 */
import type { Condition } from '../facts';
import { unreadWords } from '../facts';
import type { ExtractInput, Extractor, Finding } from './extractor';

/** A lesion the patient must have: "at least one measurable intracranial target lesion". */
const LESION_HEAD =
  /\b(?:at\s+least\s+(?:one|1)|one\s+or\s+more|(?:>=|≥)\s*1)\s+(?:[\w-]+\s+){0,4}?(?:lesions?|metastas[ie]s|tumou?rs?)\b/gi;

/** What may stand between the lesion and its clause: size, a reference, the lesion's site. */
const BETWEEN = /^(?:[^.;:]|\.(?=\d))*$/;

/**
 * The clause: "which previously was not treated with local therapy", "that has not been irradiated",
 * "not previously irradiated". Group 1 is the treatment.
 */
const UNTREATED_CLAUSE =
  /(?:\b(?:that|which)\s+(?:(?:has|have|was|were)\s+)?(?:previously\s+)?(?:(?:has|have|was|were)\s+)?(?:not|never)\s+(?:been\s+)?(?:previously\s+)?|\bnot\s+previously\s+)(irradiated|radiated|treated\s+(?:with|by)\s+(?:local\s+(?:therapy|treatment)|radiation(?:\s+therapy)?|radiotherapy|SRS|(?:stereotactic\s+)?radiosurgery|surgery))\b/i;

/** After the clause: "(no prior SRS to this lesion)", ", or (has) progressed … after prior radiation therapy". */
const TAIL =
  /^(?:\s*\((?:no\s+prior|not\s+previously|i\.?e\.?)[^()]{0,60}\))?(?:\s*,?\s*or\s+(?:has\s+)?(?:progressed|progressing|shown\s+progression)\s+(?:\([^()]{0,80}\)\s*)?(?:despite|after|following|since)\s+(?:prior|previous)?\s*(?:radiation(?:\s+therapy)?|radiotherapy|irradiation|RT|SRS|radiosurgery)(?:\s*\([^()]{0,80}\))?)?/i;

function kindsOf(treatment: string): string[] {
  if (/local/i.test(treatment)) return ['radiation', 'surgery', 'locoregional'];
  if (/surgery/i.test(treatment)) return ['surgery'];
  return ['radiation'];
}

export const extractUntreatedLesion: Extractor = (input: ExtractInput): Finding[] => {
  if (input.kind !== 'inclusion') return [];
  const { text } = input;
  if (!/irradiated|radiated|treated\s+(?:with|by)/i.test(text)) return [];
  const out: Finding[] = [];
  LESION_HEAD.lastIndex = 0;
  for (let head = LESION_HEAD.exec(text); head; head = LESION_HEAD.exec(text)) {
    const from = head.index + head[0].length;
    const clause = UNTREATED_CLAUSE.exec(text.slice(from, from + 200));
    if (!clause || clause.index > 120 || !BETWEEN.test(text.slice(from, from + clause.index))) continue;
    const start = from + clause.index;
    const tail = TAIL.exec(text.slice(start + clause[0].length))!;
    const end = start + clause[0].length + tail[0].length;
    // "… not previously irradiated, unless …", "… if …": a condition on the clause itself stays unread.
    if (/^\s*,?\s*(?:unless|except|if|provided)\b/i.test(text.slice(end))) continue;
    const never: Condition = { fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds: kindsOf(clause[1]!) } };
    out.push({
      category: 'prior_therapy',
      condition: { any: [never, unreadWords(text.slice(start, end).replace(/^(?:that|which)\s+/i, ''))] },
      spans: [[start, end]],
      anchor: start,
      polarityHandled: true,
    });
    break;
  }
  return out;
};
