/**
 * Criteria text → criteria with rules. Segments the text, runs every category extractor over each
 * criterion, applies negation scopes, joins the findings with the criterion's own connectives
 * ("and" binds tighter than "or") and measures how much of the text the findings account for.
 *
 * A criterion nothing could read keeps its text and gets status `unparsed`; one read in part gets
 * `partial`. Either way its rule carries an `unparsed` leaf for the unread part, which always
 * evaluates unknown: a partly read criterion can fail on what was read but never pass on a guess.
 */
import type { Condition, LeafCondition } from './facts';
import { flatten, isLeaf, leavesOf } from './facts';
import { EXTRACTORS } from './extract';
import type { Category, ExtractInput, Finding } from './extract/extractor';
import { foldGenericHeads, lexicons, type Lexicons, type Mention } from './lexicon';
import { findScopes } from './negation';
import { populationConditions } from './population-conditions';
import { prefilterFor } from './regex-prefilter';
import { segmentCriteria, type CriterionKind, type Segment } from './segment';
import { admittedGroupHeading, cancerCohortHeading, cancerLabel, groupLeadClause, groupLeadLabel, labelledParts, openingSubgroup, subgroupHeading, subgroupLabel, type LabelledPart, type SubgroupLabel } from './subgroups';
import { normalise, tokenize, type Token } from './text';

/** Bump when parser output changes; stored criteria with another version are reparsed. */
export const PARSER_VERSION = '1.31.0';

export type ParseStatus = 'parsed' | 'partial' | 'unparsed';

export interface ParsedCriterion {
  /** Stable within a trial: "i1", "i2"… for inclusion, "e1"… for exclusion, in text order. */
  id: string;
  kind: CriterionKind;
  /** Exact source text. */
  text: string;
  /** [start, end) into the trial's eligibilityCriteria. */
  span: [number, number];
  /** The main topic: the first one the rule reads, else the first one the text is about. */
  category: Category;
  /** Every topic the text is about (rules/topics) or the rule reads. */
  categories: Category[];
  /** The topics the rule actually reads (all of them when the criterion was read whole); coverage per category is measured on these. */
  categoriesRead: Category[];
  /** json-rules-engine condition: top level is always `all` or `any`. */
  rule: { all: Condition[] } | { any: Condition[] };
  status: ParseStatus;
  /** Share of the criterion's meaningful words the rule accounts for (0–1). */
  coverage: number;
  /** The words the parser could not read, when any. */
  unread?: string;
  context?: string[];
  parserVersion: string;
}

export function negate(c: Condition): Condition {
  if ('all' in c) return { any: c.all.map(negate) };
  if ('any' in c) return { all: c.any.map(negate) };
  const flip: Record<LeafCondition['operator'], LeafCondition['operator']> = {
    equal: 'notEqual',
    notEqual: 'equal',
    lessThan: 'greaterThanInclusive',
    greaterThanInclusive: 'lessThan',
    lessThanInclusive: 'greaterThan',
    greaterThan: 'lessThanInclusive',
    in: 'notIn',
    notIn: 'in',
  };
  if (typeof c.value === 'boolean' && (c.operator === 'equal' || c.operator === 'notEqual')) {
    return { ...c, operator: 'equal', value: c.operator === 'equal' ? !c.value : c.value };
  }
  return { ...c, operator: flip[c.operator] };
}

const OR_GAP = /\bor\b|\/|\beither\b|\bnor\b|\balternatively\b/i;
const AND_GAP = /\band\b|\bwith\b|\bwho\b|\bplus\b|\bbut\b|\bwhile\b|\bas well as\b/i;

type Gap = 'and' | 'or' | 'sep' | 'sentence' | 'bind';

/** A connective that starts a new group of people: ", patients with", "and participants who", "or those receiving". */
const SUBJECT_RESTART = /(?:,|\band\b|\bor\b)\s*(?:(?:any|all|other)\s+)?(?:patients?|participants?|subjects?|individuals?|persons?|those|women|men)\s+(?:with|who|whose|receiving|having|treated|on|undergoing|known)\b/i;
const EXAMPLE_GAP = /\b(?:such\s+as|e\.\s?g\.?|eg\b|for\s+(?:example|instance)|including|includes)/i;
/** A bracket of examples opened and not yet closed: "(such as A [SCID] and". */
const OPEN_EXAMPLES = /\(\s*(?:such\s+as|e\.\s?g\.?,?|eg\b|for\s+(?:example|instance),?|including)\b[^()]*(?:\[[^\]]*\][^()]*)*$/i;

/** A parenthesis wholly inside a gap is an aside ("measurable tumor (or shortest diameter for lymph nodes) and injectable lesions"): its "or" joins nothing outside it. */
const ASIDE = /\([^()]*\)/g;
/** The slash of a unit ("3.0 mg/dL), albumin"), which is no "or". */
const UNIT_SLASH = /[\w^µ.]*\/(?:dl|l|ml|min|m2|m²|mm3|mm²|ul|µl|kg|day|d|h|hr|hpf)\b/gi;
/**
 * Two predicates joined by "or" that govern the finding after the gap ("measurable disease after they
 * progressed or were resistant to 1 prior systemic therapy", "melanoma that relapsed or progressed on
 * anti-PD-1"): the "or" parts the predicates, not the findings on either side.
 */
const PREDICATE_OR =
  /\b[a-z]+(?:ed|ing|ent|ant)\s+(?:and\/)?or\s+(?:(?:were|was|are|is|be|been|became|become|have|has|had)\s+[a-z]+|[a-z]+\s+(?:to|on|after|with|from|following|despite))\s*$/i;
/** A count's "or" ("with one or more brain metastases", "2 or fewer"), which joins no findings. */
const COUNT_OR = /\b(?:\d+|one|two|three|four|five)\s+or\s+(?:more|fewer|less|greater)\b/gi;
/**
 * Two disease settings joined inside a gap ("for advanced or metastatic disease", "in the locally
 * advanced/metastatic setting"): both words are unread qualifiers of one setting, so their "or" joins
 * no findings. Left in, it split "progression after ≥1 prior line … for advanced or metastatic disease,
 * which included a platinum" into alternatives and let the platinum stand in for the progression.
 */
const SETTING_OR =
  /\b(?:locally\s+)?(?:advanced|metastatic|recurrent|unresectable|inoperable|relapsed|refractory|persistent)\s*,?\s*(?:\/|\bor\b|\band\/or\b)\s*(?:locally\s+)?(?:advanced|metastatic|recurrent|unresectable|inoperable|relapsed|refractory|persistent)\b/gi;
/** How a treatment was given ("in combination with other therapy or separately", "alone or in combination"): one treatment's modes, not two findings. */
const MODE_OR =
  /\b(?:(?:given\s+)?in\s+combination|combined|concurrently|alone|as\s+(?:a\s+)?(?:monotherapy|single[\s-]agent)|monotherapy|separately|sequentially)\b[^,;.()]{0,60}?\bor\s+(?:as\s+(?:a\s+)?)?(?:separately|sequentially|concurrently|alone|monotherapy|single[\s-]agents?|in\s+combination|combined|combination)\b/gi;

/**
 * Two ways a finding was established joined by "or" ("radiologically or clinically determined progressive
 * disease", "radiographic or clinical progression", "histologically or cytologically confirmed"): they
 * qualify the one finding after them, and their "or" joins no findings. Left in, it made "received at least
 * one systemic therapy and have radiologically or clinically determined progressive disease" a choice
 * between the therapy and the progression (gapType).
 */
const EVIDENCE_OR =
  /\b(?:radiologic(?:al)?(?:ly)?|radiographic(?:al)?(?:ly)?|clinical(?:ly)?|objective(?:ly)?|histologic(?:al)?(?:ly)?|cytologic(?:al)?(?:ly)?|patholog(?:ic|ical)(?:ly)?|biochemical(?:ly)?|symptomatic(?:ally)?)\s*(?:\/|\bor\b|\band\/or\b)\s*(?:radiologic(?:al)?(?:ly)?|radiographic(?:al)?(?:ly)?|clinical(?:ly)?|objective(?:ly)?|histologic(?:al)?(?:ly)?|cytologic(?:al)?(?:ly)?|patholog(?:ic|ical)(?:ly)?|biochemical(?:ly)?|symptomatic(?:ally)?)(?=\s+(?:(?:determined|documented|confirmed|proven|evident|assessed|defined)\s+)?\S*\s*$)/gi;

/**
 * Two modifiers joined by "or" and nothing else between a disease state and a cancer ("metastatic
 * mucosal or acral-type melanoma"): they narrow the cancer after them, and their "or" joins no
 * findings. Left in, it made "metastatic" an alternative to the melanoma, which stopped being
 * required. Only there: between other findings the words may be a head noun ("stage III disease or
 * pathological node positive").
 */
const MODIFIER_OR =
  /^\s*(?!(?:with|without|in|on|for|of|to|and|who|which|that|patients?|participants?|subjects?|those|any|other|prior|previous|no|not|either|after|before|by)\b)[a-z][\w-]*\s+or\s+(?!(?:with|without|in|on|for|of|to|and|who|which|that|patients?|participants?|subjects?|those|any|other|prior|previous|no|not|after|before|by)\b)[a-z][\w-]*\s*$/i;

function gapType(gap: string): Gap {
  if (/[.]\s/.test(gap) || /\n/.test(gap)) return 'sentence';
  let bare = gap;
  // Innermost first, so an aside with one of its own inside ("(No red blood cell (RBC) or whole blood
  // transfusion …)") goes whole.
  for (let prev = ''; prev !== bare; ) [prev, bare] = [bare, bare.replace(ASIDE, ' ')];
  bare = bare.replace(UNIT_SLASH, ' ').replace(COUNT_OR, ' ').replace(SETTING_OR, ' ').replace(MODE_OR, ' ').replace(PREDICATE_OR, ' ');
  // Only beside a conjunction of its own ("… and have radiologically or clinically determined …"): a gap
  // that is a label and its requirement ("HR+/HER2-low BC participants: Pathologically or cytologically
  // documented …") keeps its reading, which binds the requirement to the label's group.
  const evidence = bare.replace(EVIDENCE_OR, ' ');
  if (evidence !== bare && AND_GAP.test(evidence) && !OR_GAP.test(evidence)) return 'and';
  if (OR_GAP.test(bare)) return 'or';
  if (AND_GAP.test(bare)) return 'and';
  if (/[,;]/.test(bare)) return 'sep';
  // Nothing but spaces or a hyphen: the two findings are one phrase ("unresectable cholangiocarcinoma").
  if (/^[\s-]*$/.test(gap)) return 'bind';
  return 'and';
}

/**
 * The connective between each pair of neighbouring findings. In a list "A, B, or C" the commas take
 * the list's final conjunction. A bare separator or a sentence break with no conjunction reads as
 * "and" in an inclusion (requirements stated together) and as "or" in an exclusion (each item
 * excludes on its own: "HIV, hepatitis B; hepatitis C"); the caller says which.
 */
function connectives(gaps: string[], bare: 'and' | 'or'): Array<'and' | 'or'> {
  // In an exclusion, what follows "such as" / "including" is an instance of what precedes it, and
  // either one excludes: "immunodeficiency disorders (such as HIV/AIDS)".
  // In an exclusion, a semicolon ends one excluded item, whatever conjunction follows it: "…within
  // 4 weeks; and patients who received radiation therapy within 2 weeks" excludes either group.
  // So does a new subject ("…, patients receiving neo-adjuvant treatment and patients with stage IV
  // melanoma"): each group it names is excluded on its own. Not one in brackets ("CML in blast crisis
  // (i.e., patients with bcr-abl positive disease)"), which restates the group before it.
  // So does "as well as" ("untreated brain metastases, as well as leptomeningeal carcinomatosis"):
  // it adds another item to the list of what excludes.
  const types = gaps.map((g) =>
    bare === 'or' && (EXAMPLE_GAP.test(g) || g.includes(';') || /\bas\s+well\s+as\b/i.test(g) || (SUBJECT_RESTART.test(g) && !g.includes('('))) && gapType(g) !== 'sentence'
      ? 'or'
      : gapType(g),
  );
  const out: Array<'and' | 'or'> = [];
  for (let i = 0; i < types.length; i++) {
    const t = types[i]!;
    if (t === 'and' || t === 'or') {
      out.push(t);
      continue;
    }
    if (t === 'bind') {
      out.push('and');
      continue;
    }
    if (t === 'sep') {
      // The list's conjunction is the next one written between its items, past the phrases inside
      // an item ("pancreatic cancer, unresectable cholangiocarcinoma, or …").
      let j = i + 1;
      while (j < types.length && (types[j] === 'sep' || types[j] === 'bind')) j++;
      const closing = types[j];
      if (closing === 'and' || closing === 'or') {
        out.push(closing);
        continue;
      }
    }
    out.push(bare);
  }
  return out;
}

/** An "or" opening a clause of its own ("… or has used …", "… or who have not recovered …"), not one inside a noun phrase ("psychiatric or substance abuse disorder"). */
const OVERLAP_OR = /\bor\s+(?:(?:those|patients|participants|subjects)\s+(?=who\b))?(?:(?:who|that|which|currently|previously|recently)\s+)?(?:has|have|had|is|are|was|were|been|being|use[sd]?|using|receiv\w*|undergo\w*|underwent|participat\w*|requir\w*|need\w*)\b/i;

/** The same clause-opening "or", as the first word after a finding. */
const LEADING_OVERLAP_OR = new RegExp(`^[\\s,;]*${OVERLAP_OR.source.replace(/^\\b/, '')}`, 'i');

/** The cancer types a finding fixes the patient's cancer to: its own cancerType leaf, or the one leaf of a group ("stage IV melanoma"). */
function cancerTypesOf(c: Condition): string[] | null {
  if (isLeaf(c)) return c.fact === 'cancerType' && c.operator === 'equal' && c.value === true ? ((c.params as { codes?: string[] } | undefined)?.codes ?? null) : null;
  if ('any' in c) {
    const each = c.any.map(cancerTypesOf);
    return each.every((x) => x) ? [...new Set(each.flatMap((x) => x!))] : null;
  }
  const each = c.all.map(cancerTypesOf).filter((x) => x);
  return each.length === 1 ? each[0]! : null;
}

