/**
 * A sub-study's part or cohort opening a criterion binds it to that subgroup; a brain "index lesion"
 * named in an exclusion is the lesion the study treats, not brain metastases to exclude. Real corpus
 * lines.
 */
import { leavesOf } from '../../src/criteria/facts';
import { criterionRule } from '../support/criteria';

describe('sub-study labels', () => {
  it('binds "Sub-study Part 1:" to its subgroup instead of requiring it of everyone', () => {
    const rule = criterionRule('Sub-study Part 1: No prior systemic therapy for melanoma (N=30).', 'inclusion');
    expect('any' in rule).toBe(true);
    expect(leavesOf(rule)).toContainEqual({ fact: 'unparsed', operator: 'equal', value: true, params: { text: 'Sub-study Part 1', subgroup: true } });
  });

  it('binds "Sub-study Part 2 Cohort B:" as a whole', () => {
    const rule = criterionRule(
      'Sub-study Part 2 Cohort B: Locoregionally advanced melanoma that is refractory to systemic adjuvant therapy (anti-PD1-based or BRAF-MEK inhibitors) (N=40).',
      'inclusion',
    );
    expect(leavesOf(rule)).toContainEqual({ fact: 'unparsed', operator: 'equal', value: true, params: { text: 'Sub-study Part 2 Cohort B', subgroup: true } });
  });
});

describe('brain index lesions in an exclusion', () => {
  it('does not exclude brain metastases for a note on the radiotherapy field', () => {
    const rule = criterionRule(
      'Previous stereotactic or highly conformal radiotherapy within 1 weeks before the start of dosing for this study. NOTE: The stereotactic radiotherapy field must not have included the brain index lesion(s).',
      'exclusion',
    );
    expect(leavesOf(rule).map((l) => l.fact)).not.toContain('brainMetastases');
    expect(leavesOf(rule)).toContainEqual({ fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['radiation'], withinDays: 7 } });
  });
});

describe('lesions the study procedure may not treat', () => {
  it('does not require brain metastases for "Brain lesions may not be targeted for treatment"', () => {
    const rule = criterionRule(
      'Focused Ultrasound Ablation (FUSA): The targeted lesion(s) must be visible by ultrasound imaging and meet the following criteria. Note: Brain lesions may not be targeted for treatment.',
      'inclusion',
    );
    expect(leavesOf(rule).map((l) => l.fact)).not.toContain('brainMetastases');
  });
});

describe('a treatment that must have been completed within a window', () => {
  it('binds only the patients who had it', () => {
    expect(criterionRule('Stereotactic radiosurgery must have been completed within 7 days prior to study treatment initiation.', 'inclusion')).toEqual({
      any: [
        { fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds: ['radiation'] } },
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['radiation'], withinDays: 7 } },
      ],
    });
  });
});
