/**
 * Literal prefilters for regular expressions, in the manner of RE2's and Hyperscan's: from a
 * pattern's source, the set of literal strings one of which every match must contain. Testing a
 * text for those literals is far cheaper than running the pattern, whose lookbehinds and lazy
 * scans run at every position; a text holding none of them cannot match and is skipped.
 *
 * The category triggers in rules/topics are long hand-written patterns run on every criterion, and
 * most criteria hold none of a pattern's key words. The prefilter is derived from the pattern
 * itself, so the data stays the single source of what a topic means.
 *
 * Soundness over strength: any construct the analysis does not understand (a back-reference, a
 * class, a lookaround's content) requires nothing, which at worst lets the pattern run.
 */

/**
 * Literal sets larger than this stop being tracked exactly (a cross product grows fast). Lists of
 * a hundred names are common in the triggers, and tracking them whole keeps the word boundaries
 * around them.
 */
const MAX_EXACT = 256;
/** At most this many gates guard one pattern. */
const MAX_GATES = 2;
/** A gate tests at most this many literals. */
const MAX_GATE_LITERALS = 12;
/** At most this many requirements are kept for one pattern, the strongest. */
const MAX_NEEDS = 3;

/** Literals one of which a match must contain. */
type Need = Set<string>;

interface Info {
  /** Every string the node can match (as written: case folding is the gate's flag), when that set is small and finite; else null. */
  exact: Set<string> | null;
  /** Strings one of which every match starts with, when the node is not exact; else null. */
  prefix?: Set<string> | null;
  /** Requirements that must all hold, each a set of literals one of which a match contains. */
  need: Need[];
  /**
   * When the node is not exact: strings one of which every match that consumes text starts with
   * (`startsAt`); null or absent when unknown.
   */
  first?: Set<string> | null;
  /** When the node is not exact: whether a match may consume nothing (absent: it may). */
  nullable?: boolean;
}

const ANY: Info = { exact: null, need: [] };
/**
 * Stands for `\b` inside a literal: a word boundary is as much part of a match as its letters
 * ("\bER\b" is a far better filter than "er"), and the gate re-creates it.
 */
const BOUNDARY = '\u0000';
const EMPTY: Info = { exact: new Set(['']), need: [] };

function cross(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > MAX_EXACT) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/** How useful a literal set is as a filter: its shortest member's length (short literals are everywhere); a boundary counts half a letter. */
function strength(s: Need): number {
  let min = Infinity;
  for (const x of s) {
    const letters = x.replaceAll(BOUNDARY, '').length;
    min = Math.min(min, letters + (x.length - letters) / 2);
  }
  return min;
}

