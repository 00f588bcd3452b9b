/**
 * The reference semantics: a rule evaluated by json-rules-engine itself. Known fact values use the
 * engine's own built-in operators; an unknown value makes the operator answer a fixed `assume`
 * value. Evaluating once assuming false and once assuming true gives the three-valued result
 * (true if both true, false if both false, otherwise unknown), which the compiled closures in
 * compile.ts must reproduce exactly. Slow by design; used to check the compiled form.
 */
import { Engine, type TopLevelCondition } from 'json-rules-engine';
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

function engineFor<P>(rule: TopLevelCondition, facts: FactTable<P>, patient: P, assume: boolean): Engine {
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
  engine.addRule({ conditions: rule, event: { type: 'match' } });
  return engine;
}

async function holds<P>(rule: TopLevelCondition, facts: FactTable<P>, patient: P, assume: boolean): Promise<boolean> {
  const { events } = await engineFor(rule, facts, patient, assume).run();
  return events.length > 0;
}

/** Three-valued result of `rule` for `patient` by json-rules-engine. */
export async function evaluateWithEngine<P>(rule: Condition, facts: FactTable<P>, patient: P): Promise<Tri> {
  const top = ('all' in rule || 'any' in rule ? rule : { all: [rule] }) as TopLevelCondition;
  const [pessimistic, optimistic] = await Promise.all([holds(top, facts, patient, false), holds(top, facts, patient, true)]);
  if (pessimistic === optimistic) return pessimistic;
  return null;
}
