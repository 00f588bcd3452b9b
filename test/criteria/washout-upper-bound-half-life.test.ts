/**
 * An upper bound whose anchor comes only after its half-life alternative (therapy-windows.ts
 * windowForms): "investigational therapy administered ≤ 4 weeks, or within a time interval less than
 * at least 5 half-lives of the investigational agent, whichever is longer, prior to the first scheduled
 * day of dosing". The days are the window; the half-lives stay unread, read into it by their
 * "whichever": with "longer" the window is at least the days (any(X within the days, all(X, unread))),
 * with "shorter" at most the days (all(X within the days, unread)). Lines are verbatim from the oncology
 * corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 *
 * Cases: NCT07237100 e5 (longer), NCT06194929 e2 and NCT06365619 e3 (shorter), judged on records.
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, readRule, therapy, unparsed } from '../support/criteria';

const AS_OF = '2025-06-01';
const judge = (c: Condition, record: PatientRecord) => judgeRecord(c, record, AS_OF);
const endedAgo = (name: string, daysAgo: number) => {
  const d = new Date(Date.parse(AS_OF) - daysAgo * 86_400_000).toISOString().slice(0, 10);
  return { name, kind: 'systemic' as const, start: d, end: d };
};

describe('an upper bound with its half-life alternative before the anchor', () => {
  it('reads "≤ 4 weeks, or … 5 half-lives …, whichever is longer, prior to" as at least the days (NCT07237100)', () => {
    const text =
      'Patients must not have had investigational therapy administered ≤ 4 weeks, or within a time interval less than at least 5 half-lives of the investigational agent, whichever is longer, prior to the first scheduled day of dosing in this study.';
    const { condition, unread } = readRule(text, 'exclusion');
    expect(condition).toEqual({
      any: [
        therapy({ kinds: ['investigational'], withinDays: 28 }),
        {
          all: [
            therapy({ kinds: ['investigational'] }),
            unparsed('<= 4 weeks, or within a time interval less than at least 5 half-lives of the investigational agent, whichever is longer'),
          ],
        },
      ],
    });
    expect(unread).toBe('first scheduled day of dosing');
    // An investigational agent two weeks ago is within the window however long the half-lives are.
    expect(judge(condition!, { treatments: [{ ...endedAgo('investigational agent', 14), class: 'investigational' }] })).toBe(true);
  });

  it('reads "≤ 28 days or within five half-lives prior to …, whichever is shorter" as at most the days (NCT06194929)', () => {
    const text =
      'Prior systemic anti-cancer therapy or any investigational therapy ≤ 28 days or within five half-lives prior to starting study treatment, whichever is shorter.';
    const { condition } = readRule(text, 'exclusion');
    expect(condition).toEqual({
      all: [therapy({ kinds: ['systemic', 'investigational'], withinDays: 28 }), unparsed('<= 28 days or within five half-lives, whichever is shorter')],
    });
    // Chemotherapy 60 days ago is outside the longest the window can be: not excluded.
    expect(judge(condition!, { treatments: [endedAgo('carboplatin', 60)] })).toBe(false);
  });

  it('reads the same form with one treatment (NCT06365619)', () => {
    const text = 'Prior systemic anti-cancer therapy ≤ 14 days or within five half-lives prior to starting study treatment, whichever is shorter.';
    expect(readRule(text, 'exclusion').condition).toEqual({
      all: [therapy({ kinds: ['systemic'], withinDays: 14 }), unparsed('<= 14 days or within five half-lives, whichever is shorter')],
    });
  });
});