/** The strongest few of a conjunction of requirements, strongest first, each once. */
function strongest(needs: Need[]): Need[] {
  const seen = new Set<string>();
  return needs
    .filter((n) => {
      const key = [...n].sort().join('\u0001');
      if (!n.size || strength(n) < 1 || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((n) => ({ n, s: strength(n) - n.size / 1000 }))
    .sort((x, y) => y.s - x.s)
    .map((x) => x.n)
    .filter((n, i, all) => !all.slice(0, i).some((m) => implies(m, n)))
    .slice(0, MAX_NEEDS);
}

/** Whether meeting `m` meets `n`: each of m's literals contains one of n's ("\bprior" contains "prior"). */
function implies(m: Need, n: Need): boolean {
  const plain = [...n].map((x) => x.replaceAll(BOUNDARY, ''));
  return [...m].every((x) => {
    const bare = x.replaceAll(BOUNDARY, '');
    return plain.some((y) => bare.includes(y));
  });
}

/** An exact set as a requirement: a set holding a string with no letters requires nothing. */
function asNeed(exact: Set<string> | null): Need[] {
  if (!exact || [...exact].some((x) => !x.replaceAll(BOUNDARY, ''))) return [];
  return [exact];
}

/** A node's requirements with its exact strings as one more. */
function needsOf(info: Info): Need[] {
  return strongest([...info.need, ...asNeed(info.exact)]);
}

/** What every match of a node starts with: its exact strings, or its prefix. */
function startsOf(info: Info): Set<string> | null {
  return info.exact ?? info.prefix ?? null;
}

/** First strings larger than this are not tracked: the node may start anywhere. */
const MAX_FIRSTS = 2048;
const hasChar = (x: string): boolean => x.replaceAll(BOUNDARY, '') !== '';

/** What a match that consumes text starts with (null: unknown), and whether a match may consume nothing. */
function firstsOf(info: Info): { first: Set<string> | null; nullable: boolean } {
  if (info.exact) {
    const first = new Set([...info.exact].filter(hasChar));
    return { first, nullable: first.size < info.exact.size };
  }
  return { first: info.first ?? null, nullable: info.nullable ?? true };
}

function joined(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  return a && b && a.size + b.size <= MAX_FIRSTS ? new Set([...a, ...b]) : null;
}

/**
 * A sequence's first strings: the strings of its leading exact parts, where they consume text;
 * where they may consume nothing (a boundary, an optional word), what the next part starts with
 * after them, and so on past parts that may match empty. A zero-width part's own assertions are
 * dropped, which only lets more positions through.
 */
function concatFirsts(parts: Info[]): { first: Set<string> | null; nullable: boolean } {
  let run = new Set(['']);
  let i = 0;
  for (; i < parts.length; i++) {
    const next = parts[i]!.exact ? cross(run, parts[i]!.exact!) : null;
    if (!next) break;
    run = next;
  }
  let first: Set<string> | null = new Set([...run].filter(hasChar));
  const zero = new Set([...run].filter((x) => !hasChar(x)));
  for (; i < parts.length && zero.size; i++) {
    const f = firstsOf(parts[i]!);
    const led = f.first && (zero.size * f.first.size <= MAX_FIRSTS ? new Set([...zero].flatMap((z) => [...f.first!].map((x) => z + x))) : null);
    first = joined(first, led);
    if (!first) return { first: null, nullable: true };
    if (!f.nullable) return { first, nullable: false };
  }
  return { first, nullable: zero.size > 0 };
}

function concat(parts: Info[], firsts: boolean): Info {
  // `run` holds the strings the current stretch of literal parts can match; a part that is not a
  // small literal set ends the stretch, which is then one more requirement - extended by what that
  // part starts with, when it says ("\b" before a list of names keeps the boundary).
  let run = new Set(['']);
  let whole = true;
  let prefix: Set<string> | null | undefined;
  const need: Need[] = [];
  for (const p of parts) {
    need.push(...p.need);
    const next = p.exact ? cross(run, p.exact) : null;
    if (next) {
      run = next;
      continue;
    }
    const extended = p.prefix ? cross(run, p.prefix) : null;
    if (whole) prefix = extended ?? (asNeed(run).length ? run : null);
    whole = false;
    need.push(...asNeed(extended ?? run));
    run = p.exact ? new Set(p.exact) : new Set(['']);
  }
  need.push(...asNeed(run));
  // What a match starts with needs no requirements, the costly part of the analysis.
  if (whole) return { exact: run, need: firsts ? [] : strongest(need) };
  return firsts ? { exact: null, prefix: prefix ?? null, need: [], ...concatFirsts(parts) } : { exact: null, prefix: prefix ?? null, need: strongest(need) };
}

function alternate(alts: Info[], firsts: boolean): Info {
  let exact: Set<string> | null = new Set();
  let prefix: Set<string> | null = new Set();
  // Either alternative may match, so only a disjunction is required: each alternative's strongest
  // requirement, joined.
  const any = new Set<string>();
  let required = true;
  for (const a of alts) {
    if (exact && a.exact && exact.size + a.exact.size <= MAX_EXACT) for (const x of a.exact) exact.add(x);
    else exact = null;
    const starts = startsOf(a);
    if (prefix && starts && !starts.has('') && prefix.size + starts.size <= MAX_EXACT) for (const x of starts) prefix.add(x);
    else prefix = null;
    const best = firsts ? undefined : needsOf(a)[0];
    if (!best) required = false;
    else for (const x of best) any.add(x);
  }
  const need = required ? [any] : [];
  if (exact || !firsts) return exact ? { exact, need } : { exact: null, prefix, need };
  // Gathered in one set: a long list joined set by set would copy it once per alternative.
  let first: Set<string> | null = new Set<string>();
  let nullable = false;
  for (const a of alts) {
    const f = firstsOf(a);
    nullable ||= f.nullable;
    if (first && f.first && first.size + f.first.size <= MAX_FIRSTS) for (const x of f.first) first.add(x);
    else first = null;
  }
  return { exact: null, prefix, need, first, nullable };
}

const ESCAPE_LITERAL: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };

class Parser {
  private i = 0;
  /** `firsts`: also what each node's matches start with (startsAt), which the gates do not need. */
  constructor(
    private readonly src: string,
    private readonly firsts = false,
  ) {}

  parse(): Info {
    const info = this.alternation();
    if (this.i < this.src.length) throw new Error('unbalanced');
    return info;
  }

  private alternation(): Info {
    const alts = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0]! : alternate(alts, this.firsts);
  }

  private sequence(): Info {
    const parts: Info[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      parts.push(this.quantified(this.atom()));
    }
    return parts.length ? concat(parts, this.firsts) : EMPTY;
  }

  private quantified(atom: Info): Info {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return atom; // a literal brace
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
    } else {
      return atom;
    }
    if (this.src[this.i] === '?') this.i++; // lazy: same strings
    if (min === 0) {
      if (max === 1 && atom.exact && atom.exact.size < MAX_EXACT) return { exact: new Set([...atom.exact, '']), need: [] };
      // Nothing is required, but a match that consumes text starts as the atom does.
      return this.firsts ? { exact: null, need: [], first: firstsOf(atom).first, nullable: true } : ANY;
    }
    if (min === 1 && max === 1) return atom;
    // One copy is necessary; the rest repeat it.
    return this.firsts ? { exact: null, prefix: startsOf(atom), need: [], ...firstsOf(atom) } : { exact: null, prefix: startsOf(atom), need: needsOf(atom) };
  }

  private atom(): Info {
    const c = this.src[this.i]!;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    this.i++;
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return ANY;
    return { exact: new Set([c]), need: [] };
  }

  private group(): Info {
    this.i++; // (
    let kind: 'capture' | 'plain' | 'ahead' | 'not' = 'capture';
    if (this.src.startsWith('?:', this.i)) {
      kind = 'plain';
      this.i += 2;
    } else if (this.src.startsWith('?=', this.i)) {
      kind = 'ahead';
      this.i += 2;
    } else if (this.src.startsWith('?!', this.i) || this.src.startsWith('?<=', this.i) || this.src.startsWith('?<!', this.i)) {
      kind = 'not';
      this.i += this.src[this.i + 1] === '<' ? 3 : 2;
    } else if (this.src.startsWith('?<', this.i)) {
      this.i = this.src.indexOf('>', this.i) + 1; // named capture
    }
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new Error('unbalanced');
    this.i++;
    // A positive lookahead's content must be in the text, but matches nothing itself; other
    // lookarounds require nothing.
    if (kind === 'ahead') return { exact: EMPTY.exact, need: this.firsts ? [] : needsOf(inner) };
    if (kind === 'not') return EMPTY;
    return inner;
  }

  /** A small class of plain characters ("[iï]", "[0-4]") is a literal set; any other class, anything. */
  private charClass(): Info {
    this.i++;
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    const chars = new Set<string>();
    let plain = !negated;
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      const c = this.src[this.i]!;
      if (c === '\\') {
        const e = this.src[this.i + 1] ?? '';
        this.i += 2;
        if (/[dDwWsSbBpPuxc0-9]/.test(e)) plain = false;
        else chars.add(e);
        continue;
      }
      this.i++;
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.src[this.i + 1] !== '\\' && this.i + 1 < this.src.length) {
        const to = this.src[this.i + 1]!;
        this.i += 2;
        if (to.charCodeAt(0) - c.charCodeAt(0) > 10) plain = false;
        else for (let k = c.charCodeAt(0); k <= to.charCodeAt(0); k++) chars.add(String.fromCharCode(k));
        continue;
      }
      chars.add(c);
    }
    if (this.src[this.i] !== ']') throw new Error('unbalanced');
    this.i++;
    return plain && chars.size && chars.size <= 10 ? { exact: chars, need: [] } : ANY;
  }

  private escape(): Info {
    const c = this.src[this.i + 1] ?? '';
    this.i += 2;
    if (c === 'b') return { exact: new Set([BOUNDARY]), need: [] };
    if (c === 'B') return EMPTY;
    if (/[dDwWsS]/.test(c) || /[1-9]/.test(c)) return ANY;
    if (c === 'k') {
      this.i = this.src.indexOf('>', this.i) + 1;
      return ANY;
    }
    if (c === 'u' || c === 'x' || c === 'c' || c === 'p' || c === 'P') {
      // Code-point and property escapes: skip their operand, require nothing.
      const m = /^(?:\{[^}]*\}|[0-9a-fA-F]{2,4}|[A-Za-z])/.exec(this.src.slice(this.i));
      if (m) this.i += m[0].length;
      return ANY;
    }
    return { exact: new Set([ESCAPE_LITERAL[c] ?? c]), need: [] };
  }
}

