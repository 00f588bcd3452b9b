/**
 * Sites the care team cannot treat with the study's radiotherapy, as an exclusion
 * (therapy-local-plans.ts): verbatim corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz) pin
 * the readings, with the forms that must stay unread.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { attest, judgeRecord, readRule, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record, '2025-06-01');
const noTreatableLesion = attest('lesion_treatable', false);

describe('untreatable sites exclude only where no lesion can be treated', () => {
  for (const [nct, text] of [
    ['NCT06767306 e5', 'Inability to treat all disease sites with SBRT as determined by radiation oncologist'],
    ['NCT04793737 e7', 'Location, size or number of metastases is deemed as excessive or not appropriate for precision radiotherapy'],
  ] as const) {
    it(`reads "${text.slice(0, 40)}…" as sufficient only (${nct})`, () => {
      const r = readRule(text, 'exclusion');
      expect(r.condition).toEqual({ any: [noTreatableLesion, unparsed(text)] });
      // No lesion the team can treat: surely not all sites either, so excluded. One it can treat:
      // whether all can (or whether the metastases are too many) is the unread words' question.
      expect(judge({ treatments: [], attestations: { lesion_treatable: false } }, r.condition!)).toBe(true);
      expect(judge({ treatments: [], attestations: { lesion_treatable: true } }, r.condition!)).toBeNull();
    });
  }

  it('leaves permissions, conditions and inclusions unread', () => {
    for (const [text, kind] of [
      // A permission with its condition (NCT04498767 e9).
      ['Bone metastases over 5 cm may be included, if in the opinion of the local radiation oncologist it can be treated safely (e.g. rib, scapula, pelvis)', 'exclusion'],
      // Not an exclusion: the inability would be a requirement, which this form does not read.
      ['Inability to treat all disease sites with SBRT as determined by radiation oncologist', 'inclusion'],
    ] as const) {
      const { condition } = readRule(text, kind);
      expect(leavesOf(condition ?? unparsed('')).some((l) => l.fact === 'attestation' && l.params?.topic === 'lesion_treatable' && l.value === false)).toBe(false);
    }
  });

  it('keeps the treatable-sites inclusion as it was', () => {
    const text = 'All sites of disease can be safely treated based on the judgement of an experienced radiation oncologist';
    expect(readRule(text, 'inclusion').condition).toEqual({ all: [attest('lesion_treatable', true), unparsed(text)] });
  });
});
