/**
 * Attestation topics for what the care team plans or judges (planned_treatment, treatment_candidate),
 * for the study's scans (contrast_possible, imaging_possible), organ function per protocol and the
 * consent and compliance wordings: real corpus lines with the rule they must get, and lines that
 * must not get it.
 */
import type { Condition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import type { CriterionKind } from '../../src/criteria/segment';
import { attest, attestationTopics, readRule } from '../support/criteria';

const read = (text: string, kind: CriterionKind = 'inclusion') => readRule(text, kind);
const conditionOf = (text: string, kind: CriterionKind = 'inclusion'): Condition | null => read(text, kind).condition;
const topicsOf = (text: string, kind: CriterionKind = 'inclusion'): string[] =>
  attestationTopics(conditionOf(text, kind));

describe('planned treatment and the care team’s judgement of fitness', () => {
  it('reads a treatment the care team has planned or scheduled as required', () => {
    expect(conditionOf('Planned to be treated with partial or total nephrectomy')).toEqual(
      attest('planned_treatment', true),
    );
    expect(conditionOf('Must be planned for post-operative immunotherapy')).toEqual(attest('planned_treatment', true));
    expect(conditionOf('Patient planned for wide local excision and sentinel lymph node biopsy')).toEqual(
      attest('planned_treatment', true),
    );
    expect(conditionOf('Planned first-line immunotherapy treatment')).toEqual(attest('planned_treatment', true));
  });

  it('reads the care team finding the patient fit for a treatment, and unfit for it in an exclusion', () => {
    // Candidacy for resection says both that the tumour is resectable and that the patient is fit for surgery.
    expect(conditionOf('Candidate for surgical resection with curative intent')).toEqual({
      all: [
        { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'resectable' } },
        attest('treatment_candidate', true),
      ],
    });
    expect(conditionOf('Judged medically fit to undergo the planned surgery by the surgical team.')).toEqual(
      attest('treatment_candidate', true),
    );
    expect(conditionOf('Eligible to receive immunotherapy')).toEqual(attest('treatment_candidate', true));
    expect(conditionOf('Not fit for surgery, radiotherapy or adjuvant systemic therapy', 'exclusion')).toEqual(
      attest('treatment_candidate', false),
    );
    expect(conditionOf('Patients ineligible for anti-PD-1 therapy.', 'exclusion')).toEqual(
      attest('treatment_candidate', false),
    );
    expect(conditionOf('Any absolute contraindications to BCS', 'exclusion')).toEqual(
      attest('treatment_candidate', false),
    );
    // "No … contraindications": the negation and the contraindication cancel out.
    expect(conditionOf('no absolute or relative contraindications to operation or biopsy;')).toEqual(
      attest('treatment_candidate', true),
    );
  });

  it('keeps the reason the criterion gives unread beside the question', () => {
    const r = read('Patients who are unable to undergo general anesthesia for any reason.', 'exclusion');
    expect(r.condition).toEqual(attest('treatment_candidate', false));
    expect(r.unread).toBe('reason');
  });

  it('does not read candidacy offered as an alternative to progression, refusal or another route', () => {
    expect(
      topicsOf(
        'Participants have progressed on prior standard-of-care therapy, or would be ineligible for or unable to tolerate standard-of-care therapy, in the opinion of the treating Investigator',
      ),
    ).not.toContain('treatment_candidate=true');
    // The plan is one alternative beside the treatment received (therapy-systemic-plans.ts), never required alone.
    const either = read(
      'Patient must have received, be currently receiving or planning to receive treatment for cancer, including surgery and/or chemotherapy and/or radiation therapy.',
    ).condition as { any: unknown[] };
    expect(either.any).toContainEqual(attest('planned_treatment', true));
    expect(either.any).toHaveLength(2);
  });

  it('does not read "not suitable" or "not eligible for" (pseudo-negations) as required candidacy', () => {
    expect(
      topicsOf(
        'Histologically or cytologically confirmed NSCLC with Stage IIIB-IIIC or Stage IV disease, not suitable for curative intent radical surgery or radiation therapy.',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'Locally advanced unresectable or metastatic BTC and not eligible for curative resection, transplantation, or ablative therapies.',
      ),
    ).toEqual([]);
  });

  it('does not read permissions or a lesion that suits a treatment; reads a cohort item naming its cancer', () => {
    expect(
      topicsOf(
        'Patients who are candidates for neoadjuvant chemo/chemoradiotherapy or upfront surgery are eligible for the study.',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'At least one lesion suitable for intratumoral injection and radiotherapy (located in the skin, subcutaneous tissue, superficial lymph nodes, or visceral lesions assessed as safe for access) that has not received prior radiotherapy (unless documented progression has occurred).',
      ),
    ).not.toContain('treatment_candidate=true');
    // One of two cohorts (rectal, breast): the parser still joins such items as alternatives
    // (connectives.test.ts), so the planned surgery is read inside its own cohort.
    expect(
      topicsOf(
        'Patients with recently histologically proven breast cancer (Stage II), who are planned for surgery with sentinel node procedure, but will receive no neo-adjuvant therapy or will undergo an axillary lymph node dissection without prior sentinel node procedure and will receive no neo-adjuvant therapy.',
      ),
    ).toEqual(['planned_treatment=true']);
  });

  it('leaves a planned date of the study treatment to the readers of time windows', () => {
    expect(
      topicsOf(
        'Patient has had major surgery (e.g., requiring general anesthesia) within 4 weeks before the planned first dose of NX-1607, or will not have fully recovered from surgery, or has surgery planned during the time the patient is expected to participate in the study',
        'exclusion',
      ),
    ).not.toContain('planned_treatment=true');
  });
});

