/** The recorded FHIR bundles of fixtures/fhir (see fixtures/PROVENANCE.md), read once per test file. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { FIXTURES } from '../support/studies';

export const FHIR_FIXTURES = path.join(FIXTURES, 'fhir');

export interface FhirBundleJson {
  resourceType: 'Bundle';
  type: string;
  entry: Array<{ fullUrl?: string; resource: { resourceType: string; id?: string; [k: string]: unknown } }>;
}

/** Every bundle file under fixtures/fhir, as paths relative to it ("mcode-ctms/patient_data.json"). */
export function bundleFiles(): string[] {
  return fs
    .readdirSync(FHIR_FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => fs.readdirSync(path.join(FHIR_FIXTURES, d.name)).map((f) => `${d.name}/${f}`))
    .filter((f) => /\.json(\.gz)?$/.test(f))
    .sort();
}

const cache = new Map<string, string>();

/** A fresh parsed copy of a fixture bundle (tests may change it). */
export function loadBundle(file: string): FhirBundleJson {
  let text = cache.get(file);
  if (text === undefined) {
    const bytes = fs.readFileSync(path.join(FHIR_FIXTURES, file));
    text = (file.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes).toString('utf8');
    cache.set(file, text);
  }
  return JSON.parse(text) as FhirBundleJson;
}

/** The references a bundle's entries can be cited by: `Type/id`, fullUrl and `Bundle.entry[i]`. */
export function referencesIn(bundle: FhirBundleJson): Set<string> {
  const refs = new Set<string>();
  bundle.entry.forEach((e, i) => {
    if (e.resource.id) refs.add(`${e.resource.resourceType}/${e.resource.id}`);
    if (e.fullUrl) refs.add(e.fullUrl);
    refs.add(`Bundle.entry[${i}]`);
  });
  return refs;
}

export const SYNTHEA = {
  chiquita: 'synthea-mcode-breast-10y/Chiquita638_Hintz995_bd03550c-1bd5-3efe-f86c-c9029c632a3a.json.gz',
  katherine: 'synthea-mcode-breast-10y/Katherine209_Reichert620_8c0d6e0a-2cbe-436d-0cfc-2e645de0c71a.json.gz',
  yvonne: 'synthea-mcode-breast-10y/Yvonne357_Nolan344_95a4f3c3-1462-1f0b-aa4f-0a9cb3e30388.json.gz',
} as const;
