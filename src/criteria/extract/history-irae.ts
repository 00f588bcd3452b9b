/**
 * Severe immune-related adverse events on earlier immunotherapy, in the wordings the prior_severe_irae
 * statement (history-judgement.ts) leaves unread because they say more than its topic:
 *
 *   "Prior history of an immune-related Grade 3 or 4 AE attributed to prior cancer immunotherapy
 *    (other than endocrinopathy managed with either replacement therapy …) that resulted in permanent
 *    discontinuation of the prior immunotherapeutic agent"
 *        → all(attestation(prior_severe_irae), unread("(other than …) … resulted in permanent discontinuation …"))
 *   "Having received immunotherapy and developed irAE level greater than Level 3"
 *        → all(attestation(prior_severe_irae), unread("level greater than Level 3"))
 *   "Has had Grade ≥3 autoimmune manifestations of previous immune checkpoint inhibitor treatments"
 *        → attestation(prior_severe_irae)
 *
 * Each narrower wording (an exception, a stricter grade, the irAE having led to discontinuation)
 * excludes only patients who had a grade ≥ 3 irAE on earlier immunotherapy, so that topic is
 * necessary: the rule says so, and the rest of the wording stays an unread leaf beside it, so the
 * exclusion never reaches further than its text. The same reading serves an inclusion that denies
 * the irAE ("No prior Grade ≥3 irAE leading to permanent discontinuation of prior anti-PD1/PD L1"),
 * negated by the assembler: no grade ≥ 3 irAE at all meets it, one leaves the narrowing to the
 * coordinator. An irAE ("immune-related adverse event", "irAE") is of immunotherapy by definition, so
 * the criterion need not name the immunotherapy ("Any CTCAE grade ≥3 immune-related adverse event
 * observed within 3 weeks prior to CIRT start"); "autoimmune manifestations" must name it. "Severe"
 * before the irAE is the topic's grade 3 when every grade the criterion gives is of 3 or more
 * ("No history of severe immune related adverse effects … (CTCAE Grade 4; CTCAE Grade 3 requiring
 * treatment >4 weeks)": the defining grades stay unread). Only
 * criteria of one sentence, and only grades of 3 or higher: another threshold ("grade 2 or higher") or adverse events of any cause ("TEAE") is
 * another question. An alternative after the irAE would not need the topic: a last one of a few words
 * naming another event ("… or grade ≥2 immune-related myocarditis") is left to the assembler beside
 * this reading, any other ("… or any unresolved Grade > 1 irAE while receiving …", which may narrow
 * both) keeps the criterion unread here.
 */
import type { ExtractInput, Finding } from './extractor';
import { JUDGEMENT_STATEMENTS } from './history-judgement';
import { negatedAt, sentences, subtract, vocab, vocabSpans, type Span } from './history-util';
import { unreadWords, type Condition } from '../facts';

export const TOPIC = 'prior_severe_irae';

/** The names of an immune-related adverse event; "autoimmune manifestations of … immunotherapy" are irAEs too. */
export const IRAE_NAME = String.raw`(?<!\bnon[\s-]?)(?:immune[\s-]+(?:related|mediated)\s+(?:(?:(?:NCI[\s-]*)?CTCAE\s+)?(?:grade\s*(?:≥|>=|=>|>\s*\/?\s*=)?\s*(?:3|4|III|IV)(?:\s*(?:or|-|–|to)\s*(?:4|IV|higher|greater|above))?\s+)?(?:adverse\s+(?:events?|reactions?|effects?)|AEs?|side[\s-]effects?|toxicit(?:y|ies))(?:\s*\(\s*(?:irAEs?|imAEs?)\s*\))?)|irAEs?|autoimmune\s+(?:manifestations?|toxicit(?:y|ies)|adverse\s+events?))`;

/**
 * A grade of 3 or higher, or a stricter one ("greater than grade 3", "level greater than Level 3",
 * "grade 4"): group 1 is set for the topic's own threshold, group 2 for a stricter one. A threshold
 * below it ("grade 2 or higher", "Grade > 1") matches neither and keeps the criterion unread.
 */