/**
 * Two findings that fix the cancer to unrelated types ("…; stage IV sarcoma; stage IV melanoma;
 * lymphoma, myeloma, or leukemia"): a patient's cancer is one of them, so "and" between them can only
 * be a list of alternatives whose "or" was written elsewhere or not at all. Types where one is a kind
 * of the other ("solid tumour … melanoma") narrow each other and stay joined.
 */
function exclusiveTypes(lex: Lexicons): (a: Condition, b: Condition) => boolean {
  const related = (x: string, y: string): boolean => x === y || !!lex.cancerAncestors.get(x)?.has(y) || !!lex.cancerAncestors.get(y)?.has(x);
  return (a, b) => {
    const ta = cancerTypesOf(a);
    const tb = cancerTypesOf(b);
    return !!ta?.length && !!tb?.length && !ta.some((x) => tb.some((y) => related(x, y)));
  };
}

/**
 * The gap between two findings, less the "with" clause right after the first that the first holds as
 * its own narrowing (in its cover): in "Visceral crisis with life-threatening complications, CNS
 * metastasis and/or carcinomatous meningitis" the clause is the crisis's unread qualifier, so its
 * "with" is no "and" joining the crisis to the metastases; the comma and the list's "and/or" do.
 */
function ownWithClauseBlanked(text: string, from: number, to: number, cover?: ReadonlyArray<readonly [number, number]>): string {
  const gap = text.slice(from, to);
  for (const [a, b] of cover ?? []) {
    if (a < from || b > to || b <= a || !/^[\s,]*$/.test(text.slice(from, a)) || !/^with\b/i.test(text.slice(a, b))) continue;
    return gap.slice(0, a - from) + ' '.repeat(b - a) + gap.slice(b - from);
  }
  return gap;
}

/** Which findings each alternative of the sequence joins with "and" ("and" binds tighter than "or"). */
function conjunctions(
  findings: ReadonlyArray<{ condition: Condition; start: number; end: number; cover?: ReadonlyArray<readonly [number, number]> }>,
  text: string,
  bare: 'and' | 'or',
  eachExcluded = false,
  exclusive?: (a: Condition, b: Condition) => boolean,
): number[][] {
  // "and" binds tighter than "or": split the sequence at each "or" into conjunctive groups.
  // Two findings that overlap ("is participating or has participated in a study of an investigational
  // agent or has used an investigational device within 2 weeks": the trial reading and the therapy
  // reading share "investigational agent") have no gap; in an exclusion an "or" between their starts
  // still parts them, where "and" would let a patient with only one of them in.
  const gaps = findings.slice(1).map((f, i) => {
    const prev = findings[i]!;
    if (f.start < prev.end && f.start > prev.start) {
      // The clause may open with the finding's own first word ("Participation in another clinical study
      // or |use of another investigational agent within 30 days").
      const lead = text.slice(prev.start, f.start);
      if (bare === 'or' && (OVERLAP_OR.test(lead) || (/\bor\s+$/i.test(lead) && LEADING_OVERLAP_OR.test(` or ${text.slice(f.start, f.end)}`)))) return ' or ';
      // A statement whose words reach back over the other's ("Received prior radiotherapy within 2
      // weeks of start of study intervention or has ongoing radiation related toxicities": the
      // toxicity statement takes "weeks of start …") is still the clause its "or" opens right after
      // the other ends.
      if (f.end > prev.end && LEADING_OVERLAP_OR.test(text.slice(prev.end, f.end))) return ' or ';
    }
    // A reading whose span opens with the connective ("Lactating women| or WOCBP who are neither
    // sterilized nor …") leaves no gap; the "or" is still the one between the two.
    if (f.start === prev.end && /^\s*,?\s*(?:or|and\/or)\s/i.test(text.slice(f.start, f.start + 10))) return ' or ';
    const gap = ownWithClauseBlanked(text, prev.end, f.start, prev.cover);
    if (MODIFIER_OR.test(gap) && leavesOf(prev.condition).every((l) => l.fact === 'diseaseExtent') && leavesOf(f.condition).every((l) => l.fact === 'cancerType')) return gap.replace(/\bor\b/i, '  ');
    return gap;
  });
  // "A, B and C will be excluded" excludes each of them.
  // Findings of one noun phrase ("Stage IV breast cancer") stay together; overlapping ones come from
  // a reader that took the whole list.
  // Members of a bracketed list of examples in an exclusion ("primary immunodeficiency (such as
  // severe combined immunodeficiency disease [SCID] and acquired immunodeficiency syndrome [AIDS])")
  // each exclude, whatever joins them; the bracket may open inside the first member's reading, but
  // not inside a reading that overlaps the next (the head the examples illustrate).
  const joins = connectives(gaps, bare).map((j, i) =>
    (eachExcluded && /,|\band\b/i.test(findings[i]!.end > findings[i + 1]!.start ? text.slice(findings[i]!.start, findings[i + 1]!.start) : gaps[i]!)) ||
    (bare === 'or' && j === 'and' && findings[i]!.end <= findings[i + 1]!.start && OPEN_EXAMPLES.test(text.slice(findings[i]!.start, findings[i + 1]!.start)))
      ? 'or'
      : j,
  );
  // "Age ≥ 18 and either ECOG 0-1 or KPS ≥ 70", "breast cancer who has either: (1) … or (2) …":
  // "either" opens the alternatives after it, and what comes before it holds for each of them. Read
  // as an "or" of its own, the requirement before it became one more alternative.
  const either = gaps.findIndex((g) => /\beither\b/i.test(g) && !/\bor\b|\/|\bnor\b/i.test(g));
  // Not after a finding that is itself a hedge, an alternative with unread words ("For the TNBC
  // Cohort, participants must have either …": the cohort's guard, any(not TNBC, unread)): it binds
  // nothing the alternatives must share, and joined to them it would require the rest of everyone.
  const hedge = (c: Condition): boolean => 'any' in c && c.any.some((x) => isLeaf(x) && x.fact === 'unparsed');
  const opensAlternatives = either >= 0 && joins.slice(0, either).every((j) => j === 'and') && !findings.slice(0, either + 1).some((f) => hedge(f.condition));
  // The alternatives may be separate findings after it, or one finding that holds them all.
  const prefix = opensAlternatives && joins.slice(either + 1).includes('or') ? either + 1 : 0;
  if (opensAlternatives) joins[either] = 'and';
  const members: number[][] = [[0]];
  for (let i = 1; i < findings.length; i++) {
    if (joins[i - 1] === 'or' || (exclusive && exclusive(findings[i - 1]!.condition, findings[i]!.condition)))
      members.push(i >= prefix ? [...Array(prefix).keys(), i] : [i]);
    else members[members.length - 1]!.push(i);
  }
  return members;
}

/** The first `n` indices, when every group opens with them: the part said once before "either". */
function sharedPrefix(groups: number[][]): number {
  if (groups.length < 2) return 0;
  let n = 0;
  while (groups.every((g) => g.length > n + 1 && g[n] === n)) n++;
  return n;
}

function combine(
  findings: Array<{ condition: Condition; start: number; end: number }>,
  text: string,
  bare: 'and' | 'or',
  keptTwice = false,
  eachExcluded = false,
  exclusive?: (a: Condition, b: Condition) => boolean,
): Condition {
  const members = conjunctions(findings, text, bare, eachExcluded, exclusive);
  // What holds for every alternative is said once: all(shared, any(rest of each)).
  const shared = sharedPrefix(members);
  if (shared && !keptTwice) {
    const rest = members.map((g) => flatten('all', withoutContradictions(g.slice(shared).map((i) => findings[i]!), text)));
    return flatten('all', [...members[0]!.slice(0, shared).map((i) => findings[i]!.condition), flatten('any', rest)]);
  }
  const groups = members.map((g) => withoutContradictions(g.map((i) => findings[i]!), text));
  // A finding kept twice (see pairedAlternatives) is said once within one alternative, and an
  // alternative said twice is one alternative.
  if (!keptTwice) {
    const conj = groups.map((g) => flatten('all', g));
    return conj.length === 1 ? conj[0]! : flatten('any', conj);
  }
  const conj = uniqueConditions(groups.map((g) => flatten('all', uniqueConditions(g))));
  return conj.length === 1 ? conj[0]! : flatten('any', conj);
}

/** The values a numeric leaf allows, as [low, high] (open ends strict by a hair). */
function numericRange(l: LeafCondition): [number, number] | null {
  if (typeof l.value !== 'number') return null;
  const v = l.value;
  switch (l.operator) {
    case 'greaterThanInclusive':
      return [v, Infinity];
    case 'greaterThan':
      return [v + 1e-9, Infinity];
    case 'lessThanInclusive':
      return [-Infinity, v];
    case 'lessThan':
      return [-Infinity, v - 1e-9];
    case 'equal':
      return [v, v];
    default:
      return null;
  }
}

/** Can no patient satisfy both leaves: the same fact and params, asked true and false, or ranges that do not meet? */
function contradicts(a: Condition, b: Condition): boolean {
  if (!isLeaf(a) || !isLeaf(b) || a.fact !== b.fact || a.fact === 'unparsed' || JSON.stringify(a.params ?? {}) !== JSON.stringify(b.params ?? {})) return false;
  if (typeof a.value === 'boolean' && typeof b.value === 'boolean') return a.operator === 'equal' && b.operator === 'equal' && a.value !== b.value;
  if (a.operator === 'in' && b.operator === 'in' && Array.isArray(a.value) && Array.isArray(b.value)) return !a.value.some((x) => (b.value as unknown[]).includes(x));
  const ra = numericRange(a);
  const rb = numericRange(b);
  return !!ra && !!rb && (ra[0] > rb[1] || rb[0] > ra[1]);
}

/**
 * The conditions of one conjunction, where two findings that no patient could satisfy together
 * ("patients with PD-L1 < 1% will be treated with …, and patients with PD-L1 > 1% with …"; "not
 * routinely performed to confirm a diagnosis of cancer … presence of malignancy") are a misreading of
 * some word between them. Which one is wrong the parser cannot tell, so both become one unread leaf:
 * the criterion is unknown there, never failed for everyone.
 */
function withoutContradictions(group: Array<{ condition: Condition; start: number; end: number }>, text: string): Condition[] {
  const bad = new Set<number>();
  for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) if (contradicts(group[i]!.condition, group[j]!.condition)) bad.add(i).add(j);
  if (!bad.size) return group.map((f) => f.condition);
  const out: Condition[] = [];
  const words: string[] = [];
  group.forEach((f, i) => (bad.has(i) ? words.push(text.slice(f.start, f.end).trim()) : out.push(f.condition)));
  return [...out, unparsedLeaf([...new Set(words)].join(' … '))];
}

/** A sentence that permits a treatment: "Prior adjuvant or neoadjuvant therapy is permitted, provided …". */
const PERMITS_TREATMENT =
  /\b(?:therap(?:y|ies)|treatments?|chemo\w*|radio\w*|radiation|surgery|regimens?|agents?|drugs?)\b[^.;]{0,80}?\b(?:(?:is|are)\s+(?:also\s+)?(?:permitted|allowed|acceptable)|may\s+have\s+(?:received|had))\b|\b(?:may|can)\s+have\s+(?:received|had)\s+(?:prior\s+)?(?:[\w-]+\s+){0,3}?(?:therap(?:y|ies)|treatments?|chemo\w*|radio\w*|radiation|surgery|regimens?)\b/i;

/**
 * "Unresectable melanoma without prior systemic therapy. Prior adjuvant or neoadjuvant therapy is
 * permitted, provided it was completed …": where the permission is left unread, a treatment the rule
 * forbids may be one it lets in, so its absence is no longer demanded outright: any(not X, the
 * permission). A patient who had X is then unknown, for the coordinator, instead of failed.
 */
function permittedTreatment(rule: Condition, text: string, unread: ReadonlyArray<[number, number]>): Condition {
  const permits = unread
    .map(([a, b]) => {
      const from = Math.max(text.lastIndexOf('.', a) + 1, text.lastIndexOf(';', a) + 1, 0);
      const to = [text.indexOf('.', b), text.indexOf(';', b)].filter((x) => x >= 0);
      const sentence = text.slice(from, to.length ? Math.min(...to) : text.length);
      // A later sentence, not the one that forbids; and not a prohibition ("No concurrent investigational
      // therapies … are allowed", "… but chemotherapy is not allowed").
      return from > 0 && PERMITS_TREATMENT.test(sentence) && !/\b(?:no|not|nor|never|none|prohibited|excluded)\b/i.test(sentence) ? sentence.trim() : null;
    })
    .filter((x): x is string => !!x);
  if (!permits.length) return rule;
  const leaf = unparsedLeaf([...new Set(permits)].join(' … '));
  const open = (c: Condition): Condition =>
    isLeaf(c)
      ? c.fact === 'priorTherapy' && c.value === false
        ? { any: [c, leaf] }
        : c
      : 'all' in c
        ? { all: c.all.map(open) }
        : flatten('any', uniqueConditions(c.any.map(open).flatMap((x) => ('any' in x ? x.any : [x]))));
  return open(rule);
}

/** ", or other …" right after a finding, up to the clause's end or the next finding. */
const OPEN_TAIL = /[\s,)]*(?:or|and\/or)\s+((?:any\s+)?other\s+(?:[^.;:()]|\([^()]*\))+)/gi;

function openAlternatives(text: string, units: ReadonlyArray<{ start: number; end: number }>): Array<{ condition: Condition; start: number; end: number }> {
  const out: Array<{ condition: Condition; start: number; end: number }> = [];
  for (const u of units) {
    OPEN_TAIL.lastIndex = u.end;
    const m = OPEN_TAIL.exec(text);
    if (!m || m.index !== u.end) continue;
    const start = m.index + m[0].length - m[1]!.length;
    const end = start + m[1]!.trimEnd().length;
    // A tail holding a finding ("or other solid tumours", "or other stage IV gynecologic cancer") was read.
    if (units.some((o) => o.start < end && o.end > start)) continue;
    const words = text.slice(start, end);
    out.push({ condition: unparsedLeaf(words), start, end: start + words.length });
  }
  return out;
}

/** Does `whole` hold `part`'s condition inside its own (not as all of it), read from words `whole` accounts for? */
function holdsAsPart(whole: Finding, part: Finding): boolean {
  if (isLeaf(whole.condition)) return false;
  const within = [...whole.spans, ...(whole.cover ?? [])];
  if (!part.spans.every(([a, b]) => a === b || within.some(([s, e]) => a >= s && b <= e))) return false;
  const key = JSON.stringify(part.condition);
  const inside = (c: Condition): boolean => JSON.stringify(c) === key || ('all' in c ? c.all.some(inside) : 'any' in c ? c.any.some(inside) : false);
  return inside(whole.condition) && JSON.stringify(whole.condition) !== key;
}

