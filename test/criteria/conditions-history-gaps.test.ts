/**
 * Medical-history lines the parser left unread: conditions the lexicon lacked (asthma, claustrophobia,
 * pacemaker, asplenia, G6PD/DPD deficiency…), inclusions that state the condition the study enrols,
 * permissions that refer back to the condition, clauses kept beside it, and other malignancies named
 * as "malignant disease other than …". Real corpus lines, with the lines that must not get a reading.
 */
import { lexicons } from '../../src/criteria/lexicon';
import { cond, otherMalignancy as malignancy, readRule, unparsed } from '../support/criteria';

const E = (text: string, context: string[] = []) => readRule(text, 'exclusion', context);
const I = (text: string, context: string[] = []) => readRule(text, 'inclusion', context);

describe('conditions the lexicon now names', () => {
  const lex = lexicons();

  it('codes each new condition by ICD-10-CM (and SNOMED CT where checked)', () => {
    expect(lex.conditionById.get('asthma')?.icd10).toEqual(['J45']);
    expect(lex.conditionById.get('asthma')?.snomed).toEqual(['195967001']);
    expect(lex.conditionById.get('cardiac_pacemaker')?.icd10).toEqual(['Z95.0']);
    expect(lex.conditionById.get('asplenia')?.icd10).toContain('Z90.81');
    expect(lex.conditionById.get('g6pd_deficiency')?.icd10).toEqual(['D55.0']);
    expect(lex.conditionById.get('coronary_revascularization')?.parents).toEqual(['coronary_artery_disease']);
    expect(lex.conditionById.get('opioid_use_disorder')?.parents).toEqual(['substance_use_disorder']);
  });

  it.each([
    ['Severe claustrophobia', { names: ['claustrophobia'], active: true }],
    ['Pacemaker', { names: ['cardiac_pacemaker'] }],
    ['Splenectomy', { names: ['asplenia'] }],
    ['Known G6PD deficiency', { names: ['g6pd_deficiency'] }],
    ['Known dihydropyrimidine dehydrogenase deficiency.', { names: ['dpd_deficiency'] }],
    ['POEMS syndrome', { names: ['poems_syndrome'] }],
    ["Patients with Down's syndrome", { names: ['down_syndrome'] }],
    ['Current abuse of alcohol or illicit drugs', { names: ['substance_use_disorder'], active: true }],
    ['Participants in acute opioid withdrawal.', { names: ['opioid_use_disorder'], active: true }],
    ['Uncontrolled depression.', { names: ['depression'], active: true }],
    ['Cardiogenic shock.', { names: ['cardiogenic_shock'] }],
    ['Severe bronchial asthma.', { names: ['asthma'], active: true }],
    ['History of syncope', { names: ['syncope'] }],
    ['History of coronary revascularization', { names: ['coronary_revascularization'] }],
    ['Presence of retroviral disease', { names: ['hiv'] }],
    ['Wound healing disorder', { names: ['non_healing_wound'] }],
    ['Porphyria or other disorders of porphyrin metabolism.', { names: ['porphyria'] }],
    ['Pre-existing eating disorder', { names: ['eating_disorder'] }],
    ['Known congenital long QT.', { names: ['long_qt_syndrome'] }],
    [
      'Cerebral vascular event within 6 months before Screening',
      { names: ['cerebrovascular_disease'], withinYears: 0.5 },
    ],
    ['Have any unsteady cardiac illness.', { names: ['cardiovascular_disease'], active: true }],
    ['Impaired cardiac function', { names: ['cardiovascular_disease'], active: true }],
  ])('reads the exclusion "%s" whole', (text, params) => {
    expect(E(text)).toEqual({ condition: cond(params), unread: '' });
  });

  it('reads "seronegative for lues" as syphilis absent', () => {
    expect(I('seronegative for lues.')).toEqual({ condition: cond({ names: ['syphilis'] }, false), unread: '' });
  });

  it('keeps a grading or a conditional clause beside the condition, never dropping it', () => {
    expect(E('Mature cataracts if found to limit visual potential to worse than 20/40').condition).toEqual({
      all: [
        cond({ names: ['cataract'] }),
        unparsed('Mature'),
        unparsed('if found to limit visual potential to worse than 20/40'),
      ],
    });
    expect(E('Obstructive jaundice due to involvement of biliary tree by tumour.').condition).toEqual({
      all: [cond({ names: ['biliary_obstruction'] }), unparsed('due to involvement of biliary tree by tumour')],
    });
    expect(
      E(
        'History of 2 or more M.I.s OR 2 or more coronary revascularisation procedures (regardless of the number of stent placements during each procedure)',
      ).condition,
    ).toEqual({ all: [cond({ names: ['coronary_revascularization'] }), unparsed('2 or more')] });
  });

  it('leaves a rationale after "due to" outside the condition', () => {
    expect(
      E('Known history of acute or chronic hepatitis B or C due to known potential hepatotoxicity of leflunomide.')
        .condition,
    ).toEqual(cond({ names: ['hbv', 'hcv'], active: true }));
  });

  it('reads no exclusion from a resolved or controlled condition, an aneurysm clip or those a sentence spares', () => {
    expect(E('Resolved childhood asthma/atopy').condition).toBeNull();
    expect(E('Well-controlled asthma').condition).toBeNull();
    expect(E('cured childhood asthma / allergy adult patients without any intervention.').condition).toBeNull();
    const mri = JSON.stringify(
      E(
        'Absolute contraindication to MRI, including presence of implanted electrical device (pacemaker or neurostimulator), aneurysm clip or metallic foreign body in or near eyes',
      ).condition,
    );
    expect(mri).toContain('cardiac_pacemaker');
    expect(mri).not.toContain('aortic_aneurysm');
    const asthma = E(
      'Currently being treated with bronchodilators or corticosteroids or known to have active asthma. This will not include patients who suffered from asthma as a child and outgrew it.',
    ).condition;
    expect(JSON.stringify(asthma)).toContain('"names":["asthma"],"active":true');
    expect(JSON.stringify(asthma)).not.toContain('"names":["asthma"]}');
  });

  it("reads each example of an umbrella the lexicon does not name as excluding, with the umbrella's qualifier", () => {
    expect(
      E(
        'Severe medical conditions, such as severe asthma/COLD, significant cardiac disease, poorly regulated insulin dependent diabetes mellitus among others.',
      ),
    ).toEqual({
      condition: {
        any: [
          cond({ names: ['asthma'], active: true }),
          cond({ names: ['cardiovascular_disease'], active: true }),
          cond({ names: ['type_1_diabetes'], active: true }),
        ],
      },
      unread: 'Severe medical … COLD … among',
    });
    expect(E("Inflammatory diseases of the abdomen (such as Crohn's disease)")).toEqual({
      condition: cond({ names: ['crohns_disease'] }),
      unread: 'Inflammatory … abdomen',
    });
  });

  it('leaves examples unread when the list is narrowed after them, or they are indications, or the examples of two categories run on', () => {
    expect(
      E(
        "Any autoimmune, connective tissue or inflammatory disorders (e.g., rheumatoid arthritis, Sjögren's, sarcoidosis) where there is documented, or a suspicion of pulmonary involvement at the time of screening.",
      ).condition,
    ).toBeNull();
    expect(
      E(
        'Disorders such as asthma, vitiligo, psoriasis, or atopic dermatitis that are well controlled without requiring systemic immunosuppression;',
      ).condition,
    ).toBeNull();
    expect(
      JSON.stringify(
        E(
          'Chronic ongoing oral steroid use at the time of registration for any condition (such as asthma, rheumatoid arthritis, etc)',
        ).condition,
      ),
    ).not.toContain('asthma"');
    expect(
      JSON.stringify(
        E(
          "Has any evidence of severe or uncontrolled diseases (eg, active bleeding diatheses, active serious infection) psychiatric illness/social situations, geographical factors, substance abuse, or other factors that, in the investigator's opinion, make it high risk for the subject to participate in the study",
        ).condition,
      ),
    ).not.toContain('"all"');
  });

  it('reads no condition of a relative, a risk of a condition, or pulmonary hypertension as hypertension', () => {
    expect(E('First-degree relative with a diagnosed psychotic disorder.').condition).toBeNull();
    // The relative's long QT syndrome is asked (history-family.ts), never read as the patient's condition.
    expect(
      E('History of additional risk factors for torsade de pointes (e.g., family history of long QT syndrome)')
        .condition,
    ).toEqual({ fact: 'attestation', operator: 'equal', value: true, params: { topic: 'family_heart_rhythm_history' } });
    // The contraindication to exercise is read (exercise_possible = false); the fracture risk is no condition.
    expect(
      E(
        'confirmation of contraindications for physical exercise by the attending physician (e.g. fracture risk in the case of bone metastases)',
      ).condition,
    ).toEqual({ fact: 'attestation', operator: 'equal', value: false, params: { topic: 'exercise_possible' } });
    expect(E('Uncontrolled pulmonary hypertension or uncontrolled hypertension')).toEqual({
      condition: cond({ names: ['hypertension'], active: true }),
      unread: 'Uncontrolled pulmonary hypertension',
    });
  });
});

