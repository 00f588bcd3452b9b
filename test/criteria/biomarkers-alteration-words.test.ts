/**
 * Words for a gene alteration or a test result that sit before or after the gene: "changes in the
 * EGFR or ALK genes", "HER2 immunohistochemistry (IHC) negative". Corpus lines are verbatim; the
 * negative is the phrase family's near miss.
 */
import type { Condition } from '../../src/criteria/facts';
import { readRule } from '../support/criteria';

const detected = (gene: string): Condition =>
  ({ fact: 'biomarker', operator: 'equal', value: true, params: { gene, status: 'detected' } }) as Condition;

describe('"changes in" a gene', () => {
  it('reads "changes in the EGFR or ALK genes" as an alteration of either', () => {
    const r = readRule('Have known changes in the EGFR or ALK genes.', 'exclusion');
    expect(r.condition).toEqual({ any: [detected('EGFR'), detected('ALK')] });
    expect(r.unread).toBe('');
  });

  it('reads no alteration from a change in something the gene only qualifies', () => {
    expect(readRule('No change in the EGFR dose', 'exclusion').condition).toBeNull();
  });
});

describe('HER2 status written with the test name between', () => {
  it('reads "HER2 immunohistochemistry (IHC) negative" as HER2-negative', () => {
    const r = readRule(
      'Documented HER2 immunohistochemistry (IHC) negative as per ASCO-CAP 2018 guidance',
      'inclusion',
    );
    expect(r.condition).toEqual({
      fact: 'biomarker',
      operator: 'equal',
      value: true,
      params: { gene: 'ERBB2', status: 'negative' },
    });
  });
});
