/**
 * Words that look like the patient's disease but are not: one resectable lesion for a cell therapy's
 * harvest (the trials are for unresectable disease), and a relative's cancer. Real corpus lines.
 */
import { leavesOf } from '../../src/criteria/facts';
import { readCondition } from '../support/criteria';

const facts = (text: string) => {
  const c = readCondition(text, 'inclusion');
  return c ? leavesOf(c).map((l) => (l.fact === 'attestation' ? `attestation:${(l.params as { topic: string }).topic}` : l.fact)) : [];
};

describe('a resectable lesion is not resectable disease', () => {
  it.each([
    'Participants who is assessed as having at least one resectable lesion.',
    'Participant is assessed as having at least one resectable lesion (or aggregate lesions) for lifileucel generation.',
    'TILs can be isolated from a surgically resectable tumor region: the tissue volume must be \\>150mm3',
  ])('%s', (text) => {
    expect(facts(text)).toContain('attestation:lesion_for_tissue_harvest');
    expect(facts(text)).not.toContain('diseaseExtent');
  });

  it('still reads resectable disease', () => {
    expect(readCondition('Resectable disease', 'inclusion')).toEqual({ fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'resectable' } });
  });
});

describe("a relative's cancer", () => {
  it('does not require pancreatic cancer of the patient for "relative affected with Pancreatic Cancer"', () => {
    expect(facts('At least 1 first degree relative affected with Pancreatic Cancer')).not.toContain('cancerType');
  });
});

describe('"metastatic" after a list of stages', () => {
  const stage = (groups: string[]) => ({ fact: 'stage', operator: 'equal', value: true, params: { groups } });
  const metastatic = { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'metastatic' } };

  it('describes the stage IV it follows, not the stage III groups without distant metastasis', () => {
    expect(readCondition('Histologically confirmed, unresectable stage IIIC or IV metastatic melanoma;', 'inclusion')).toEqual({
      all: [
        { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'unresectable' } },
        { any: [stage(['IIIC']), { all: [stage(['IV']), metastatic] }] },
        { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['MELANOMA'] } },
      ],
    });
  });

  it('leaves "metastatic stage IV" before the stage as it was', () => {
    expect(readCondition('metastatic stage IV melanoma', 'inclusion')).toEqual({
      all: [metastatic, stage(['IV']), { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['MELANOMA'] } }],
    });
  });
});

describe('stage lists, past extents and populations let in on a condition', () => {
  it('does not read the list marker "2)" after "stage III or" as stage II', () => {
    const rule = readCondition('High-risk according to either 1) clinical criteria: TNM (AJCC8) stage III or 2) genetic criteria: monosomy 3 or GEP class 2.', 'inclusion');
    expect(leavesOf(rule!).filter((l) => l.fact === 'stage')).toEqual([{ fact: 'stage', operator: 'equal', value: true, params: { groups: ['III'] } }]);
  });

  it('does not require localized disease now for "previous localised melanoma"', () => {
    const rule = readCondition('First metastatic or unresectable relapse in a patient with previous localised melanoma and completely resected', 'inclusion');
    expect(leavesOf(rule!)).not.toContainEqual({ fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'localized' } });
  });

  it.each([
    'Patients with stage I and stage II are only eligible if they meet the genetic criterion declared by the site.',
    'Patients with recurrent disease will be eligible if they have completed treatment for Stage I-III breast cancer, if indicated, and ≥6 months have elapsed between completion of treatment with curative intent and the first documented recurrence.',
  ])('does not require of everyone the disease of the patients "%s" lets in', (text) => {
    const rule = readCondition(text, 'inclusion');
    expect(rule ? leavesOf(rule).filter((l) => l.fact === 'stage' || l.fact === 'diseaseExtent') : []).toEqual([]);
  });
});
