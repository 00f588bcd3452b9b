/**
 * Hemoptysis is a kind of bleeding (rules/conditions.json, NCIt C3154, parent bleeding), not another
 * name for it: an exclusion of hemoptysis excludes patients who coughed blood, a patient who did
 * still counts as having bled, and a record of bleeding of no stated kind leaves hemoptysis unknown.
 */
import type { LeafCondition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { parseCriteria } from '../../src/criteria/parse';
import { evaluateCondition } from '../../src/match/compile';
import { factTable } from '../../src/match/fact-values';
import { normalisePatient } from '../../src/patients/normalise';
import { patientRecordSchema, type PatientRecord } from '../../src/patients/record';

const lex = lexicons();
const facts = factTable(lex);
const judge = (record: PatientRecord, leaf: LeafCondition) =>
  evaluateCondition(leaf, facts, normalisePatient(patientRecordSchema.parse(record), lex, '2025-06-01'));
const condition = (names: string[]): LeafCondition => ({ fact: 'condition', operator: 'equal', value: true, params: { names } });

describe('hemoptysis', () => {
  it('is read as hemoptysis: "Active hemoptysis within 42 days prior to study enrollment" (NCT05384496)', () => {
    const [c] = parseCriteria('Exclusion Criteria:\n\n* Active hemoptysis within 42 days prior to study enrollment\n');
    expect(c!.rule).toEqual({ all: [{ fact: 'condition', operator: 'equal', value: true, params: { names: ['hemoptysis'], active: true, withinYears: 0.115 } }] });
  });

  it('is bleeding in a record, while other bleeding is not hemoptysis', () => {
    const coughed: PatientRecord = { conditions: [{ name: 'Hemoptysis', code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'R04.2' }, date: '2025-05-01' }] };
    const gi: PatientRecord = { conditions: [{ name: 'gastrointestinal bleeding', date: '2025-05-01' }] };
    expect(judge(coughed, condition(['hemoptysis']))).toBe(true);
    expect(judge(coughed, condition(['bleeding']))).toBe(true);
    expect(judge(gi, condition(['bleeding']))).toBe(true);
    expect(judge(gi, condition(['hemoptysis']))).toBe(false);
  });

  it('is unknown, not absent, for a record that says only "bleeding": that bleeding may have been hemoptysis (fact-values.ts conditionFact)', () => {
    const bled: PatientRecord = { conditions: [{ name: 'bleeding', date: '2025-05-01' }] };
    expect(judge(bled, condition(['hemoptysis']))).toBeNull();
    expect(judge(bled, condition(['bleeding']))).toBe(true);
  });
});
