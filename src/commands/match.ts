/**
 * `ctmatch match <patient.json>`: ranked trials for a patient record, as a readable table with the
 * reasons, or the API's JSON. When a local server holds the embedded store (`npm start` in another
 * terminal), the request goes to that server with the local key instead of opening the store.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { matchBodySchema, matchOptionsSchema } from '../api/match';
import { loadConfig } from '../config';
import { AppError, fromZodError, isAppError } from '../errors';
import { MatchService } from '../match/match-service';
import type { TrialMatch } from '../match/trial-index';
import { patientRecordSchema } from '../patients/record';
import { localFiles } from '../server';
import { parseCommandArgs, usageError, type Command } from './command';
import { withContext } from './context';

const usage = `Usage: ctmatch match <patient.json> [--json] [--as-of YYYY-MM-DD] [--include-ineligible]
                     [--trials NCT1,NCT2] [--limit N] [--max-distance-km N]

Matches a patient record (see /v1/schemas/patient-record.json; examples in fixtures/patients/)
against the stored trials and prints them ranked, with why each criterion passed, failed or is
unknown.`;

type MatchOutput = { matches: TrialMatch[]; corpus: { trials: number }; asOf: string; unrecognised?: Array<{ path: string; text: string }> };

function readPatient(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError('file_not_found', `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`, { status: 404 });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('malformed_json', `${file} is not valid JSON.`, { status: 400 });
  }
}

/** Sends the request to a local server that holds the store, if one is running. */
async function viaLocalServer(body: unknown): Promise<MatchOutput | undefined> {
  const config = loadConfig();
  const files = localFiles(config);
  if (!fs.existsSync(files.server) || !fs.existsSync(files.apiKey)) return undefined;
  const { port } = JSON.parse(fs.readFileSync(files.server, 'utf8')) as { port: number };
  const key = fs.readFileSync(files.apiKey, 'utf8').trim();
  const res = await fetch(`http://127.0.0.1:${port}/v1/match`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as MatchOutput & { code?: string; detail?: string; path?: string };
  if (!res.ok) throw new AppError(json.code ?? 'server_error', json.detail ?? `Server answered ${res.status}.`, { status: res.status, path: json.path });
  return json;
}

function table(out: MatchOutput): string {
  const lines: string[] = [`${out.matches.length} trial(s) of ${out.corpus.trials}, as of ${out.asOf}`, ''];
  const mark = { pass: '✓', fail: '✗', unknown: '?' } as const;
  out.matches.forEach((m, i) => {
    const where = m.nearestSite ? ` · ${m.nearestSite.distanceKm} km (${[m.nearestSite.city, m.nearestSite.country].filter(Boolean).join(', ')})` : '';
    lines.push(`${i + 1}. ${m.nctId}  ${m.verdict.toUpperCase()}  score ${m.score.toFixed(2)}  ${m.phases.join('/') || 'no phase'}${where}`);
    lines.push(`   ${m.title}`);
    const counts = { pass: 0, fail: 0, unknown: 0 };
    for (const c of m.criteria) counts[c.outcome]++;
    lines.push(`   ${counts.pass} pass, ${counts.fail} fail, ${counts.unknown} unknown`);
    const shown = [...m.criteria.filter((c) => c.outcome === 'fail'), ...m.criteria.filter((c) => c.outcome === 'pass' && c.evidence.length), ...m.criteria.filter((c) => c.outcome === 'unknown')];
    for (const c of shown.slice(0, 12)) {
      const text = c.text.replace(/\s+/g, ' ').trim();
      lines.push(`   ${mark[c.outcome]} [${c.kind} · ${c.category}] ${text.length > 110 ? text.slice(0, 107) + '…' : text}`);
      if (c.outcome !== 'unknown') {
        const ev = c.evidence.slice(0, 2).map((e) => `${e.path} = ${JSON.stringify(e.value)}${e.note ? ` (${e.note})` : ''}`);
        if (ev.length) lines.push(`       because ${ev.join('; ')}`);
      } else if (c.missing?.length) {
        lines.push(`       ${c.reason === 'not_understood' ? 'not understood' : 'needs'}: ${c.missing[0]!.question}`);
      }
    }
    if (shown.length > 12) lines.push(`   … ${shown.length - 12} more (use --json for all)`);
    lines.push('');
  });
  if (out.unrecognised?.length) {
    lines.push('Not recognised in the record: ' + out.unrecognised.map((u) => `${u.path} “${u.text}”`).join(', '));
  }
  return lines.join('\n');
}

export const matchCommand: Command = {
  summary: 'Match a patient record (JSON file) against the stored trials',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        json: { type: 'boolean' },
        'as-of': { type: 'string' },
        'include-ineligible': { type: 'boolean' },
        trials: { type: 'string' },
        limit: { type: 'string' },
        'max-distance-km': { type: 'string' },
      },
      usage,
      true,
    );
    if (positionals.length !== 1) throw usageError('Give one patient JSON file.', usage);
    const patient = patientRecordSchema.safeParse(readPatient(positionals[0]!));
    if (!patient.success) throw fromZodError(patient.error, 'invalid_patient_record', 'The patient record is invalid.', { prefix: '' });
    const options = matchOptionsSchema.safeParse({
      ...(values['as-of'] ? { asOf: values['as-of'] } : {}),
      ...(values['include-ineligible'] ? { includeIneligible: true } : {}),
      ...(values.trials ? { trials: values.trials.split(',').map((t) => t.trim().toUpperCase()) } : {}),
      ...(values.limit ? { limit: Number(values.limit) } : {}),
      ...(values['max-distance-km'] ? { maxDistanceKm: Number(values['max-distance-km']) } : {}),
    });
    if (!options.success) throw usageError(z.prettifyError(options.error), usage);
    const body = matchBodySchema.parse({ patient: patient.data, options: options.data });
    let out: MatchOutput;
    try {
      out = await withContext(async ({ store, log }) => (await new MatchService(store, log).match(body.patient, body.options)) as MatchOutput);
    } catch (e) {
      // The embedded store is held by a running server: ask that server instead.
      if (!isAppError(e) || e.code !== 'store_locked') throw e;
      const remote = await viaLocalServer(body);
      if (!remote) throw e;
      out = remote;
    }
    process.stdout.write(values.json ? JSON.stringify(out) + '\n' : table(out) + '\n');
    return 0;
  },
};
