/**
 * Conditions read from real corpus lines: new lexicon entries (lymphedema, organic brain syndrome,
 * osteonecrosis of the jaw, photosensitivity, compartment syndrome, actinic keratosis, dry eye,
 * blepharitis, cytokine release syndrome, atopic dermatitis); clauses that narrow a condition kept
 * beside it as unparsed leaves ("with …", "as defined per protocol", "that precludes …", "bilateral");
 * and mentions that are not the patient's condition (a treatment's or a measurement's subject, a limb
 * site, a rationale).
 */
import { lexicons } from '../../src/criteria/lexicon';
import { cond, readRule, therapy, unparsed } from '../support/criteria';

describe('new condition entries', () => {
  const lex = lexicons();

  it('gives each new condition an ICD-10-CM code a patient record is matched by', () => {
    for (const [id, code] of [
      ['lymphedema', 'I89.0'],
      ['primary_lymphedema', 'Q82.0'],
      ['postmastectomy_lymphedema', 'I97.2'],
      ['organic_brain_syndrome', 'F09'],
      ['osteonecrosis_of_jaw', 'M87.180'],
      ['photosensitivity', 'L56'],
      ['compartment_syndrome', 'M79.A'],
      ['actinic_keratosis', 'L57.0'],
      ['dry_eye_syndrome', 'H04.12'],
      ['blepharitis', 'H01.0'],
      ['cytokine_release_syndrome', 'D89.83'],
      ['atopic_dermatitis', 'L20'],
    ] as const) {
      expect(lex.conditionById.get(id)?.icd10).toContain(code);
    }
    expect(lex.conditionById.get('primary_lymphedema')?.parents).toEqual(['lymphedema']);
    expect(lex.conditionById.get('dry_eye_syndrome')?.parents).toEqual(['eye_disorder']);
  });

  it('reads the new conditions from exclusion lines', () => {
    expect(readRule('Diagnosis or evidence of organic brain syndrome', 'exclusion').condition).toEqual(
      cond({ names: ['organic_brain_syndrome'] }),
    );
    expect(readRule('History of primary lymphedema', 'exclusion').condition).toEqual(cond({ names: ['primary_lymphedema'] }));
    expect(readRule('Participants with unresolved osteonecrosis of the jaw', 'exclusion').condition).toEqual(
      cond({ names: ['osteonecrosis_of_jaw'], active: true }),
    );
    expect(readRule('Diagnosed with Actinic Keratosis within the past 6 months', 'inclusion').condition).toEqual(
      cond({ names: ['actinic_keratosis'], withinYears: 0.5 }),
    );
    expect(readRule('Prior Grade 4 cytokine release syndrome related to Tebentafusp', 'exclusion').condition).toEqual({
      // The drug it was related to was had (history-caused-treatment.ts).
      all: [cond({ names: ['cytokine_release_syndrome'] }), therapy({ drugs: ['tebentafusp'] }), unparsed('Grade 4'), unparsed('related to Tebentafusp')],
    });
  });

  it('keeps "or similar conditions" and "impending" as words a coordinator reads', () => {
    const r = readRule('Photosensitivity or photodermatoses or similar conditions.', 'exclusion');
    expect(r.condition).toEqual(cond({ names: ['photosensitivity'] }));
    expect(r.unread).toBe('similar');
    const c = readRule('Compartment syndrome or impending compartment syndrome', 'exclusion');
    expect(c.condition).toEqual(cond({ names: ['compartment_syndrome'] }));
    expect(c.unread).toBe('impending compartment syndrome');
  });

  it('names liver disease by "hepatic insufficiency"', () => {
    const r = readRule('No hepatic insufficiency resulting in clinical jaundice and/or coagulation defects', 'inclusion');
    expect(r.condition).toEqual({
      any: [cond({ names: ['liver_disease'] }, false), unparsed('resulting in clinical jaundice and/or coagulation defects', false)],
    });
  });
});

describe('clauses that narrow a condition', () => {
  it('keeps a "with …" clause beside the first condition of an exclusion', () => {
    expect(readRule('Portal hypertension with gastroesophageal varices and/or ascites', 'exclusion').condition).toEqual({
      all: [cond({ names: ['portal_hypertension'] }), unparsed('with gastroesophageal varices and/or ascites')],
    });
    expect(readRule('Known pulmonary disease with significant impact in lung function', 'exclusion').condition).toEqual({
      all: [cond({ names: ['pulmonary_disease'] }), unparsed('with significant impact in lung function')],
    });
  });

  it('keeps "as defined per protocol" beside the condition it defines', () => {
    expect(readRule('History of interstitial lung disease as defined per protocol', 'exclusion').condition).toEqual({
      all: [cond({ names: ['interstitial_lung_disease'] }), unparsed('as defined per protocol')],
    });
    expect(readRule('Active gastrointestinal disease as defined per protocol', 'exclusion').condition).toEqual({
      all: [cond({ names: ['gastrointestinal_disease'], active: true }), unparsed('as defined per protocol')],
    });
  });

  it('does not narrow by "with or without", by a clause cut by a parenthesis, or after a list', () => {
    // "with or without consolidation" narrows nothing; the line stays unread as before.
    expect(
      readRule(
        'Progressive disease or clinical relapse (as defined by IMWG response criteria) following ASCT with or without consolidation or is not responsive to primary therapy.',
        'exclusion',
      ).condition,
    ).toBeNull();
    // The clause would run on over the heart failure and infarction listed after it.
    expect(
      readRule(
        'Poorly controlled hypertension with drug (systolic blood pressure >160 mmHg and/or diastolic blood pressure >100 mmHg) or occurrence of grade III-IV heart failure or myocardial infarction',
        'exclusion',
      ).condition,
    ).toBeNull();
  });

  it('keeps "that precludes …" beside a condition, as "that would preclude …"', () => {
    const r = readRule('Subjects with pre-existing lymphedema that precludes assessment of lymphedema.', 'exclusion');
    expect(r.condition).toEqual({
      all: [cond({ names: ['lymphedema'] }), unparsed('that precludes assessment of lymphedema')],
    });
  });

  it('keeps "bilateral" beside the condition it narrows', () => {
    expect(readRule('Bilateral breast cancer related lymphedema', 'exclusion').condition).toEqual({
      all: [cond({ names: ['postmastectomy_lymphedema'] }), unparsed('Bilateral')],
    });
  });
});

