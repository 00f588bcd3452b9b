import { leavesOf, type Condition } from '../../src/criteria/facts';
import { readCondition, unparsed } from '../support/criteria';

/** The top-level conjuncts of an inclusion's rule. */
const conjuncts = (c: Condition | null): Condition[] => (c && 'all' in c ? c.all : c ? [c] : []);
const cancer = (...codes: string[]): Condition => ({ fact: 'cancerType', operator: 'equal', value: true, params: { codes } });

describe('a later sentence letting in another population is an alternative, not a requirement', () => {
  it('reads "Participants with metastatic CRPC without measurable disease are eligible" beside measurable disease (NCT06242470)', () => {
    const rule = readCondition('Measurable disease per RECIST v1.1. Participants with metastatic CRPC without measurable disease are eligible.', 'inclusion');
    // Read as two requirements, measurable and not measurable at once, it failed every patient.
    expect(rule).toEqual({
      any: [{ fact: 'measurableDisease', operator: 'equal', value: true }, unparsed('Participants with metastatic CRPC without measurable disease are eligible.')],
    });
  });

  it('keeps the second cancer of a two-population criterion as an alternative (NCT05913388)', () => {
    const rule = readCondition(
      'Patients with unresectable or metastatic melanoma including unknown primary or mucosal melanomas. Histological confirmation of melanoma will be required by previous biopsy or cytology. Patients with recurrent or metastatic head and neck squamous cell carcinoma (HNSCC) with disease progression during or after platinum-containing chemotherapy are eligible. PD-L1 testing is not needed for OHN cancers.',
      'inclusion',
    );
    // Melanoma is no longer required of the head-and-neck patients the criterion lets in.
    expect(conjuncts(rule)).not.toContainEqual(cancer('MELANOMA'));
    const alternative = conjuncts(rule).find((c) => 'any' in c) as { any: Condition[] } | undefined;
    expect(alternative?.any).toContainEqual(
      unparsed('Patients with recurrent or metastatic head and neck squamous cell carcinoma (HNSCC) with disease progression during or after platinum-containing chemotherapy are eligible.'),
    );
    expect(leavesOf(alternative!.any[0]!)).toContainEqual(cancer('MELANOMA'));
  });

  it('does not make the requirement stricter with what the population let in has (NCT00364754)', () => {
    const rule = readCondition(
      'Patients with documented histological/cytological proof of metastatic and/or recurrent breast cancer suitable for treatment with epirubicin and cyclophosphamide. Patients with locally advanced and inoperable lesions are also eligible.',
      'inclusion',
    );
    // It required locally advanced and unresectable disease of every patient, metastatic ones too.
    expect(leavesOf(rule ?? unparsed('')).some((l) => l.fact === 'diseaseExtent')).toBe(false);
  });

  it('keeps a cancer the population let in shares with the rest required (NCT07504796)', () => {
    const rule = readCondition(
      'Patient must have melanoma originating from cutaneous, acral-lentiginous, or mucosal primary sites. Patients with melanoma of unknown primary site are eligible.',
      'inclusion',
    );
    expect(conjuncts(rule)).toContainEqual(cancer('MELANOMA'));
    const mucosal = readCondition(
      'Patient must have active advanced melanoma, defined as unresectable stage IIIB-IV by American Joint Committee on Cancer (AJCC) 8th edition. Patients with mucosal melanoma defined as unresectable stage III or regional/distant metastatic disease are eligible.',
      'inclusion',
    );
    expect(conjuncts(mucosal)).toContainEqual(cancer('MELANOMA'));
    expect(conjuncts(mucosal).some((c) => 'any' in c && c.any.some((a) => 'fact' in a && a.fact === 'unparsed'))).toBe(true);
  });

  it('leaves "Subjects who received adjuvant … are eligible if …" to the readers: it says what the requirement counts (NCT05877430)', () => {
    const rule = readCondition(
      'Subjects has not received prior systemic treatment for their metastatic tumor. Subjects who received adjuvant or neoadjuvant therapy are eligible if the adjuvant/neoadjuvant therapy was completed at least 6 months before the development of metastatic disease.',
      'inclusion',
    );
    expect(conjuncts(rule)).toContainEqual({ fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds: ['systemic'], setting: 'metastatic' } });
  });

  it('reads a first sentence that lets patients in as it did (NCT02621021)', () => {
    const rule = readCondition('Patients with 3 or fewer brain metastases that are less than 1 cm in diameter and asymptomatic are eligible.', 'inclusion');
    expect(JSON.stringify(rule)).not.toContain('"Patients with 3 or fewer brain metastases that are less than 1 cm in diameter and asymptomatic are eligible."');
    expect(leavesOf(rule ?? unparsed('')).some((l) => l.fact === 'metastasisCount')).toBe(true);
  });
});
