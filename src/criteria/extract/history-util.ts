/**
 * Helpers shared by the medical-history extractors (brain metastases, pregnancy, conditions,
 * attestations): polarity of a finding, clause boundaries, and "tails" — the run of words after a
 * requirement that only restate its timing ("within 7 days prior to registration") or its purpose,
 * which the finding may cover because it accounts for them.
 */
import { tokenAt, type ExtractInput } from './extractor';
import type { Condition } from '../facts';
import { drugInClass, type Mention } from '../lexicon';
import { NUMBER, toNumber } from '../numbers';
import { foldWord, type Token } from '../text';

export type Span = [number, number];

/**
 * Post-negation triggers that, inside an exclusion criterion, only restate that the criterion
 * excludes ("Pregnant women are excluded", "Untreated brain metastases are not allowed"). Read as
 * negation they would invert the rule, so findings in their scope handle their own polarity.
 */
export const PLEONASTIC_POST =
  /\b(?:excluded|exclusion|not allowed|not permitted|prohibited|not eligible|ineligible|not be (?:enrolled|included|eligible)|will not be)\b/i;

/**
 * How the assembler should treat a finding anchored at `pos`: 'plain' when a pleonastic
 * post-negation is all that covers it in an exclusion (the finding must then set polarityHandled and
 * keep its condition as stated); 'assembler' otherwise (pre-negation scopes such as "no", "not",
 * "without" are applied by the assembler, which also joins the findings inside one scope).
 */
export function polarityMode(input: ExtractInput, pos: number): 'plain' | 'assembler' {
  if (input.kind !== 'exclusion') return 'assembler';
  let pleonastic = false;
  for (const sc of input.scopes.scopes) {
    if (sc.kind !== 'negated' || pos < sc.start || pos >= sc.end) continue;
    const post = sc.end <= sc.trigger[0];
    if (post && PLEONASTIC_POST.test(input.text.slice(sc.trigger[0], sc.trigger[1]))) pleonastic = true;
    else return 'assembler';
  }
  return pleonastic ? 'plain' : 'assembler';
}

/**
 * Whether the trigger of a scope sits inside a parenthesis that closes before `pos`: ConText scopes
 * run to the end of the sentence, but "(no prior resection of the target lesion)" negates only
 * inside its parenthesis.
 */
export function closedParenthesis(text: string, trigger: number, pos: number): boolean {
  const open = text.lastIndexOf('(', trigger);
  if (open < 0) return false;
  const close = text.indexOf(')', open);
  return close > trigger && close < pos;
}

/**
 * Whether a pre- or post-negation scope (other than a pleonastic one in an exclusion) covers `pos`.
 * `ownWords` names triggers that are a reader's own words, not a negation of what is around them.
 */
export function negatedAt(input: ExtractInput, pos: number, ownWords?: (trigger: [number, number]) => boolean): boolean {
  for (const sc of input.scopes.scopes) {
    if (sc.kind !== 'negated' || pos < sc.start || pos >= sc.end) continue;
    if (ownWords?.(sc.trigger)) continue;
    if (sc.trigger[1] <= pos && closedParenthesis(input.text, sc.trigger[0], pos)) continue;
    const post = sc.end <= sc.trigger[0];
    if (input.kind === 'exclusion' && post && PLEONASTIC_POST.test(input.text.slice(sc.trigger[0], sc.trigger[1])))
      continue;
    return true;
  }
  return false;
}

/**
 * A pre-negation whose trigger ends at most `maxDist` characters before `pos`, with no new
 * coordinated requirement in between ("No potential for childbearing or agree to use…").
 */
export function nearNegation(input: ExtractInput, pos: number, maxDist = 45): boolean {
  // The scope's own end is not used: ConText terminates at "acceptable", which in "not using an
  // acceptable method of contraception" is part of the negated phrase.
  return input.scopes.scopes.some((sc) => {
    if (sc.kind !== 'negated' || sc.end <= sc.trigger[0] || sc.trigger[1] > pos) return false;
    if (pos - sc.trigger[1] > maxDist) return false;
    // "measures not to father children by using…": the negation is about the child, not the method.
    return !/[.;:]\s|\b(?:and|or)\s+(?:must|should|agree|agrees|use|using|be|will|practice|willing)\b|[,;]\s*(?:and|or)\b|\b(?:father\w*|conceiv\w*|impregnat\w*|pregnan\w*|donat\w*)\b/i.test(
      input.text.slice(sc.trigger[1], pos),
    );
  });
}

