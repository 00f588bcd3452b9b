/**
 * Exclusions the statement readers left wholly unread for a word at their edge: the investigator's
 * catch-all said with "unfavorable for", "incompatible with", "contraindicates the use" of named
 * drugs, with its examples in brackets, or with a second subject between commas; a disorder that "in
 * the opinion of the PI would interfere with cooperation"; a contraindication to a treatment "as
 * specified in the corresponding SmPCs", to study-related procedures or to a Tc-99m injection; a named
 * allergy whose exclusion closes on an "if" condition; oral absorption named by the ingestion of
 * drugs, by an altering condition with its examples in brackets, or by the integrity of the upper
 * gastrointestinal tract; the generic condition nouns listed together as an uncontrolled illness; and
 * a named condition whose effect is judged with the judge named between, or that would confound the
 * assessments, with the effect kept beside it. Each is read with the facts and topics the plain
 * wording already uses. Verbatim corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import { attest, cond, criterionRule, judgeRecord, unparsed } from '../support/criteria';

const excl = (text: string): Condition => criterionRule(text, 'exclusion');
const only = (c: Condition): Condition => ({ all: [c] });
/** The read leaves of a rule, unparsed ones left out. */
const readLeaves = (c: Condition): Condition[] => leavesOf(c).filter((l) => l.fact !== 'unparsed');

describe("the investigator's catch-all at its edges", () => {
  it('reads "unfavorable for the administration of study drug" (NCT06216938 e10)', () => {
    const rule = excl(
      "Has a history or current evidence of any condition, therapy, or laboratory abnormality that will be unfavorable for the administration of study drug or affect the explanation of drug toxicity or AEs or interfere with the patient's participation for the full duration of the study or is not in the best interest of the patient to participate, in the opinion of the treating Investigator.",
    );
    expect(readLeaves(rule)).toEqual([attest('investigator_concern', true)]);
    // Partly read, the exclusion can apply but is never ruled out.
    expect('any' in rule).toBe(true);
  });

  it('reads a disease "incompatible with the trial treatment" (NCT06078384 e14)', () => {
    expect(
      excl('Patients with any other disease or illness which requires hospitalisation or is incompatible with the trial treatment are not eligible,'),
    ).toEqual(only(attest('investigator_concern', true)));
  });

  it('reads a condition that "contraindicates the use" of the drugs it names (NCT05483400 e4)', () => {
    const rule = excl(
      'Any other diseases, metabolic dysfunction, physical examination finding, or clinical laboratory finding giving reasonable suspicion of a disease or condition that contraindicates the use atezolizumab and tiragolumab, or that may affect the interpretation of the results or render the patient at high risk from complications.',
    );
    expect(readLeaves(rule)).toEqual([attest('investigator_concern', true)]);
  });

  it('reads a systemic disease with its examples in brackets that would preclude the treatment regimens (NCT01147016 e18)', () => {
    const rule = excl(
      'Other non-malignant systemic disease (cardiovascular, renal, hepatic, etc.) that would preclude treatment with any of the treatment regimens or would prevent required follow-up',
    );
    expect(readLeaves(rule)).toEqual([attest('investigator_concern', true)]);
    expect('any' in rule).toBe(true);
  });

  it('reads a second subject set between commas before what the condition harms (NCT04603807 e16)', () => {
    const rule = excl(
      'Any clinically significant concomitant disease or condition that could interfere with, or for which the treatment might interfere with, the conduct of the study or the absorption of oral medications.',
    );
    expect(readLeaves(rule)).toEqual([attest('investigator_concern', true)]);
  });

  it('reads a disorder that in the opinion of the PI would interfere with cooperation as the compliance question (NCT06545682 e23, NCT06216938 e12)', () => {
    for (const text of [
      'Has known psychiatric or substance abuse disorder that in the opinion of the treating physician or principal investigator (PI) would interfere with cooperation with the requirements of the trial.',
      'Has known psychiatric, alcohol abuse, or substance abuse disorders that would interfere with cooperating with the requirements of the study.',
    ]) {
      const rule = excl(text);
      expect(readLeaves(rule)).toContainEqual(attest('compliance', false));
      // The rest of the sentence stays beside it: the exclusion is never ruled out on what was read.
      expect('any' in rule).toBe(true);
    }
  });
});

