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