describe('mentions that are not the patient condition', () => {
  it('leaves a condition naming a treatment or a measurement unread', () => {
    expect(readRule('Received lymphedema treatment within the past 1 month', 'exclusion').condition).toBeNull();
  });

  it('leaves a condition at a limb site unread', () => {
    expect(
      readRule(
        'Upper extremity lymphedema reached more than 80% volume difference between the affected and unaffected arms',
        'exclusion',
      ).condition,
    ).toBeNull();
  });

  it('leaves a condition named in a rationale unread', () => {
    expect(
      readRule(
        'Subjects whose treating physician(s) plan adjuvant radiation therapy to the involved node basin, because that also would confound assessment of node basin recurrence and lymphedema.',
        'exclusion',
      ).condition,
    ).toBeNull();
  });

  it('still reads the list a coronary artery bypass graft surgery closes', () => {
    const r = readRule(
      'History of any one or more of the following cardiovascular conditions within the past 6 months: cardiac angioplasty or stenting, myocardial infarction, unstable angina, coronary artery bypass graft surgery, symptomatic peripheral vascular disease',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).toContain('"coronary_revascularization"');
  });
});

describe('skin disease, bleeding tendency and semicolon lists', () => {
  it('reads the skin-disease umbrella, active when it needs systemic therapy', () => {
    expect(readRule('Active skin disorder that has required systemic therapy within the past 1 year.', 'exclusion').condition).toEqual(
      cond({ names: ['skin_disease'], active: true, withinYears: 1 }),
    );
    expect(readRule('Severe skin disorders or history of pancreatitis.', 'exclusion').condition).toEqual({
      any: [cond({ names: ['skin_disease'], active: true }), cond({ names: ['pancreatitis'] })],
    });
  });

  it('leaves a kind of skin disease the lexicon does not name unread', () => {
    expect(readRule('Any active non-infectious skin disease requiring systemic treatment.', 'exclusion').condition).toBeNull();
  });

  it('keeps "preventing …" beside the condition it narrows', () => {
    expect(readRule('Skin conditions preventing TTFields application', 'exclusion').condition).toEqual({
      all: [cond({ names: ['skin_disease'] }), unparsed('preventing TTFields application')],
    });
  });

  it('reads a hemorrhagic or bleeding tendency as a bleeding disorder', () => {
    expect(readRule('People have hemorrhagic diseases or have hemorrhagic tendencies.', 'exclusion').condition).toEqual(
      cond({ names: ['bleeding_disorder'] }),
    );
  });

  it('lets a semicolon list share the permission that closes it', () => {
    const r = readRule(
      'Active autoimmune disease that has required systemic treatment in past 2 years (i.e., with use of disease modifying agents, corticosteroids or immunosuppressive drugs). Patients with type I diabetes mellitus; hypothyroidism only requiring hormone replacement; skin disorders (such as vitiligo, psoriasis, or alopecia) not requiring systemic treatment; or conditions not expected to recur in the absence of an external trigger are permitted to enroll.',
      'exclusion',
    );
    // The permitted conditions are no exclusions of their own.
    expect(r.condition).toEqual(cond({ names: ['autoimmune_disease'], active: true, withinYears: 2 }));
    expect(r.unread).toContain('are permitted to enroll');
  });
});

describe('an intercurrent illness that would limit compliance', () => {
  // The clause is the compliance question (history-attest.ts), joined to the illness it qualifies:
  // both are needed to exclude, as "illness or situation that would limit compliance" was read.
  it('reads the illness and the compliance question together (NCT02513394)', () => {
    const both = {
      all: [
        cond({ names: ['uncontrolled_intercurrent_illness'], active: true }),
        { fact: 'attestation', operator: 'equal', value: false, params: { topic: 'compliance' } },
      ],
    };
    expect(readRule('Uncontrolled intercurrent illness that would limit compliance with study requirements.', 'exclusion')).toEqual({
      condition: both,
      unread: '',
    });
    // Variant: "which may".
    expect(readRule('Uncontrolled intercurrent illness which may limit compliance with study requirements.', 'exclusion').condition).toEqual(both);
  });
});