describe('contraindications and allergies at their edges', () => {
  it('reads a contraindication to a treatment as specified in its SmPCs as the study-drug question (NCT04045691 e4)', () => {
    expect(
      excl('Presence of any contraindication with regard to the encorafenib-binimetinib-treatment as specified in the corresponding SmPCs;'),
    ).toEqual(only(attest('study_drug_allergy', true)));
  });

  it('reads a contraindication to study-related procedures as the compliance question (NCT05021172 e1)', () => {
    expect(excl('Contraindication to any study-related procedure or assessment')).toEqual(only(attest('compliance', false)));
  });

  it('reads a contraindication to a Tc-99m injection as the tracer question, its purpose left unread (NCT06223659 e3)', () => {
    expect(excl('Contraindication to Tc99 injection for sentinel lymph node mapping')).toEqual({
      any: [attest('contrast_possible', false), unparsed('sentinel lymph node mapping')],
    });
  });

  it('reads anaesthetics in brackets as examples of the study drugs (NCT06322316 e3)', () => {
    const rule = excl('Known sensitivity or contraindication to drug used in the study (local anesthetics, opioids).');
    expect(readLeaves(rule)).toEqual([attest('study_drug_allergy', true)]);
  });

  it('keeps an exclusion\'s closing "if" condition beside the named allergy, under all() (NCT06428721 e10)', () => {
    const rule = excl('Subjects with allergies to xylocaine will be excluded if they need this topical anesthetic.');
    expect(rule).toEqual({ all: [attest('named_allergy', true), unparsed('will be excluded if they need this topical anesthetic')] });
    // Without the allergy the patient is not excluded; with it, whether they need the anaesthetic is the coordinator's.
    expect(judgeRecord(rule, {})).toBeNull();
  });

  it('still leaves the same condition unread in an inclusion, where no all() can hold it', () => {
    expect(readLeaves(criterionRule('Allergy to xylocaine if they need this topical anesthetic.', 'inclusion'))).toEqual([]);
  });

  it('reads a recombinant protein named after its prefix as the object of a contraindication (NCT01922921 e5)', () => {
    const rule = excl(
      'Patients with any contraindication to receiving rhu granulocyte macrophage colony stimulating factor (rhuGM-CSF) based products',
    );
    expect(readLeaves(rule)).toEqual([attest('treatment_candidate', false)]);
  });
});

describe('oral absorption at its edges', () => {
  it('reads a situation affecting the ingestion of drugs and their absorption (NCT07170293 e5)', () => {
    const rule = excl(
      'Any situation that affects the ingestion of drugs and seriously affects the absorption or pharmacokinetic parameters of the investigational drug, including but not limited to active gastrointestinal ulcers, long-term gastroesophageal reflux disease (GERD), etc;',
    );
    expect(readLeaves(rule)).toEqual([attest('oral_absorption_normal', false)]);
  });

  it('reads a condition that may alter absorption with its examples in brackets (NCT06545682 e5)', () => {
    const rule = excl(
      'Presence of any clinically significant gastrointestinal abnormality or other condition(s) (e.g., ulcerative diseases, uncontrolled nausea, vomiting, diarrhea, malabsorption syndrome, or small bowel resection) that may alter absorption such as malabsorption syndrome or major resection of the stomach or substantial portion of the small intestine based on investigator discretion.',
    );
    expect(readLeaves(rule)).toEqual([attest('oral_absorption_normal', false)]);
    expect('any' in rule).toBe(true);
  });

  it('reads a lack of integrity of the upper gastrointestinal tract (NCT06764875 e1)', () => {
    expect(excl('Lack of physiological integrity of the upper gastrointestinal tract.')).toEqual(only(attest('oral_absorption_normal', false)));
  });

  it('still leaves a drug that interferes with absorption to the interaction readers (NCT03947385 e19)', () => {
    expect(readLeaves(excl('Taken drugs that interfere with the absorption, metabolism, or elimination of pravastatin'))).not.toContainEqual(
      attest('oral_absorption_normal', false),
    );
  });
});

describe('a named condition judged by its effect', () => {
  it('keeps the effect beside the condition when the judge is named between (NCT06359860 e6)', () => {
    expect(excl('Current or previous severe retinopathy who, in the judgment of the Investigator, are not suitable for enrollment')).toEqual({
      all: [cond({ names: ['retinal_disorder'] }), unparsed('who, in the judgment of the Investigator, are not suitable for enrollment')],
    });
  });

  it('keeps an effect that would confound the assessments beside the condition (NCT07015190 e4)', () => {
    const rule = excl('Evidence of progressive secondary underlying ocular disease that would confound longitudinal VA assessments');
    expect(JSON.stringify(rule)).toContain(JSON.stringify({ all: [cond({ names: ['eye_disorder'] }), unparsed('that would confound longitudinal VA assessments')] }));
    // A patient without eye disease is never excluded on what was read.
    expect(judgeRecord({ all: [cond({ names: ['eye_disorder'] }), unparsed('x')] }, { conditions: [] })).toBe(false);
  });
});

describe('the generic condition nouns listed together', () => {
  it('reads "clinically unstable/uncontrolled disorder, condition, or disease" as an uncontrolled intercurrent illness (NCT04106492 e11)', () => {
    const rule = excl('History or evidence of clinically unstable/uncontrolled disorder, condition, or disease');
    expect(rule).toEqual(only(cond({ names: ['uncontrolled_intercurrent_illness'], active: true })));
  });

  it('leaves the list to the catch-all when the investigator weighs its effect (NCT06814496 e37)', () => {
    const rule = excl(
      'History or evidence of any other clinically significant disorder, condition or disease (with the exception of those outlined above) that, in the opinion of the investigator, if consulted, would pose a risk to subject safety or interfere with the study evaluation, procedures, or completion.',
    );
    expect(JSON.stringify(rule)).not.toContain('uncontrolled_intercurrent_illness');
  });
});
