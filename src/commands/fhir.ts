/**
 * `ctmatch fhir <bundle.json>`: reads a FHIR R4 Bundle (mCODE or US Core) and prints the PatientRecord
 * built from it, the provenance of each value and the warnings, as JSON. No store is opened: this is
 * for checking what the matcher would see in a patient's export before matching.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { AppError } from '../errors';
import { importPatientBundle } from '../fhir/patient-record';
import { parseCommandArgs, usageError, type Command } from './command';

const usage = `Usage: ctmatch fhir <bundle.json> [--compact]

Reads a FHIR R4 Bundle (collection, searchset, document or transaction; mCODE STU1–STU4 or plain
US Core; .json or .json.gz) and prints {record, provenance, warnings} as JSON: the PatientRecord the
matcher would use, the FHIR reference each value came from, and everything that was not read.

  --compact   one line of JSON instead of indented output`;

function readBundle(file: string): unknown {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new AppError('file_not_found', `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`, {
      status: 404,
    });
  }
  // gzip magic number: exports are often compressed.
  const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? zlib.gunzipSync(bytes) : bytes).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('malformed_json', `${file} is not valid JSON.`, { status: 400 });
  }
}

export const fhirCommand: Command = {
  summary: 'Show the patient record, provenance and warnings read from a FHIR Bundle',
  usage,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, { compact: { type: 'boolean' } }, usage, true);
    if (positionals.length !== 1) throw usageError('Give one FHIR Bundle file.', usage);
    const { record, provenance, warnings } = importPatientBundle(readBundle(positionals[0]!));
    const out = { record, provenance, warnings };
    process.stdout.write(`${values.compact ? JSON.stringify(out) : JSON.stringify(out, null, 2)}\n`);
    return Promise.resolve(0);
  },
};