/** Whether a post-negation ("… are not eligible") covers `pos`. */
export function postNegated(input: ExtractInput, pos: number): boolean {
  return input.scopes.scopes.some(
    (sc) => sc.kind === 'negated' && pos >= sc.start && pos < sc.end && sc.end <= sc.trigger[0],
  );
}

/** A dot that ends an abbreviation ("e.g.", "eg.", "vs."), not a sentence. */
const ABBREVIATION_BEFORE_DOT = /\b(?:e\.g|eg|i\.e|vs|approx|etc|no|dr|incl)$/i;

/** Start of the sentence or clause holding `pos` (after ". ", ";", newline). */
export function sentenceStart(text: string, pos: number): number {
  for (let i = Math.min(pos, text.length) - 1; i >= 0; i--) {
    const ch = text[i]!;
    if (ch === '\n' || ch === ';') return i + 1;
    if (
      ch === '.' &&
      /\s/.test(text[i + 1] ?? ' ') &&
      !ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(0, i - 6), i))
    )
      return i + 1;
  }
  return 0;
}

/** End of the sentence holding `pos` (before ". ", ";", newline or end). */
export function sentenceEnd(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n' || ch === ';') return i;
    if (
      ch === '.' &&
      /\s/.test(text[i + 1] ?? ' ') &&
      !ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(0, i - 6), i))
    )
      return i;
  }
  return text.length;
}

/** The non-empty sentences of a text, as [start, end) spans without their closing stop (see sentenceEnd). */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  for (let pos = 0; pos < text.length; ) {
    const end = sentenceEnd(text, pos);
    if (end > pos) out.push([pos, end]);
    pos = end + 1;
  }
  return out;
}

/** A vocabulary of folded words, compared with token norms (so "metastases" meets "metastase"). */
export function vocab(...lists: Array<string | Iterable<string>>): Set<string> {
  const out = new Set<string>();
  for (const list of lists) {
    for (const w of typeof list === 'string' ? list.split(/\s+/) : list) if (w) out.add(foldWord(w.toLowerCase()));
  }
  return out;
}

/** Words of timing and study events: "within 7 days prior to the first dose of study treatment". */
export const TIMING_WORDS = vocab(
  (
    'within prior to before after of the a an first start starting initiation initiate initiating dose doses dosing study trial treatment therapy ' +
    'drug drugs medication medications registration preregistration pre enrollment enrolment randomization randomisation screening day days hour hours ' +
    'hr hrs h d wk wks week weeks month months mo year years cycle c1d1 baseline visit receiving receive receipt administration administered entry inclusion ' +
    'last final until through throughout during duration period following from since at least for time protocol intervention participation ' +
    'investigational product imp ip agent agents completion discontinuation end consent informed signing signed sign icf planned anticipated ' +
    'day1 one two three four five six seven eight nine ten eleven twelve fourteen fifteen twenty thirty sixty ninety hundred and or to in up ' +
    'performed done obtained taken collected conducted documented result results required prescribed scheduled on any each subsequent date confirmed ' +
    'with cohort part phase lymphodepletion lymphodepleting infusion apheresis surgery radiotherapy chemotherapy immunotherapy course courses'
  ).split(' '),
);

/**
 * End offset of a timing tail starting at `from`: a run of timing words, numbers and drug names
 * ("within 72 hours prior to receiving the first dose of pembrolizumab"). Returns `from` when the
 * text there does not start with a timing word. A trailing connective is given back.
 */
