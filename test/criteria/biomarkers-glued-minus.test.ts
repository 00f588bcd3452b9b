/**
 * A receptor's minus written against the disease after it ("ER+ HER2-breast cancer"): the status is
 * negative, not the bare name read as positive. Lines are verbatim from the oncology corpus
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz) unless marked as a variant.
 */
import { cancerType, readRule } from '../support/criteria';

const her2 = (status: string) => ({ fact: 'biomarker', operator: 'equal', value: true, params: { gene: 'ERBB2', status } });
const er = (status: string) => ({ fact: 'biomarker', operator: 'equal', value: true, params: { gene: 'ER', status } });

describe('HER2- glued to the disease', () => {
  it('reads HER2-breast cancer as HER2 negative', () => {
    // Variant of NCT07287917 i4 ("Premenopausal patients with ER+ HER2-breast cancer may be enrolled …").
    expect(readRule('Histologically confirmed ER+ HER2-breast cancer', 'inclusion')).toEqual({
      condition: { all: [er('positive'), her2('negative'), cancerType('BREAST')] },
      unread: '',
    });
  });

  it('reads a minus before "metastatic" the same way (variant)', () => {
    expect(readRule('HER2-metastatic breast cancer', 'inclusion').condition).toEqual({
      all: [her2('negative'), { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'metastatic' } }, cancerType('BREAST')],
    });
  });

  it('reads a minus before an extent after a slashed profile as negative (variant)', () => {
    // Before, "HR+/HER2-early breast cancer" lent HR's "+" to the bare HER2 and read it positive.
    expect(readRule('HR+/HER2-early breast cancer', 'inclusion').condition).toEqual({
      all: [
        { fact: 'biomarker', operator: 'equal', value: true, params: { gene: 'HR', status: 'positive' } },
        her2('negative'),
        cancerType('BREAST'),
      ],
    });
  });

  it('leaves HER2-enriched, a subtype rather than a status, unread (variant)', () => {
    expect(readRule('HER2-enriched breast cancer', 'inclusion')).toEqual({ condition: cancerType('BREAST'), unread: 'HER2-enriched' });
  });

  it('keeps the statuses written as words (variant)', () => {
    expect(readRule('HER2-positive breast cancer', 'inclusion').condition).toEqual({ all: [her2('positive'), cancerType('BREAST')] });
    expect(readRule('HER2-low breast cancer', 'inclusion').condition).toEqual({ all: [her2('low'), cancerType('BREAST')] });
  });
});
