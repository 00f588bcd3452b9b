/**
 * Counts of prior lines in the forms the lines reader (therapy.ts readLines) left half read: a
 * comparator in words repeated as a symbol in parentheses ("Less than or equal to (<=2)"), a lower
 * and an upper bound in one phrase ("≥1 and <3", "at least 1 but ≤ 3", "at least 2 and a maximum of
 * 3"), the lines' outcome said as failure or refractoriness ("failed at least two lines", "refractory
 * to at least 1 prior line", "progressed or were resistant to 1 prior systemic therapy"), a regulator's
 * approval inside the count ("prior FDA-approved targeted therapy"), and a count that binds only the
 * patients with a marker ("Patients with actionable genomic abnormality … must have received …").
 * Criteria lines are verbatim from the corpus unless marked.
 */
import type { Condition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, lines, readRule, therapy } from '../support/criteria';

const progressed = therapy({ kinds: ['systemic'], outcome: 'progression' });
const line = (n: number, outcome?: 'progression' | 'response') => ({
  name: 'carboplatin',
  start: `202${n}-01-10`,
  end: `202${n}-09-01`,
  setting: 'metastatic',
  line: n,
  ...(outcome ? { outcome } : {}),
});
const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record);

describe('a comparator in words repeated as a symbol in parentheses', () => {
  it('reads "Less than or equal to (\\<=2) prior lines of EGFR TKIs" as at most 2, the exception beside it unread (NCT06417814)', () => {
    const r = readRule(
      'Less than or equal to (\\<=2) prior lines of EGFR TKIs (osimertinib is the only permitted prior third generation EGFR TKI).',
      'inclusion',
    );
    expect(r.condition).toEqual(lines('lessThanInclusive', 2, { classes: ['egfr_tki'] }));
    expect(r.unread).toMatch(/osimertinib/);
  });

  it('leaves the count unread where the symbol contradicts the words (constructed)', () => {
    expect(readRule('Less than or equal to (>=2) prior lines of therapy.', 'inclusion').condition).toBeNull();
  });

  it('reads no count from an item label "(2)" with no words before it (constructed)', () => {
    const r = readRule('(2) prior lines of therapy', 'inclusion');
    expect(r.condition === null || !leavesOf(r.condition).some((l) => l.fact === 'priorLines')).toBe(true);
  });
});

describe('a lower and an upper bound in one phrase', () => {
  it('reads "≥1 and \\<3 prior lines" as both bounds, with the outcome and the setting (NCT06172478)', () => {
    const r = readRule(
      'Disease progression after having received treatment with ≥1 and \\<3 prior lines of systemic therapy in the unresectable recurrent or metastatic setting.',
      'inclusion',
    );
    expect(r).toEqual({
      condition: {
        all: [
          { all: [lines('greaterThanInclusive', 1, { setting: 'advanced' }), lines('lessThan', 3, { setting: 'advanced' })] },
          progressed,
        ],
      },
      unread: '',
    });
  });

  it('passes two progressed lines and fails one or three (NCT06172478)', () => {
    const { condition } = readRule('Disease progression after having received treatment with ≥1 and \\<3 prior lines of systemic therapy.', 'inclusion');
    expect(judge({ treatments: [line(1), line(2, 'progression')] }, condition!)).toBe(true);
    expect(judge({ treatments: [line(1), line(2), line(3, 'progression')] }, condition!)).toBe(false);
  });

  it('reads "at least 1 but ≤ 3 lines" (NCT05914116)', () => {
    const r = readRule('Received at least 1 but ≤ 3 lines of prior systemic anticancer therapy.', 'inclusion');
    expect(r.condition).toEqual({ all: [lines('greaterThanInclusive', 1), lines('lessThanInclusive', 3)] });
  });

  it('reads "at least 2 and a maximum of 3 prior lines" with the outcome before it (NCT06330064)', () => {
    const r = readRule('Relapse or progression after at least 2 and a maximum of 3 prior lines of systemic therapy.', 'inclusion');
    expect(r).toEqual({ condition: { all: [{ all: [lines('greaterThanInclusive', 2), lines('lessThanInclusive', 3)] }, progressed] }, unread: '' });
  });

  it('leaves bounds that cannot both hold unread (constructed)', () => {
    const r = readRule('Received at least 3 and <3 prior lines.', 'inclusion');
    expect(r.condition).toBeNull();
  });
});