function uniqueConditions(cs: Condition[]): Condition[] {
  if (cs.length < 2) return cs;
  const keys = cs.map((c) => JSON.stringify(c));
  return cs.filter((_, i) => keys.indexOf(keys[i]!) === i);
}

/** After the last finding of an exclusion: the list before it names groups each excluded on its own. */
const EACH_EXCLUDED_RE = /^[^.;]*\b(?:will\s+be|are|shall\s+be)\s+(?:excluded|ineligible|not\s+eligible)\b(?!\s+(?:if|when|unless)\b)/i;

function topLevel(c: Condition): ParsedCriterion['rule'] {
  if ('all' in c || 'any' in c) return c;
  return { all: [c] };
}

function unparsedLeaf(text: string): LeafCondition {
  return { fact: 'unparsed', operator: 'equal', value: true, params: { text } };
}

/** The unread subgroup a criterion is limited to (subgroups.ts). */
function subgroupLeaf(text: string): LeafCondition {
  return { fact: 'unparsed', operator: 'equal', value: true, params: { text, subgroup: true } };
}

type GatedPattern = { re: RegExp; gates: RegExp[] };
const gatedCache = new WeakMap<Lexicons, Array<{ category: Category; patterns: GatedPattern[] }>>();
/** The topic triggers, each behind the literal prefilters derived from it (see regex-prefilter.ts). */
function gatedPatterns(lex: Lexicons): Array<{ category: Category; patterns: GatedPattern[] }> {
  let out = gatedCache.get(lex);
  if (!out) {
    out = lex.categoryPatterns.map(({ category, patterns }) => ({ category, patterns: patterns.map((re) => ({ re, gates: prefilterFor(re) })) }));
    gatedCache.set(lex, out);
  }
  return out;
}

/** The topics whose triggers match; those in `known` are not tested (the caller has them already). */
function classify(text: string, lex: Lexicons, known: ReadonlySet<Category>): Category[] {
  const out: Category[] = [];
  for (const { category, patterns } of gatedPatterns(lex)) {
    if (known.has(category)) continue;
    if (patterns.some((p) => p.gates.every((g) => g.test(text)) && p.re.test(text))) out.push(category);
  }
  return out;
}

interface Reading {
  condition: Condition | null;
  categories: Category[];
  findingCategories: Category[];
  coverage: number;
  unread: string;
  /**
   * The unread words not already placed in `condition` as alternatives of their own (see
   * alternativeSentences); `unread` when absent. They are what the caller joins to the condition.
   */
  unreadApart?: string;
  /** Some unread words are among the items the criterion lets in (an exception list). */
  excepted?: boolean;
}

/** A generic treatment history after a denial: "without (any) prior treatment", "no previous systemic therapy". */
const DENIED_GENERIC_TREATMENT =
  /\b(?:no|without|never)\s+(?:any\s+)?(?:prior|previous|preceding)\s+(?:(?:systemic|anti-?cancer|anti-?tumou?r|cancer|oncologic(?:al)?)\s+)?(?:treatments?|therap(?:y|ies))\b/gi;

/** A number in words before a unit of time: "one month", "two weeks". */
const SPELLED_DURATION = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?=\s+(?:days?|weeks?|months?|years?)\b)/gi;
const fillerCache = new WeakMap<Lexicons, Set<string>>();
function fillerWords(lex: Lexicons): Set<string> {
  let set = fillerCache.get(lex);
  if (!set) {
    set = new Set(lex.filler.filler.flatMap((w) => tokenize(w).map((t) => t.norm)));
    fillerCache.set(lex, set);
  }
  return set;
}

/** A window in days, weeks, months or half-lives, or a count of them "prior to" something. */
const WINDOW_BEFORE_ANCHOR = /\b(?:within|in\s+the\s+(?:last|past)|≤|<=|<|less\s+than|at\s+least|for)\s+(?:the\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|ten|twelve|fourteen|twenty-?\w*|thirty)\b[^.;]{0,30}?\b(?:days?|weeks?|months?|years?|half[\s-]?li(?:fe|ves))\b/i;
/**
 * The trial's own start: "(prior to | before | of | from) (the) (start of | starting) first dose /
 * administration / infusion of <the study drug, or the drug's one-word name>", "starting study
 * treatment", "the study began", "study initiation", "pre-registration".
 */
const TRIAL_START =
  /\b(?:prior\s+to|before|of|from|since)\s+(?:the\s+)?(?:(?:start|starting|initiation|initiating|beginning)\s+(?:of\s+)?(?:the\s+)?)?(?:(?:first|initial)\s+(?:dose|administration|infusion)(?:\s+of\s+(?:the\s+)?(?:study\s+(?:drugs?|treatments?|therapy|intervention|medications?)|investigational\s+product|(?!(?:any|prior|previous|other|chemo\w*|radio\w*|immuno\w*|therapy|treatment)\b)[A-Za-z][\w-]*(?:\/[\w-]+)?))?|study\s+(?:drugs?|treatments?|therapy|intervention|medications?))\b|\bbefore\s+the\s+study\s+(?:began|begins|starts)\b|\bstudy\s+initiation\b|\bpre-registration\b/gi;

/** Now or before, said together: "current or prior", "past or present", "history of or active". */
const NOW_OR_BEFORE =
  /\b(?:(?:current(?:ly)?|active|ongoing|present)\s+(?:or|and\/or)\s+(?:prior|past|previous|former|history\s+of)|(?:prior|past|previous|former|history\s+of)\s+(?:or|and\/or)\s+(?:current(?:ly)?|active|ongoing|present))\b/gi;

/** Findings written right next to each other, with nothing but spaces or a hyphen between. */
const BOUND_GAP = /^[\s-]*$/;

/**
 * Are a and b (the same finding twice) each bound to a different finding written right before it
 * ("metastatic UM", "unresectable UM"), with an "or" between the two pairs? Then the assembler must see both copies, or the second pair
 * loses its half. Only the gaps between findings count, as in combine.
 */
function pairedAlternatives(
  a: { start: number; end: number },
  b: { start: number; end: number },
  key: string,
  placed: Array<{ key: string; start: number; end: number }>,
  text: string,
): boolean {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  const inner = placed.filter((q) => q.start >= first.end && q.end <= second.start).sort((x, y) => x.start - y.start);
  if (!inner.length) return false;
  const bound = (x: { start: number; end: number }): boolean =>
    placed.some((q) => q.key !== key && q.end <= x.start && BOUND_GAP.test(text.slice(q.end, x.start)));
  if (!bound(first) || !bound(second)) return false;
  let at = first.end;
  for (const q of [...inner, second]) {
    if (q.start >= at && OR_GAP.test(text.slice(at, q.start))) return true;
    at = Math.max(at, q.end);
  }
  return false;
}

type PlacedFinding = Finding & { start: number; end: number; scope: number };

/** Between two members of a list: a comma, "or", "and" (", and"), nothing else. */
const LIST_GAP = /^\s*,?\s*(?:(?:and\s*\/\s*or|and|or)\s+)?$/i;
/** A marker phrase naming tumours of any site: "MSI-Hi tumors", "dMMR solid tumours". */
const TUMOUR_NOUN_AFTER = /^[\s-]*(?:(?:solid|advanced|metastatic)\s+)?(?:tumou?rs?|cancers?|malignanc(?:y|ies)|neoplasms?)\b/i;

/** The list's cancerType leaf: the finding itself, or beside the unread words of the list ("MM"). */
function typeLeaf(c: Condition): LeafCondition | null {
  const leaf = (x: Condition): x is LeafCondition => isLeaf(x) && x.fact === 'cancerType' && x.operator === 'equal' && x.value === true;
  if (leaf(c)) return c;
  if (!('any' in c)) return null;
  const types = c.any.filter(leaf);
  return types.length === 1 && c.any.every((x) => x === types[0] || (isLeaf(x) && x.fact === 'unparsed')) ? types[0]! : null;
}
function cancerCodes(c: Condition): string[] | null {
  const codes = (typeLeaf(c)?.params as { codes?: unknown } | undefined)?.codes;
  return Array.isArray(codes) && codes.every((x) => typeof x === 'string') ? (codes as string[]) : null;
}
const cancerLeaf = (like: LeafCondition, codes: string[]): LeafCondition => ({ ...like, params: { ...like.params, codes } });
/** The finding's condition with its cancerType leaf replaced. */
function withTypeLeaf(c: Condition, by: Condition): Condition {
  const leaf = typeLeaf(c);
  return leaf === c ? by : 'any' in c ? { any: c.any.map((x) => (x === leaf ? by : x)) } : c;
}
/** A marker phrase that ends with its tumour noun: "MSI-Hi tumors". */
const TUMOUR_NOUN_END = /\b(?:tumou?rs?|cancers?|malignanc(?:y|ies)|neoplasms?)\s*$/i;

/**
 * A list of cancer types may hold members defined by a marker: "NSCLC, MM, TNBC or RCC" (TNBC is
 * breast cancer that is ER-, PR- and HER2-negative), "Melanoma, RCC, NSCLC, and MSI-Hi tumors",
 * "melanoma, renal cell carcinoma, MSI-high or mismatch repair-deficient colorectal cancer". The
 * marker belongs to its member, which is one alternative of the list; read as a requirement beside
 * the list it would ask every patient for it (a melanoma patient for MSI-high colorectal cancer).
 */
function typeListMembers(findings: PlacedFinding[], text: string, mentions: readonly Mention[], lex: Lexicons): PlacedFinding[] {
  if (!findings.some((f) => f.category === 'biomarker') || findings.filter((f) => cancerCodes(f.condition)).length === 0) return findings;
  const gone = new Set<PlacedFinding>();
  // A list that took in a member is still the list.
  const lists = new Set(findings.filter((f) => f.scope < 0 && cancerCodes(f.condition)));
  const took = new Set<PlacedFinding>();
  for (const b of findings) {
    if (b.category !== 'biomarker' || b.scope >= 0 || gone.has(b)) continue;
    // A member written inside the list, or as its last item: the marker is read from a cancer word
    // the list took in ("TNBC", "melanoma or TNBC"), or sits right before it ("triple-negative breast cancer").
    const ownWord = (m: Mention, codes: string[]): boolean =>
      m.type === 'cancer' && codes.includes(m.id) && ((m.start < b.end && m.end > b.start) || (m.start >= b.end && BOUND_GAP.test(text.slice(b.end, m.start))));
    const host = findings.find((f) => {
      if (f === b || gone.has(f) || f.scope >= 0) return false;
      const codes = cancerCodes(f.condition);
      if (!codes) return false;
      if (f.start <= b.start && b.end <= f.end) return true;
      // After the list, only a list of two types or more: a lone type written before it is the marker's own.
      return codes.length > 1 && f.end <= b.start && LIST_GAP.test(text.slice(f.end, b.start)) && mentions.some((m) => ownWord(m, codes) && m.end <= b.end + 40);
    });
    if (host) {
      const codes = cancerCodes(host.condition)!;
      const own = mentions.filter((m) => ownWord(m, codes));
      const member = [...new Set(own.map((m) => m.id))];
      // "solid tumors, mainly but not limited to CRC, TNBC, melanoma": the marker-defined type is one of
      // the examples the host took in as narrowing it, and like the others it asks nothing of the patient.
      const example =
        !member.length &&
        b.spans.every(([x, y]) => host.spans.some(([hs, he]) => x >= hs && y <= he)) &&
        mentions.some((m) => m.type === 'cancer' && m.start < b.end && m.end > b.start && codes.some((a) => lex.cancerAncestors.get(m.id)?.has(a)));
      if (example) {
        host.spans.push(...b.spans);
        gone.add(b);
        took.add(host);
        continue;
      }
      if (member.length !== 1) continue;
      // The type is also a plain member of the list unless every other mention of it is marker-defined
      // too ("triple-negative breast cancer (TNBC)").
      const markerWord = (m: Mention): boolean => own.includes(m) || findings.some((o) => o.category === 'biomarker' && o.spans.some(([x, y]) => m.start < y && m.end > x));
      const shared = mentions.some((m) => m.type === 'cancer' && m.id === member[0] && m.start >= host.start && m.end <= host.end && !markerWord(m));
      const rest = shared ? codes : codes.filter((c) => c !== member[0]);
      const leaf = typeLeaf(host.condition)!;
      const qualified: Condition = { all: [cancerLeaf(leaf, member), b.condition] };
      host.condition = withTypeLeaf(host.condition, rest.length ? { any: [cancerLeaf(leaf, rest), qualified] } : qualified);
      host.spans.push(...b.spans);
      gone.add(b);
      took.add(host);
      continue;
    }
    // A member after or before the list, joined to it as one more item.
    const before = findings.filter((f) => lists.has(f) && !gone.has(f) && f.end <= b.start).pop();
    const after = findings.find((f) => lists.has(f) && !gone.has(f) && f.start >= b.end);
    const bound = after && BOUND_GAP.test(text.slice(b.end, after.start)) ? after : undefined;
    const list = before && LIST_GAP.test(text.slice(before.end, b.start)) ? before : after && !bound && LIST_GAP.test(text.slice(b.end, after.start)) ? after : undefined;
    if (!list) continue;
    if (bound) {
      // "…, MSI-high or mismatch repair-deficient colorectal cancer": the marker and its cancer.
      list.condition = { any: [list.condition, { all: [b.condition, bound.condition] }] };
      list.spans.push(...b.spans, ...bound.spans);
      gone.add(b).add(bound);
      took.add(list);
    } else if (TUMOUR_NOUN_AFTER.test(text.slice(b.end)) || TUMOUR_NOUN_END.test(text.slice(b.start, b.end))) {
      list.condition = { any: [list.condition, b.condition] };
      list.spans.push(...b.spans);
      gone.add(b);
      took.add(list);
    }
  }
  if (!gone.size) return findings;
  const kept = findings.filter((f) => !gone.has(f));
  // A list that took in a member reads the marker's words too.
  for (const f of took) f.alsoReads = [...new Set([...(f.alsoReads ?? []), 'biomarker' as Category])];
  for (const f of kept) {
    f.start = Math.min(...f.spans.map((sp) => sp[0]));
    f.end = Math.max(...f.spans.map((sp) => sp[1]));
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * The longest criterion the extractors read. The longest of the 21,560 criteria in the recorded
 * corpus has 4,193 characters; some extractors are super-linear on one unbroken line, so a longer
 * "criterion" (run-on text, pasted tables, garbage) stays unread and goes to a coordinator whole.
 */
export const MAX_READ_CHARS = 10_000;

// The items under one lead-in share its text as context: its mentions are scanned once for them all.
let lastContext: { lex: Lexicons; text: string; mentions: ExtractInput['contextMentions'] } | null = null;
function contextMentionsOf(text: string, lex: Lexicons): ExtractInput['contextMentions'] {
  if (lastContext?.lex !== lex || lastContext.text !== text) lastContext = { lex, text, mentions: Object.freeze(lex.index.scan(text)) as ExtractInput['contextMentions'] };
  return lastContext.mentions;
}

// One coverage mask reused across criteria (zeroed per use): allocating a typed array per criterion
// cost more than the marking itself.
let coveredMask = new Uint8Array(4096);
function coveredBuffer(length: number): Uint8Array {
  if (coveredMask.length < length) coveredMask = new Uint8Array(Math.max(length, coveredMask.length * 2));
  const mask = coveredMask.subarray(0, length);
  mask.fill(0);
  return mask;
}

/**
 * A later sentence of an inclusion that lets in another population: "Participants with metastatic
 * CRPC without measurable disease are eligible", "Patients with locally advanced and inoperable
 * lesions are also eligible", "Patients with suspected Gilbert syndrome may be enrolled if …". Not
 * "Subjects who received adjuvant therapy are eligible if …", which says what the requirement before
 * it counts, and which the readers take with it.
 */
const ADMITS_SENTENCE =
  /^(?:all\s+)?(?:patients?|participants?|subjects?|those|individuals?|persons?|women|men)\s+(?:with|whose|having|in\s+whom)\b[^.;]{0,300}?\b(?:are|is|will\s+be|may\s+be|can\s+be|shall\s+be|would\s+be)\s+(?:(?:also|still|considered|deemed)\s+)*(?:eligible|allowed|permitted|included|enrolled|acceptable)\b/i;

/** The spans of an inclusion's later sentences that let in another population (ADMITS_SENTENCE). */
function admittedPopulations(text: string, kind: CriterionKind): Array<[number, number]> {
  if (kind !== 'inclusion') return [];
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(/[.;]\s+(?=[A-Z])/g)) {
    const start = m.index + m[0].length;
    if (!ADMITS_SENTENCE.test(text.slice(start, start + 400))) continue;
    const stop = /[.;](?=\s|$)/.exec(text.slice(start));
    out.push([start, stop ? start + stop.index + 1 : text.length]);
  }
  return out;
}

/**
 * A list's own numbering left at the start of an item after its bullet ("* 3.1.5 Age ≥18 years.",
 * "* 15A. No prior …", "* E 18. Prior …", "* 1\\. Life expectancy …", "* b. Platelets …", "* cc. Relapsed
 * …"), also glued to the item's first word ("4.Measurable disease", "e.Radiation therapy:"): it numbers
 * the item and says nothing. Only forms no requirement opens with: a bare number or a letter needs a
 * word after it (not "2.5 x ULN", "1.18 to 75 years"), and a lone letter a capital one (not "E. coli");
 * glued, a capitalised word of three letters or more (not "e.g.").
 */
const ITEM_NUMBER =
  /^\s*(?:(?:\d{1,2}(?:\.\d{1,2}){2,3}\.?|\d{1,2}[A-Za-z]\\?[.)]|\d{1,2}\\?[.)]|[EI]\s?\d{1,2}[.)])\s+(?=[A-Za-z(])|(?:[a-z]|([a-z])\1|ii|iii|iv|vi{1,3})\\?[.)]\s+(?=[A-Z])|(?:\d{1,2}|[a-z])\\?\.(?=[A-Z][a-z]{2}))/;

