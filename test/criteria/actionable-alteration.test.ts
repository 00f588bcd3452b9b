/**
 * An actionable alteration named without a gene ("without actionable genomic alterations",
 * "oncogene driver mutations") reads as the gene-less fact actionableAlteration, and the record
 * answers it from the CIViC level A/B list. Verbatim corpus lines.
 */
import type { Condition, LeafCondition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { parseCriteria } from '../../src/criteria/parse';
import { evaluateCondition } from '../../src/match/compile';
import { factTable } from '../../src/match/fact-values';
import { normalisePatient } from '../../src/patients/normalise';
import { patientRecordSchema, type PatientRecord } from '../../src/patients/record';
import { readRule } from '../support/criteria';

const lex = lexicons();
const facts = factTable(lex);
const ACTIONABLE: LeafCondition = { fact: 'actionableAlteration', operator: 'equal', value: true };

const leaves = (c: Condition | null): LeafCondition[] => (c ? leavesOf(c) : []);
const actionableLeaves = (text: string, kind: 'inclusion' | 'exclusion' = 'inclusion'): LeafCondition[] =>
  leaves(readRule(text, kind).condition).filter((l) => l.fact === 'actionableAlteration');

describe('reading a gene-less actionable alteration', () => {
  it('reads "without actionable genomic alteration" as none', () => {
    const { condition } = readRule(
      '(Phase 1b only ) Must have histologically confirmed advanced or metastatic NSCLC without actionable genomic alteration that have approved therapies in the location where the participant\'s live and with measurable disease as determined by RECIST v1.1',
      'inclusion',
    );
    expect(leaves(condition)).toContainEqual({ ...ACTIONABLE, value: false });
  });

  it('reads the population form as a condition of the requirement', () => {
    const [c] = parseCriteria('Inclusion Criteria:\n\n* Subjects with actionable target tumor mutation should have been previously treated with targeted therapy.');
    expect(c!.status).toBe('parsed');
    expect(c!.rule).toEqual({
      any: [
        { ...ACTIONABLE, value: false },
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['targeted'] } },
      ],
    });
  });

  it.each([['Patients with oncogene driver mutations'], ['Known tumor targetable co-mutations or rearrangements']])(
    'reads the exclusion "%s"',
    (text) => {
      expect(actionableLeaves(text, 'exclusion')).toEqual([ACTIONABLE]);
    },
  );

  it.each([
    // The phrase introduces the genes, which the gene reader takes.
    ['Patients with driver mutations such as EGFR or ALK must have received targeted therapy'],
    ['Presence of B-RAF driver mutation without prior receipt of BRAF +/- MEK inhibitors'],
    // Neither required nor excluded.
    ['Newly diagnosed, treatment-naïve (except for prior surgery) metastatic NSCLC, with or without a targetable oncogenic driver alteration.'],
    ['NSCLC including driver mutation positive.'],
    // A therapy, not a result.
    ['Metastatic NSCLC not amenable to locally available oncogenic driver mutation-based first-line therapy'],
  ])('reads no gene-less alteration in "%s"', (text) => {
    expect(actionableLeaves(text)).toEqual([]);
  });
});

describe('a list of cancers qualified by markers', () => {
  it('joins the entries as alternatives, so a patient with one of the other cancers is not failed', () => {
    const source = [
      'Inclusion Criteria:',
      '',
      '* Histologically confirmed advanced/metastatic solid tumor as follows:',
      '',
      '  * Non small cell lung cancer (NSCLC) (driver-negative, immune checkpoint inhibitor \\[ICI\\]-eligible)',
      '  * Recurrent or metastatic head and neck squamous cell carcinoma (HNSCC) (platinum-eligible),',
      '  * Renal cell carcinoma (RCC)',
      '  * Melanoma',
    ].join('\n');
    const withCancer = parseCriteria(source).filter((c) => leaves(c.rule as Condition).some((l) => l.fact === 'cancerType'));
    expect(withCancer).toHaveLength(1);
    const record = patientRecordSchema.parse({ cancers: [{ type: 'Renal cell carcinoma', stage: 'IV' }] });
    const patient = normalisePatient(record, lex, '2026-01-01');
    expect(evaluateCondition(withCancer[0]!.rule as Condition, facts, patient)).not.toBe(false);
  });
});

describe('answering actionableAlteration from the record', () => {
  const judge = (record: PatientRecord): boolean | null =>
    evaluateCondition(ACTIONABLE, facts, normalisePatient(patientRecordSchema.parse(record), lex, '2026-01-01'));

  it('is true for a listed alteration', () => {
    expect(judge({ biomarkers: [{ name: 'EGFR', alteration: 'L858R', status: 'detected' }] })).toBe(true);
    expect(judge({ biomarkers: [{ name: 'ALK', alteration: 'fusion', status: 'detected' }] })).toBe(true);
  });

  it('is unknown, never false, when no listed alteration is found', () => {
    expect(judge({ biomarkers: [{ name: 'EGFR', status: 'not detected' }, { name: 'ALK', status: 'negative' }] })).toBeNull();
    expect(judge({ biomarkers: [{ name: 'TP53', alteration: 'R273H', status: 'detected' }] })).toBeNull();
    expect(judge({})).toBeNull();
  });
});
