/**
 * Who enrols, said with subject words around the sex or the age: "Patients who are females",
 * "Biologically male patients", "Patient is male or female", "No gender limit", "Minor patient". Lines
 * are verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz) unless marked as
 * a variant.
 */
import { readRule } from '../support/criteria';

const sexIs = (value: string) => ({ fact: 'sex', operator: 'equal', value });
const anySex = { fact: 'sex', operator: 'in', value: ['female', 'male', 'other'] };

describe('sex after subject words', () => {
  it('reads the sex a subject phrase names', () => {
    expect(readRule('Patients who are females', 'exclusion')).toEqual({ condition: sexIs('female'), unread: '' });
    expect(readRule('Biologically male patients', 'exclusion')).toEqual({ condition: sexIs('male'), unread: '' });
    // variant
    expect(readRule('Patients who are male', 'inclusion')).toEqual({ condition: sexIs('male'), unread: '' });
  });

  it('reads either sex, or no limit on it, as no requirement in an inclusion only', () => {
    for (const line of ['Biologic males or females', 'Patient is male or female.', 'No gender limit;'])
      expect(readRule(line, 'inclusion')).toEqual({ condition: anySex, unread: '' });
    // An exclusion naming both sexes would exclude everybody: nothing is read.
    expect(readRule('Both men and women, and members of all races and ethnic groups, are eligible for this trial.', 'exclusion').condition).toBeNull();
  });

  it('leaves a reproductive requirement of one sex to other readers', () => {
    // variant
    const r = readRule('Patients who are women of childbearing potential', 'exclusion');
    expect(JSON.stringify(r.condition ?? null)).not.toContain('"sex"');
  });
});

describe('minors', () => {
  it('reads minor patients excluded as an age under 18', () => {
    for (const line of ['Minor patient', 'Minor patients.' /* variant */])
      expect(readRule(line, 'exclusion')).toEqual({ condition: { fact: 'age', operator: 'lessThan', value: 18 }, unread: '' });
  });
});
