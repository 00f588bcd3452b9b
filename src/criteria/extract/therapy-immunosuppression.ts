/**
 * Exclusions of a patient immunosuppressed by medicines that the list reader (therapy.ts) leaves
 * unread because of the words around the medicines:
 *
 *   "Medical immunosuppression"                                   → priorTherapy(immunosuppressant, now)
 *   "Immunosuppression (> 10mg prednisone daily)"                 → all(priorTherapy(corticosteroid or
 *                                                                    immunosuppressant, now), unread dose)
 *   "Subjects with known chronic immunosuppression (such as biologic agents like infliximab, mycophenolate,
 *    methotrexate, prednisone > 20 mg daily)"                     → all(priorTherapy(…, now), unread examples)
 *   "Oral or parenteral immunosuppressive agents (not topical or inhaled steroids) at enrolment or within
 *    6 months prior to enrolment"                                 → all(priorTherapy(immunosuppressant,
 *                                                                    180 days), unread route)
 *
 * What the facts cannot hold (a route, "chronic", a dose, the examples or exemptions in brackets) stays
 * an unread leaf beside the receipt, so the reading is necessary only: whoever is excluded takes such a
 * medicine now (or in the window), never the converse. The noun "immunosuppression" is read as drug
 * treatment only where the words say so (medical, drug-induced, iatrogenic, pharmacological) or its
 * brackets name a medicine: "immunosuppression" alone may be a disease's (HIV), which the history
 * readers read as a condition.
 *
 * A query naming only supportive care is never false on a record that does not list it (facts.ts
 * priorTherapy), so these readings clear no one the text excludes. Each reading is a fallback over the
 * whole line: any other finding in it replaces it, so only lines no other reader understood are read.
 */
import type { Condition } from '../facts';
import type { Mention } from '../lexicon';
import type { Extractor, ExtractInput, Finding } from './extractor';

/** The classes of supportive care read here, with the classes under them (anti-TNF is an immunosuppressant). */
const SUPPORTIVE = ['corticosteroid', 'immunosuppressant'] as const;
type Supportive = (typeof SUPPORTIVE)[number];

/**
 * Where the patient stands: "Subjects with (known)", "Participants receiving" (group 1: taking it now),
 * "(Current) use of", "Treatment with" (group 2: now only with "current" or "ongoing").
 */
const LEAD_RE =
  /^(?:(?:subjects?|patients?|participants?)\s+(?:with|(who\s+(?:are|is)\s+(?:currently\s+)?(?:receiving|on|taking)|receiving|on|taking))\s+|(?:the\s+)?(current\s+|ongoing\s+)?(?:use|treatment|therapy|administration|receipt)\s+(?:of|with)\s+)?/i;

/** Words before a medicine that change nothing the facts say: the time (now) or systemic use. */
const PLAIN_WORD_RE = /^(?:known|current|currently|ongoing|concomitant|concurrent|systemic)$/i;
/** Among them, the words that say the medicine is taken now. */
const NOW_WORD_RE = /^(?:current|currently|ongoing|concomitant|concurrent)$/i;
/** Words before a medicine that narrow it beyond the facts: the route, the duration, the dose. */
const NARROW_WORD_RE =
  /^(?:chronic|long[\s-]term|prolonged|oral|parenteral|intravenous|high[\s-]dose|or|and|and\/or)$/i;
/** Words that make "immunosuppression" the work of medicines. */
const DRUG_SENSE_RE = /^(?:medical|drug[\s-]induced|iatrogenic|pharmacologic(?:al)?|therapeutic)$/i;

/** The noun of the state: "immunosuppression", "immune suppression". */
const IMMUNOSUPPRESSION_RE = /^immun(?:o|e)[\s-]?suppression\b/i;

/**
 * The time the receipt must fall in, ending the line: none (now), "at the time of study entry",
 * "at enrolment or within 6 months prior to enrolment", "within 4 weeks before randomization".
 * Group 1 and 2: the number and unit of a past window.
 */
