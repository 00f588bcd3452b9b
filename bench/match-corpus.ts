/**
 * The benchmark corpus for matching: the 1,131 recorded studies, each parsed once, expanded ×N
 * with rewritten nctIds (copy 0 keeps the real ids; copy k gets NCT9 + two digits of k + five of the
 * study's position, still 8 digits), built into one in-memory TrialIndex exactly as the service builds it.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { lexicons } from '../src/criteria/lexicon';
import { parseCriteria } from '../src/criteria/parse';
import { checkStudy } from '../src/ingest/study-record';
import { factTable } from '../src/match/fact-values';
import { TrialIndex, type TrialInput } from '../src/match/trial-index';
import { patientRecordSchema, type PatientRecord } from '../src/patients/record';

export const ROOT = path.resolve(__dirname, '..', '..');

function studies(file: string): unknown[] {
  return zlib
    .gunzipSync(fs.readFileSync(path.join(ROOT, 'fixtures', 'ctgov', file)))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as unknown);
}

export function buildIndex(copies: number): { index: TrialIndex; parseMs: number; buildMs: number } {
  const lex = lexicons();
  const t0 = Date.now();
  const base: TrialInput[] = [];
  for (const raw of [...studies('studies.oncology.v2.jsonl.gz'), ...studies('studies.other.v2.jsonl.gz')]) {
    const checked = checkStudy(raw, 'bench');
    if (!checked.ok) continue;
    const r = checked.trial;
    const text = (raw as { protocolSection: { eligibilityModule?: { eligibilityCriteria?: string } } }).protocolSection.eligibilityModule
      ?.eligibilityCriteria;
    base.push({
      nctId: r.nctId,
      title: r.title,
      phases: r.phases ?? [],
      overallStatus: r.overallStatus ?? null,
      minAgeYears: r.minAgeYears ?? null,
      maxAgeYears: r.maxAgeYears ?? null,
      sex: r.sex ?? null,
      sites: r.sites ?? [],
      conditions: r.conditions ?? [],
      criteria: parseCriteria(text),
    });
  }
  const parseMs = Date.now() - t0;
  const inputs: TrialInput[] = [];
  for (let k = 0; k < copies; k++) {
    base.forEach((t, i) => inputs.push(k === 0 ? t : { ...t, nctId: `NCT9${String(k).padStart(2, '0')}${String(i).padStart(5, '0')}` }));
  }
  const t1 = Date.now();
  const index = new TrialIndex(inputs, lex, factTable(lex));
  return { index, parseMs, buildMs: Date.now() - t1 };
}

export function benchPatients(): Array<{ name: string; record: PatientRecord }> {
  const dir = path.join(ROOT, 'fixtures', 'patients');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f, record: patientRecordSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))) }));
}
