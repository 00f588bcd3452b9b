/**
 * Counts of prior lines with what surrounds them: the outcome said before the count ("Disease progression
 * after ≥2 prior lines", therapy-line-outcome.ts), a condition on a treatment the count includes
 * ("including brentuximab vedotin (if eligible)", therapy-line-item-conditions.ts), and another route in
 * after the count ("… or recurrence within 12 months of adjuvant therapy"), which leaves the count
 * unrequired. Criteria lines are verbatim from the corpus unless marked.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { criterionRule, judgeRecord, lines, readRule, therapy, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record);
const progressed = therapy({ kinds: ['systemic'], outcome: 'progression' });
const hasLines = (c: Condition | null): boolean => !!c && leavesOf(c).some((l) => l.fact === 'priorLines');

describe('the outcome before a count of lines', () => {
  it('reads "relapsed after ≥ one prior line" whole (NCT05144698)', () => {
    const r = readRule('Advanced metastatic, recurrent, and unresectable solid tumor that has relapsed after ≥ one prior line of therapy.', 'inclusion');
    expect(r.unread).toBe('');
    expect(r.condition).toMatchObject({ all: expect.arrayContaining([lines('greaterThanInclusive', 1), progressed]) });
  });

  it('reads "Relapsed or disease progression after having received 1 prior line" with its setting (NCT06172478)', () => {
    const r = readRule(
      'Relapsed or disease progression after having received 1 prior line of systemic therapy in the locally advanced/metastatic setting.',
      'inclusion',
    );
    expect(r).toEqual({ condition: { all: [lines('greaterThanInclusive', 1, { setting: 'advanced' }), progressed] }, unread: '' });
  });

  it('passes a record whose line progressed, and fails one whose only line is still responding (NCT06172478)', () => {
    const { condition } = readRule(
      'Relapsed or disease progression after having received 1 prior line of systemic therapy in the locally advanced/metastatic setting.',
      'inclusion',
    );
    const line = { name: 'carboplatin', start: '2024-01-10', end: '2024-09-01', setting: 'metastatic', line: 1 };
    expect(judge({ treatments: [{ ...line, outcome: 'progression' }] }, condition!)).toBe(true);
    expect(judge({ treatments: [{ ...line, outcome: 'response' }] }, condition!)).toBe(false);
  });

  it('joins the outcome to a range of lines and their class (NCT06312176)', () => {
    const r = readRule(
      'Has radiographic disease progression on one or more lines of endocrine therapy for unresectable locally advanced/metastatic HR+/HER2- breast cancer, with one in combination with a CDK4/6 inhibitor',
      'inclusion',
    );
    expect(r.condition).toMatchObject({
      all: expect.arrayContaining([lines('greaterThanInclusive', 1, { setting: 'advanced', kinds: ['hormonal'] }), progressed]),
    });
    expect(r.unread).not.toContain('progression');
  });

  it('leaves the outcome unread where the sentence offers another way in (NCT07070232)', () => {
    const r = readRule(
      'Have experienced disease progression on at least one and no more than three lines of prior therapy or, for Cohort 1E only, discontinued from prior therapy due to intolerance.',
      'inclusion',
    );
    // A patient of Cohort 1E stopped for intolerance without progression: a required outcome would fail them.
    expect(leavesOf(r.condition!)).not.toContainEqual(progressed);
    expect(r.unread).toContain('progression');
  });

  it('reads no outcome that a time narrows ("Progression within 6 months after 1 prior line", made up)', () => {
    const r = readRule('Progression within 6 months after 1 prior line of therapy.', 'inclusion');
    expect(leavesOf(r.condition!)).not.toContainEqual(progressed);
  });
});

describe('a condition on a treatment the count includes', () => {
  it('reads the count and leaves the conditioned treatments unread (NCT06150664)', () => {
    const rule = criterionRule(
      'Patients must have received at least two prior systemic therapies including brentuximab vedotin (if eligible) and a prior PD-1 inhibitor',
      'inclusion',
    );
    expect(rule).toEqual({ all: [lines('greaterThanInclusive', 2), unparsed('brentuximab vedotin … PD-1 inhibitor')] });
    // Brentuximab vedotin is not required of a patient who was not eligible for it.
    const two = [
      { name: 'pembrolizumab', start: '2023-01-10', line: 1 },
      { name: 'gemcitabine', start: '2024-01-10', line: 2 },
    ];
    expect(judge({ treatments: two }, rule)).toBeNull();
    expect(judge({ treatments: two.slice(0, 1) }, rule)).toBe(false);
  });

  it('keeps a condition on the count itself: the count is not read (NCT02830724)', () => {
    const r = readRule(
      'Patients must have previously received at least one standard therapy for their cancer (if available) and have been either non-responders (progressive disease) or have recurred.',
      'inclusion',
    );
    expect(hasLines(r.condition)).toBe(false);
  });
});

describe('another route in after the count', () => {
  it('does not require the count where "or recurrence within 12 months of adjuvant therapy" follows (NCT07287917, excerpt of item b)', () => {
    const r = readRule(
      'For breast cancer patients: locally advanced or metastatic breast cancer with one or more actionable PIK3CA/AKT1/PTEN-alterations following progression on at least 2 endocrine-based regimens in the metastatic setting or recurrence on or within 12 months of completing adjuvant therapy.',
      'inclusion',
    );
    expect(hasLines(r.condition)).toBe(false);
  });

  it('does not require the count where "or … not be a candidate for standard first-line therapy" follows (NCT06974604, excerpt of item 2)', () => {
    const r = readRule(
      'Pathologically documented triple negative breast cancer (estrogen receptor negative and progesterone receptor negative and HER2 negative) who have progressed on at least 1 prior line of therapy or in the opinion of the treating physician, not be a candidate for standard ﬁrst-line metastatic breast cancer therapy',
      'inclusion',
    );
    expect(hasLines(r.condition)).toBe(false);
  });

  it('still reads a count whose "or" lies inside a form of the treatment (NCT06330064)', () => {
    const r = readRule(
      'Relapse or progression after 1 prior line of an ICI-containing regimen (combination or monotherapy) in the locally advanced/metastatic setting, with a maximum of 2 prior lines.',
      'inclusion',
    );
    expect(leavesOf(r.condition!)).toContainEqual(lines('greaterThanInclusive', 1));
  });
});
