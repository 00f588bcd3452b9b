/**
 * Text normalisation for criteria, with an offset map back to the source. ClinicalTrials.gov stores
 * eligibility text as Markdown, so comparison signs arrive escaped (`\>`, `\<`, `\=`); registrants
 * also paste Unicode (≥, ×, µ, superscripts, full-width CJK punctuation, ligatures). Extractors see
 * one plain ASCII-ish form, while every span they report still points into the exact source text.
 */

export interface NormalisedText {
  /** The normalised text. */
  text: string;
  /** `map[i]` is the source offset of normalised character `i`; `map[text.length]` is the source end. */
  map: number[];
}

/** HTML entities that reach some records ("&gt;= 18 years"). */
const ENTITIES: Record<string, string> = {
  '&gt;': '>',
  '&lt;': '<',
  '&ge;': '>=',
  '&le;': '<=',
  '&amp;': '&',
  '&nbsp;': ' ',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
};

/** Markdown backslash escapes CT.gov writes around punctuation. */
const MD_ESCAPABLE = new Set('\\`*_{}[]()#+-.!<>=&~^|'.split(''));

const SUPERSCRIPT: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};

const REPLACE: Record<string, string> = {
  '≥': '>=',
  '≧': '>=',
  '⩾': '>=',
  '≤': '<=',
  '≦': '<=',
  // Modifier-letter arrowheads, which some word processors substitute for the comparison signs.
  '˃': '>',
  '˂': '<',
  '⩽': '<=',
  '×': 'x',
  '✕': 'x',
  '∙': '.',
  'μ': 'u',
  'µ': 'u',
  '–': '-',
  '—': '-',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '’': "'",
  '‘': "'",
  '“': '"',
  '”': '"',
  '•': '*',
  '▪': '*',
  '·': '*',
  '∼': '~',
  '≈': '~',
  '℃': 'C',
  '\u00a0': ' ',
  '\t': '  ',
};

/** Plain printable ASCII with nothing to unescape: the common case, returned as is. */
const PLAIN = /^[\x20-\x25\x27-\x5b\x5d-\x7e\n\r]*$/;

/**
 * "chemotherapy and or radiotherapy": "and/or" with its slash dropped, which no reader takes for
 * the connective. The space becomes the slash, so the text keeps its length and its offsets.
 */
const AND_OR = /\band or\b/i;

const BEYOND_LATIN1 = /[\u0100-\uffff]/;
/**
 * The same string, stored by V8 one byte per character where every character fits in one. A slice
 * keeps its parent's storage: a criterion cut from an eligibility text holding a "≥" or a "’"
 * anywhere is stored two bytes per character even when it is plain ASCII, and the readers' regular
 * expressions, the case-insensitive ones above all, run several times slower over it. Only the
 * storage changes, never a character, so no reading does.
 */
export function oneByteString(s: string): string {
  return !BEYOND_LATIN1.test(s) ? Buffer.from(s, 'latin1').toString('latin1') : s;
}

/**
 * A count glued to its unit of time ("within 4weeks", "aged ≥18years"): a space is put between, which
 * every reader of a duration or an age expects. Only the units, whole: "4wks" or "C1D1" are left.
 */
const GLUED_TIME_UNIT = /\d(?=(?:days?|weeks?|months?|years?)(?![a-z]))/i;
const GLUED_HERE = new RegExp(`^${GLUED_TIME_UNIT.source}`, 'i');

/**
 * Normalises one piece of criteria text. Superscript digits become `^n` so that "10⁹/L" reads
 * "10^9/L" rather than "109/L"; everything else goes through NFKC (full-width punctuation, ligatures,
 * circled numbers, Roman-numeral characters) character by character so offsets stay exact.
 */
export function normalise(source: string): NormalisedText {
  if (AND_OR.test(source)) return normalise(source.replace(new RegExp(AND_OR.source, 'gi'), (m) => `${m.slice(0, 3)}/${m.slice(4)}`));
  const glued = GLUED_TIME_UNIT.test(source);
  if (!glued && PLAIN.test(source)) {
    let identity: number[] | undefined;
    return {
      text: source,
      get map() {
        identity ??= Array.from({ length: source.length + 1 }, (_, i) => i);
        return identity;
      },
    };
  }
  let text = '';
  const map: number[] = [];
  const push = (s: string, at: number): void => {
    for (let k = 0; k < s.length; k++) {
      text += s[k];
      map.push(at);
    }
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    // ASCII other than "&", "\" and a tab (which REPLACE widens), the bulk of any text,
    // is kept as it is: no entity, escape, superscript or replacement begins with it.
    const code = ch.charCodeAt(0);
    if (code < 128 && code !== 38 && code !== 92 && code !== 9) {
      text += ch;
      map.push(i);
      // A count glued to its unit: the inserted space stands at the unit's first character.
      if (glued && code >= 48 && code <= 57 && GLUED_HERE.test(source.slice(i, i + 8))) {
        text += ' ';
        map.push(i + 1);
      }
      continue;
    }
    // "\&gt; 6 months": an entity whose ampersand Markdown escaped is still the entity.
    const amp = ch === '&' ? i : ch === '\\' && source[i + 1] === '&' ? i + 1 : -1;
    if (amp >= 0) {
      const semi = source.indexOf(';', amp);
      const entity = semi > amp && semi - amp <= 6 ? ENTITIES[source.slice(amp, semi + 1).toLowerCase()] : undefined;
      if (entity !== undefined) {
        push(entity, i);
        i = semi;
        continue;
      }
    }
    if (ch === '\\' && i + 1 < source.length && MD_ESCAPABLE.has(source[i + 1]!)) {
      push(source[i + 1]!, i);
      i++;
      continue;
    }
    const sup = SUPERSCRIPT[ch];
    if (sup !== undefined) {
      const prevSup = i > 0 && SUPERSCRIPT[source[i - 1]!] !== undefined;
      push(prevSup ? sup : '^' + sup, i);
      continue;
    }
    const rep = REPLACE[ch];
    if (rep !== undefined) {
      push(rep, i);
      continue;
    }
    if (ch.charCodeAt(0) < 128) {
      push(ch, i);
      continue;
    }
    push(ch.normalize('NFKC'), i);
  }
  map.push(source.length);
  return { text, map };
}

