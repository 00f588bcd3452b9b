/**
 * Findings of the cancer under study that the criteria state bare or hedged: a diagnosis confirmed
 * without the disease named (disease-confirmation.ts), a suspected-or-confirmed cancer (disease.ts),
 * a condition the cancer causes (history-conditions.ts) and metastases narrowed by a qualifier and
 * its gloss (metastatic-sites.ts). Verbatim corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz)
 * pin the readings, with what must stay unread.
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { cancerType, cond, criterionRule, judgeRecord, readRule, stage, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record, '2025-06-01');
const anyCancer = cancerType('ANY_CANCER');
const notAnyCancer: Condition = { fact: 'cancerType', operator: 'equal', value: false, params: { codes: ['ANY_CANCER'] } };
const site = (...sites: string[]): Condition => ({ fact: 'metastaticSite', operator: 'equal', value: true, params: { sites } });

describe('a bare confirmation of the diagnosis', () => {
  it('reads "Histological diagnosis" and "histologically confirmed diagnosis" as the generic cancer type (NCT05478876, NCT04752826)', () => {
    for (const text of ['Histological diagnosis', 'histologically confirmed diagnosis', 'Histologically or cytologically confirmed diagnosis'])
      expect(readRule(text, 'inclusion')).toEqual({ condition: anyCancer, unread: '' });
    expect(judge({ cancers: [{ type: 'melanoma' }] }, anyCancer)).toBe(true);
  });

  it('reads "No tissue diagnosis." and "No histological diagnosis" among exclusions (NCT06016452, NCT06442748)', () => {
    expect(readRule('No tissue diagnosis.', 'exclusion')).toEqual({ condition: notAnyCancer, unread: '' });
    expect(readRule('No histological diagnosis', 'exclusion')).toEqual({ condition: notAnyCancer, unread: '' });
    // A patient whose record holds the cancer is not excluded.
    expect(judge({ cancers: [{ type: 'glioblastoma' }] }, notAnyCancer)).toBe(false);
  });

  it('leaves the wrong polarity, a named disease and any other word to the other readers', () => {
    // Bare among exclusions it would turn away every patient of the trial.
    expect(readRule('Histological diagnosis', 'exclusion').condition).toBeNull();
    expect(readRule('No histological diagnosis required', 'inclusion').condition).toBeNull();
    expect(readRule('Histological diagnosis pending', 'inclusion').condition).toBeNull();
    // The disease reader reads the disease named after it.
    expect(readRule('Histological diagnosis of diffuse glioma.', 'inclusion').condition).toEqual(cancerType('DIFG'));
  });
});

describe('a suspected or confirmed cancer', () => {
  it('reads the confirmed cancer as one way in (NCT00001823)', () => {
    const r = readRule('Patient suspected of having, or with biopsy proven, malignant disease.', 'inclusion');
    expect(r.condition).toEqual({ any: [anyCancer, unparsed('suspected of having, or with biopsy proven, malignant disease')] });
    // The cancer lets the patient in; without it the suspicion is for a coordinator, never a failure.
    expect(judge({ cancers: [{ type: 'melanoma' }] }, r.condition!)).toBe(true);
    expect(judge({}, r.condition!)).toBeNull();
  });

  it('keeps each finding of the clause beside the suspicion (NCT04513028)', () => {
    const text =
      'Any patients with suspected (clinical) or definitive (tissue) diagnosis of Stage III-IV melanoma starting or continuing adjuvant Pembrolizumab without active evidence of disease (NED).';
    const r = readRule(text, 'inclusion');
    expect(r.condition).toEqual({
      all: [
        { any: [cancerType('MELANOMA'), unparsed('suspected (clinical) or definitive (tissue) diagnosis of Stage III-IV melanoma')] },
        { any: [stage('III', 'IV'), unparsed('suspected (clinical) or definitive (tissue) diagnosis of Stage III-IV')] },
      ],
    });
    expect(r.unread).toBe('starting or continuing adjuvant Pembrolizumab without active … NED');
  });

  it('keeps what narrows the diagnosis as a requirement beside it (NCT07327489)', () => {
    const rule = criterionRule('Have a suspected or confirmed cancer diagnosis that is to be evaluated by means of a biopsy.', 'inclusion');
    expect(rule).toEqual({ all: [{ any: [anyCancer, unparsed('suspected or confirmed cancer')] }, unparsed('evaluated by means')] });
  });
});

describe('a condition the cancer causes', () => {
  it('reads "History of malignant small bowel obstruction." with the cause kept unread (NCT06411691)', () => {
    const r = readRule('History of malignant small bowel obstruction.', 'exclusion');
    expect(r.condition).toEqual({ all: [cond({ names: ['bowel_obstruction'] }), unparsed('malignant')] });
    // An obstruction of another cause does not exclude on its own.
    expect(judge({ conditions: [{ name: 'bowel obstruction' }] }, r.condition!)).toBeNull();
    expect(judge({ conditions: [] }, r.condition!)).toBe(false);
  });

  it('reads a tumour-related lead the same way, and leaves "non-malignant" unread', () => {
    expect(readRule('Tumor-related bowel obstruction', 'exclusion').condition).toEqual({
      all: [cond({ names: ['bowel_obstruction'] }), unparsed('Tumor-related')],
    });
    expect(readRule('Non-malignant bowel obstruction', 'exclusion').condition).toBeNull();
  });
});

describe('metastases narrowed by a qualifier', () => {
  it('keeps a qualifier and its gloss beside the site (NCT05136196)', () => {
    const text = 'Central (e.g., within 2 cm from the hilum) lung metastases that are cavitary as shown unequivocally by imaging studies';
    expect(readRule(text, 'exclusion').condition).toEqual({
      all: [site('lung'), unparsed('Central (e.g., within 2 cm from the hilum) '), unparsed('that are cavitary as shown unequivocally by imaging studies')],
    });
  });

  it('never excludes every patient with metastases at the site for a narrower kind of them', () => {
    for (const [text, lead] of [
      ['Cavitary lung metastases', 'Cavitary '],
      ['Central lung metastases', 'Central '],
    ]) {
      const rule = criterionRule(text!, 'exclusion');
      expect(rule).toEqual({ all: [site('lung'), unparsed(lead!)] });
      expect(judge({ cancers: [{ type: 'NSCLC', metastatic: true, metastaticSites: ['lung'] }] }, rule)).toBeNull();
    }
  });
});