/**
 * Requirements every match of `re` meets: each a list of literals, as written in the pattern, one
 * of which the text contains (under the pattern's own case sensitivity; "\u0000" marks a word
 * boundary). Empty when the analysis finds none.
 */
export function requiredLiterals(re: RegExp): string[][] {
  if (re.flags.includes('u') || re.flags.includes('v')) return []; // other escape and case-folding rules
  try {
    return needsOf(new Parser(re.source).parse()).map((n) => [...n]);
  } catch {
    return [];
  }
}

/**
 * Cheap tests that all hold for every text `re` can match (and may all hold for some it cannot);
 * empty when there are none.
 */
export function prefilterFor(re: RegExp, maxLiterals = MAX_GATE_LITERALS): RegExp[] {
  // A gate over many literals costs about as much as the pattern it guards, unless that pattern is
  // far larger than the usual (the caller then raises `maxLiterals`).
  return requiredLiterals(re)
    .filter((literals) => literals.length <= maxLiterals)
    .slice(0, MAX_GATES)
    .map(
      (literals) =>
        new RegExp(
          literals
            .sort((a, b) => b.length - a.length)
            .map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll(BOUNDARY, '\\b'))
            .join('|'),
          re.flags.includes('i') ? 'i' : '',
        ),
    );
}

