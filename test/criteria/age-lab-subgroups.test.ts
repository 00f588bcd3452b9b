/**
 * A lab limit for an age band ("GFR 40 mL/min/1.73m2 if < 2 years of age") binds that band: the
 * main limit, or the band within its own limit. The band is read in whole years only (the age fact
 * is in whole years); one that falls between them stays unread. Corpus line verbatim first.
 */
import { lab, readRule } from '../support/criteria';

describe('age bands as lab subgroups', () => {
  it('reads "(GFR 40 ml/min/1.73m2 if < 2 years of age)" as a limit for children under 2', () => {
    const r = readRule(
      'Adequate renal function defined as creatinine clearance or radioisotope GFR 50 ml/min/1.73m2 (GFR 40 ml/min/1.73m2 if \\< 2 years of age)',
      'inclusion',
    );
    expect(r.unread).toBe('');
    expect(JSON.stringify(r.condition)).toContain(
      JSON.stringify({ all: [{ fact: 'age', operator: 'lessThan', value: 2 }, { any: [lab('egfr', 'mL/min/1.73m2', 'greaterThanInclusive', 40), lab('crcl', 'mL/min', 'greaterThanInclusive', 50)] }] }),
    );
  });

  it('reads months that make whole years', () => {
    const r = readRule('Creatinine clearance ≥ 60 mL/min (≥ 40 mL/min if < 24 months of age)', 'inclusion');
    expect(JSON.stringify(r.condition)).toContain(JSON.stringify({ fact: 'age', operator: 'lessThan', value: 2 }));
  });

  it('leaves a band between whole years unread', () => {
    const r = readRule('Total bilirubin ≤ 1.5 x ULN (≤ 3 x ULN if ≥ 18 months of age)', 'inclusion');
    expect(JSON.stringify(r.condition)).not.toContain('"fact":"age"');
    expect(JSON.stringify(r.condition)).toContain('"text":">= 18 months of age"');
  });
});
