/**
 * mCODE Cancer Disease Status and Tumor Size observations → the record's cancer `status` and
 * `tumorSizeCm`, on variants of a recorded bundle (the ancora eom_patient_1 bundle carries a disease
 * status focused on its cancer; the variants change only its answer, or add a tumour size).
 */
import { importPatientBundle } from '../../src/fhir/patient-record';
import { loadBundle, type FhirBundleJson } from './bundles';

const EOM = 'mcode-ctms/eom_patient_1.json';
type Res = FhirBundleJson['entry'][number]['resource'];

function withStatus(code: string, display: string): FhirBundleJson {
  const b = loadBundle(EOM);
  const status = b.entry.find((e) => e.resource.id === 'cancerDiseaseStatusId-1')!.resource as Res & {
    valueCodeableConcept: { coding: Array<{ system: string; code: string; display: string }> };
  };
  status.valueCodeableConcept = { coding: [{ system: 'http://snomed.info/sct', code, display }] };
  return b;
}

function withTumorSize(value: number, unit: string): FhirBundleJson {
  const b = loadBundle(EOM);
  const size = {
    resourceType: 'Observation',
    id: 'tumor-size-1',
    meta: { profile: ['http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tumor-size'] },
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '21889-1', display: 'Size Tumor' }] },
    effectiveDateTime: '2024-01-02',
    component: [
      {
        code: { coding: [{ system: 'http://loinc.org', code: '33728-7', display: 'Size.maximum dimension in Tumor' }] },
        valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
      },
    ],
  } as unknown as Res;
  return { ...b, entry: [...b.entry, { resource: size }] };
}

describe('cancer disease status', () => {
  it.each([
    ['271299001', "Patient's condition worsened (finding)", 'progressing'],
    ['359746009', "Patient's condition stable (finding)", 'stable'],
    ['550991000124107', 'Malignant neoplasm in full remission (disorder)', 'no evidence of disease'],
    ['551001000124108', 'Malignant neoplasm in partial remission (disorder)', 'responding'],
  ])('reads %s (%s) as %s', (code, display, expected) => {
    const r = importPatientBundle(withStatus(code, display));
    expect(r.record.cancers![0]!.status).toBe(expected);
  });

  it('leaves an undetermined status out of the record and says so', () => {
    const r = importPatientBundle(withStatus('709137006', 'Patient condition undetermined (finding)'));
    expect(r.record.cancers![0]!.status).toBeUndefined();
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'value_not_read', references: ['Observation/cancerDiseaseStatusId-1'] }),
    );
  });
});

describe('tumour size', () => {
  it('reads the longest dimension in cm, converting mm', () => {
    expect(importPatientBundle(withTumorSize(42, 'mm')).record.cancers![0]!.tumorSizeCm).toBe(4.2);
    const r = importPatientBundle(withTumorSize(3.5, 'cm'));
    expect(r.record.cancers![0]!.tumorSizeCm).toBe(3.5);
    expect(r.provenance['/cancers/0/tumorSizeCm']).toBe('Observation/tumor-size-1');
  });

  it('leaves a size in another unit out and says so', () => {
    const r = importPatientBundle(withTumorSize(2, 'in'));
    expect(r.record.cancers![0]!.tumorSizeCm).toBeUndefined();
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'value_not_read', references: ['Observation/tumor-size-1'] }),
    );
  });
});
