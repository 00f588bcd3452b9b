/**
 * The reader on variants of the recorded bundles: without mCODE profiles (plain US Core), with the
 * profile names of later mCODE versions, with resources the recordings lack (labs, pregnancy status,
 * medication administrations), and malformed. Each variant starts from a real bundle and changes
 * only what the test is about.
 */
import { AppError } from '../../src/errors';
import { lexicons } from '../../src/criteria/lexicon';
import { importPatientBundle } from '../../src/fhir/patient-record';
import { normalisePatient } from '../../src/patients/normalise';
import { loadBundle, SYNTHEA, type FhirBundleJson } from './bundles';

const lex = lexicons();
const P01 = 'mcode-ctm-app/TrialMatching_Patient01.json';

type Res = FhirBundleJson['entry'][number]['resource'];
const find = (b: FhirBundleJson, pred: (r: Res) => boolean): Res => b.entry.find((e) => pred(e.resource))!.resource;
const withEntries = (b: FhirBundleJson, ...resources: Res[]): FhirBundleJson => ({
  ...b,
  entry: [...b.entry, ...resources.map((resource) => ({ resource }))],
});

function importError(body: unknown): AppError {
  try {
    importPatientBundle(body, { at: '/body' });
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('mCODE profiles and plain US Core', () => {
  it('reads the same record from the resources alone when every mCODE profile is removed', () => {
    const profiled = importPatientBundle(loadBundle(P01));
    const bare = loadBundle(P01);
    for (const e of bare.entry) delete e.resource.meta;
    const plain = importPatientBundle(bare);
    expect(plain.record).toEqual(profiled.record);
    expect(plain.provenance).toEqual(profiled.provenance);
  });

  it('reads a Synthea lifetime the same without its profiles (staging, markers and drugs by LOINC, SNOMED and RxNorm)', () => {
    const profiled = importPatientBundle(loadBundle(SYNTHEA.chiquita));
    const bare = loadBundle(SYNTHEA.chiquita);
    for (const e of bare.entry) delete e.resource.meta;
    const plain = importPatientBundle(bare);
    expect(plain.record.cancers).toEqual(profiled.record.cancers);
    expect(plain.record.biomarkers).toEqual(profiled.record.biomarkers);
    expect(plain.record.treatments).toEqual(profiled.record.treatments);
  });

  it('reads STU2 and STU3 profile names, versioned canonical URLs included, as it reads STU1', () => {
    const stu1 = importPatientBundle(loadBundle(P01));
    const later = loadBundle(P01);
    const rename: Record<string, string> = {
      'mcode-tumor-marker': 'mcode-tumor-marker-test|3.0.0',
      'mcode-cancer-genetic-variant': 'mcode-genomic-variant|2.0.0',
      'mcode-tnm-clinical-stage-group': 'mcode-cancer-stage|3.0.0',
    };
    for (const e of later.entry) {
      const meta = e.resource.meta as { profile?: string[] } | undefined;
      if (meta?.profile) meta.profile = meta.profile.map((p) => p.replace(/mcode-[a-z-]+$/, (id) => rename[id] ?? id));
    }
    const r = importPatientBundle(later);
    expect(r.record).toEqual(stu1.record);
  });

  it('does not take "History of malignant neoplasm of breast" for a current breast cancer when no profile says so', () => {
    const b = loadBundle(SYNTHEA.katherine);
    const cancer = find(b, (r) => r.resourceType === 'Condition' && JSON.stringify(r.meta).includes('primary-cancer'));
    const history = structuredClone(cancer);
    history.id = 'history-of-breast-cancer';
    delete history.meta;
    history.code = {
      coding: [
        {
          system: 'http://snomed.info/sct',
          code: '429740004',
          display: 'History of malignant neoplasm of breast (situation)',
        },
      ],
    };
    const r = importPatientBundle(withEntries(b, history));
    expect(r.record.cancers).toHaveLength(1);
    expect(r.provenance['/cancers/0']).toBe(`Condition/${cancer.id}`);
  });

  it('leaves out an unconfirmed diagnosis and says so', () => {
    const b = loadBundle(SYNTHEA.katherine);
    const cancer = find(b, (r) => r.resourceType === 'Condition' && JSON.stringify(r.meta).includes('primary-cancer'));
    cancer.verificationStatus = {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'provisional' }],
    };
    const r = importPatientBundle(b);
    expect(r.record.cancers?.some((c) => (c.type as { code?: string } | undefined)?.code === '254837009')).toBeFalsy();
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'status_excluded', references: [`Condition/${cancer.id}`] }),
    );
  });
});

