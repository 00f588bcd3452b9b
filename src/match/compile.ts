/**
 * Rules compiled once into flat arrays. json-rules-engine's JSON stays the rule format and its
 * evaluation the reference semantics (test/match/compile-agreement.test.ts proves agreement over
 * the whole corpus); interpreting the JSON per patient costs ~240 µs a trial, the compiled form a
 * few.
 *
 * Evaluation is three-valued (Kleene): a leaf whose fact the record cannot supply is unknown;
 * `all` is false if any child is false, else unknown if any is unknown; `any` is true if any child
 * is true, else unknown if any is unknown. Rules never use `not`, so this equals asking
 * json-rules-engine with every unknown leaf false and again with every unknown leaf true.
 *
 * Fact values are memoised per request by (fact, params). Each distinct (fact, params) gets a small
 * integer id when its first rule is compiled (see FactMemo), so the same "age ≥ 18" across
 * thousands of trials reads the record once, and a request looks values up in an array instead of
 * hashing strings: about nine in ten fact ids are distinct `unparsed` texts, read once each.
 *
 * A request evaluates some ten thousand distinct rules once each. As closures, every rule and leaf
 * was its own heap object, and the walk was cache misses; as one Int32Array of nodes plus leaf
 * arrays (see CompiledRules), it reads memory in order.
 */
import type { Condition, FactName, LeafCondition, Operator } from '../criteria/facts';
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
  memo: FactMemo;
  /** This request's generation in `memo`: only values stamped with it belong to this patient. */
  generation: number;
}

/** Stable key for a fact with params: JSON-equal params give the same key whatever their key order. */
export function factKey(leaf: Pick<LeafCondition, 'fact' | 'params'>): string {
  return leaf.params ? `${leaf.fact}${JSON.stringify(leaf.params, Object.keys(leaf.params).sort())}` : leaf.fact;
}

const NO_PARAMS: Record<string, unknown> = Object.freeze({});
/** Placeholder of a memo slot no request has filled; never read, as its stamp matches no generation. */
const NOT_COMPUTED: FactValue = Object.freeze({ value: undefined, evidence: [] });

/**
 * Integer ids for distinct (fact, params), given at compile time, and one slot per id for its value.
 * Slots are shared by all requests and stamped with the generation of the request that filled
 * them; a request trusts only its own stamp. That makes a request's memo free to create (no
 * per-request array sized by the whole corpus' facts) and safe however contexts interleave: a slot
 * filled for another patient is simply recomputed. The slots keep the last request's values until
 * overwritten; they never leave the process.
 */
export class FactMemo {
  private readonly ids = new Map<string, number>();
  /** Leaves seen at compile time, by identity, so explaining a compiled rule builds no key strings. */
  private readonly leafIds = new WeakMap<LeafCondition, number>();
  readonly values: FactValue[] = [];
  stamps = new Uint32Array(256);
  private generation = 0;

  /** The id of a leaf's (fact, params), assigning one on first sight. */
  id(leaf: LeafCondition): number {
    let id = this.leafIds.get(leaf);
    if (id !== undefined) return id;
    const key = factKey(leaf);
    id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
      // A slot per id from the start keeps `values` a dense array whatever order requests fill it in.
      this.values.push(NOT_COMPUTED);
      if (id >= this.stamps.length) {
        const grown = new Uint32Array(this.stamps.length * 2);
        grown.set(this.stamps);
        this.stamps = grown;
      }
    }
    this.leafIds.set(leaf, id);
    return id;
  }

  get size(): number {
    return this.ids.size;
  }

  /** A fresh evaluation context: a new generation, so no earlier value is trusted. */
  context<P>(patient: P): EvalContext<P> {
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 0;
    }
    return { patient, memo: this, generation: ++this.generation };
  }
}

/** The value of the fact with id `id` (the id of `leaf`'s fact and params) for ctx's patient. */
export function factValue<P>(ctx: EvalContext<P>, facts: FactTable<P>, leaf: LeafCondition, id: number): FactValue {
  const memo = ctx.memo;
  if (memo.stamps[id] === ctx.generation) return memo.values[id]!;
  const v = facts[leaf.fact](ctx.patient, leaf.params ?? NO_PARAMS);
  memo.values[id] = v;
  memo.stamps[id] = ctx.generation;
  return v;
}

/** Result codes of compiled evaluation; 0 is left free for callers' "not evaluated yet". */
export const TRUE = 1;
export const FALSE = 2;
export const UNKNOWN = 3;

const OPERATOR_LIST = Object.keys(OPERATORS) as Operator[];
const OPERATOR_INDEX = new Map(OPERATOR_LIST.map((name, i) => [name, i]));
const OPERATOR_FNS = OPERATOR_LIST.map((name) => OPERATORS[name]);

/** Node tags in the low two bits of a program word. */
const LEAF = 0;
const ALL = 1;
const ANY = 2;

/**
 * Rules compiled into one program. Each rule is a tree of words in `prog`: a leaf is
 * `leafIndex << 2 | LEAF`; a group is `size << 2 | ALL` (or ANY), where size counts the group's own
 * word and all its descendants, followed by its children. A group of one child compiles to the child
 * (the Kleene all / any of one value is that value). Leaves keep their fact id, operator and
 * expected value in parallel arrays; facts keep their function and params by fact id.
 */