export function timingTail(input: ExtractInput, from: number, extra?: Set<string>): number {
  const { tokens, text } = input;
  let i = tokenAt(tokens, from);
  let end = from;
  let lastContent = from;
  const drugAt = (t: Token): boolean =>
    input.mentions.some(
      (m) =>
        (m.type === 'drug' || m.type === 'drugClass' || m.type === 'regimen') && t.start >= m.start && t.end <= m.end,
    );
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    const gap = text.slice(end, t.start);
    if (/[.;:]\s|\n|[.;:]$/.test(gap) && end > from) break;
    const w = t.norm;
    const ok =
      TIMING_WORDS.has(w) ||
      (extra?.has(w) ?? false) ||
      /^\d+(?:\.\d+)?$/.test(w) ||
      /^(?:c\d+d\d+|\d+(?:h|hrs?|hours?|d|days?|wks?|weeks?|mo|months?|y|yrs?|years?|st|nd|rd|th))$/.test(w) ||
      drugAt(t);
    if (!ok) break;
    end = t.end;
    if (!/^(?:and|or|to|the|a|an|of|for|in|at|on|from)$/.test(w)) lastContent = t.end;
  }
  return lastContent;
}

/** NUMBER units → years, for `withinYears` ("within 6 months" → 0.5, "14 days" → 0.038). */
export function toYears(value: number, unit: string): number | null {
  const u = unit.toLowerCase();
  let years: number | null = null;
  if (/^y/.test(u)) years = value;
  else if (/^mo/.test(u)) years = value / 12;
  else if (/^w/.test(u)) years = (value * 7) / 365.25;
  else if (/^d/.test(u)) years = value / 365.25;
  else if (/^h/.test(u)) years = value / (24 * 365.25);
  if (years === null || years <= 0) return null;
  return Math.round(years * 1000) / 1000 || 0.001;
}

export function anyOf(parts: Condition[]): Condition {
  return parts.length === 1 ? parts[0]! : { any: parts };
}

export function allOf(parts: Condition[]): Condition {
  return parts.length === 1 ? parts[0]! : { all: parts };
}

/** Spans of every match of `re` (global) inside [from, to). */
export function matchSpans(re: RegExp, text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  const r = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  r.lastIndex = from;
  for (let m = r.exec(text); m && m.index < to; m = r.exec(text)) {
    if (m[0].length === 0) {
      r.lastIndex++;
      continue;
    }
    out.push([m.index, Math.min(to, m.index + m[0].length)]);
  }
  return out;
}

/**
 * Spans of the tokens in [from, to) whose folded form is in `vocab` (or a number, unless `numbers` is
 * false): used to cover a
 * clause that only restates a definition ("treated, stable for ≥ 4 weeks, off steroids") while
 * leaving any word outside the vocabulary unread.
 */
export function vocabSpans(input: ExtractInput, from: number, to: number, vocab: Set<string>, numbers = true): Span[] {
  const out: Span[] = [];
  for (let i = tokenAt(input.tokens, from); i < input.tokens.length; i++) {
    const t = input.tokens[i]!;
    if (t.end > to) break;
    if (vocab.has(t.norm) || (numbers && /^\d+(?:\.\d+)?$/.test(t.norm))) {
      const last = out[out.length - 1];
      if (last && /^[\s,()/.=<>≥≤+-]*$/.test(input.text.slice(last[1], t.start))) last[1] = t.end;
      else out.push([t.start, t.end]);
    }
  }
  return out;
}

/**
 * Adds `span` to the finding next to it in the same sentence (the nearest one matching `accept`,
 * with no other finding's words in between), so that findings keep their text order for the
 * assembler's connectives. `side` limits the search to findings before the span. Returns whether
 * it attached.
 */
export function attachToNeighbour<F extends { spans: Span[] }>(
  findings: F[],
  span: Span,
  accept: (f: F) => boolean,
  text: string,
  side: 'before' | 'either' = 'either',
): boolean {
  const candidates: Array<{ f: F; sp: Span; gap: number }> = [];
  for (const f of findings) {
    for (const sp of f.spans) {
      const before = sp[1] <= span[0];
      const after = sp[0] >= span[1];
      if (!before && !after) continue;
      if (side === 'before' && !before) continue;
      candidates.push({ f, sp, gap: before ? span[0] - sp[1] : sp[0] - span[1] });
    }
  }
  candidates.sort((a, b) => a.gap - b.gap);
  for (const { f, sp } of candidates) {
    const lo = Math.min(sp[1], span[1]);
    const hi = Math.max(sp[0], span[0]);
    // No finding in between, so the findings stay in text order: the nearest acceptable one wins.
    if (findings.some((g) => g.spans.some(([a, b]) => a < hi && b > lo))) return false;
    if (!accept(f)) continue;
    const from = Math.min(sp[0], span[0]);
    const to = Math.max(sp[1], span[1]);
    // Same sentence, unless the span is a rationale or note after the finding.
    if (side === 'either' && (sentenceStart(text, to) > from || sentenceEnd(text, from) < to)) continue;
    f.spans.push(span);
    return true;
  }
  return false;
}

