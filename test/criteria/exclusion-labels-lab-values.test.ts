/**
 * Exclusions of the "other" family read by round 29 (otherexcl): laboratory values stated as abnormal
 * or out of range (adequate_organ_function lacking), and a contraindication whose source is a drug's
 * label (study_drug_allergy). Real corpus lines with the rule they must get, and lines that must not
 * get it.
 */
import { attest, attestationTopics, readRule } from '../support/criteria';

const topics = (text: string, kind: 'inclusion' | 'exclusion'): string[] => attestationTopics(readRule(text, kind).condition);

describe('laboratory values out of range (adequate_organ_function lacking)', () => {
  it('reads abnormal or out-of-range laboratory values as organ function lacking', () => {
    // NCT05549297 e20, NCT05655312 e14
    expect(readRule('Out of range Laboratory values', 'exclusion')).toEqual({
      condition: attest('adequate_organ_function', false),
      unread: '',
    });
    expect(readRule('Existence of abnormal laboratory values in hematology, liver, and renal function', 'exclusion')).toEqual({
      condition: attest('adequate_organ_function', false),
      unread: '',
    });
  });

  it('reads the lead-in to a panel of out-of-range values, leaving its note on timing unread', () => {
    // NCT06771544 e18
    const r = readRule(
      'Participants with out-of-range screening laboratory values as defined below. NOTE: Hematology evaluations must be performed \\>7 days from any blood transfusion. Or blood product transfusion or from any dose of hematologic growth factor.',
      'exclusion',
    );
    expect(attestationTopics(r.condition)).toEqual(['adequate_organ_function=false']);
    expect(r.unread).toContain('Hematology evaluations must be performed');
  });

  it('leaves values narrowed by a qualifier unread', () => {
    expect(topics('Clinically significant abnormal laboratory values', 'exclusion')).toEqual([]);
    // NCT07400302 e28: abnormal results "that may: …" interfere, a judgement the topic does not hold.
    expect(topics('Other acute or chronic diseases, psychiatric disorders, or abnormal laboratory test results that may:', 'exclusion')).not.toContain(
      'adequate_organ_function=false',
    );
    expect(topics('Patients with abnormal laboratory values must be discussed with the sponsor', 'inclusion')).toEqual([]);
  });
});

describe('a contraindication set out in a drug label (study_drug_allergy)', () => {
  it('reads the label named as where the contraindications are listed', () => {
    // NCT05877430 e29
    expect(readRule('Has any contraindication as mentioned in the recent Keytruda, Highlights of Prescribing Information (pembrolizumab)', 'exclusion')).toEqual({
      condition: attest('study_drug_allergy', true),
      unread: '',
    });
    // NCT05909618 e12, NCT06764875 e3
    expect(readRule("Any contraindication for treatment with nivolumab according to the product's labels.", 'exclusion')).toEqual({
      condition: attest('study_drug_allergy', true),
      unread: '',
    });
    expect(
      readRule(
        'Contraindication to pembrolizumab or trastuzumab, contraindications to fluoropyrimidine (5-FU and capecitabine) or platinum (cisplatin and oxaliplatin) treatment as per local label.',
        'exclusion',
      ).unread,
    ).toBe('');
  });

  it('keeps the other alternative of the sentence beside it', () => {
    // NCT02821013 e2
    expect(
      topics(
        'Patients with any contraindications to PD-1 inhibitors, as described in the Product Monograph or Provincial Formulary, and/or not eligible to receive anti-PD-1 therapy.',
        'exclusion',
      ),
    ).toEqual(['study_drug_allergy=true', 'treatment_candidate=false']);
  });

  it('leaves a label contraindication under a condition unread', () => {
    expect(topics('Contraindications as listed in the SmPC if the patient is older than 70', 'exclusion')).toEqual([]);
  });

  it('requires the absence of one in an inclusion', () => {
    expect(readRule('No contraindication as per the local label', 'inclusion').condition).toEqual(attest('study_drug_allergy', false));
  });
});

describe('a severe reaction to a list of antibodies, biologics or contrast (named_severe_allergy)', () => {
  it('reads the list, contrast media included', () => {
    // NCT06519266 e11, NCT06626516 e3, NCT07349303 e7
    for (const text of [
      'History of severe reactions to monoclonal antibodies, melphalan, heparin or iodine contrast.',
      'History of severe immediate or delayed hypersensitivity reaction to biologic drugs, monoclonal antibodies, iodinated contrast agent',
      'History of severe reactions to monoclonal antibodies.',
    ])
      expect(readRule(text, 'exclusion')).toEqual({ condition: attest('named_severe_allergy', true), unread: '' });
  });

  it('leaves the list unread when the criterion lets some reactions in', () => {
    // NCT07276386 e11: contrast reactions are permitted with premedication.
    expect(
      topics(
        'History of severe reactions to melphalan, heparin or iodine contrast. Iodine contrast reaction history patients permitted if patient will be treated with pre-meds, or if still problematic, treating physician may switch to MRI TAP.',
        'exclusion',
      ),
    ).toEqual([]);
  });

  it('does not read a bare "reaction" to one anticancer drug, which may be its toxicity', () => {
    expect(topics('History of severe reactions to pembrolizumab', 'exclusion')).toEqual([]);
    expect(topics('History of severe reactions to ipilimumab or iodine contrast', 'exclusion')).not.toContain('named_severe_allergy=true');
  });

  it('leaves contrast alone and the study-drug allergy to their own questions', () => {
    expect(topics('Severe allergic reaction to iodinated contrast', 'exclusion')).toEqual(['contrast_possible=false']);
    expect(topics('History of severe hypersensitivity reaction to any monoclonal antibody', 'exclusion')).toEqual(['study_drug_severe_allergy=true']);
  });
});
