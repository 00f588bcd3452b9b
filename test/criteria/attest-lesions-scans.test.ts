/**
 * Study-procedure questions for the care team, in the wordings the earlier readers missed: a screening
 * scan named with its window (screening_assessments), a lesion that can be biopsied worded from the
 * lesion or the procedure (biopsy_accessible), a lesion that can be removed to collect the tumour
 * the study needs (lesion_for_tissue_harvest), a lesion available for injection (lesion_treatable),
 * a lesion visible on the scan that guides the procedure (lesion_visible_on_imaging), an implant that
 * rules out MRI (mri_possible), the offer of specimen banking (specimen_banking_offered) and a current
 * hospital stay (inpatient_now). Real corpus lines with the rule they must get, and lines that must
 * not get it.
 */
import type { CriterionKind } from '../../src/criteria/segment';
import { attest, attestationTopics, readRule } from '../support/criteria';

const topicsOf = (text: string, kind: CriterionKind = 'inclusion'): string[] =>
  attestationTopics(readRule(text, kind).condition);

describe('a screening scan named with its window', () => {
  it('reads the scan as a screening examination the study team does', () => {
    for (const line of [
      'CT/PET-CT performed within 4 weeks prior to treatment start',
      'Triple CT/PET CT done within 4 weeks before the first application',
      'Contrast-enhanced cross-sectional imaging of the abdomen (either CT or MRI) obtained within two months prior to study enrollment',
    ])
      expect(readRule(line, 'inclusion')).toEqual({ condition: attest('screening_assessments', true), unread: '' });
    expect(
      readRule(
        'Patient must have a baseline MRI of the brain with gadolinium within 14 days of administration of NEO212.',
        'inclusion',
      ),
    ).toEqual({
      condition: attest('screening_assessments', true),
      unread: 'NEO212',
    });
  });

  it('does not read a scan asked of some patients, one that may be skipped, or one with no window', () => {
    expect(
      topicsOf(
        'Patient with select solid tumors must have a baseline CT scan with IV contrast and oral contrast of neck, chest, abdomen and pelvis within 14 days of administration of NEO212.',
      ),
    ).toEqual([]);
    expect(
      topicsOf('Patients must have a baseline skull base MRI unless contraindicated by medical or financial toxicity.'),
    ).toEqual([]);
    expect(topicsOf('PET-CT scan, and')).toEqual([]);
    expect(
      topicsOf('Radionecrosis on imaging with new neurological symptoms within 14 days prior to enrollment'),
    ).toEqual([]);
  });
});

describe('a lesion that can be biopsied, worded from the lesion or the procedure', () => {
  it('reads biopsy_accessible', () => {
    for (const line of [
      'Accessible lesion(s) that permit a total of at least two biopsies without unacceptable risk of a significant procedural complication.',
      'Tumor lesion(s) of which a histological biopsy can be safely obtained according to standard clinical care procedures.',
    ])
      expect(readRule(line, 'inclusion')).toEqual({ condition: attest('biopsy_accessible', true), unread: '' });
    expect(
      topicsOf(
        'Is able to safely undergo a baseline tumor tissue biopsy prior to first dose of BI-1808 (on non previously irradiated lesions only). The biopsy must be performed at least 4 weeks following the last dose of tumor directed therapy.',
      ),
    ).toEqual(['biopsy_accessible=true']);
    expect(
      readRule(
        'Is able to safely undergo a baseline tumor tissue biopsy prior to first dose of BI-1808 (on non previously irradiated lesions only). The biopsy must be performed at least 4 weeks following the last dose of tumor directed therapy.',
        'inclusion',
      ).unread,
    ).toContain('irradiated');
  });

  it('does not read a biopsy done for another procedure, nor one the patient only may have', () => {
    expect(
      topicsOf(
        'Mediastinal, laparoscopic, gastrointestinal, or bronchial endoscopic biopsies can be obtained incidentally to a clinically necessary procedure and NOT for the sole purpose of the clinical trial',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'Accessible tumour that can be safely biopsied using radiological or surgical techniques (if consenting to part A).',
      ),
    ).toEqual([]);
  });
});