/**
 * Who counts as of childbearing potential (CTFG 2020 definitions): a note that only defines the
 * group a pregnancy or contraception requirement applies to. Its words are covered by that finding.
 */
export const WOCBP_DEFINITION_WORDS = vocab(
  'note women woman female females participant participants patient patients person persons individual individuals wocbp wcbp fcbp pocbp ' +
    'are is considered defined as of childbearing child bearing reproductive potential capable physiologically becoming pregnant not unless ' +
    'they have had has undergone underwent surgically surgical sterile sterilization sterilized permanently permanent hysterectomy bilateral ' +
    'tubal ligation occlusion oophorectomy salpingectomy ovariectomy postmenopausal post menopausal menopause menopausal premenopausal ' +
    'perimenopausal amenorrhea amenorrheic amenorrhoea amenorrhoeic spontaneous natural naturally menses menstruation menstrual period periods ' +
    'menarche consecutive continuous months years year at least for or and the a an in with without alternative medical cause causes ' +
    'fsh follicle stimulating hormone level levels range serum confirm confirmed documented documentation e g i age ' +
    'appropriate clinical profile history vasomotor symptoms following until who which any all ovaries uterus absence congenital ' +
    'hormonal contraception replacement therapy hrt single measurement sufficient insufficient since last after greater than older younger ' +
    'equal iu l ml miu cessation exogenous treatments including fallopian tubes removal removed sexual orientation celibate ' +
    'choice regardless meets following criteria been ovarian failure',
);

/** The parts of `span` outside every span of `used`. */
export function subtract(span: Span, used: Span[]): Span[] {
  let parts: Span[] = [span];
  for (const [a, b] of used) {
    parts = parts.flatMap(([s, e]): Span[] =>
      b <= s || a >= e ? [[s, e]] : [...(a > s ? [[s, a] as Span] : []), ...(b < e ? [[b, e] as Span] : [])],
    );
  }
  return parts.filter(([s, e]) => e > s);
}

/**
 * Start of the run of qualifier words right before `pos` ("known active untreated"), walked back
 * token by token: each token must be in `words`, tokens may be separated only by spaces, commas,
 * slashes or hyphens, and a parenthesis of at most `parenMax` characters is stepped over. A leading
 * connective or article is dropped. Linear in the run's length, unlike an end-anchored regex.
 */
export function qualifierRun(input: ExtractInput, from: number, pos: number, words: Set<string>, parenMax = 0): number {
  const { text, tokens } = input;
  let i = tokenAt(tokens, pos) - 1;
  let cursor = pos;
  const accepted: Token[] = [];
  while (i >= 0) {
    const t = tokens[i]!;
    if (t.start < from) break;
    const gap = text.slice(t.end, cursor);
    if (parenMax && gap.includes(')') && /^[^()]*\)\s*$/.test(gap)) {
      const open = text.lastIndexOf('(', t.end);
      if (open < from || cursor - open > parenMax + 2) break;
      cursor = open;
      while (i >= 0 && tokens[i]!.start > open) i--;
      continue;
    }
    if (!/^[\s,/-]*$/.test(gap) || !words.has(t.norm)) break;
    accepted.unshift(t);
    cursor = t.start;
    i--;
  }
  while (accepted.length && /^(?:or|and|nor|of|the|a|an)$/.test(accepted[0]!.norm)) accepted.shift();
  return accepted.length ? accepted[0]!.start : pos;
}

/**
 * What may stand between the words of a steroid-free requirement and the steroid named: "off
 * (of) steroids", "have discontinued the use of corticosteroids", "without requirement of steroid
 * treatment", "no need for steroids", "not requiring steroids", "have not received corticosteroids",
 * "require no treatment with corticosteroids". Group 1 is a qualifier that narrows which steroid
 * use counts ("continuous", "escalating", "immunosuppressive doses of"), which no fact holds.
 */