const EVENT = String.raw`(?:the\s+)?(?:time\s+of\s+)?(?:(?:study\s+)?(?:enrol?(?:l)?ment|entry|registration|randomi[sz]ation|screening|inclusion)|(?:the\s+)?(?:first|initial)\s+dose(?:\s+of\s+(?:the\s+)?study\s+(?:drug|treatment|medication|intervention))?|(?:start|initiation|beginning)\s+of\s+(?:the\s+)?(?:study|trial|protocol)\s+(?:drug|treatment|therapy|intervention))`;
const NOW_RE = new RegExp(String.raw`^(?:at\s+${EVENT})?$`, 'i');
const WINDOW_RE = new RegExp(
  String.raw`^(?:at\s+${EVENT}\s+or\s+)?within\s+(?:the\s+)?(?:last\s+|past\s+)?(\d+)\s*(days?|weeks?|months?)\s+(?:prior\s+to|before|of)\s+${EVENT}$`,
  'i',
);
const DAYS_PER: Record<string, number> = { day: 1, week: 7, month: 30 };

/**
 * "…, or anticipation of need for systemic immunosuppressive medication during study treatment": a
 * need still to come, another way to be excluded the facts cannot hold (an unread alternative).
 */
const FUTURE_NEED_RE =
  /,?\s*(?:or|and\/or)\s+(?:the\s+)?(?:anticipat\w*|expected|planned|foreseen)\s+(?:of\s+(?:the\s+|a\s+)?)?(?:need|use|requirement)\s+(?:for|of)\s+[^,;()]{1,80}?\s+during\s+(?:the\s+)?(?:study|trial|protocol)(?:\s+(?:treatment|therapy|period|participation))?$/i;
/**
 * "…, with exceptions defined by the protocol": exemptions the line does not state, which narrow it
 * (an unread leaf the exclusion needs beside the rest).
 */
const PROTOCOL_EXCEPTIONS_RE =
  /,?\s*with\s+(?:the\s+|some\s+|certain\s+)?exceptions?\s+(?:as\s+)?(?:defined|specified|described|listed|noted|outlined)\s+(?:by|in)\s+(?:the\s+)?protocol$/i;