describe('permissions and their subjects', () => {
  it('narrows to the active form when a later sentence allows the controlled disorder without naming it', () => {
    expect(
      E(
        'History of psychotic or depressive disorder. Patients whose disorder is well controlled on a stable antipsychotic or antidepressant medication for at least 12 months prior to study entry will be eligible.',
      ).condition,
    ).toEqual(cond({ names: ['depression'], active: true }));
  });

  it('excludes the active infections when the permission after ", and," names patients of its own', () => {
    expect(
      E(
        'Subjects with known active hepatitis B virus or untreated hepatitis C virus, and, patients with previous history of hepatitis C who completed treatment for HCV are not excluded as long as they have no detectable viral load.',
      ),
    ).toEqual({
      condition: { any: [cond({ names: ['hbv'], active: true }), cond({ names: ['hcv'], active: true })] },
      unread: '',
    });
  });

  it('keeps a permission whose first clause names its own patients a permission', () => {
    const r = E(
      'Active uncontrolled infection: individuals with a history of hepatitis C who have successfully completed antiviral therapy with an undetectable viral load, and those with hepatitis B who have, per standard practice, hepatitis well-controlled on medication (e.g., AST and ALT < 5 x ULN) can be included',
    );
    expect(JSON.stringify(r.condition)).not.toContain('"fact":"condition"');
  });
});