/** Source span of a normalised span. */
export function toSourceSpan(n: NormalisedText, start: number, end: number): [number, number] {
  const s = n.map[Math.min(start, n.map.length - 1)]!;
  const lastChar = end > start ? n.map[Math.min(end - 1, n.map.length - 1)]! + 1 : s;
  return [s, Math.max(s, lastChar)];
}

export interface Token {
  /** Token text as written (for case-sensitive entries such as the gene symbol MET). */
  raw: string;
  /** Folded form used for lexicon lookup: lower case, US spelling, simple plural removed. */
  norm: string;
  start: number;
  end: number;
}

/**
 * British and older medical spellings folded to one form, so lexicons need list only one.
 * Prefix rewrites, longest first.
 */
const SPELLING: Array<[string, string]> = [
  ['oesophag', 'esophag'],
  ['oestrogen', 'estrogen'],
  ['haemato', 'hemato'],
  ['haemoglobin', 'hemoglobin'],
  ['haemorrh', 'hemorrh'],
  ['haem', 'hem'],
  ['leukaem', 'leukem'],
  ['anaem', 'anem'],
  ['tumour', 'tumor'],
  ['orthopaed', 'orthoped'],
  ['paediatric', 'pediatric'],
  ['foetus', 'fetus'],
  ['foetal', 'fetal'],
  ['oedema', 'edema'],
  ['coeliac', 'celiac'],
  ['anaesthe', 'anesthe'],
  ['gynaecolog', 'gynecolog'],
  ['dyspnoea', 'dyspnea'],
  ['randomis', 'randomiz'],
];

/** Folds one lower-case word: spelling variants, then a plain English plural ("tumors" → "tumor"). */
export function foldWord(word: string): string {
  let w = word;
  for (const [from, to] of SPELLING) {
    if (w.startsWith(from)) {
      w = to + w.slice(from.length);
      break;
    }
  }
  if (w.length > 4 && /[a-z]s$/.test(w) && !/(?:ss|us|is|ys|as|os)$/.test(w)) {
    w = w.endsWith('ies') && w.length > 5 ? w.slice(0, -3) + 'y' : w.slice(0, -1);
  }
  return w;
}

/**
 * An acronym's plural: capitals, then a lower-case "s" ("ADCs", "TKIs", "NSAIDs"). foldWord leaves words
 * of four letters or fewer alone ("lens", "bus"), so without this "ADCs" missed the class "ADC" and
 * "MMAE-based ADCs" read as MMAE ADCs or any ADC at all. A stem of three capitals or digits at least, ending on a capital: "HBs" (hepatitis B
 * surface) is not a plural of "Hb".
 */
// Checked in linear time: a pattern with two quantified runs of capitals backtracks quadratically on a
// long run of capitals with no "s" after it (the hostile-input test feeds 1 MB of "A").
const ACRONYM_STEM = /^[A-Z0-9]+$/;
function acronymPlural(raw: string): boolean {
  if (raw.length < 4 || raw.length > 12 || raw[raw.length - 1] !== 's') return false;
  const stem = raw.slice(0, -1);
  return ACRONYM_STEM.test(stem) && /[A-Z]$/.test(stem);
}

/** The matching form of one word as written: acronym plurals singular, then lower-cased and folded. */
export function tokenNorm(raw: string): string {
  const word = acronymPlural(raw) ? raw.slice(0, -1) : raw;
  return foldWord(word.toLowerCase());
}

/**
 * Tokens for lexicon matching: runs of letters and digits, lower-cased. Hyphens, slashes and
 * other punctuation separate tokens on both sides of the match (lexicon entries are tokenised the
 * same way), so "non-small-cell", "non small cell" and "Non-Small Cell" all meet.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    tokens.push({ raw: m[0], norm: tokenNorm(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** The token key of a lexicon phrase: its tokens joined by single spaces. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((t) => t.norm)
    .join(' ');
}