/** A bracket that names members of the class before it: "(including, but not limited to, …)", "(e.g., …)". */
const MEMBERS_BRACKET_RE = /^\s*[([]\s*(?:including|such\s+as|e\.?\s*g\.?|i\.?\s*e\.?|like)\b/i;

/** The supportive classes a mention names, or null when it names anything else. */
function supportiveOf(input: ExtractInput, m: Mention): Supportive[] | null {
  const { lex } = input;
  const ancestors = (c: string): string[] => [c, ...(lex.classAncestors.get(c) ?? [])];
  const classes =
    m.type === 'drugClass'
      ? ancestors(m.id)
      : m.type === 'drug'
        ? (lex.drugById.get(m.id)?.classes ?? []).flatMap(ancestors)
        : [];
  const out = SUPPORTIVE.filter((c) => classes.includes(c));
  // A drug that is also anticancer therapy (methotrexate) is no plain supportive care as a head.
  if (m.type === 'drug' && classes.some((c) => lex.classById.get(c)?.kind !== 'supportive')) return null;
  return out.length ? out : null;
}

/** A bracket right after `at`: its end, or `at` when none. Brackets nest one level ("(… [TNF] …)"). */
function bracketEnd(text: string, at: number): number {
  const m = /^\s*[([](?:[^()[\]]|[([][^()[\]]*[)\]]){0,300}[)\]]/.exec(text.slice(at));
  return m ? at + m[0].length : at;
}

interface Head {
  start: number;
  end: number;
  classes: Supportive[];
  /** Words before it the facts cannot hold ("oral or parenteral", "chronic"), if any. */
  narrowed: [number, number] | null;
  /** The bracket after it, if any. */
  bracket: [number, number] | null;
}

/** The reading of an exclusion line made only of the lead, supportive medicines and a time, or null. */
function readLine(input: ExtractInput, body: string): Finding[] | null {
  const leadMatch = LEAD_RE.exec(body)!;
  const lead = leadMatch[0].length;
  // Whether the words say "now": "receiving", "current use of", "concomitant", or the state noun.
  let saysNow = !!(leadMatch[1] || leadMatch[2]);
  const meds = input.mentions.filter(
    (m) => m.start >= lead && m.end <= body.length && (m.type === 'drug' || m.type === 'drugClass'),
  );
  const heads: Head[] = [];
  let at = lead;
  let narrowed: [number, number] | null = null;
  let drugSense = false;
  // Walk the words: modifiers, then a medicine (a lexicon mention or "immunosuppression"), then "or".
  for (;;) {
    const rest = body.slice(at);
    const space = /^\s*/.exec(rest)![0].length;
    const pos = at + space;
    if (pos >= body.length) break;
    const med = meds.find((m) => m.start === pos);
    const noun = IMMUNOSUPPRESSION_RE.exec(body.slice(pos));
    if (med || noun) {
      const classes: Supportive[] | null = med ? supportiveOf(input, med) : ['immunosuppressant'];
      if (!classes) return null;
      const end = med ? med.end : pos + noun![0].length;
      const close = bracketEnd(body, end);
      const bracket: [number, number] | null = close > end ? [end, close] : null;
      // A corticosteroid named in the brackets is among the medicines meant: as a member of the class
      // ("systemic immunosuppressive medication (including … corticosteroids …)") or as what the state
      // noun stands for ("Immunosuppression (> 10mg prednisone daily)").
      const inBracket = bracket ? meds.filter((m) => m.start >= bracket[0] && m.end <= bracket[1]) : [];
      const bracketSteroid = inBracket.some((m) => supportiveOf(input, m)?.includes('corticosteroid'));
      if (med) {
        if (bracketSteroid && MEMBERS_BRACKET_RE.test(body.slice(...bracket!)) && !classes.includes('corticosteroid'))
          classes.push('corticosteroid');
      } else {
        // "immunosuppression" is drug treatment only when a word or its brackets say so.
        if (!drugSense && !inBracket.length) return null;
        if (bracketSteroid) classes.push('corticosteroid');
        // The state is the patient's now.
        saysNow = true;
      }
      heads.push({ start: pos, end, classes, narrowed, bracket });
      narrowed = null;
      drugSense = false;
      at = close;
      // Another medicine joined by "or" goes on; anything else is the time.
      const or = /^\s*,?\s*(?:or|and\/or)\s+(?=\S)/i.exec(body.slice(at));
      if (or && !/^\s*,?\s*(?:or|and\/or)\s+(?:within|at)\b/i.test(body.slice(at))) {
        at += or[0].length;
        continue;
      }
      break;
    }
    const word = /^[\w/-]+(?:[\s-]+(?:term|dose|induced))?/.exec(body.slice(pos));
    if (!word) return null;
    if (NOW_WORD_RE.test(word[0])) saysNow = true;
    if (DRUG_SENSE_RE.test(word[0])) drugSense = true;
    else if (NARROW_WORD_RE.test(word[0])) narrowed = [narrowed?.[0] ?? pos, pos + word[0].length];
    else if (!PLAIN_WORD_RE.test(word[0])) return null;
    at = pos + word[0].length;
  }
  if (!heads.length) return null;
  let tail = body.slice(at).trim();
  // From the end: exemptions the protocol states, then a need still to come.
  const exceptions = PROTOCOL_EXCEPTIONS_RE.exec(tail);
  if (exceptions) tail = tail.slice(0, exceptions.index);
  const future = FUTURE_NEED_RE.exec(tail);
  if (future) tail = tail.slice(0, future.index);
  const clean = (m: RegExpExecArray | null): string | null =>
    m ? m[0].replace(/^[\s,]*(?:(?:or|and\/or)\s+)?/i, '').trim() : null;
  let withinDays = 1;
  // Without a window the receipt is now only where the words say so: "Use of oral steroids" may
  // mean any use ever, of which use now is no necessary part.
  if (NOW_RE.test(tail)) {
    if (!saysNow && !/\S/.test(tail)) return null;
  } else {
    const w = WINDOW_RE.exec(tail);
    if (!w) return null;
    withinDays = Number(w[1]) * DAYS_PER[w[2]!.toLowerCase().replace(/s$/, '')]!;
  }
  // What the facts cannot hold, read as one unread leaf beside the receipt: the modifiers and brackets.
  const unreadSpans: Array<[number, number]> = [];
  for (const h of heads) {
    if (h.narrowed) unreadSpans.push(h.narrowed);
    if (h.bracket) unreadSpans.push(h.bracket);
  }
  const classes = [...new Set(heads.flatMap((h) => h.classes))];
  const receipt: Condition = { fact: 'priorTherapy', operator: 'equal', value: true, params: { classes, withinDays } };
  const words = unreadSpans
    .map(([a, b]) =>
      body
        .slice(a, b)
        .replace(/^[\s,]+|[\s,]+$/g, '')
        .replace(/^[([]\s*|\s*[)\]]$/g, ''),
    )
    .filter(Boolean);
  const leaf = (text: string): Condition => ({ fact: 'unparsed', operator: 'equal', value: true, params: { text } });
  let condition: Condition = words.length ? { all: [receipt, leaf(words.join(' … '))] } : receipt;
  // The need to come is another way to be excluded; the protocol's exemptions narrow both.
  if (future) condition = { any: [condition, leaf(clean(future)!)] };
  if (exceptions) condition = { all: [condition, leaf(clean(exceptions)!)] };
  return [
    {
      category: 'prior_therapy',
      condition,
      spans: [[0, body.length]],
      cover: unreadSpans,
      anchor: heads[0]!.start,
      fallback: [0, input.text.length],
    },
  ];
}

/**
 * A lead-in that only says the items below exclude ("Patients will be excluded from the study for ANY
 * of the following reasons:"): it binds no cohort, so the line reads as if it stood alone.
 */
const PLAIN_EXCLUSION_LEAD_RE =
  /^(?:(?:patients?|participants?|subjects?)\s+(?:will\s+be|are|is|who\s+meet\s+any\s+of\s+the\s+following\s+(?:criteria\s+)?(?:will\s+be|are))\s+(?:excluded|ineligible|not\s+eligible)(?:\s+from\s+(?:the\s+|this\s+)?(?:study|trial))?(?:\s+(?:for|if\s+they\s+(?:meet|have))\s+any\s+of\s+the\s+following(?:\s+(?:reasons|criteria))?)?|exclusion\s+criteria)\s*:?\s*$/i;

/** The words every line read here holds: the extractor is skipped without one. */
const GATE = /immun|steroid|cortic|predni|dexameth/i;

export const extractImmunosuppression: Extractor = (input) => {
  const { text } = input;
  // Exclusions only: an inclusion naming these ("Immunosuppression") would be a cohort's, not read.
  // Under a heading or lead-in the line may bind one cohort only, or name an exception: not read,
  // unless the lead-in only says that what follows excludes.
  if (
    input.kind !== 'exclusion' ||
    !GATE.test(text) ||
    !input.context.every((c) => PLAIN_EXCLUSION_LEAD_RE.test(c.trim()))
  )
    return [];
  const body = text.replace(/[\s.;,"]+$/, '');
  // One sentence only: a second one may grant or carve what the leaf would hide.
  if (/[.;!?]\s+\S/.test(body) || /\n/.test(body)) return [];
  return readLine(input, body) ?? [];
};