describe('inclusions stating the condition the study enrols', () => {
  it('reads a bare condition, alone or under a lead-in naming it or a broader one', () => {
    expect(I('Diagnosis of pre-existing autoimmune disease')).toEqual({
      condition: cond({ names: ['autoimmune_disease'] }),
      unread: '',
    });
    expect(I('Rheumatoid arthritis', ['Diagnosis of pre-existing autoimmune disease'])).toEqual({
      condition: cond({ names: ['rheumatoid_arthritis'] }),
      unread: '',
    });
    expect(I('Diagnosis of rheumatoid arthritis by a rheumatologist', ['Rheumatoid arthritis'])).toEqual({
      condition: cond({ names: ['rheumatoid_arthritis'] }),
      unread: 'rheumatologist',
    });
  });

  it('reads no requirement from items under a lead-in that makes them exceptions or test triggers', () => {
    expect(
      I('Type 1 diabetes mellitus', [
        'Participants must not have active autoimmune disease requiring systemic steroids (equivalent of > 10 mg)',
      ]).condition,
    ).toBeNull();
    expect(
      I('Known history of HBV infection', ['Hepatitis B screening tests are not required unless:']).condition,
    ).toBeNull();
    expect(I('History of seizure', ['Age >= 18years']).condition).toBeNull();
  });

  it('still reads nothing from an inclusion that says more than the condition', () => {
    expect(
      I(
        'Obstructive jaundice with hilar involvement (type 2 non communicating block and higher blocks as per Bismuth-Corlette classification)',
      ).condition,
    ).toBeNull();
  });
});