describe('contrast dye, tracers and scans', () => {
  it('reads an allergy or contraindication to contrast media or a tracer as an exclusion', () => {
    expect(conditionOf('Allergic to contrast agent;', 'exclusion')).toEqual(attest('contrast_possible', false));
    expect(conditionOf('prior allergic reaction to contrast media of any type', 'exclusion')).toEqual(
      attest('contrast_possible', false),
    );
    expect(conditionOf('Major allergy to iodine', 'exclusion')).toEqual(attest('contrast_possible', false));
    expect(conditionOf('Participants who cannot receive gadolinium', 'exclusion')).toEqual(
      attest('contrast_possible', false),
    );
    const gad = read(
      'Contraindication to the use of gadolinium-based intravenous contrast, including anaphylaxis. Any known history of nephrogenic systemic fibrosis (NSF).',
      'exclusion',
    );
    expect(gad.condition && leavesOf(gad.condition)).toContainEqual(attest('contrast_possible', false));
    expect(gad.unread).toBe('nephrogenic systemic fibrosis (NSF');
  });

  it('does not read premedication for a contrast allergy, or a contraindication it can manage, as the allergy', () => {
    expect(conditionOf('Premedication for allergy to contrast reagent.', 'exclusion')).toBeNull();
    expect(
      conditionOf('Contraindication to IV contrast that cannot be managed with pre-medication', 'exclusion'),
    ).toBeNull();
    expect(
      topicsOf(
        'History of severe reactions to melphalan, heparin or iodine contrast. Iodine contrast reaction history patients permitted if patient will be treated with pre-meds, or if still problematic, treating physician may switch to MRI TAP.',
        'exclusion',
      ),
    ).not.toContain('contrast_possible=false');
  });

  it('reads being unable to undergo a PET or CT scan, and leaves MRI to its own question', () => {
    expect(
      topicsOf(
        'Inability to tolerate or complete PET/MR or PET/CT examinations (including, but not limited to, the inability to lie supine, claustrophobia, radiophobia, etc.);',
        'exclusion',
      ),
    ).toContain('imaging_possible=false');
    expect(conditionOf('Unable to undergo MRI scans.', 'exclusion')).toEqual(attest('mri_possible', false));
    expect(conditionOf('Able to undergo MRI with Gadolinium contrast agent.')).toEqual(attest('mri_possible', true));
  });
});

