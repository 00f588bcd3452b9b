/**
 * What a cancer operation left or found (therapy-local-after.ts), a lesion that needs an operation
 * (therapy-local-plans.ts), a mandatory screening biopsy (history-attest.ts) and an organ's
 * transplant recipients (rules/conditions.json): verbatim corpus lines pin the readings, with the ones
 * that must stay unread.
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { attest, attestationTopics, cond, judgeRecord, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record, '2025-06-01');
const surgery = therapy({ kinds: ['surgery'] });
const operated: PatientRecord = { treatments: [{ name: 'mastectomy', kind: 'surgery', date: '2025-03-01' }] };
const surgeryLeaves = (c: Condition | null) => therapyLeaves(c).filter((l) => JSON.stringify(l).includes('"surgery"'));

describe('what a cancer operation left or found', () => {
  it('reads residual disease after surgery and a residual burden in the surgical specimen as an operation had (NCT01147016, NCT05269381)', () => {
    for (const text of [
      'Presence of residual disease measuring at least 5mm (as single foci or in aggregate) on final pathology following surgery',
      'Histologically confirmed residual cancer burden 2 and 3 in surgical specimens',
    ]) {
      const r = readRule(text, 'inclusion');
      expect(r.condition).toEqual({ all: [surgery, unparsed(text)] });
      // Never operated: fails; operated: the finding's words decide (unknown).
      expect(judge({ treatments: [] }, r.condition!)).toBe(false);
      expect(judge(operated, r.condition!)).toBeNull();
    }
  });

  it('reads disease left after an operation, and a cancer after one, in an exclusion (NCT03513614, NCT06712420, NCT07518043)', () => {
    for (const text of [
      'Palpable disease left behind in the axilla after Tailored Axillary Surgery (TAS)',
      'Post cholecystectomy GBC without any evidence of spillage of residual disease on radiological imaging',
      // "status post" a list of operations: one of them had.
      'UC-specific surgical exclusions: status post partial cystectomy or partial nephrectomy',
    ]) {
      const r = readRule(`${text}.`, 'exclusion');
      expect(r.condition).toEqual({ all: [surgery, unparsed(text)] });
      // Never operated: not excluded.
      expect(judge({ treatments: [] }, r.condition!)).toBe(false);
    }
  });

  it('leaves lists, cohort labels, alternatives, needs and operations that may be for another illness unread', () => {
    for (const [text, kind] of [
      // A list of findings whose last needs no operation, one of two alternative populations (NCT06712420).
      [
        'Post cholecystectomy GBC with residual disease on imaging, History of bile spillage during primary surgery , history of piece-meal removal of gall bladder during simple cholecystectomy, Regional LN involvement on imaging studies.',
        'inclusion',
      ],
      // Bound to one cohort: required of everyone it would fail the others (NCT07518043).
      ['For EC/GEJC: residual pathologic disease (non-pCR) following neoadjuvant chemoradiotherapy and R0 resection.', 'inclusion'],
      // The defect may be the wound of the study's own operation; "margin" names the re-excision (NCT07354152).
      ['Non-closable surgical defect after margin re-excision', 'inclusion'],
      // A need for treatment after an operation, with an alternative (NCT05653063).
      ['Patients requiring radiotherapy after curative surgery or surgery that is intended to remove as much of the tumour as possible.', 'exclusion'],
      // An organ operation alone may be for another illness.
      ['Status post hysterectomy', 'exclusion'],
    ] as const) {
      expect(surgeryLeaves(readRule(text, kind).condition)).toEqual([]);
    }
  });
});

describe('a lesion that needs an operation', () => {
  it('reads "requiring surgical excision" as the care team\'s plan (NCT05570227)', () => {
    const text = 'Presence of a known melanoma lesion requiring surgical excision or biopsy';
    const r = readRule(text, 'inclusion');
    expect(r.condition).toEqual({ all: [attest('planned_treatment', true), unparsed(text)] });
    expect(judge({ attestations: { planned_treatment: false } }, r.condition!)).toBe(false);
  });

  it('leaves a need for another kind of treatment unread', () => {
    expect(attestationTopics(readRule('Lesions requiring surgery or chemotherapy', 'exclusion').condition)).toEqual([]);
  });
});

describe('a mandatory screening biopsy', () => {
  it('reads "Mandatory initial screening biopsy" as the biopsy the patient agrees to (NCT05859074)', () => {
    expect(readRule('Mandatory initial screening biopsy', 'inclusion').condition).toEqual(attest('biopsy_consent', true));
  });

  it('leaves an optional one and a diagnostic one unread', () => {
    expect(attestationTopics(readRule('Optional screening biopsy', 'inclusion').condition)).toEqual([]);
    expect(attestationTopics(readRule('Diagnosis confirmed by initial biopsy', 'inclusion').condition)).toEqual([]);
  });
});

describe("an organ's transplant recipients", () => {
  it('reads kidney transplant recipients as a solid organ transplant (NCT05896839)', () => {
    expect(readRule('Kidney transplant recipients', 'exclusion').condition).toEqual(cond({ names: ['organ_transplant'] }));
  });
});
