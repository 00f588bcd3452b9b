/**
 * The recent-surgery exclusion in the forms the list reader (therapy.ts) leaves unread: an operation
 * and its window with an exception, a narrower kind of operation or an injury offered beside it.
 *
 *   "large surgery or severe trauma occurred within 4 weeks before the first study of drug treatment."
 *        → any(priorTherapy(kinds: surgery, withinDays: 28), unread "severe trauma")
 *   "Received major organ surgery (excluding needle biopsy) or experienced severe trauma within 4 weeks
 *    prior to the first administration of the study drug, or requires elective surgery …"
 *        → any(all(priorTherapy(surgery, 28), unread "major organ surgery", unread "excluding needle
 *          biopsy"), unread "severe trauma"), the plan after it left to its own readers
 *   "Major surgical procedure other than for diagnosis within 4 weeks prior to randomization"
 *        → all(priorTherapy(surgery, 28), unread "other than for diagnosis")
 *   "Neurosurgery within 14 days prior to initiation of trial treatment"
 *        → all(priorTherapy(surgery, 14), unread "Neurosurgery")
 *
 * Only exclusions are read, where the finding must be a sufficient condition: nothing the fact cannot
 * say may be dropped. "Major" (and "large", its translation) is dropped as the list reader drops it
 * ("Major surgery within 4 weeks" → priorTherapy(surgery, 28)); any other word naming the operation
 * ("minor", "organ", "neuro-") makes a narrower kind, kept as an unread qualifier beside it, and so are
 * exceptions ("excluding needle biopsy", "unrelated to breast cancer"), asides after the window
 * ("(2 weeks for resection of brain metastases)") and permissions elsewhere in the criterion ("VATS
 * and mediastinoscopy are exceptions"). An injury or biopsy offered beside the operation is an
 * alternative, an unparsed member of an any(). A clause after the window joined by "or" ("or has not
 * recovered from …", "or anticipation of need for …") is another alternative, left to its own reader:
 * the assembler joins it to this finding with its "or".
 *
 * The reader runs only on sentences no other therapy finding touched, and reads a sentence only when
 * every word of it up to the window's end is accounted for by the forms below.
 *
 * In an inclusion it reads one form only, recovery from an operation a time before the study
 * (readRecoveryWindows): the operation was at least that long ago, never one the patient must have had.
 */
import type { Condition, LeafCondition } from '../facts';
import type { ExtractInput, Finding } from './extractor';

type Span = [number, number];

/** A window as the therapy reader reads it (therapy.ts sentenceWindows). */
export interface SurgeryWindow {
  start: number;
  end: number;
  days: number;
  sense: 'within' | 'since';
  halfLife?: 'shorter' | 'longer' | 'unknown';
}
export type WindowsOf = (s: number, e: number) => SurgeryWindow[];

/** A cheap test for the words every form holds: the caller skips the reader without it. */
export const SURGERY_WINDOW_GATE = /surg|\boperations?\b/i;

/** Who had it and the receipt verb, at the head of the sentence. */
const LEAD_RE =
  /^[\s*•-]*(?:\(?[A-Z]?\d{1,2}\\?[.)]\s*)?(?:(?:patients?|subjects?|participants?)\s+(?:who\s+)?)?(?:(?:has|have|had)\s+(?:had\s+|undergone\s+|received\s+|experienced\s+)?|(?:received|undergone|underwent|experienced)\s+)?(?:(?:any|a|an)\s+)?/i;
/** The operation: up to two words naming it, then its noun. */
const SURGERY_RE =
  /^((?:[A-Za-z][\w-]*\s+){0,2}?)(surgery|surgeries|surgical\s+(?:procedures?|interventions?|operations?)|operations?|neurosurgery|neurosurgical\s+procedures?)\b/i;
/** Words that say how large the operation was the way the list reader drops them. */
const MAJOR_RE = /^(?:major|large|big)$/i;
/** Words that cannot name an operation: the head of the sentence is something else. */
const NOT_MODIFIER_RE =
  /^(?:or|and|nor|with|without|of|for|to|in|on|at|by|from|who|which|that|the|their|his|her|no|not|any|prior|previous|recent|planned|scheduled|expected|anticipated|history|treatment|therapy|cancer|tumou?r|is|are|was|were|has|have|had|be|been|requir\w*|need\w*|plan\w*)$/i;
