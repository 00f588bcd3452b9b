/**
 * Recurring families among criteria no category read: another trial in its other wordings, organ
 * function as the protocol defines it, and venous access for the study's blood draws and infusions.
 * Real corpus lines with the rule they must get, and lines that must not get it.
 */
import type { Condition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import type { CriterionKind } from '../../src/criteria/segment';
import { attest, attestationTopics, readRule } from '../support/criteria';

const read = (text: string, kind: CriterionKind = 'inclusion') => readRule(text, kind);
const conditionOf = (text: string, kind: CriterionKind = 'inclusion'): Condition | null => read(text, kind).condition;
const topicsOf = (text: string, kind: CriterionKind = 'inclusion'): string[] =>
  attestationTopics(conditionOf(text, kind));

describe('another trial', () => {
  it('reads participation "of" or "to" another trial, and treatment in another trial', () => {
    for (const line of [
      'Participation of any other clinical trials within 4 weeks prior to first administration of study treatment.',
      'Patient who participate to another blind interventional study receiving blinded treatment;',
      'Concurrent treatment in another clinical trial.',
      'Participation in any interventional drug or medical device study within 30 days prior to treatment start;',
    ])
      expect(conditionOf(line, 'exclusion')).toEqual(attest('other_trial', true));
  });

  it('reads a trial named by a list of its kinds', () => {
    expect(
      conditionOf(
        'Recent or planned participation in other investigational drug, device, or surgical studies.',
        'exclusion',
      ),
    ).toEqual(attest('other_trial', true));
  });

  it('keeps what the question cannot hold unread', () => {
    const observational = read(
      'Active participation in an immuno-oncology clinical/interventional trial or pharma-sponsored observational study',
      'exclusion',
    );
    expect(observational.condition).toEqual(attest('other_trial', true));
    expect(observational.unread).toBe('pharma-sponsored observational');
    const interfering = read(
      'Concurrent treatment in another clinical trial or a device trial that could interfere with the IMA203 treatment',
      'exclusion',
    );
    expect(interfering.condition).toEqual(attest('other_trial', true));
    expect(interfering.unread).toBe('could interfere with the IMA203');
  });

  it('reads another trial whose window is counted from this study or from consent', () => {
    expect(
      conditionOf(
        'The receipt of an investigational medicinal product or participation in other drug research study within a period of 30 days prior to the first dose of investigational medicinal Product for the current study.',
        'exclusion',
      ),
    ).toEqual(attest('other_trial', true));
    expect(
      topicsOf(
        'Participation in any other investigational trial at the time of informed consent signature.',
        'exclusion',
      ),
    ).toEqual(['other_trial=true']);
  });

  it('does not read agreement to this study or its own activities as another trial', () => {
    expect(
      topicsOf(
        'Male or female patients ≥18 years of age at the time of study entry who agree to participate by giving written informed consent prior to participation in any study related activities.',
      ),
    ).not.toContain('other_trial=true');
    expect(
      topicsOf(
        'Subjects must agree not to participate in another clinical trial (other than observational) at any time during participation in VIKTORIA-1.',
        'exclusion',
      ),
    ).toEqual([]);
  });
});

describe('organ function as the protocol defines it', () => {
  it('reads adequate, good or selected organ function, and organ lists ending in "organ function"', () => {
    for (const line of [
      'Adequate selected organ function per protocol',
      'Good organ function;',
      'Patients have sufficient hematology and organ functions;',
      'Adequate hematological, renal, and hepatic organ function',
      'Participant has adequate cardiac, liver, lung, and kidney organ function as specified in the protocol.',
      'Adequate baseline organ function as defined by local institutional standards.',
      'With sufficient hematology and end-organ function;',
    ])
      expect(conditionOf(line)).toEqual(attest('adequate_organ_function', true));
  });

  it('reads abnormal organ function among exclusions as its lack', () => {
    expect(conditionOf('Abnormal organ function;', 'exclusion')).toEqual(attest('adequate_organ_function', false));
  });

  it('leaves impairment of one named organ to the conditions reader', () => {
    expect(topicsOf('Impaired cardiac function or clinically significant cardiac disease', 'exclusion')).toEqual([]);
  });

  it('leaves a note on whom the organ limits apply to unread', () => {
    const note =
      'Organ function requirements apply ONLY to patients who will receive chemotherapy (SR1 and SR2 patients)';
    expect(read(note)).toEqual({
      condition: null,
      unread: 'Organ function requirements apply … chemotherapy (SR1 and SR2',
    });
  });
});

describe('venous access', () => {
  it('reads suitable venous access as required, and its lack as an exclusion', () => {
    expect(conditionOf('Suitable venous access for blood sampling')).toEqual(attest('venous_access', true));
    expect(conditionOf('Medically indicated central line in place or adequate peripheral venous access')).toEqual(
      attest('venous_access', true),
    );
    expect(conditionOf('Inadequate venous access to obtain pharmacokinetic (PK) specimens', 'exclusion')).toEqual(
      attest('venous_access', false),
    );
    expect(
      conditionOf('Subjects who are unable to undergo venipuncture and/or tolerate venous access', 'exclusion'),
    ).toEqual(attest('venous_access', false));
  });

  it('does not read an exclusion from the blood collection only, nor a port placement that is not major surgery', () => {
    expect(
      topicsOf(
        'Any patient with significant contraindications to venipuncture (e.g., severe anemia) will be excluded from blood collection procedures. However, if the patient is otherwise eligible, they may still be enrolled.',
        'exclusion',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'Major surgery within 30 days before the first dose of study drug treatment in Cycle 1 on Day 1 (port placement for venous access is not considered major surgery).',
        'exclusion',
      ),
    ).toEqual([]);
  });

  it('gives the new topics a patient-facing question', () => {
    const topics = lexicons().attestations.topics;
    const venous = topics.find((t) => t.id === 'venous_access');
    expect(venous?.question).toMatch(/veins/);
    expect(venous?.synonyms).toContain('suitable venous access');
    expect(topics.find((t) => t.id === 'surgery_recovered')?.question).toMatch(/recovered/);
  });
});

describe('recovery from an earlier operation', () => {
  it('reads recovery from surgery as required, and its lack as an exclusion', () => {
    expect(
      conditionOf('Patient must have fully recovered from surgical resection in the opinion of the treating MD.'),
    ).toEqual(attest('surgery_recovered', true));
    expect(
      conditionOf(
        'Has not adequately recovered from major surgery or has ongoing surgical complications.',
        'exclusion',
      ),
    ).toEqual(attest('surgery_recovered', false));
    expect(conditionOf('Major surgery from which the participant has not fully recovered', 'exclusion')).toEqual(
      attest('surgery_recovered', false),
    );
    expect(
      conditionOf('Incomplete recovery from any surgery prior to the start of study treatment', 'exclusion'),
    ).toEqual(attest('surgery_recovered', false));
  });

  it('reads recovery as an alternative to the surgery window', () => {
    expect(
      conditionOf(
        'Has undergone major surgery within 4 weeks prior to the first dose of study treatment or has not adequately recovered from surgery or related complications',
        'exclusion',
      ),
    ).toEqual({
      any: [
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['surgery'], withinDays: 28 } },
        attest('surgery_recovered', false),
      ],
    });
  });

  it('does not read recovery from trauma or toxicity, nor a requirement restated among exclusions', () => {
    expect(
      topicsOf('Recovery from major trauma including surgery within 4 weeks prior to enrollment.', 'exclusion'),
    ).toEqual([]);
    expect(
      topicsOf(
        'Has not recovered from a prior procedure or treatment-related adverse reaction to ≤ grade 1 nci ctcae 5.0',
        'exclusion',
      ),
    ).not.toContain('surgery_recovered=false');
    expect(
      topicsOf(
        'Patients must be at least 4 weeks from major surgery and have fully recovered from any effects of surgery and be free of significant detectable infection.',
        'exclusion',
      ),
    ).toEqual([]);
  });
});