/** Reads one criterion's text (normalised) into a condition, with coverage. */
export function readCriterion(text: string, kind: CriterionKind, context: string[], lex: Lexicons = lexicons()): Reading {
  if (text.length > MAX_READ_CHARS) return { condition: null, categories: [], findingCategories: [], coverage: 0, unread: text };
  const number = ITEM_NUMBER.exec(text);
  if (number) text = text.slice(number[0].length);
  const tokens = tokenize(text);
  const mentions = foldGenericHeads(text, lex.index.scan(text, tokens));
  const scopes = findScopes(text, lex, tokens);
  const contextText = context.join('\n');
  const input: ExtractInput = {
    kind,
    text,
    tokens,
    mentions,
    scopes,
    context,
    contextMentions: contextText ? contextMentionsOf(contextText, lex) : [],
    lex,
  };
  let raw: Finding[] = [];
  for (const extract of EXTRACTORS) raw.push(...extract(input));
  // The items of a list the criterion lets in ("Patients with the following are permitted to enrol:",
  // "… except for:" over lines) are exceptions: a reader's finding anchored in one is not a
  // requirement of its own (readers that take the exceptions into their finding anchor it before).
  const letsIn = scopes.scopes.filter((sc) => sc.list);
  if (letsIn.length)
    raw = raw.filter((f) => {
      if (f.polarityHandled) return true;
      const at = f.anchor ?? Math.min(...f.spans.map((sp) => sp[0]));
      return !letsIn.some((sc) => at >= sc.start && at < sc.end);
    });
  // A later sentence letting in another population ("… . Patients with X are also eligible.") is an
  // alternative to the rest, never a requirement of its own: what a reader found in it would make
  // the others' requirement stricter (or contradict it: "Measurable disease per RECIST v1.1.
  // Participants with metastatic CRPC without measurable disease are eligible.").
  const admits = admittedPopulations(text, kind);
  // What a population let in is also said to have ("Patient must have melanoma originating from
  // cutaneous … sites. Patients with melanoma of unknown primary site are eligible."): the rest's
  // requirements it shares bind it too.
  const admittedKeys = new Set<string>();
  if (admits.length)
    raw = raw.filter((f) => {
      // A reader that read the permission as such keeps its reading.
      if (f.polarityHandled) return true;
      const at = f.anchor ?? Math.min(...f.spans.map((sp) => sp[0]));
      const inside = (x: number): boolean => admits.some(([a, b]) => x >= a && x < b);
      const own = (x: number): boolean => !scopes.in('negated', x) && !scopes.in('exception', x);
      if (!inside(at)) {
        // One finding read from both sentences ("melanoma … melanoma of unknown primary").
        if (f.spans.some(([a]) => inside(a) && own(a))) admittedKeys.add(JSON.stringify(f.condition));
        return true;
      }
      if (own(at)) admittedKeys.add(JSON.stringify(f.condition));
      return false;
    });
  if (raw.some((f) => f.fallback)) {
    const fine = raw.filter((f) => !f.fallback);
    const inRegion = (f: Finding, [a, b]: [number, number]): boolean => a < f.fallback![1] && b > f.fallback![0];
    raw = raw.filter((f) => !f.fallback || !fine.some((o) => o.spans.some((sp) => inRegion(f, sp)) || (o.cover ?? []).some((sp) => inRegion(f, sp))));
    // A fallback over one sentence gives way to a fallback over a wider region whose own words hold it
    // (a cumulative dose read over the whole line, its second sentence among them): the sentence is
    // read there already.
    const holds = (g: Finding, f: Finding): boolean =>
      g !== f && !!g.fallback && g.fallback[0] <= f.fallback![0] && g.fallback[1] >= f.fallback![1] && (g.fallback[1] - g.fallback[0] > f.fallback![1] - f.fallback![0]) && g.spans.some(([a, b]) => a <= f.fallback![0] && b >= f.fallback![1]);
    raw = raw.filter((f) => !f.fallback || !raw.some((g) => holds(g, f)));
  }

  // Findings in one negation scope are joined first and negated together, so "not pregnant or
  // breastfeeding" reads as neither (De Morgan), not as "not pregnant, or not breastfeeding".
  const negatedScopes = scopes.scopes.filter((sc) => sc.kind === 'negated');
  let findings: PlacedFinding[] = [];
  const seen = new Map<string, PlacedFinding>();
  let keptTwice = false;
  const placed = raw
    .filter((f) => f.spans.length > 0)
    .map((f) => {
      const anchor = f.anchor ?? f.spans[0]![0];
      const scope = f.polarityHandled ? -1 : negatedScopes.findIndex((sc) => anchor >= sc.start && anchor < sc.end);
      const key = `${scope}:${JSON.stringify(f.condition)}`;
      return {
        f,
        scope,
        key,
        start: Math.min(...f.spans.map((sp) => sp[0])),
        end: Math.max(...f.spans.map((sp) => sp[1])),
      };
    });
  // One reader's finding may hold another's as a part, read from the same words ("treated brain
  // metastases allowed if off steroids ≥ 14 days": the brain reading holds the steroid condition the
  // therapy reader took alone). Joined beside it, the part would be demanded of everyone (an active
  // metastasis without steroids no longer excluded): it is dropped.
  const subsumed = new Set(
    placed
      .filter(({ f, scope }) => placed.some(({ f: o, scope: os }) => o !== f && os === scope && holdsAsPart(o, f)))
      .map(({ f }) => f),
  );
  for (const { f, scope, key, start, end } of placed) {
    if (subsumed.has(f)) continue;
    const dup = seen.get(key);
    // The same finding twice is one finding, unless each copy is bound to its own modifier on
    // either side of an "or": "metastatic UM or unresectable UM" pairs each state with its own UM,
    // and joined into one the second state would lose its cancer.
    if (dup && !pairedAlternatives(dup, { start, end }, key, placed, text)) {
      dup.spans.push(...f.spans);
      if (f.cover) dup.cover = [...(dup.cover ?? []), ...f.cover];
      if (f.alsoReads) dup.alsoReads = [...new Set([...(dup.alsoReads ?? []), ...f.alsoReads])];
      continue;
    }
    if (dup) keptTwice = true;
    // Built field by field: findings from many extractors differ in shape, and spreading them was a
    // hot spot of the parse.
    const finding = { category: f.category, condition: f.condition, spans: [...f.spans], cover: f.cover, alsoReads: f.alsoReads, start, end, scope };
    seen.set(key, finding);
    findings.push(finding);
  }
  findings.sort((a, b) => a.start - b.start);
  findings = typeListMembers(findings, text, mentions, lex);
  // "Patients with BRAF V600 mutation must have received a BRAF inhibitor": the requirement binds only
  // the population the sentence names (population-conditions.ts).
  findings = populationConditions(findings, text, kind, context, { read: (a, b) => readCriterion(text.slice(a, b), 'inclusion', context, lex), negate }, admits);
  let units: Array<{ condition: Condition; start: number; end: number; from?: PlacedFinding[]; cover?: ReadonlyArray<readonly [number, number]> }> = [];
  for (let i = 0; i < findings.length; ) {
    const f = findings[i]!;
    let j = i + 1;
    if (f.scope >= 0) while (j < findings.length && findings[j]!.scope === f.scope) j++;
    const members = findings.slice(i, j);
    // Inside "no A, B, C" a bare list names things that must all be absent.
    const joined = members.length === 1 ? f.condition : combine(members, text, 'or', keptTwice);
    const cover = members[members.length - 1]!.cover;
    units.push({ condition: f.scope >= 0 ? negate(joined) : joined, start: f.start, end: members[members.length - 1]!.end, from: members, ...(cover ? { cover } : {}) });
    i = j;
  }
  // An open list in an inclusion ("for example, TMB-high, PD-L1 positive, or other disease states that
  // respond to PD-1 inhibitors"): what "or other …" names is unread, but it is one more alternative
  // beside the findings listed, not a requirement added to them.
  // A list one reader took whole (an `any`) takes the alternative inside it, so what the list is joined
  // to ("Solid tumour with, e.g., …") stays required.
  // (Not inside "no A, B or other C", where the alternatives are all denied.)
  const openTails = kind === 'inclusion' ? openAlternatives(text, units).filter((t) => !scopes.in('negated', t.start)) : [];
  for (const t of openTails) {
    const before = units.find((u) => u.end <= t.start && !units.some((o) => o.end <= t.start && o.end > u.end));
    if (before && 'any' in before.condition && before.condition.any.every((c) => isLeaf(c) && c.fact !== 'unparsed')) {
      before.condition = flatten('any', [before.condition, t.condition]);
      before.end = t.end;
    } else units.push(t);
  }
  units.sort((a, b) => a.start - b.start);
  const bare = kind === 'inclusion' ? 'and' : 'or';
  const eachExcluded = kind === 'exclusion' && units.length > 0 && EACH_EXCLUDED_RE.test(text.slice(Math.max(...units.map((u) => u.start))));
  const exclusive = kind === 'inclusion' ? exclusiveTypes(lex) : undefined;
  // Two findings joined with "and" that no patient could satisfy together ("patients with PD-L1 < 1%
  // will be treated with …, and patients with PD-L1 > 1% with …") misread some word between them, and
  // which one the parser cannot tell: both are dropped, so their words stay unread and the criterion is
  // unknown there instead of failed for everyone.
  const clashing = new Set<(typeof units)[number]>();
  for (const g of conjunctions(units, text, bare, eachExcluded, exclusive))
    for (let a = 0; a < g.length; a++)
      for (let b = a + 1; b < g.length; b++) if (contradicts(units[g[a]!]!.condition, units[g[b]!]!.condition)) clashing.add(units[g[a]!]!).add(units[g[b]!]!);
  if (clashing.size) {
    const gone = new Set([...clashing].flatMap((u) => u.from ?? []));
    units = units.filter((u) => !clashing.has(u));
    findings = findings.filter((f) => !gone.has(f));
  }

  // Coverage: meaningful tokens not inside any finding or negation trigger.
  const filler = fillerWords(lex);
  // Marked per character so the check stays linear however many findings a long text has.
  const covered = coveredBuffer(text.length + 1);
  for (const f of findings) {
    for (const [s, e] of f.spans) covered.fill(1, s, e);
    for (const [s, e] of f.cover ?? []) covered.fill(1, s, e);
  }
  for (const [s, e] of scopes.triggers) covered.fill(1, s, e);
  // The trial's own start a window counts from ("… within 28 days of first dose of tarlatamab", "…
  // prior to starting study treatment", "… before the study began") is no finding, and no other way
  // to be excluded: left unread, its drug's name stood in an exclusion as one more alternative and
  // made the criterion unknown for every patient. Only right after a window a finding read: a window
  // left unread ("Child-Pugh class A within 7 days of first dose") is shown whole.
  if (WINDOW_BEFORE_ANCHOR.test(text))
    for (const m of text.matchAll(TRIAL_START)) {
      // Back over spaces, commas and a bracketed aside ("… within 2 weeks (6 weeks for nitrosoureas)
      // prior to starting study treatment") to the window's last word.
      let k = m.index - 1;
      for (;;) {
        while (k > 0 && /[\s,]/.test(text.charAt(k))) k--;
        if (text.charAt(k) !== ')') break;
        const open = text.lastIndexOf('(', k);
        if (open <= 0) break;
        k = open - 1;
      }
      if (k >= 0 && covered[k]) covered.fill(1, m.index, m.index + m[0].length);
    }
  // "Current or prior use of …", "History of or active pneumonitis": now or before is ever, which a
  // finding with no time of its own already reads. Left unread, "current" stood as one more way to be
  // excluded.
  for (const m of text.matchAll(NOW_OR_BEFORE)) covered.fill(1, m.index, m.index + m[0].length);
  for (const t of openTails) covered.fill(1, t.start, t.end);
  // The populations let in are shown whole in the rule's alternative below.
  if (units.length) for (const [s, e] of admits) covered.fill(1, s, e);
  // A letter or roman numeral closed by a bracket ("who meet both of the following criteria: a) are
  // asymptomatic and b) have no requirement for steroids") numbers the items; it is no word to read.
  // It opens the text or an item: after a colon, a semicolon, a comma, "and" or "or", never after a
  // word it counts ("NYHA Class II-IV)"); and its bracket closes none opened before it ("(… Stage C or D)").
  const opened = (at: number): boolean => {
    let depth = 0;
    for (let i = Math.max(0, at - 300); i < at; i++) depth += text[i] === '(' ? 1 : text[i] === ')' && depth > 0 ? -1 : 0;
    return depth > 0;
  };
  const enumerator = (t: Token): boolean =>
    text.charAt(t.end) === ')' &&
    /^(?:[a-h]|i{1,3}|iv|vi{0,3}|ix|x)$/i.test(text.slice(t.start, t.end)) &&
    /(?:^|[:;,.]|\band|\bor)\s*(?:\(\s*)?$/i.test(text.slice(Math.max(0, t.start - 8), t.start)) &&
    !opened(text.charAt(t.start - 1) === '(' ? t.start - 1 : t.start);
  // A treatment history denied in generic words ("Stage IV melanoma without prior treatment") asks
  // something of the patient though each of its words is filler elsewhere ("prior", "treatment"):
  // where no finding read it, its words are shown unread, never counted as read.
  const denied = [...text.matchAll(DENIED_GENERIC_TREATMENT)]
    .map((m): [number, number] => [m.index, m.index + m[0].length])
    .filter(([, e]) => !covered[e - 1]);
  const inDenied = (t: Token): boolean => denied.some(([a, b]) => t.start >= a && t.end <= b);
  // A duration in words ("for at least one month") asks as much as one in digits ("1 month"), whose
  // number is no filler: its number word is shown unread where no finding read it, never dropped.
  const spelledNumbers = [...text.matchAll(SPELLED_DURATION)].map((m): number => m.index);
  const significant = tokens.filter((t) => (!filler.has(t.norm) || inDenied(t) || spelledNumbers.includes(t.start)) && !enumerator(t));
  const unreadTokens = significant.filter((t) => inDenied(t) || !covered[t.start] || !covered[t.end - 1]);
  const coverage = significant.length ? 1 - unreadTokens.length / significant.length : findings.length ? 1 : 0;
  // Unread words among the items a criterion lets in may exempt the patient the rest excludes.
  // So may an exception whose words are all that is left unread ("Prior treatment with the same class
  // of drug unless genetic profile demonstrates a mechanism of resistance …"): in an exclusion the rest
  // then excludes only with them. (Unread words outside it may be another way to be excluded.)
  const exceptions = scopes.scopes.filter((sc) => sc.kind === 'exception');
  const inException = (t: Token): boolean => exceptions.some((sc) => t.start >= sc.start && t.start < sc.end);
  const excepted =
    (letsIn.length > 0 && unreadTokens.some((t) => letsIn.some((sc) => t.start >= sc.start && t.start < sc.end))) ||
    (unreadTokens.length > 0 && unreadTokens.every(inException));
  // Join unread tokens back into phrases, taking the source words between them.
  const phraseSpans: Array<[number, number]> = [];
  let cur: [number, number] | null = null;
  for (const t of unreadTokens) {
    if (cur && t.start - cur[1] <= 12) cur[1] = t.end;
    else {
      if (cur) phraseSpans.push(cur);
      cur = [t.start, t.end];
    }
  }
  if (cur) phraseSpans.push(cur);
  const phrases = phraseSpans.map(([a, b]) => text.slice(a, b));
  const alternatives = kind === 'inclusion' && !admits.length ? alternativeSentences(units, phraseSpans, text, (pos) => scopes.in('negated', pos)) : [];

  // A topic a finding reads is among the categories whatever its triggers say, so they are not run
  // for it; unless another finding also reads that topic, which counts only where the triggers match.
  const found = new Set<Category>(findings.map((f) => f.category));
  for (const f of findings) for (const c of f.alsoReads ?? []) found.delete(c);
  const classified = classify(text, lex, found);
  // A finding also reading another topic's words marks that topic read only where the words are
  // there to read: it never adds a topic the text was not classified under.
  const readCats = new Set<Category>();
  for (const f of findings) {
    readCats.add(f.category);
    for (const c of f.alsoReads ?? []) if (classified.includes(c)) readCats.add(c);
  }
  const findingCategories = [...readCats];
  const categories = [...new Set([...findingCategories, ...classified])];
  const assembled = alternatives.length
    ? [
        ...units.filter((u) => !alternatives.some((a) => a.units.includes(u))),
        ...alternatives.map((a) => ({
          condition: flatten('any', [combine(a.units, text, 'and', keptTwice), ...a.leaves]),
          start: a.units[0]!.start,
          end: Math.max(...a.units.map((u) => u.end)),
        })),
      ].sort((a, b) => a.start - b.start)
    : units;
  const read = units.length
    ? sexScopedRequirement(
        combine(assembled, text, bare, keptTwice, eachExcluded, exclusive),
        kind,
      )
    : null;
  let condition = read && kind === 'inclusion' ? permittedTreatment(read, text, phraseSpans) : read;
  if (read && admits.length) {
    // Whether the patient is among a population let in is unread: the rest, or that population;
    // what both require stays required.
    const admitted = admits.map(([a, b]) => unparsedLeaf(text.slice(a, b)));
    // A cancer the population let in is a kind of ("melanoma of unknown primary site") is shared too.
    const admittedCancers = mentions.filter((m) => m.type === 'cancer' && admits.some(([a, b]) => m.start >= a && m.end <= b));
    const sharesCancer = (c: Condition): boolean =>
      isLeaf(c) &&
      c.fact === 'cancerType' &&
      c.value === true &&
      admittedCancers.some((m) => ((c.params as { codes?: string[] } | undefined)?.codes ?? []).some((code) => lex.cancerAncestors.get(m.id)?.has(code)));
    const shared = units.filter((u) => admittedKeys.has(JSON.stringify(u.condition)) || sharesCancer(u.condition));
    const rest = units.filter((u) => !shared.includes(u));
    if (!shared.length) condition = { any: [read, ...admitted] };
    else if (rest.length) condition = { all: [...shared.map((u) => u.condition), { any: [combine(rest, text, 'and', keptTwice), ...admitted] }] };
  }
  return {
    condition,
    categories,
    findingCategories,
    coverage: Math.round(coverage * 1000) / 1000,
    unread: phrases.join(' … '),
    ...(alternatives.length ? { unreadApart: phrases.filter((_, i) => !alternatives.some((a) => a.phraseStarts.includes(phraseSpans[i]![0]))).join(' … ') } : {}),
    ...(excepted ? { excepted } : {}),
  };
}

/**
 * An "or" that offers another route at the level of a clause: after an opening bracket ("(or the
 * legal age of adulthood …)"), or before a clause of its own ("…, or no standard therapy available",
 * "or who have no satisfactory alternative", "or for whom …"). One inside a phrase ("by CT or MRI",
 * "benign, malignant, or metastatic tumors", "progression on or after", "relapsed or refractory") joins
 * words of one finding's modifier or list; "or if" is a condition of another condition.
 */
const CLAUSE_OR =
  /\(\s*or\b|\bor\s+(?:who|whom|whose|which|that|those|for\s+(?:whom|which)|has|have|had|is|are|was|were|be|been|being|patients?|participants?|subjects?|individuals?|no|not|intoleran\w*|unable|ineligible|unwilling|refus\w*|declin\w*)\b/i;
/** A gap that is only an "or" (and words that open a noun phrase) between two items. */
const PHRASE_OR = /^\s*,?\s*\bor\b\s*(?:(?:of|with|a|an|the|by|having|known|proven|documented|confirmed)\s+)*$/i;
/** An alternative naming other people, not a clause about the same ones. */
const OTHER_PEOPLE = /^\s*(?:(?:all|any|other|the)\s+)?(?:patients?|participants?|subjects?|individuals?|persons?|those|women|men)\b/i;
/**
 * The "or" of a comparator or an open range ("greater than or equal to", "grade 2 or higher"), or of an
 * option that changes nothing ("with or without chemotherapy", "whether or not"): no alternative.
 */
const COMPARATOR_OR = /\bwith\s+or\s+without\b|\bwhether\s+or\s+not\b|\bor\s+not\b|\b(?:than|to)\s+or\s+(?:equal|greater|less|more)\b|\bor\s+(?:more|greater|higher|less|fewer|lower|above|below|older|younger|later|earlier|worse|better|equal|longer|shorter|over|under|beyond)\b/gi;

/**
 * Unread words offered as an alternative of what was read ("… relapsed/refractory after standard
 * therapy, or no standard therapy available", "Age ≥ 18 years (or the legal age of adulthood …)").
 * Joined to the whole reading with "and", an inclusion would require what the criterion offers as one
 * of two routes, and fail the patients who take the other. Within one sentence (or clause between ";"
 * and ":"), a clause-level "or" that parts words no reader took from the findings makes the sentence
 * any(what was read of it, the unread alternatives): it holds when all it read holds, and is otherwise
 * unknown, whether the alternative binds to its last finding or to all of them. (Placed among the
 * findings instead, a list's commas would take the alternative's "or", and "Women and men, ≥ 18 years
 * (or per national guidelines)" would admit anyone.) Its other sentences stay as they were.
 */
function alternativeSentences<U extends { condition: Condition; start: number; end: number }>(
  units: readonly U[],
  phrases: ReadonlyArray<[number, number]>,
  text: string,
  negatedAt: (pos: number) => boolean,
): Array<{ units: U[]; leaves: LeafCondition[]; phraseStarts: number[] }> {
  if (!units.length || !phrases.length) return [];
  const within = (a: number, b: number): boolean => units.some((u) => a < u.end && b > u.start);
  type Item = { start: number; end: number; unit?: U };
  const items: Item[] = [
    ...units.map((u) => ({ start: u.start, end: u.end, unit: u })),
    // A number after the "or" restates the value in another unit ("5 mmol/L or 8.0 g/dL").
    ...phrases.filter(([a, b]) => !within(a, b) && !/^[\d.]/.test(text.slice(a, b))).map(([a, b]) => ({ start: a, end: b })),
  ].sort((x, y) => x.start - y.start);
  const gapOf = (a: Item, b: Item): string => (b.start > a.end ? text.slice(a.end, b.start) : '');
  // A bare "or" between what was read and words no reader took ("MSI-high or Lynch syndrome",
  // "MSI-high or of proven CMMRD disposition") offers the unread words as another way in, as a
  // clause's "or" does. Not under a negation, where "or" lists what must all be absent.
  // Nor beside a reading of absence ("7 days since therapy with any biologic agent, targeted agent
  // or metronomic regimen" → none of them within 7 days), whose list's "or" is De Morgan's too.
  const absence = (u: U | undefined): boolean => !!u && leavesOf(u.condition).some((l) => l.value === false || l.operator === 'notIn');
  // Nor after the means of a measure ("measurable lesion by CT or MRI"), which names no other way in.
  const phraseOr = (a: Item, b: Item, gap: string): RegExpExecArray | null =>
    !a.unit === !b.unit ||
    negatedAt(a.end) ||
    negatedAt(b.start) ||
    absence(a.unit) ||
    absence(b.unit) ||
    /\b(?:by|using|via|on)\s+(?:[\w-]+\s+)?\(?[\w-]+\)?\s*$/i.test(text.slice(Math.max(0, a.end - 40), a.end))
      ? null
      : PHRASE_OR.exec(gap);
  const out: Array<{ units: U[]; leaves: LeafCondition[]; phraseStarts: number[] }> = [];
  let sentence: Item[] = [];
  const flush = (): void => {
    // The sentence's groups, parted at each clause-level "or", and where each group's "or" ends.
    const groups: Array<{ items: Item[]; from: number }> = [];
    sentence.forEach((it, i) => {
      // Blanked, not cut, so that positions in the gap stay those of the text.
      const gap = i ? gapOf(sentence[i - 1]!, it).replace(COMPARATOR_OR, (m) => ' '.repeat(m.length)) : '';
      const or = i ? CLAUSE_OR.exec(gap) ?? phraseOr(sentence[i - 1]!, it, gap) : null;
      if (!i || or) groups.push({ items: [], from: or ? sentence[i - 1]!.end + or.index + or[0].search(/\bor\b/i) + 2 : it.start });
      groups[groups.length - 1]!.items.push(it);
    });
    const unread = groups.filter((g) => g.items.every((it) => !it.unit));
    // An unread phrase running on past a sentence or clause break holds a requirement of its own.
    const runsOn = unread.some((g) => g.items.some((it) => /[.;:]\s|\n/.test(text.slice(it.start, it.end))));
    // An alternative that is a clause of the sentence's head ("solid tumour that is refractory to
    // standard therapy, or for which no standard therapy exists") leaves the head required: only the
    // findings after the relative word the head's clause opens with are its alternatives. One naming
    // other people ("…, or patients with …") is an alternative to the whole sentence.
    const first = unread.find((g) => groups.indexOf(g) > 0);
    let head = -1;
    if (first && !OTHER_PEOPLE.test(text.slice(first.from))) {
      const before = text.slice(sentence[0]!.start, first.from);
      for (const m of before.matchAll(/\b(?:that|which|who|whom|whose)\b/gi)) head = sentence[0]!.start + m.index;
    }
    const inAlternative = sentence.flatMap((it) => (it.unit && it.start > head ? [it.unit] : []));
    // A reader that already left the alternative open ("any(PT ≤ 1.5 × ULN, unread 'stable INR if on
    // anticoagulation')") has placed its words: they are not joined a second time.
    const open = inAlternative.some((u) => 'any' in u.condition && u.condition.any.some((k) => isLeaf(k) && k.fact === 'unparsed'));
    if (unread.length && unread.length < groups.length && !runsOn && inAlternative.length)
      out.push({
        units: inAlternative,
        // Each alternative shown from its "or" ("no standard therapy available"), not only the words
        // no reader took ("available").
        leaves: open ? [] : unread.map((g) => unparsedLeaf(text.slice(Math.min(g.from, g.items[0]!.start), g.items[g.items.length - 1]!.end).trim())),
        phraseStarts: unread.flatMap((g) => g.items.map((it) => it.start)),
      });
    sentence = [];
  };
  items.forEach((it, i) => {
    if (i) {
      const gap = gapOf(items[i - 1]!, it);
      if (gapType(gap) === 'sentence' || /[;:]/.test(gap)) flush();
    }
    sentence.push(it);
  });
  flush();
  return out;
}

const REPRODUCTIVE_FACTS = new Set(['pregnant', 'breastfeeding']);
const REPRODUCTIVE_TOPICS = new Set(['contraception', 'pregnancy_test']);

/**
 * In an inclusion criterion, a sex beside a reproductive requirement names who the requirement
 * binds, not who may enrol: "Females of childbearing potential must use contraception" is
 * "if female, then contraception", so a man passes it. all(sex = F, R…) becomes any(sex ≠ F, all(R…)).
 */
function sexScopedRequirement(c: Condition, kind: CriterionKind): Condition {
  if (kind !== 'inclusion' || !('all' in c)) return c;
  const sexLeaves = c.all.filter((k): k is LeafCondition => isLeaf(k) && k.fact === 'sex' && k.operator === 'equal');
  if (sexLeaves.length !== 1) return c;
  const rest = c.all.filter((k) => k !== sexLeaves[0]);
  const restLeaves = rest.filter(isLeaf);
  const reproductive = restLeaves.some(
    (k) => REPRODUCTIVE_FACTS.has(k.fact) || (k.fact === 'attestation' && REPRODUCTIVE_TOPICS.has(String((k.params as { topic?: string } | undefined)?.topic))),
  );
  if (!reproductive || restLeaves.some((k) => k.fact === 'age' || k.fact === 'cancerType')) return c;
  return { any: [{ ...sexLeaves[0]!, operator: 'notEqual' }, rest.length === 1 ? rest[0]! : { all: rest }] };
}

/** A clause that narrows the noun before it: "… requiring corticosteroids", "… that has required …", "Infection hampering the voice quality". */
const NARROWING_CLAUSE =
  /^(?:requir(?:ing|es?|ed)|needing|needs?|that|which|who|(?:hamper|preclud|interfer|prevent|compromis|impair|jeopardi[sz]|limit|affect)ing)\b/i;
/** A current treatment or need joined by "and" to what was read. */
const NARROWING_STATE = /^(?:(?:currently|now|still|actively)\s+)?(?:receiving|taking|using|on|requiring|needing|undergoing)\b/i;
/** Words that set an exception to what comes before: "… are excluded unless treated". */
const EXCEPTION_BEFORE = /\b(?:unless|except(?:\s+(?:for|if|when|where))?|excluding|other\s+than|apart\s+from|provided(?:\s+that)?)\s+(?:[\w-]+\s+){0,3}$/i;
/**
 * Right before the unread words, a study named with what it is for or about ("enrolled in another
 * study on MVPA", "an interventional supportive treatment trial to manage cancer symptoms"): the words
 * say which studies, so the reading of another trial excludes only with them.
 */
const STUDY_QUALIFIER_BEFORE = /\b(?:trials?|stud(?:y|ies)|protocols?)\s+(?:for|on|to|about|targeting|testing|investigating|evaluating)\s+(?:[\w-]+\s+){0,3}$/i;
/**
 * The unread words are one such clause, not an alternative after "or" ("… or been treated with a
 * device"), or the exception the exclusion makes ("… unless treated").
 */
function narrowingTail(text: string, unread: string): boolean {
  if (unread.includes(' … ')) return false;
  const at = text.indexOf(unread);
  if (at <= 0) return false;
  const before = text.slice(Math.max(0, at - 40), at);
  if (EXCEPTION_BEFORE.test(before)) return true;
  // "HIV positive and currently receiving antiretroviral therapy": a second state the same patients
  // must be in, not another group excluded on its own.
  if (/\band\s+$/i.test(before) && NARROWING_STATE.test(unread)) return true;
  if (STUDY_QUALIFIER_BEFORE.test(before)) return true;
  return NARROWING_CLAUSE.test(unread) && !AFTER_OR.test(before);
}
const AFTER_OR = /\b(?:or|and\/or|nor)\s+(?:[\w-]+\s+){0,2}$/i;

/**
 * The unread words are a participle negated right before them ("… or spinal cord compression not
 * definitively treated with surgery or radiation"): they say which of the findings exclude, and are
 * no other way to be excluded. The reader took the "not" as a cue; the unread leaf shows it again.
 */
function negatedParticiple(text: string, unread: string): boolean {
  if (unread.includes(' … ') || !PARTICIPLE.test(unread)) return false;
  const at = text.indexOf(unread);
  const before = at > 0 ? text.slice(Math.max(0, at - 60), at) : '';
  // Not in a clause an "or" opens ("… or from which the patient has not fully recovered", "… or who
  // have not completed adequate washout"): that is another way to be excluded. An "or" between the
  // nouns the participle follows ("… or spinal cord compression not …") opens none.
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('(')) + 1);
  return NEGATED_BEFORE.test(before) && !OR_CLAUSE.test(clause);
}
const OR_CLAUSE = /\b(?:or|nor|and\/or)\s+(?:[\w-]+\s+)?(?:who|whom|whose|which|that|has|have|had|is|are|was|were|does|do|did|patients?|participants?|subjects?|they|he|she)\b/i;
const NEGATED_BEFORE = /\bnot\s+(?:(?:yet|been|previously|already)\s+){0,2}$/i;
const PARTICIPLE = /^(?:[a-z]+ly\s+)?[a-z]{3,}ed\b/i;