/** Examples of the operation that only illustrate it: "(e.g., intra-thoracic, intra-abdominal or intra-pelvic)". */
const EXAMPLE_PAREN_RE = /^\s*(?:e\.?\s?g\.?|eg|such\s+as|for\s+example|for\s+instance|i\.?\s?e\.?)[\s.,:]/i;
/** Words inside an aside that make it narrow or carve out of the operation. */
const CARVE_WORD_RE =
  /\b(?:except\w*|exclud\w*|other\s+than|not|unless|allow\w*|permit\w*|acceptable|counted|considered|defined|discretion|only|if|for\s+(?!example|instance))\b/i;
/** An aside in parentheses, ASCII or full-width. */
const PAREN_RE = /^\s*,?\s*[(（]([^()（）]{0,200})[)）]\s*,?/;
/** An exception or relative clause on the operation, up to the window or an alternative. */
const EXCEPTION_RE =
  /^\s*,?\s*(?:(?:that|which)\s+(?:is|was|are|were)\s+)?(?:excluding|except(?:\s+for)?|other\s+than|apart\s+from|not\s+including|unrelated\s+to|not\s+related\s+to|for\s+any\s+reason)\b/i;
/** An injury or a biopsy offered beside the operation: "or significant traumatic injury", ", fine needle aspirations". */
const ALTERNATIVE_RE =
  /^\s*(?:,\s*(?:(?:or|and\/or)\s+)?|(?:or|and\/or)\s+)(?:(?:had|has|have|experienced|suffered|sustained)\s+)?(?:(?:a|an|any)\s+)?((?:(?:significant|severe|major|serious|recent)\s+)?(?:traumatic\s+injur(?:y|ies)|trauma|injur(?:y|ies))|(?:(?:fine[\s-]needle|core(?:[\s-]needle)?|open|needle|excisional|incisional)\s+)?(?:aspirations?|biops(?:y|ies)))\b\s*,?/i;
/** A verb between the operation and its window: "occurred", "was performed". */
const VERB_RE =
  /^\s*(?:(?:has|have|had|was|were)\s+)?(?:been\s+)?(?:occurred|performed|done|conducted|carried\s+out)\b/i;
/** An alternative clause after the window: another reader's, joined by its "or". */
const OR_AFTER_RE = /^\s*,?\s*(?:or|and\/or)\b/i;
/** Words that may trail a window's anchor without narrowing it ("of AU-007", "to starting capmatinib"). */
const ANCHOR_WORD_RE =
  /^(?:of|to|the|their|first|1st|initial|start|starting|initiation|initiating|beginning|dose|doses|dosing|administration|study|trial|investigational|drug|drugs|treatment|therapy|intervention|medication|product|agent|day|cycle|c1d1|randomi[sz]ation|registration|enrol?lment|entry|screening|\d{1,2})$/i;
/**
 * Words after the window that go on to narrow it: whom it is for, or an exception. Not an event the
 * window is counted from ("within 6 months after diagnosis"), which moves it off the as-of date.
 */
const TAIL_QUALIFIER_RE =
  /^\s*(?:(?:in|for|among|with|without)\b(?!\s+(?:the\s+)?(?:diagnosis|surgery|resection|progression|recurrence|relapse)\b)|,?\s*(?:unless|except\w*|excluding|other\s+than|provided|if|as\s+long\s+as)\b)/i;
/** An event a window may be counted from instead of the as-of date, right after its preposition. */
const EVENT_ANCHOR_RE =
  /^[^,;()]*?\b(?:of|from|after|following|since|before|prior\s+to)\s+(?:the\s+|their\s+|initial\s+|original\s+|primary\s+|first\s+)*(?:diagnos\w*|surgery|resection|operation|progression|recurrence|relapse|metastas\w*|transplant\w*)\b/i;
