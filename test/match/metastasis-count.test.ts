/**
 * metastasisCount read from a record's cancer under study: the count of all its metastases, of its
 * brain metastases, and of those outside the brain; a cancer that has not spread has none; a record
 * without a count leaves it unknown, and which metastases progress no record says.
 */
import type { LeafCondition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { evaluateCondition, type Tri } from '../../src/match/compile';
import { factTable } from '../../src/match/fact-values';
import { normalisePatient } from '../../src/patients/normalise';
import { patientRecordSchema, type PatientRecord } from '../../src/patients/record';

const lex = lexicons();
const facts = factTable(lex);
const patient = (record: PatientRecord) => normalisePatient(patientRecordSchema.parse(record), lex, '2025-06-01');
const judge = (record: PatientRecord, leaf: LeafCondition): Tri => evaluateCondition(leaf, facts, patient(record));

const count = (
  operator: LeafCondition['operator'],
  value: number,
  params?: { site?: 'brain' | 'extracranial'; progressive?: boolean },
): LeafCondition => ({ fact: 'metastasisCount', operator, value, ...(params ? { params } : {}) });

describe('metastasisCount', () => {
  it('passes a record with 3 brain metastases against at most 4 brain metastases, and fails one with 6', () => {
    const atMost4Brain = count('lessThanInclusive', 4, { site: 'brain' });
    expect(judge({ cancers: [{ type: 'NSCLC', brainMetastasisCount: 3 }] }, atMost4Brain)).toBe(true);
    expect(judge({ cancers: [{ type: 'NSCLC', brainMetastasisCount: 6 }] }, atMost4Brain)).toBe(false);
  });

  it('is unknown when the record gives no count', () => {
    expect(judge({ cancers: [{ type: 'NSCLC', metastatic: true }] }, count('lessThanInclusive', 4, { site: 'brain' }))).toBeNull();
    expect(judge({ cancers: [{ type: 'NSCLC', metastatic: true }] }, count('lessThanInclusive', 5))).toBeNull();
    expect(judge({}, count('greaterThan', 10))).toBeNull();
  });

  it('compares the count of all metastases', () => {
    expect(judge({ cancers: [{ type: 'prostate cancer', metastasisCount: 4 }] }, count('lessThanInclusive', 5))).toBe(true);
    expect(judge({ cancers: [{ type: 'prostate cancer', metastasisCount: 12 }] }, count('greaterThan', 10))).toBe(true);
    expect(judge({ cancers: [{ type: 'prostate cancer', metastasisCount: 12 }] }, count('lessThanInclusive', 5))).toBe(false);
  });

  it('counts none anywhere for a cancer that has not spread, and none in the brain when the record says so', () => {
    expect(judge({ cancers: [{ type: 'melanoma', metastatic: false }] }, count('lessThanInclusive', 3, { site: 'brain' }))).toBe(true);
    expect(judge({ cancers: [{ type: 'melanoma', metastatic: false }] }, count('greaterThan', 10, { progressive: true }))).toBe(false);
    expect(judge({ cancers: [{ type: 'melanoma', brainMetastases: 'none' }] }, count('lessThanInclusive', 4, { site: 'brain' }))).toBe(true);
  });

  it('counts those outside the brain from the total and the brain count', () => {
    const record: PatientRecord = { cancers: [{ type: 'melanoma', metastasisCount: 7, brainMetastasisCount: 3 }] };
    expect(judge(record, count('lessThanInclusive', 5, { site: 'extracranial' }))).toBe(true);
    expect(judge({ cancers: [{ type: 'melanoma', metastasisCount: 7 }] }, count('lessThanInclusive', 5, { site: 'extracranial' }))).toBeNull();
    expect(facts.metastasisCount(patient(record), { site: 'extracranial' })).toMatchObject({ value: 4 });
  });

  it('leaves a count of progressing metastases unknown while there are any', () => {
    expect(judge({ cancers: [{ type: 'NSCLC', metastasisCount: 3 }] }, count('lessThanInclusive', 10, { progressive: true }))).toBeNull();
  });

  it('cites the count field as evidence', () => {
    expect(facts.metastasisCount(patient({ cancers: [{ type: 'NSCLC', metastasisCount: 2 }] }), {})).toEqual({
      value: 2,
      evidence: [{ path: '/cancers/0/metastasisCount', value: 2 }],
    });
  });
});