/**
 * A time window among the unread words ("Hemoptysis in excess of 2.5 ml within 8 weeks of first dose",
 * "autoimmune disorder requiring treatment during the last 2 years") while the reading has none: the
 * window may bound what was read, and an exclusion read without it would exclude every patient who
 * ever had the finding. A reading with a window of its own keeps its sufficiency (the unread window
 * is then another member's: "nitrosoureas within 42 days, … or other chemotherapy within 28 days");
 * so does one whose unread window times a test ("pregnancy test performed within 14 days", "LVEF by
 * echocardiography within 28 days") or looks forward ("planning pregnancy within 6 months after the
 * last dose"), which bound nothing the patient has had, and an attestation ("Vaccinated with a live
 * vaccine within 28 days … or COVID-19 vaccination within 14 days"), which the care team answers with
 * the criterion's words in front of them.
 */
const UNREAD_WINDOW =
  /\bwithin\s+(?:the\s+)?(?:(?:last|past|previous|prior|preceding)\s+)?(?:\d|one|two|three|four|five|six|eight|twelve|a\s+year|year|month)|\b(?:during|in)\s+the\s+(?:last|past|previous|preceding)\b|\b(?:last|past|previous|preceding)\s+(?:\d|one|two|three|four|five|six|twelve|year|month)/i;
