/**
 * diseaseStatus, tumorSize and resectionMargin read from a record's cancer under study (the first
 * cancer), with the record field as evidence; silent records and later cancers leave them unknown.
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

const progressing: LeafCondition = { fact: 'diseaseStatus', operator: 'equal', value: 'progressing' };
const inRemission: LeafCondition = {
  fact: 'diseaseStatus',
  operator: 'in',
  value: ['no_evidence_of_disease', 'responding'],
};
const notProgressing: LeafCondition = { fact: 'diseaseStatus', operator: 'notEqual', value: 'progressing' };
const upTo7cm: LeafCondition = { fact: 'tumorSize', operator: 'lessThanInclusive', value: 7 };
const r0: LeafCondition = { fact: 'resectionMargin', operator: 'equal', value: 'R0' };
const r1or2: LeafCondition = { fact: 'resectionMargin', operator: 'in', value: ['R1', 'R2'] };

describe('diseaseStatus', () => {
  it('answers from the status of the cancer under study', () => {
    const record: PatientRecord = { cancers: [{ type: 'melanoma', status: 'progressing' }] };
    expect(judge(record, progressing)).toBe(true);
    expect(judge(record, inRemission)).toBe(false);
    expect(judge(record, notProgressing)).toBe(false);
  });

  it('reads "no evidence of disease" as the fact value no_evidence_of_disease', () => {
    expect(judge({ cancers: [{ type: 'breast cancer', status: 'no evidence of disease' }] }, inRemission)).toBe(true);
    expect(judge({ cancers: [{ type: 'breast cancer', status: 'stable' }] }, inRemission)).toBe(false);
  });

  it('is unknown without a status, and ignores the status of another cancer', () => {
    expect(judge({ cancers: [{ type: 'melanoma', stage: 'IV' }] }, progressing)).toBeNull();
    expect(
      judge({ cancers: [{ type: 'melanoma' }, { type: 'prostate cancer', status: 'progressing' }] }, progressing),
    ).toBeNull();
  });

  it('cites the status field as evidence', () => {
    const f = facts.diseaseStatus(patient({ cancers: [{ type: 'melanoma', status: 'stable' }] }), {});
    expect(f).toEqual({ value: 'stable', evidence: [{ path: '/cancers/0/status', value: 'stable' }] });
  });
});

describe('tumorSize', () => {
  it('compares the largest tumour diameter in cm', () => {
    expect(judge({ cancers: [{ type: 'renal cell carcinoma', tumorSizeCm: 4.5 }] }, upTo7cm)).toBe(true);
    expect(judge({ cancers: [{ type: 'renal cell carcinoma', tumorSizeCm: 8 }] }, upTo7cm)).toBe(false);
    expect(judge({ cancers: [{ type: 'renal cell carcinoma' }] }, upTo7cm)).toBeNull();
  });

  it('rejects a size that is not a positive number of cm', () => {
    expect(patientRecordSchema.safeParse({ cancers: [{ tumorSizeCm: 0 }] }).success).toBe(false);
    expect(patientRecordSchema.safeParse({ cancers: [{ tumorSizeCm: 250 }] }).success).toBe(false);
  });
});

describe('resectionMargin', () => {
  it('answers from the R classification of the resection', () => {
    expect(judge({ cancers: [{ type: 'breast cancer', resectionMargin: 'R0' }] }, r0)).toBe(true);
    expect(judge({ cancers: [{ type: 'breast cancer', resectionMargin: 'R1' }] }, r0)).toBe(false);
    expect(judge({ cancers: [{ type: 'breast cancer', resectionMargin: 'R2' }] }, r1or2)).toBe(true);
  });

  it('is unknown when the record does not say, even after surgery', () => {
    expect(
      judge({ cancers: [{ type: 'breast cancer' }], treatments: [{ name: 'mastectomy', kind: 'surgery' }] }, r0),
    ).toBeNull();
  });

  it('accepts only R0, R1 and R2', () => {
    expect(patientRecordSchema.safeParse({ cancers: [{ resectionMargin: 'RX' }] }).success).toBe(false);
  });
});
