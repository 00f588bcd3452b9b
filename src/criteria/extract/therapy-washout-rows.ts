/**
 * Washout tables: a lead-in ("Subject has received or plans to receive the following therapy prior to
 * tumor resection:", "Has an adequate treatment washout period prior to Cycle 1, Day 1, defined as
 * appropriately recovering from:") and rows "<treatment>: <time>". The label names the treatment, the
 * row the time that must have passed since it. The row is read as the treatment within the window
 * (H), which an exclusion forbids and an inclusion's washout requires absent (not H):
 *
 *   "Cytotoxic chemotherapy: Washout period 3 weeks before TR and LDC"   (exclusion)
 *        → priorTherapy(kinds: chemotherapy, withinDays: 21)
 *   "Hormonal therapy: ≥2 weeks"                                         (inclusion)
 *        → not priorTherapy(kinds: hormonal, withinDays: 14)
 *   "Small molecules/TKI: Washout period 1 week before TR and LDC"      (exclusion)
 *        → any(TKI within 7, unread "Small molecules")   an unread member stays in the union
 *   "Whole brain radiotherapy or brain stereotactic radiosurgery: 4 weeks before TR and LDC"
 *        → any(all(radiation within 28, unread "Whole brain radiotherapy"), all(…, unread "brain stereotactic radiosurgery"))
 *   "Radiation to the pelvis and/or multiple bones containing ≥ 25% of bone marrow: 4 weeks …"
 *        → all(radiation within 28, unread "to the pelvis and/or multiple bones …")
 *   "Investigational treatment: 4 weeks or 5 half-lives, whichever is shorter before TR and LDC"
 *        → all(investigational within 28, unread "5 half-lives, whichever is shorter")
 *   "Cellular therapy: ≥ 42 days after the completion of any type of cellular therapy (e.g., …)"   (inclusion)
 *        → not priorTherapy(classes: cell_therapy, withinDays: 42)   the tail only restates the label
 *   "Antibody-based anti-cancer therapy: ≥4 weeks"                     (inclusion)
 *        → any(not any-treatment within 28, unread "Antibody-based anti-cancer therapy" false)
 *
 * A lead-in that offers a plan beside receipt ("has received or plans to receive the following") adds
 * the plan as an unread alternative, any(H, unread "plans to receive: <row>"), as therapy.ts does for
 * "has had or has planned X". A generic "anticancer therapy" in a label stands for every kind of
 * treatment, so it is read only necessarily, all(X, unread).
 *
 * A narrower kind than the fact can say is the broader fact and an unread leaf for the narrowing
 * words, all(X, unread): in an exclusion a patient without X passes and one with X is left open; in
 * an inclusion the negation, any(not X, unread false). An unread member of a union is an unread leaf
 * beside the members read, any(X, unread), never dropped. Half-lives: with "whichever is shorter" the
 * window is at most the days, so H implies X within the days (all(X, unread)); with "whichever is
 * longer" it is at least the days, so X within the days implies H (any(X, unread)).
 *
 * The lead-in decides whether the rows are washouts at all: rows under a lead-in that is neither a
 * washout nor a receipt list ("Participants who have received the following previous therapy:") stay
 * unread, and so do rows with label words that could name another treatment.
 *
 * A row with several minimum gaps, in an inclusion under a washout lead-in, is read by its shortest
 * gap only, as a necessary condition, the row's words an unread alternative beside it:
 *
 *   "Hematopoietic growth factors: At least 14 days after the last dose of a long-acting growth factor
 *    (e.g., Neulasta) or 7 days for short-acting growth factor"
 *        → all(not priorTherapy(hematopoietic_growth_factor, withinDays: 7), unread row)
 *
 * Every gap is at least the shortest, so the treatment within the shortest breaks the row whatever
 * gap is its own. A row with an upper bound, a waiver, an exception, a shorter half-life alternative
 * or a gap in hours or cycles (any of which may make the true gap shorter) stays unread, and so does
 * an exclusion's.
 */
import type { Condition, LeafCondition } from '../facts';
import { NUMBER, toNumber } from '../numbers';
import type { ExtractInput, Finding } from './extractor';
import { narrowRadiationForm } from './therapy-local';

