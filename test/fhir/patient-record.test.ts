/**
 * FHIR Bundle → PatientRecord on the recorded bundles of fixtures/fhir. The expected values were read
 * by hand from each bundle (resource ids, codes, dates); the comments name the entries they come from.
 */
import { lexicons } from '../../src/criteria/lexicon';
import { importPatientBundle } from '../../src/fhir/patient-record';
import { normalisePatient } from '../../src/patients/normalise';
import { patientRecordSchema } from '../../src/patients/record';
import { bundleFiles, loadBundle, referencesIn, SYNTHEA } from './bundles';

const lex = lexicons();
const read = (file: string) => importPatientBundle(loadBundle(file));
const codesOf = (record: ReturnType<typeof read>['record']) =>
  normalisePatient(record, lex, '2025-01-01').cancers?.map((c) => c.codes);
const warningCodes = (r: ReturnType<typeof read>) => r.warnings.map((w) => w.code);

describe('MITRE mCODE test patients (clinical-trial-matching-app, STU1 profiles)', () => {
  it('reads TrialMatching_Patient01: IDC of the breast stage IV with liver and bone metastases, markers, variants, drugs, ECOG 1', () => {
    const r = read('mcode-ctm-app/TrialMatching_Patient01.json');
    expect(r.record).toMatchObject({ birthDate: '1959-01-01', sex: 'female', ecog: 1 });
    const cancer = r.record.cancers![0]!;
    expect(r.record.cancers).toHaveLength(1);
    expect(cancer.type).toEqual({
      system: 'http://snomed.info/sct',
      code: '408643008',
      display: 'Infiltrating duct carcinoma of breast (disorder)',
    });
    expect(codesOf(r.record)).toEqual([['IDC']]);
    expect(cancer.primarySite).toMatchObject({ code: '76752008' });
    expect(cancer.stage).toBe('IV');
    // Secondary conditions 02 (liver) and 03 (bone); the axillary lymph nodes (94181007) may be regional.
    expect(cancer.metastatic).toBe(true);
    expect(cancer.metastaticSites).toEqual(['liver', 'bone']);
    expect(r.warnings.find((w) => w.code === 'regional_lymph_nodes')?.references).toEqual([
      'Condition/mCODETrialMatchingSecondaryCancerConditionPatientExample01',
    ]);
    expect(r.record.biomarkers).toEqual([
      { name: 'estrogen receptor', status: 'positive', method: 'IHC' },
      { name: 'progesterone receptor', status: 'positive', method: 'IHC' },
      { name: 'HER2', status: 'negative', method: 'IHC' },
      { name: 'microsatellite instability', status: 'positive', method: 'IHC' },
      // HGNC:3467 and HGNC:8975 with interpretation "Point mutation (finding)".
      { name: 'ESR1', alteration: 'mutation', status: 'detected', method: 'molecular' },
      { name: 'PIK3CA', alteration: 'mutation', status: 'detected', method: 'molecular' },
    ]);
    // Fulvestrant was completed 2019-04-01, then given again from 2019-06-01 and still active.
    expect(r.record.treatments?.map((t) => [t.name, t.start, t.end ?? t.outcome])).toEqual([
      ['leuprolide', '2019-04-01', '2019-04-01'],
      ['fulvestrant', '2019-04-01', 'ongoing'],
      ['abemaciclib', '2019-04-01', 'ongoing'],
      ['ribociclib', '2019-06-01', 'ongoing'],
    ]);
    expect(r.provenance).toMatchObject({
      '/birthDate': 'Patient/mCODETrialMatchingPatientExample01',
      '/cancers/0': 'Condition/mCODETrialMatchingPrimaryCancerConditionExample01',
      '/cancers/0/stage': 'Observation/mCODETrialMatchingTNMClinicalStageGroupExample01',
      '/cancers/0/metastaticSites/0': 'Condition/mCODETrialMatchingSecondaryCancerCondition02PatientExample01',
      '/cancers/0/metastaticSites/1': 'Condition/mCODETrialMatchingSecondaryCancerCondition03PatientExample01',
      '/biomarkers/4': 'Observation/mCODETrialMatchingCancerGeneticVariantPatientExample01',
      '/treatments/1/start': 'MedicationStatement/mCODETrialMatchingCancerMedicationStatement02PatientExample01',
      '/treatments/1/outcome': 'MedicationStatement/mCODETrialMatchingCancerMedicationStatement04PatientExample01',
      '/ecog': 'Observation/mCODETrialMatchingECOGPerformanceStatusPatientExample01',
    });
  });

  it('reads TrialMatching_Patient02: amplifications, TMB low, surgery, radiotherapy courses and 11 drugs', () => {
    const r = read('mcode-ctm-app/TrialMatching_Patient02.json');
    expect(r.record).toMatchObject({ birthDate: '1973-01-01', sex: 'female', ecog: 1 });
    expect(r.record.cancers![0]).toMatchObject({ stage: 'IV', metastatic: true, metastaticSites: ['bone'] });
    expect(r.record.biomarkers?.slice(4)).toEqual([
      { name: 'CCND1', alteration: 'amplification', status: 'detected', method: 'molecular' },
      { name: 'FGFR1', alteration: 'amplification', status: 'detected', method: 'molecular' },
      { name: 'MDM2', alteration: 'amplification', status: 'detected', method: 'molecular' },
      { name: 'tumor mutational burden', status: 'low' },
    ]);
    const kinds = r.record.treatments!.map((t) => [t.name, t.kind, t.start]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['Lumpectomy of breast', 'surgery', '2019-03-01'],
        ['Boost radiation therapy', 'radiation', '2019-04-01'],
        ['zoledronic acid', undefined, '2019-06-01'],
        ['alpelisib', undefined, '2020-02-01'],
      ]),
    );
    // Radiotherapy 53438000 on 2019-04-01, 05-01 and 11-01: six months apart is a second course.
    const rt = r.record.treatments!.filter((t) => t.name === 'Radiation therapy procedure or service');
    expect(rt.map((t) => [t.start, t.end])).toEqual([
      ['2019-04-01', '2019-05-01'],
      ['2019-11-01', '2019-11-01'],
    ]);
    expect(r.record.treatments!.find((t) => t.name === 'alpelisib')?.outcome).toBe('ongoing');
  });
});

