/**
 * A time that must have passed since a condition ended, asked of the patients who had it: read as
 * no such condition within that time. Real corpus lines (NCT04386967 i10, NCT05868707 i17), and
 * near misses whose group is not one named condition.
 */
import { cond, judgeRecord, readRule } from '../support/criteria';

const noRecentGenitalHerpes = cond({ names: ['genital_herpes'], withinYears: 0.25 }, false);

describe('an interval since a condition ended', () => {
  it('reads the interval as no such condition within it', () => {
    expect(readRule('Subjects with herpes in the reproductive organs needed three months after the end of herpes.', 'inclusion')).toEqual({
      condition: noRecentGenitalHerpes,
      unread: '',
    });
    expect(readRule('For subjects with genital herpes, need 3 months after the end of herpes;', 'inclusion')).toEqual({
      condition: noRecentGenitalHerpes,
      unread: '',
    });
  });

  it('reads genital herpes apart from other herpes simplex infections', () => {
    expect(readRule('No history of genital herpes', 'inclusion').condition).toEqual(cond({ names: ['genital_herpes'] }, false));
  });

  it('reads nothing when the group is not the condition that ended, or not one condition', () => {
    expect(readRule('Subjects with HIV need 3 months after the end of herpes.', 'inclusion').condition).toBeNull();
    expect(readRule('Patients with genital herpes and HIV need 3 months after the end of herpes.', 'inclusion').condition).toBeNull();
  });

  it('fails no patient the text admits: no herpes, a cold sore, genital herpes long ago', () => {
    const rule = readRule('Subjects with herpes in the reproductive organs needed three months after the end of herpes.', 'inclusion').condition!;
    expect(judgeRecord(rule, { conditions: [] })).not.toBe(false);
    expect(judgeRecord(rule, { conditions: [{ name: 'herpes simplex', date: '2025-05-01' }] })).not.toBe(false);
    expect(judgeRecord(rule, { conditions: [{ name: 'genital herpes', status: 'resolved', date: '2023-01-01' }] })).not.toBe(false);
  });
});
