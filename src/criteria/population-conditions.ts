/**
 * Requirements that bind only patients with a named finding: "Patients with BRAF V600 activating
 * mutation must have received prior therapy with a BRAF/MEK inhibitor", "For patients with
 * BRAF-mutant melanoma, …", and in an exclusion "Known MSI-H/dMMR tumors who have not previously
 * received immune checkpoint inhibitors", "Presence of B-RAF driver mutation without prior receipt
 * of BRAF +/- MEK inhibitors".
 *
 * The sentence is "if the patient has X, then C". An inclusion reads any(not X, C): a patient
 * without X meets it, one with X must meet C. An exclusion excludes patients with X who meet C:
 * all(X, C). Read as binding everyone (C alone) it would fail every patient without X who lacks C;
 * read as requiring X it would fail every patient without X.
 *
 * The readers already see such a sentence in halves: the biomarker reader scopes its finding to the
 * unread rest (any(not X, unread C)), the therapy reader reads C as one sufficient option beside the
 * unread population (any(T, unread sentence)). Neither can be exact alone. Here the two halves are
 * read again, each on its own with every reader (the population as stated, C as an inclusion's
 * requirement, which is what it is for the patients it binds), and put together:
 * - X must be read whole, and hold only what names a population: a biomarker (at least one: the
 *   readers' own biomarker finding must lie in the phrase), a cancer type, an extent. Negated the way
 *   the assembler negates an inclusion's "no X", so "not X" is exactly the patients outside it.
 * - C is read as an inclusion's requirement: what was read is necessary for C. In an inclusion C must
 *   be read whole. In an exclusion whatever the readers left unread in it stays beside it as an
 *   unknown, all(X, C read, unread), so a patient is excluded only where C was read whole, and
 *   cleared wherever X or C's read part fails.
 *
 * - In an inclusion, the biomarker reader must itself have taken its finding as a condition of the
 *   rest (it holds the rest as unread): "Patients with BRAF V600E melanoma must have stage IV disease"
 *   may state the trial's own population, and then X stays required as the readers have it.
 *
 * Only sentences that open with the population ("Patients with …", "For patients with …,", "If the
 * patient had …,", "Known …", "Presence of …"), not under a lead-in that offers alternatives ("one of
 * the following"), where an option bound to a population is another reading altogether, and not
 * before words that may let in patients the sentence would fail ("Patients who refuse … are
 * eligible", "unless …"). Cancer-type populations alone ("Patients with NSCLC must have received
 * platinum") are left to the readers: whether the cancer is the whole trial's is not known here.
 */
import type { Condition, LeafCondition } from './facts';
import { flatten, leavesOf } from './facts';
import type { Category, Finding } from './extract/extractor';
import { sentences } from './extract/history-util';
import type { CriterionKind } from './segment';

/** A finding placed in the criterion as the assembler places it (parse.ts). */
export type PlacedFinding = Finding & { start: number; end: number; scope: number };

/** What a piece of the criterion reads as on its own (parse.ts readCriterion, as an inclusion). */
export interface PartReading {
  condition: Condition | null;
  unread: string;
  /** The unread words not already placed in `condition` (parse.ts Reading.unreadApart). */
  unreadApart?: string;
  findingCategories: Category[];
}

export interface PopulationTools {
  /** Reads text[start, end) as an inclusion criterion of its own, with the criterion's context. */
  read: (start: number, end: number) => PartReading;
  /** The assembler's negation. */
  negate: (c: Condition) => Condition;
}

const SUBJECT = String.raw`(?:patients?|participants?|subjects?|those|individuals?|persons?|people|pts|cases)\s+(?:with|whose|harbou?ring|having|who\s+(?:have|has|harbou?rs?|carry|carries))`;
const DETERMINERS = String.raw`(?:(?:a|an|the|known|documented|confirmed|proven|tumou?rs?\s+(?:with|harbou?ring))\s+)*`;
/**
 * Where a sentence opens with its population: "Patients with …", or, ended by a comma (group 1),
 * "For patients with …,", "If the patient had …,", "If the tumor is …,", "If …,".
 */
