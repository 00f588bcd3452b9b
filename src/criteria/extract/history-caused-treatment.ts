/**
 * A condition named with the treatment that caused it: "Active autoimmune disease caused by prior
 * anticancer treatment", "Grade 3 or higher colitis attributable to immunotherapy", "Prior Grade 4
 * cytokine release syndrome related to Tebentafusp". Whether the treatment caused the condition is
 * for the care team, but the patient must have had it: that receipt is a fact of the treatment
 * history, necessary beside the condition (history-conditions.ts keeps the causal words as an unread
 * leaf, so the reading is never broader than the text).
 */
import type { ExtractInput } from './extractor';
import type { Span } from './history-util';
import { ANTICANCER_KINDS, TREATMENT_KINDS, type Condition } from '../facts';

/** The causal words that open the clause, and the words naming the treatment as earlier. */
const CAUSE_LEAD =
  /^(?:caused\s+by|induced\s+by|related\s+to|due\s+to|secondary\s+to|attributable\s+to|attributed\s+to|(?:(?:induced|caused)\s+)?(?:from|after|following|during)(?=\s+(?:a\s+|the\s+|any\s+)?(?:prior|previous|earlier)\b))\s+(?:the\s+)?(?:use\s+of\s+)?(?:(?:an?|any)\s+)?(?:(?:prior|previous|earlier)\s+)?/i;
/** What may stand between the treatments the clause names. */
const LIST_GAP = /^(?:[\s,/]|\b(?:or|and|and\/or|prior|previous|earlier|other)\b)*$/i;
/** A generic name of anticancer treatment, which covers every anticancer kind, not only systemic therapy. */
const ANY_ANTICANCER =
  /^(?:anti-?\s?cancer|anti-?\s?tumou?r|anti-?\s?neoplastic|cancer)\s+(?:treatments?|therap(?:y|ies))$/i;

type Kind = (typeof TREATMENT_KINDS)[number];

/**
 * The prior-therapy condition for the treatments a causal clause ([from, to) of the text) names, or
 * null when the clause says anything else than the cause and the treatments.
 */
export function causedByTreatment(input: ExtractInput, [from, to]: Span): Condition | null {
  const lead = CAUSE_LEAD.exec(input.text.slice(from, to));
  return lead ? treatmentNamed(input, [from + lead[0].length, to]) : null;
}

/** A treatment named before what it caused: "immunotherapy related pneumonitis", "chemotherapy-induced neuropathy". */
const CAUSE_BEFORE = /^[\s-]*(?:related|induced|associated|mediated)\s*$/i;

/**
 * The prior-therapy condition for a treatment that ends right before `[from, to)` is said to have
 * caused it ("immunotherapy related" before "pneumonitis"), with the span of the cause's words, or
 * null. Only a treatment the lexicon names: "drug-induced" or "therapy-induced" say no treatment.
 */
export function causedByTreatmentBefore(
  input: ExtractInput,
  sentenceStart: number,
  at: number,
): { condition: Condition; span: Span } | null {
  const { text } = input;
  const m = input.mentions
    .filter(
      (x) =>
        (x.type === 'drug' || x.type === 'drugClass' || x.type === 'therapyKind') &&
        x.end <= at &&
        x.start >= sentenceStart,
    )
    .sort((a, b) => b.end - a.end || a.start - b.start)[0];
  if (!m || !CAUSE_BEFORE.test(text.slice(m.end, at))) return null;
  // "non-CRT induced pneumonitis": a cause denied, so the treatment is no condition of the finding.
  if (/\bnon[\s-]*$/i.test(text.slice(Math.max(sentenceStart, m.start - 5), m.start))) return null;
  const condition = treatmentNamed(input, [m.start, m.end]);
  if (!condition) return null;
  return { condition, span: [m.start, at - (text.slice(m.end, at).length - text.slice(m.end, at).trimEnd().length)] };
}

/** The prior-therapy condition for the treatments [start, to) names with list words only, or null. */
function treatmentNamed(input: ExtractInput, [start, to]: Span): Condition | null {
  const { text } = input;
  const named = input.mentions
    .filter(
      (m) =>
        m.start >= start &&
        m.end <= to &&
        (m.type === 'drug' || m.type === 'drugClass' || m.type === 'therapyKind' || m.type === 'regimen'),
    )
    .filter(
      (m, i, all) =>
        !all.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
    );
  if (!named.length) return null;
  let at = start;
  let last: [number, number] | null = null;
  for (const m of named) {
    // One phrase of two kinds ("chemoradiation": chemotherapy and radiation) is one treatment.
    if (last && m.start === last[0] && m.end === last[1]) continue;
    if (m.start < at || !LIST_GAP.test(text.slice(at, m.start))) return null;
    at = m.end;
    last = [m.start, m.end];
  }
  if (!/^[\s.,;)]*$/.test(text.slice(at, to))) return null;
  const drugs = new Set<string>();
  const classes = new Set<string>();
  const kinds = new Set<Kind>();
  for (const m of named) {
    // A regimen names its drugs together, which one leaf cannot say: left to the unread clause.
    if (m.type === 'regimen') return null;
    if (m.type === 'drug') drugs.add(m.id);
    else if (m.type === 'drugClass') classes.add(m.id);
    else if (ANY_ANTICANCER.test(m.text)) for (const k of ANTICANCER_KINDS) kinds.add(k);
    else if ((TREATMENT_KINDS as readonly string[]).includes(m.id)) kinds.add(m.id as Kind);
    else return null;
  }
  const leaves: Condition[] = [];
  if (drugs.size) leaves.push({ fact: 'priorTherapy', operator: 'equal', value: true, params: { drugs: [...drugs] } });
  if (classes.size)
    leaves.push({ fact: 'priorTherapy', operator: 'equal', value: true, params: { classes: [...classes] } });
  if (kinds.size) leaves.push({ fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: [...kinds] } });
  if (!leaves.length) return null;
  return leaves.length === 1 ? leaves[0]! : { any: leaves };
}
