/**
 * A result that must exist, whatever it is: "known PD-L1 expression" (a graded level), "a report of
 * NF1 sequencing analysis". Read as any(X, not X) on the marker's own leaf: unknown without a result,
 * true with one. Corpus lines verbatim, except the "Known … status" lists, written to pin how a list
 * joins (the corpus has none), and the negatives, the phrase family's near misses.
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

describe('a list of results that must all exist', () => {
  const knownGene = (gene: string): Condition => known(gene, 'detected');

  it('requires a result for every gene the testing names', () => {
    const r = readRule(
      'Genetic testing must have been performed for targetable driver mutations, including EGFR, ROS1, Alk, KRAS, BRAF',
      'inclusion',
      [
        'NON-SMALL CELL LUNG CANCER SPECIFIC: Tissue confirmation of stage III unresectable or stage IV (recurrent or de novo metastatic) non-small cell lung cancer (NSCLC):',
      ],
    );
    expect(r.condition).toEqual({
      any: [
        { all: ['EGFR', 'ROS1', 'ALK', 'KRAS', 'BRAF'].map(knownGene) },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'other targetable driver mutations' } },
      ],
    });
  });

  it('gives every member of a "known … status" list its own known leaf', () => {
    const r = readRule('Known BRAF, KIT, and NRAS mutation status', 'inclusion');
    const knownMutation = (gene: string): Condition => ({
      any: [true, false].map(
        (value) =>
          ({
            fact: 'biomarker',
            operator: 'equal',
            value,
            params: { gene, alteration: 'mutation', status: 'detected' },
          }) as Condition,
      ),
    });
    expect(r.condition).toEqual({ all: ['BRAF', 'KIT', 'NRAS'].map(knownMutation) });
  });

  it('keeps a list joined by "or" as alternatives', () => {
    const r = readRule('Known EGFR or ALK status', 'inclusion');
    expect(r.condition).toEqual({ any: [knownGene('EGFR'), knownGene('ALK')] });
  });
});
