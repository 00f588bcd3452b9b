/**
 * A cancer type an inclusion denies ("adenocarcinoma of the prostate without neuroendocrine
 * differentiation or small cell histology") is not one more population of the criterion: joined with
 * the required type into one list, the rule had let in (or demanded) the very histology it keeps
 * out. Neuroendocrine and small cell histology, features, differentiation and components are read as
 * the histologic groups of rules/cancer-types.json (NET, SMALL_CELL). Lines verbatim from the corpus.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { readCriterion } from '../../src/criteria/parse';
import { normalise } from '../../src/criteria/text';

const read = (text: string, kind: 'inclusion' | 'exclusion' = 'inclusion'): Condition =>
  readCriterion(normalise(text).text, kind, []).condition!;

describe('a cancer type the inclusion denies', () => {
  it('requires the named type and not the denied histology (NCT05348876)', () => {
    const c = read(
      'Histologically or cytologically confirmed adenocarcinoma of prostate without neuroendocrine differentiation or small cell features.',
    );
    expect(c).toEqual({
      all: [
        { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['PRAD'] } },
        { fact: 'cancerType', operator: 'equal', value: false, params: { codes: ['NET', 'SMALL_CELL'] } },
      ],
    });
  });

  it('keeps a second population of an inclusion joined as one list', () => {
    // "Several populations in one inclusion": the types stay alternatives of one leaf.
    const c = read(
      'Locally advanced head and neck cancer, stage III-IV, and locally advanced cervical cancer, FIGO IIB-IVA',
    );
    const types = leavesOf(c).filter((l) => l.fact === 'cancerType');
    expect(types).toHaveLength(1);
    expect(types[0]!.value).toBe(true);
  });

  it('reads a neuroendocrine or small cell component in an exclusion as that histology (NCT05605535, NCT06818682)', () => {
    const ne = read(
      'Patients with mucinous adenocarcinoma, carcinosarcoma, tumors with neuroendocrine features and low-grade adenocarcinoma (including low grade serous and FIGO grade 1 endometrioid adenocarcinomas of the ovary).',
      'exclusion',
    );
    expect(leavesOf(ne)).toContainEqual({
      fact: 'cancerType',
      operator: 'equal',
      value: true,
      params: { codes: ['NET'] },
    });
    const sc = read('Presence of adverse pathological variants (such as small cell histology)', 'exclusion');
    expect(leavesOf(sc)).toContainEqual({
      fact: 'cancerType',
      operator: 'equal',
      value: true,
      params: { codes: ['SMALL_CELL'] },
    });
  });
});