type Span = [number, number];

/** The reader's view of a therapy item (therapy.ts Item). */
export interface RowItem {
  start: number;
  end: number;
  kinds: ReadonlySet<string>;
  classes: ReadonlySet<string>;
  drugs: ReadonlySet<string>;
  spans: Span[];
  generic?: boolean;
  except?: boolean;
  suffix?: string;
  optional?: boolean;
  combinedWithNext?: boolean;
}

/** therapy.ts's condition builder and negation, passed in (this module does not import therapy.ts). */
export interface RowTools<I extends RowItem> {
  condition(items: I[], params: Record<string, unknown>): Condition | null;
  flip(c: Condition): Condition;
  /** A generic "anticancer therapy" widened to every kind of treatment (it is not only systemic), or null for any other item. */
  broad(it: I): I | null;
}

const UNIT = String.raw`(?:days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?)`;
const UNIT_DAYS: Record<string, number> = { d: 1, day: 1, w: 7, wk: 7, week: 7, mo: 30, month: 30, yr: 365, year: 365 };
/** ", or 5 half-lives, whichever is shorter", "or 5 times terminal elimination half-life (T½) of the chemotherapeutic agent (whichever is longer)". */
const HALF_LIFE = String.raw`\s*,?\s*or\s+${NUMBER}\s+(?:times\s+)?(?:the\s+)?(?:(?:terminal|elimination|plasma|drug)\s+){0,3}half[\s-]?li(?:fe|ves)(?:\s*\([^()]{0,12}\))?(?:\s+of\s+(?:the\s+|any\s+)?(?:[\w-]+\s+){0,3}?(?:agents?|drugs?|treatments?|therap(?:y|ies)))?\s*,?\s*\(?\s*whichever\s+is\s+(shorter|longer)\s*\)?`;
/** The row after the colon: one time (in days when also given), half-lives, and the event it is counted to. */
const ROW_WINDOW_RE = new RegExp(
  String.raw`^\s*:\s*(?:(?:adequate\s+)?wash-?out(?:\s+period)?(?:\s+of)?\s*)?(?:(≥|>=|>|at\s+least|minimum\s+of|a\s+minimum\s+of)\s*)?(${NUMBER})\s*[-\s]?\s*(${UNIT})(?:\s*\(\s*\d+\s*days?\s*\))?(?<hl>${HALF_LIFE})?(?:\s+(?:before|prior\s+to|from|since)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,5}|(?<tail>\s+(?:must\s+have\s+(?:elapsed|passed)\s+)?(?:after|from|since|following)\s+[^:;]*?))?\s*\.?\s*$`,
  'i',
);

/** Label words that add nothing to the items beside them. */
const LABEL_FILLER = new Set([
  'or',
  'and',
  'any',
  'other',
  'prior',
  'previous',
  'systemic',
  'therapy',
  'therapies',
  'treatment',
  'treatments',
  'agents',
  'agent',
  'drugs',
  'drug',
]);
/** An unread label segment that names a treatment of its own ("Small molecules", "monoclonal AB therapy", "biologics"): a member of the union. */
const MEMBER_RE =
  /\b(?:therapy|therapies|treatments?|agents?|drugs?|molecules?|biologics?|compounds?|medications?|inhibitors?|antibod(?:y|ies)|AB|vaccines?)$/i;
/** Words that may name a treatment: a segment holding one is never taken as a qualifier of the member before it. */
const TREATMENT_WORD_RE =
  /therap|treat|agent|drug|molecul|biolog|inhibit|antibod|vaccin|ablat|emboli|surg|transplant|infusion|radi|chemo|ectom|procedur|immun|medica|steroid|hormon|cell/i;
/** The event a time runs to, named at the end of the label ("Time between completion of X and study entry"). */
const EVENT_RE =
  /^\s*(?:the\s+)?(?:study\s+(?:entry|enrol\w*|start|treatment)|enrol\w*|registration|randomi[sz]ation|first\s+dose(?:\s+of\s+study\s+(?:drug|treatment))?|start\s+of\s+study\s+(?:drug|treatment)|day\s+1|C1D1|screening)\s*$/i;
