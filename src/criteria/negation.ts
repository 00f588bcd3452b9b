/**
 * Negation, exception and history scopes in the manner of NegEx / ConText (Chapman et al. 2001;
 * Harkema et al. 2009): trigger phrases from rules/negation.json open a scope that runs forward
 * (pre-negation: "no", "without") or backward (post-negation: "is not allowed", "are excluded") until
 * a termination term or the end of the sentence. Pseudo-triggers ("no more than", "not only") are
 * matched first and suppress the triggers they contain.
 *
 * compromise tags only "not" and "never" as #Negative on our corpus, missing "No prior treatment
 * with…" and "without", which is why the trigger lists are explicit.
 */
import type { Lexicons } from './lexicon';
import { phraseKey, tokenize, type Token } from './text';

export type ScopeKind = 'negated' | 'exception' | 'history';

export interface Scope {
  kind: ScopeKind;
  /** Offsets in the scanned text. */
  start: number;
  end: number;
  trigger: [number, number];
  /** An exception that is a list on the lines after its lead-in, up to the end of the criterion: what the criterion lets in. */
  list?: true;
}

interface Trigger {
  tokens: string[];
  role: 'pre' | 'post' | 'pseudo' | 'exception' | 'postException' | 'termination' | 'history';
}

const compiled = new WeakMap<Lexicons, Map<string, Trigger[]>>();

function triggerIndex(lex: Lexicons): Map<string, Trigger[]> {
  const done = compiled.get(lex);
  if (done) return done;
  const index = new Map<string, Trigger[]>();
  const add = (phrases: string[], role: Trigger['role']): void => {
    for (const p of phrases) {
      const tokens = phraseKey(p).split(' ').filter(Boolean);
      if (!tokens.length) continue;
      const list = index.get(tokens[0]!) ?? [];
      list.push({ tokens, role });
      // Longest first; pseudo-triggers win ties so "no more than" beats "no".
      list.sort((a, b) => b.tokens.length - a.tokens.length || (a.role === 'pseudo' ? -1 : b.role === 'pseudo' ? 1 : 0));
      index.set(tokens[0]!, list);
    }
  };
  const n = lex.negation;
  add(n.pseudoNegation, 'pseudo');
  add(n.preNegation, 'pre');
  add(n.postNegation, 'post');
  add(n.exception, 'exception');
  add(n.postException, 'postException');
  add(n.termination, 'termination');
  add(n.history, 'history');
  compiled.set(lex, index);
  return index;
}

/** The offset of the innermost parenthesis still open at `pos`, or -1. */
function openParenBefore(text: string, pos: number): number {
  let depth = 0;
  for (let i = pos - 1; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** The offset of the ")" closing the parenthesis opened at `open`, or -1. */
function closeParenAfter(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open + 1; i < limit; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Sentence and clause boundaries that close every scope. */
function boundaries(text: string): number[] {
  const out: number[] = [];
  const re = /[.;:!?](?=\s|$)|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  // Sentences glued without a full stop, where list items lost their breaks ("…, unless not available
  // locally to the patient Patient must have received at least two lines …"): a capitalised subject
  // and its verb after a lower-case word start a sentence, which no scope before it reaches.
  const glued = /(?<=[a-z)\]])\s+(?=(?:Patients?|Participants?|Subjects?)\s+(?:must|should|shall|has|have|had|is|are|will|may|cannot)\b)/g;
  for (let m = glued.exec(text); m; m = glued.exec(text)) out.push(m.index);
  out.sort((a, b) => a - b);
  out.push(text.length);
  return out;
}

/** First index in sorted `xs` whose value is ≥ x. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Scopes {
  scopes: Scope[];
  /** Spans of the trigger phrases themselves (they count as read for coverage). */
  triggers: Array<[number, number]>;
  in(kind: ScopeKind, pos: number): boolean;
}

/** Terminations that open a relative clause: they end a forward scope, not a subject's. Written in
 * lower case: "WHO" is the World Health Organization. */
const RELATIVE_PRONOUN = /^(?:who|whom|whose|which)$/;
/** "for X" / "to receive X" after "(not) eligible", where X is not the study itself. */
const ELIGIBLE_FOR_OBJECT = /^\s*(?:for|to\s+(?:receive|undergo|have|be\s+treated\s+with))\s+(?!(?:(?:this|the|any|either|both)\s+)?(?:[\w-]+\s+){0,3}(?:study|trial|protocol|arms?|cohorts?|parts?|groups?|phases?|strat(?:um|a)|registration|randomi[sz]ation)\b|(?:enrol|enrollment|enrolment|participation|inclusion|entry)\b)\S/i;
/** What may follow a predicate that keeps its whole subject out, up to the end of its sentence. */
const SUBJECT_PREDICATE_END =
  /^\s*(?:(?:to\s+(?:enrol\w*|participate|take\s+part|be\s+(?:enrolled|included))|(?:for|from|in)\s+(?:(?:this|the)\s+)?(?:study|trial|protocol))\b[^.;]*)?\s*(?:[.;]|$)/i;