const TEST_BEFORE_WINDOW =
  /\b(?:performed|obtained|measured|assessed|done|conducted|collected|tests?|testing|scans?|scanning|acquisition|echocardiogra\w*|MUGA|ECG|EKG|imaging|MRI|biops(?:y|ies)|repeat)\b[^.;]{0,40}$/i;
const FORWARD_WINDOW = /^[^.;]{0,50}?\b(?:after|following|post)\s+(?:the\s+|their\s+)?(?:(?:last|final)\s+(?:dose|administration|treatment)|receiving|completion|completing|stopping|discontinu\w*)/i;
function unreadWindow(condition: Condition, text: string, unread: string): boolean {
  if (!UNREAD_WINDOW.test(unread)) return false;
  const windowed = leavesOf(condition).some((l) => {
    const p = l.params as { withinDays?: number; withinYears?: number } | undefined;
    return p?.withinDays !== undefined || p?.withinYears !== undefined;
  });
  // An attestation is answered by someone reading the criterion, window and all.
  if (windowed || leavesOf(condition).every((l) => l.fact === 'attestation' || l.fact === 'unparsed')) return false;
  return unread.split(' … ').some((frag) => {
    const m = UNREAD_WINDOW.exec(frag);
    if (!m) return false;
    const at = text.indexOf(frag);
    const w = at >= 0 ? at + m.index : -1;
    const before = w >= 0 ? text.slice(Math.max(0, w - 60), w) : frag.slice(0, m.index);
    const after = w >= 0 ? text.slice(w) : frag.slice(m.index);
    return !TEST_BEFORE_WINDOW.test(before) && !FORWARD_WINDOW.test(after);
  });
}

/**
 * The unread words open the criterion and say whom it is for: a label before a colon ("Phase 2: Active
 * brain metastases", "Cohort B: …") or a "For / In … ," clause ("For patients with liver metastases,
 * …"). The rest applies only to them.
 */
const SCOPE_LABEL = /^(?:(?:for|in|among)\s|(?:participants?|patients?|subjects?|those|women|men|cohorts?|parts?|arms?|phases?|groups?|strat(?:um|a)|modules?)\b)/i;
function leadingScope(text: string, unread: string): boolean {
  if (unread.includes(' … ')) return false;
  const at = text.indexOf(unread);
  if (at < 0 || /[\p{L}\p{N}]/u.test(text.slice(0, at))) return false;
  const after = text.slice(at + unread.length);
  // A label naming a condition ("Uncontrolled hypotension: SBP < 90 mmHg") defines it instead.
  if (/^\s*:/.test(after)) return SCOPE_LABEL.test(unread);
  return /^(?:for|in|among)\s/i.test(unread) && /^\s*,/.test(after);
}

/**
 * Unread words that open the criterion and run straight into what was read ("Partial bowel
 * obstruction", "Subungual melanoma", "Restrictive cardiomyopathy"): a modifier of the finding, which
 * it narrows. Not words set apart by a comma, colon or bracket, nor ones joined to what follows by a
 * connective ("Major trauma or major surgery"), which may name another finding; nor words that only
 * restate whom or what the criterion is about ("Women during pregnancy", "Current or prior history of
 * uveal melanoma", "Poor performance status ECOG 3 or more").
 */
const RESTATING_LEAD =
  /^(?:(?:women|woman|adults?|patients?|participants?|subjects?|persons?|people|individuals?|anyone|potential|trial|vulnerable|protected|incapacitated|simultaneous|continuance|current|currently|know|known|documented|personal|positive|presence|evidence|history|prior|previous|existing|ongoing|primary|poor|capacity|QTc|prolongation|failure|inability|unable|mean|resting|corrected|ECG|cancer|diagnosis|diagnosed)\s*)+$/i;
function leadingModifier(text: string, unread: string): boolean {
  if (unread.includes(' … ') || /\b(?:or|and|nor|with|without|except|unless)\b|[,;:()/]/i.test(unread) || unread.split(/\s+/).length > 4) return false;
  if (RESTATING_LEAD.test(unread.trim())) return false;
  const at = text.indexOf(unread);
  if (at < 0 || /[\p{L}\p{N}]/u.test(text.slice(0, at))) return false;
  const after = text.slice(at + unread.length);
  return /^\s+[\p{L}]/u.test(after) && !/^\s+(?:[\p{L}-]+\s+)?(?:or|and|nor|and\/or)\b/iu.test(after);
}

/**
 * A reading's condition joined with its unread words. Inclusion: what was read is necessary, the rest
 * unknown. Exclusion: what was read is sufficient, unless some words left are among the exceptions it
 * lets in, or the words left are a clause narrowing it ("Active brain metastases requiring
 * corticosteroids") or a word opening it that modifies a single finding (leadingModifier), say whom
 * it is for ("Phase 2: Active brain metastases") or hold a window the reading lacks (unreadWindow):
 * then it excludes only with them.
 */
function withUnread(kind: CriterionKind, text: string, reading: Reading & { condition: Condition }, unread: string): Condition {
  const narrowed =
    kind === 'inclusion' ||
    reading.excepted ||
    narrowingTail(text, unread) ||
    leadingScope(text, unread) ||
    // Only a single finding: a modifier before a list may bind its first member alone.
    (!('any' in reading.condition) && leadingModifier(text, unread)) ||
    unreadWindow(reading.condition, text, unread);
  if (negatedParticiple(text, unread)) return flatten('all', [reading.condition, unparsedLeaf(`not ${unread}`)]);
  return flatten(narrowed ? 'all' : 'any', [reading.condition, unparsedLeaf(unread)]);
}