const STEROID_FREE_LEAD = new RegExp(
  String.raw`\b(?:(?:either\s+)?off\s+(?:of\s+)?|(?:discontinued|stopped|ceased)\s+(?:taking\s+|(?:the\s+)?use\s+of\s+)?|(?:no|without)\s+(?:(?:the|a|any)\s+)?(?:ongoing\s+|current\s+|further\s+|continued\s+)?(?:requirements?|need|use)\s+(?:of|for)\s+|without\s+|(?:not|no\s+longer)\s+(?:be\s+|been\s+)?(?:requiring|require|required|needing|need|using|taking|receiving|on)\s+|(?:do|does|did|have|has)\s+not\s+(?:require|need|use|take|receive|received|required|needed|used|taken)\s+|(?:require|requires|requiring|need|needs|needing)\s+no\s+)(?:any\s+)?(?:(?:ongoing|current|supportive)\s+)?(?:(?:treatment|therapy)\s+with\s+)?((?:continuous|chronic|escalating|increasing|high[\s-]dose|(?:immunosuppressive|high|therapeutic)\s+doses?\s+of)\s+)?(?:(?:anti-?convulsants?|anti-?epileptics?(?:\s+drugs)?|anti-?seizure\s+medications?|seizure\s+prophylaxis)\s+(?:and|or|and\/or|\/)\s+)?(?:(?:any|all|systemic|oral)\s+)*$`,
  'i',
);
/** Words after the steroid that still belong to it: "treatment", "and anticonvulsants". */
const STEROID_TAIL =
  /^(?:\s+(?:treatment|therapy|therapies|use|medications?))?(?:\s+(?:and|or|and\/or|\/)\s+(?:anti-?convulsants?|anti-?epileptics?(?:\s+drugs)?|anti-?seizure\s+medications?|seizure\s+prophylaxis)(?:\s+(?:treatment|therapy))?)?/i;
/** Steroids for one purpose only ("for this indication", "for management of symptoms"). */
const STEROID_PURPOSE =
  /^\s*(?:for\s+this\s+indication|for\s+(?:these|the|their|those|this)\s+(?:brain\s+|cns\s+)?(?:metastas[ie]s|lesions?)|(?:for\s+(?:the\s+)?(?:management|control|treatment)\s+of|to\s+(?:manage|control))\s+(?:[\w-]+\s+){0,3}?(?:symptoms?|o?edema|metastas[ie]s|disease|lesions?))\b/i;
/** How long the patient must have been off them: "for at least 14 days", "within 7 days", "for ≥ 2 weeks". */
const STEROID_WINDOW = new RegExp(
  String.raw`^\s*,?\s*(?:(?:for|in\s+the)\s+)?(?:at\s+least|a\s+minimum\s+of|minimum\s+of|>=|≥|=>|more\s+than|greater\s+than|over|>)?\s*(${NUMBER})[\s-]*(days?|weeks?|wks?|months?)\b(?:\s+or\s+(?:more|longer))?(?:\s+period)?|^\s*,?\s*(?:within|during|in)\s+(?:the\s+)?(?:last|past|prior|previous|preceding)?\s*(${NUMBER})[\s-]*(days?|weeks?|wks?|months?)\b(?:\s+period)?`,
  'i',
);
/**
 * An alternative to being off steroids that no fact holds: "or on a stable or decreasing dose of
 * ≤ 10 mg prednisone", "(physiologic doses of steroids are permitted)".
 */
const STEROID_ALTERNATIVE =
  /^\s*,?\s*(?:\(\s*[^()]*\b(?:physiologic\w*|replacement|(?<!first\s)doses?|mg)\b[^()]*\)|or\s+(?:be\s+|are\s+|is\s+|have\s+been\s+)?(?:on|receiving|with|at|taking)\s+(?:an?\s+)?(?:stable|low|decreasing|tapering|physiologic\w*|replacement|non-?increasing|steady|dose|doses)\b[^.;]*?(?=[.;]|,\s*and\b|\band\s+(?:there|the|have|has|is|are|must|no|an?)\b|,?\s*(?:for|in\s+the)\s+(?:at\s+least|a\s+minimum|>=|≥|\d)|$))/i;