describe('failure or refractoriness said of the lines', () => {
  it('reads "refractory to at least 1 prior line" as progression on the lines (NCT05607095)', () => {
    const r = readRule('Must have a confirmed diagnosis of unresectable or metastatic angiosarcoma that is refractory to at least 1 prior line of systemic therapy', 'inclusion');
    expect(r.unread).toBe('');
    expect(leavesOf(r.condition!)).toEqual(expect.arrayContaining([lines('greaterThanInclusive', 1), progressed]));
  });

  it('reads "refractory or relapsed after at least two previous lines" (NCT05607199)', () => {
    const r = readRule('Patients of CD20+ B cell NHL, who are refractory or relapsed after at least two previous lines of therapy', 'inclusion');
    expect(leavesOf(r.condition!)).toEqual(expect.arrayContaining([lines('greaterThanInclusive', 2), progressed]));
    expect(r.unread).not.toMatch(/refractory/);
  });

  it('keeps "progressed or were resistant to 1 prior systemic therapy" one outcome, joined to the rest (NCT03761914)', () => {
    const r = readRule('Patients must have measurable disease (by CT or MRI) after they progressed or were resistant to 1 prior systemic therapy.', 'inclusion');
    expect(r.condition).toEqual({ all: [{ fact: 'measurableDisease', operator: 'equal', value: true }, lines('greaterThanInclusive', 1), progressed] });
  });

  it('reads "failed at least two lines of standard treatment" (NCT07310784, its lead clause)', () => {
    const r = readRule('Has failed at least two lines of standard treatment', 'inclusion');
    expect(r).toEqual({ condition: { all: [lines('greaterThanInclusive', 2), progressed] }, unread: '' });
  });

  it('leaves the outcome unread beside an intolerance route (constructed)', () => {
    const r = readRule('Must have failed or be intolerant to at least 2 prior lines of therapy', 'inclusion');
    expect(leavesOf(r.condition!).some((l) => (l.params as { outcome?: string } | undefined)?.outcome === 'progression')).toBe(false);
    expect(r.unread).toMatch(/intolerant/);
  });
});

describe('a regulator approval inside the count', () => {
  it('keeps "FDA-approved" an unread qualifier of the counted lines (constructed from NCT05269381)', () => {
    const r = readRule('Must have received and progressed on at least one line of prior FDA-approved targeted therapy', 'inclusion');
    expect(r.condition).toEqual({ all: [lines('greaterThanInclusive', 1, { kinds: ['targeted'] }), progressed] });
    expect(r.unread).toBe('FDA-approved');
  });

  it('binds the count to the patients with the markers, never to everyone (NCT05269381)', () => {
    const r = readRule(
      'Patients with actionable genomic abnormality including, but not limited to EGFR, ALK, MET, ROS-1, RET, NTRK, KRAS or BRAF must have received and progressed on at least one line of prior FDA-approved targeted therapy',
      'inclusion',
    );
    // A patient with no driver alteration and no targeted therapy is not failed.
    expect(judge({ treatments: [] }, r.condition!)).not.toBe(false);
    expect('all' in r.condition! && r.condition.all.some((c) => 'fact' in c && c.fact === 'priorLines')).toBe(false);
  });

  it('still reads the population and the count together where the population is exact (constructed)', () => {
    const r = readRule('Patients with EGFR mutation must have received at least one line of prior targeted therapy', 'inclusion');
    expect(r.condition).toEqual({
      any: [
        { fact: 'biomarker', operator: 'equal', value: false, params: { gene: 'EGFR', alteration: 'mutation', status: 'detected' } },
        lines('greaterThanInclusive', 1, { kinds: ['targeted'] }),
      ],
    });
  });
});