function finish(
  seg: Segment,
  reading: Reading,
  label: SubgroupLabel | null = null,
  bound = false,
): ParsedCriterion {
  const { condition } = reading;
  // Unread alternatives the reading placed in its condition are reported with its inner leaves.
  let unread = reading.unreadApart ?? reading.unread;
  // The text the readers read: without a subgroup label cut from it.
  const readText = label?.rest ?? seg.normText;
  let status: ParseStatus;
  let rule: ParsedCriterion['rule'];
  // A finding may carry its own unparsed leaf for a qualifier no fact expresses ("radiotherapy to the
  // breast": all(radiotherapy, unread "to the breast")). The criterion is then only partly read.
  const inner = condition ? leavesOf(condition).filter((l) => l.fact === 'unparsed') : [];
  if (!condition) {
    status = 'unparsed';
    rule = { all: [unparsedLeaf(seg.normText)] };
  } else if (unread) {
    status = 'partial';
    rule = topLevel(withUnread(seg.kind, readText, { ...reading, condition }, unread)) as ParsedCriterion['rule'];
  } else if (inner.length) {
    status = 'partial';
    rule = topLevel(condition);
  } else {
    status = 'parsed';
    rule = topLevel(condition);
  }
  if (inner.length) unread = [...inner.map((l) => String((l.params as { text?: string } | undefined)?.text ?? '')), ...(unread ? [unread] : [])].join(' … ');
  const readWhole = status === 'parsed';
  // A criterion that opens by restricting itself to a subgroup ("Cohort 5 only: Age 12 years or
  // older") binds only that subgroup: in an inclusion, any(subgroup, rule); in an exclusion,
  // all(subgroup, rule). The readers' copies of the label as an unread part are folded into it.
  // A label read apart from the text (subgroups.ts subgroupLabel: "… (Part 4)", "Cohort 1 (Melanoma):
  // …") binds the same way: the patient may belong to another cohort, whose items say what it needs.
  // A criterion read in labelled parts (readParts) has bound each part already.
  const opening = status === 'unparsed' || bound ? null : label ? label.label : (openingSubgroup(seg.normText) ?? unreadGroupLead(seg.normText, unread, rule));
  if (opening) {
    const rest = withoutLabel(rule, opening);
    if (rest) {
      rule = topLevel(flatten(seg.kind === 'inclusion' ? 'any' : 'all', [subgroupLeaf(opening), rest])) as ParsedCriterion['rule'];
      status = 'partial';
      if (label) unread = unread ? `${label.label} … ${unread}` : label.label;
    }
  }
  // A criterion under a heading that names one subgroup ("Part 4: cutaneous melanoma", "Cohorts 5
  // and 6 only:") binds only that subgroup, and whether the patient is in it is unread: an
  // inclusion holds for anyone outside it, any(subgroup, rule); an exclusion excludes only inside
  // it, all(subgroup, rule). Read as binding everyone, the requirements of each cohort of a basket
  // trial would fail the patients of every other cohort. A reader that scoped only its own finding
  // to the label (disease.ts, a cohort's cancer) does not bind the rest: the whole rule is wrapped.
  // An inclusion under a lead-in that admits a group on conditions ("Patients with brain metastases
  // are allowed, provided …:") binds that group only, as under a cohort's heading.
  const subgroup =
    status === 'unparsed' ? null : (subgroupHeading(seg.context) ?? (seg.kind === 'inclusion' ? admittedGroupHeading(seg.context) : null));
  if (subgroup && !wrappedBy(rule, subgroup)) {
    const scope = subgroupLeaf(subgroup);
    rule = topLevel(flatten(seg.kind === 'inclusion' ? 'any' : 'all', [scope, rule])) as ParsedCriterion['rule'];
    status = 'partial';
    unread = unread ? `${subgroup}${subgroup.endsWith('…') ? ' ' : ' … '}${unread}` : subgroup;
  }
  const categories = reading.categories.length ? reading.categories : (['other'] as Category[]);
  return {
    id: '', // numbered once alternatives are joined
    kind: seg.kind,
    text: seg.text,
    span: seg.span,
    category: reading.findingCategories[0] ?? categories[0]!,
    categories,
    // A criterion read whole (no unread words) has read every topic it is about, even one that only
    // qualifies another finding ("autoimmune disease that has required systemic treatment in the past
    // 2 years" is a condition with a window, yet the text is also about treatment).
    // The subgroup a heading names is unread, but the criterion's own topics are read as before.
    categoriesRead: readWhole ? categories : reading.findingCategories,
    rule,
    status,
    coverage: reading.coverage,
    ...(unread ? { unread } : {}),
    ...(seg.context.length ? { context: seg.context } : {}),
    parserVersion: PARSER_VERSION,
  };
}

const COHORT_LABEL = /^\s*(?:part|cohort|arm|group|stratum|module|phase)\s*[\w.]{1,5}\s*[:)\-–]/i;

/**
 * The rule without its top-level unparsed leaves that are only the subgroup label (or part of it),
 * as one condition; null when nothing else is left.
 */
const LEAD_FILLER = new Set(['the', 'a', 'an', 'known', 'have', 'has', 'had', 'who', 'are', 'is', 'and', 'or', 'of', 'any', 'documented', 'confirmed']);
/**
 * The group a criterion's lead clause names, when no reader took its words (they are all unread):
 * like an opening subgroup label, the rest binds only that group, which the record may not place the
 * patient in. A group a reader did take ("For patients with BRAF-mutant melanoma, …") is already a
 * condition of the rule (population-conditions.ts).
 */
function unreadGroupLead(text: string, unread: string | undefined, rule: Condition): string | null {
  const m = groupLeadClause(text);
  // A second sentence may be for everyone else ("For all other participants, …"): one sentence only.
  if (!m || !unread || /[.;]\s+\S/.test(text.slice(m[0].length).trim())) return null;
  // A reader that scoped its finding to the group has it as a negated unread leaf (any(not group,
  // finding)): the rule is bound to the group already.
  const lead = m[1]!.toLowerCase();
  if (leavesOf(rule).some((l) => l.fact === 'unparsed' && l.value === false && lead.includes(String((l.params as { text?: string } | undefined)?.text ?? '\0').toLowerCase()))) return null;
  const left = unread.toLowerCase();
  const words = m[2]!.toLowerCase().split(/[^a-z0-9+*-]+/).filter((w) => w && !LEAD_FILLER.has(w));
  return words.length && words.every((w) => left.includes(w)) ? m[1]!.trim() : null;
}

function withoutLabel(rule: ParsedCriterion['rule'], label: string): Condition | null {
  const l = label.toLowerCase();
  const isLabel = (c: Condition): boolean => {
    if (!isLeaf(c) || c.fact !== 'unparsed') return false;
    const t = String((c.params as { text?: string } | undefined)?.text ?? '').toLowerCase().trim();
    return t.length > 0 && l.includes(t);
  };
  const op = 'all' in rule ? 'all' : 'any';
  const all = 'all' in rule ? rule.all : rule.any;
  const members = all.filter((c) => !isLabel(c));
  if (!members.length) return null;
  // In an `any`, dropping the label would make the rest sufficient on its own: keep the rule whole.
  if (op === 'any' && members.length !== all.length) return rule;
  if (members.length === 1) return members[0]!;
  return op === 'all' ? { all: members } : { any: members };
}

/** Is the rule already bound, as a whole, to the subgroup a heading names? */
function wrappedBy(rule: Condition, heading: string): boolean {
  // Only the criterion's own opening label ("Cohort 5 only: …", above) binds the whole rule already.
  // A reader that scoped one finding to the heading ("Part 1: melanoma" → any(melanoma, "Part 1"))
  // leaves the rest binding every subgroup, so the rule is still wrapped.
  const h = heading.toLowerCase();
  const parts = 'any' in rule ? rule.any : 'all' in rule ? rule.all : [];
  return parts.some((l) => {
    if (!isLeaf(l) || l.fact !== 'unparsed' || (l.params as { subgroup?: boolean } | undefined)?.subgroup !== true) return false;
    const t = String((l.params as { text?: string }).text ?? '').toLowerCase().trim();
    return t.length >= 4 && (h.includes(t) || t.includes(h));
  });
}


/**
 * The treatment a cohort is planned for, or a candidate for, describes the cohort with its cancer
 * ("Rectal cancer planned for surgery", then "Breast cancer planned for sentinel node biopsy"): such
 * items are still alternatives of one cohort list.
 */
const COHORT_PLAN_TOPICS = new Set(['planned_treatment', 'treatment_candidate']);
function cohortPlan(l: LeafCondition): boolean {
  return l.fact === 'attestation' && l.value === true && COHORT_PLAN_TOPICS.has((l.params as { topic?: string } | undefined)?.topic ?? '');
}

/**
 * What a cancer of a list may be qualified by and still be one entry of the list: its extent and
 * stage, and its markers ("Non small cell lung cancer (NSCLC) (driver-negative, …)", "HER2-positive
 * gastric cancer").
 */
const CANCER_ENTRY_FACTS = new Set(['cancerType', 'diseaseExtent', 'stage', 'measurableDisease', 'biomarker', 'biomarkerValue', 'actionableAlteration']);

/** The cancer-type codes an inclusion rule requires when that is all it requires, else null. */
function cancerOnly(c: ParsedCriterion): string[] | null {
  const leaves = leavesOf(c.rule).filter((l) => l.fact !== 'unparsed');
  const types = leaves.filter((l) => l.fact === 'cancerType');
  if (!types.length || leaves.some((l) => !CANCER_ENTRY_FACTS.has(l.fact) && !cohortPlan(l))) return null;
  // "Must not have colorectal cancer", "… breast cancer" (items of an excluded list) must all hold.
  if (types.some((l) => l.value !== true)) return null;
  return types.flatMap((l) => ((l.params as { codes?: string[] } | undefined)?.codes ?? []));
}

/** A short inclusion item under the same lead-in as `first`: an entry of the same list. */
function sameListItem(c: ParsedCriterion, first: ParsedCriterion): boolean {
  return c.kind === 'inclusion' && c.text.length <= 60 && first.context !== undefined && JSON.stringify(c.context) === JSON.stringify(first.context);
}

/** An unread entry of the same list (not itself a lead-in ending in a colon). */
function sameListUnread(c: ParsedCriterion, first: ParsedCriterion): boolean {
  return c.status === 'unparsed' && !/:\s*$/.test(c.text) && sameListItem(c, first);
}

function related(a: string[], b: string[], lex: Lexicons): boolean {
  return a.some((x) => b.some((y) => lex.cancerAncestors.get(x)?.has(y) || lex.cancerAncestors.get(y)?.has(x)));
}

/** A criterion's opening subgroup label, whole to its colon or dash (group 1): "Cohort A-1", "Part 2B". */
const SUBGROUP_NAME = /^\s*((?:part|cohort|arm|group|stratum|module|phase)\s*[\w.-]{1,8})\s*(?::|\)|\s[-–]\s)/i;
/**
 * The members of a run of alternatives, those of one subgroup together: items labelled with the same
 * subgroup ("Cohort A: BRAF V600 mutant melanoma …", then "Cohort A: Prior therapy with BRAF
 * inhibitors is required") are all that subgroup's requirements, not alternatives to each other.
 */
