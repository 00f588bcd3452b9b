/**
 * Circulating tumour DNA as a marker (rules/genes.json ctDNA): a positive result ("ctDNA positive",
 * "ctDNA-positivity (MRD+)") is a requirement; ctDNA named as the sample a gene is tested in ("by
 * tissue NGS or ctDNA", "blood sample (for ctDNA)") is no ctDNA requirement. Corpus lines verbatim.
 */
import type { Condition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import { readRule } from '../support/criteria';

const ctdnaPositive: Condition = {
  fact: 'biomarker',
  operator: 'equal',
  value: true,
  params: { gene: 'ctDNA', status: 'positive' },
};

const ctdnaLeaves = (c: Condition | null): unknown[] =>
  c ? leavesOf(c).filter((l) => l.fact === 'biomarker' && (l.params as { gene?: string }).gene === 'ctDNA') : [];

describe('ctDNA as a result', () => {
  it('reads "ctDNA positive result" as a positive ctDNA test', () => {
    const r = readRule('ctDNA positive result as identified by Signatera.', 'inclusion');
    expect(r.condition).toEqual(ctdnaPositive);
  });

  it('reads "demonstrating ctDNA-positivity (MRD+)" and keeps the report logistics unread', () => {
    const r = readRule(
      'Availability of a SignateraTM ctDNA report within 28 days prior to enrollment demonstrating ctDNA-positivity (MRD+). Note: Patients may be pre-screened prior to obtaining ctDNA results to facilitate assay design.',
      'inclusion',
    );
    expect(r.condition).toEqual(ctdnaPositive);
    expect(r.unread).toContain('within 28');
  });
});

describe('ctDNA as the sample a gene is tested in', () => {
  it('reads the gene, not a ctDNA requirement', () => {
    const r = readRule(
      'Histologically documented non-squamous NSCLC with HER2 mutation in exons 19 or 20 by tissue NGS or ctDNA',
      'inclusion',
    );
    expect(leavesOf(r.condition!)).toContainEqual({
      fact: 'biomarker',
      operator: 'equal',
      value: true,
      params: { gene: 'ERBB2', alteration: 'mutation', status: 'detected' },
    });
    expect(ctdnaLeaves(r.condition)).toEqual([]);
  });

  it('reads no ctDNA result from a sample to be provided', () => {
    const r = readRule('Provision of FFPE tumour tissue sample and blood sample (for ctDNA).', 'inclusion');
    expect(ctdnaLeaves(r.condition)).toEqual([]);
  });

  it('reads no ctDNA result from testing an exclusion forbids', () => {
    const r = readRule(
      'At time of enrollment, has undergone or plans to undergo any ctDNA testing to assess molecular residual disease, with the exception of comprehensive genomic profiling for therapeutic selection.',
      'exclusion',
    );
    expect(ctdnaLeaves(r.condition)).toEqual([]);
  });
});
