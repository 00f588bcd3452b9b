/**
 * `ctmatch fhir <bundle.json>` in-process, for every recorded bundle (plain and gzip-compressed): it
 * prints {record, provenance, warnings} as JSON and opens no store.
 */
import path from 'node:path';
import { main } from '../../src/cli';
import { fhirCommand } from '../../src/commands/fhir';
import { lexicons } from '../../src/criteria/lexicon';
import { normalisePatient } from '../../src/patients/normalise';
import { patientRecordSchema } from '../../src/patients/record';
import { bundleFiles, FHIR_FIXTURES } from './bundles';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (into: string[]) => (chunk: string | Uint8Array) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const o = jest.spyOn(process.stdout, 'write').mockImplementation(capture(out));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation(capture(err));
  try {
    return { code: await main(args), out: out.join(''), err: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('ctmatch fhir', () => {
  it.each(bundleFiles())('prints record, provenance and warnings for %s', async (file) => {
    const { code, out } = await run(['fhir', path.join(FHIR_FIXTURES, file)]);
    expect(code).toBe(0);
    const printed = JSON.parse(out) as { record: unknown; provenance: Record<string, string>; warnings: unknown[] };
    expect(Object.keys(printed)).toEqual(['record', 'provenance', 'warnings']);
    const record = patientRecordSchema.parse(printed.record);
    expect(record.birthDate).toBeDefined();
    expect(record.sex).toBe('female');
    expect(record.cancers?.[0]?.type).toBeDefined();
    expect(printed.provenance['/cancers/0']).toMatch(/^(Condition\/|Bundle\.entry\[)/);
    expect(Array.isArray(printed.warnings)).toBe(true);
  });

  // Read by hand from each bundle: age on 2025-06-01, cancer (OncoTree via the lexicon), stage, ECOG,
  // tumour markers and variants (name:status), and the drugs given (procedures left out).
  const expected: Record<
    string,
    { age: number; cancer: string; stage?: string; ecog?: number; markers: string[]; drugs: string[] }
  > = {
    'mcode-ctm-app/TrialMatching_Patient01.json': {
      age: 66,
      cancer: 'IDC',
      stage: 'IV',
      ecog: 1,
      markers: [
        'estrogen receptor:positive',
        'progesterone receptor:positive',
        'HER2:negative',
        'microsatellite instability:positive',
        'ESR1:detected',
        'PIK3CA:detected',
      ],
      drugs: ['leuprolide', 'fulvestrant', 'abemaciclib', 'ribociclib'],
    },
    'mcode-ctm-app/TrialMatching_Patient02.json': {
      age: 52,
      cancer: 'IDC',
      stage: 'IV',
      ecog: 1,
      markers: [
        'estrogen receptor:positive',
        'progesterone receptor:positive',
        'HER2:negative',
        'microsatellite instability:positive',
        'CCND1:detected',
        'FGFR1:detected',
        'MDM2:detected',
        'tumor mutational burden:low',
      ],
      drugs: [
        'exemestane',
        'zoledronic acid',
        'anastrozole',
        'letrozole',
        'palbociclib',
        'fulvestrant',
        'capecitabine',
        'tamoxifen',
        'abemaciclib',
        'gemcitabine',
        'alpelisib',
      ],
    },
    'mcode-ctms-ancora/patient_bundle.json': {
      age: 72,
      cancer: 'COADREAD',
      stage: 'IIIA',
      ecog: 3,
      markers: [],
      drugs: [],
    },
    'mcode-ctms-breastcancertrials/patient_data.json': {
      age: 58,
      cancer: 'BREAST',
      stage: 'IIIA',
      markers: ['HER2:positive'],
      drugs: ['paclitaxel', 'zoledronic acid', 'nab-paclitaxel'],
    },
    'mcode-ctms/eom_patient_1.json': {
      age: 38,
      cancer: 'BREAST',
      stage: 'IV',
      ecog: 3,
      markers: ['HER2:negative', 'estrogen receptor:negative', 'progesterone receptor:negative'],
      drugs: ['abemaciclib', 'alpelisib'],
    },
    'mcode-ctms/patient_data.json': {
      age: 58,
      cancer: 'BREAST',
      stage: 'IIIA',
      ecog: 3,
      markers: ['HER2:positive', 'HER2:positive', 'estrogen receptor:positive', 'STK11:detected'],
      drugs: ['paclitaxel'],
    },
    'synthea-mcode-breast-10y/Chiquita638_Hintz995_bd03550c-1bd5-3efe-f86c-c9029c632a3a.json.gz': {
      age: 7,
      cancer: 'BREAST',
      stage: 'IIA',
      markers: ['HER2:negative', 'HER2:negative', 'estrogen receptor:positive', 'progesterone receptor:negative'],
      drugs: ['cyclophosphamide'],
    },
    'synthea-mcode-breast-10y/Katherine209_Reichert620_8c0d6e0a-2cbe-436d-0cfc-2e645de0c71a.json.gz': {
      age: 27,
      cancer: 'BREAST',
      stage: 'IV',
      markers: ['HER2:negative', 'HER2:negative', 'estrogen receptor:positive', 'progesterone receptor:negative'],
      drugs: ['paclitaxel'],
    },
    'synthea-mcode-breast-10y/Katie634_Doyle959_4df3e2fa-b46e-cbb4-02aa-0002ac12e346.json.gz': {
      age: 17,
      cancer: 'BREAST',
      stage: 'IIIC',
      markers: [
        'HER2:negative',
        'HER2:negative',
        'estrogen receptor:positive',
        'progesterone receptor:positive',
        'hormone receptor:positive',
      ],
      drugs: ['paclitaxel'],
    },
    'synthea-mcode-breast-10y/Khadijah960_Runolfsson901_2a7b1dc3-7533-9513-17a3-cfb1c77b14f6.json.gz': {
      age: 10,
      cancer: 'BREAST',
      stage: 'IA',
      markers: [
        'HER2:negative',
        'HER2:negative',
        'estrogen receptor:positive',
        'progesterone receptor:positive',
        'hormone receptor:positive',
      ],
      drugs: [],
    },
    'synthea-mcode-breast-10y/Luis923_Connelly992_5cbac472-7cd7-0633-834d-a980459ca4cd.json.gz': {
      age: 5,
      cancer: 'BREAST',
      stage: 'IIIC',
      markers: [
        'HER2:negative',
        'HER2:negative',
        'estrogen receptor:positive',
        'progesterone receptor:positive',
        'hormone receptor:positive',
      ],
      drugs: ['paclitaxel'],
    },
    'synthea-mcode-breast-10y/Yvonne357_Nolan344_95a4f3c3-1462-1f0b-aa4f-0a9cb3e30388.json.gz': {
      age: 10,
      cancer: 'BREAST',
      stage: 'IIIA',
      markers: [
        'HER2:negative',
        'HER2:negative',
        'estrogen receptor:positive',
        'progesterone receptor:positive',
        'hormone receptor:positive',
      ],
      drugs: ['epirubicin'],
    },
  };

  it('has an expectation for every recorded bundle', () => {
    expect(Object.keys(expected).sort()).toEqual(bundleFiles());
  });

  it.each(Object.entries(expected))(
    'extracts age, cancer type, stage, ECOG, markers and drugs from %s',
    async (file, want) => {
      const { out } = await run(['fhir', path.join(FHIR_FIXTURES, file), '--compact']);
      const { record, provenance } = JSON.parse(out) as { record: unknown; provenance: Record<string, string> };
      const r = patientRecordSchema.parse(record);
      const p = normalisePatient(r, lexicons(), '2025-06-01');
      expect({
        age: p.age?.value,
        cancer: p.cancers?.[0]?.codes.join('/'),
        stage: r.cancers?.[0]?.stage,
        ecog: r.ecog,
        markers: (r.biomarkers ?? []).map((b) => `${b.name}:${b.status}`),
        drugs: (r.treatments ?? []).filter((t) => !t.kind).map((t) => t.name),
      }).toEqual(want);
      // Each extracted value names its source.
      expect(provenance['/birthDate']).toBeDefined();
      expect((r.biomarkers ?? []).every((_, i) => provenance[`/biomarkers/${i}`])).toBe(true);
      expect((r.treatments ?? []).every((_, i) => provenance[`/treatments/${i}`])).toBe(true);
      expect(r.ecog === undefined || provenance['/ecog'] !== undefined).toBe(true);
    },
  );

  it('prints one line with --compact', async () => {
    const { out } = await run(['fhir', path.join(FHIR_FIXTURES, 'mcode-ctms/eom_patient_1.json'), '--compact']);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(out).record.ecog).toBe(3);
  });

  it('fails with a usage error without a file and with file_not_found for a missing one', async () => {
    expect((await run(['fhir'])).code).toBe(2);
    const missing = await run(['fhir', path.join(FHIR_FIXTURES, 'no-such-bundle.json')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('file_not_found');
  });

  it('reports a non-Bundle file with the not_a_bundle code', async () => {
    const { code, err } = await run(['fhir', path.join(FHIR_FIXTURES, '..', 'ctgov', 'single', 'NCT02513394.json')]);
    expect(code).toBe(1);
    expect(err).toContain('not_a_bundle');
    expect(fhirCommand.summary).toMatch(/FHIR Bundle/);
  });
});