/** The start of a parenthesis of examples. */
const EXAMPLES_OPEN_RE = /^\s*(?:e\.?\s?g\.?|for\s+example|such\s+as)(?![a-z])/i;
/** Words of a row's tail that only restate the label ("after the completion of any type of cellular therapy"). */
const TAIL_FILLER = new Set([
  'the',
  'a',
  'an',
  'any',
  'type',
  'types',
  'kind',
  'of',
  'last',
  'final',
  'dose',
  'doses',
  'completion',
  'end',
  'infusion',
  'administration',
  'must',
  'have',
  'elapsed',
  'passed',
  'after',
  'from',
  'since',
  'following',
  'therapy',
  'therapies',
  'treatment',
  'treatments',
  'agent',
  'agents',
  'prior',
  'previous',
  'etc',
]);
/** A tail that says more than the label's treatment: another time, an alternative, an exception or a condition. */
const TAIL_MORE_RE =
  /\d|\b(?:or|and|unless|except|excluding|if|when|not|no|other|than|whichever|for|with|without|plus|half|life|lives|toxicit\w*|recover\w*)\b/i;
/** Separators of label segments: list words, slashes, commas and parentheses. */
const SEPARATOR_RE = /\s*(?:\band\/or\b|\bor\b|\band\b|[/,;()[\]])\s*/gi;

/** A washout lead-in: the rows say how long ago each treatment must have ended. */
const WASHOUT_LEAD_RE =
  /\bwash-?outs?\b|\bminimum\s+(?:duration|periods?|times?|intervals?)\b|\b(?:elapsed|recover(?:ed|ing)\s+from)\b|\b(?:periods?|intervals?|times?)\s+(?:from|since|after)\s+(?:prior|previous|last)\b/i;
/** A receipt list in an exclusion: "Subject has received or plans to receive the following therapy/treatment". */
const RECEIPT_LEAD_RE =
  /\b(?:received|receive|receiving|receipt|treatment\s+with|use\s+of|administration\s+of)\b[^:]{0,80}\bfollowing\b|\bfollowing\b[^:]{0,40}\b(?:therap(?:y|ies)|treatments?|medications?)\b[^:]{0,60}\b(?:within|prior\s+to|before)\b/i;
/** A lead-in that permits or exempts the rows: they are not prohibitions. */
const PERMIT_LEAD_RE =
  /\b(?:allowed|permitted|acceptable|exceptions?|exempt\w*|not\s+(?:required|excluded|apply)|no\s+wash-?out)\b/i;
/** "plans to receive": a plan offered beside receipt, an alternative the row leaves unread. */
const PLAN_LEAD_RE = /\bplan(?:s|ned|ning)?\s+to\s+(?:receive|undergo|have)\b/i;

/**
 * Label words that measure the treatment rather than name it ("Duration of chemotherapy: 6 months",
 * "Number of cycles"): the row is then a requirement to have had it, not a washout.
 */
const MEASURE_RE =
  /\b(?:duration|length|number|cycles?|courses?|doses|dosing|lines?|total|cumulative|minimum|maximum|stable|response|progress\w*|relapse\w*|recurr\w*|free|interval\s+to)\b/i;
/** A row that says it is a washout without a lead-in: "Washout period 3 weeks", "… before TR", "Time between completion of X and study entry". */
const OWN_WASHOUT_RE =
  /\bwash-?out\b|\b(?:before|prior\s+to|since)\b|\b(?:time|interval|period)\s+(?:between|since|from|after)\b|\b(?:completion|last\s+dose)\b/i;

const unread = (text: string): LeafCondition => ({
  fact: 'unparsed',
  operator: 'equal',
  value: true,
  params: { text: text.replace(/\s+/g, ' ').trim() },
});

/**
 * One gap of a row: a minimum word or none, a number, a unit (a range "8-12 weeks" is not one gap,
 * nor a day of the schedule, "Cycle 1 Day 1").
 */