describe('a lesion that can be removed to collect the tumour the study needs', () => {
  it('reads lesion_for_tissue_harvest, leaving fitness for the operation unread', () => {
    expect(
      readRule('Patients have lesions that can be used for surgical resection or biopsy puncture;', 'inclusion'),
    ).toEqual({
      condition: attest('lesion_for_tissue_harvest', true),
      unread: '',
    });
    expect(
      readRule(
        'Is fit for tumor resection and has at least one lesion (\\> 1 cm3) available for surgical resection for manufacture of TIL.',
        'inclusion',
      ),
    ).toEqual({
      condition: attest('lesion_for_tissue_harvest', true),
      unread: 'fit for tumor resection',
    });
  });

  it('reads it in place of a biopsy agreement when the lesion is for biopsy or resection', () => {
    const topics = topicsOf(
      'One or more lesions available for biopsy or resection to yield at least 50 mg (e.g., 5 core biopsies) and preferably 100 mg of tumor for generating DOC1021 and at least 1 measurable target tumor lesion evaluable after DOC1021 by RECIST version 1.1.',
    );
    expect(topics).toContain('lesion_for_tissue_harvest=true');
    expect(topics).not.toContain('biopsy_consent=true');
  });

  it('does not read a lesion for biopsy alone, a fluid offered instead, or a lesion the criterion waives', () => {
    expect(topicsOf('At least one lesion available for biopsy')).toEqual([]);
    expect(
      topicsOf(
        'Test subjects must have tumor regions eligible for biopsy or resection, or malignant body fluid where TILs can be isolated;',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'Is fit for tumor resection and has at least one lesion (\\> 1 cm3) available for surgical resection for manufacture of TIL. (Unless TILs are already available through metastasectomy prior to enrollment in this study, as described in step one under study)',
      ),
    ).toEqual([]);
  });
});

describe('a lesion available for injection', () => {
  it('reads lesion_treatable with the size the question asks about', () => {
    expect(
      readRule(
        'Have at least one superficial cutaneous, subcutaneous or lymph node lesion available for injection with a maximum mean longest perpendicular diameter (LPD) of 3.0 cm.',
        'inclusion',
      ),
    ).toEqual({ condition: attest('lesion_treatable', true), unread: '' });
  });
});

describe('a lesion visible on the scan that guides the procedure', () => {
  it('reads lesion_visible_on_imaging', () => {
    expect(readRule('Target lesion visible by non-contrast MRI.', 'inclusion')).toEqual({
      condition: attest('lesion_visible_on_imaging', true),
      unread: '',
    });
    expect(
      topicsOf(
        'Lesions must be visible as determined by preoperative breast mammogram and / or ultrasound imaging. Pre-operative MRI is at the discretion of the treating surgeon.',
      ),
    ).toEqual(['lesion_visible_on_imaging=true']);
  });

  it('does not read a sentence that also sets the lesion size', () => {
    expect(topicsOf('The tumor is visible and enhances on prone MRI and is \\>1 cm in greatest diameter.')).toEqual([]);
  });
});

describe('an implant that rules out MRI', () => {
  it('reads mri_possible as what excludes', () => {
    for (const line of [
      'Metal implants that are not compatible with 7 Tesla MRI',
      'Implanted device that precludes the use of MRI.',
    ])
      expect(readRule(line, 'exclusion')).toEqual({ condition: attest('mri_possible', false), unread: '' });
  });

  it('does not read an implant compatible with MRI', () => {
    expect(topicsOf('Implanted device compatible with MRI', 'exclusion')).toEqual([]);
  });
});

describe('the offer of specimen banking and a current hospital stay', () => {
  it('reads the offer the study team must make', () => {
    expect(
      readRule(
        'Participants must be offered the opportunity to participate in specimen and blood collections',
        'inclusion',
      ),
    ).toEqual({
      condition: attest('specimen_banking_offered', true),
      unread: '',
    });
    expect(
      topicsOf(
        'Participants must be offered the opportunity to participate in specimen banking. With participant consent, specimens must be collected and submitted via the Southwest Oncology Group (SWOG) Specimen Tracking System',
      ),
    ).toEqual(['specimen_banking_offered=true']);
  });

  it('reads a current inpatient stay as what excludes, and not an illness that needed one', () => {
    expect(
      readRule(
        'Current inpatient hospitalization (excluding admission to the Advanced Care at Home program)',
        'exclusion',
      ),
    ).toEqual({
      condition: attest('inpatient_now', true),
      unread: 'Advanced Care at Home program',
    });
    expect(topicsOf('Illness requiring hospitalization within 28 days', 'exclusion')).toEqual([]);
  });
});

describe('the quality of the images a study reads', () => {
  it('reads image_quality, as lacking in an exclusion', () => {
    for (const line of [
      'Images of such bad quality they cannot be assessed',
      'images with insufficient image quality',
      'Poor-quality images unsuitable for AI analysis.',
    ])
      expect(readRule(line, 'exclusion')).toEqual({ condition: attest('image_quality', false), unread: '' });
    expect(readRule('having acceptable imaging quality deemed by the core laboratory', 'inclusion')).toEqual({
      condition: attest('image_quality', true),
      unread: '',
    });
  });

  it('does not read poor image quality given as a reason, nor quality of life', () => {
    expect(
      topicsOf(
        'Participants without any positive lesion by 177Lu-RAD204im SPECT/CT, e.g. due to poor image quality, may be allowed to enrol on a case-by-case basis at the discretion of the Principal Investigator',
      ),
    ).toEqual([]);
    expect(topicsOf('Poor quality of life', 'exclusion')).toEqual([]);
  });
});
