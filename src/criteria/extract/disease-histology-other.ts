/**
 * A criterion that is only a histology named by what it is not: "Non-squamous cell histology", "Other
 * histology than BCC or SCC", "Histology other than adenocarcinoma". The cancers named are the ones the
 * patient's must not be, cancerType = false: in an inclusion the trial wants another histology, in an
 * exclusion the patient whose cancer is known to be none of them is excluded. A record that cannot say
 * (NSCLC with no histology, for "non-squamous") leaves the leaf unknown (src/match cancerType).
 *
 * "non" and "other than" had stopped the cancer reader (a prefix denying the type; an exception scope),
 * so these criteria went unread whole. Only the whole criterion in this frame is read: inside a longer
 * sentence "other than" is mostly an exception to something else ("malignancy other than …").
 */
import type { Mention } from '../lexicon';
import type { ExtractInput, Finding } from './extractor';

/** What the frame may call the histology. */
const HISTOLOGY = String.raw`(?:histolog(?:y|ies)|histologic(?:al)?\s+(?:types?|subtypes?|diagnos[ie]s)|tumou?r\s+histolog(?:y|ies))`;
/** "Histology other than …", "Tumors of histology other than …", "Other histology than …". */
const OTHER_THAN_FRAME = new RegExp(
  String.raw`^\W*(?:(?:patients?|participants?|subjects?)\s+with\s+)?(?:(?:an?|any)\s+)?(?:(?:tumou?rs?|cancers?)\s+(?:of|with)\s+(?:an?\s+)?)?(?:${HISTOLOGY}\s+other\s+than|other\s+${HISTOLOGY}\s+than)\s+`,
  'i',
);
/** "Non-squamous cell histology", "non-squamous histology": the mention itself follows "non". */
const NON_FRAME = /^\W*(?:(?:patients?|participants?|subjects?)\s+with\s+)?(?:(?:an?|any)\s+)?non[\s-]?(?=\w)/i;
const HISTOLOGY_WORD = new RegExp(String.raw`\b${HISTOLOGY}\s*[.;]?\s*$`, 'i');
const NON_TAIL = new RegExp(String.raw`^\s*(?:cell\s+)?(?:${HISTOLOGY})?\s*[.;]?\s*$`, 'i');
/** What may stand between the cancers of the list and after its last one. */
const LIST_GAP = /^\s*(?:,\s*)?(?:(?:and\s*\/\s*or|or|and|nor)\s+)?(?:the\s+|an?\s+)?$/i;
const LIST_END = /^\s*[.;]?\s*$/;

export function histologyOtherThan(
  input: ExtractInput,
  generic: ReadonlySet<string>,
  resolve: (codes: string[], input: ExtractInput) => string[],
): Finding | null {
  const { text } = input;
  if (text.length > 300) return null;
  const cancers = input.mentions.filter((m) => m.type === 'cancer').sort((a, b) => a.start - b.start);
  if (!cancers.length || cancers.some((m) => generic.has(m.id))) return null;
  let list: Mention[] = [];
  let from: number;
  const other = OTHER_THAN_FRAME.exec(text);
  if (other) {
    from = other[0].length;
    let at = from;
    for (const m of cancers) {
      if (m.start < from) return null;
      // Overlapping mentions of one phrase ("squamous cell carcinoma of the skin") count once.
      if (m.start < at) continue;
      if (!LIST_GAP.test(text.slice(at, m.start))) return null;
      list.push(m);
      at = m.end;
    }
    if (!list.length || !LIST_END.test(text.slice(at))) return null;
  } else {
    const non = NON_FRAME.exec(text);
    if (!non) return null;
    from = non[0].length;
    const first = cancers[0]!;
    if (first.start !== from || cancers.some((m) => m !== first && m.start >= first.end)) return null;
    // Only a histology: "Non-squamous NSCLC" is an NSCLC that is not squamous, and "not squamous NSCLC"
    // would let in every other cancer.
    if (!NON_TAIL.test(text.slice(first.end)) || !HISTOLOGY_WORD.test(text.slice(first.start))) return null;
    list = [first];
  }
  const codes = resolve(
    list.map((m) => m.id),
    input,
  );
  return {
    category: 'cancer_type',
    condition: { fact: 'cancerType', operator: 'equal', value: false, params: { codes } },
    spans: [[0, text.length]],
    anchor: list[0]!.start,
    polarityHandled: true,
  };
}