/**
 * `[...text.matchAll(re)]` for a global `re`, found faster: the pattern is tried only where one of
 * the strings every match starts with occurs (a far cheaper scan than the pattern's own, for the
 * large patterns V8 runs in its interpreter at every position), each try anchored there. A match at
 * a position is the same whether the pattern reaches it by scanning or anchored (lookbehinds see
 * the text before either way), and every position a match can start at is tried in order, so the
 * matches are the same. Null when the analysis cannot tell where matches start.
 */
export function startsAt(re: RegExp): ((text: string) => RegExpExecArray[]) | null {
  // "\0" would read as the boundary marker.
  if (!re.global || re.sticky || re.flags.includes('u') || re.flags.includes('v') || re.source.includes('\\0')) return null;
  let f: { first: Set<string> | null; nullable: boolean };
  try {
    f = firstsOf(new Parser(re.source, true).parse());
  } catch {
    return null;
  }
  if (!f.first?.size || f.nullable) return null;
  const starts = new RegExp(
    [...f.first]
      .sort((a, b) => b.length - a.length)
      .map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll(BOUNDARY, '\\b'))
      .join('|'),
    re.ignoreCase ? 'gi' : 'g',
  );
  const anchored = new RegExp(re.source, re.flags.replace('g', '') + 'y');
  return (text) => {
    const out: RegExpExecArray[] = [];
    for (let from = 0; from <= text.length; ) {
      starts.lastIndex = from;
      let m: RegExpExecArray | null = null;
      for (let s = starts.exec(text); s && !m; s = m ? null : starts.exec(text)) {
        anchored.lastIndex = s.index;
        m = anchored.exec(text);
        // The next start may begin inside this one's string.
        starts.lastIndex = s.index + 1;
      }
      if (!m) break;
      out.push(m);
      from = m.index + Math.max(1, m[0].length);
    }
    return out;
  };
}