describe('MITRE service test bundles (clinical-trial-matching-service and its wrappers)', () => {
  it('reads patient_data.json: stage IIIA, ER 10 %, STK11 from a genomic HGVS, ECOG 3 and Karnofsky 90, surgery and radiotherapy', () => {
    const r = read('mcode-ctms/patient_data.json');
    expect(r.record).toMatchObject({ birthDate: '1966-08-03', sex: 'female', ecog: 3, karnofsky: 90 });
    expect(r.record.location).toEqual({
      postalCode: '01951',
      city: 'Newburyport',
      state: 'MA',
      country: 'US',
      lat: 42.83509951195604,
      lon: -70.92145161846443,
    });
    const cancer = r.record.cancers![0]!;
    expect(codesOf(r.record)).toEqual([['BREAST']]);
    expect(cancer).toMatchObject({
      stage: 'IIIA',
      metastatic: true,
      diagnosisDate: '2017-07-21',
      histology: { code: '367651003' },
    });
    // The pathological stage group (…b15x, 21902-2) and the clinical one agree; the pathological one wins the tie.
    expect(r.provenance['/cancers/0/stage']).toBe('Observation/479386ba-79c4-494f-b70f-4368694a4b15x');
    expect(r.record.biomarkers).toContainEqual({
      name: 'estrogen receptor',
      status: 'positive',
      value: 10,
      unit: '%',
      date: '2017-07-21',
    });
    expect(r.record.biomarkers).toContainEqual({
      name: 'STK11',
      alteration: 'NC_000019.8:g.1171707G>A',
      status: 'detected',
      method: 'molecular',
      origin: 'somatic',
      date: '2019-04-01',
    });
    expect(r.record.treatments?.map((t) => [t.name, t.kind, t.start, t.end])).toEqual([
      ['paclitaxel', undefined, '2017-07-28', '2017-09-08'],
      ['Sentinel lymph node biopsy', 'surgery', '2018-01-11', '2018-01-26'],
      ['Excision of sentinel lymph node', 'surgery', '2018-01-11', '2018-01-11'],
      ['Teleradiotherapy procedure', 'radiation', '2018-01-24', '2018-01-27'],
    ]);
    expect(r.provenance['/karnofsky']).toBe('Observation/mCODEKarnofskyPerformanceStatusExample');
    // The ECOG and Karnofsky observations name another patient as subject: read, and said so.
    expect(r.warnings.find((w) => w.code === 'unresolved_subject' && w.count === 2)?.references).toEqual([
      'Observation/mCODEKarnofskyPerformanceStatusExample',
      'Observation/mCODEECOGPerformanceStatusExample',
    ]);
    expect(warningCodes(r).filter((c) => c === 'duplicate_entry')).toHaveLength(5);
  });

  it('reads eom_patient_1.json: birth sex, cT3 cN3 cM0 from SNOMED displays, and the 2022 receptor results over the 2018 ones', () => {
    const r = read('mcode-ctms/eom_patient_1.json');
    expect(r.record).toMatchObject({ birthDate: '1987-01-01', sex: 'female', ecog: 3 });
    expect(r.record.cancers![0]).toMatchObject({
      type: { code: '372137005' },
      stage: 'IV',
      tnm: { t: 'cT3', n: 'cN3', m: 'cM0' },
      metastaticSites: ['lung'],
      diagnosisDate: '2024-01-01',
    });
    expect(r.record.biomarkers).toEqual([
      { name: 'HER2', status: 'negative', method: 'IHC', date: '2022-01-02' },
      { name: 'estrogen receptor', status: 'negative', date: '2022-01-02' },
      { name: 'progesterone receptor', status: 'negative', method: 'IHC', date: '2022-01-02' },
    ]);
    expect(r.provenance['/biomarkers/1']).toBe('Observation/observation-id-3');
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'superseded_result', references: ['Observation/tumor-marker-test-er-jenny-m'] }),
    );
    // Cancer disease status (LOINC 97509-4) "Patient's condition improved" (268910001), focused on the cancer.
    expect(r.record.cancers![0]!.status).toBe('responding');
    expect(r.provenance['/cancers/0/status']).toBe('Observation/cancerDiseaseStatusId-1');
    expect(r.record.treatments?.map((t) => t.name)).toEqual(['abemaciclib', 'alpelisib']);
  });

  it('reads the ancora.ai bundle: colon cancer IIIA, ECOG 3, Karnofsky 60, a year-only birth date, and an id-less stage observation', () => {
    const r = read('mcode-ctms-ancora/patient_bundle.json');
    expect(r.record).toMatchObject({ birthDate: '1953', sex: 'female', ecog: 3, karnofsky: 60 });
    expect(codesOf(r.record)).toEqual([['COADREAD']]);
    expect(r.record.cancers![0]!.stage).toBe('IIIA');
    expect(r.provenance).toMatchObject({
      '/cancers/0/stage': 'Bundle.entry[5]',
      '/cancers/0': 'Bundle.entry[2]',
      '/sex': 'Patient/k6nTBe-AubJMWahAwEnvw',
    });
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'resource_not_read', references: ['Parameters/0'] }),
    );
  });

  it('reads the breastcancertrials.org bundle: versions of one Condition make one cancer, and the RxNorm code beats a wrong display', () => {
    const r = read('mcode-ctms-breastcancertrials/patient_data.json');
    expect(r.record.cancers).toHaveLength(1);
    expect(r.record.cancers![0]).toMatchObject({ type: { code: '254837009' }, stage: 'IIIA' });
    // Entry 5: RxNorm 1156253 (zoledronic acid) displayed as "Paclitaxel 100 MG Injection".
    expect(r.record.treatments?.map((t) => t.name)).toEqual(['paclitaxel', 'zoledronic acid', 'nab-paclitaxel']);
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'code_display_mismatch', references: ['Bundle.entry[5]'] }),
    );
    expect(r.record.biomarkers).toEqual([{ name: 'HER2', status: 'positive', value: 3, date: '2017-07-21' }]);
  });
});