const INCLUSION_HEAD = new RegExp(
  String.raw`^\W*(?:\d[\d.]*[a-z]?[.)]?\s+)?(?:(?:(for|in|among)\s+)?(?:all\s+)?${SUBJECT}\s+|(if)\s+(?:(?:the\s+)?(?:patients?|participants?|subjects?)\s+(?:with|had|has|have|harbou?rs?|carry|carries)\s+|(?:the\s+)?(?:(?:patient|participant|subject)(?:'s|s')?\s+)?(?:tumou?rs?|disease|cancer)\s+(?:is|was|are|were|has|had|harbou?rs?)\s+)?)${DETERMINERS}`,
  'i',
);
/** The same in an exclusion, or a population named bare: "Known MSI-H tumors who …", "Presence of B-RAF mutation without …". */
const EXCLUSION_HEAD = new RegExp(
  String.raw`^\W*(?:\d[\d.]*[a-z]?[.)]?\s+)?(?:${SUBJECT}\s+|(?:known|presence\s+of|documented|confirmed|(?:have|has)\s+(?:a|an)|tumou?rs?\s+(?:with|harbou?ring))\s+)${DETERMINERS}`,
  'i',
);
/**
 * The requirement after an inclusion's population: a modal ("must have received …", "need to have
 * …", "is required to …") or "are eligible if (they) …". Group 1, when present, is the frame's own
 * words, left out of what is read as the requirement.
 */
const INCLUSION_FRAME =
  /\b(?:(?:must|should|shall)\b|(?:will\s+)?need(?:s)?\s+to\b|(?:are|is)\s+required\s+to\b|(?:have|has)\s+to\b|((?:are|is|will\s+be|may\s+be)\s+(?:only\s+)?(?:eligible|allowed|permitted|enrolled|included)\s+(?:only\s+)?(?:if|provided(?:\s+that)?)\s+(?:they\s+|the\s+(?:patient|participant|subject)\s+)?))/i;
/** After "For patients with X": the comma that ends the population. */
const FOR_FRAME = /,\s*/;
/** What an exclusion's population lacks or has had: "who have not (previously) received …", "without prior …". */
const EXCLUSION_FRAME = /,?\s*\b(?:(?:who|that)\s+(?:have|has|had|did|do|does)\s+(?:not|never)\b|without\s+(?:prior|previous|any\s+prior)\b|and\s+(?:have|has)\s+not\b)/i;
/** Lead-ins and texts that offer alternatives: each item is a sufficient option, not "if X then C". */
const ONE_OF = /\b(?:one|any|either|at\s+least\s+one)\s+of\s+(?:the\s+)?following\b/i;
/** Words that would make the population something other than the patients with its findings. */
const NOT_A_POPULATION = /\b(?:not|no|without|unknown|negative|wild[\s-]?type|or\s+without|if|unless|except|who|which|that|after|progress\w*|treated|received)\b|[:;]/i;

/** The words that open a list of examples without closing it: "including, but not limited to". */
const NOT_LIMITED_TO = /\bbut\s+not\s+limited\s+to\b/gi;

/**
 * Words after the sentence that may widen what it requires ("Patients who refuse … are eligible",
 * "…, unless …"): the sentence alone would then fail patients they let in.
 */
const LATER_RELIEF = /\b(?:eligible|allowed|permitted|acceptable|may|can|unless|except|exception|however|regardless|waived|instead|alternatively)\b|^\W*or\b/i;

const MAX_POPULATION = 160;
/** Sentences read this way per criterion: each costs two readings of its parts. */
const MAX_READS = 6;
const MAX_SENTENCE = 600;

const unreadLeaf = (text: string): LeafCondition => ({ fact: 'unparsed', operator: 'equal', value: true, params: { text } });

const POPULATION_CATEGORIES = new Set<Category>(['biomarker', 'cancer_type', 'stage']);

interface Frame {
  /** The population phrase, [start, end). */
  pop: [number, number];
  /** The requirement's text, [start, end). */
  req: [number, number];
}

