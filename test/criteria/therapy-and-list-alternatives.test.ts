/**
 * A list of treatments joined by "and" that a subgroup must have had, or that stands beside an
 * alternative the parser cannot read ("Patients with pancreatic cancer must have received gemcitabine,
 * 5FU, and oxaliplatin (or similar agents), or have contraindications to receiving those medications").
 * Each member is read as its own sufficient finding, any(member, the unread sentence), which joined by
 * "and" is any(all(members), unread): a patient who had every member meets the criterion, and no
 * patient is failed, since the subgroup or the alternative may let them in.
 * The first line is verbatim from the oncology corpus (NCT03745326).
 */
import type { Condition } from '../../src/criteria/facts';
import { judgeRecord, readRule, therapyLeaves } from '../support/criteria';

const PANCREATIC =
  'Patients with pancreatic cancer must have received gemcitabine, 5FU, and oxaliplatin (or similar agents), or have contraindications to receiving those medications.';

const had = (...names: string[]) => ({ treatments: names.map((name) => ({ name, kind: 'systemic' as const, start: '2024-01-10' })) });

describe('a list joined by "and" bound to a subgroup or beside an unread alternative', () => {
  it('reads each member of the list, keeping the subgroup and the alternative unread', () => {
    const { condition, unread } = readRule(PANCREATIC, 'inclusion');
    const drugs = therapyLeaves(condition).map((l) => ((l as { params: { drugs?: string[] } }).params.drugs ?? []).join());
    expect(drugs).toEqual(['gemcitabine', 'fluorouracil', 'oxaliplatin']);
    expect(unread).toContain('pancreatic cancer');
    expect(unread).toContain('contraindications');
  });

  it('is met by a patient who had every member, and fails no one', () => {
    const condition = readRule(PANCREATIC, 'inclusion').condition as Condition;
    expect(judgeRecord(condition, had('gemcitabine', 'fluorouracil', 'oxaliplatin'))).toBe(true);
    // Only some members, none, or a similar agent: the subgroup or the alternative may still let them in.
    expect(judgeRecord(condition, had('gemcitabine'))).toBeNull();
    expect(judgeRecord(condition, had('irinotecan'))).toBeNull();
    expect(judgeRecord(condition, {})).toBeNull();
  });

  it('reads "A and B" bound to a cancer named as a subgroup the same way', () => {
    const condition = readRule('Patients with melanoma must have received a BRAF inhibitor and a MEK inhibitor.', 'inclusion').condition as Condition;
    expect(judgeRecord(condition, had('dabrafenib', 'trametinib'))).toBe(true);
    expect(judgeRecord(condition, had('dabrafenib'))).toBeNull();
  });

  it('still requires every member where nothing lets a patient in otherwise', () => {
    const condition = readRule('Must have received gemcitabine, 5FU, and oxaliplatin.', 'inclusion').condition as Condition;
    expect(judgeRecord(condition, had('gemcitabine'))).toBe(false);
  });
});