/** A number of days, weeks or months. */
const DURATION_RE = /\b\d+\s*(?:days?|weeks?|wks?|months?)\b/i;
/** A token that names the study drug: a code ("AU-007", "177Lu-RAD204tr") or one word. */
const NAME_TOKEN_RE = /^[A-Za-z0-9][\w/-]*$/;
/** Words in another sentence of the criterion that may carve an exception out of this one. */
const CARVE_SENTENCE_RE =
  /\b(?:except\w*|exclud\w*|allow\w*|permit\w*|acceptable|eligible|may|can|not\s+(?:be\s+)?(?:considered|counted)|however|unless|case[\s-]by[\s-]case|discretion)\b/i;
/** A lead-in that permits or negates what follows: its entries are not plain exclusions. */
const CONTEXT_BLOCK_RE = /\b(?:allow\w*|permit\w*|eligible|may|can|accept\w*|except\w*|not|no)\b/i;

function unread(text: string): LeafCondition {
  return {
    fact: 'unparsed',
    operator: 'equal',
    value: true,
    params: { text: text.replace(/\s+/g, ' ').replace(/^[\s,]+|[\s,]+$/g, '') },
  };
}

interface Read {
  condition: Condition;
  /** Where the operation is named, after the lead. */
  opStart: number;
  end: number;
}

/** The form read from `s`, or null. `windows` are the sentence's windows. */
function readForm(text: string, s: number, e: number, windows: SurgeryWindow[]): Read | null {
  const lead = LEAD_RE.exec(text.slice(s, e))!;
  let at = s + lead[0].length;
  const opStart = at;
  const op = SURGERY_RE.exec(text.slice(at, e));
  if (!op) return null;
  const mods = op[1]!.split(/\s+/).filter(Boolean);
  if (mods.some((w) => NOT_MODIFIER_RE.test(w))) return null;
  const qualifiers: string[] = [];
  // "Major surgery" is read as surgery; "minor surgery", "major organ surgery", "neurosurgery" are narrower.
  if (!mods.every((w) => MAJOR_RE.test(w)) || /^neuro/i.test(op[2]!)) qualifiers.push(op[0]);
  at += op[0].length;
  const alternatives: string[] = [];
  let window: SurgeryWindow | undefined;
  // Asides, exceptions, alternatives and a verb, in any order, up to the window.
  for (let guard = 0; guard < 8 && !window; guard++) {
    const rest = text.slice(at, e);
    window = windows.find((w) => w.start >= at && /^[\s,]*$/.test(text.slice(at, w.start)));
    if (window) break;
    const paren = PAREN_RE.exec(rest);
    if (paren) {
      if (!EXAMPLE_PAREN_RE.test(paren[1]!) || CARVE_WORD_RE.test(paren[1]!)) qualifiers.push(paren[1]!);
      at += paren[0].length;
      continue;
    }
    const exception = EXCEPTION_RE.exec(rest);
    if (exception) {
      // The exception runs to the window, an alternative or the end of the clause.
      const tail = rest.slice(exception[0].length);
      const stop = windows.find((w) => w.start >= at + exception[0].length)?.start ?? e;
      const alt = /\s*(?:,\s*)?\b(?:or|and\/or)\s/i.exec(tail);
      const end = Math.min(stop, alt ? at + exception[0].length + alt.index : e);
      const words = text.slice(at, end);
      if (/[()（）]/.test(words) || end <= at + exception[0].length) return null;
      qualifiers.push(words);
      at = end;
      continue;
    }
    const alt = ALTERNATIVE_RE.exec(rest);
    if (alt) {
      alternatives.push(alt[1]!);
      at += alt[0].length;
      continue;
    }
    const verb = VERB_RE.exec(rest);
    if (verb) {
      at += verb[0].length;
      continue;
    }
    return null;
  }
  if (!window || window.sense !== 'within' || window.halfLife) return null;
  // A window counted from an event ("within 4 weeks of diagnosis") is not one from the as-of date.
  if (
    EVENT_ANCHOR_RE.test(text.slice(window.start, window.end)) ||
    EVENT_ANCHOR_RE.test(text.slice(window.end, window.end + 40))
  )
    return null;
  at = window.end;
  // After the window: asides and exceptions narrow it, an "or" opens another reader's clause, anchor
  // words and the study drug's name end it; anything else is kept as an unread qualifier.
  for (let guard = 0; guard < 6 && at < e; guard++) {
    const rest = text.slice(at, e);
    if (!/\S/.test(rest.replace(/[.,;:]/g, ''))) {
      at = e;
      break;
    }
    if (OR_AFTER_RE.test(rest)) break;
    const paren = PAREN_RE.exec(rest);
    if (paren) {
      qualifiers.push(paren[1]!);
      at += paren[0].length;
      continue;
    }
    const or = /\s*,?\s*\b(?:or|and\/or)\b/i.exec(rest);
    const end = at + (or ? or.index : rest.length);
    const words = text.slice(at, end).match(/[^\s,.;:]+/g) ?? [];
    const named = words.filter((w) => !ANCHOR_WORD_RE.test(w));
    if (
      !/[()（）]/.test(text.slice(at, end)) &&
      named.length <= 1 &&
      named.every((w) => NAME_TOKEN_RE.test(w) && !NOT_MODIFIER_RE.test(w))
    ) {
      at = end;
      continue;
    }
    // Words that go on from the window ("… in patients with …", "unless …") narrow it. Others (", invasive
    // dental procedures") may be a further alternative as well as a qualifier: neither reading is sure.
    if (/[()（）]/.test(text.slice(at, end)) || !TAIL_QUALIFIER_RE.test(text.slice(at, end))) return null;
    qualifiers.push(text.slice(at, end));
    at = end;
  }
  // A second window inside a qualifier ("(2 weeks for resection of brain metastases)") gives some
  // operations another limit, and its words may be read by other readers as findings of their own.
  if (qualifiers.some((q) => DURATION_RE.test(q))) return null;
  const received: Condition = {
    fact: 'priorTherapy',
    operator: 'equal',
    value: true,
    params: { kinds: ['surgery'], withinDays: window.days },
  };
  const narrowed: Condition = qualifiers.length ? { all: [received, ...qualifiers.map(unread)] } : received;
  const condition: Condition = alternatives.length ? { any: [narrowed, ...alternatives.map(unread)] } : narrowed;
  return { condition, opStart, end: at };
}

