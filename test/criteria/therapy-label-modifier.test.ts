/**
 * A treatment word that only qualifies the noun after it names no treatment the patient had: "cohort of
 * cranial RT sites" is a cohort of sites to be irradiated, not current radiotherapy. Lines are verbatim
 * from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { leavesOf } from '../../src/criteria/facts';
import { readRule } from '../support/criteria';

describe('a treatment word qualifying "sites"', () => {
  it('reads no radiotherapy from "the concurrent/sequential cohort of cranial RT sites"', () => {
    for (const line of [
      'For the concurrent/sequential cohort of cranial RT sites: i. Previously untreated brain lesions / metastases are eligible ii. Subjects with previously irradiated brain lesions are eligible provided they meet one of the following criteria:',
      'For the concurrent / sequential cohort of extracranial RT sites: i. A minimum of 10 subjects with thoracic lesions (lung, mediastinum, thoracic spine, rib, or other thoracic sites) will be treated ii. Subjects with treated brain metastases are eligible (untreated brain metastases are ineligible) provided they meet the following criteria:',
    ]) {
      const r = readRule(line, 'inclusion');
      expect(leavesOf(r.condition ?? { all: [] }).filter((l) => l.fact === 'priorTherapy')).toEqual([]);
    }
  });

  it('still reads radiotherapy received', () => {
    const r = readRule('Prior radiotherapy within 2 weeks of the first dose', 'exclusion');
    expect(
      leavesOf(r.condition!).some(
        (l) => l.fact === 'priorTherapy' && (l.params as { kinds?: string[] }).kinds?.includes('radiation'),
      ),
    ).toBe(true);
  });
});
