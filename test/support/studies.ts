/** Real ClinicalTrials.gov v2 studies from the recorded fixtures, for tests that need stored trials. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

let cache: Record<string, unknown[]> = {};

/** Every study in fixtures/ctgov/<file> (a .jsonl.gz), parsed once per test file. */
export function fixtureStudies(file = 'studies.oncology.v2.jsonl.gz'): unknown[] {
  cache[file] ??= zlib
    .gunzipSync(fs.readFileSync(path.join(FIXTURES, 'ctgov', file)))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as unknown);
  return cache[file]!;
}

export function resetFixtureCache(): void {
  cache = {};
}

export function nctIdOf(study: unknown): string {
  return (study as { protocolSection: { identificationModule: { nctId: string } } }).protocolSection
    .identificationModule.nctId;
}

export function studyById(nctId: string): unknown {
  const found = [...fixtureStudies(), ...fixtureStudies('studies.other.v2.jsonl.gz')].find((s) => nctIdOf(s) === nctId);
  if (!found) throw new Error(`fixture study ${nctId} not found`);
  return found;
}
