/**
 * A locoregional procedure in the record (TACE, ablation, radioembolization) is a prior treatment of
 * kind 'locoregional': it meets a locoregional or any-anticancer-therapy query, never a systemic one,
 * and is no line of systemic therapy.
 */
import type { LeafCondition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { evaluateCondition, type Tri } from '../../src/match/compile';
import { factTable } from '../../src/match/fact-values';
import { normalisePatient } from '../../src/patients/normalise';
import { patientRecordSchema, type PatientRecord } from '../../src/patients/record';

const lex = lexicons();
const facts = factTable(lex);
const AS_OF = '2025-06-01';

function judge(record: PatientRecord, leaf: LeafCondition): Tri {
  return evaluateCondition(leaf, facts, normalisePatient(patientRecordSchema.parse(record), lex, AS_OF));
}

const prior = (params: Record<string, unknown>): LeafCondition => ({ fact: 'priorTherapy', operator: 'equal', value: true, params });
const ANY = ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional'];

describe('a locoregional procedure in the record', () => {
  const tace: PatientRecord = { treatments: [{ name: 'TACE', date: '2025-05-10' }] };

  it('meets priorTherapy(kinds: locoregional) and not kinds: systemic', () => {
    expect(judge(tace, prior({ kinds: ['locoregional'] }))).toBe(true);
    expect(judge(tace, prior({ kinds: ['systemic'] }))).toBe(false);
    expect(judge(tace, prior({ kinds: ['chemotherapy'] }))).toBe(false);
  });

  it('is an anticancer treatment with its date for washouts', () => {
    expect(judge(tace, prior({ kinds: ANY }))).toBe(true);
    expect(judge(tace, prior({ kinds: ['locoregional'], withinDays: 28 }))).toBe(true);
    expect(judge(tace, prior({ kinds: ['locoregional'], withinDays: 14 }))).toBe(false);
  });

  it('is no line of systemic therapy', () => {
    expect(judge(tace, { fact: 'priorLines', operator: 'equal', value: 0, params: {} })).toBe(true);
  });

  it('reads a drug given by chemoembolization as that drug, not as systemic chemotherapy', () => {
    const deb: PatientRecord = { treatments: [{ name: 'TACE with doxorubicin', date: '2025-05-10' }] };
    expect(judge(deb, prior({ drugs: ['doxorubicin'] }))).toBe(true);
    expect(judge(deb, prior({ kinds: ['locoregional'] }))).toBe(true);
    expect(judge(deb, prior({ kinds: ['systemic'] }))).toBe(false);
    expect(judge(deb, prior({ kinds: ['chemotherapy'] }))).toBe(false);
  });

  it('takes the kind given by the record for a procedure named otherwise', () => {
    const rfa: PatientRecord = { treatments: [{ name: 'percutaneous ablation of segment VII lesion', kind: 'locoregional' }] };
    expect(judge(rfa, prior({ kinds: ['locoregional'] }))).toBe(true);
    expect(judge(rfa, prior({ kinds: ['systemic'] }))).toBe(false);
  });

  it('reads radioembolization as both radiation and locoregional therapy', () => {
    const y90: PatientRecord = { treatments: [{ name: 'Y-90 radioembolization' }] };
    expect(judge(y90, prior({ kinds: ['radiation'] }))).toBe(true);
    expect(judge(y90, prior({ kinds: ['locoregional'] }))).toBe(true);
    expect(judge(y90, prior({ kinds: ['systemic'] }))).toBe(false);
  });
});
