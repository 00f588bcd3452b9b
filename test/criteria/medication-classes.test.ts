/**
 * Concomitant and supportive medication classes (scripts/lexicons/curated/drugs-medications.json →
 * rules/drugs.json): interaction classes from the FDA table, ATC classes, CredibleMeds QT drugs. They
 * are kind 'supportive', so the evaluator reads a query naming only them as unknown, not false, when
 * the record does not list the medicine: a treatment history is not a medication list.
 */
import { leavesOf, type Condition, type LeafCondition } from '../../src/criteria/facts';
import { classPhrases, expandPattern, lexicons } from '../../src/criteria/lexicon';
import { readCriterion } from '../../src/criteria/parse';
import { importPatientBundle } from '../../src/fhir/patient-record';
import { normalise, phraseKey } from '../../src/criteria/text';
import { evaluateCondition, type Tri } from '../../src/match/compile';
import { factTable } from '../../src/match/fact-values';
import { normalisePatient } from '../../src/patients/normalise';
import { patientRecordSchema, type PatientRecord } from '../../src/patients/record';
import { classesOf, drugsOf } from '../support/criteria';

const lex = lexicons();

/** The medication classes this file is about: every class whose source says so. */
const MEDICATION_CLASSES = [
  'cyp3a_inhibitor',
  'strong_cyp3a_inhibitor',
  'moderate_cyp3a_inhibitor',
  'cyp3a_inducer',
  'strong_cyp3a_inducer',
  'moderate_cyp3a_inducer',
  'pgp_inhibitor',
  'pgp_inducer',
  'qt_prolonging_drug',
  'antithrombotic',
  'anticoagulant',
  'vitamin_k_antagonist',
  'heparin_group',
  'lmwh',
  'doac',
  'factor_xa_inhibitor',
  'direct_thrombin_inhibitor',
  'antiplatelet',
  'thrombolytic',
  'nsaid',
  'cox2_inhibitor',
  'antibacterial',
  'aminoglycoside',
  'fluoroquinolone',
  'macrolide',
  'antidiabetic',
  'insulin',
  'sulfonylurea',
  'thiazolidinedione',
  'dpp4_inhibitor',
  'sglt2_inhibitor',
  'glp1_agonist',
  'acid_reducing_agent',
  'ppi',
  'h2_antagonist',
  'statin',
  'antiepileptic',
  'eiaed',
  'estrogen_therapy',
  'herbal_product',
  'antitumor_tcm',
  'esa',
  'calcineurin_inhibitor',
  'interleukin_inhibitor',
  'p_selectin_inhibitor',
];

