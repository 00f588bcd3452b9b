/**
 * Rules compiled once into closures. json-rules-engine's JSON stays the rule format and its
 * evaluation the reference semantics (test/match/compile-agreement.test.ts proves agreement over
 * the whole corpus); interpreting the JSON per patient costs ~240 µs a trial, the closures a few.
 *
 * Evaluation is three-valued (Kleene): a leaf whose fact the record cannot supply is unknown;
 * `all` is false if any child is false, else unknown if any is unknown; `any` is true if any child
 * is true, else unknown if any is unknown. Rules never use `not`, so this equals asking
 * json-rules-engine with every unknown leaf false and again with every unknown leaf true.
 *
 * Fact values are memoised per patient by (fact, params), computed at compile time, so the same
 * "age ≥ 18" across thousands of trials reads the record once.
 */
import type { Condition, FactName, LeafCondition } from '../criteria/facts';
import { applyOperator, OPERATORS } from './operators';

export type Tri = boolean | null;

export interface Evidence {
  /** JSON Pointer into the submitted record. */
  path: string;
  value: unknown;
  note?: string;
  /** FHIR reference of the resource the value came from, when the record was built from a bundle. */
  fhir?: string;
}

export interface FactValue {
  /** `undefined` means the record cannot tell; a NumericRange means it is known only within bounds. */
  value: unknown;
  evidence: Evidence[];
}

/** Computes one fact from a patient; `P` is whatever normalised patient the caller evaluates. */
export type FactFn<P> = (patient: P, params: Record<string, unknown>) => FactValue;
export type FactTable<P> = Record<FactName, FactFn<P>>;

export interface EvalContext<P> {
  patient: P;
  memo: Map<string, FactValue>;
}

export type Compiled<P> = (ctx: EvalContext<P>) => Tri;

/** Stable memo key for a fact with params. */
export function factKey(leaf: Pick<LeafCondition, 'fact' | 'params'>): string {
  return leaf.params ? `${leaf.fact}${JSON.stringify(leaf.params, Object.keys(leaf.params).sort())}` : leaf.fact;
}

export function factValue<P>(ctx: EvalContext<P>, facts: FactTable<P>, leaf: LeafCondition, key = factKey(leaf)): FactValue {
  let v = ctx.memo.get(key);
  if (!v) {
    v = facts[leaf.fact](ctx.patient, (leaf.params ?? {}) as Record<string, unknown>);
    ctx.memo.set(key, v);
  }
  return v;
}

export function compileCondition<P>(c: Condition, facts: FactTable<P>): Compiled<P> {
  if ('all' in c) {
    const parts = c.all.map((x) => compileCondition(x, facts));
    return (ctx) => {
      let unknown = false;
      for (const p of parts) {
        const r = p(ctx);
        if (r === false) return false;
        if (r === null) unknown = true;
      }
      return unknown ? null : true;
    };
  }
  if ('any' in c) {
    const parts = c.any.map((x) => compileCondition(x, facts));
    return (ctx) => {
      let unknown = false;
      for (const p of parts) {
        const r = p(ctx);
        if (r === true) return true;
        if (r === null) unknown = true;
      }
      return unknown ? null : false;
    };
  }
  const key = factKey(c);
  const op = OPERATORS[c.operator];
  const expected = c.value;
  return (ctx) => {
    const v = factValue(ctx, facts, c, key).value;
    return v === undefined ? null : applyOperator(op, v, expected);
  };
}

export interface LeafTrace {
  leaf: LeafCondition;
  result: Tri;
  value: FactValue;
}

/**
 * Walks a rule for one patient and returns the leaves that decide its outcome: for a true `any`,
 * the true children; for a false `all`, the false children; for unknown results, the unknown
 * leaves. Used only to explain results a client will see, so it interprets rather than compiles.
 */
export function explainCondition<P>(c: Condition, facts: FactTable<P>, ctx: EvalContext<P>): { result: Tri; leaves: LeafTrace[] } {
  if ('all' in c || 'any' in c) {
    const isAll = 'all' in c;
    const kids = (isAll ? (c as { all: Condition[] }).all : (c as { any: Condition[] }).any).map((k) => explainCondition(k, facts, ctx));
    const decisive = isAll ? false : true;
    if (kids.some((k) => k.result === decisive)) {
      return { result: decisive, leaves: kids.filter((k) => k.result === decisive).flatMap((k) => k.leaves) };
    }
    if (kids.some((k) => k.result === null)) {
      return { result: null, leaves: kids.filter((k) => k.result === null).flatMap((k) => k.leaves) };
    }
    return { result: !decisive, leaves: kids.flatMap((k) => k.leaves) };
  }
  const value = factValue(ctx, facts, c);
  const result = value.value === undefined ? null : applyOperator(OPERATORS[c.operator], value.value, c.value);
  return { result, leaves: [{ leaf: c, result, value }] };
}
