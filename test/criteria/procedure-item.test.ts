/**
 * An inclusion item that names only the operation or treatment the patient undergoes
 * (procedure-item.ts): read as the plan or the treatment received, with the item's words unread
 * beside it. A treatment said to be indicated (history-judgement.ts): the care team's judgement that
 * the patient is a candidate for it. Verbatim corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz) pin the readings,
 * and the ones that must stay to other readers or unread.
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { attest, cancerType, criterionRule, judgeRecord, readRule, therapy, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record, '2025-06-01');
const planOrHad = (kind: string, text: string): Condition => ({
  all: [{ any: [attest('planned_treatment', true), therapy({ kinds: [kind] })] }, unparsed(text)],
});

describe('an inclusion item that is only a procedure', () => {
  it.each([
    ['Transthoracic esophagectomy', 'surgery'], // NCT03222895
    ['Elective surgery', 'surgery'], // NCT05742711
    ['Type of surgery; Modified Radical Mastectomy (MRM)', 'surgery'], // NCT06322316
    ['Surgical or endoscopic segmental mastectomy or quadrantectomy (lumpectomy)', 'surgery'], // NCT00616135
    [
      'Upfront total mastectomy (with minimum 1 mm margin clear of invasive cancer or DCIS) and axillary staging procedure (clearance, sampling or SNB)',
      'surgery',
    ], // NCT02992574
    ['undergo first chemotherapy', 'chemotherapy'], // NCT05576545
  ])('reads "%s" as planned or received', (text, kind) => {
    const c = readRule(text, 'inclusion').condition;
    expect(c).toEqual(planOrHad(kind, text));
  });

  it('fails only the patient with neither the plan nor the treatment', () => {
    const c = readRule('Transthoracic esophagectomy', 'inclusion').condition!;
    expect(judge({ treatments: [], attestations: { planned_treatment: false } }, c)).toBe(false);
    // Planned, or an operation in the record: the item's own words (which operation) decide.
    expect(judge({ treatments: [], attestations: { planned_treatment: true } }, c)).toBeNull();
    expect(judge({ treatments: [{ name: 'esophagectomy', kind: 'surgery', date: '2025-03-01' }] }, c)).toBeNull();
  });

  it('is read the same as the only item of a list (NCT05742711)', () => {
    expect(criterionRule('Elective surgery', 'inclusion')).toEqual(planOrHad('surgery', 'Elective surgery'));
  });

  it('leaves items that say more than the procedure to the other readers or unread', () => {
    for (const text of [
      // A verb of receipt, a time, a negation or a permission: not a bare name.
      'taking chronic targeted anti-cancer agents -', // NCT05645510
      'Efficacy of the neoadjuvant immunotherapy histologically of radiologically assessed', // NCT06586593: about the treatment
      'Breast conserving surgery(BCS) with axillary clearance or total mastectomy with axillary clearance(TMAC); (reconstruction allowed but not with implant; tissue expanders with distant metal ports are allowed)', // NCT04472845
      'Immunotherapy initiated between January 1, 2013, and December 31, 2021.', // NCT07302607
      'No mastectomy',
    ]) {
      const c = readRule(text, 'inclusion').condition;
      expect(JSON.stringify(c ?? null)).not.toContain('planned_treatment');
    }
  });

  it('reads no exclusion and no item under a heading', () => {
    expect(readRule('Elective surgery', 'exclusion').condition).toBeNull();
    // Under a lead-in the item may be one alternative of a list, or be denied by it.
    expect(readRule('Mastectomy', 'inclusion', ['Patients who had one of the following:']).condition).toBeNull();
  });

  it('runs in linear time on hostile input', () => {
    const t0 = Date.now();
    readRule('SURGERY '.repeat(20000), 'inclusion');
    readRule(`${'undergo '.repeat(5000)}surgery`, 'inclusion');
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe('a treatment said to be indicated', () => {
  it('reads "X is indicated" as the care team\'s candidacy (NCT03788213, NCT06831071)', () => {
    const r = readRule('Adjuvant radiotherapy is indicated. The following patients will be considered as candidates to receive adjuvant radiotherapy:', 'inclusion');
    expect(r.condition).toEqual(attest('treatment_candidate', true));
    // The lead-in to the list of candidates stays unread.
    expect(r.unread).toContain('considered as candidates');
    expect(
      readRule('Must have histologically confirmed melanoma for which a Sentinel Lymph Node Biopsy (SLNB) is indicated per the treating physician.', 'inclusion')
        .condition,
    ).toEqual({ all: [cancerType('MELANOMA'), attest('treatment_candidate', true)] });
  });

  it('fails the patient the care team finds no candidate, and no other', () => {
    const c = readRule('Adjuvant radiotherapy is indicated.', 'inclusion').condition!;
    expect(judge({ attestations: { treatment_candidate: false } }, c)).toBe(false);
    expect(judge({ attestations: { treatment_candidate: true } }, c)).toBe(true);
    expect(judge({}, c)).toBeNull();
  });

  it('leaves a condition, a denial, an exclusion and a scan unread', () => {
    for (const [text, kind] of [
      ['Adjuvant radiotherapy is indicated if the margins are involved.', 'inclusion'],
      ['Radiotherapy is not indicated', 'inclusion'],
      ['Patients for whom adjuvant radiotherapy is indicated', 'exclusion'],
      // NCT05131607: a scan is not a treatment the topic asks about.
      ['A staging, pre-operative breast MRI is considered to be clinically indicated.', 'inclusion'],
    ] as const) {
      expect(JSON.stringify(readRule(text, kind).condition ?? null)).not.toContain('treatment_candidate');
    }
  });
});

describe('a plan made only if needed', () => {
  it('is not read as a plan the patient must have (NCT06500455)', () => {
    // Zero lesions planned is allowed: the inclusion must not fail a patient with no resection planned.
    const c = readRule('No more than 2 lesions planned for resection if clinically indicated', 'inclusion').condition;
    expect(JSON.stringify(c ?? null)).not.toContain('planned_treatment');
  });
});
