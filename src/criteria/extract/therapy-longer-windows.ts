/**
 * A window with a longer one for some drugs in an aside right after it:
 *
 *   "chemotherapy or radiotherapy within 2 weeks (6 weeks for nitrosoureas or mitomycin C) prior to
 *    starting study treatment"
 *        → any(priorTherapy(chemotherapy, radiation, withinDays: 14),
 *              priorTherapy(nitrosourea, withinDays: 42), priorTherapy(mitomycin, withinDays: 42))
 *
 * The list reader (therapy.ts) reads the aside's drugs as a finding of their own. Beside the main
 * finding, whose words reach past the aside to the anchor, the two overlap and the assembler joins
 * them with "and": a patient who had only chemotherapy a week ago would then pass the exclusion (and,
 * negated in an inclusion, "No chemotherapy within 4 weeks (6 weeks for nitrosoureas)" would admit
 * him). The text names either one: the main treatment within the first window, or the aside's drugs
 * within the longer one. With the longer window the aside's drugs within it include them within the
 * first, so any(main, aside) is exactly the union the text states.
 *
 * Only findings stated as written are joined (the negation is the assembler's), and only where the
 * aside's window is at least the main one: a shorter one ("(2 weeks for weekly schedules)") carves
 * part of the main treatment out, which any() would not say. A main finding kept as a necessary
 * reading, all(X, unread qualifier), takes the aside inside the all(): all(any(X, aside), unread).
 */
import type { Condition } from '../facts';
import { NUMBER, toNumber } from '../numbers';
import type { Finding } from './extractor';

const UNIT = String.raw`(?:days?|weeks?|wks?|months?)`;
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, wk: 7, month: 30 };
/** "(6 weeks for nitrosoureas or mitomycin C)": one time and the drugs it is for, alone in the parenthesis. */
const ASIDE_RE = new RegExp(String.raw`\(\s*(${NUMBER})\s*[-\s]?\s*(${UNIT})\s+for\s+[^();]{1,80}\)`, 'gi');
/** The main window, right before the aside: "within 2 weeks ", "within the last 4 weeks". */
const WINDOW_BEFORE_RE = new RegExp(
  String.raw`\b(?:within|in\s+the\s+(?:last|past))\s+(?:the\s+)?(?:last\s+|past\s+)?(${NUMBER})\s*[-\s]?\s*(${UNIT})\s*$`,
  'i',
);

function days(n: string, unit: string): number | null {
  const v = toNumber(n);
  const d = UNIT_DAYS[unit.toLowerCase().replace(/s$/, '')];
  return v === null || d === undefined ? null : Math.round(v * d);
}

/** Every window of a condition's treatment leaves (undefined for a leaf without one). */
function windowsOf(c: Condition, acc: Array<number | undefined> = []): Array<number | undefined> {
  if ('all' in c) for (const x of c.all) windowsOf(x, acc);
  else if ('any' in c) for (const x of c.any) windowsOf(x, acc);
  else if (c.fact === 'priorTherapy') acc.push(c.params?.withinDays as number | undefined);
  return acc;
}

const hasUnread = (c: Condition): boolean =>
  'all' in c ? c.all.some(hasUnread) : 'any' in c ? c.any.some(hasUnread) : c.fact === 'unparsed';

/** True receipts only: a leaf that says the treatment was had, never its absence. */
const positive = (c: Condition): boolean =>
  'all' in c ? c.all.every(positive) : 'any' in c ? c.any.every(positive) : c.fact !== 'priorTherapy' || c.value === true;

/** The main finding with the aside joined to its treatment, or null where its shape is not one this can say. */
function joined(main: Condition, aside: Condition): Condition | null {
  if (!hasUnread(main)) return 'any' in main ? { any: [...main.any, aside] } : { any: [main, aside] };
  // all(X, unread …): the qualifier binds the aside's drugs too (they are a form of the main treatment).
  if (!('all' in main)) return null;
  const core = main.all.filter((c) => !hasUnread(c));
  if (core.length !== 1) return null;
  return { all: main.all.map((c) => (c === core[0] ? ('any' in c ? { any: [...c.any, aside] } : { any: [c, aside] }) : c)) };
}

/** Joins each aside's finding to the main finding it lengthens, in place. */
export function joinLongerWindowAsides(text: string, out: Finding[]): void {
  if (!text.includes('(')) return;
  for (const m of text.matchAll(ASIDE_RE)) {
    const ps = m.index;
    const pe = ps + m[0].length;
    const long = days(m[1]!, m[2]!);
    const before = WINDOW_BEFORE_RE.exec(text.slice(Math.max(0, ps - 40), ps));
    const short = before ? days(before[1]!, before[2]!) : null;
    if (long === null || short === null || long < short) continue;
    const mine = (f: Finding): boolean => f.category === 'prior_therapy' && !f.polarityHandled;
    const asides = out.filter((f) => mine(f) && f.spans.every(([a, b]) => a >= ps && b <= pe));
    // The main finding: its words run up to the window before the aside (and may run on past it).
    const mains = out.filter((f) => mine(f) && !asides.includes(f) && f.spans.some(([a]) => a < ps - before![0].length) && f.spans.every(([a]) => a < ps || a >= pe));
    if (asides.length !== 1 || mains.length !== 1) continue;
    const [aside] = asides as [Finding];
    const [main] = mains as [Finding];
    if (!positive(aside.condition) || !positive(main.condition) || hasUnread(aside.condition)) continue;
    // A necessary reading may hold the longest window of its clause already (therapy.ts reads only
    // the longest of several as implied): all(X within 6 weeks, unread) is still necessary beside it.
    const mainDays = windowsOf(main.condition);
    if (!windowsOf(aside.condition).every((d) => d === long) || !mainDays.every((d) => d === short || (d === long && hasUnread(main.condition)))) continue;
    const condition = joined(main.condition, aside.condition);
    if (!condition) continue;
    main.condition = condition;
    main.spans = [...main.spans, ...aside.spans].sort((a, b) => a[0] - b[0]);
    if (aside.cover) main.cover = [...(main.cover ?? []), ...aside.cover];
    out.splice(out.indexOf(aside), 1);
  }
}
