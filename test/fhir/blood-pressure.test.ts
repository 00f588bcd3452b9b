/**
 * Blood pressure arrives as a panel (LOINC 85354-9) whose systolic (8480-6) and diastolic (8462-4)
 * components carry the values; each component is a lab result of its own. A recorded Synthea bundle.
 */
import type { LeafCondition, Operator } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { importPatientBundle } from '../../src/fhir/patient-record';
import { evaluateCondition } from '../../src/match/compile';
import { factTable } from '../../src/match/fact-values';
import { normalisePatient } from '../../src/patients/normalise';
import { patientRecordSchema } from '../../src/patients/record';
import { loadBundle } from './bundles';

const BUNDLE = 'synthea-mcode-breast-10y/Khadijah960_Runolfsson901_2a7b1dc3-7533-9513-17a3-cfb1c77b14f6.json.gz';

describe('blood pressure panels', () => {
  const { record } = importPatientBundle(loadBundle(BUNDLE));
  const bp = (code: string) => (record.labs ?? []).filter((l) => l.code?.code === code);

  it('reads each component of a blood-pressure panel as a dated lab result', () => {
    const systolic = bp('8480-6');
    const diastolic = bp('8462-4');
    expect(systolic.length).toBeGreaterThan(0);
    expect(diastolic.length).toBe(systolic.length);
    expect(systolic[0]).toMatchObject({ name: 'Systolic Blood Pressure', unit: 'mm[Hg]', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}/) });
    expect(typeof systolic[0]!.value).toBe('number');
  });

  it('lets a systolic limit be decided from the latest panel', () => {
    const lex = lexicons();
    const latest = [...bp('8480-6')].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')).pop()!;
    const patient = normalisePatient(patientRecordSchema.parse(record), lex, '2025-06-01');
    const leaf = (operator: Operator, value: number): LeafCondition => ({ fact: 'lab', operator, value, params: { name: 'systolic_bp', unit: 'mmHg' } });
    const facts = factTable(lex);
    expect(evaluateCondition(leaf('lessThan', latest.value + 1), facts, patient)).toBe(true);
    expect(evaluateCondition(leaf('greaterThan', latest.value), facts, patient)).toBe(false);
  });
});
