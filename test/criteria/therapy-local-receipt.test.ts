/**
 * Local treatments a criterion implies without listing them (therapy-local-receipt.ts), local
 * treatments the care team plans or sites it can treat (therapy-local-plans.ts), and the openings the
 * qualified reader gained (therapy-local-qualified.ts): verbatim corpus lines
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz) pin the readings, with the ones that must stay unread.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { attest, judgeRecord, readRule, therapy, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record, '2025-06-01');
const radiation = therapy({ kinds: ['radiation'] });
const surgery = therapy({ kinds: ['surgery'] });

describe('a previously irradiated site implies prior radiation', () => {
  it('reads the exclusion of lesions near a previously irradiated area (NCT06384053)', () => {
    const text = 'Lesions inside or in proximity (within 3cm) previously irradiated area';
    const r = readRule(text, 'exclusion');
    expect(r.condition).toEqual({ all: [radiation, unparsed(text)] });
    // Never irradiated: not excluded by the line; irradiated: the site words decide (unknown).
    expect(judge({ treatments: [] }, r.condition!)).toBe(false);
    expect(judge({ treatments: [{ name: 'radiotherapy', kind: 'radiation', start: '2023-02-01' }] }, r.condition!)).toBeNull();
  });

  it('reads a re-irradiation field under a cohort-only label (NCT04370587)', () => {
    const r = readRule('HNSCC only: Prior re-irradiation field containing carotid artery.', 'exclusion');
    expect(r.condition).toEqual({
      all: [radiation, unparsed('HNSCC only: Prior re-irradiation field containing carotid artery')],
    });
  });

  it('leaves negated, permitted and definitional irradiated-lesion lines unread', () => {
    for (const [text, kind] of [
      // RECIST's definition of a measurable lesion, not a statement about the patient (NCT06712927).
      ['Growth or change in a lesion previously irradiated will not be considered measurable. Regrowth in cavity of previously excised lesion will not be considered measurable.', 'inclusion'],
      // A negation: an unirradiated lesion says nothing of the patient's radiation (NCT04282044).
      ['Subjects agree to provide fresh tumor tissue that has not been previously irradiated. If biopsy procedure is not safe to perform, then archival tumor tissue (20 slides or a tissue block) can be submitted.', 'inclusion'],
      // No word says the area was irradiated before the study (NCT06384053).
      ['Tattoos in irradiated area', 'exclusion'],
      // Alternatives the radiation does not imply (NCT06666790).
      ['Lesion is on or adjacent to scars, areas previously biopsied, or areas subjected to any past surgical intervention.', 'exclusion'],
    ] as const) {
      const { condition } = readRule(text, kind);
      expect(leavesOf(condition ?? unparsed('')).some((l) => l.fact === 'priorTherapy')).toBe(false);
    }
  });
});

describe('a time counted from an operation requires the operation', () => {
  it('bounds the operation by the end of the interval ("Three months to five years post-surgery", NCT05373823)', () => {
    const r = readRule('Three months to five years post-surgery', 'inclusion');
    expect(r.condition).toEqual({
      all: [therapy({ kinds: ['surgery'], withinDays: 1827 }), unparsed('Three months to five years post-surgery')],
    });
    expect(judge({ treatments: [] }, r.condition!)).toBe(false);
    // Surgery eight years ago is outside the interval; one last year leaves the lower end unread.
    expect(judge({ treatments: [{ name: 'wide local excision', kind: 'surgery', date: '2017-03-01' }] }, r.condition!)).toBe(false);
    expect(judge({ treatments: [{ name: 'wide local excision', kind: 'surgery', date: '2024-03-01' }] }, r.condition!)).toBeNull();
  });

  it('reads the operation within a time of inclusion (NCT05253872)', () => {
    const text = 'Surgical treatment of a clinical stage IA-IIA melanoma within 3 months of inclusion';
    expect(readRule(text, 'inclusion').condition).toEqual({
      all: [therapy({ kinds: ['surgery'], withinDays: 92 }), unparsed(text)],
    });
  });

  it('reads the start of the study within a time of surgery (NCT01026116)', () => {
    const text = 'Able to start protocol Rx within 8 weeks of surgery';
    expect(readRule(text, 'inclusion').condition).toEqual({
      all: [therapy({ kinds: ['surgery'], withinDays: 56 }), unparsed(text)],
    });
  });

  it('reads only the operation where the interval has no upper end (NCT04158193)', () => {
    const text =
      'At least 6 months after breast cancer surgery and presents with persistent breast cancer related upper extremity lymphedema for at least 3 months.';
    expect(readRule(text, 'inclusion').condition).toEqual({ all: [surgery, unparsed(text.replace(/\.$/, ''))] });
  });

  it('reads nothing of an interval in a condition or after the study\'s own resection', () => {
    for (const text of [
      // A condition: the patient may not have had the operation (NCT06605404).
      'If surgical resection has occurred, enrollment should occur within 3 months of surgical resection and before initiation of adjuvant therapy.',
      // The resection of a TIL study is the study's own (NCT05727904).
      'Participant must have at least one measurable disease as defined by RECIST 1.1 following tumor resection.',
    ]) {
      const { condition } = readRule(text, 'inclusion');
      expect(leavesOf(condition ?? unparsed('')).some((l) => l.fact === 'priorTherapy' && l.value === true)).toBe(false);
    }
  });
});

describe('a completed treatment whose fixed part is surgery', () => {
  it('reads "(surgery with or without radiotherapy)" completed as surgery (NCT05774951)', () => {
    const text =
      'Completed adequate (definitive) locoregional therapy (surgery with or without radiotherapy) for the primary breast tumour(s), with or without (neo)adjuvant chemotherapy';
    const r = readRule(text, 'inclusion');
    expect(r.condition).toEqual({ all: [surgery, unparsed(text)] });
    // Radiotherapy alone is not the operation the line requires.
    expect(judge({ treatments: [{ name: 'radiotherapy', kind: 'radiation', start: '2024-01-01' }] }, r.condition!)).toBe(false);
  });

  it('reads "primary treatment (surgery +/- radiotherapy, +/- chemotherapy) completed" (NCT00286117)', () => {
    const text = 'primary treatment (surgery +/- radiotherapy, +/- chemotherapy) completed';
    expect(readRule(text, 'inclusion').condition).toEqual({ all: [surgery, unparsed(text)] });
  });
});

describe('plans and treatable sites of a local treatment', () => {
  it('reads a planned radiotherapy in an exclusion under a subject lead-in (NCT06363591)', () => {
    const r = readRule('has planned adjuvant radiotherapy to the primary melanoma site after WLE.', 'exclusion', ['The patient']);
    expect(r.condition).toEqual({
      all: [attest('planned_treatment', true), unparsed('has planned adjuvant radiotherapy to the primary melanoma site after WLE')],
    });
    // Nothing planned: not excluded.
    expect(judge({ attestations: { planned_treatment: false } }, r.condition!)).toBe(false);
  });

  it('reads the treating physician\'s plan and a referral (NCT05620290)', () => {
    // The plan alone is read; with the rationale the corpus line gives (NCT05839912) it is left whole.
    const plan = 'Subjects whose treating physician(s) plan adjuvant radiation therapy to the involved node basin.';
    expect(readRule(plan, 'exclusion').condition).toMatchObject({ all: [attest('planned_treatment', true), { fact: 'unparsed' }] });
    expect(readRule(plan.replace(/\.$/, ', because that also would confound assessment of node basin recurrence and lymphedema.'), 'exclusion').condition).toBeNull();
    const referred = 'Patient referred for palliative radiotherapy/ standard radiotherapy/ neoadjuvant radiotherapy/ SBRT/ hypofractionation.';
    expect(readRule(referred, 'inclusion').condition).toMatchObject({ all: [attest('planned_treatment', true), { fact: 'unparsed' }] });
  });

  it('reads an elective operation being undergone (NCT03676114) and the misspelt "Planed for" (NCT03797482)', () => {
    for (const text of ['Patients undergoing elective breast cancer surgery under general anesthesia', 'Planed for Breast cancer surgery']) {
      expect(readRule(text, 'inclusion').condition).toEqual({ all: [attest('planned_treatment', true), unparsed(text)] });
    }
  });

  it('reads sites that can be safely treated under a cohort heading (NCT04498767)', () => {
    // The heading only names the cohort: the assembler binds the reading to it (parse.ts).
    const text = 'All sites of disease can be safely treated based on the judgement of an experienced radiation oncologist';
    expect(readRule(text, 'inclusion', ['SAFETY COHORT']).condition).toEqual({ all: [attest('lesion_treatable', true), unparsed(text)] });
    // A heading that makes its lines alternatives is no such label.
    expect(readRule(text, 'inclusion', ['Cohort A: one of the following']).condition).toBeNull();
    // A count of sites is a requirement of its own, left unread as the attestation reader leaves it (NCT04572451).
    expect(readRule('Patients with 1-4 tumor sites that can be irradiated safely', 'inclusion').condition).toBeNull();
  });

  it('reads the description of a planned resection under a cancer heading (NCT07215988)', () => {
    const text = 'Description of planned surgical resection by surgeon';
    expect(readRule(text, 'inclusion', ['* MERKEL CELL CARCINOMA']).condition).toEqual({
      all: [attest('planned_treatment', true), unparsed(text)],
    });
  });

  it('reads "All lesions can be treated with … SBRT" as treatable sites (NCT06767306)', () => {
    const text = 'All lesions can be treated with a minimum SBRT biologically effective dose (BED) of 48Gy';
    expect(readRule(text, 'inclusion').condition).toEqual({ all: [attest('lesion_treatable', true), unparsed(text)] });
  });

  it('leaves plans that are negated or joined to another alternative unread', () => {
    for (const [text, kind] of [
      ['Individuals without plans for cytotoxic chemotherapy, radiation or PARP inhibitor exposure', 'exclusion'],
      ['Plan to undergo weight reduction surgery or foresee any significant weight changes during the study (defined as changes in BMI \\>5 compared to baseline', 'exclusion'],
    ] as const) {
      expect(readRule(text, kind).condition).toBeNull();
    }
  });
});

describe('openings of the qualified local-treatment reader', () => {
  it('reads "regardless of energy" as every form of the one radiotherapy (NCT05229614)', () => {
    expect(readRule('Previous RT, regardless of energy, on the metastatic site selected to be irradiated.', 'exclusion').condition).toEqual({
      all: [radiation, unparsed('RT, regardless of energy, on the metastatic site selected to be irradiated')],
    });
  });

  it('reads "Patients who underwent" a named operation (NCT05319392)', () => {
    const r = readRule('Patients who underwent Total or partial Gastrectomy after Biopsy examination', 'inclusion');
    expect(r.condition).toEqual({ all: [surgery, unparsed('Total or partial Gastrectomy after Biopsy examination')] });
    expect(judge({ treatments: [] }, r.condition!)).toBe(false);
  });

  it('reads a participle of extent before the operation ("enlarged resection", NCT06861023)', () => {
    const text =
      'Patients who have undergone enlarged resection of the nail apparatus with immediate or delayed reconstruction in the setting of acral melanoma of the fingers or toes.';
    expect(readRule(text, 'inclusion').condition).toEqual({
      all: [
        surgery,
        unparsed('enlarged resection of the nail apparatus with immediate or delayed reconstruction in the setting of acral melanoma of the fingers or toes'),
      ],
    });
  });

  it('reads a bare named operation as surgery with its name unread', () => {
    expect(readRule('Prior mastectomy', 'inclusion').condition).toEqual({ all: [surgery, unparsed('mastectomy')] });
  });
});
