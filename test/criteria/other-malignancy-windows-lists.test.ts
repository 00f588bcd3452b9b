/**
 * Other-malignancy criteria read from real corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz):
 * more wordings of the subject ("history within the past 3 years of invasive malignancy", "history of
 * active malignant tumors", "previous or intercurrent treated solid tumor", "Combination of 2 or more
 * malignant tumors", "tumors of other pathological types", "1\. Malignant disease within 5 years prior
 * to …"); an exemption list opened by a colon in the subject's own sentence; and a disease-free window
 * that belongs to one named exemption, which neither sets the window for every other cancer nor grants
 * that exemption outright. Each rule is also evaluated against patient records.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import {
  IN_SITU_CODES as IN_SITU,
  judgeRecord,
  NMSC_CODES as NMSC,
  otherMalignancy as other,
  readRule,
  unparsed,
} from '../support/criteria';

const sorted = (...lists: string[][]): string[] => [...new Set(lists.flat())].sort();

/** A patient enrolled for melanoma whose other conditions are given. */
const patient = (conditions: PatientRecord['conditions']): PatientRecord => ({
  cancers: [{ type: 'melanoma' }],
  conditions,
});
const judge = (c: Condition, record: PatientRecord) => judgeRecord(c, record);
const noOtherCancer = patient([]);

describe('other-malignancy subjects', () => {
  it('reads "history within the past 3 years of invasive malignancy" with its own 3-year window (NCT06630611)', () => {
    const text =
      'Patients with an active concurrent or history within the past 3 years of invasive malignancy, except for non-melanoma skin cancer, cervical and bladder carcinoma in situ, good prognosis ductal carcinoma in situ of the breast, or prostate carcinoma that is in remission under androgen deprivation therapy for >2 years. Exceptions to this may apply after discussion between the Sponsor and Medical Monitor.';
    const { condition } = readRule(text, 'exclusion');
    const malignancy = leavesOf(condition!).find((l) => l.fact === 'otherMalignancy')!;
    // The "> 2 years" is the prostate exemption's own, not the window of every other cancer.
    expect(malignancy.params).toEqual({ withinYears: 3, excluding: sorted(NMSC, ['DCIS']) });
    expect(leavesOf(condition!)).toContainEqual(
      unparsed(
        'except for non-melanoma skin cancer, cervical and bladder carcinoma in situ, good prognosis ductal carcinoma in situ of the breast, or prostate carcinoma that is in remission under androgen deprivation therapy for >2 years',
      ),
    );
    // Colon cancer diagnosed two and a half years ago is within the criterion's 3 years: never cleared.
    expect(judge(condition!, patient([{ name: 'colon cancer', year: 2023 }]))).not.toBe(false);
    expect(judge(malignancy, patient([{ name: 'colon cancer', year: 2023 }]))).toBe(true);
    expect(judge(malignancy, patient([{ name: 'colon cancer', year: 2015 }]))).toBe(false);
    expect(judge(malignancy, noOtherCancer)).toBe(false);
  });

  it('reads "previous or intercurrent treated solid tumor or hematologic malignancy during the past 5 years" (NCT06363591)', () => {
    const text =
      'had a previous or intercurrent treated solid tumor or hematologic malignancy during the past 5 years except cutaneous squamous cell carcinoma or basal cell carcinoma.';
    const { condition, unread } = readRule(text, 'exclusion');
    expect(condition).toEqual(other({ withinYears: 5, excluding: ['BCC', 'CSCC'] }));
    expect(unread).toBe('');
    expect(judge(condition!, patient([{ name: 'breast cancer', year: 2022 }]))).toBe(true);
    expect(judge(condition!, patient([{ name: 'basal cell carcinoma', year: 2024 }]))).toBe(false);
    expect(judge(condition!, noOtherCancer)).toBe(false);
  });

  it('reads "Malignant disease within 5 years prior to …" after a list number, with the exemptions of the next sentence (NCT06596915)', () => {
    const text =
      '1\\. Malignant disease within 5 years prior to the first dose of investigational drug other than that being treated in this study. Except completely resected basal cell carcinoma, cutaneous squamous cell skin carcinoma and papillary thyroid carcinoma and completely resected carcinoma in situ of any type.';
    const { condition } = readRule(text, 'exclusion');
    expect(leavesOf(condition!)).toContainEqual(
      other({ withinYears: 5, excluding: sorted(['BCC', 'CSCC', 'THPA'], IN_SITU) }),
    );
    expect(judge(condition!, patient([{ name: 'lung cancer', year: 2023 }]))).toBe(true);
  });

  it('reads "Combination of 2 or more malignant tumors, except: …" (NCT06703398)', () => {
    const text =
      'Combination of 2 or more malignant tumors, except: Eradicated malignant tumors that have been inactive for ≥5 years prior to study entry and are at minimal risk of recurrence; adequately treated non-melanoma skin cancer or malignant nevus of freckle-like nevus without evidence of disease recurrence; adequately treated carcinoma in situ without evidence of disease recurrence.';
    const { condition } = readRule(text, 'exclusion');
    const leaves = leavesOf(condition!);
    expect(leaves).toContainEqual(other({ excluding: sorted(NMSC, IN_SITU) }));
    // The inactive-for-5-years exemption joins a judgement of risk: kept for the coordinator.
    expect(leaves).toContainEqual(
      unparsed(
        'except: Eradicated malignant tumors that have been inactive for >=5 years prior to study entry and are at minimal risk of recurrence',
      ),
    );
    expect(judge(condition!, noOtherCancer)).not.toBe(true);
  });

  it('reads "previous (≤ 3 years) or current tumors of other pathological types" (NCT05288205)', () => {
    const text =
      'Patients with previous (≤ 3 years) or current tumors of other pathological types, except for cured cervical carcinoma in situ, ductal carcinoma in situ of the breast, prostatic intraepithelial neoplasia, superficial non-invasive bladder cancer, stage I skin cancer (except melanoma); subjects without recurrence or metastasis for > 3 years after radical surgery for other malignant tumors, and with extremely low risk of recurrence as judged by the doctor, can be enrolled';
    const malignancy = leavesOf(readRule(text, 'exclusion').condition!).find((l) => l.fact === 'otherMalignancy');
    expect(malignancy).toEqual(other({ withinYears: 3, excluding: ['CEAIS', 'DCIS'] }));
  });

  it('never reads "any cancer-directed therapy" as another cancer (NCT03454035)', () => {
    const text =
      'Treatment with any cancer-directed therapy (chemotherapy, hormonal therapy, biologic, radiation or immunotherapy, etc.) or investigational drug within 28 days or 5 half-lives (whichever is shorter) prior to day -6 of ulixertinib';
    const { condition } = readRule(text, 'exclusion');
    expect(leavesOf(condition!).some((l) => l.fact === 'otherMalignancy')).toBe(false);
  });
});