describe('medication classes in the drug lexicon', () => {
  it('are all of kind supportive and name their source', () => {
    for (const id of MEDICATION_CLASSES) {
      const c = lex.classById.get(id);
      expect(c?.kind).toBe('supportive');
      expect(c?.source).toMatch(/FDA|WHO ATC|CredibleMeds|NCCIH|NCI|NMPA/);
    }
  });

  it('read the strength and the direction of CYP3A interaction phrases, shared modifiers included', () => {
    expect(classesOf('strong CYP3A4 inhibitors')).toEqual(['strong_cyp3a_inhibitor']);
    expect(classesOf('potent inhibitors of CYP3A4')).toEqual(['strong_cyp3a_inhibitor']);
    expect(classesOf('moderate CYP3A inducers')).toEqual(['moderate_cyp3a_inducer']);
    expect(classesOf('strong or moderate CYP3A4 inhibitors')).toEqual(['moderate_cyp3a_inhibitor', 'strong_cyp3a_inhibitor']);
    expect(classesOf('strong CYP3A4 inhibitors or inducers')).toEqual(['strong_cyp3a_inducer', 'strong_cyp3a_inhibitor']);
    expect(classesOf('strong inhibitors or inducers of cytochrome P450 3A')).toEqual(['strong_cyp3a_inducer', 'strong_cyp3a_inhibitor']);
    expect(classesOf('moderate / strong CYP3A4 inhibitors/inducers')).toEqual([
      'moderate_cyp3a_inducer',
      'moderate_cyp3a_inhibitor',
      'strong_cyp3a_inducer',
      'strong_cyp3a_inhibitor',
    ]);
    expect(classesOf('CYP3A4 strong inducer')).toEqual(['strong_cyp3a_inducer']);
    expect(classesOf('CYP3A4 inhibitors')).toEqual(['cyp3a_inhibitor']);
    // Other enzymes of the FDA table; where it lists no inducer of a strength, the phrase names the inhibitors.
    expect(classesOf('strong inhibitors or inducers of CYP2C8')).toEqual(['strong_cyp2c8_inhibitor']);
    expect(classesOf('strong CYP450 subtype 2D6 (CYP2D6) inhibitors')).toEqual(['strong_cyp2d6_inhibitor']);
    // Gemfibrozil is also an OATP1B1/1B3 inhibitor in the table's transporter section.
    expect(lex.drugById.get('gemfibrozil')?.classes).toEqual(['oatp1b_inhibitor', 'strong_cyp2c8_inhibitor']);
    // A substrate is not an inhibitor or an inducer: the phrase names the substrate class only.
    expect(classesOf('sensitive CYP3A4 substrates')).toEqual(['sensitive_cyp3a_substrate']);
  });

  it('place drugs in the FDA strength they are listed with, and keep cancer drugs in their own classes too', () => {
    expect(lex.drugById.get('ketoconazole')?.classes).toEqual(['strong_cyp3a_inhibitor']);
    expect(lex.drugById.get('fluconazole')?.classes).toContain('moderate_cyp3a_inhibitor');
    expect(lex.drugById.get('rifampicin')?.classes).toEqual(expect.arrayContaining(['strong_cyp3a_inducer', 'pgp_inducer', 'antibacterial']));
    expect(lex.drugById.get('phenobarbital')?.classes).toEqual(expect.arrayContaining(['moderate_cyp3a_inducer', 'eiaed']));
    expect(lex.drugById.get('enzalutamide')?.classes).toEqual(expect.arrayContaining(['antiandrogen', 'strong_cyp3a_inducer']));
    expect(drugsOf('St. John\u2019s Wort')).toEqual(['st_john_s_wort']);
    expect(drugsOf('rifampin')).toEqual(['rifampicin']);
  });

  it('read antithrombotic, NSAID, antibiotic, antidiabetic, acid-suppression, statin, antiepileptic and QT phrases', () => {
    expect(classesOf('warfarin or other coumarin derivatives')).toEqual(['vitamin_k_antagonist']);
    expect(drugsOf('Coumadin')).toEqual(['warfarin']);
    expect(classesOf('low molecular weight heparin (LMWH)')).toEqual(['lmwh']);
    expect(classesOf('direct oral anticoagulants (DOACs)')).toEqual(['doac']);
    expect(classesOf('antiplatelet agents')).toEqual(['antiplatelet']);
    expect(classesOf('nonsteroidal anti-inflammatory drugs (NSAIDs)')).toEqual(['nsaid']);
    expect(classesOf('systemic broad-spectrum antibiotics')).toEqual(['antibacterial']);
    expect(classesOf('enzyme-inducing anti-epileptic drugs')).toEqual(['eiaed']);
    expect(classesOf('proton pump inhibitors (PPIs)')).toEqual(['ppi']);
    expect(classesOf('HMG-CoA reductase inhibitors')).toEqual(['statin']);
    expect(classesOf('drugs that are known to prolong the QT interval')).toEqual(['qt_prolonging_drug']);
    expect(classesOf('drugs with a known risk of torsades de pointes')).toEqual(['qt_prolonging_drug']);
    expect(classesOf('herbal supplements')).toEqual(['herbal_product']);
    expect(classesOf('DPP-4 inhibitor')).toEqual(['dpp4_inhibitor']);
  });

  it('does not read ambiguous words as a medication class', () => {
    // Hormone replacement is thyroid or adrenal replacement as often as menopausal estrogen.
    expect(classesOf('hypothyroidism only requiring hormone replacement therapy')).toEqual([]);
    expect(classesOf('menopausal hormone replacement therapy')).toEqual(['estrogen_therapy']);
    // Aspirin is an antiplatelet agent (ATC B01AC06), not an M01A NSAID.
    expect(lex.drugById.get('aspirin')?.classes).toEqual(['antiplatelet']);
    // "Antitumor antibiotic" stays chemotherapy.
    expect(classesOf('antitumor antibiotics')).toEqual(['antitumor_antibiotic']);
  });

  it('gives every drug phrase one drug: the index never merges two drugs', () => {
    const owners = new Map<string, Set<string>>();
    for (const d of lex.drugs.drugs) {
      for (const s of [d.name, ...d.synonyms]) {
        const k = phraseKey(s);
        const o = owners.get(k) ?? new Set<string>();
        o.add(d.id);
        owners.set(k, o);
      }
    }
    const shared = [...owners].filter(([, o]) => o.size > 1).map(([k, o]) => `${k}: ${[...o].join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('expands class patterns from their macros and refuses an unknown macro', () => {
    expect(expandPattern('{S} {E} inhibitors', { S: ['strong', 'potent'], E: ['CYP3A4'] })).toEqual(['strong CYP3A4 inhibitors', 'potent CYP3A4 inhibitors']);
    expect(() => expandPattern('{NOPE} inhibitors', {})).toThrow(/unknown macro NOPE/);
    const strong = lex.classById.get('strong_cyp3a_inhibitor')!;
    expect(classPhrases(strong, lex.drugs.macros).length).toBeGreaterThan(100);
  });

  it('carries RxNorm ingredient codes where the cited table lists them', () => {
    expect(lex.drugById.get('warfarin')?.rxnorm).toEqual(['11289']);
    expect(lex.drugById.get('metformin')?.rxnorm).toEqual(['6809']);
    expect(lex.drugById.get('omeprazole')?.rxnorm).toEqual(['7646']);
  });
});

describe('evaluating medication queries', () => {
  const facts = factTable(lex);
  const AS_OF = '2025-06-01';
  const judge = (record: PatientRecord, leaf: LeafCondition): Tri =>
    evaluateCondition(leaf, facts, normalisePatient(patientRecordSchema.parse(record), lex, AS_OF));
  const t = (treatments: PatientRecord['treatments']): PatientRecord => ({ treatments });
  const leaf = (params: Record<string, unknown>, value = true): LeafCondition => ({ fact: 'priorTherapy', operator: 'equal', value, params });

  it('is unknown, not false, when the record does not list the medicine', () => {
    const chemoOnly = t([{ name: 'carboplatin', start: '2025-01-01' }]);
    for (const q of [
      leaf({ classes: ['strong_cyp3a_inhibitor', 'strong_cyp3a_inducer'], withinDays: 14 }),
      leaf({ classes: ['vitamin_k_antagonist'], withinDays: 1 }),
      leaf({ classes: ['antibacterial'], withinDays: 14 }),
      leaf({ classes: ['qt_prolonging_drug'], withinDays: 1 }),
      leaf({ drugs: ['warfarin'] }),
      leaf({ classes: ['ppi'] }, false),
    ]) {
      expect(judge(chemoOnly, q)).toBeNull();
      expect(judge(t([]), q)).toBeNull();
    }
  });

  it('decides when the record lists the medicine, by class and by date', () => {
    const inhibitors = leaf({ classes: ['strong_cyp3a_inhibitor'], withinDays: 14 });
    expect(judge(t([{ name: 'clarithromycin', outcome: 'ongoing' }]), inhibitors)).toBe(true);
    expect(judge(t([{ name: 'Biaxin', start: '2025-05-25', end: '2025-05-30' }]), inhibitors)).toBe(true);
    // A moderate inhibitor is not a strong one; the list may still hide a strong one: unknown.
    expect(judge(t([{ name: 'fluconazole', outcome: 'ongoing' }]), inhibitors)).toBeNull();
    expect(judge(t([{ name: 'warfarin sodium 5 MG Oral Tablet', outcome: 'ongoing' }]), leaf({ classes: ['anticoagulant'], withinDays: 1 }))).toBe(true);
    expect(judge(t([{ name: 'enoxaparin', outcome: 'ongoing' }]), leaf({ classes: ['lmwh'], withinDays: 1 }))).toBe(true);
  });

  it('never counts a concomitant medicine as anticancer therapy or as a line', () => {
    const meds = t([
      { name: 'amoxicillin', start: '2025-03-01' },
      { name: 'metformin', outcome: 'ongoing' },
      { name: 'omeprazole', outcome: 'ongoing' },
    ]);
    expect(judge(meds, leaf({ kinds: ['systemic'] }))).toBe(false);
    expect(judge(meds, { fact: 'priorLines', operator: 'greaterThanInclusive', value: 1, params: {} })).toBe(false);
    // A cancer drug that is also an interaction class member stays anticancer therapy.
    expect(judge(t([{ name: 'enzalutamide', outcome: 'ongoing' }]), leaf({ kinds: ['systemic'] }))).toBe(true);
    expect(judge(t([{ name: 'enzalutamide', outcome: 'ongoing' }]), leaf({ classes: ['strong_cyp3a_inducer'], withinDays: 14 }))).toBe(true);
  });
});

describe('reading corpus criteria that name medication classes', () => {
  /** The rule as the criterion list shows it: a lone finding sits in an all(). */
  const read = (text: string, kind: 'inclusion' | 'exclusion'): Condition | null => {
    const c = readCriterion(normalise(text).text, kind, []).condition;
    return c && !('all' in c) && !('any' in c) ? { all: [c] } : c;
  };
  const therapy = (params: Record<string, unknown>, value = true): Condition => ({ fact: 'priorTherapy', operator: 'equal', value, params });
  const therapyParams = (c: Condition | null): Array<Record<string, unknown>> =>
    c ? leavesOf(c).filter((l) => l.fact === 'priorTherapy').map((l) => (l as LeafCondition).params as Record<string, unknown>) : [];

  it('reads interaction classes with their strength, direction and window', () => {
    expect(read('Received strong cytochrome P450 3A (CYP3A) inhibitors ≤7 days prior to Day 1 dosing or strong CYP3A inducers ≤14 days prior to Day 1 dosing.', 'exclusion')).toEqual({
      any: [therapy({ classes: ['strong_cyp3a_inhibitor'], withinDays: 7 }), therapy({ classes: ['strong_cyp3a_inducer'], withinDays: 14 })],
    });
    expect(read('Patients taking strong inhibitors or inducers of CYP3A4', 'exclusion')).toEqual({
      all: [therapy({ classes: ['strong_cyp3a_inhibitor', 'strong_cyp3a_inducer'], withinDays: 1 })],
    });
  });

  it('reads QT, antibiotic, anticoagulant and antiepileptic exclusions', () => {
    expect(read('Concomitant use of drugs known to prolong QT/QTc interval.', 'exclusion')).toEqual({ all: [therapy({ classes: ['qt_prolonging_drug'], withinDays: 1 })] });
    expect(read('Participants who have received antibiotics within 14 days of enrollment.', 'exclusion')).toEqual({ all: [therapy({ classes: ['antibacterial'], withinDays: 14 })] });
    expect(read('Use of systemic anticoagulants (e.g., warfarin, LMWH, DOACs) within 14 days prior to first dose.', 'exclusion')).toEqual({
      any: [therapy({ drugs: ['warfarin'], withinDays: 14 }), therapy({ classes: ['anticoagulant', 'lmwh', 'doac'], withinDays: 14 })],
    });
    expect(read('Use of cytochrome P450 enzyme-inducing anti-epileptic drugs (such as phenytoin, carbamazepine, or phenobarbital) is not allowed.', 'exclusion')).toEqual({
      any: [therapy({ drugs: ['phenytoin', 'carbamazepine', 'phenobarbital'] }), therapy({ classes: ['eiaed'] })],
    });
  });

  it('reads the antineoplastic classes added with them', () => {
    expect(read('Previous treatment with a PKC inhibitor', 'exclusion')).toEqual({ all: [therapy({ classes: ['pkc_inhibitor'] })] });
    expect(read('Prior CDK2 inhibitor', 'exclusion')).toEqual({ all: [therapy({ classes: ['cdk2_inhibitor'] })] });
    expect(read('Patients who were previously treated with MEK, ERK or RAF inhibitor therapy', 'exclusion')).toEqual({
      all: [therapy({ classes: ['mek_inhibitor', 'erk_inhibitor', 'raf_inhibitor'] })],
    });
    // Cell cycle checkpoint kinases are not immune checkpoints.
    expect(classesOf('cell cycle checkpoint inhibitors')).toEqual(['cell_cycle_checkpoint_inhibitor']);
    expect(lex.classById.get('cell_cycle_checkpoint_inhibitor')?.kind).toBe('targeted');
  });

  it('reads herbal medicine with antitumor indications as that narrower class, not as any herbal product', () => {
    expect(read('A history of traditional Chinese medicine with antitumor indication within 2 weeks;', 'exclusion')).toEqual({
      all: [therapy({ classes: ['antitumor_tcm'], withinDays: 14 })],
    });
  });

  it('does not read insulin out of a replacement-therapy note', () => {
    const note =
      'NOTE: Replacement therapy (e.g., thyroxine, insulin, or physiologic corticosteroid replacement therapy for adrenal or pituitary insufficiency) is not considered systemic treatment. Patients with vitiligo, Graves disease, or psoriasis not requiring systemic treatment within the past 30 days are not excluded.';
    expect(therapyParams(read(note, 'exclusion')).filter((p) => JSON.stringify(p).includes('insulin'))).toEqual([]);
    expect(classesOf('insulin')).toEqual([]);
    expect(classesOf('insulin therapy')).toEqual(['insulin']);
  });
});

describe('FHIR medication resources naming concomitant medicines', () => {
  const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
  const bundle = (...meds: Array<Record<string, unknown>>): unknown => ({
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: 'urn:uuid:p1', resource: { resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1960-01-01' } },
      ...meds.map((m, i) => ({ fullUrl: `urn:uuid:m${i}`, resource: { id: `m${i}`, subject: { reference: 'urn:uuid:p1' }, ...m } })),
    ],
  });
  const warfarinCode = { coding: [{ system: RX, code: '11289', display: 'warfarin' }] };

  it('reads a statement of current use through its RxNorm code, as a supportive medicine', () => {
    const r = importPatientBundle(bundle({ resourceType: 'MedicationStatement', status: 'active', medicationCodeableConcept: warfarinCode, effectiveDateTime: '2025-01-10' }));
    expect(r.record.treatments?.map((t) => t.name)).toEqual(['warfarin']);
    const p = normalisePatient(patientRecordSchema.parse(r.record), lex, '2025-06-01');
    expect([...p.treatments![0]!.kinds]).toEqual(['supportive']);
  });

  it('does not read finished or merely ordered concomitant medicines, nor count them as cancer treatment', () => {
    const r = importPatientBundle(
      bundle(
        { resourceType: 'MedicationStatement', status: 'completed', medicationCodeableConcept: { text: 'Amoxicillin 500 MG Oral Capsule' }, effectiveDateTime: '1998-05-27' },
        { resourceType: 'MedicationRequest', status: 'active', intent: 'order', medicationCodeableConcept: { text: 'Ibuprofen 100 MG Oral Tablet' }, authoredOn: '2000-12-06' },
      ),
    );
    expect(r.record.treatments ?? []).toEqual([]);
    expect(r.warnings.filter((w) => w.code === 'medication_not_cancer_related')).toHaveLength(2);
  });
});
