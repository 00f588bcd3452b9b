/**
 * Counts of lines limited to a class or drug ("2 prior platinum-based regimens", "more than 3 prior lines of
 * anti-PD-1 antibody-containing regimens") are read as priorLines with those classes or drugs, which the
 * evaluator counts; a list joined by "and" stays unread. Comparators spelt out ("less than or equal to")
 * keep their direction, and a count offered as one route ("treatment-naive or after one prior line") is
 * not required. Lines are verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz)
 * unless marked as a variant.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { readRule } from '../support/criteria';

const lines = (c: Condition | null): Condition[] => (c ? leavesOf(c).filter((l) => l.fact === 'priorLines') : []);
const count = (operator: string, value: number, params?: Record<string, unknown>): Condition => ({
  fact: 'priorLines',
  operator,
  value,
  ...(params ? { params } : {}),
} as Condition);

describe('lines counted for one class or drug', () => {
  it('reads "must not have had exposure to more than 3 prior lines of anti-PD-1 …" as at most 3 anti-PD-1 lines, not as no anti-PD-1', () => {
    const r = readRule(
      'Participants must not have had exposure to more than 3 prior lines of anti-PD-1 antibody-containing therapeutic regimens administered in the metastatic setting.',
      'inclusion',
    );
    const leaves = leavesOf(r.condition!);
    expect(leaves).toContainEqual(count('lessThanInclusive', 3, expect.objectContaining({ classes: ['anti_pd1'] })));
    // The earlier reading excluded every patient who had any anti-PD-1.
    expect(leaves.filter((l) => l.fact === 'priorTherapy' && (l as { value?: unknown }).value === false)).toEqual([]);
  });

  it('reads an exclusion "More than one prior line of checkpoint inhibitor treatment in the … metastatic setting"', () => {
    const r = readRule('More than one prior line of checkpoint inhibitor treatment in the unresectable advanced or metastatic setting;', 'exclusion');
    expect(lines(r.condition)).toEqual([count('greaterThan', 1, { setting: 'advanced', classes: ['checkpoint_inhibitor'] })]);
    expect(r.unread).toBe('');
  });

  it('keeps both drugs of "oxaliplatin- or irinotecan-containing regimen"', () => {
    const r = readRule(
      'For one part of the study, participants must have received at least one prior oxaliplatin- or irinotecan-containing regimen for advanced or metastatic CRC.',
      'inclusion',
    );
    expect(lines(r.condition)).toEqual([count('greaterThanInclusive', 1, { setting: 'advanced', drugs: ['oxaliplatin', 'irinotecan'] })]);
  });

  it('leaves a count of lines holding two treatments joined by "and" unread (variant)', () => {
    const r = readRule('At least 2 prior lines of platinum and taxane chemotherapy.', 'inclusion');
    expect(lines(r.condition)).toEqual([]);
  });

  it('leaves a list mixing a class with a kind unread (variant)', () => {
    const r = readRule('No more than 2 prior lines of EGFR TKIs or chemotherapy.', 'inclusion');
    expect(lines(r.condition)).toEqual([]);
  });
});

describe('comparators and routes', () => {
  it('reads "less than or equal to 2 prior lines" as at most 2 (variant; it read as at least 2)', () => {
    expect(lines(readRule('Less than or equal to 2 prior lines of therapy.', 'inclusion').condition)).toEqual([count('lessThanInclusive', 2)]);
    expect(lines(readRule('Greater than or equal to 2 prior lines of therapy.', 'inclusion').condition)).toEqual([count('greaterThanInclusive', 2)]);
  });

  it('does not read a count after a comparator it does not know as "at least" (variant)', () => {
    expect(lines(readRule('Prior therapy limited to 2 prior lines of therapy.', 'inclusion').condition)).toEqual([]);
  });

  it('does not require the count offered as one route after "or"', () => {
    const r = readRule(
      'Treatment-naive or after one prior line of checkpoint inhibitor treatment (anti-CTLA4 \\[Cytotoxic T-Lymphocyte Antigen-4\\] and/or anti-PD(L)1 \\[Programmed cell Death protein 1\\]) in the unresectable advanced or metastatic setting.',
      'inclusion',
    );
    expect(lines(r.condition)).toEqual([]);
  });

  it('still reads a count after "on or after" and "relapse or progression after"', () => {
    const a = readRule(
      'Participants must have had disease progression while on or after 1 or 2 lines of chemotherapy in the recurrent locally advanced or metastatic setting.',
      'inclusion',
    );
    expect(lines(a.condition)).toEqual([
      count('greaterThanInclusive', 1, { setting: 'advanced', kinds: ['chemotherapy'] }),
      count('lessThanInclusive', 2, { setting: 'advanced', kinds: ['chemotherapy'] }),
    ]);
    const b = readRule(
      'Pathologically or cytologically documented unresectable or metastatic Ad-eso/GEJ/Gastric that has relapsed or progressed after 1 prior line of systemic therapy in the locally advanced/metastatic setting.',
      'inclusion',
    );
    expect(lines(b.condition)).toEqual([count('greaterThanInclusive', 1, { setting: 'advanced' })]);
  });
});