const GAP_RE = new RegExp(
  String.raw`(?:(≥|>=|=>|>|at\s+least|(?:a\s+)?minimum\s+of)\s*)?(?<![\d.\-–])(${NUMBER})\s*[-\s]?\s*(${UNIT})\b(?!\s*[-–]?\s*\d)`,
  'gi',
);
/** A gap restated in another unit right after it ("3 weeks (21 days)"); group 1 is the first unit. */
const RESTATED_RE = new RegExp(String.raw`(${UNIT})\b\s*\(\s*${NUMBER}\s*[-\s]?\s*${UNIT}\s*\)`, 'gi');
/**
 * Words that make a gap something else than a minimum, or carve an exception from the row: an upper
 * bound ("within 7 days", "≤ 2 weeks"), a range, a permission or waiver, a shorter half-life
 * alternative (which may make the gap shorter than its days), a condition on the timing.
 */
const SEVERAL_GAPS_REJECT_RE =
  /≤|<|=<|\bwithin\b|\bless\s+than\b|\bfewer\s+than\b|\bno\s+more\s+than\b|\bup\s+to\b|\bat\s+most\b|\bmaximum\b|\d\s*(?:-|–|to)\s*\d|\b(?:hours?|hrs?|cycles?|courses?)\b|\b(?:allow\w*|permit\w*|acceptable|not\s+(?:be\s+)?(?:required|necessary|needed|apply)|no\s+wash|exempt\w*|waiv\w*|unless|except\w*|excluding|other\s+than|may|can|discuss\w*|case[\s-]by[\s-]case|discretion|shorter|shortest|earlier|sooner|ago|prior\s+to\s+(?:surgery|resection|progression|diagnosis)|progress\w*|relaps\w*|recurr\w*)\b/i;

/**
 * A row of an inclusion's washout table that states more than one minimum gap, for parts of its
 * treatment or others ("≥4 weeks; ≥2 weeks (palliative radiation therapy to other areas …)", "≥ 14
 * days after the last dose of a long-acting growth factor (e.g., pegfilgrastim) or 7 days for short
 * acting growth factor"), and nothing else that bounds them. Each gap is at least the shortest, so
 * the label's treatment within the shortest breaks the row whatever gap applies to it; the shortest
 * is read as that necessary condition, the row's words stay an unread alternative beside it. Only
 * under a washout lead-in (which says every time in the rows is a minimum), and only in an inclusion.
 */
function severalGaps(
  input: ExtractInput,
  row: string,
  lead: { ok: boolean; bare?: boolean },
): { days: number; row: string } | null {
  if (input.kind !== 'inclusion' || !lead.ok || lead.bare) return null;
  if (SEVERAL_GAPS_REJECT_RE.test(row)) return null;
  // A half-life alternative with "whichever is longer" is at least the days; any other one may be less.
  if (/half[\s-]?li(?:fe|ves)/i.test(row) && !/whichever\s+(?:is\s+)?(?:the\s+)?longer/i.test(row)) return null;
  const days: number[] = [];
  // "3 weeks (21 days)": the same gap again, in days.
  const once = row.replace(RESTATED_RE, '$1');
  for (const g of once.matchAll(GAP_RE)) {
    const v = toNumber(g[2]!);
    const d = UNIT_DAYS[g[3]!.toLowerCase().replace(/s$/, '')];
    if (v === null || d === undefined || v <= 0) return null;
    days.push(Math.round(v * d));
  }
  // The first gap opens the row: nothing but a washout word before it.
  const first = new RegExp(GAP_RE.source, 'i').exec(once);
  if (days.length < 2 || !first || !/^\s*(?:(?:adequate\s+)?wash-?out(?:\s+period)?(?:\s+of)?\s*)?$/i.test(once.slice(0, first.index))) return null;
  return { days: Math.min(...days), row: row.trim() };
}

/** The nearest lead-in: whether the rows under it are washouts, and the plan it offers beside receipt. */
function leadIn(input: ExtractInput): { ok: boolean; bare?: boolean; plan?: string } {
  const lead = input.context[input.context.length - 1];
  // A row on its own ("Hormonal therapy: ≥2 weeks") is a washout by its form.
  if (lead === undefined) return { ok: true, bare: true };
  if (PERMIT_LEAD_RE.test(lead)) return { ok: false };
  if (input.kind === 'inclusion') return { ok: WASHOUT_LEAD_RE.test(lead) };
  if (!WASHOUT_LEAD_RE.test(lead) && !RECEIPT_LEAD_RE.test(lead)) return { ok: false };
  return { ok: true, plan: PLAN_LEAD_RE.exec(lead)?.[0] };
}

