/**
 * What the care team has planned for the patient or judges them fit for (planned_treatment,
 * treatment_candidate), in the wordings the earlier readers missed: a contraindication to receiving
 * a named drug, an indication for a treatment, a decision to treat, a treatment that "is planned",
 * and a plan or candidacy stated plainly among exclusions. Real corpus lines with the rule they must
 * get, and lines that must not get it.
 */
import type { CriterionKind } from '../../src/criteria/segment';
import { attest, attestationTopics, readRule, unparsed } from '../support/criteria';

const read = (text: string, kind: CriterionKind = 'inclusion') => readRule(text, kind);
const topicsOf = (text: string, kind: CriterionKind = 'inclusion'): string[] =>
  attestationTopics(read(text, kind).condition);

describe('a contraindication to a named treatment is the care team’s judgement of fitness', () => {
  it('reads a contraindication to receiving, taking or the administration of a drug as unfit, in an exclusion', () => {
    expect(
      read(
        'Patients with any known contraindication to receive trastuzumab, or capecitabine, or oxaliplatin.',
        'exclusion',
      ),
    ).toEqual({
      condition: attest('treatment_candidate', false),
      unread: '',
    });
    expect(read('Absolute contraindications to taking Bleomycin', 'exclusion').condition).toEqual(
      attest('treatment_candidate', false),
    );
    expect(
      read(
        'Any contraindication to the administration of nivolumab, ipilimumab, pembrolizumab or relatlimab per regulatory-approved product information and / or medical oncologist.',
        'exclusion',
      ),
    ).toEqual({
      condition: attest('treatment_candidate', false),
      unread: 'regulatory-approved product information and / or medical oncologist',
    });
    expect(read('Contraindication to receiving GM-CSF based vaccine products', 'exclusion')).toEqual({
      condition: attest('treatment_candidate', false),
      unread: 'vaccine products',
    });
  });

  it('reads a contraindication to stereotactic radiotherapy or electrochemotherapy', () => {
    expect(read('Contra-indication for SRS', 'exclusion').condition).toEqual(attest('treatment_candidate', false));
    expect(
      read('Contraindication to electrochemotherapy or study drugs (bleomycin or cisplatin)', 'exclusion').condition,
    ).toEqual(attest('treatment_candidate', false));
  });

  it('reads "no contraindication to continuing" a treatment as fit, in an inclusion', () => {
    expect(read('Have no contraindication to continued immune checkpoint therapy;')).toEqual({
      condition: attest('treatment_candidate', true),
      unread: '',
    });
    expect(
      read('No contraindication for continuing immunotherapy after the radiotherapy intervention').condition,
    ).toEqual(attest('treatment_candidate', true));
  });

  it('leaves a contraindication to contrast or to the study’s procedures to other questions', () => {
    expect(
      topicsOf('Contraindication to IV contrast that cannot be managed with pre-medication', 'exclusion'),
    ).not.toContain('treatment_candidate=false');
    // A contraindication to the study's procedures is the patient's inability to undergo them, as
    // "Unable to undergo study procedures" is read.
    expect(topicsOf('Contraindication to any study-related procedure or assessment', 'exclusion')).toEqual(['compliance=false']);
    // The allergy reader asks about a contraindication to a drug named right after it; no second question.
    expect(topicsOf('Contraindications to sorafenib', 'exclusion')).toEqual(['study_drug_allergy=true']);
  });
});

describe('candidacy and indication', () => {
  it('reads "<treatment> candidate" with its negation', () => {
    expect(read('Is a chemotherapy candidate').condition).toEqual(attest('treatment_candidate', true));
    expect(read('Not a surgical candidate', 'exclusion').condition).toEqual(attest('treatment_candidate', false));
  });

  it('reads an indication for a treatment as the care team finding the patient a candidate for it', () => {
    expect(read('indication for initiating treatment with anti-PD1 immunotherapy or anti-PD1 + anti-CTLA4')).toEqual({
      condition: attest('treatment_candidate', true),
      unread: '',
    });
    expect(read('Indication for immune checkpoint inhibition as monotherapy as determined by the tumor board')).toEqual(
      {
        condition: attest('treatment_candidate', true),
        unread: 'monotherapy … board',
      },
    );
  });

  it('reads "not eligible to receive" a drug as unfit, keeping the reference unread', () => {
    expect(
      read(
        'Participants who are not eligible to receive teclistamab as per the locally approved prescribing information',
        'exclusion',
      ),
    ).toEqual({ condition: attest('treatment_candidate', false), unread: 'locally approved prescribing information' });
  });

  it('does not read a negated suitability inside an exclusion as candidacy', () => {
    expect(
      topicsOf(
        'Participants with documented history of hypoglycemia requiring medical intervention, oral or intravenous carbohydrate ( glucose, dextrose, fruit juice, or any form of glucagon) or who in the opinion of the investigator are not suitable to receive sitagliptin',
        'exclusion',
      ),
    ).not.toContain('treatment_candidate=true');
  });
});

