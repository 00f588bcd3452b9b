/**
 * A trial's criteria, compiled once, evaluated for one patient: pass / fail / unknown per criterion
 * (for an exclusion, pass means the exclusion does not apply), the verdict, and, for the trials a
 * client will see, the evidence and the questions that would settle each unknown.
 *
 * The structured eligibility fields (minimumAge, maximumAge, sex) become criteria of their own, so
 * they are shown and judged like the rest.
 */
import type { Category } from '../criteria/extract/extractor';
import { FACTS, type Condition, type LeafCondition } from '../criteria/facts';
import type { Lexicons } from '../criteria/lexicon';
import type { ParsedCriterion, ParseStatus } from '../criteria/parse';
import type { CriterionKind } from '../criteria/segment';
import type { NormalisedPatient } from '../patients/normalise';
import { CompiledRules, explainCondition, type EvalContext, type Evidence, type FactTable, type Tri } from './compile';

export type Outcome = 'pass' | 'fail' | 'unknown';
export type Verdict = 'eligible' | 'possible' | 'ineligible';

export interface TrialCriterion {
  id: string;
  kind: CriterionKind;
  text: string;
  category: Category;
  status: ParseStatus;
  rule: { all: Condition[] } | { any: Condition[] };
  /** 'text' for criteria read from the eligibility text, 'structured' for minimumAge / maximumAge / sex. */
  source: 'text' | 'structured';
}

export interface CompiledCriterion {
  criterion: TrialCriterion;
  /** The interned rule's id in its RuleCompiler. */
  ruleId: number;
}

export interface Missing {
  fact: string;
  params?: Record<string, unknown>;
  question: string;
}

export interface CriterionResult {
  id: string;
  kind: CriterionKind;
  text: string;
  category: Category;
  source: 'text' | 'structured';
  parsed: ParseStatus;
  outcome: Outcome;
  reason?: 'missing_data' | 'not_understood';
  evidence: Evidence[];
  missing?: Missing[];
}

/**
 * Whether a rule is unknown for every patient: all its leaves are `unparsed`, the fact that stands
 * for text the parser could not read and is unknown by definition (src/criteria/facts.ts), under
 * non-empty groups (Kleene all / any of unknowns is unknown; an empty `all` would be true).
 * test/match/compile-agreement.test.ts checks this against the fact table over the corpus.
 */
export function alwaysUnknown(rule: Condition): boolean {
  if ('all' in rule) return rule.all.length > 0 && rule.all.every(alwaysUnknown);
  if ('any' in rule) return rule.any.length > 0 && rule.any.every(alwaysUnknown);
  return rule.fact === 'unparsed';
}

export function outcomeOf(kind: CriterionKind, result: Tri): Outcome {
  if (result === null) return 'unknown';
  return (kind === 'inclusion') === result ? 'pass' : 'fail';
}

export function verdictOf(outcomes: Outcome[]): Verdict {
  if (outcomes.includes('fail')) return 'ineligible';
  return outcomes.includes('unknown') ? 'possible' : 'eligible';
}

/**
 * Compiles rules with interning: criteria with the same rule (boilerplate such as "Pregnant or
 * breastfeeding" recurs across thousands of trials) share one compiled rule and one integer id. A
 * match then keeps each distinct rule's result in a typed array indexed by that id (see
 * RuleResults), so every distinct rule is evaluated once per request however many trials carry it.
 */
export class RuleCompiler {
  private readonly ids = new Map<string, number>();
  readonly compiled: CompiledRules<NormalisedPatient>;
  /**
   * The rule object each id was compiled from. Explanations walk it rather than a criterion's own
   * (JSON-equal) copy: its leaves already have fact ids, so explaining builds no key strings.
   */
  readonly rules: Condition[] = [];

  constructor(readonly facts: FactTable<NormalisedPatient>) {
    this.compiled = new CompiledRules(facts);
  }

