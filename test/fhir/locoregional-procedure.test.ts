/**
 * A Procedure named as a locoregional treatment (chemoembolization, ablation, radioembolization) is
 * read as a treatment of kind 'locoregional', never as systemic therapy, on a variant of a recorded
 * bundle (the ancora eom_patient_1 bundle with one Procedure added).
 */
import { importPatientBundle } from '../../src/fhir/patient-record';
import { loadBundle, type FhirBundleJson } from './bundles';

const EOM = 'mcode-ctms/eom_patient_1.json';
type Res = FhirBundleJson['entry'][number]['resource'];

function withProcedure(text: string): FhirBundleJson {
  const b = loadBundle(EOM);
  const procedure = {
    resourceType: 'Procedure',
    id: 'locoregional-1',
    status: 'completed',
    subject: { reference: 'Patient/Ancora-13' },
    code: { text },
    performedDateTime: '2024-03-01',
  } as unknown as Res;
  return { ...b, entry: [...b.entry, { resource: procedure }] };
}

describe('locoregional procedures', () => {
  it.each(['Transarterial chemoembolization of liver lesion', 'Radiofrequency ablation of liver', 'Y-90 radioembolization'])(
    'reads "%s" as a locoregional treatment',
    (text) => {
      const t = importPatientBundle(withProcedure(text)).record.treatments?.find((x) => x.name === text);
      expect(t).toMatchObject({ kind: 'locoregional', start: '2024-03-01' });
    },
  );
});