function sameSubgroup(members: ParsedCriterion[]): ParsedCriterion[][] {
  const groups = new Map<string, ParsedCriterion[]>();
  members.forEach((m, i) => {
    // "Cohort A-1" and "Cohort A-2" are two subgroups.
    const label = SUBGROUP_NAME.exec(m.text)?.[1];
    const key = label ? label.toLowerCase().replace(/\s+/g, ' ') : `#${i}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  });
  return [...groups.values()];
}

/**
 * Neighbouring inclusion criteria that name different cohorts ("Part 1A: …", "Cohort B: …") or
 * different, unrelated cancer types ("Head and neck squamous cell carcinoma", "Breast cancer and
 * melanoma" under "Eligible tumor types include:") are alternatives: a patient needs one of them,
 * not all. Read as separate requirements they would exclude every patient, so they are joined into
 * one criterion with `any`, together with an unread lead-in ending in a colon just before them.
 */
function joinAlternatives(criteria: ParsedCriterion[], source: string, lex: Lexicons): ParsedCriterion[] {
  const out: ParsedCriterion[] = [];
  for (let i = 0; i < criteria.length; ) {
    const c = criteria[i]!;
    let j = i + 1;
    if (c.kind === 'inclusion') {
      if (COHORT_LABEL.test(c.text)) {
        while (j < criteria.length && criteria[j]!.kind === 'inclusion' && COHORT_LABEL.test(criteria[j]!.text)) j++;
      } else if (cancerOnly(c)) {
        const seen = [cancerOnly(c)!];
        while (j < criteria.length && criteria[j]!.kind === 'inclusion') {
          // An unread item of the same list ("Merkle cell carcinoma" among "Liver", "Lung" under
          // "Eligible cancer types:") is one more alternative, unknown, when the list goes on after it;
          // left out, it would split the list into two runs that a patient must both satisfy.
          let k = j;
          while (k < criteria.length && sameListUnread(criteria[k]!, c)) k++;
          // Items under another cancer's heading are another cohort's, which scopeCancerCohorts binds.
          const sameHeading = k < criteria.length && (criteria[k]!.context ?? []).join('\n') === (c.context ?? []).join('\n');
          const codes = sameHeading && criteria[k]!.kind === 'inclusion' ? cancerOnly(criteria[k]!) : null;
          // A related type usually refines the one before ("Breast cancer", then "HER2-positive breast
          // cancer") and must hold too; but short items of one list under one lead-in ("Gynecologic",
          // "Ovarian", "Pancreatic" under "Eligible disease types:") are all alternatives.
          if (!codes || (seen.some((s) => related(s, codes, lex)) && !(c.text.length <= 60 && sameListItem(criteria[k]!, c)))) break;
          seen.push(codes);
          j = k + 1;
        }
      }
    }
    if (j - i < 2) {
      out.push(c);
      i++;
      continue;
    }
    let members = criteria.slice(i, j);
    const prev = out[out.length - 1];
    if (prev && prev.kind === 'inclusion' && prev.status === 'unparsed' && /:\s*$/.test(prev.text)) {
      out.pop();
      members = [prev, ...members];
    }
    const read = members.filter((m) => m.status !== 'unparsed' || !/:\s*$/.test(m.text));
    const span: [number, number] = [members[0]!.span[0], members[members.length - 1]!.span[1]];
    const statuses = new Set(read.map((m) => m.status));
    out.push({
      ...members[0]!,
      text: source.slice(span[0], span[1]),
      span,
      rule: flatten('any', sameSubgroup(read).map((ms) => flatten('all', ms.flatMap((m) => ('all' in m.rule ? m.rule.all : [m.rule]))))) as ParsedCriterion['rule'],
      status: statuses.size === 1 ? [...statuses][0]! : 'partial',
      categories: [...new Set(members.flatMap((m) => m.categories))],
      categoriesRead: [...new Set(members.flatMap((m) => m.categoriesRead))],
      coverage: Math.round((read.reduce((sum, m) => sum + m.coverage, 0) / read.length) * 1000) / 1000,
      ...(read.some((m) => m.unread) ? { unread: read.flatMap((m) => (m.unread ? [m.unread] : [])).join(' … ') } : {}),
    });
    if (!('any' in out[out.length - 1]!.rule)) out[out.length - 1]!.rule = { any: [out[out.length - 1]!.rule] };
    i = j;
  }
  return out;
}

/**
 * Criteria under headings that each name a cancer cohort ("Melanoma:" and its items, then
 * "Colorectal Cancer:" and its items) bind that cohort. A patient whose cancer is another heading's
 * is in another cohort and the requirement is not theirs, so an inclusion reads any(cancer of another
 * cohort, rule) and an exclusion all(not a cancer of another cohort, rule). A patient whose cancer is
 * none of the headings' must meet every cohort's requirements, as before: they fail the cohorts'
 * diagnoses. Read as binding everyone, each cohort's diagnosis failed the patients of every other.
 * Only where two or more cancers head the lists (a single heading may be the whole trial's cancer),
 * and not under a numbered subgroup, which the record cannot place the patient in (subgroupHeading).
 * The other cohorts' cancers related to this one's are left out: a patient whose cancer falls under
 * both headings may be in either cohort, so this one's requirements still hold for them.
 */
function scopeCancerCohorts(criteria: ParsedCriterion[], lex: Lexicons): ParsedCriterion[] {
  const underHeading = criteria.map((c) => {
    const ctx = c.context ?? [];
    for (let k = ctx.length - 1; k >= 0; k--) {
      // A subgroup heading inside a cancer's cohort ("Prostate carcinomas", then "Non-curative intent
      // patients cohort:") binds the criteria too (finish), and the cancer's scope still applies; with
      // no cancer heading around it, the subgroup's binding is the only one.
      if (subgroupHeading([ctx[k]!])) {
        if (!ctx.slice(0, k).some((h) => cancerCohortHeading(h, lex))) return null;
        continue;
      }
      const codes = cancerCohortHeading(ctx[k]!, lex);
      if (codes) return { heading: ctx[k]!.trim(), codes };
    }
    return null;
  });
  // A heading that is also emitted as a criterion ("Melanoma", with the cohort's items under it) is
  // that cohort's diagnosis: it binds the cohort as its items do.
  const named = new Set(underHeading.flatMap((h) => (h ? [h.heading] : [])));
  const headings = criteria.map((c, i) => {
    if (underHeading[i]) return underHeading[i]!.codes;
    const own = normalise(c.text).text.trim();
    return named.has(own) && !subgroupHeading(c.context ?? []) ? cancerCohortHeading(own, lex) : null;
  });
  const cohorts = new Map<string, string[]>();
  for (const codes of headings) if (codes) cohorts.set([...codes].sort().join(' '), codes);
  const sets = [...cohorts.values()];
  if (sets.length < 2) return criteria;
  return criteria.map((c, i) => {
    const own = headings[i];
    if (!own) return c;
    const key = [...own].sort().join(' ');
    // The other cohorts' cancers, less any related to this cohort's ("Esophageal Carcinoma" beside
    // "Gastric or GEJ adenocarcinoma"): a patient whose cancer falls under both must still meet this
    // cohort's criteria.
    const others = [...new Set(sets.filter((s) => [...s].sort().join(' ') !== key).flat())].filter((code) => !related([code], own, lex));
    if (!others.length) return c;
    const elsewhere: LeafCondition = { fact: 'cancerType', operator: 'equal', value: c.kind === 'inclusion', params: { codes: others } };
    return { ...c, rule: topLevel(flatten(c.kind === 'inclusion' ? 'any' : 'all', [elsewhere, c.rule])) as ParsedCriterion['rule'] };
  });
}

/**
 * An exclusion that would exclude every patient the inclusion criteria require ("Melanoma removed by
 * shave excision" in a melanoma trial, "HNSCC subjects with nasopharyngeal cancer" in an HNSCC trial,
 * "Plasma cell leukemia" read as myeloma in a myeloma trial) lost the words that narrow its cancer:
 * no criteria list means to exclude its whole population. The cancer then excludes only with the
 * criterion's words judged, all(cancer, unread), as any other narrowing left unread does. A type the
 * exclusion names below the included one (uveal melanoma in a melanoma trial) narrows as written.
 */
function selfExclusions(criteria: ParsedCriterion[], lex: Lexicons): ParsedCriterion[] {
  const included = new Set<string>();
  const required = (c: Condition): void => {
    if (isLeaf(c)) {
      if (c.fact === 'cancerType' && c.operator === 'equal' && c.value === true) for (const code of (c.params as { codes?: string[] } | undefined)?.codes ?? []) included.add(code);
    } else if ('all' in c) c.all.forEach(required);
    else if (c.any.length === 1) required(c.any[0]!);
  };
  for (const c of criteria) if (c.kind === 'inclusion') required(c.rule);
  if (!included.size) return criteria;
  const coversIncluded = (code: string): boolean => [...included].some((i) => i === code || !!lex.cancerAncestors.get(i)?.has(code));
  return criteria.map((c) => {
    if (c.kind !== 'exclusion') return c;
    let changed = false;
    const gate = unparsedLeaf(normalise(c.text).text.trim());
    // Only where the type alone would exclude: in an "any", or as the rule's only condition.
    const open = (x: Condition): Condition => {
      if (isLeaf(x)) {
        const codes = x.fact === 'cancerType' && x.operator === 'equal' && x.value === true ? ((x.params as { codes?: string[] } | undefined)?.codes ?? []) : [];
        if (!codes.some(coversIncluded)) return x;
        changed = true;
        return { all: [x, gate] };
      }
      if ('any' in x) return { any: x.any.map(open) };
      return x.all.length === 1 ? { all: [open(x.all[0]!)] } : x;
    };
    const rule = open(c.rule);
    if (!changed) return c;
    return { ...c, rule: topLevel(rule) as ParsedCriterion['rule'], status: 'partial' as const, unread: c.unread ?? gate.params!.text as string };
  });
}

/**
 * A criterion in parts bound to different subgroups (subgroups.ts labelledParts), each part read on
 * its own. The patient may enter any subgroup the parts name, or one they do not name, whose
 * requirements are elsewhere; whichever it is is unread. An inclusion holds when the parts of one
 * subgroup all hold: any(subgroup, its parts, next subgroup, its parts, …), each subgroup leaf
 * unknown, so that no part fails a patient who could enter another subgroup, the form joinAlternatives
 * gives the labelled items of a list. An exclusion excludes only inside a subgroup: any(all(subgroup,
 * its parts), …). A part for every subgroup (an unlabelled lead) binds everyone. Null when no part is
 * read: the criterion is then read whole, as before.
 */
function readParts(seg: Segment, parts: LabelledPart[], lex: Lexicons): ParsedCriterion | null {
  const readings = parts.map((p) => ({ p, r: readCriterion(p.text, seg.kind, seg.context, lex) }));
  if (!readings.some(({ r }) => r.condition)) return null;
  const common: Condition[] = [];
  const groups = new Map<string, { label: string; conditions: Condition[] }>();
  for (const { p, r } of readings) {
    const unread = r.unreadApart ?? r.unread;
    const condition = !r.condition ? unparsedLeaf(p.text) : unread ? withUnread(seg.kind, p.text, { ...r, condition: r.condition }, unread) : r.condition;
    if (p.label === null) {
      common.push(condition);
      continue;
    }
    // The same subgroup named twice ("Cohort A: … * Cohort A: …") must meet both parts.
    const key = subgroupKey(p.label);
    const group = groups.get(key) ?? { label: p.label, conditions: [] };
    group.conditions.push(condition);
    groups.set(key, group);
  }
  const bound = [...groups.values()].map(({ label, conditions }) =>
    seg.kind === 'inclusion' ? [subgroupLeaf(label), flatten('all', conditions)] : [flatten('all', [subgroupLeaf(label), ...conditions])],
  );
  const condition =
    seg.kind === 'inclusion' ? flatten('all', [...common, flatten('any', bound.flat())]) : flatten('any', [...common, ...bound.flat()]);
  const categories = [...new Set(readings.flatMap(({ r }) => r.categories))];
  const findingCategories = [...new Set(readings.flatMap(({ r }) => r.findingCategories))];
  const coverage = readings.reduce((sum, { r }) => sum + r.coverage, 0) / readings.length;
  return finish(seg, { condition, categories, findingCategories, coverage, unread: '' }, null, true);
}

/** A subgroup label as a key: "Cohort A", "For Cohort A", "COHORT A only" are one subgroup. */
function subgroupKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\b(?:for|in|the|only|patients)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** What the rest after a cancer's label must not read: the cohort's own diagnosis or extent. */
const COHORT_DEFINITION = new Set<Category>(['cancer_type', 'stage']);

/**
 * A criterion opening with a label or a subject that names one cancer and nothing else (subgroups.ts
 * cancerLabel: "For NSCLC: the individuals had previously received anti-PD-(L)1 antibodies …", "Renal
 * Cell Carcinoma - Patient should have received …", "Subjects with Ovarian cancer must have received
 * …"): the rest binds only that cancer's patients. Whether the cancer is the whole trial's does not
 * matter here (population-conditions.ts leaves such populations to the readers): for the trial's own
 * patients any(not the cancer, rest) is the rest itself. An inclusion reads
 * any(not that cancer, rest), an exclusion all(that cancer, rest). Read whole, the readers left the
 * label unread and bound every patient of a basket trial to one cohort's prior treatment (or required
 * the cancer of them all). Only a rest that reads prior treatment and no diagnosis or stage: a label
 * before those ("For PDAC: Participants must have … metastatic PDAC") names the cohort's own
 * definition, which the cohort readers join as alternatives.
 */
function cancerLabelled(seg: Segment, lex: Lexicons): Reading | null {
  const label = cancerLabel(seg.normText, lex);
  if (!label) return null;
  const rest = readCriterion(label.rest, seg.kind, seg.context, lex);
  if (!rest.condition || !rest.findingCategories.includes('prior_therapy') || rest.findingCategories.some((c) => COHORT_DEFINITION.has(c))) return null;
  const unread = rest.unreadApart ?? rest.unread;
  // The rest's own unread words stay with it, inside the cancer's branch, as finish() would join them.
  const required = unread ? withUnread(seg.kind, label.rest, { ...rest, condition: rest.condition }, unread) : rest.condition;
  const cancer: LeafCondition = { fact: 'cancerType', operator: 'equal', value: seg.kind !== 'inclusion', params: { codes: label.codes } };
  return {
    ...rest,
    condition: flatten(seg.kind === 'inclusion' ? 'any' : 'all', [cancer, required]),
    categories: [...new Set<Category>([...rest.categories, 'cancer_type'])],
    findingCategories: [...rest.findingCategories, 'cancer_type'],
    unread: '',
    unreadApart: undefined,
  };
}

/** Parses a trial's eligibilityCriteria text. Never throws on any input. */
export function parseCriteria(source: string | null | undefined, lex: Lexicons = lexicons()): ParsedCriterion[] {
  if (!source) return [];
  const segments = segmentCriteria(source, lex);
  // A criterion opening with a cancer's label, read bound to that cancer (cancerLabelled). The label
  // may instead name one cohort of a run of cohort items ("Solid tumor patients: …", then "Non-Hodgkin
  // lymphoma patients"), which joinAlternatives joins as alternatives on the criteria as read: the
  // binding replaces only a criterion left on its own, so a sibling item never stands alone.
  const bound = new Map<ParsedCriterion, ParsedCriterion>();
  const criteria = segments.map((seg) => {
    if (!seg.alternatives?.length) {
      // Parts for different subgroups ("Cohort 1: … . Cohort 2: …") are read each on its own.
      const parts = labelledParts(seg.normText);
      const read = parts && readParts(seg, parts, lex);
      if (read) return read;
      // A subgroup label inside the text ("… (Part 4)") is cut before reading, and binds the reading.
      const label = subgroupLabel(seg.normText);
      const reading = readCriterion(label ? label.rest : seg.normText, seg.kind, seg.context, lex);
      // A group the readers cannot read ("For patients with Basal cell carcinoma, …") left nothing
      // read: what is required of the group is read without it, and bound to it.
      const group = !label && !reading.condition ? groupLeadLabel(seg.normText) : null;
      const groupReading = group && readCriterion(group.rest, seg.kind, seg.context, lex);
      if (group && groupReading?.condition) return finish(seg, groupReading, group);
      const whole = finish(seg, reading, label);
      // Bound to the cancer its label names, once the run of cohort items it may belong to is known.
      const cancer = label ? null : cancerLabelled(seg, lex);
      if (cancer) bound.set(whole, finish(seg, cancer));
      return whole;
    }
    // "At least one of the following": each alternative read on its own, joined with any.
    const readings = seg.alternatives.map((alt) => ({ alt, r: readCriterion(alt.normText, alt.kind, alt.context, lex) }));
    const parts = readings.map(({ alt, r }) =>
      r.condition ? ((r.unreadApart ?? r.unread) ? flatten('all', [r.condition, unparsedLeaf(r.unreadApart ?? r.unread)]) : r.condition) : unparsedLeaf(alt.normText),
    );
    const anyRead = readings.some(({ r }) => r.condition);
    const allFull = readings.every(({ r }) => r.condition && !r.unread);
    const cats = [...new Set(readings.flatMap(({ r }) => r.categories))];
    const findingCats = [...new Set(readings.flatMap(({ r }) => r.findingCategories))];
    const coverage = readings.reduce((s, { r }) => s + r.coverage, 0) / readings.length;
    const c = finish(
      seg,
      { condition: anyRead ? flatten('any', parts) : null, categories: cats, findingCategories: findingCats, coverage, unread: '' },
    );
    if (anyRead && !allFull) {
      c.status = 'partial';
      c.unread = readings.filter(({ r }) => !r.condition || r.unread).map(({ alt, r }) => r.unread || alt.normText).join(' … ');
    }
    return c;
  });
  const ids = { inclusion: 0, exclusion: 0 };
  const joined = joinAlternatives(criteria, source, lex).map((c) => bound.get(c) ?? c);
  return selfExclusions(scopeCancerCohorts(joined, lex), lex).map((c) => ({
    ...c,
    id: `${c.kind === 'inclusion' ? 'i' : 'e'}${++ids[c.kind]}`,
  }));
}

export function isUnparsedLeaf(c: Condition): boolean {
  return isLeaf(c) && c.fact === 'unparsed';
}
