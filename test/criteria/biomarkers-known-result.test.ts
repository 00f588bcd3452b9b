/**
 * A result that must exist, whatever it is: "known PD-L1 expression" (a graded level), "a report of
 * NF1 sequencing analysis". Read as any(X, not X) on the marker's own leaf: unknown without a result,
 * true with one. Corpus lines verbatim; the negatives are the phrase family's near misses.
 */
import type { Condition } from '../../src/criteria/facts';
import { readRule } from '../support/criteria';

const marker = (gene: string, status: string, value: boolean): Condition =>
  ({ fact: 'biomarker', operator: 'equal', value, params: { gene, status } }) as Condition;
const known = (gene: string, status: string): Condition => ({
  any: [marker(gene, status, true), marker(gene, status, false)],
});

describe('a graded expression that must be known', () => {
  it('reads "known PD-L1 expression" as a PD-L1 result of any level', () => {
    const r = readRule('Must have known programmed death-ligand 1 (PD-L1) expression', 'inclusion');
    expect(r.condition).toEqual(known('PD-L1', 'positive'));
    expect(r.unread).toBe('');
  });

  it('asks nothing of PD-L1 expression without "known" (it may mean positive)', () => {
    expect(readRule('Must have PD-L1 expression', 'inclusion').condition).toBeNull();
  });

  it('keeps "HER2 expression" as HER2-expressing (IHC ≥ 1), not as a known status', () => {
    const r = readRule('Patients with known HER2 expression', 'inclusion');
    expect(JSON.stringify(r.condition)).not.toContain('"value":false');
  });

  it('excludes nobody on a result that must exist', () => {
    expect(readRule('Patients with known PD-L1 expression', 'exclusion').condition).toBeNull();
  });
});

describe('a sequencing report that must exist', () => {
  it('reads "a report of NF1 sequencing analysis" as an NF1 result of any kind', () => {
    const r = readRule(
      'Patients must have a report of NF1 sequencing analysis performed at CLIA-certified laboratory (by either tissue-based sequencing or liquid biopsy)',
      'inclusion',
    );
    expect(r.condition).toEqual(known('NF1', 'detected'));
  });
});
