/**
 * The comparison operators rules may use, with json-rules-engine's semantics for known values
 * (engine-default-operators.js in json-rules-engine 7): numeric operators are false when the fact
 * value is not a number. An unknown fact value is handled before an operator is reached.
 *
 * A fact may also be known only as a range: Karnofsky from an ECOG grade (ECOG 1 is KPS 70–80,
 * rules/performance-status.json). An operator then holds if it holds at both ends, fails if it
 * fails at both, and is unknown otherwise.
 */
import type { Operator } from '../criteria/facts';

const isNumeric = (x: unknown): boolean => Number.parseFloat(x as string).toString() !== 'NaN';

export const OPERATORS: Record<Operator, (fact: unknown, value: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  lessThan: (a, b) => isNumeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumeric(a) && (a as number) >= (b as number),
};

/** A numeric fact known only to lie in [lo, hi]. */
export class NumericRange {
  constructor(
    readonly lo: number,
    readonly hi: number,
  ) {}
}

/** Applies an operator to a known value or a range: true, false or null (unknown). */
export function applyOperator(op: (fact: unknown, value: unknown) => boolean, fact: unknown, value: unknown): boolean | null {
  if (fact instanceof NumericRange) {
    const lo = op(fact.lo, value);
    const hi = op(fact.hi, value);
    return lo === hi ? lo : null;
  }
  return op(fact, value);
}