function frameOf(text: string, kind: CriterionKind, s: number, e: number): Frame | null {
  const sentence = text.slice(s, e);
  const head = (kind === 'inclusion' ? INCLUSION_HEAD : EXCLUSION_HEAD).exec(sentence);
  if (!head) return null;
  const popStart = s + head[0].length;
  const after = text.slice(popStart, Math.min(e, popStart + MAX_POPULATION + 40));
  let frame: RegExpExecArray | null;
  if (kind === 'exclusion') frame = EXCLUSION_FRAME.exec(after);
  else if (head[1] || head[2]) frame = FOR_FRAME.exec(after);
  else frame = INCLUSION_FRAME.exec(after);
  if (!frame || frame.index === 0 || frame.index > MAX_POPULATION) return null;
  // "For patients with EGFR, ALK or ROS1 alterations, …": a comma inside the population's own list.
  if ((head[1] || head[2]) && kind === 'inclusion' && /^\s*(?:and|or|nor)\b/i.test(after.slice(frame.index + frame[0].length))) return null;
  const popEnd = popStart + frame.index;
  // The frame's own words ("are eligible if they") are not the requirement; a modal or a negation is.
  const reqStart = kind === 'inclusion' && (head[1] || head[2] || frame[1]) ? popEnd + frame[0].length : popEnd + (frame[0].length - frame[0].replace(/^,?\s*/, '').length);
  if (e - reqStart < 8) return null;
  return { pop: [popStart, popEnd], req: [reqStart, e] };
}

/**
 * A test result that labels the criterion it opens, before a colon: "BRAF wild type: progressed after
 * receiving PD-1 containing therapy", "HER2-positive: prior trastuzumab". What follows the colon binds
 * the patients with that result, as "Patients with … must" does; the biomarker reader reads the label
 * the same way (biomarkers.ts scopeOf, any(not X, unread rest)). Only in an inclusion, only where the
 * label opens the criterion, and never a label naming a cohort, part, arm or phase (a subgroup,
 * which parse.ts binds on its own), a note, or the tumours of a cohort ("Tumors with AKT3 mutation:",
 * whose next sentences may require the result of everyone in it): the result alone.
 */
const RESULT_LABEL_RE = /^\W*([^:.;()]{2,40}?)\s*:\s*/;
const NOT_A_RESULT_LABEL =
  /\b(?:cohorts?|parts?|arms?|groups?|phases?|stages?|modules?|steps?|notes?|patients?|participants?|subjects?|tumou?rs?|cancers?|malignan\w*|diseases?|with|for|all|only|criteri(?:on|a)|inclusion|exclusion|definition)\b/i;

function labelFrameOf(text: string, kind: CriterionKind, s: number, e: number): Frame | null {
  if (kind !== 'inclusion' || text.slice(0, s).trim()) return null;
  const label = RESULT_LABEL_RE.exec(text.slice(s, e));
  if (!label || NOT_A_RESULT_LABEL.test(label[1]!)) return null;
  const popStart = s + label[0].indexOf(label[1]!);
  const popEnd = popStart + label[1]!.length;
  const reqStart = s + label[0].length;
  if (e - reqStart < 8) return null;
  return { pop: [popStart, popEnd], req: [reqStart, e] };
}
/** A result label's own polarity words name the result, not a population left out ("BRAF wild type:"). */
const LABEL_POLARITY = /\b(?:wild[\s-]?type|negative)\b/gi;

/**
 * An exception that closes an inclusion's requirement: "Patients with BRAF mutation should have been
 * treated with one prior line of BRAF-directed therapy …, unless deemed not clinically indicated at
 * Investigator's discretion …", "For patients with BRAF V600 mutations, treatment with BRAF and MEK
 * inhibitors … is required, unless patients are intolerant of BRAF targeted therapy". The exception
 * lets in patients of the population who lack the requirement, which no fact says: it stays an unread
 * alternative beside it, any(not X, C, unread exception), as the therapy reader keeps "X, unless …"
 * (any(X, unread)). Only an "unless" outside brackets, after the requirement's own words.
 */
const UNLESS_RE = /,?\s*\bunless\b/gi;
function reliefAt(text: string, a: number, b: number): number | null {
  const sub = text.slice(a, b);
  UNLESS_RE.lastIndex = 0;
  for (let m = UNLESS_RE.exec(sub); m; m = UNLESS_RE.exec(sub)) {
    const before = sub.slice(0, m.index);
    const depth = (before.match(/[([]/g) ?? []).length - (before.match(/[)\]]/g) ?? []).length;
    if (depth === 0 && m.index >= 8 && b - (a + m.index + m[0].length) >= 4) return a + m.index;
  }
  return null;
}

