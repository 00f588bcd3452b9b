/**
 * "Outside the (institutional) normal range" is the opposite of "within normal limits": beyond
 * whichever limits the lab has (LVEF, normal above a lower limit only, is under its LLN). Two limits
 * in one direction joined by "or" with "whichever is higher / lower" are the stricter one (both
 * hold) or the looser one (either holds): "≥ 50% or ≥ LLN, whichever is higher" is both; "< LLN or
 * < 50% (whichever is higher)" is under either. Corpus lines verbatim where they exist.
 */
import { lab, lln, readRule, uln } from '../support/criteria';

describe('outside the normal range', () => {
  it('reads an ejection fraction outside the institutional normal range as under its LLN', () => {
    const r = readRule(
      'Patients with a cardiac ejection fraction outside of the normal range as defined by institutional standards or with a history of clinically significant cardiac arrhythmia as determined by a cardiologist.',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).toContain(JSON.stringify(lln('lvef', 'lessThan', 1)));
    expect(r.unread).not.toMatch(/ejection fraction outside/);
  });

  it('reads "outside institutional range of normal or < 50% (whichever is higher)" as under either', () => {
    const r = readRule(
      'Cardiac ejection fraction outside institutional range of normal or \\<50% (whichever is higher) as measured by echocardiogram (or multiple-gated acquisition \\[MUGA\\] scan if an echocardiogram cannot be performed or is inconclusive).',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).toContain(
      JSON.stringify([lln('lvef', 'lessThan', 1), lab('lvef', '%', 'lessThan', 50)]),
    );
    expect(r.unread).not.toMatch(/whichever/);
  });

  it('reads a lab normal on both sides as beyond either limit', () => {
    const r = readRule('Serum potassium outside the normal range', 'exclusion');
    expect(r.condition).toEqual({ any: [uln('potassium', 'greaterThan', 1), lln('potassium', 'lessThan', 1)] });
  });
});

describe('two limits with "whichever is higher / lower"', () => {
  it('holds both lower bounds when the higher applies', () => {
    const r = readRule('LVEF ≥ 50% or ≥ the institutional lower limit of normal, whichever is higher', 'inclusion');
    expect(r.condition).toEqual({ all: [lab('lvef', '%', 'greaterThanInclusive', 50), lln('lvef', 'greaterThanInclusive', 1)] });
    expect(r.unread).toBe('');
  });

  it('holds either lower bound when the lower applies', () => {
    const r = readRule('LVEF ≥ 50% or ≥ LLN (whichever is lower)', 'inclusion');
    expect(r.condition).toEqual({ any: [lab('lvef', '%', 'greaterThanInclusive', 50), lln('lvef', 'greaterThanInclusive', 1)] });
  });

  it('holds both upper bounds when the lower applies', () => {
    const r = readRule('Creatinine ≤ 1.5 mg/dL or ≤ 1.5 x ULN, whichever is lower', 'inclusion');
    expect(r.condition).toEqual({
      all: [lab('creatinine', 'mg/dL', 'lessThanInclusive', 1.5), uln('creatinine', 'lessThanInclusive', 1.5)],
    });
  });

  it('leaves "whichever" unread between limits in opposite directions', () => {
    const r = readRule('Creatinine ≤ 1.5 mg/dL or ≥ 60 mL/min, whichever is lower', 'inclusion');
    // Held as the creatinine limit's own unread alternative.
    expect(JSON.stringify(r.condition)).toMatch(/"unparsed"[^}]*whichever/);
  });
});