describe('a decision to treat, and a treatment that is planned', () => {
  it('reads the care team’s decision to treat with a named treatment as planned', () => {
    expect(read('Decision for treatment with radical intent radiotherapy')).toEqual({
      condition: attest('planned_treatment', true),
      unread: '',
    });
    expect(
      read('A clinician decision has been made for treatment with T-DXd in accordance with the FDA label;'),
    ).toEqual({
      condition: attest('planned_treatment', true),
      unread: 'accordance with the FDA label',
    });
    expect(
      read(
        'Physician decision to treat patients with alpelisib plus fulvestrant, according to the prescribing label and the local practicing guidelines.',
      ).condition,
    ).toEqual(attest('planned_treatment', true));
  });

  it('reads "<treatment> is planned for …" and "Planned initiation of …"', () => {
    expect(read('Surgery is planned for the next 2-8 weeks.')).toEqual({
      condition: attest('planned_treatment', true),
      unread: 'next 2-8',
    });
    expect(
      read('Planned initiation of standard-of-care neoadjuvant ipilimumab +/- nivolumab or nivolumab +/- relatlimab')
        .condition,
    ).toEqual(attest('planned_treatment', true));
    expect(
      read(
        'Planned to receive a Food and Drug Administration (FDA)-approved immune check point inhibitor (e.g., anti-PD-1, anti-PD-L1, anti-CTLA4) regimen for the treatment of their malignancy',
      ).condition,
    ).toEqual(attest('planned_treatment', true));
  });

  it('reads a plan stated plainly among exclusions as what excludes', () => {
    expect(read('Patients planned for RT to oligometastatic sites', 'exclusion')).toEqual({
      condition: attest('planned_treatment', true),
      unread: 'oligometastatic sites',
    });
    expect(
      read('Planned adjuvant radiotherapy to the primary melanoma site after excision', 'exclusion').condition,
    ).toEqual(attest('planned_treatment', true));
  });

  it('does not read a plan whose subject is a lesion or a field, one of two alternatives, a date or a permission', () => {
    expect(topicsOf('Lesion intended for injection with a longest diameter > 100 mm.', 'exclusion')).toEqual([]);
    expect(
      topicsOf(
        'Planned or previous treatment with denosumab, zoledronic acid, or other bisphosphonate therapy in the last six months.',
        'exclusion',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'Patients meeting eligibility criteria above between Day -21 and Day -8 prior to the planned initiation of lifileucel will be enrolled to the therapeutic portion of the protocol.',
        'exclusion',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'Planned WBRT based on number (≥ 3 lesions) and/or size (≥ 1 cm) of BMs (SRS) in addition to WBRT will also be eligible.',
      ),
    ).toEqual([]);
    expect(topicsOf('planned and willing to discontinue nivolumab within 4(+1) weeks after inclusion')).not.toContain(
      'planned_treatment=true',
    );
  });
});

describe('care at a named place (care_at_site)', () => {
  it('reads being a patient of, treated at, or in the care of a named clinic or the participating institution', () => {
    expect(read('Be a patient of the Dermatology Clinic at the University Hospital of Modena.')).toEqual({
      condition: attest('care_at_site', true),
      unread: '',
    });
    expect(read('In the clinics at MD Anderson')).toEqual({ condition: attest('care_at_site', true), unread: '' });
    expect(
      read('Ongoing therapy or tumour aftercare at the Skin Cancer Centre at Dresden University Hospital'),
    ).toEqual({
      condition: attest('care_at_site', true),
      unread: '',
    });
    expect(
      read(
        'Both diagnosed and initially treated at the participating National Cancer Institute Community Oncology Research Program (NCORP) institution during induction and post-induction therapy (PIT)',
      ),
    ).toEqual({ condition: attest('care_at_site', true), unread: 'induction and post-induction therapy (PIT' });
  });

  it('does not read care at a place the criterion excludes, or treatment received at a hospital', () => {
    expect(
      topicsOf(
        'Treatment and follow-up at a department other than the Dermatology Department of the Strasbourg University Hospitals.',
        'exclusion',
      ),
    ).toEqual([]);
    expect(topicsOf('Patients who received treatment at the hospital within 4 weeks', 'exclusion')).toEqual([]);
  });
});

describe('fitness for a treatment named with its course or setting', () => {
  it('reads the ability to tolerate a full course, an intensified treatment, or staging surgery', () => {
    expect(read('Ability to tolerate full course of pelvic radiotherapy and brachytherapy')).toEqual({
      condition: attest('treatment_candidate', true),
      unread: '',
    });
    // The cause narrows the inability: held beside it under all(), so a patient unfit for another
    // reason is not excluded.
    expect(read('Unable to tolerate intensified HIPEC treatment due to comorbidity', 'exclusion')).toEqual({
      condition: { all: [attest('treatment_candidate', false), unparsed('due to comorbidity')] },
      unread: '',
    });
    expect(
      read('Patient unable or ineligible to undergo staging SLNB of the primary index lesion.', 'exclusion').condition,
    ).toEqual(attest('treatment_candidate', false));
  });
});

describe('a lesion the study’s local procedure can reach (lesion_treatable)', () => {
  it('reads an exclusion of the patient whose tumours are all uninjectable', () => {
    expect(read('Have only uninjectable tumors..', 'exclusion')).toEqual({
      condition: attest('lesion_treatable', false),
      unread: '',
    });
  });

  it('leaves a count of sites that can be irradiated unread (the count is a requirement of its own)', () => {
    expect(topicsOf('Patients with 1-4 tumor sites that can be irradiated safely')).toEqual([]);
  });
});
