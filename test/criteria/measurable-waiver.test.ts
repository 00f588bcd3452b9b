/** "Patients do not need to have measurable disease" waives the requirement: it is never read as no measurable disease. */
import { leavesOf } from '../../src/criteria/facts';
import { readRule } from '../support/criteria';

describe('a waived measurable-disease requirement', () => {
  it.each(['patients do not need to have measurable disease by RECIST 1.1', 'Measurable disease is not needed.'])('reads no measurable-disease leaf in "%s"', (text) => {
    const { condition } = readRule(text, 'inclusion');
    expect((condition ? leavesOf(condition) : []).some((l) => l.fact === 'measurableDisease')).toBe(false);
  });

  it('still reads the requirement when it is stated', () => {
    const { condition } = readRule('Patients must have measurable disease by RECIST 1.1', 'inclusion');
    expect(condition ? leavesOf(condition) : []).toContainEqual({ fact: 'measurableDisease', operator: 'equal', value: true });
  });
});
