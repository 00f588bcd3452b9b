/**
 * Screening examinations named as a requirement of their own (screening_assessments), a condition
 * that would preclude the study's assessments (compliance), living within a distance of the clinic
 * (residence) and the French WHO performance status (OMS). Real corpus lines with the rule they must
 * get, and lines that must not get it.
 */
import { attest, attestationTopics, readRule } from '../support/criteria';

describe('screening examinations required before entry', () => {
  it('reads a history and physical examination within a window as the study team question', () => {
    for (const line of [
      'Participants must have complete history and physical examination within 28 days prior to randomization',
      'Participants must have history and physical exam obtained within 21 days prior to registration',
      'A complete physical examination within 28 days prior to randomization',
      'Radiological evaluation should occur within 28 days prior to enrollment initiation.',
    ])
      expect(readRule(line, 'inclusion')).toEqual({ condition: attest('screening_assessments', true), unread: '' });
  });

  it('keeps the words it does not cover unread', () => {
    expect(
      readRule(
        'History and physical examination by treating physician (head and neck surgeon and radiation oncologist) within 28 days prior registration',
        'inclusion',
      ),
    ).toEqual({
      condition: attest('screening_assessments', true),
      unread: 'head and neck surgeon and radiation oncologist',
    });
  });

  it('reads its absence in an exclusion', () => {
    expect(
      readRule(
        'Patients without a baseline assessment of tumor burden undertaken prior to initiating T-DXd.',
        'exclusion',
      ),
    ).toEqual({ condition: attest('screening_assessments', false), unread: 'T-DXd' });
  });

  it('does not read an examination that must show a finding, a time point or a form', () => {
    const topics = (text: string): string[] => attestationTopics(readRule(text, 'inclusion').condition);
    expect(
      topics(
        'Documented disease-free status (no recurrence) by imaging and physical exam within 4 weeks prior to randomization.',
      ),
    ).toEqual([]);
    expect(
      topics('Karnofsky Performance Status (KPS) greater than or equal to 40 at the time of baseline evaluation.'),
    ).toEqual([]);
    expect(
      topics(
        'Participants must have measurable disease. All measurable disease must be assessed within 28 days prior to step 2 registration. All non-measurable disease must be assessed within 42 days prior to step 2 registration. Note: All disease must be assessed and documented on the Baseline Tumor Assessment Form (Response Evaluation Criteria in Solid Tumors \\[RECIST\\] 1.1)',
      ),
    ).toEqual([]);
  });

  it('does not read a 24-hour urine collection as research samples', () => {
    expect(
      attestationTopics(
        readRule(
          '(B4) Patient has proteinuria as demonstrated by urine protein:creatinine ratio ≥1.0 at screening or urine dipstick for proteinuria ≥2 (patients discovered to have ≥2 proteinuria on dipstick at baseline should undergo 24-hour urine collection and must demonstrate \\<2 g of protein in 24 hours',
          'exclusion',
        ).condition,
      ),
    ).toEqual([]);
  });
});

describe('a condition that would preclude the study assessments', () => {
  it('reads cognitive impairment precluding response to study assessments as compliance', () => {
    // The impairment is necessary too (history-conditions.ts keeps it, with its effect for a coordinator).
    expect(
      attestationTopics(
        readRule(
          'Cognitive impairment that would preclude response to study assessments or require the use of Legally Authorized Representatives',
          'exclusion',
        ).condition,
      ),
    ).toEqual(['compliance=false']);
  });

  it('does not add compliance to an impairment that precludes exercise', () => {
    expect(
      readRule('No physical impairment that would preclude participation in physical exercise.', 'inclusion').condition,
    ).toEqual(attest('exercise_possible', true));
  });
});

describe('living within a distance of the clinic', () => {
  it('reads it as residence and keeps the other area unread', () => {
    expect(
      readRule(
        'Patients are residing ≤ 35 miles of clinic (hub) or within the area serviced by supplier and paramedic network',
        'inclusion',
      ),
    ).toEqual({ condition: attest('residence', true), unread: 'area serviced by supplier and paramedic network' });
  });
});

describe('OMS performance status', () => {
  it('reads the French WHO scale as ECOG', () => {
    expect(readRule('OMS 0-3', 'inclusion')).toEqual({
      condition: { fact: 'ecog', operator: 'lessThanInclusive', value: 3 },
      unread: '',
    });
  });
});