  /** The id of a rule, compiling it on first sight. */
  intern(rule: Condition): number {
    const key = JSON.stringify(rule);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.compiled.add(rule);
      this.rules.push(rule);
      this.ids.set(key, id);
    }
    return id;
  }

  get size(): number {
    return this.rules.length;
  }

  /** A context for evaluating this compiler's rules for one patient. */
  context(patient: NormalisedPatient): MatchContext {
    return this.compiled.memo.context(patient);
  }
}

/** Per-request results of interned rules: 0 not yet evaluated, then TRUE, FALSE or UNKNOWN (1, 2, 3). */
export class RuleResults {
  /** Read directly by the trial scan; 0 means call code(). */
  readonly codes: Uint8Array;
  private readonly compiled: CompiledRules<NormalisedPatient>;

  constructor(
    compiler: RuleCompiler,
    private readonly ctx: EvalContext<NormalisedPatient>,
  ) {
    this.codes = new Uint8Array(compiler.size);
    this.compiled = compiler.compiled;
  }

  /** 1 true, 2 false, 3 unknown. */
  code(id: number): number {
    let c = this.codes[id]!;
    if (c === 0) {
      c = this.compiled.run(id, this.ctx);
      this.codes[id] = c;
    }
    return c;
  }
}

export type MatchContext = EvalContext<NormalisedPatient>;

/** minimumAge / maximumAge / sex from the trial's structured fields, as criteria. */
export function structuredCriteria(trial: { minAgeYears: number | null; maxAgeYears: number | null; sex: string | null }): TrialCriterion[] {
  const out: TrialCriterion[] = [];
  if (trial.minAgeYears !== null && trial.minAgeYears > 0) {
    out.push({
      id: 's-min-age',
      kind: 'inclusion',
      text: `Minimum age: ${trial.minAgeYears} years`,
      category: 'age',
      status: 'parsed',
      rule: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: Math.floor(trial.minAgeYears) }] },
      source: 'structured',
    });
  }
  if (trial.maxAgeYears !== null) {
    out.push({
      id: 's-max-age',
      kind: 'inclusion',
      text: `Maximum age: ${trial.maxAgeYears} years`,
      category: 'age',
      status: 'parsed',
      // Ages are whole years: a maximum of 65 admits a patient of 65 until their 66th birthday.
      rule: { all: [{ fact: 'age', operator: 'lessThanInclusive', value: Math.floor(trial.maxAgeYears) }] },
      source: 'structured',
    });
  }
  if (trial.sex === 'FEMALE' || trial.sex === 'MALE') {
    out.push({
      id: 's-sex',
      kind: 'inclusion',
      text: `Sex: ${trial.sex.toLowerCase()}`,
      category: 'sex',
      status: 'parsed',
      rule: { all: [{ fact: 'sex', operator: 'equal', value: trial.sex.toLowerCase() }] },
      source: 'structured',
    });
  }
  return out;
}

/**
 * Criteria that stand in where the eligibility text says too little, so a trial never looks like a
 * clean "eligible" for lack of reading:
 * - a trial with no eligibility text at all gets one unread criterion (always unknown);
 * - a trial whose text names no cancer type gets one from its listed conditions (the
 *   conditionsModule), when the lexicon recognises at least one of them as a cancer. Conditions
 *   we do not recognise ("Fatigue", "Anxiety") join as an unread alternative, so such a trial can
 *   only pass or stay unknown on this criterion, never fail a patient with another cancer.
 * When the text does name a cancer type, the text is the authority and conditions add nothing.
 */
export function gapCriteria(
  trial: { conditions: string[]; criteria: Array<{ kind: CriterionKind; rule: Condition }> },
  textNamesCancer: boolean,
  lex: Lexicons,
): TrialCriterion[] {
  if (trial.criteria.length === 0) {
    const text = 'No eligibility criteria are published for this trial; ask the study team.';
    return [
      {
        id: 's-no-criteria',
        kind: 'inclusion',
        text,
        category: 'other',
        status: 'unparsed',
        rule: { all: [{ fact: 'unparsed', operator: 'equal', value: true, params: { text } }] },
        source: 'structured',
      },
      ...(textNamesCancer ? [] : conditionCriterion(trial.conditions, lex)),
    ];
  }
  return textNamesCancer ? [] : conditionCriterion(trial.conditions, lex);
}

