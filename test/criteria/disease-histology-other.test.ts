/**
 * A criterion that is only a histology named by what it is not ("Non-squamous cell histology", "Other
 * histology than melanoma"): cancerType = false for the types named. Verbatim corpus lines
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz) and frames built on them.
 */
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, readRule } from '../support/criteria';

const notType = (codes: string[]) => ({ fact: 'cancerType', operator: 'equal', value: false, params: { codes } });
const withCancer = (type: string): PatientRecord => ({ cancers: [{ type }] });

describe('a histology named by what it is not', () => {
  it('excludes a known non-squamous cancer in a head and neck squamous trial (NCT04892173 e2)', () => {
    const { condition, unread } = readRule('Non-squamous cell histology', 'exclusion');
    expect(condition).toEqual(notType(['SQUAMOUS']));
    expect(unread).toBe('');
    // The exclusion holds for an adenocarcinoma, not for a squamous cell carcinoma.
    expect(judgeRecord(condition!, withCancer('head and neck squamous cell carcinoma'))).toBe(false);
    expect(judgeRecord(condition!, withCancer('salivary gland adenocarcinoma'))).not.toBe(false);
  });

  it('reads "Other histology than …" and "Histology other than …" the same way', () => {
    expect(readRule('Other histology than melanoma', 'exclusion').condition).toEqual(notType(['MELANOMA']));
    expect(readRule('Histology other than squamous cell carcinoma', 'exclusion').condition).toEqual(notType(['SQUAMOUS']));
  });

  it('does not take a cancer with a site for a histology: "Non-squamous NSCLC" still needs NSCLC', () => {
    const { condition } = readRule('Non-squamous NSCLC', 'inclusion');
    expect(JSON.stringify(condition)).toContain('"NSCLC"');
    expect(JSON.stringify(condition)).not.toContain('"value":false');
    expect(readRule('Non-squamous cell carcinoma of the lung', 'exclusion').condition).toBeNull();
  });

  it('leaves a list with anything but cancers in it, and "other than" inside a longer sentence, to the other readers', () => {
    const { condition } = readRule(
      'Histological subtypes other than ampullary cancer, small cell cancer, lymphoma, sarcoma, neuroendocrine tumors, mixed tumor histology, and/or mucinous cystic neoplasms (Please note that the histological subtypes listed here are not allowed.)',
      'inclusion',
    );
    expect(JSON.stringify(condition ?? null)).not.toContain('"value":false');
    expect(JSON.stringify(readRule('Malignancy other than melanoma', 'exclusion').condition)).not.toContain('"cancerType"');
  });
});
