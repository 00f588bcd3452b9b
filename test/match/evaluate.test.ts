import type { Condition } from '../../src/criteria/facts';
import { alwaysUnknown } from '../../src/match/evaluate';

const unread = (text: string): Condition => ({ fact: 'unparsed', operator: 'equal', value: true, params: { text } });
const age: Condition = { fact: 'age', operator: 'greaterThanInclusive', value: 18 };

describe('alwaysUnknown (criteria the trial scan counts as unknown without evaluating)', () => {
  it('holds for rules built only of unread text', () => {
    expect(alwaysUnknown({ all: [unread('adequate organ function')] })).toBe(true);
    expect(alwaysUnknown({ any: [unread('a'), { all: [unread('b'), unread('c')] }] })).toBe(true);
  });

  it('does not hold when any leaf reads the record', () => {
    expect(alwaysUnknown({ all: [unread('a'), age] })).toBe(false);
    expect(alwaysUnknown({ any: [unread('a'), age] })).toBe(false);
  });

  it('does not hold for an empty group, which is decided (an empty all is true, an empty any false)', () => {
    expect(alwaysUnknown({ all: [] })).toBe(false);
    expect(alwaysUnknown({ any: [unread('a'), { all: [] }] })).toBe(false);
  });
});
