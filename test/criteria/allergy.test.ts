/**
 * Allergies to what a criterion names (named_allergy, named_severe_allergy) and severe allergy of any
 * cause (severe_allergy_history), beside the study-drug and contrast questions they must leave alone:
 * real corpus lines with the rule they must get, and lines that must not get it.
 */
import type { Condition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import type { CriterionKind } from '../../src/criteria/segment';
import { attest, attestationTopics, readRule } from '../support/criteria';

const read = (text: string, kind: CriterionKind = 'exclusion') => readRule(text, kind);
const conditionOf = (text: string, kind: CriterionKind = 'exclusion'): Condition | null => read(text, kind).condition;
const unreadOf = (text: string, kind: CriterionKind = 'exclusion'): string => read(text, kind).unread;
const topicsOf = (text: string, kind: CriterionKind = 'exclusion'): string[] =>
  attestationTopics(conditionOf(text, kind));

describe('allergy to a medicine or substance the criterion names', () => {
  it('reads an ordinary medicine, a food, a vaccine or a material as the named-allergy question, the name covered', () => {
    for (const line of [
      'Allergy to penicillin.',
      'Known hypersensitivity to propranolol.',
      'Known allergy or intolerance to EMLA cream, lidocaine, prilocaine, or any other local anesthetic',
      'Have allergy to clindamycin, erythromycin, and ampicillin',
      'Known hypersensitivity reaction to mushroom products',
      'History of hypersensitivity reactions to murine protein-containing products',
      'Known allergy or intolerance to influenza vaccination',
      'Allergy/sensitivity to adhesive',
      'Has a known allergy to plants such as lettuce, sage, tarragon, chicory, artichoke, chamomile, daisy, or sunflower.',
    ]) {
      expect(conditionOf(line)).toEqual(attest('named_allergy', true));
      expect(unreadOf(line)).toBe('');
    }
  });

  it('reads the substance written before the allergy ("Bleomycin allergy", "known soy allergy")', () => {
    expect(conditionOf('Bleomycin allergy')).toEqual(attest('named_allergy', true));
    expect(conditionOf('Patients with known soy allergy.')).toEqual(attest('named_allergy', true));
    expect(conditionOf('History of adhesive allergy')).toEqual(attest('named_allergy', true));
    expect(conditionOf('Any form of fungal allergy.')).toEqual(attest('named_allergy', true));
  });

  it('reads "adverse reaction" or "intolerance" joined to the allergy as part of the same question', () => {
    expect(conditionOf('Any prior hypersensitivity or adverse reaction to GM-CSF')).toEqual(
      attest('named_allergy', true),
    );
    expect(conditionOf('Subjects with known allergies or intolerances to low-methionine foods.')).toEqual(
      attest('named_allergy', true),
    );
  });

  it('asks the severe question when the severity qualifies the allergy read, the plain one when any intolerance also excludes', () => {
    expect(conditionOf('History of anaphylaxis to any biologic therapy or vaccine.')).toEqual(
      attest('named_severe_allergy', true),
    );
    expect(conditionOf('Personal history of anaphylactic reaction to previous vaccination')).toEqual(
      attest('named_severe_allergy', true),
    );
    expect(
      conditionOf(
        'Known severe hypersensitivity reactions to compounds or excipients similar to palbociclib, planned chemotherapy or planned endocrine therapy.',
      ),
    ).toEqual(attest('named_severe_allergy', true));
    expect(
      conditionOf(
        'Known intolerance or history of severe hypersensitivity reaction (such as anaphylactic shock or angioedema) to sitagliptin or monoclonal antibody',
      ),
    ).toEqual(attest('named_allergy', true));
  });

  it('keeps an alternative it cannot read beside the allergy, as the exclusion’s other reason', () => {
    const line =
      'Previous severe toxicity/allergic reactions to systemic chemotherapy agents oxaliplatin or irinotecan or 5-fluorouracil';
    expect(conditionOf(line)).toEqual(attest('named_severe_allergy', true));
    expect(unreadOf(line)).toBe('severe toxicity');
    // An allergy to the anthracycline is not a prior anthracycline.
    expect(
      topicsOf(
        'History of allergic reactions attributed to Dox or other anthracyclines, NaHA, hyaluronic acid, or gram-positive bacterial proteins',
      ),
    ).toEqual(['named_allergy=true']);
    expect(
      leavesOf(
        conditionOf(
          'History of allergic reactions attributed to Dox or other anthracyclines, NaHA, hyaluronic acid, or gram-positive bacterial proteins',
        )!,
      ).some((l) => l.fact === 'priorTherapy'),
    ).toBe(false);
  });

  it('requires the allergy absent when an inclusion negates it, and reads nothing from an inclusion that states it', () => {
    // The exclusion wording above, negated as inclusions state it.
    expect(conditionOf('No known allergy to penicillin', 'inclusion')).toEqual(attest('named_allergy', false));
    expect(conditionOf('Allergy to penicillin.', 'inclusion')).toBeNull();
  });
});

describe('severe allergy of any cause', () => {
  it('reads anaphylaxis or severe allergies with nothing named', () => {
    expect(conditionOf('Severe allergies or previous anaphylactic reactions.')).toEqual(
      attest('severe_allergy_history', true),
    );
    expect(conditionOf('History of severe allergic episodes.')).toEqual(attest('severe_allergy_history', true));
    expect(conditionOf('Severe allergy or anaphylactic reactions earlier in life')).toEqual(
      attest('severe_allergy_history', true),
    );
  });

  it('is not an example of another reaction, nor the severe allergy of a named food', () => {
    expect(topicsOf('Severe food allergy (e.g. nuts, shellfish)')).toEqual(['named_severe_allergy=true']);
    expect(
      topicsOf(
        'Known allergy, or history of serious adverse reaction to vaccines such as anaphylaxis, hives, or respiratory difficulty.',
      ),
      // Any allergy to the vaccines excludes, not only a serious reaction: the plain question.
    ).toEqual(['named_allergy=true']);
    expect(
      topicsOf(
        'Contraindication to the use of gadolinium-based intravenous contrast, including anaphylaxis. Any known history of nephrogenic systemic fibrosis (NSF).',
      ),
    ).toEqual(['contrast_possible=false']);
  });
});

describe('what the allergy readers leave to other questions', () => {
  it('leaves the study drugs to the study-drug question, and reads "another monoclonal antibody" as one of them', () => {
    // An ordinary medicine named with the study's excipients is the study product; named alone, it is not.
    expect(conditionOf('Known hypersensitivity to Metformin or any of its components;')).toEqual(
      attest('study_drug_allergy', true),
    );
    expect(conditionOf('Hypersensitivity to metformin, rosiglitazone, pembrolizumab or nivolumab')).toEqual(
      attest('named_allergy', true),
    );
    expect(conditionOf('Known hypersensitivity to pembrolizumab or any of its excipients')).toEqual(
      attest('study_drug_allergy', true),
    );
    expect(
      conditionOf(
        'The patient has a history of severe hypersensitivity reaction to another monoclonal antibody (mAb) therapy.',
      ),
    ).toEqual(attest('study_drug_severe_allergy', true));
    expect(
      topicsOf(
        'Known to be allergic to research drugs or any of their excipients, or to be too strict with other monoclonal antibodies.Severe anaphylaxis (NCI-CTCAE 5.0 grade ≥ 3).',
      ),
    ).toEqual(['study_drug_severe_allergy=true']);
  });

  it('leaves contrast media to the contrast question', () => {
    expect(conditionOf('Allergic to contrast agent;')).toEqual(attest('contrast_possible', false));
    expect(
      topicsOf(
        'History of allergic reactions to computed tomography (CT) contrast, iodine or shellfish, or history of anaphylactic reaction to any food item',
      ),
    ).not.toContain('named_allergy=true');
  });

  it('does not read an allergy named as the reason for a premedication or a steroid exception', () => {
    expect(
      conditionOf('Steroids as premedication for hypersensitivity reactions (eg, CT scan premedication)'),
    ).toBeNull();
    expect(conditionOf('c) Corticosteroid premedication for infusion and/or hypersensitivity reactions.')).toBeNull();
    // No allergy question: the injections are a medicine (allergen immunotherapy), which the therapy reader takes.
    expect(topicsOf('Allergy desensitization injections')).toEqual([]);
    expect(JSON.stringify(conditionOf('Allergy desensitization injections'))).toContain('allergen_immunotherapy');
    expect(
      topicsOf(
        'Current or prior use of immunosuppressive medication within 14 days before the first dose of the study intervention is excluded. The following are exceptions to this criterion: a) Intranasal, inhaled, topical steroids, or local steroid injections (eg, intraarticular injection); b) Steroids as premedication for hypersensitivity reactions (eg, CT scan premedication or chemotherapy premedication) or a single dose for palliative purpose (eg, pain control).',
      ),
    ).toEqual([]);
  });

  it('leaves unread an allergy under a condition the topic cannot hold, or for some patients only', () => {
    // A condition closing the exclusion stays beside the allergy under all(): only a patient with the
    // allergy can be excluded (exclusion-judgement-allergy-edges.test.ts).
    expect(
      conditionOf('Subjects with allergies to xylocaine will be excluded if they need this topical anesthetic.'),
    ).toEqual({
      all: [
        { fact: 'attestation', operator: 'equal', value: true, params: { topic: 'named_allergy' } },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'will be excluded if they need this topical anesthetic' } },
      ],
    });
    expect(
      topicsOf(
        'For patients receiving IDE196 powder-in-capsule (PIC) formulation or crizotinib, allergy to mammalian meat products and gelatin',
      ),
    ).toEqual([]);
    expect(conditionOf('History of anaphylaxis or significant allergy interfering with participation')).toBeNull();
  });

  it('does not read rescue medication, an unknown allergen, a diet, or a hereditary intolerance as a named allergy', () => {
    expect(conditionOf('Known hypersensitivity to any of the rescue medications')).toBeNull();
    // Beside the study drugs, an unknown allergen stays unread: only the study-drug question is asked
    // (allergy-unknown-allergen.test.ts pins the whole reading).
    expect(
      topicsOf('History of severe allergic reactions to an unknown allergen or any components of the study drugs.'),
    ).toEqual(['study_drug_severe_allergy=true']);
    expect(
      topicsOf(
        'Self-reported major dietary restrictions, including but not limited to relevant food allergies, celiac disease, or diets such as vegan, ketogenic, extended fasting.',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'Known hereditary problems of galactose intolerance, total lactase deficiency or glucose-galactose malabsorption',
      ),
    ).toEqual([]);
  });

  it('does not read intolerance of earlier treatment in an inclusion', () => {
    // The standard-therapy routes are prior therapy's questions, not an allergy.
    expect(topicsOf('Refractory or intolerant to standard therapy(ies)', 'inclusion').filter((t) => !t.startsWith('standard_therapy_'))).toEqual([]);
  });
});

describe('the allergy topics', () => {
  it('each have a question for the patient in rules/attestations.json', () => {
    const topics = new Map(lexicons().attestations.topics.map((t) => [t.id, t]));
    for (const id of ['named_allergy', 'named_severe_allergy', 'severe_allergy_history']) {
      expect(topics.get(id)?.question).toMatch(/\?$/);
      expect(topics.get(id)?.synonyms.length).toBeGreaterThanOrEqual(3);
    }
  });
});