interface Segment {
  start: number;
  end: number;
  /** The separator before it: a list word, "/", ",", or "(" for the first words of a parenthesis. */
  sep: string;
  /** The parenthesis it is in (0 outside one). */
  group: number;
}

/**
 * The label cut at list words, slashes, commas and parentheses, never inside an item
 * ("anti-PD-1/PD-L1"); null for nested brackets ("(including immunotherapy [non-antibody based
 * therapy])"), which say more than a list.
 */
function segments(label: string, items: Span[]): Segment[] | null {
  const out: Segment[] = [];
  let from = 0;
  let sep = '';
  let group = 0;
  let groups = 0;
  const push = (end: number): void => {
    if (/\w/.test(label.slice(from, end))) {
      out.push({ start: from, end: from + label.slice(from, end).trimEnd().length, sep, group });
      sep = '';
    }
  };
  for (const m of label.matchAll(SEPARATOR_RE)) {
    if (items.some(([a, b]) => m.index >= a && m.index < b)) continue;
    push(m.index);
    const tok = m[0].trim().toLowerCase();
    if (tok === '(' || tok === '[') {
      if (group) return null;
      group = ++groups;
      sep = '(';
    } else if (tok === ')' || tok === ']') {
      if (!group) return null;
      group = 0;
    } else if (sep !== '(') sep = tok;
    from = m.index + m[0].length;
  }
  push(label.length);
  return group ? null : out;
}

/**
 * One member of the label's union: its items (none for an unread member) and whether words beside
 * them narrow them (a site, a form, a modifier), kept as an unread leaf.
 */
interface Member<I> {
  items: I[];
  start: number;
  end: number;
  narrow: boolean;
}

const labelWords = (s: string): string[] =>
  (s.match(/[A-Za-z][\w-]*/g) ?? []).filter((w) => !LABEL_FILLER.has(w.toLowerCase()));

function members<I extends RowItem>(
  text: string,
  label: I[],
  colon: number,
  broad: (it: I) => I | null,
): Member<I>[] | null {
  const segs = segments(
    maskOut(text, 0, colon, examplesIn(text, 0, colon)),
    label.flatMap((it) => it.spans),
  );
  if (!segs) return null;
  const groupSize = new Map<number, number>();
  for (const g of segs) if (g.group) groupSize.set(g.group, (groupSize.get(g.group) ?? 0) + 1);
  const out: Member<I>[] = [];
  for (const g of segs) {
    const inside = label.filter((it) => it.start < g.end && g.start < it.end);
    if (inside.some((it) => it.start < g.start || it.end > g.end)) return null;
    const segText = text.slice(g.start, g.end);
    const prev = out[out.length - 1];
    // A parenthesis of one phrase right after a member qualifies it ("Radiation therapy (curative)",
    // "Chemotherapy (platinum-based)"); one that lists several names members of the union
    // ("Immune therapy (monoclonal AB therapy, CPI and biologics)").
    if (g.group && groupSize.get(g.group) === 1 && g.sep === '(') {
      if (!prev?.items.length) return null;
      prev.end = g.end;
      prev.narrow = true;
      continue;
    }
    if (inside.length) {
      // Every item in the segment is read; the other words narrow it. "Time between completion of
      // cancer-directed therapy and study entry": a generic treatment is any kind, which only a
      // necessary reading (all(X, unread)) may say.
      const rest = labelWords(
        maskOut(
          text,
          g.start,
          g.end,
          inside.flatMap((it) => it.spans),
        ),
      );
      const wide = inside.map((it) => broad(it) ?? it);
      out.push({
        items: wide,
        start: g.start,
        end: g.end,
        narrow: rest.length > 0 || wide.some((it, i) => it !== inside[i]),
      });
      continue;
    }
    if (MEMBER_RE.test(segText.trim())) {
      out.push({ items: [], start: g.start, end: g.end, narrow: false });
      continue;
    }
    // Words without a treatment of their own after "and/or" continue the site of the member before
    // them ("Radiation to the pelvis and/or multiple bones containing ≥ 25% of bone marrow"). After
    // "or" or "/" they may name another treatment ("Radiotherapy or hyperthermia"), which a
    // narrowing would drop: such rows stay unread.
    // "Time between completion of X and study entry": the event the time runs to, read with the window.
    const event = g.sep === 'and' && prev?.items.length && EVENT_RE.test(segText);
    const continues =
      (g.sep === 'and/or' || g.sep === 'and' || g.sep === ',') &&
      prev?.items.length &&
      prev.narrow &&
      prev.end > Math.max(...prev.items.map((it) => it.end));
    if (!event && (!continues || TREATMENT_WORD_RE.test(segText) || !labelWords(segText).length)) return null;
    prev!.end = g.end;
  }
  return out;
}

