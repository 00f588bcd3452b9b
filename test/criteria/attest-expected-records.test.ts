/**
 * Attestations for what the care team expects or holds rather than what the record shows: a major
 * operation, other cancer treatment or an MRI the patient will need while on the study; medical
 * records complete enough for a study of them; a cell therapy made and available for the patient;
 * scans spoilt by artefacts (image_quality). Real corpus lines with the rule they must get, and lines
 * that must not get it.
 */
import type { CriterionKind } from '../../src/criteria/segment';
import { attest, attestationTopics, readRule } from '../support/criteria';

const read = (text: string, kind: CriterionKind = 'inclusion') => readRule(text, kind);
const topicsOf = (text: string, kind: CriterionKind = 'inclusion'): string[] =>
  attestationTopics(read(text, kind).condition);

describe('a major operation expected during the study', () => {
  it('reads an anticipated or expected major operation as what excludes', () => {
    expect(read('Anticipation of need for major surgical procedures during the course of the study.', 'exclusion')).toEqual({
      condition: attest('major_surgery_expected', true),
      unread: '',
    });
    expect(read('Anticipation of the need for major surgery during the course of study treatment', 'exclusion')).toEqual({
      condition: attest('major_surgery_expected', true),
      unread: '',
    });
    expect(
      read('Significant surgery is expected to be performed during the 28-day screening period during the study period.', 'exclusion'),
    ).toEqual({ condition: attest('major_surgery_expected', true), unread: '' });
  });

  it('joins it with a recent operation by "or": either one excludes', () => {
    const c = read(
      'Major surgical intervention within 28 days before study drug administration, or an anticipated need for major surgery during the study.',
      'exclusion',
    ).condition;
    expect(c && 'any' in c).toBe(true);
    expect(attestationTopics(c)).toEqual(['major_surgery_expected=true']);
    // A wound named in the next clause is its own alternative, not joined to the expected operation.
    const wounds = read(
      "Undergone major surgery (Craniotomy, thoracotomy or laparotomy, and other surgery according to investigator' discretion, excluding needle biopsy) within 4 weeks prior to the first dose of the study drug, or who are expected to undergo major surgery during the study period, or who have severe unhealed wounds, trauma, ulcers, etc.",
      'exclusion',
    ).condition;
    expect(wounds && 'any' in wounds && wounds.any).toContainEqual(attest('major_surgery_expected', true));
  });

  it('reads its absence in an inclusion, and leaves an exclusion filed among inclusions unread', () => {
    expect(read('No anticipated need for major surgery during the study.').condition).toEqual(
      attest('major_surgery_expected', false),
    );
    expect(
      topicsOf(
        'Major surgical procedure other than for diagnosis within 4 weeks prior to initiation of study treatment or anticipation of need for a major surgical procedure during study treatment,',
      ),
    ).toEqual([]);
  });
});

describe('other cancer treatment expected during the study', () => {
  it('reads the expected or current need for other anticancer therapy as what excludes', () => {
    expect(
      read('The patient who is expected to require any other form of antineoplastic therapy or targeted therapy while on study.', 'exclusion'),
    ).toEqual({ condition: attest('other_cancer_therapy_expected', true), unread: '' });
    expect(read('Patients requiring other systemic oncologic therapy, including experimental therapies.', 'exclusion')).toEqual({
      condition: attest('other_cancer_therapy_expected', true),
      unread: '',
    });
  });

  it('leaves a negated plan in an exclusion unread', () => {
    expect(
      topicsOf(
        'Participants must not be planning to require any additional form of systemic anti-tumor therapy for melanoma while on protocol treatment',
        'exclusion',
      ),
    ).toEqual([]);
  });
});

describe('an MRI needed during the study', () => {
  it('reads an MRI the patient will need as what excludes, not as whether an MRI is possible', () => {
    expect(read('Patients who might require MRI in the study period', 'exclusion')).toEqual({
      condition: attest('mri_expected', true),
      unread: '',
    });
    expect(topicsOf('Patients requiring MRI after MOLLI seed placement', 'exclusion')).toEqual(['mri_expected=true']);
    expect(topicsOf('Unable to undergo MRI', 'exclusion')).toEqual(['mri_possible=false']);
  });
});

describe('medical records complete enough for the study', () => {
  it('reads complete records as required and missing information as what excludes', () => {
    expect(read('with complete and reliable medical records,')).toEqual({ condition: attest('records_complete', true), unread: '' });
    expect(read('Complete basic demographic and clinical information.')).toEqual({
      condition: attest('records_complete', true),
      unread: '',
    });
    expect(read('Inadequate or missing information on the clinical course in patient charts', 'exclusion')).toEqual({
      condition: attest('records_complete', false),
      unread: '',
    });
    expect(read('Patients without sufficient clinical or follow-up data.', 'exclusion')).toEqual({
      condition: attest('records_complete', false),
      unread: '',
    });
    expect(read('Incomplete patient information or pathological sample data.', 'exclusion').condition).toEqual(
      attest('records_complete', false),
    );
  });

  it('does not read data a questionnaire or another study collects', () => {
    expect(topicsOf('women with missing data on the primary outcome on biennial questionnaire.', 'exclusion')).toEqual([]);
    expect(topicsOf('Missing data on age, sex, and nut consumption.', 'exclusion')).toEqual([]);
  });
});

describe('a cell therapy made for the patient', () => {
  it('reads the product available as required and its insufficient availability as what excludes', () => {
    expect(read('Available autologous transduced T-cell product that has met GMP release criteria')).toEqual({
      condition: attest('cell_product_available', true),
      unread: '',
    });
    expect(read('Insufficient availability of T cells.', 'exclusion')).toEqual({
      condition: attest('cell_product_available', false),
      unread: '',
    });
    expect(read('Insufficient availability of CART cells.', 'exclusion').condition).toEqual(attest('cell_product_available', false));
  });
});

describe('scans spoilt by artefacts', () => {
  it('reads artefacts that degrade the images as poor image quality, in an exclusion', () => {
    expect(read('Motion artifacts or other artifacts causing image degradation.', 'exclusion')).toEqual({
      condition: attest('image_quality', false),
      unread: '',
    });
    expect(read('Artifacts causing distortion of skull (bony) anatomy', 'exclusion').condition).toEqual(attest('image_quality', false));
  });

  it('reads a condition that prevents adequate imaging, leaving the prosthesis it names unread', () => {
    const r = read(
      'Hip prosthesis, or metal prostheses or any other condition that prevents adequate imaging to identify the target volume and calculate the dose in the treatment plan',
      'exclusion',
    );
    expect(attestationTopics(r.condition)).toEqual(['image_quality=false']);
    expect(r.unread).toBe('Hip prosthesis, or metal prostheses');
  });
});

describe('non-opposition to the research', () => {
  it('reads non-opposition collected as the consent', () => {
    expect(read('informed and non-opposition collected.')).toEqual({ condition: attest('informed_consent', true), unread: '' });
  });
});