/** A termination that permits ("are permitted", "will be eligible"). */
const PERMITS = /\b(?:permitted|allowed|allowable|eligible|acceptable|accepted)$/i;
/** A permission that lets in what is said before it ("… is permitted", "are allowed"). */
const PERMITS_INSIDE = /\b(?:permitted|allowed|allowable|acceptable|accepted)$/i;
/** The rest of its lead-in, then a colon that ends the line: the permitted list follows. */
const PERMITTED_LIST = /^[\w\s]{0,40}(?:\([^()]*\))?\s*:[ \t]*\r?\n/;

export function findScopes(text: string, lex: Lexicons, tokens: Token[] = tokenize(text)): Scopes {
  const index = triggerIndex(lex);
  const found: Array<{ role: Trigger['role']; start: number; end: number; tokenStart: number; tokenEnd: number }> = [];
  for (let i = 0; i < tokens.length; ) {
    const list = index.get(tokens[i]!.norm);
    let hit: Trigger | undefined;
    if (list) {
      hit = list.find((t) => t.tokens.every((tok, k) => tokens[i + k]?.norm === tok));
    }
    if (hit) {
      const last = tokens[i + hit.tokens.length - 1]!;
      found.push({ role: hit.role, start: tokens[i]!.start, end: last.end, tokenStart: i, tokenEnd: i + hit.tokens.length });
      i += hit.tokens.length;
    } else {
      i++;
    }
  }
  // Scope edges: sentence/clause boundaries and termination (or exception) terms, kept sorted so
  // each lookup is a binary search and long texts stay linear-logarithmic.
  const ends = [...boundaries(text), ...found.filter((f) => f.role === 'termination' || f.role === 'exception').map((f) => f.start)].sort(
    (a, b) => a - b,
  );
  const starts = [
    ...boundaries(text).map((b) => b + 1),
    ...found.filter((f) => f.role === 'termination' || f.role === 'exception').map((f) => f.end),
  ].sort((a, b) => a - b);
  const stops = boundaries(text);
  const nextStop = (from: number): number => ends[lowerBound(ends, from)] ?? text.length;
  const prevStop = (from: number): number => {
    const i = lowerBound(starts, from + 1) - 1;
    return i >= 0 ? starts[i]! : 0;
  };
  // A predicate that negates its subject ("… are not eligible", "… are excluded") negates all of it,
  // the relative clause inside it too: in "Patients with HER2-positive disease who have received
  // trastuzumab are not eligible" the patients kept out are those with both. Stopped at "who", the
  // scope held only the treatment, so an inclusion required HER2-positive disease of everyone.
  // Only a predicate that ends its sentence ("… are not eligible.", "… are excluded from the study"):
  // "who are ineligible for standard therapy" negates the therapy, not the patients.
  const relativeEnds = new Set(
    found.filter((f) => f.role === 'termination' && RELATIVE_PRONOUN.test(text.slice(f.start, f.end))).map((f) => f.end),
  );
  const subjectStarts = starts.filter((x) => !relativeEnds.has(x));
  const subjectStart = (from: number): number => {
    const i = lowerBound(subjectStarts, from + 1) - 1;
    return i >= 0 ? subjectStarts[i]! : 0;
  };
  const scopes: Scope[] = [];
  for (const f of found) {
    const trigger: [number, number] = [f.start, f.end];
    if (f.role === 'pre') scopes.push({ kind: 'negated', start: f.end, end: nextStop(f.end), trigger });
    // "… or is not eligible for standard therapy", "are ineligible to receive X": eligibility for a
    // treatment named after it, which negates nothing before it ("Received anti-CTLA-4 or is not
    // eligible for it" asked for no anti-CTLA-4).
    else if (f.role === 'post' && /eligible$/i.test(text.slice(f.start, f.end)) && ELIGIBLE_FOR_OBJECT.test(text.slice(f.end))) continue;
    else if (f.role === 'post') {
      // "(NYHA Class III/IV are not eligible)": inside a parenthesis the predicate reaches back only to
      // its opening, not to the requirement the parenthesis glosses ("Class II or better").
      const open = openParenBefore(text, f.start);
      const closes = SUBJECT_PREDICATE_END.test(text.slice(f.end)) && open < 0;
      scopes.push({ kind: 'negated', start: closes ? subjectStart(f.start) : Math.max(prevStop(f.start), open + 1), end: f.start, trigger });
    }
    else if (f.role === 'exception' || (f.role === 'postException' && /^\s*:/.test(text.slice(f.end)))) {
      // An exception runs to the end of its clause, ignoring the terminations inside it; a colon right
      // after the trigger ("The following are non-exclusionary: vitiligo, …") opens the clause.
      let j = lowerBound(stops, f.end);
      // Only for "non-exclusionary": "with the following exception:" introduces a condition of its own
      // that the readers take from the lead-in.
      if (stops[j] !== undefined && /exclusionary/i.test(text.slice(f.start, f.end)) && /^\s*$/.test(text.slice(f.end, stops[j])) && text[stops[j]!] === ':') j++;
      // "…, except for the following: asymptomatic brain metastases (i.e., …);": the colon after "the
      // following" opens the exception on the same line, which runs to the end of that clause.
      else if (stops[j] !== undefined && text[stops[j]!] === ':' && /^\s*(?:the\s+)?following\s*$/i.test(text.slice(f.end, stops[j])) && !/^:[ \t]*\r?\n/.test(text.slice(stops[j]!))) j++;
      let end = stops[j] ?? text.length;
      // "History of another malignancy, except for:" over a list on the lines after it: every item of
      // the list is an exception, up to the end of the criterion.
      // So is one with a section reference before the colon ("… exceptions to this criterion (see Section 4.7.1.1):").
      if (stops[j] !== undefined && text[stops[j]!] === ':' && /^[\s\w]*(?:\([^()]*\))?\s*$/.test(text.slice(f.end, stops[j])) && /^:[ \t]*\r?\n/.test(text.slice(stops[j]!)))
        end = text.length;
      // "… except in cases outlined below: Topical applications … are allowed. Participants on a stable
      // low dose … are allowed": a lead-in that points below introduces the cases it lets in, which
      // run to the end of the criterion on the same line as on the lines after it.
      else if (stops[j] !== undefined && text[stops[j]!] === ':' && /^[\s\w]*\b(?:below|hereafter|as\s+follows)\s*$/i.test(text.slice(f.end, stops[j])))
        end = text.length;
      // "treatment-naïve (except for prior surgery) metastatic NSCLC": an exception opened inside a
      // parenthesis ends with it.
      const open = openParenBefore(text, f.start);
      const close = open >= 0 ? closeParenAfter(text, open, end) : -1;
      if (close >= 0) end = close;
      scopes.push({ kind: 'exception', start: f.end, end, trigger, ...(end === text.length && close < 0 ? { list: true as const } : {}) });
    } else if (f.role === 'postException') {
      // "(minimally invasive procedures … are not exclusionary)": inside a parenthesis the exception
      // reaches back only to its opening, not to what the parenthesis qualifies.
      const open = openParenBefore(text, f.start);
      scopes.push({ kind: 'exception', start: Math.max(prevStop(f.start), open + 1), end: f.start, trigger });
    } else if (f.role === 'termination' && PERMITS.test(text.slice(f.start, f.end)) && PERMITTED_LIST.test(text.slice(f.end))) {
      // "Patients with the following are permitted to enrol:", "Subjects with the following will be
      // eligible:" over a list on the lines after it: the list is what the criterion lets in, up to
      // its end.
      scopes.push({ kind: 'exception', start: f.end, end: text.length, trigger, list: true });
    } else if (f.role === 'termination' && PERMITS_INSIDE.test(text.slice(f.start, f.end)) && openParenBefore(text, f.start) >= 0) {
      // "(prior adjuvant radiotherapy … (Stage I-III disease) is permitted, …": a permission inside a
      // parenthesis says what its words let in, an exception to what the parenthesis qualifies, as
      // "are not exclusionary" does.
      const open = openParenBefore(text, f.start);
      scopes.push({ kind: 'exception', start: Math.max(prevStop(f.start), open + 1), end: f.start, trigger });
    } else if (f.role === 'history') scopes.push({ kind: 'history', start: f.end, end: nextStop(f.end), trigger });
  }
  const triggers = found.filter((f) => f.role !== 'termination').map((f) => [f.start, f.end] as [number, number]);
  return {
    scopes,
    triggers,
    in(kind, pos) {
      return scopes.some((s) => s.kind === kind && pos >= s.start && pos < s.end);
    },
  };
}