describe('the outcome said after the count', () => {
  it('reads "at least one prior line … and have progressed" (constructed from NCT05914116)', () => {
    const r = readRule('Must have received at least one prior line of systemic therapy and have progressed.', 'inclusion');
    expect(r).toEqual({ condition: { all: [lines('greaterThanInclusive', 1), progressed] }, unread: '' });
  });

  it('reads "… and experienced disease progression on or after the most recent line" (constructed)', () => {
    const r = readRule('Must have received at least one prior line of therapy and experienced disease progression on or after the most recent line.', 'inclusion');
    expect(r).toEqual({ condition: { all: [lines('greaterThanInclusive', 1), progressed] }, unread: '' });
  });

  it('leaves "progressive/persistent", "progression or intolerance" and a window unread (constructed)', () => {
    for (const tail of ['and have progressive/persistent disease', 'and have progression or intolerance', 'and have progression within 6 months']) {
      const r = readRule(`Received at least 2 prior lines of therapy ${tail}.`, 'inclusion');
      expect(r.condition).toEqual(lines('greaterThanInclusive', 2));
      expect(r.unread).not.toBe('');
    }
  });

  it('reads no outcome after the count in an exclusion (constructed)', () => {
    const r = readRule('Received at least 2 prior lines of therapy and have progressed.', 'exclusion');
    expect(leavesOf(r.condition!).some((l) => (l.params as { outcome?: string } | undefined)?.outcome)).toBe(false);
  });
});

describe('a count beside a rule for counting lines', () => {
  it('reads "at least one prior therapy for unresectable disease" as sufficient where the rule only adds (neo)adjuvant lines (NCT05914116)', () => {
    const r = readRule(
      'Having received at least one prior therapy for unresectable disease. Patients with recurrence within 6 months of completion of neoadjuvant or adjuvant therapy will be considered as having received one prior therapy for unresectable disease.',
      'inclusion',
    );
    const any = (r.condition as { any: Condition[] }).any;
    expect(any[0]).toEqual(lines('greaterThanInclusive', 1, { setting: 'advanced' }));
    expect(any[1]).toMatchObject({ fact: 'unparsed' });
    // A record with no line in the advanced setting is not failed: its adjuvant therapy may count.
    expect(judge({ treatments: [{ ...line(1), setting: 'adjuvant' }] }, r.condition!)).not.toBe(false);
    expect(judge({ treatments: [line(1)] }, r.condition!)).toBe(true);
  });

  it('keeps only the necessary bound where the rule removes lines (NCT05914116)', () => {
    const r = readRule(
      'Has received 1 or 2 prior systemic therapy regimens for recurrent or metastatic cervical cancer. Chemotherapy administered in the adjuvant or neoadjuvant setting, or in combination with radiation therapy, should not be counted as a systemic therapy regimen. Single agent therapy with an anti-PD(L)1 agent for recurrent or metastatic cervical cancer should be counted.',
      'inclusion',
    );
    const all = (r.condition as { all: Condition[] }).all;
    expect(all[0]).toEqual(lines('greaterThanInclusive', 1, { setting: 'advanced' }));
    expect(leavesOf(r.condition!).some((l) => l.operator === 'lessThanInclusive')).toBe(false);
    expect(judge({ treatments: [line(1), line(2), line(3)] }, r.condition!)).not.toBe(false);
    expect(judge({ treatments: [] }, r.condition!)).not.toBe(true);
  });

  it('reads an upper bound as necessary where the rule adds lines (constructed from NCT07281924)', () => {
    const r = readRule(
      '0-1 line of prior systemic therapy in the unresectable/metastatic setting. Prior adjuvant anti-PD-1 is considered 1 line of prior systemic therapy if less than 6 months from the last treatment.',
      'inclusion',
    );
    expect((r.condition as { all: Condition[] }).all[0]).toEqual(lines('lessThanInclusive', 1, { setting: 'advanced' }));
  });

  it('reads no count from a definition alone: it is a definition, which asks nothing (NCT06330064, NCT06172478; line-count-definitions.test.ts)', () => {
    const definition = { fact: 'noRequirement', operator: 'equal', value: true, params: { about: 'definition' } };
    for (const text of ['Perioperative systemic therapies will be counted as 1 line of therapy.', 'The same regimen administered twice in different disease settings will be counted as 1 line of prior therapy']) {
      const r = readRule(text, 'inclusion');
      expect(leavesOf(r.condition!).some((l) => l.fact === 'priorLines')).toBe(false);
      expect(r.condition).toEqual(definition);
    }
  });

  it('reads no count without a setting, whose record count may hold the adjuvant lines (constructed)', () => {
    const r = readRule('At least 2 prior lines of therapy. Adjuvant therapy counts as one line.', 'inclusion');
    expect(r.condition).toBeNull();
  });
});