function conditionCriterion(conditions: string[], lex: Lexicons): TrialCriterion[] {
  const codes = new Set<string>();
  const unrecognised: string[] = [];
  for (const name of conditions) {
    const found = lex.index.scan(name).filter((m) => m.type === 'cancer');
    if (found.length) for (const m of found) codes.add(m.id);
    else unrecognised.push(name);
  }
  if (codes.size === 0) return [];
  const cancer: Condition = { fact: 'cancerType', operator: 'equal', value: true, params: { codes: [...codes] } };
  const rule: TrialCriterion['rule'] = unrecognised.length
    ? { any: [cancer, { fact: 'unparsed', operator: 'equal', value: true, params: { text: unrecognised.join('; ') } }] }
    : { all: [cancer] };
  return [
    {
      id: 's-conditions',
      kind: 'inclusion',
      text: `Conditions studied: ${conditions.join('; ')}`,
      category: 'cancer_type',
      status: unrecognised.length ? 'partial' : 'parsed',
      rule,
      source: 'structured',
    },
  ];
}

export function toTrialCriterion(c: ParsedCriterion): TrialCriterion {
  return { id: c.id, kind: c.kind, text: c.text, category: c.category, status: c.status, rule: c.rule, source: 'text' };
}

function question(leaf: LeafCondition, lex: Lexicons): string {
  if (leaf.fact === 'attestation') {
    const topic = lex.attestations.topics.find((t) => t.id === (leaf.params as { topic?: string } | undefined)?.topic);
    if (topic) return topic.question;
  }
  const def = FACTS[leaf.fact] as { question: (p: never) => string };
  return def.question((leaf.params ?? {}) as never);
}

/** Full breakdown of one criterion: outcome, the evidence that decided it, and what is missing. */
export function explainCriterion(c: CompiledCriterion, compiler: RuleCompiler, ctx: MatchContext, lex: Lexicons): CriterionResult {
  const { result, leaves } = explainCondition(compiler.rules[c.ruleId]!, compiler.facts, ctx);
  const outcome = outcomeOf(c.criterion.kind, result);
  const base: CriterionResult = {
    id: c.criterion.id,
    kind: c.criterion.kind,
    text: c.criterion.text,
    category: c.criterion.category,
    source: c.criterion.source,
    parsed: c.criterion.status,
    outcome,
    evidence: [],
  };
  // Loops rather than filter / flatMap chains, and no de-duplication set for a single item: this
  // runs for every criterion of every returned trial.
  if (outcome !== 'unknown') {
    const all: Evidence[] = [];
    for (const l of leaves) for (const e of l.value.evidence) all.push(e);
    base.evidence = all.length > 1 ? distinctBy(all, (e) => `${e.path}|${String(e.note)}`) : all;
    return base;
  }
  const missingData: LeafCondition[] = [];
  const unread: LeafCondition[] = [];
  const evidence: Evidence[] = [];
  for (const l of leaves) {
    if (l.result !== null) for (const e of l.value.evidence) evidence.push(e);
    else if (l.leaf.fact === 'unparsed') unread.push(l.leaf);
    else missingData.push(l.leaf);
  }
  base.reason = missingData.length ? 'missing_data' : 'not_understood';
  const missing: Missing[] = [];
  for (const leaf of [...missingData, ...unread]) {
    const q = question(leaf, lex);
    missing.push(leaf.params && leaf.fact !== 'unparsed' ? { fact: leaf.fact, params: leaf.params, question: q } : { fact: leaf.fact, question: q });
  }
  base.missing = missing.length > 1 ? distinctBy(missing, (m) => `${m.fact}|${m.question}`) : missing;
  base.evidence = evidence;
  return base;
}

/** The items whose key was not seen before, in order. */
function distinctBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
