/**
 * Procedures the care team judges, contraindicates or schedules (therapy-local-candidacy.ts), cancer
 * operations a patient underwent and times counted from an operation (therapy-local-receipt.ts):
 * verbatim corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz) pin the readings, with the ones
 * that must stay unread.
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { attest, attestationTopics, judgeRecord, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record, '2025-06-01');
const surgery = therapy({ kinds: ['surgery'] });

describe('a procedure the care team finds the patient fit for', () => {
  it('reads "Amendable to sentinel lymph node biopsy." (NCT07448831)', () => {
    const r = readRule('Amendable to sentinel lymph node biopsy.', 'inclusion');
    expect(r.condition).toEqual({ all: [attest('treatment_candidate', true), unparsed('Amendable to sentinel lymph node biopsy')] });
    // Unfit: fails the inclusion; fit: the procedure's words decide (unknown).
    expect(judge({ attestations: { treatment_candidate: false } }, r.condition!)).toBe(false);
    expect(judge({ attestations: { treatment_candidate: true } }, r.condition!)).toBeNull();
  });

  it('reads an operation route and the fitness for anaesthesia (NCT05774483, NCT03513614)', () => {
    for (const text of ['Amenable to per oral excision', 'Adequate condition for general anesthesia and breast cancer surgery']) {
      expect(readRule(text, 'inclusion').condition).toEqual({ all: [attest('treatment_candidate', true), unparsed(text)] });
    }
  });

  it('reads the surgeon\'s "operable" beside the words it does not read (NCT01972984)', () => {
    const text = 'Patients whose cancers are palpable and have been deemed to be "operable" by the surgeon';
    expect(readRule(text, 'inclusion').condition).toEqual({ all: [attest('treatment_candidate', true), unparsed(text)] });
  });

  it('reads a contraindication as the lack of fitness in an exclusion (NCT06753136, NCT07354152, NCT06322316)', () => {
    for (const text of [
      'Absolute contraindications to invasive procedures',
      'Surgical contraindication to perforator flap reconstruction',
      // The full stop of "e.g." ends no sentence: the examples stay in the unread words.
      'Contraindication to regional anesthesia e.g. local sepsis, pre- existing peripheral neuropathies and coagulopathy',
    ]) {
      const r = readRule(text, 'exclusion');
      expect(r.condition).toEqual({ all: [attest('treatment_candidate', false), unparsed(text)] });
      // The exclusion's statement: false for a patient the team finds fit (not excluded), unknown otherwise.
      expect(judge({ attestations: { treatment_candidate: true } }, r.condition!)).toBe(false);
      expect(judge({ attestations: { treatment_candidate: false } }, r.condition!)).toBeNull();
    }
  });

  it('reads a scheduled procedure and a lesion a local procedure can reach (NCT04126876, NCT02000089, NCT00582764, NCT05620290)', () => {
    for (const text of [
      'Scheduled to undergo a combines re-excision and sentinel node biopsy (SNB)',
      'Endoscopic evaluation of pancreas scheduled',
      'scheduled for breast MRI interventional procedure for a known breast lesion',
    ]) {
      const r = readRule(text, 'inclusion');
      expect(r.condition).toEqual({ all: [attest('planned_treatment', true), unparsed(text)] });
      expect(judge({ attestations: { planned_treatment: false } }, r.condition!)).toBe(false);
    }
    expect(readRule('Target lesion accessible for MRg-FU procedure.', 'inclusion').condition).toEqual({
      all: [attest('lesion_treatable', true), unparsed('Target lesion accessible for MRg-FU procedure')],
    });
  });

  it('leaves negated, study-owned, all-sites and conditional lines without these topics', () => {
    for (const [text, kind] of [
      // The study's own procedures: not a procedure the care team judges (NCT05021172).
      ['Contraindication to any study-related procedure or assessment', 'exclusion'],
      // A negation the reader does not turn around (NCT04658303).
      ['Subjects with in-transit disease that is not amenable to biopsy per the treating physician are excluded.', 'exclusion'],
      // A condition on one part of the study (NCT04493723).
      ['Accessible tumour that can be safely biopsied using radiological or surgical techniques (if consenting to part A).', 'inclusion'],
    ] as const) {
      expect(attestationTopics(readRule(text, kind).condition).filter((t) => /^(?:treatment_candidate|planned_treatment|lesion_treatable)=/.test(t))).toEqual([]);
    }
    // "All sites" is not the one treatable lesion the topic asks about (NCT06767306): no treatable
    // lesion at all is enough to exclude, but the rest of the sentence stays an unread alternative.
    const allSites = readRule('Inability to treat all disease sites with SBRT as determined by radiation oncologist', 'exclusion').condition;
    expect(allSites).toMatchObject({ any: expect.arrayContaining([attest('lesion_treatable', false), expect.objectContaining({ fact: 'unparsed' })]) });
  });
});

describe('a cancer operation the patient underwent', () => {
  it('reads a node biopsy in an inclusion (NCT07584291)', () => {
    const text = 'Underwent sentinel lymph node biopsy with complete information available';
    const r = readRule(`${text}.`, 'inclusion');
    expect(r.condition).toEqual({ all: [surgery, unparsed(text)] });
    // No operation in the treatment history: fails; an operation: the rest decides.
    expect(judge({ treatments: [] }, r.condition!)).toBe(false);
    expect(judge({ treatments: [{ name: 'sentinel lymph node biopsy', kind: 'surgery', date: '2025-03-01' }] }, r.condition!)).toBeNull();
  });

  it('reads an excision of the primary already done in an exclusion (NCT06673095, NCT07530887)', () => {
    for (const text of [
      'The patient has already undergone wide local excision at the site of the primary index lesion',
      'Patient has already undergone a local flap reconstruction of the defect after excision of the primary',
    ]) {
      const r = readRule(text, 'exclusion');
      expect(r.condition).toEqual({ all: [surgery, unparsed(text)] });
      // Never operated: not excluded.
      expect(judge({ treatments: [] }, r.condition!)).toBe(false);
    }
  });

  it('reads the time since an excision or a named organ operation as a window (NCT06240143, NCT06388018)', () => {
    const excision = 'Excision of primary melanoma took place <=4 weeks prior to informed consent';
    const r = readRule(`${excision};`, 'inclusion');
    expect(r.condition).toEqual({ all: [therapy({ kinds: ['surgery'], withinDays: 28 }), unparsed(excision)] });
    // An excision two months ago is outside the window.
    expect(judge({ treatments: [{ name: 'wide local excision', kind: 'surgery', date: '2025-04-01' }] }, r.condition!)).toBe(false);
    const organ = 'Protocol treatment is to begin within 10 weeks of hysterectomy/bilateral salpingo-oophorectomy';
    expect(readRule(organ, 'inclusion').condition).toEqual({ all: [therapy({ kinds: ['surgery'], withinDays: 70 }), unparsed(organ)] });
  });

  it('leaves operations that may be for another illness, plans and alternatives unread', () => {
    for (const [text, kind] of [
      // An organ operation with no time tying it to the cancer (NCT04588402).
      ['Women who had undergone hysterectomy.', 'exclusion'],
      // Not a cancer operation: the treatment history does not list it (NCT07138222).
      ['Previous removal of both ovaries (females) or previous removal of both testes or previous vasectomy (males)', 'exclusion'],
      // A plan, not an operation had (NCT03860883).
      ['Planned adjuvant radiotherapy to the primary melanoma site after wide local excision is not permitted as part of the protocol and any patients given this treatment would be excluded from the study.', 'exclusion'],
    ] as const) {
      expect(therapyLeaves(readRule(text, kind).condition).filter((l) => JSON.stringify(l).includes('"surgery"'))).toEqual([]);
    }
  });
});
