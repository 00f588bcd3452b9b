/**
 * Serum M-protein (LOINC 33358-3) with the unit spelled out and then abbreviated, its urine
 * counterpart (LOINC 42482-0) when the unit is an excretion per 24 hours, and FVC % predicted
 * (LOINC 19872-1). Every line is a real corpus criterion.
 */
import { lexicons } from '../../src/criteria/lexicon';
import { lab, readRule, unparsed } from '../support/criteria';


describe('serum M-protein', () => {
  it('carries LOINC 33358-3 in g/dL', () => {
    expect(lexicons().labById.get('serum_m_protein')).toMatchObject({ unit: 'g/dL', loinc: ['33358-3'] });
  });

  it('reads "≥ 0.5 grams per deciliter (g/dL)" and keeps the alternative of the next line open', () => {
    const r = readRule(
      'M-protein ≥ 0.5 grams per deciliter (g/dL) by serum protein electrophoresis (sPEP) or.',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [
        lab('serum_m_protein', 'g/dL', 'greaterThanInclusive', 0.5),
        unparsed('the alternative in the neighbouring criterion'),
      ],
    });
  });

  it('reads the measurable-disease alternatives of a numbered list as one "any", keeping the unread one open', () => {
    const r = readRule(
      'Documented diagnosis of multiple myeloma as defined by the criteria below: (a)Multiple myeloma diagnosis according to International Myeloma Working Group (IMWG) diagnostic criteria (b) Measurable disease at screening as defined by any of the following: 1) Serum M-protein level ≥ 0.5 grams per deciliter (g/dL); or 2) Urine M-protein level >=200 milligrams (mg)/24 hours; or 3) Serum immunoglobulin free light chain (FLC) ≥ 10 mg/dL',
      'inclusion',
    );
    const all = r.condition && 'all' in r.condition ? r.condition.all : [];
    expect(all).toContainEqual({
      any: [
        lab('serum_m_protein', 'g/dL', 'greaterThanInclusive', 0.5),
        lab('urine_m_protein', 'mg/24h', 'greaterThanInclusive', 200),
        unparsed('3) Serum immunoglobulin free light chain (FLC) >= 10 mg/dL'),
      ],
    });
    // The "or" of the list binds its items, not the diagnosis before it.
    expect(r.condition && 'all' in r.condition).toBe(true);
  });

  it('reads "M-protein" with a mass per 24 hours as the urine M-protein', () => {
    expect(
      readRule(
        'M-protein ≥ 200 milligrams (mg) per 24-hour urine collection by urine protein electrophoresis (uPEP).',
        'inclusion',
      ).condition,
    ).toEqual(lab('urine_m_protein', 'mg/24h', 'greaterThanInclusive', 200));
  });
});

describe('FVC % predicted', () => {
  it('reads FVC as an alternative to pulse oximetry', () => {
    const r = readRule(
      'Adequate pulmonary function defined as pulse oximetry ≥92% on room air or forced vital capacity (FVC) ≥50% of predicted value',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [lab('spo2', '%', 'greaterThanInclusive', 92), lab('fvc_predicted', '%', 'greaterThanInclusive', 50)],
    });
  });
});
