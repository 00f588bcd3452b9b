/**
 * Notes about how disease is assessed or recorded, and permissions that allow brain metastases in any
 * state, are no requirement that the patient have the disease. Lines are verbatim from the oncology
 * corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz) unless marked as a variant.
 */
import { readRule } from '../support/criteria';
import { leavesOf, type Condition } from '../../src/criteria/facts';

const measurable: Condition = { fact: 'measurableDisease', operator: 'equal', value: true };
const brainPresent: Condition = { fact: 'brainMetastases', operator: 'in', value: ['active', 'treated-stable'] };

const leaves = (c: Condition | null): Condition[] => (c ? leavesOf(c) : []);

describe('"All measurable disease must be assessed within …"', () => {
  it('is a timing note, not a requirement of measurable disease', () => {
    const r = readRule(
      'Participants may have measurable or non-measurable extracranial disease. All measurable disease must be assessed within 28 days prior to randomization; all non-measurable disease must be assessed within 42 days prior to randomization.',
      'inclusion',
    );
    // Only the first sentence's any(measurable, unknown) is left: no bare measurableDisease requirement.
    expect(r.condition).toEqual({
      any: [measurable, { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'or non-measurable' } }],
    });
  });

  it('still reads a requirement stated beside it', () => {
    const r = readRule(
      'Participants must have measurable disease. All measurable disease must be assessed within 28 days prior to step 2 registration.',
      'inclusion',
    );
    expect(leaves(r.condition)).toContainEqual(measurable);
  });
});

describe('brain metastases named in a study form', () => {
  it('reads no brain metastases from the name of a form', () => {
    expect(
      readRule(
        'CNS disease must be documented on BOTH the Brain Metastases Baseline Tumor Assessment Form, using modified RECIST, and the Baseline Tumor Assessment Form (RECIST 1.1) using RECIST 1.1',
        'inclusion',
      ).condition,
    ).toBeNull();
    expect(
      readRule('NOTE: Brain lesions should not be included on the Baseline Tumor Assessment Form (RECIST 1.1) for this study', 'inclusion')
        .condition,
    ).toBeNull();
  });

  it('still reads brain metastases that require any form of treatment (variant)', () => {
    expect(leaves(readRule('Untreated brain metastases requiring any form of local therapy', 'exclusion').condition)).toContainEqual({
      fact: 'brainMetastases',
      operator: 'in',
      value: ['active'],
    });
  });
});

describe('"Participants may have brain metastases"', () => {
  it('neither requires nor excludes metastases in any state', () => {
    for (const kind of ['inclusion', 'exclusion'] as const) {
      expect(leaves(readRule('Participants may have brain metastases', kind).condition)).not.toContainEqual(brainPresent);
      expect(readRule('Participants may have brain metastases', kind).condition).toBeNull();
    }
    expect(readRule('Participants may have leptomeningeal disease', 'inclusion').condition).toBeNull();
  });

  it('still reads a permission for treated metastases as none or treated-stable (variant)', () => {
    expect(readRule('Patients may have treated brain metastases.', 'inclusion').condition).toEqual({
      fact: 'brainMetastases',
      operator: 'in',
      value: ['none', 'treated-stable'],
    });
  });
});
