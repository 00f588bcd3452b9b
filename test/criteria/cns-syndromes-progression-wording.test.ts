/**
 * Wordings of known topics that their readers had missed: craniospinal metastases (CNS metastases),
 * metastases to the meninges (leptomeningeal disease), syndromes the subjects are "suffering from",
 * a tumour that "must be progressing", and a version number that is no count of lines. Lines are
 * verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz) unless marked as a
 * variant.
 */
import { cond, readRule } from '../support/criteria';

describe('CNS metastases', () => {
  it('reads craniospinal metastases, present or past, as CNS metastases', () => {
    expect(readRule('Patients with craniospinal metastases or history of craniospinal metastases.', 'exclusion')).toEqual({
      condition: { fact: 'brainMetastases', operator: 'in', value: ['active', 'treated-stable'] },
      unread: '',
    });
  });

  it('reads metastases to the meninges as leptomeningeal disease', () => {
    expect(readRule('Patients with metastases to the meninges.', 'exclusion')).toEqual({
      condition: cond({ names: ['leptomeningeal_disease'] }),
      unread: '',
    });
  });
});

describe('syndromes the subjects suffer from', () => {
  it('reads the syndrome an inclusion enrols', () => {
    expect(readRule('subjects suffering from FAMMM Syndrome', 'inclusion')).toEqual({ condition: cond({ names: ['fammm_syndrome'] }), unread: '' });
    expect(readRule('subjects suffering from Peutz-Jeghers Syndrome', 'inclusion')).toEqual({
      condition: cond({ names: ['peutz_jeghers_syndrome'] }),
      unread: '',
    });
  });

  it('leaves a syndrome with a further requirement after it unread', () => {
    const r = readRule('subjects suffering from Lynch syndrome with at least 1 first- or 2nd-degree relative suffering from pancreatic cancer', 'inclusion');
    expect(r.condition).toBeNull();
  });
});

describe('progressing disease', () => {
  it('reads a tumour that must be progressing', () => {
    expect(readRule('Tumors must be progressing at the time of the enrollment', 'inclusion')).toEqual({
      condition: { fact: 'diseaseStatus', operator: 'equal', value: 'progressing' },
      unread: '',
    });
  });

  it('reads no count of lines from a version number', () => {
    // variant: "RECIST 1.1" before "after prior therapy" had been read as 1.1 prior lines.
    const r = readRule('Disease progression per RECIST 1.1 after prior therapy', 'inclusion');
    expect(JSON.stringify(r.condition)).not.toContain('priorLines');
    expect(r.condition).toEqual({ fact: 'diseaseStatus', operator: 'equal', value: 'progressing' });
  });
});