/** A mention of corticosteroids, as the class or as a drug in it ("dexamethasone"). */
export function isSteroidMention(input: ExtractInput, m: Mention): boolean {
  return (m.type === 'drugClass' && m.id === 'corticosteroid') || (m.type === 'drug' && drugInClass(input.lex, m.id, 'corticosteroid'));
}

/**
 * A requirement that the patient be off corticosteroids, found in [from, to): "off steroids for at
 * least 14 days", "without requirement of steroid treatment for at least 14 days prior to first
 * dose", "who require no treatment with corticosteroids". `days` is the window the patient must
 * have been off them (1 when the text says only "off steroids": not on them now). A narrowing the
 * facts cannot hold ("continuous", "for this indication", "or on a stable dose ≤ 10 mg") is returned
 * as `qualifier`, to be kept as an unparsed leaf beside the steroid use. Anticonvulsants named with
 * the steroids are no fact either; their words stay with the definition they belong to.
 */
export function steroidFree(
  input: ExtractInput,
  from: number,
  to: number,
): { span: Span; days: number; qualifier?: { text: string; span: Span } } | null {
  const { text } = input;
  for (const m of input.mentions) {
    if (m.start < from || m.end > to) continue;
    if (!isSteroidMention(input, m)) continue;
    const lead = STEROID_FREE_LEAD.exec(text.slice(Math.max(from, m.start - 90), m.start));
    if (!lead) continue;
    const start = m.start - lead[0].length;
    // "stable with or without steroids" allows them.
    if (/\bwith\s+or\s+$/i.test(text.slice(Math.max(from, start - 10), start))) continue;
    let pos = m.end;
    const qualifiers: Span[] = [];
    if (lead[1]) {
      const q = start + lead[0].indexOf(lead[1]);
      qualifiers.push([q, q + lead[1].trimEnd().length]);
    }
    const tail = STEROID_TAIL.exec(text.slice(pos, to));
    if (tail) pos += tail[0].length;
    const purpose = STEROID_PURPOSE.exec(text.slice(pos, to));
    if (purpose) {
      qualifiers.push([pos + purpose[0].length - purpose[0].trimStart().length, pos + purpose[0].length]);
      pos += purpose[0].length;
    }
    let days = 1;
    // The window may follow the alternative and bind both: "off steroids or on a stable dose for at
    // least 14 days".
    const readWindow = (): boolean => {
      // A parenthesis holding only the window ("off steroids (for at least 2 weeks prior to first
      // dose)"), not one that varies it by cohort ("(at least 7 days for Part A, 4 weeks for Part C)").
      const paren = /^\s*\(/.exec(text.slice(pos, to));
      const at = paren ? pos + paren[0].length : pos;
      const win = STEROID_WINDOW.exec(text.slice(at, to));
      if (!win) return false;
      const value = toNumber(win[1] ?? win[3] ?? '');
      const unit = (win[2] ?? win[4] ?? '').toLowerCase();
      const n = value === null ? null : /^d/.test(unit) ? value : /^w/.test(unit) ? value * 7 : value * 30;
      if (n === null || n <= 0) return false;
      let end = Math.max(at + win[0].length, Math.min(to, timingTail(input, at + win[0].length)));
      if (paren) {
        const close = /^\s*\)/.exec(text.slice(end, to));
        if (!close) return false;
        end += close[0].length;
      }
      days = n;
      pos = end;
      return true;
    };
    const windowFirst = readWindow();
    const alt = STEROID_ALTERNATIVE.exec(text.slice(pos, to));
    if (alt) {
      qualifiers.push([pos + alt[0].length - alt[0].trimStart().replace(/^,\s*/, '').length, pos + alt[0].length]);
      pos += alt[0].length;
      if (!windowFirst) readWindow();
    }
    const qualifier = qualifiers.length
      ? {
          text: qualifiers.map(([a, b]) => text.slice(a, b).trim()).join(' … '),
          span: [qualifiers[0]![0], qualifiers[qualifiers.length - 1]![1]] as Span,
        }
      : undefined;
    return { span: [start, pos], days, ...(qualifier ? { qualifier } : {}) };
  }
  return null;
}