/**
 * Whether the population's unread words, if any, are only members beside the ones read: "actionable
 * genomic abnormality including, but not limited to EGFR, ALK, …" reads any(EGFR …, ALK …, unread
 * "other actionable genomic abnormality"). Negated, the unread member is unknown, so "not X" holds
 * only where the record rules out the named members and is never decided by the unnamed ones: a
 * patient with a named member must meet the requirement, and no other is failed by it. An unread
 * word anywhere else may narrow or redirect the population, which then stays unread.
 */
function unreadOnlyAsOtherMembers(c: Condition): boolean {
  if ('fact' in c) return c.fact !== 'unparsed';
  if ('all' in c) return c.all.every(unreadOnlyAsOtherMembers);
  const members = c.any;
  const unread = members.filter((m) => 'fact' in m && m.fact === 'unparsed');
  const read = members.filter((m) => !('fact' in m && m.fact === 'unparsed'));
  if (!read.length || unread.length > 1) return false;
  if (unread.some((m) => !/^other\b/i.test(String((m as LeafCondition).params?.text ?? '')))) return false;
  return read.every(unreadOnlyAsOtherMembers);
}

/**
 * The population without the alternative a reader adds for the subgroup a heading names ("Cohort 2:"
 * over "Patients with EGFR … must …" reads the population as any(EGFR …, unread "Cohort 2")). The
 * assembler binds the whole criterion to that heading's subgroup (parse.ts), so within the sentence
 * the population is the finding alone; kept, the unread alternative would make "not X" unknown for
 * every patient.
 */
function withoutHeadingAlternative(c: Condition, context: readonly string[]): Condition {
  if (!('any' in c) || !context.length) return c;
  const norm = (t: string): string => t.replace(/[\s:;,.()–-]+/g, ' ').trim().toLowerCase();
  const heads = context.map(norm);
  const isHeading = (m: Condition): boolean =>
    'fact' in m && m.fact === 'unparsed' && m.value === true && ((t) => !!t && heads.some((h) => h === t || h.startsWith(`${t} `)))(norm(String((m.params as { text?: string } | undefined)?.text ?? '')));
  const rest = c.any.filter((m) => !isHeading(m));
  if (rest.length === c.any.length || !rest.length) return c;
  return rest.length === 1 ? rest[0]! : { any: rest };
}

/**
 * Whether the words the readers left over in an inclusion's requirement can only narrow it, so that
 * all(C read, unread words) is a condition the requirement implies ("must have received and progressed
 * on at least one line of prior FDA-approved targeted therapy" leaves "FDA-approved", which narrows the
 * lines counted): a few words, in a requirement that offers no alternative, exception, permission,
 * condition or negation anywhere (a reader may have taken such words into a leaf of its own). An
 * optional partner ("with or without Y") offers none.
 */
const WIDENING_WORDS =
  /\b(?:or|nor|either|unless|except\w*|if|when|where|eligible|allowed|permitted|accept\w*|may|can|could|refus\w*|declin\w*|intoleran\w*|ineligib\w*|unable|unwilling|not|no|never|without|alternatively|instead|regardless|waived|exempt\w*|contraindicat\w*|unsuitable|unfit|available|unavailable|applicable|indicated|appropriate)\b|[;:]/i;
function narrowingOnly(req: string, apart: string | undefined): boolean {
  if (!apart || WIDENING_WORDS.test(req.replace(/\bwith\s+or\s+without\b/gi, ' '))) return false;
  const words = apart.replace(/…/g, ' ').trim().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 3;
}

/**
 * The findings with each "if the patient has X, then C" sentence read as one finding (see above);
 * the findings the readers made of its halves give way to it. Unchanged where no sentence reads so.
 */