/**
 * Reads the recent-surgery forms above, one finding per sentence, in exclusions only, where no
 * therapy finding (`out`) or claimed span (`used`) touches the sentence.
 */
export function readSurgeryWindows(
  input: ExtractInput,
  sents: Span[],
  windowsOf: WindowsOf,
  out: Finding[],
  used: Span[],
): void {
  const { text } = input;
  if (input.kind === 'inclusion' && SURGERY_WINDOW_GATE.test(text)) {
    readRecoveryWindows(input, sents, windowsOf, out, used);
    return;
  }
  if (input.kind !== 'exclusion' || !SURGERY_WINDOW_GATE.test(text)) return;
  const lead = input.context[input.context.length - 1];
  if (lead && CONTEXT_BLOCK_RE.test(lead)) return;
  for (const [s, e] of sents) {
    if (!SURGERY_WINDOW_GATE.test(text.slice(s, e))) continue;
    if (out.some((f) => f.spans.some(([a, b]) => a < e && s < b)) || used.some(([a, b]) => a < e && s < b)) continue;
    const read = readForm(text, s, e, windowsOf(s, e));
    if (!read) continue;
    // A negation over the words read ("No major surgery …") or an exception before the operation
    // ("Except for …, surgery …") turns the reading round; exceptions after it are read above.
    if (
      input.scopes.scopes.some(
        (sc) =>
          (sc.kind === 'negated' && sc.start < read.end && s < sc.end) ||
          (sc.kind === 'exception' && sc.start < read.opStart && s <= sc.start),
      )
    )
      continue;
    // Another sentence of the criterion that may carve an exception out of this one narrows it.
    const others = sents.filter(([a, b]) => (a !== s || b !== e) && CARVE_SENTENCE_RE.test(text.slice(a, b)));
    const condition: Condition = others.length
      ? { all: [read.condition, ...others.map(([a, b]) => unread(text.slice(a, b)))] }
      : read.condition;
    let start = s + (/\S/.exec(text.slice(s, e))?.index ?? 0);
    // An item number the sentence splitter parted from it ("12\\. Neurosurgery …") is read with it.
    const prev = sents[sents.findIndex(([a]) => a === s) - 1];
    if (
      prev &&
      /^\s*\(?[A-Z]?\d{1,2}\\?\)?\s*$/.test(text.slice(prev[0], prev[1])) &&
      !out.some((f) => f.spans.some(([a, b]) => a < prev[1] && prev[0] < b))
    )
      start = prev[0] + (/\S/.exec(text.slice(prev[0], prev[1]))?.index ?? 0);
    out.push({
      category: 'prior_therapy',
      condition,
      spans: [[start, read.end]],
      anchor: start,
      ...(others.length ? { cover: others } : {}),
    });
    used.push([s, e]);
  }
}

