/**
 * A list's own numbering left at the start of an item after its bullet ("* 3.1.5 Age ≥18 years.",
 * "* 15A. No prior …", "* E 18. …", "* 1\. Life expectancy …"), read as saying nothing.
 * Lines are verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz) unless
 * marked as a variant.
 */
import { parseCriteria } from '../../src/criteria/parse';
import { readRule } from '../support/criteria';

/** One bulleted item of a list, as CT.gov writes one with its own number after the bullet. */
function item(text: string, kind: 'inclusion' | 'exclusion'): { status: string; rule: unknown } {
  const c = parseCriteria(`${kind === 'inclusion' ? 'Inclusion' : 'Exclusion'} Criteria:\n\n* ${text}`)[0]!;
  return { status: c.status, rule: c.rule };
}

describe('item numbers after the bullet', () => {
  it('reads the item whole without its number', () => {
    expect(item('3.1.5 Age ≥18 years.', 'inclusion')).toEqual({
      status: 'parsed',
      rule: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 18 }] },
    });
    expect(item('1\\. Life expectancy of less than 6 months', 'exclusion')).toEqual({
      status: 'parsed',
      rule: { all: [{ fact: 'lifeExpectancyMonths', operator: 'lessThan', value: 6 }] },
    });
    expect(item('2\\. Male or female patients who are at least 18 years of age on the day of signing informed consent.', 'inclusion').rule).toEqual({
      all: [
        { fact: 'sex', operator: 'in', value: ['female', 'male', 'other'] },
        { fact: 'age', operator: 'greaterThanInclusive', value: 18 },
      ],
    });
  });

  it('reads an item a reader anchors at its start once the number is gone', () => {
    const r = item('15A. No prior Grade ≥3 irAE leading to permanent discontinuation of prior anti-PD1/PD L1.', 'inclusion');
    expect(JSON.stringify(r.rule)).toContain('"topic":"prior_severe_irae"');
    expect(JSON.stringify(r.rule)).not.toContain('15A');
  });

  it('keeps a number that is part of the requirement', () => {
    // A decimal, or a number with no word after it, opens no label.
    expect(readRule('2.5 x ULN', 'inclusion').unread).toBe('2.5');
    expect(readRule('1.18 to 75 years. 2. Clinically diagnosed', 'inclusion').unread).toContain('1.18 to 75 years');
  });

  it('reads an item whose number is glued to its first word, or doubled as a letter (NCT06596915, NCT07287917, NCT06172478)', () => {
    expect(item('4.Pregnant or lactating women.', 'exclusion')).toEqual({
      status: 'parsed',
      rule: { any: [{ fact: 'pregnant', operator: 'equal', value: true }, { fact: 'breastfeeding', operator: 'equal', value: true }] },
    });
    expect(JSON.stringify(item('d.Monoclonal antibodies: \\>21 days must have elapsed from the infusion of last dose of antibody', 'inclusion').rule)).not.toContain('d.Monoclonal');
    expect(JSON.stringify(item('ee. Participant must have received one line of chemotherapy for mBC', 'inclusion').rule)).not.toContain('"ee');
  });

  it('keeps a glued decimal, whose second part is a digit', () => {
    expect(readRule('2.5 x ULN', 'inclusion').unread).toBe('2.5');
  });
});