export function populationConditions(
  findings: PlacedFinding[],
  text: string,
  kind: CriterionKind,
  context: readonly string[],
  tools: PopulationTools,
  /** Sentences the assembler reads otherwise (a population an inclusion lets in). */
  skip: ReadonlyArray<[number, number]> = [],
): PlacedFinding[] {
  if (!findings.some((f) => f.category === 'biomarker')) return findings;
  if (ONE_OF.test(text) || context.some((c) => ONE_OF.test(c))) return findings;
  let out = findings;
  let reads = 0;
  for (const [s0, e] of sentences(text)) {
    if (reads >= MAX_READS) break;
    if (e - s0 > MAX_SENTENCE || skip.some(([a, b]) => a < e && s0 < b)) continue;
    if (LATER_RELIEF.test(text.slice(e + 1))) continue;
    const s = s0 + (text.slice(s0, e).length - text.slice(s0, e).trimStart().length);
    const labelled = frameOf(text, kind, s, e) ? null : labelFrameOf(text, kind, s, e);
    const frame = labelled ?? frameOf(text, kind, s, e);
    if (!frame) continue;
    const [ps, pe] = frame.pop;
    const popText = text.slice(ps, pe);
    // The readers' own biomarker finding names the population. In an inclusion, the biomarker reader
    // must have seen it as a condition of the rest (its finding holds the rest as unread): "Patients
    // with BRAF V600E melanoma must have stage IV disease" may be the trial's own population.
    const named = out.filter((f) => f.category === 'biomarker' && f.start >= ps && f.end <= pe);
    if (!named.length || (kind === 'inclusion' && !named.some((f) => leavesOf(f.condition).some((l) => l.fact === 'unparsed')))) continue;
    // Every finding of the sentence lies inside it: one reaching past it would lose its other part.
    if (out.some((f) => f.start < e && f.end > s && (f.start < s || f.end > e))) continue;
    // A population finding reaching into the requirement ("EGFR, ALK, or ROS1 alterations") was cut.
    const req0 = frame.req[0];
    if (out.some((f) => (f.category === 'biomarker' || f.category === 'cancer_type') && f.start < pe && f.end > Math.min(pe + 1, req0))) continue;
    // "including, but not limited to EGFR, ALK …" introduces members; its "not" negates nothing.
    if (NOT_A_POPULATION.test(popText.replace(/\([^()]*\)/g, ' ').replace(NOT_LIMITED_TO, ' ').replace(labelled ? LABEL_POLARITY : /$^/, ' '))) continue;
    reads++;
    const pop0 = tools.read(ps, pe);
    if (!pop0.condition || pop0.unread || !pop0.findingCategories.includes('biomarker')) continue;
    const pop = { ...pop0, condition: withoutHeadingAlternative(pop0.condition, context) };
    if (pop.findingCategories.some((c) => !POPULATION_CATEGORIES.has(c))) continue;
    if (!unreadOnlyAsOtherMembers(pop.condition)) continue;
    // An exception closing an inclusion's requirement stays an unread way in beside it.
    const relief = kind === 'inclusion' ? reliefAt(text, frame.req[0], frame.req[1]) : null;
    const reqEnd = relief ?? frame.req[1];
    const req = tools.read(frame.req[0], reqEnd);
    if (!req.condition || !req.findingCategories.length) continue;
    const apart = req.unreadApart ?? req.unread;
    // An inclusion's requirement must be read whole, or leave over only words that narrow it ("prior
    // FDA-approved targeted therapy"): words that may offer another way in ("… or declined it", "…
    // unless …") or that the readers did not take at all leave the sentence as the readers have it.
    if (kind === 'inclusion' && req.unread && !narrowingOnly(text.slice(frame.req[0], reqEnd), apart)) continue;
    const required = apart ? flatten('all', [req.condition, unreadLeaf(apart)]) : req.condition;
    const exception = relief === null ? [] : [unreadLeaf(text.slice(relief, frame.req[1]).replace(/^[\s,]+/, '').replace(/[\s.;]+$/, ''))];
    const condition =
      kind === 'inclusion' ? flatten('any', [tools.negate(pop.condition), required, ...exception]) : flatten('all', [pop.condition, required]);
    const merged: PlacedFinding = {
      category: req.findingCategories[0]!,
      condition,
      spans: [[s, e]],
      alsoReads: [...new Set([...req.findingCategories.slice(1), ...pop.findingCategories])],
      start: s,
      end: e,
      scope: -1,
    };
    out = [...out.filter((f) => f.end <= s || f.start >= e), merged].sort((a, b) => a.start - b.start);
  }
  return out;
}