/**
 * Recovery from an operation a time before the study, in an inclusion: "Participants must have
 * recovered from effects of any major surgery or significant traumatic injury at least 28 days before
 * the first dose of study treatment". Recovery follows the operation, so the operation itself was at
 * least that long ago: not priorTherapy(surgery, withinDays), a necessary condition ("major" dropped
 * as the list reader drops it). The recovery and any injury beside the operation stay an unread
 * conjunct, all(not X, unread): a patient operated on within the window fails, any other is left open.
 */
const RECOVERY_LEAD_RE =
  /^[\s*•-]*(?:\(?[A-Z]?\d{1,2}\\?[.)]\s*)?(?:(?:patients?|participants?|subjects?)\s+)?(?:must|should|shall)\s+have\s+(?:(?:fully|adequately|completely|sufficiently)\s+)?recovered\s+from\s+(?:the\s+)?(?:(?:acute\s+)?(?:side\s+)?effects?\s+of\s+)?(?:(?:any|all|a|an|their)\s+)?/i;

function readRecoveryWindows(input: ExtractInput, sents: Span[], windowsOf: WindowsOf, out: Finding[], used: Span[]): void {
  const { text } = input;
  if (input.context.some((c) => CONTEXT_BLOCK_RE.test(c))) return;
  for (const [s, e] of sents) {
    if (out.some((f) => f.spans.some(([a, b]) => a < e && s < b)) || used.some(([a, b]) => a < e && s < b)) continue;
    const lead = RECOVERY_LEAD_RE.exec(text.slice(s, e));
    if (!lead) continue;
    let at = s + lead[0].length;
    const op = SURGERY_RE.exec(text.slice(at, e));
    if (!op || /^neuro/i.test(op[2]!) || !op[1]!.split(/\s+/).filter(Boolean).every((w) => MAJOR_RE.test(w))) continue;
    at += op[0].length;
    // Only an injury or a biopsy may stand beside it: anything else may carve out of the operation.
    const alt = ALTERNATIVE_RE.exec(text.slice(at, e));
    if (alt) at += alt[0].length;
    const window = windowsOf(s, e).find((w) => w.start >= at && /^[\s,]*$/.test(text.slice(at, w.start)));
    if (!window || window.sense !== 'since' || window.halfLife) continue;
    // The window must end the sentence but for the anchor's words ("of study treatment").
    const tail = text.slice(window.end, e).match(/[^\s,.;:]+/g) ?? [];
    if (tail.some((w) => !ANCHOR_WORD_RE.test(w))) continue;
    if (input.scopes.scopes.some((sc) => sc.start < e && s < sc.end && (sc.kind === 'negated' || sc.kind === 'exception'))) continue;
    const start = s + (/\S/.exec(text.slice(s, e))?.index ?? 0);
    const condition: Condition = {
      all: [
        { fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds: ['surgery'], withinDays: window.days } },
        unread(text.slice(start, window.start)),
      ],
    };
    out.push({ category: 'prior_therapy', condition, spans: [[start, e]], anchor: start, polarityHandled: true });
    used.push([s, e]);
  }
}