export const GRADE =
  /\b((?:CTCAE\s+)?grade\s*(?:(?:≥|>=|=>|>\s*\/\s*=)\s*(?:grade\s*)?3|3\s*\+|3\s+or\s+(?:higher|greater|above|more|4)|3\s*(?:-|–|to)\s*4|III\s*(?:-|–|or)\s*IV)(?![\d.])|(?:≥|>=)\s*grade\s*3(?![\d.]))|((?:(?:severity\s+)?level\s+)?(?:greater|higher|more)\s+than\s+(?:CTCAE\s+)?(?:grade|level)\s*3(?![\d.])|>\s*(?:grade|level)\s*3(?![\d.])|(?:grade|level)\s*>\s*3(?![\d.])|grade\s*(?:4|IV)(?![\d.])(?!\s*(?:or|-|–|to)\b))/gi;

/** Any grade the text gives, to check that every one is of 3 or higher. */
const ANY_GRADE = /\b(?:grade|level)s?\s*(?:[<>≤≥=/]\s*)*(?:\d|I{1,3}V?|IV)\b|(?:[<>≤≥]=?)\s*grade\s*\d/gi;

/** A last alternative of a few words: "or grade ≥2 immune-related myocarditis". */
const LAST_ALTERNATIVE =
  /\s+or\s+(?!(?:higher|greater|above|more|worse|less|lower|better|IV|\d)\b)(?:an?\s+|any\s+)?(?:(?:CTCAE\s+)?grade\s*(?:[<>≤≥=/]\s*)*\d\s+)?(?:immune[\s-]+(?:related|mediated)\s+)?[A-Za-z-]+(?:\s+[A-Za-z-]+){0,2}\s*[.;]?\s*$/i;
/** Words that would make such an alternative a narrowing of the irAE before it instead. */
const ALTERNATIVE_NARROWS =
  /\b(?:other|except\w*|excluding|while|during|that|which|due|from|on|after|following|led|leading|resulted|resulting|requiring|required|discontinu\w*|immunotherap\w*|checkpoint|inhibitors?|agents?|therapy|treatment)\b/i;

/**
 * A grade of 3 or more stated as a floor or a level ("Grade 4", "CTCAE Grade 3", "grade ≥3"), never a
 * ceiling ("Grade ≤ 3", "< grade 4"): what may define a severe irAE without reaching below the topic.
 */
function gradeAtLeast3(text: string): boolean {
  if (/[<≤]/.test(text)) return false;
  const level = /(\d|IV|I{1,3})\s*$/i.exec(text.trim())?.[1]?.toUpperCase();
  return level === '3' || level === '4' || level === '5' || level === 'III' || level === 'IV';
}

/** Earlier immunotherapy, named by kind or by target. */
const IMMUNOTHERAPY =
  /\b(?:immunotherap\w*|immunotherapeutic|immune[\s-]+checkpoint|checkpoint\s+(?:inhibitor|blockade)|CIT|ICIs?|CPIs?|anti-?\s*(?:PD-?(?:L)?-?[12]|CTLA-?\s*4)|PD-?L?1|CTLA-?4)\b/i;

/** Words that may surround the irAE without narrowing it: who had it, when, and on what. */
const IRAE_WORDS = vocab(
  'patients participants subjects who has have had having history of prior previous previously earlier any an a the ' +
    'experienced experience developed develop occurred occurrence suffered received receiving with from during following after on to ' +
    'attributed attributable due related associated caused by secondary immune mediated adverse event events reaction reactions effect effects ' +
    'side toxicity toxicities irae iraes ae aes autoimmune manifestation manifestations cancer immunotherapy immunotherapies immunotherapeutic ' +
    'checkpoint inhibitor inhibitors blockade ici icis cit cpi cpis therapy therapies treatment treatments agent agents drug drugs antibody ' +
    'antibodies anti pd l1 l2 pd1 pdl1 ctla ctla4 e g eg such as including or and',
);

/** The prior_severe_irae statement as history-judgement.ts reads it: where it reads the criterion, this reader stays out. */
const STATEMENT = JUDGEMENT_STATEMENTS.find((s) => s.topic === TOPIC)!;

function statementReads(input: ExtractInput, sentence: string): boolean {
  return (
    STATEMENT.gate.test(input.text) &&
    STATEMENT.anchor.test(sentence) &&
    !(STATEMENT.reject?.test(sentence) ?? false) &&
    (STATEMENT.applies?.(input, sentence) ?? true)
  );
}

/** The text with every bracketed aside blanked out (same length, so offsets hold). */
export function withoutAsides(text: string): string {
  let out = text;
  for (let i = 0; i < 3; i++) {
    const next = out.replace(/\([^()]*\)|\[[^[\]]*\]/g, (m) => ' '.repeat(m.length));
    if (next === out) break;
    out = next;
  }
  return out;
}

