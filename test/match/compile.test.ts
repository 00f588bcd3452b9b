import type { Condition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { CompiledRules, FALSE, TRUE, UNKNOWN } from '../../src/match/compile';
import { factTable } from '../../src/match/fact-values';
import { normalisePatient } from '../../src/patients/normalise';
import { patientRecordSchema, type PatientRecord } from '../../src/patients/record';

const lex = lexicons();
const patient = (record: PatientRecord) => normalisePatient(patientRecordSchema.parse(record), lex, '2025-06-01');

describe('compiled rules share one fact memo across requests', () => {
  const rules = new CompiledRules(factTable(lex));
  const senior = rules.add({ all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 65 }] });
  const breast = rules.add({ fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['BREAST'] } });

  it('gives each patient their own answer when two requests interleave', () => {
    const old = rules.memo.context(patient({ age: 72, sex: 'female', cancers: [{ type: 'breast cancer' }] }));
    const young = rules.memo.context(patient({ age: 40, sex: 'male' }));
    // Fill the age slot for the older patient, then read it for the younger one and back again.
    expect(rules.run(senior, old)).toBe(TRUE);
    expect(rules.run(senior, young)).toBe(FALSE);
    expect(rules.run(senior, old)).toBe(TRUE);
    expect(rules.run(breast, young)).toBe(UNKNOWN);
    expect(rules.run(breast, old)).toBe(TRUE);
  });

  it('gives JSON-equal params one fact id whatever their key order, and different params different ids', () => {
    const a: Condition = { fact: 'priorTherapy', operator: 'equal', value: true, params: { drugs: ['osimertinib'], setting: 'metastatic' } };
    const b: Condition = { fact: 'priorTherapy', operator: 'equal', value: false, params: { setting: 'metastatic', drugs: ['osimertinib'] } };
    const c: Condition = { fact: 'priorTherapy', operator: 'equal', value: true, params: { drugs: ['erlotinib'], setting: 'metastatic' } };
    expect(rules.memo.id(a)).toBe(rules.memo.id(b));
    expect(rules.memo.id(a)).not.toBe(rules.memo.id(c));
  });
});