describe('organ function per protocol, consent and compliance wordings', () => {
  it('reads adequate organ function named organ by organ, heart and lungs included', () => {
    expect(conditionOf('Adequate bone marrow, renal, hepatic, cardiac, and pulmonary function per protocol.')).toEqual(
      attest('adequate_organ_function', true),
    );
  });

  it('reads consent given or missing and a durable power of attorney', () => {
    expect(conditionOf('Willing to sign a durable power of attorney.')).toEqual(attest('informed_consent', true));
    expect(conditionOf('Informed consent has not been provided.', 'exclusion')).toEqual(
      attest('informed_consent', false),
    );
    expect(topicsOf('Patient has been informed about the study and signed the consent;')).toEqual([
      'informed_consent=true',
    ]);
  });

  it('reads consent documented by a signature, not only consent used as a date', () => {
    expect(
      conditionOf(
        'Patients must have provided written informed consent to participate voluntarily in this trial and must be between 18 and 75 years of age on the day of signing the consent form.',
      ),
    ).toEqual({
      all: [
        attest('informed_consent', true),
        { fact: 'age', operator: 'greaterThanInclusive', value: 18 },
        { fact: 'age', operator: 'lessThanInclusive', value: 75 },
      ],
    });
    expect(
      topicsOf(
        'Participants having provided informed consent with signature on informed consent form: the informed consent process should be complete with full discussion of all requirements and possible risks;',
      ),
    ).toEqual(['informed_consent=true']);
    expect(
      topicsOf(
        'Ability to understand the proposed treatment and express an informed acceptance by signing the informed consent',
      ),
    ).toEqual(['informed_consent=true']);
  });

  it('reads blood collections and biopsies the patient agrees to undergo, but not an optional one', () => {
    expect(conditionOf('Willing to undergo mandatory blood collection and biopsies as required by the study.')).toEqual(
      {
        all: [attest('biopsy_consent', true), attest('research_samples', true)],
      },
    );
    expect(
      topicsOf('Are willing to undergo peripheral blood collection at the time points mentioned in the protocol'),
    ).toEqual(['research_samples=true']);
    expect(
      topicsOf(
        'Availability of archival or formalin-fixed paraffin-embedded tumor tissue sample. Participants may undergo a fresh tumor biopsy to obtain a specimen for testing if an archival tumor sample is not available. Participants with no available archival tissue sample who cannot safely undergo a fresh biopsy as determined by consultation between the sponsor and investigator are eligible',
      ),
    ).not.toContain('biopsy_consent=true');
  });

  it('reads following instructions, making the visits and willingness to take part as compliance', () => {
    expect(
      conditionOf('Patients must be willing and able to follow instructions and make all required study visits.'),
    ).toEqual(attest('compliance', true));
    expect(conditionOf('Patients willing to participate.')).toEqual(attest('compliance', true));
    // Instructions for contraception are the contraception question, and willingness in a consent sentence is consent.
    expect(
      topicsOf(
        'Patients must agree to follow instructions for method of contraception for 5 months (women) and 7 months (males) after treatment.',
        'exclusion',
      ),
    ).not.toContain('compliance=false');
    expect(
      topicsOf(
        'Patient consent must be appropriately obtained in accordance with applicable local and regulatory requirements. Each patient must sign a consent form prior to enrollment in the trial to document their willingness to participate.',
      ),
    ).not.toContain('compliance=true');
  });
});

describe('the investigator’s catch-all', () => {
  it('reads generic conditions the investigator weighs, however the judgement is worded', () => {
    for (const line of [
      'Other conditions that investigator decides not suitable for the trial.',
      'Have a serious pre-existing medical condition(s) that, in the judgment of the investigator, would preclude participation in this study.',
      "Participant has any other concurrent severe and/or uncontrolled medical condition that would, in the investigator's judgment, contraindicate patient participation in the clinical study",
      'Any other condition or circumstance that would, at the discretion of the investigator, make the patient unsuitable for participation in the study.',
      'Any other condition deemed inappropriate for participation by the investigator.',
      'Situations that are not suitable for enrollment assesed by investigators;',
      'Serious illness considered by the Investigator as incompatible with participating in this clinical study.',
    ]) {
      expect(conditionOf(line, 'exclusion')).toEqual(attest('investigator_concern', true));
    }
    expect(
      topicsOf('Any reason why, in the opinion of the investigator, the patient should not participate.', 'exclusion'),
    ).toEqual(['investigator_concern=true']);
  });

  it('does not read a named condition the investigator weighs as the catch-all', () => {
    expect(
      topicsOf(
        'Current or previous severe retinopathy who, in the judgment of the Investigator, are not suitable for enrollment',
        'exclusion',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'Any concurrent ocular or intraocular condition that, in the opinion of the investigator, would require medical or surgical intervention during the study period to prevent or treat vision loss that might result from that condition',
        'exclusion',
      ),
    ).toEqual([]);
    expect(
      topicsOf('Has significant pulmonary function compromise, as determined by the investigator', 'exclusion'),
    ).toEqual([]);
  });
});