describe('exemption lists', () => {
  it('reads the items after "except that:" in the subject\'s own sentence (NCT05147467)', () => {
    const text =
      'Within 2 years before entering the study, the subject had a history of active malignant tumors other than CLL / SLL, except that: * Fully treated cervical carcinoma in situ; * Completely resected basal cell carcinoma of the skin or localized squamous cell carcinoma of the skin; * Confinement and resection of previously cured malignancies (or other treatment).';
    const { condition } = readRule(text, 'exclusion');
    const leaves = leavesOf(condition!);
    expect(leaves).toContainEqual(other({ withinYears: 2, excluding: ['BCC', 'CEAIS', 'CSCC'] }));
    expect(leaves).toContainEqual(
      unparsed('* Confinement and resection of previously cured malignancies (or other treatment'),
    );
    // A basal cell carcinoma last year is exempt; a breast cancer last year is not cleared.
    expect(judge(condition!, patient([{ name: 'basal cell carcinoma', year: 2024 }]))).not.toBe(true);
    expect(judge(condition!, patient([{ name: 'breast cancer', year: 2024 }]))).not.toBe(false);
  });

  it('reads the items after "the following circumstances:" (NCT03281889)', () => {
    const text =
      'Individuals with a history of a different malignancy are ineligible except for the following circumstances: if they have been disease-free for at least 5 years and are deemed by the investigator to be a low-risk for recurrence of that malignancy; or, have had only cervical cancer in situ, or basal cell or squamous cell carcinoma of the skin.';
    const { condition } = readRule(text, 'exclusion');
    expect(condition).toEqual({
      all: [
        other({ excluding: ['BCC', 'CEAIS', 'CSCC'] }),
        {
          any: [
            other({ excluding: ['BCC', 'CEAIS', 'CSCC'], withinYears: 5 }),
            unparsed(
              'except for the following circumstances: if they have been disease-free for at least 5 years and are deemed by the investigator to be a low-risk for recurrence of that malignancy',
            ),
          ],
        },
      ],
    });
    expect(judge(condition!, patient([{ name: 'squamous cell carcinoma of the skin', year: 2024 }]))).toBe(false);
    expect(judge(condition!, patient([{ name: 'prostate cancer', year: 2023 }]))).toBe(true);
  });

  it('keeps an exemption with its own disease-free time as a leaf, with no window for other cancers (NCT06898385)', () => {
    const text =
      '1\\. Other malignancies (except non-melanoma skin cancer with the disease-free survival of more than 5 years and cervical carcinoma in situ, bladder cancer, or breast cancer)';
    const { condition } = readRule(text, 'exclusion');
    const malignancy = leavesOf(condition!).find((l) => l.fact === 'otherMalignancy')!;
    // Skin cancer is exempt only after 5 disease-free years, and other cancers at any time count.
    expect(malignancy.params).toEqual({ excluding: ['CEAIS'] });
    expect(judge(malignancy, patient([{ name: 'colon cancer', year: 2010 }]))).toBe(true);
    expect(judge(malignancy, patient([{ name: 'basal cell carcinoma', year: 2024 }]))).toBe(true);
  });

  it('still sets the window from a generic disease-free item ("those who have been disease-free for 3 years", NCT06626516)', () => {
    const text =
      'History of another malignancy except for: 1) those who have been disease-free for 3 years prior to study treatment; 2) patients with a history of completely resected non-melanoma skin cancer; 3) patients with indolent secondary malignancies not requiring active therapy; 4) patients with completely resected carcinoma in situ. Consult the study Principal Investigator if unsure whether second malignancies meet the requirements specified above.';
    const { condition } = readRule(text, 'exclusion');
    expect(leavesOf(condition!)).toContainEqual(other({ withinYears: 3, excluding: sorted(NMSC, IN_SITU) }));
    expect(leavesOf(condition!)).toContainEqual(
      unparsed('3) patients with indolent secondary malignancies not requiring active therapy'),
    );
  });
});