export class CompiledRules<P> {
  readonly memo = new FactMemo();
  private prog = new Int32Array(1024);
  private progLength = 0;
  private starts: number[] = [];
  private leafFact: number[] = [];
  private leafOp: number[] = [];
  private leafValue: unknown[] = [];
  private factFn: Array<FactFn<P>> = [];
  private factParams: Array<Record<string, unknown>> = [];

  constructor(readonly facts: FactTable<P>) {}

  /** Compiles a rule; returns its index for run(). */
  add(rule: Condition): number {
    this.starts.push(this.progLength);
    this.emit(rule);
    return this.starts.length - 1;
  }

  get size(): number {
    return this.starts.length;
  }

  private push(word: number): number {
    if (this.progLength === this.prog.length) {
      const grown = new Int32Array(this.prog.length * 2);
      grown.set(this.prog);
      this.prog = grown;
    }
    this.prog[this.progLength] = word;
    return this.progLength++;
  }

  private emit(c: Condition): void {
    if ('all' in c || 'any' in c) {
      const kids = 'all' in c ? c.all : c.any;
      if (kids.length === 1) return this.emit(kids[0]!);
      const at = this.push(0);
      for (const k of kids) this.emit(k);
      this.prog[at] = ((this.progLength - at) << 2) | ('all' in c ? ALL : ANY);
      return;
    }
    const fact = this.memo.id(c);
    if (fact === this.factFn.length) {
      this.factFn.push(this.facts[c.fact]);
      this.factParams.push(c.params ?? NO_PARAMS);
    }
    this.push((this.leafFact.length << 2) | LEAF);
    this.leafFact.push(fact);
    this.leafOp.push(OPERATOR_INDEX.get(c.operator)!);
    this.leafValue.push(c.value);
  }

  /** Rule `rule` for ctx's patient: TRUE, FALSE or UNKNOWN. */
  run(rule: number, ctx: EvalContext<P>): number {
    return this.node(this.starts[rule]!, ctx);
  }

  private node(at: number, ctx: EvalContext<P>): number {
    const word = this.prog[at]!;
    const tag = word & 3;
    if (tag === LEAF) return this.leaf(word >> 2, ctx);
    const decisive = tag === ALL ? FALSE : TRUE;
    const end = at + (word >> 2);
    let unknown = false;
    for (let k = at + 1; k < end; ) {
      const r = this.node(k, ctx);
      if (r === decisive) return decisive;
      if (r === UNKNOWN) unknown = true;
      const w = this.prog[k]!;
      k += (w & 3) === LEAF ? 1 : w >> 2;
    }
    return unknown ? UNKNOWN : decisive === FALSE ? TRUE : FALSE;
  }

  private leaf(i: number, ctx: EvalContext<P>): number {
    const fact = this.leafFact[i]!;
    const memo = ctx.memo;
    let v: FactValue;
    if (memo.stamps[fact] === ctx.generation) v = memo.values[fact]!;
    else {
      v = this.factFn[fact]!(ctx.patient, this.factParams[fact]!);
      memo.values[fact] = v;
      memo.stamps[fact] = ctx.generation;
    }
    const value = v.value;
    if (value === undefined) return UNKNOWN;
    const r = applyOperator(OPERATOR_FNS[this.leafOp[i]!]!, value, this.leafValue[i]);
    return r === true ? TRUE : r === false ? FALSE : UNKNOWN;
  }
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
  const leaves: LeafTrace[] = [];
  const result = explainInto(c, facts, ctx, leaves);
  return { result, leaves };
}

/**
 * explainCondition's walk, appending the deciding leaves to one array: a group explains each child
 * in turn, then keeps in place only the runs of the children whose result decided it. The top 20
 * trials carry some 400 criteria a request; per-node arrays showed in profiles.
 */
function explainInto<P>(c: Condition, facts: FactTable<P>, ctx: EvalContext<P>, out: LeafTrace[]): Tri {
  if ('all' in c || 'any' in c) {
    const kids = 'all' in c ? c.all : c.any;
    // A group of one is its child: same result, same deciding leaves.
    if (kids.length === 1) return explainInto(kids[0]!, facts, ctx, out);
    const decisive = 'all' in c ? false : true;
    const start = out.length;
    const results: Tri[] = [];
    const ends: number[] = [];
    for (const k of kids) {
      results.push(explainInto(k, facts, ctx, out));
      ends.push(out.length);
    }
    const keep: Tri | undefined = results.includes(decisive) ? decisive : results.includes(null) ? null : undefined;
    if (keep === undefined) return !decisive; // every child agreed: all their leaves decide it
    let write = start;
    let from = start;
    for (let i = 0; i < kids.length; i++) {
      const to = ends[i]!;
      if (results[i] === keep) for (let r = from; r < to; r++) out[write++] = out[r]!;
      from = to;
    }
    out.length = write;
    return keep;
  }
  const value = factValue(ctx, facts, c, ctx.memo.id(c));
  const result = value.value === undefined ? null : applyOperator(OPERATORS[c.operator], value.value, c.value);
  out.push({ leaf: c, result, value });
  return result;
}

/** Compiles `c` on its own and evaluates it once for `patient` (tests and one-off checks). */
export function evaluateCondition<P>(c: Condition, facts: FactTable<P>, patient: P): Tri {
  const rules = new CompiledRules(facts);
  const r = rules.run(rules.add(c), rules.memo.context(patient));
  return r === TRUE ? true : r === FALSE ? false : null;
}
