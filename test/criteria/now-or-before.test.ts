/**
 * "Current or prior use of …", "History of or active pneumonitis", "Current or past history of CNS
 * metastases": now or before is ever, which a finding with no time of its own already reads. Left
 * unread, "current" stood in an exclusion as one more way to be excluded, and the criterion was unknown
 * for every patient. Verbatim corpus lines.
 */
import { criterionRule, judgeRecord, readRule } from '../support/criteria';

describe('now or before, said together', () => {
  it('reads "Current or prior use" with the use it dates (NCT05211895 e10)', () => {
    const rule = criterionRule('Current or prior use of immunosuppressive medication within 14 days before the first dose of durvalumab.', 'exclusion');
    expect(JSON.stringify(rule)).not.toContain('unparsed');
    expect(judgeRecord(rule, { treatments: [{ name: 'tacrolimus', start: '2025-05-25' }] })).toBe(true);
    // A course that ended a year before is not use within the window (whether other medicines were used is unknown).
    expect(judgeRecord(rule, { treatments: [{ name: 'tacrolimus', start: '2024-01-10', end: '2024-03-01' }] })).not.toBe(true);
  });

  it('reads "Current or past history of" and "history of or active" as ever (NCT06760637 e2, NCT07237594 e6)', () => {
    expect(readRule('Current or past history of central nervous system metastases.', 'exclusion').unread).toBe('');
    expect(readRule('History of or active (non-infectious) pneumonitis that required steroids', 'exclusion').unread).not.toMatch(/\bactive\b/);
  });

  it('leaves "current" alone when it dates one finding only (NCT05384496 e7)', () => {
    expect(readRule('Current Class II or higher congestive heart failure as defined by the New York Heart Association (NYHA) functional classification system.', 'exclusion').unread).toMatch(/Current/);
  });
});