/** Parentheses of examples ("(e.g., modified T cells, natural killer [NK] cells)"): they name no narrower treatment. */
function examplesIn(text: string, s: number, e: number): Span[] {
  const out: Span[] = [];
  for (let i = text.indexOf('(', s); i >= 0 && i < e; i = text.indexOf('(', i + 1)) {
    if (!EXAMPLES_OPEN_RE.test(text.slice(i + 1, i + 20))) continue;
    let depth = 0;
    let j = i;
    for (; j < e; j++) {
      if (text[j] === '(' || text[j] === '[') depth++;
      else if ((text[j] === ')' || text[j] === ']') && --depth === 0) break;
    }
    if (j >= e) return out;
    out.push([i, j + 1]);
    i = j;
  }
  return out;
}

function maskOut(text: string, s: number, e: number, spans: Span[]): string {
  const chars = text.slice(s, e).split('');
  for (const [a, b] of spans) for (let i = Math.max(a, s); i < Math.min(b, e); i++) chars[i - s] = ' ';
  return chars.join('');
}

/**
 * A washout table's row, read as the treatment within the window (exclusion) or its absence
 * (inclusion). Rows whose window is not one time, that carve an exception, whose label holds words
 * that may name another treatment, or whose lead-in is not a washout or receipt list stay unread.
 */
