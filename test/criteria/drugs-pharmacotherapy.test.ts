/**
 * "Anticancer pharmacotherapy" (rules/drugs.json): anticancer drug therapy, the systemic kind. The
 * criterion is verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, mentionIds, readRule, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record, '2025-06-01');

describe('anticancer pharmacotherapy', () => {
  it('is the systemic kind', () => {
    expect(mentionIds('anticancer pharmacotherapy', 'therapyKind')).toEqual(['systemic']);
    expect(mentionIds('anti-cancer pharmacotherapy', 'therapyKind')).toEqual(['systemic']);
  });

  it('reads the exclusion "with exceptions" only as a necessary condition (NCT06120491 e9)', () => {
    const r = readRule('Any prior anticancer pharmacotherapy or surgery for metastatic prostate cancer, with exceptions.', 'exclusion');
    expect(r.condition).toMatchObject({ all: [{ fact: 'priorTherapy', value: true, params: { setting: 'metastatic' } }, unparsed('prostate cancer')] });
    const [treated] = (r.condition as { all: Condition[] }).all as [Condition & { params: { kinds: string[] } }];
    expect(treated.params.kinds).toEqual(expect.arrayContaining(['systemic', 'surgery']));
    // Never treated: not excluded; treated: the unstated exceptions decide (unknown).
    expect(judge({ treatments: [] }, r.condition!)).toBe(false);
  });
});