describe('a lesion the study’s local procedure can reach', () => {
  it('reads injectable lesions and lesions amenable to stereotactic radiotherapy or ablation', () => {
    expect(conditionOf('At least one lesion accessible for intratumoral injection.')).toEqual(
      attest('lesion_treatable', true),
    );
    expect(conditionOf('Injectable tumor present')).toEqual(attest('lesion_treatable', true));
    expect(conditionOf('At least one tumor amenable to safe ITu injections and/or biopsies')).toEqual(
      attest('lesion_treatable', true),
    );
    const sbrt = read(
      'Lesion(s) must all be amenable to SBRT which will be determined by the radiation oncologists. Active lesions should be a minimum size of \\>= 1 cm',
    );
    // The size the criterion asks for is read beside the question (tumour.ts): every active lesion
    // at least 1 cm needs the largest tumour at least that large; the word "active" stays unknown.
    expect(sbrt.condition).toEqual({
      all: [
        attest('lesion_treatable', true),
        { fact: 'tumorSize', operator: 'greaterThanInclusive', value: 1 },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'Active' } },
      ],
    });
  });

  it('leaves curative surgery or radiation the disease is not amenable to as its extent', () => {
    expect(
      topicsOf(
        'Pathologically documented locally advanced, or metastatic NSCLC and is not amenable to curative surgery or radiation.',
      ),
    ).toEqual([]);
    expect(topicsOf('Tumor that is not amenable to curative treatment with surgery or radiation.')).toEqual([]);
  });
});

describe('tumour tissue the study can test', () => {
  it('reads tissue named with its availability or its provision', () => {
    expect(conditionOf('Tissue is available for biologic studies.')).toEqual(attest('tissue_available', true));
    expect(conditionOf('Having tumour tissue available for central testing')).toEqual(attest('tissue_available', true));
    expect(conditionOf('Consent to provide residual tumor tissue for research.')).toEqual(
      attest('tissue_available', true),
    );
    expect(
      conditionOf('Willingness to provide archival or newly obtained tumor tissues for this study proposal'),
    ).toEqual(attest('tissue_available', true));
  });

  it('does not read tissue used for a test, fresh tissue alone, or a note on consenting first', () => {
    expect(
      topicsOf(
        'HER2 positive breast cancer (subtype assessed using most representative tissue available in opinion of enrolling clinician and/or study PI)',
      ),
    ).not.toContain('tissue_available=true');
    expect(conditionOf('Must agree to the submission of fresh tumor tissue')).toBeNull();
    expect(
      topicsOf(
        'Patients may be consented without confirming the amount and quality of archival diagnostic or residual tissue available. However, research testing will only be performed on patients who have sufficient archived diagnostic tissue or residual tissue banked in one of the authorized tissue banks at MD Anderson available to proceed with testing. The extent of testing may be modified based on amount of tissue available. If any new tissue acquisition including a biopsy and/or surgical resection etc. is being ordered for clinical care or another research study, or an operation is being performed testing can be ordered on that sample',
      ),
    ).toEqual([]);
  });
});

describe('the attestation topics', () => {
  it('each have a question for the patient in rules/attestations.json', () => {
    const topics = new Map(lexicons().attestations.topics.map((t) => [t.id, t]));
    for (const id of [
      'planned_treatment',
      'treatment_candidate',
      'contrast_possible',
      'imaging_possible',
      'lesion_treatable',
    ]) {
      expect(topics.get(id)?.question).toMatch(/\?$/);
      expect(topics.get(id)?.synonyms.length).toBeGreaterThan(3);
    }
  });
});