describe('other malignancies named as a malignant disease other than the one studied', () => {
  it.each([
    'Presence of a malignant disease other than the one being treated in this study',
    'Participants with a history of a malignant disease other than those being treated in this study',
  ])('reads "%s" as any other cancer', (text) => {
    expect(E(text)).toEqual({ condition: malignancy({}), unread: '' });
  });

  it('reads a co-existing active malignancy as an active other cancer', () => {
    expect(E('Active co existing malignancy.')).toEqual({ condition: malignancy({ active: true }), unread: '' });
  });

  it('carries the exemption list across semicolons after "include the following:"', () => {
    const r = E(
      'Malignant disease other than that being treated in this study. Exceptions to this exclusion include the following: malignancies that were treated curatively and have not recurred within 2 years prior to study treatment; completely resected basal cell and squamous cell skin cancers; any malignancy considered to be indolent and that has never required therapy; and completely resected carcinoma in situ of any type.',
    );
    expect(r.condition).toEqual({
      all: [
        malignancy({
          withinYears: 2,
          excluding: ['AIS', 'BCC', 'CAIS', 'CEAIS', 'CSCC', 'DCIS', 'ISFN', 'ISMCL', 'LAIS', 'LCIS'],
        }),
        unparsed('any malignancy considered to be indolent and that has never required therapy'),
      ],
    });
  });

  it('leaves "another major cancer" unread: "major" is a qualifier no fact holds', () => {
    expect(E('Has another major cancer.').condition).toBeNull();
  });
});

describe('Child-Pugh classes', () => {
  it('keeps the class beside the chronic liver disease it grades, which is necessary for it', () => {
    expect(E('Child-Pugh class C')).toEqual({
      condition: { all: [cond({ names: ['liver_disease'] }), unparsed('Child-Pugh class C')] },
      unread: '',
    });
    expect(E('Child-Pugh class B or C cirrhosis,').condition).toEqual({
      all: [cond({ names: ['cirrhosis'] }), unparsed('Child-Pugh class B or C')],
    });
    expect(E('Participant with severe liver impairment (Child Pugh score B/C)')).toEqual({
      condition: { all: [cond({ names: ['liver_disease'], active: true }), unparsed('Child Pugh score B/C')] },
      unread: '',
    });
    expect(
      E('Hepatic encephalopathy, hepatorenal syndrome, or decompensated cirrhosis (Child-Pugh Class B or C).')
        .condition,
    ).toEqual({
      any: [
        cond({ names: ['hepatic_encephalopathy'] }),
        { all: [cond({ names: ['cirrhosis'], active: true }), unparsed('Child-Pugh Class B or C')] },
      ],
    });
  });
});

describe('immunodeficiency of either origin', () => {
  // "Primary or acquired" names both origins: any immunodeficiency, with nothing left unread.
  it('reads "primary or acquired immunodeficiency" as immunodeficiency', () => {
    expect(E('Participant has any form of primary or acquired immunodeficiency.')).toEqual({
      condition: cond({ names: ['immunodeficiency'] }),
      unread: '',
    });
    expect(E('Primary or acquired immunodeficient states.')).toEqual({ condition: cond({ names: ['immunodeficiency'] }), unread: '' });
    expect(E('Any form of active primary or secondary immunodeficiency.')).toEqual({
      condition: cond({ names: ['immunodeficiency'], active: true }),
      unread: '',
    });
  });
});