export function readWashoutRow<I extends RowItem>(
  input: ExtractInput,
  items: I[],
  tools: RowTools<I>,
  out: Finding[],
  used: Span[],
): void {
  const { text } = input;
  const colon = text.indexOf(':');
  if (colon < 0 || colon > 100 || text.indexOf(':', colon + 1) >= 0) return;
  // A row another reader took whole ("Time between completion of cancer-directed therapy and study
  // entry: >= 6 months", therapy-generic.ts) is read once.
  if (used.some(([a, b]) => a <= colon && b > colon)) return;
  const lead = leadIn(input);
  if (!lead.ok) return;
  // Several minimum gaps in one row ("≥ 14 days after the last dose of a long-acting growth factor or
  // 7 days for short acting growth factor"): only the shortest is read, as a necessary condition.
  const several = severalGaps(input, text.slice(colon + 1), lead);
  const m = several ? null : ROW_WINDOW_RE.exec(text.slice(colon));
  if (!m && !several) return;
  const v = m ? toNumber(m[2]!) : several!.days;
  const d = m ? UNIT_DAYS[m[3]!.toLowerCase().replace(/s$/, '')] : 1;
  if (v === null || d === undefined) return;
  // An exclusion's row with "at least" says how long ago the treatment may have been, not when it excludes.
  if (input.kind === 'exclusion' && m?.[1]) return;
  if (items.some((it) => it.start < colon && it.end > colon)) return;
  // Examples in the label ("Radiopharmaceutical therapy (e.g., radiolabeled antibody, …)") are part of its treatment.
  const labelExamples = examplesIn(text, 0, colon);
  const label = items.filter((it) => it.end <= colon && !labelExamples.some(([a, b]) => it.start >= a && it.end <= b));
  if (!label.length) return;
  // A transplant is medical history; radiation read with another kind ("chemoradiation") is no one treatment.
  if (
    label.some(
      (it) =>
        it.generic ||
        it.except ||
        it.suffix ||
        it.optional ||
        it.combinedWithNext ||
        it.kinds.has('transplant') ||
        (it.kinds.has('radiation') && it.kinds.size > 1),
    )
  )
    return;
  if (MEASURE_RE.test(text.slice(0, colon))) return;
  // "≥ 42 days after the completion of any type of cellular therapy": the tail restates the label's
  // treatment; words it adds ("systemically administered") narrow it.
  let tailLeaf: LeafCondition | null = null;
  const tail = m?.groups?.tail;
  if (tail) {
    const tailEnd = text.length - /\s*\.?\s*$/.exec(text)![0].length;
    const tailStart = tailEnd - tail.length;
    const examples = examplesIn(text, tailStart, tailEnd);
    const inExample = (it: I): boolean => examples.some(([a, b]) => it.start >= a && it.end <= b);
    const restated = items.filter((it) => it.start >= tailStart && !inExample(it));
    const covers = (it: I): boolean =>
      !it.except &&
      !it.suffix &&
      [...it.drugs].every((x) => label.some((l) => l.drugs.has(x))) &&
      [...it.classes].every((x) => label.some((l) => l.classes.has(x))) &&
      [...it.kinds].every((x) => label.some((l) => l.kinds.has(x)));
    if (!restated.every(covers)) return;
    const rest = maskOut(text, tailStart, tailEnd, [...examples, ...restated.flatMap((it) => it.spans)]);
    if (TAIL_MORE_RE.test(rest)) return;
    const added = (rest.match(/[A-Za-z][\w-]*/g) ?? []).filter((w) => !TAIL_FILLER.has(w.toLowerCase()));
    if (added.length) tailLeaf = unread(text.slice(tailStart, tailEnd));
  }
  const ms = members(text, label, colon, (it) => tools.broad(it));
  if (!ms?.some((x) => x.items.length)) return;
  // Without a lead-in only the row's form says it is a washout: a label with words beyond its items
  // ("Time between completion of …") must say so itself.
  if (lead.bare && ms.some((x) => x.narrow || !x.items.length) && !OWN_WASHOUT_RE.test(text)) return;
  const params = { withinDays: Math.round(v * d) };
  const union: Condition[] = [];
  for (const x of ms) {
    if (!x.items.length) {
      union.push(unread(text.slice(x.start, x.end)));
      continue;
    }
    const c = tools.condition(x.items, params);
    if (!c) return;
    // A form of radiation ("Whole brain radiotherapy") or a locoregional procedure the fact reads as its
    // whole kind is narrower than the fact: its words stay unread beside it.
    const narrowKind = x.items.some((it) => it.kinds.has('locoregional')) || narrowRadiationForm(text, x.items);
    union.push(x.narrow || narrowKind ? { all: [c, unread(text.slice(x.start, x.end))] } : c);
  }
  let had: Condition = union.length === 1 ? union[0]! : { any: union };
  if (tailLeaf) had = { all: [had, tailLeaf] };
  const hl = m?.groups?.hl;
  if (hl) {
    const leaf = unread(hl.replace(/^\s*,?\s*or\s+/i, '').replace(/[()]/g, ' '));
    had = /longer/i.test(hl) ? { any: [had, leaf] } : { all: [had, leaf] };
  }
  // The other gaps are each at least the shortest: the treatment within the shortest breaks the row
  // whichever gap is its own, and the rest of the row is another way to break it, left unread.
  if (several) had = { any: [had, unread(several.row)] };
  // "has received or plans to receive the following": the plan is another way to meet the row, left unread.
  if (lead.plan && input.kind === 'exclusion') {
    const plan = unread(`${lead.plan}: ${text}`);
    had = 'any' in had ? { any: [...had.any, plan] } : { any: [had, plan] };
  }
  out.push({
    category: 'prior_therapy',
    condition: input.kind === 'exclusion' ? had : tools.flip(had),
    spans: [[0, text.length]],
    anchor: label[0]!.start,
    polarityHandled: true,
  });
  used.push([0, text.length]);
}
