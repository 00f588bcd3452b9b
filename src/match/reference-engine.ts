/**
 * The reference semantics: a rule evaluated by json-rules-engine itself. Known fact values use the
 * engine's own built-in operators; an unknown value makes the operator answer a fixed `assume`
 * value. Evaluating once assuming false and once assuming true gives the three-valued result
 * (true if both true, false if both false, otherwise unknown), which the compiled closures in
 * compile.ts must reproduce exactly. Used to check the compiled form, not to match.
 */
import { Engine, Rule, type TopLevelCondition } from 'json-rules-engine';
import type { Condition, FactName, Operator } from '../criteria/facts';
import { FACT_NAMES } from '../criteria/facts';
import type { FactTable, Tri } from './compile';
import { NumericRange } from './operators';

const UNKNOWN = Symbol('unknown');

interface BuiltinOperator {
  evaluate(factValue: unknown, jsonValue: unknown): boolean;
}
const OPERATOR_NAMES: Operator[] = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
];

function engineFor<P>(facts: FactTable<P>, patient: P, assume: boolean): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  // json-rules-engine 7 keeps its operators in `engine.operators` (an OperatorMap); the type
  // declarations leave it out, so it is reached through this narrow view.
  const operators = (engine as unknown as { operators: { get(name: string): BuiltinOperator | undefined } }).operators;
  for (const name of OPERATOR_NAMES) {
    const builtin = operators.get(name);
    if (!builtin) throw new Error(`json-rules-engine has no built-in operator ${name}`);
    engine.removeOperator(name);
    engine.addOperator(name, (factValue: unknown, jsonValue: unknown) => {
      if (factValue === UNKNOWN) return assume;
      if (factValue instanceof NumericRange) {
        const lo = builtin.evaluate(factValue.lo, jsonValue);
        return lo === builtin.evaluate(factValue.hi, jsonValue) ? lo : assume;
      }
      return builtin.evaluate(factValue, jsonValue);
    });
  }
  for (const name of FACT_NAMES) {
    engine.addFact(name as FactName, (params: Record<string, unknown>) => {
      const v = facts[name as FactName](patient, params ?? {});
      return v.value === undefined ? UNKNOWN : v.value;
    });
  }
  return engine;
}

/** Whether the engine's one rule, `rule`, fires. Each run has its own almanac, so no fact value carries over. */
async function holds(engine: Engine, rule: TopLevelCondition): Promise<boolean> {
  const added = new Rule({ conditions: rule, event: { type: 'match' } });
  engine.addRule(added);
  try {
    const { events } = await engine.run();
    return events.length > 0;
  } finally {
    engine.removeRule(added);
  }
}

/**
 * Three-valued evaluation of rules for one patient by json-rules-engine. The two engines (assuming
 * false, assuming true) are built once per patient and hold one rule at a time: building an engine
 * with its operators and facts cost more than running it, thousands of times per corpus.
 */
export function referenceEvaluator<P>(facts: FactTable<P>, patient: P): (rule: Condition) => Promise<Tri> {
  const pessimist = engineFor(facts, patient, false);
  const optimist = engineFor(facts, patient, true);
  return async (rule) => {
    const top = ('all' in rule || 'any' in rule ? rule : { all: [rule] }) as TopLevelCondition;
    const pessimistic = await holds(pessimist, top);
    const optimistic = await holds(optimist, top);
    return pessimistic === optimistic ? pessimistic : null;
  };
}