describe('Synthea mCODE breast-cancer lifetimes', () => {
  it('reads Chiquita: stage IIA cT2 cN0 cM0, ER+ PR− HER2−, cyclophosphamide, a resolved AML as past cancer, CBC labs with units', () => {
    const r = read(SYNTHEA.chiquita);
    expect(r.record).toMatchObject({ birthDate: '2018-02-08', sex: 'female' });
    expect(r.record.location).toEqual({
      city: 'Concord',
      state: 'MA',
      country: 'US',
      lat: 42.430558761502425,
      lon: -71.34325623269436,
    });
    expect(r.record.cancers).toEqual([
      {
        type: {
          system: 'http://snomed.info/sct',
          code: '254837009',
          display: 'Malignant neoplasm of breast (disorder)',
        },
        stage: 'IIA',
        tnm: { t: 'cT2', n: 'cN0', m: 'cM0' },
        // mCODE Tumor Size (21889-1), longest dimension component 33728-7: 3.4888 cm.
        tumorSizeCm: 3.4888,
        diagnosisDate: '2022-04-02',
      },
    ]);
    expect(r.record.biomarkers?.map((b) => [b.name, b.status, b.method])).toEqual([
      ['HER2', 'negative', undefined],
      ['HER2', 'negative', 'FISH'],
      ['estrogen receptor', 'positive', undefined],
      ['progesterone receptor', 'negative', undefined],
    ]);
    // Chemotherapy (367336001) for the AML in 2019 and for the breast cancer in 2022 are two courses.
    expect(r.record.treatments?.map((t) => [t.name, t.kind, t.start, t.end])).toEqual([
      ['Chemotherapy', 'systemic', '2019-02-08', '2019-02-08'],
      ['Excision of breast tissue', 'surgery', '2022-04-12', '2022-04-12'],
      ['Chemotherapy', 'systemic', '2022-04-25', '2022-06-25'],
      ['cyclophosphamide', undefined, '2022-04-25', '2022-06-25'],
    ]);
    expect(r.record.conditions).toEqual([
      {
        name: 'Acute myeloid leukemia, disease',
        code: {
          system: 'http://snomed.info/sct',
          code: '91861009',
          display: 'Acute myeloid leukemia, disease (disorder)',
        },
        status: 'resolved',
        date: '2019-02-08',
      },
    ]);
    // Body weight, BMI and blood pressure (the components of its panel) are vital signs that criteria
    // limit ("Body weight ≥ 40 kg", "systolic blood pressure ≥ 160 mmHg"), read as labs.
    expect(r.record.labs?.map((l) => [l.code?.code, l.value, l.unit, l.date])).toEqual([
      ['29463-7', 16, 'kg', '2022-01-13'],
      ['8462-4', 68, 'mm[Hg]', '2022-01-13'],
      ['8480-6', 122, 'mm[Hg]', '2022-01-13'],
      ['6690-2', 6.3352, '10^3/uL', '2018-02-08'],
      ['718-7', 12.603, 'g/dL', '2018-02-08'],
      ['777-3', 367.36, '10^3/uL', '2018-02-08'],
      ['751-8', 439.51, '10^3/uL', '2019-02-08'],
      ['39156-5', 16.05, 'kg/m2', '2022-01-13'],
    ]);
    expect(r.provenance).toMatchObject({
      '/cancers/0': 'Condition/a4e7085b-1959-662e-f462-ecdd345c03da',
      '/cancers/0/stage': 'Observation/ffd171db-ed40-6dc1-eee3-3e683802c564',
      '/cancers/0/tnm/t': 'Observation/ae6110e3-a2d8-f236-bd87-69d7f7bc6eaf',
      '/treatments/3/start': 'MedicationRequest/5a212756-1411-6624-11a1-1268613b4c40',
      '/treatments/3/end': 'MedicationRequest/b3bd6dec-6c55-84c0-1c06-28d4f854ece6',
      '/conditions/0': 'Condition/11d7b463-f4ce-1c57-58bc-867491589462',
      '/labs/6': 'Observation/b96038e8-5002-7892-c521-21e9694bf0fe',
    });
    // Nothing is silently lost: the 24 encounters and the vital signs are accounted for.
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'resource_not_read', count: 24, message: expect.stringContaining('Encounter') }),
    );
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        code: 'observation_not_read',
        count: 13,
        message: expect.stringContaining('Body Height'),
      }),
    );
  });

  it('reads Katherine: stage IV cT4 cN1 cM1 (metastatic by M1), three paclitaxel orders as one course, no antibiotics as therapy', () => {
    const r = read(SYNTHEA.katherine);
    expect(r.record).toMatchObject({ birthDate: '1997-12-24', sex: 'female' });
    expect(r.record.cancers![0]).toMatchObject({
      stage: 'IV',
      tnm: { t: 'cT4', n: 'cN1', m: 'cM1' },
      diagnosisDate: '2000-10-18',
    });
    const p = normalisePatient(r.record, lex, '2025-06-01');
    expect(p.age?.value).toBe(27);
    expect(r.record.treatments?.map((t) => [t.name, t.start, t.end])).toEqual([
      ['Chemotherapy', '2000-10-28', '2000-12-10'],
      ['paclitaxel', '2000-10-28', '2000-12-10'],
    ]);
    expect(r.provenance['/treatments/1/end']).toBe('MedicationRequest/9f173fc7-9ae5-a1f9-017e-f2a76c35e8cd');
    expect(r.warnings.filter((w) => w.code === 'medication_not_cancer_related').map((w) => w.references![0])).toEqual([
      'MedicationRequest/d239b705-0ef7-24b0-4fed-a37c0a9c8176',
      'MedicationRequest/65d911f6-cfe8-448f-f79c-d3a33a04fc2e',
      'MedicationRequest/4c3988ff-13a6-c275-0cd4-6ca16a2e4073',
      'MedicationRequest/a73f4c41-80ba-93c3-4142-3b499720035c',
    ]);
    expect(warningCodes(r)).toContain('patient_deceased');
  });

  it('reads Yvonne: stage IIIA, ER+ PR+ and the combined ER+PR test (10480-2) as hormone receptor positive', () => {
    const r = read(SYNTHEA.yvonne);
    expect(r.record).toMatchObject({
      birthDate: '2014-09-17',
      sex: 'female',
      location: { postalCode: '01109', city: 'Springfield' },
    });
    expect(r.record.cancers![0]).toMatchObject({ stage: 'IIIA', tnm: { t: 'cT3', n: 'cN1', m: 'cM0' } });
    expect(r.record.biomarkers).toContainEqual({
      name: 'hormone receptor',
      status: 'positive',
      method: 'IHC',
      date: '2016-03-17',
    });
    expect(r.provenance['/biomarkers/4']).toBe('Observation/554a9eb1-ab90-57d4-4a5b-f97a28cc5b87');
    expect(r.record.treatments?.map((t) => t.name)).toEqual(['Chemotherapy', 'epirubicin']);
  });
});

describe('every recorded bundle', () => {
  it.each(bundleFiles())(
    '%s gives a valid record with age, sex, cancer type and provenance that cites its own entries',
    (file) => {
      const bundle = loadBundle(file);
      const r = importPatientBundle(bundle);
      expect(patientRecordSchema.safeParse(r.record).success).toBe(true);
      expect(r.record.birthDate).toMatch(/^\d{4}/);
      expect(r.record.sex).toBe('female');
      const p = normalisePatient(r.record, lex, '2025-06-01');
      expect(p.age?.value).toBeGreaterThanOrEqual(0);
      expect(p.cancers?.[0]?.codes.length).toBeGreaterThan(0);
      const refs = referencesIn(bundle);
      expect(Object.keys(r.provenance).length).toBeGreaterThan(2);
      for (const ref of Object.values(r.provenance)) expect(refs.has(ref)).toBe(true);
      for (const w of r.warnings)
        for (const ref of w.references ?? []) expect(refs.has(ref.replace(/ \(.*\)$/, ''))).toBe(true);
    },
  );
});