describe('other cancers stated as not allowed', () => {
  it('reads "No prior malignancy is allowed except …" among exclusions as excluding it (NCT02870244)', () => {
    const text =
      'No prior malignancy is allowed except for the following- adequately treated basal cell or squamous cell skin cancer, in situ cervical cancer, adequately treated Stage I or II cancer from which the patient is currently in complete remission, or any other cancer from which the patient has been disease-free for two years.';
    const { condition } = readRule(text, 'exclusion');
    expect(condition).toEqual({
      all: [
        other({ withinYears: 2, excluding: ['BCC', 'CEAIS', 'CSCC'] }),
        unparsed(
          'except for the following- adequately treated basal cell or squamous cell skin cancer, in situ cervical cancer, adequately treated Stage I or II cancer from which the patient is currently in complete remission, or any other cancer from which the patient has been disease-free for two years',
        ),
      ],
    });
    // A cancer five years ago is past the disease-free time: not excluded; a recent one is unknown.
    expect(judge(condition!, patient([{ name: 'breast cancer', year: 2020 }]))).toBe(false);
    expect(judge(condition!, patient([{ name: 'breast cancer', year: 2025 }]))).toBeNull();
    expect(judge(condition!, noOtherCancer)).toBe(false);
  });

  it('reads "Active secondary malignancies will not be allowed, with the exception of: …" among inclusions as requiring none (NCT07287917)', () => {
    const text =
      'Active secondary malignancies will not be allowed, with the exception of:\n\n   a.Adequately treated basal cell carcinoma, squamous cell carcinoma of the skin, or in situ cervical cancer b.Adequately treated Stage 1 cancer from which the patient is currently in remission and has been in remission for ≥2 years c.Low-risk prostate cancer with Gleason score \\<7 and prostate-specific antigen \\<10 ng/mL d.Any other cancer from which the patient has been disease-free for ≥3 years';
    const { condition } = readRule(text, 'inclusion');
    const malignancy = leavesOf(condition!).find((l) => l.fact === 'otherMalignancy');
    // Required absent, never present.
    expect(malignancy).toEqual(other({ active: true }, false));
    // An active other cancer is never cleared: the exemptions stay for the coordinator.
    expect(judge(condition!, patient([{ name: 'lung cancer', year: 2025, status: 'active' }]))).not.toBe(true);
  });

  it('reads "must not have more than one active malignancy" as no other active cancer, the permission in parentheses kept (NCT05264974)', () => {
    const text =
      'Subjects must not have more than one active malignancy at the time of enrollment (subjects with a prior or concurrent malignancy whose natural history or treatment does not have the potential to interfere with the safety or efficacy assessment of the investigational regimen \\[as determined by the treating physician and approved by the PI\\] may be included)';
    const { condition } = readRule(text, 'inclusion');
    expect(leavesOf(condition!)).toContainEqual(other({ active: true }, false));
    expect(judge(condition!, noOtherCancer)).toBe(true);
    expect(judge(condition!, patient([{ name: 'lung cancer', year: 2025, status: 'active' }]))).toBeNull();
    // "More than one primary tumour in different quadrants of the same breast" is multicentric disease, not another cancer.
    const breast = readRule(
      'More than one primary tumour in different quadrants of the same breast (patients with multifocal breast cancer are eligible).',
      'exclusion',
    ).condition;
    expect(breast === null || !leavesOf(breast).some((l) => l.fact === 'otherMalignancy')).toBe(true);
  });

  it('does not read a permission as a prohibition ("Patients with a prior malignancy are eligible if …")', () => {
    const { condition } = readRule(
      'Patients with a prior malignancy are eligible if treatment was completed at least 3 years ago.',
      'exclusion',
    );
    expect(
      condition === null ||
        !leavesOf(condition).some(
          (l) => l.fact === 'otherMalignancy' && l.value === true && !('withinYears' in (l.params ?? {})),
        ),
    ).toBe(true);
  });
});