describe('resources the recordings lack', () => {
  /** A lab result shaped like Synthea's hemoglobin observation, with another LOINC code and value. */
  function lab(
    template: Res,
    id: string,
    loinc: string,
    value: number,
    unit: string,
    high?: number,
    low?: number,
  ): Res {
    const o = structuredClone(template);
    o.id = id;
    o.code = { coding: [{ system: 'http://loinc.org', code: loinc }] };
    o.valueQuantity = { value, unit, system: 'http://unitsofmeasure.org', code: unit };
    o.effectiveDateTime = '2022-06-30T09:00:00-04:00';
    const q = (v: number) => ({ value: v, unit, system: 'http://unitsofmeasure.org', code: unit });
    if (high !== undefined || low !== undefined)
      o.referenceRange = [
        { ...(low !== undefined ? { low: q(low) } : {}), ...(high !== undefined ? { high: q(high) } : {}) },
      ];
    return o;
  }

  it('reads ANC, platelets, hemoglobin, creatinine, total bilirubin, AST and ALT by LOINC with their units, latest result first', () => {
    const b = loadBundle(SYNTHEA.chiquita);
    const hb = find(b, (r) => r.resourceType === 'Observation' && JSON.stringify(r.code).includes('718-7'));
    const labs = [
      lab(hb, 'anc', '751-8', 1800, '/uL'),
      lab(hb, 'plt', '777-3', 95, '10*3/uL'),
      lab(hb, 'hb', '718-7', 105, 'g/L'),
      lab(hb, 'crea', '2160-0', 88.4, 'umol/L', 97),
      lab(hb, 'tbil', '1975-2', 1.1, 'mg/dL', 1.2),
      lab(hb, 'ast', '1920-8', 61, 'U/L', 40),
      lab(hb, 'alt', '1742-6', 35, 'U/L', 45, 0),
      lab(hb, 'alb', '1751-7', 3.1, 'g/dL', 5.0, 3.5),
    ];
    const r = importPatientBundle(withEntries(b, ...labs));
    const byCode = new Map(r.record.labs!.map((l) => [l.code!.code, l]));
    expect(byCode.get('751-8')).toMatchObject({ value: 1800, unit: '/uL', date: '2022-06-30' });
    expect(byCode.get('718-7')).toMatchObject({ value: 105, unit: 'g/L' });
    expect(byCode.get('2160-0')).toMatchObject({ value: 88.4, unit: 'umol/L', uln: 97 });
    expect(byCode.get('1920-8')).toMatchObject({ value: 61, unit: 'U/L', uln: 40 });
    // The range's low end is the lower limit of normal; a low of 0 is none.
    expect(byCode.get('1751-7')).toMatchObject({ value: 3.1, unit: 'g/dL', uln: 5, lln: 3.5 });
    expect(byCode.get('1742-6')).not.toHaveProperty('lln');
    expect(r.provenance[`/labs/${r.record.labs!.findIndex((l) => l.code?.code === '1742-6')}`]).toBe('Observation/alt');
    // The 2018 hemoglobin and platelets and the 2019 ANC are superseded by these.
    expect(r.warnings.filter((w) => w.code === 'superseded_result').flatMap((w) => w.references)).toEqual(
      expect.arrayContaining([
        'Observation/237997e8-1d6d-c183-d307-0c67ca7442d4',
        'Observation/b96038e8-5002-7892-c521-21e9694bf0fe',
      ]),
    );
    // The matcher sees them in its rule units.
    const p = normalisePatient(r.record, lex, '2022-07-01');
    expect(p.labs?.get('anc')?.value).toBeCloseTo(1.8);
    expect(p.labs?.get('hemoglobin')?.value).toBeCloseTo(10.5);
    expect(p.labs?.get('creatinine')?.value).toBeCloseTo(1.0, 1);
    expect(p.labs?.get('platelets')?.value).toBe(95);
  });

  it('reads pregnancy status (LOINC 82810-3), the latest answer counting', () => {
    const b = loadBundle(SYNTHEA.katherine);
    const hb = find(b, (r) => r.resourceType === 'Observation' && JSON.stringify(r.code).includes('718-7'));
    const status = (id: string, date: string, code: string): Res => ({
      ...structuredClone(hb),
      id,
      code: { coding: [{ system: 'http://loinc.org', code: '82810-3', display: 'Pregnancy status' }] },
      valueQuantity: undefined,
      valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code }] },
      effectiveDateTime: date,
    });
    const r = importPatientBundle(
      withEntries(b, status('p1', '2000-01-10', '77386006'), status('p2', '2000-09-01', '60001007')),
    );
    expect(r.record.pregnant).toBe(false);
    expect(r.provenance['/pregnant']).toBe('Observation/p2');
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'superseded_result', references: ['Observation/p1'] }),
    );
  });

  it('reads MedicationAdministration and a MedicationRequest that names its drug through a Medication resource', () => {
    const b = loadBundle(SYNTHEA.katherine);
    const request = find(
      b,
      (r) => r.resourceType === 'MedicationRequest' && JSON.stringify(r.meta).includes('cancer-related'),
    );
    const medication: Res = {
      resourceType: 'Medication',
      id: 'trastuzumab',
      code: {
        coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '224905', display: 'trastuzumab' }],
      },
    };
    const byReference = {
      ...structuredClone(request),
      id: 'by-reference',
      authoredOn: '2001-02-01',
      medicationCodeableConcept: undefined,
      medicationReference: { reference: 'Medication/trastuzumab' },
    };
    const administration: Res = {
      resourceType: 'MedicationAdministration',
      id: 'given',
      status: 'completed',
      subject: request.subject,
      medicationCodeableConcept: {
        coding: [
          {
            system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
            code: '1734919',
            display: 'Cyclophosphamide 1000 MG Injection',
          },
        ],
      },
      effectiveDateTime: '2001-03-05',
    };
    const r = importPatientBundle(withEntries(b, medication, byReference, administration));
    expect(r.record.treatments).toContainEqual(expect.objectContaining({ name: 'trastuzumab', start: '2001-02-01' }));
    expect(r.record.treatments).toContainEqual(
      expect.objectContaining({ name: 'cyclophosphamide', start: '2001-03-05', end: '2001-03-05' }),
    );
    expect(r.warnings.flatMap((w) => w.references ?? [])).not.toContain('Medication/trastuzumab');
  });
});