/**
 * The sentences of the text, a stop inside a bracketed aside not ending one: "(CTCAE Grade 4; CTCAE
 * Grade 3 requiring treatment >4 weeks)" defines the irAE before it.
 */
export function sentencesOutsideAsides(text: string): Span[] {
  const out: Span[] = [];
  for (const [a, b] of sentences(text)) {
    const prev = out[out.length - 1];
    if (prev && text[prev[1]] === ';' && unclosed(text.slice(prev[0], prev[1]))) prev[1] = b;
    else out.push([a, b]);
  }
  return out;
}

function unclosed(s: string): boolean {
  return (s.match(/[([]/g)?.length ?? 0) > (s.match(/[)\]]/g)?.length ?? 0);
}

/** The complement of `spans` inside [from, to), as spans holding some word. */
function gaps(text: string, from: number, to: number, spans: Span[]): Span[] {
  const out: Span[] = [];
  let at = from;
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    if (a > at && /\w/.test(text.slice(at, a))) out.push([at, a]);
    at = Math.max(at, b);
  }
  if (to > at && /\w/.test(text.slice(at, to))) out.push([at, to]);
  return out;
}

export function extractSevereIrae(input: ExtractInput): Finding[] {
  const exclusion = input.kind === 'exclusion';
  const { text } = input;
  if (!/immune|irAE|autoimmune/i.test(text) || !/grade|level|severe/i.test(text)) return [];
  const parts = sentencesOutsideAsides(text).filter(([a, b]) => /\w/.test(text.slice(a, b)));
  // One sentence: another sentence may be a requirement of its own that would join as an alternative.
  if (parts.length !== 1) return [];
  const [sStart, sentenceEnd] = parts[0]!;
  const whole = text.slice(sStart, sentenceEnd);
  if (statementReads(input, whole)) return [];
  // "… grade ≥3 irAEs (excluding …) or grade ≥2 immune-related myocarditis.": a last alternative of
  // a few words, naming another event and nothing that could narrow the irAE, is left to the
  // assembler; the irAE's reading ends before it.
  const alternative = LAST_ALTERNATIVE.exec(withoutAsides(whole));
  const sEnd =
    alternative && !ALTERNATIVE_NARROWS.test(alternative[0])
      ? sStart + alternative.index + alternative[0].search(/\bor\b/i)
      : sentenceEnd;
  const sentence = text.slice(sStart, sEnd);
  const name = new RegExp(IRAE_NAME, 'i').exec(sentence);
  if (!name) return [];
  // An immune-related adverse event is one of immunotherapy by definition, so the criterion need not
  // name it; "autoimmune manifestations" or "toxicity" may be of any cause unless immunotherapy is named.
  if (/^autoimmune/i.test(name[0]) && !IMMUNOTHERAPY.test(whole)) return [];
  const nameAt = name.index;
  const nameEnd = nameAt + name[0].length;
  // "Severe" before the irAE is grade 3 (NCI CTCAE v5.0), the topic's own threshold, when every grade
  // the sentence gives to define it is of 3 or more ("severe immune related adverse effects … (CTCAE
  // Grade 4; CTCAE Grade 3 requiring treatment >4 weeks)"): those grades narrow it and stay unread.
  const severe = /\bsevere\s+$/i.exec(sentence.slice(0, nameAt));
  const anyGrades = [...sentence.matchAll(ANY_GRADE)];
  let grade: { at: number; end: number; own: boolean };
  let severeRead = false;
  if (severe && anyGrades.every((g) => gradeAtLeast3(g[0]))) {
    grade = { at: severe.index, end: severe.index + 'severe'.length, own: true };
    severeRead = true;
  } else {
    // Every grade given is the topic's or a stricter one, and there is exactly one.
    const grades = [...sentence.matchAll(GRADE)];
    if (grades.length !== 1 || anyGrades.length > 1) return [];
    const g = grades[0]!;
    grade = { at: g.index!, end: g.index! + g[0].length, own: Boolean(g[1]) };
  }
  // The grade qualifies the irAE: next to its name, before or after it.
  const gradeAt = grade.at;
  const gradeEnd = grade.end;
  const between = gradeAt >= nameEnd ? sentence.slice(nameEnd, gradeAt) : sentence.slice(gradeEnd, nameAt);
  // A few words between ("Grade 3 or 4 major organ irAEs") narrow the irAE and stay unread.
  if (
    !/^\s*(?:\([^()]*\)\s*)?(?:(?:with\s+(?:a\s+)?(?:severity\s+)?|of\s+|at\s+)?)?$/i.test(between) &&
    !(
      gradeEnd <= nameAt &&
      /^\s*(?:[A-Za-z]+\s+){1,3}$/.test(between) &&
      !/\b(?:or|and|non|not|other|any)\b/i.test(between)
    ) &&
    !(gradeAt >= nameAt && gradeEnd <= nameEnd)
  )
    return [];
  // No alternative after the irAE, and none before it that the irAE does not close ("Prior therapy
  // with A or with B, and discontinued … due to a grade 3 irAE" joins its alternatives with "and").
  const plain = withoutAsides(sentence);
  const first = Math.min(nameAt, gradeAt);
  const last = Math.max(nameEnd, gradeEnd);
  if (/(?:\bor\b|\bnor\b|;)/i.test(plain.slice(last))) return [];
  const lead = plain.slice(0, first);
  const lastOr = lead.search(/\bor\b(?![\s\S]*\bor\b)/i);
  if (lastOr >= 0 && !/,\s*and\b/i.test(lead.slice(lastOr))) return [];
  // Other events or causes than irAEs on immunotherapy: adverse events of any cause, allergy, infusion reactions.
  if (
    /\b(?:TEAEs?|allerg\w*|hypersensitivity|infusion|any\s+grade|unresolved|not\s+(?:yet\s+)?(?:resolved|recovered))\b/i.test(
      sentence,
    )
  )
    return [];
  const at = sStart + first;
  // An exclusion states the irAE; an inclusion only denies it ("No prior Grade ≥3 irAE leading to
  // permanent discontinuation of prior anti-PD1/PD L1"), which the assembler negates: the patient
  // without any grade ≥ 3 irAE meets it, one with such an irAE is left to the unread narrowing.
  const negated = negatedAt(input, at);
  if (exclusion === negated) return [];

  // Read: the irAE's words, the grade when it is the topic's own, and the plain words around them.
  const read: Span[] = vocabSpans(input, sStart, sEnd, IRAE_WORDS);
  const nameSpan: Span = [sStart + nameAt, sStart + nameEnd];
  read.push(nameSpan);
  // The immunotherapies named ("anti-PD-1, anti-PD-L1, or anti-CTLA-4") say on what the irAE came.
  for (const m of input.mentions)
    if (
      (m.type === 'drug' || m.type === 'drugClass') &&
      m.start >= sStart &&
      m.end <= sEnd &&
      IMMUNOTHERAPY.test(text.slice(m.start, m.end))
    )
      read.push([m.start, m.end]);
  if (grade.own) read.push([sStart + gradeAt, sStart + gradeEnd]);
  // A stricter grade's words stay unread, even those the vocabulary holds.
  const strict: Span | null = grade.own ? null : [sStart + gradeAt, sStart + gradeEnd];
  // The grades defining "severe" stay whole in the narrowing too.
  const defining: Span[] = severeRead ? anyGrades.map((g): Span => [sStart + g.index!, sStart + g.index! + g[0].length]) : [];
  const unreadGrades = [...(strict ? [strict] : []), ...defining];
  const covered = unreadGrades.length ? read.flatMap((span) => subtract(span, unreadGrades)) : read;
  // The negation's own words ("No prior …") are read by the scope, not left in the narrowing.
  const triggers = input.scopes.scopes
    .filter((sc) => sc.kind === 'negated' && sc.trigger[0] >= sStart && sc.trigger[1] <= sEnd)
    .map((sc) => sc.trigger);
  const narrowing = gaps(text, sStart, sEnd, [...covered, ...triggers]).filter(
    ([a, b]) => /[A-Za-z0-9]/.test(text.slice(a, b)) && !/^[\s\W]*(?:s)?[\s\W]*$/.test(text.slice(a, b)),
  );
  const leaf: Condition = { fact: 'attestation', operator: 'equal', value: true, params: { topic: TOPIC } };
  const note = narrowing
    .map(([a, b]) => text.slice(a, b).replace(/^[\s,;:.]+|[\s,;:.]+$/g, ''))
    .filter(Boolean)
    .join(' … ');
  return [
    {
      category: 'prior_therapy',
      condition: note ? { all: [leaf, unreadWords(note)] } : leaf,
      spans: covered,
      ...(narrowing.length ? { cover: narrowing } : {}),
      anchor: at,
      // A denial in an inclusion is negated by the assembler's scope; an exclusion's reading is as stated.
      polarityHandled: exclusion,
    },
  ];
}
