/**
 * Blood pressure limits (rules/labs.json systolic_bp, diastolic_bp; LOINC 8480-6, 8462-4): separate
 * systolic and diastolic limits, "blood pressure > 150/90" as either number above, and the places
 * where a limit stays unread (a lower "90/60" pair, a list of other conditions, a negated clause).
 * Every line is a real corpus criterion.
 */
import type { Condition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { cond, lab, readRule } from '../support/criteria';

const sbp = (operator: string, value: number): Condition => lab('systolic_bp', 'mmHg', operator, value);
const dbp = (operator: string, value: number): Condition => lab('diastolic_bp', 'mmHg', operator, value);
const activeHypertension = cond({ names: ['hypertension'], active: true });

describe('blood pressure in the lab lexicon', () => {
  it('carries the FHIR vital-signs LOINC codes and a plausible range in mmHg', () => {
    const labs = lexicons().labById;
    expect(labs.get('systolic_bp')).toMatchObject({ unit: 'mmHg', loinc: ['8480-6'] });
    expect(labs.get('diastolic_bp')).toMatchObject({ unit: 'mmHg', loinc: ['8462-4'] });
  });
});

describe('systolic and diastolic limits', () => {
  it('reads a definition of uncontrolled hypertension as either limit exceeded', () => {
    const r = readRule(
      'Uncontrolled hypertension defined as persistent systolic blood pressure \\>= 150 mmHg or diastolic blood pressure \\>= 100 mmHg despite current therapy;',
      'exclusion',
    );
    // The hypertension it defines is read too; either limit exceeded defines it, so both bind to it.
    expect(r.condition).toEqual({ all: [activeHypertension, { any: [sbp('greaterThanInclusive', 150), dbp('greaterThanInclusive', 100)] }] });
  });

  it('reads abbreviations and keeps the condition they qualify', () => {
    expect(readRule('Poorly controlled hypertension (SBP ≥150 mmHg or DBP ≥90 mmHg);', 'exclusion').condition).toEqual({
      all: [activeHypertension, { any: [sbp('greaterThanInclusive', 150), dbp('greaterThanInclusive', 90)] }],
    });
    expect(readRule('Severe hypertension (diastolic BP \\> 100 mmHg)', 'exclusion').condition).toEqual({
      all: [activeHypertension, dbp('greaterThan', 100)],
    });
  });

  it('reads lower limits of a hypotension criterion and both limits of an inclusion', () => {
    expect(readRule('Uncontrolled hypotension: SBP \\<90 mmHg and/or DBP \\<50 mmHg.', 'exclusion').condition).toEqual({
      any: [sbp('lessThan', 90), dbp('lessThan', 50)],
    });
    const r = readRule(
      'Systolic blood pressure \\< 160 mmHg and diastolic blood pressure \\< 100 mmHg (Grade ≤ 2).',
      'inclusion',
    );
    expect(r.condition).toEqual({ all: [sbp('lessThan', 160), dbp('lessThan', 100)] });
  });

  it('reads "systolic" and "diastolic" alone when followed by a limit', () => {
    const r = readRule(
      'Treatment-refractory hypertension defined as a blood pressure of systolic \\>150 mmHg and/or diastolic \\>90 mmHg despite adequate attempts at antihypertensive therapy.',
      'exclusion',
    );
    // "Treatment-refractory hypertension" is a kind the conditions lexicon does not name: only the limits are read.
    expect(r.condition).toEqual({ any: [sbp('greaterThan', 150), dbp('greaterThan', 90)] });
    expect(r.unread).toContain('refractory hypertension');
  });
});

describe('a blood pressure written as one reading', () => {
  it('reads "> 150/90" as either number above', () => {
    const r = readRule(
      'Uncontrolled hypertension defined as blood pressure (BP) that is consistently \\> 150/90 on antihypertensive therapy at the time of registration (Patients with hypertension that is well controlled on medication are eligible)',
      'exclusion',
    );
    expect(r.condition).toEqual({ all: [activeHypertension, { any: [sbp('greaterThan', 150), dbp('greaterThan', 90)] }] });
  });

  it('binds the reading to the hypertension it defines', () => {
    const r = readRule(
      'Uncontrolled hypertension (blood pressure≥140/90 mmHg even with antihypertensive therapy)',
      'exclusion',
    );
    expect(r.condition).toEqual({
      all: [activeHypertension, { any: [sbp('greaterThanInclusive', 140), dbp('greaterThanInclusive', 90)] }],
    });
  });

  it('leaves a lower pair unread: "below 90/60" may mean either or both numbers', () => {
    const r = readRule(
      'Anyone who, at screening, has clinically significant findings on physical examination, including resting vital signs (HR below 40 or above 120 bpm, blood pressure below 90/60 or above 140/90), ECG (QTcF \\> 450 msec for males)',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).not.toContain('_bp');
  });
});

describe('blood pressure limits left unread', () => {
  it('does not bind a limit of one listed condition to the whole list', () => {
    const r = readRule(
      'History of any of the following \\<=6 months before first dose of study drug(s): congestive heart failure New York Heart Association Grade III or IV, unstable angina, myocardial infarction, persistent hypertension \\>=160/100 millimeters of mercury (mmHg) despite optimal medical therapy',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).not.toContain('_bp');
    expect(r.unread).toContain('160/100');
  });

  it('does not read a negated limit as a requirement', () => {
    const r = readRule(
      'Participants must not have evidence of preexisting uncontrolled hypertension 28 days prior to step 1 registration as documented by baseline blood pressure reading with systolic blood pressure \\> 150 mmHg and/or diastolic blood pressure \\> 90 mmHg',
      'inclusion',
    );
    expect(JSON.stringify(r.condition)).not.toContain('_bp');
    expect(r.condition).toEqual({ ...activeHypertension, value: false });
    expect(r.unread).toContain('systolic blood pressure > 150 mmHg');
  });

  it('reads no intraocular pressure as blood pressure', () => {
    expect(readRule('Intraocular pressure \\> 21 mmHg;', 'exclusion').condition).toBeNull();
  });
});