describe('genomic variants', () => {
  it('does not count a variant of benign or uncertain significance as a mutation', () => {
    const b = loadBundle(P01);
    const variant = find(b, (r) => r.id === 'mCODETrialMatchingCancerGeneticVariantPatientExample01');
    (variant.component as unknown[]).push({
      code: { coding: [{ system: 'http://loinc.org', code: '53037-8' }] },
      valueCodeableConcept: {
        coding: [{ system: 'http://loinc.org', code: 'LA26333-7', display: 'Uncertain significance' }],
      },
    });
    const r = importPatientBundle(b);
    expect(r.record.biomarkers?.map((m) => m.name)).not.toContain('ESR1');
    expect(r.record.biomarkers?.map((m) => m.name)).toContain('PIK3CA');
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        code: 'variant_not_pathogenic',
        references: ['Observation/mCODETrialMatchingCancerGeneticVariantPatientExample01'],
      }),
    );
  });
});

describe('bad input', () => {
  it('rejects a body that is not a Bundle with not_a_bundle and the path of resourceType', () => {
    const patient = find(loadBundle(P01), (r) => r.resourceType === 'Patient');
    expect(importError(patient)).toMatchObject({ code: 'not_a_bundle', status: 400, path: '/body/resourceType' });
    expect(importError([loadBundle(P01)])).toMatchObject({ code: 'not_a_bundle', path: '/body' });
  });

  it('rejects a history Bundle and a Bundle whose entries are no resources, pointing at the offending element', () => {
    expect(importError({ ...loadBundle(P01), type: 'history' })).toMatchObject({
      code: 'unsupported_bundle_type',
      path: '/body/type',
    });
    const b = loadBundle(P01);
    (b.entry[3] as { resource: unknown }).resource = 'Condition/123';
    expect(importError(b)).toMatchObject({ code: 'invalid_bundle', path: '/body/entry/3/resource' });
  });

  it('rejects two patients in one Bundle', () => {
    const a = loadBundle(P01);
    const other = find(loadBundle('mcode-ctm-app/TrialMatching_Patient02.json'), (r) => r.resourceType === 'Patient');
    expect(importError(withEntries(a, other))).toMatchObject({
      code: 'multiple_patients',
      path: `/body/entry/${a.entry.length}/resource`,
    });
  });

  it('accepts a Bundle without a Patient, with a no_patient warning', () => {
    const b = loadBundle(P01);
    b.entry = b.entry.filter((e) => e.resource.resourceType !== 'Patient');
    const r = importPatientBundle(b);
    expect(r.warnings[0]).toMatchObject({ code: 'no_patient' });
    expect(r.record.birthDate).toBeUndefined();
    expect(r.record.cancers![0]!.stage).toBe('IV');
  });

  it('skips a malformed resource with its bundle path and reads the rest', () => {
    const b = loadBundle(P01);
    const i = b.entry.findIndex((e) => e.resource.id === 'mCODETrialMatchingTumorMarker03PatientExample01');
    (b.entry[i]!.resource.code as { coding: unknown }).coding = 'HER2';
    const r = importPatientBundle(b, { at: '/body' });
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        code: 'invalid_resource',
        references: ['Observation/mCODETrialMatchingTumorMarker03PatientExample01'],
        bundlePath: `/body/entry/${i}/resource/code/coding`,
      }),
    );
    expect(r.record.biomarkers?.map((m) => m.name)).not.toContain('HER2');
    expect(r.record.biomarkers).toHaveLength(5);
  });
});
