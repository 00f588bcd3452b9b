/**
 * `npm run bench:match`: matches the fixture patients against the recorded corpus expanded ×20
 * (about 22,600 trials) in one process on one core, and prints p50 / p99 latency per patient and
 * matches/s. Each match is the full request path minus HTTP: normalise the record, prefilter,
 * evaluate every remaining trial, rank, and explain the top 20 with evidence.
 *
 *   node dist/bench/match-bench.js [--copies 20] [--runs 400] [--http] [--connections 8] [--seconds 10]
 *
 * --http also serves the same index through the real express app in a child process
 * (bench/match-http-server.ts) and drives POST /v1/match with autocannon.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { lexicons } from '../src/criteria/lexicon';
import { normalisePatient } from '../src/patients/normalise';
import { benchPatients, buildIndex } from './match-corpus';

const { values } = parseArgs({
  options: {
    copies: { type: 'string', default: '20' },
    runs: { type: 'string', default: '400' },
    http: { type: 'boolean', default: false },
    connections: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '10' },
  },
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function inProcess(): Promise<void> {
  const copies = Number(values.copies);
  const { index, parseMs, buildMs } = buildIndex(copies);
  console.log(`corpus: ${index.size} trials (×${copies}); parse ${parseMs} ms once, index build ${buildMs} ms`);
  const lex = lexicons();
  const people = benchPatients();
  const asOf = '2025-06-01';
  const once = (i: number): number => {
    const p = people[i % people.length]!;
    const started = process.hrtime.bigint();
    index.match(normalisePatient(p.record, lex, asOf), { limit: 20, includeIneligible: false });
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  for (let i = 0; i < 3 * people.length; i++) once(i); // warm the JIT
  const runs = Number(values.runs);
  const times: number[] = [];
  const perPatient = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    const ms = once(i);
    times.push(ms);
    const name = people[i % people.length]!.name;
    perPatient.set(name, [...(perPatient.get(name) ?? []), ms]);
  }
  times.sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  console.log(
    `match (one core): ${runs} matches, p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(2)} ms → ${((runs / total) * 1000).toFixed(0)} matches/s`,
  );
  for (const [name, ms] of perPatient) {
    ms.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(42)} p50 ${percentile(ms, 50).toFixed(2)} ms  p99 ${percentile(ms, 99).toFixed(2)} ms`);
  }
  const mem = process.memoryUsage();
  console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB`);
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;

async function overHttp(): Promise<void> {
  const child = fork(path.join(__dirname, 'match-http-server.js'), ['--copies', String(values.copies)], { stdio: 'inherit' });
  const { port, key } = await new Promise<{ port: number; key: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number; key: string }));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  try {
    // autocannon ships no types; this is the part of its API used here.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const autocannon = require('autocannon') as Autocannon;
    const requests = benchPatients().map((p) => ({
      method: 'POST',
      path: '/v1/match',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ patient: p.record, options: { asOf: '2025-06-01', limit: 20 } }),
    }));
    const cpuMs = (): Promise<number> =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve((m as { cpuMs: number }).cpuMs));
        child.send('cpu');
      });
    const cpuBefore = await cpuMs();
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: Number(values.connections),
      duration: Number(values.seconds),
      requests,
    });
    const serverCpu = ((await cpuMs()) - cpuBefore) / Math.max(1, result.requests.total);
    console.log(
      `http (server process + autocannon, ${values.connections} connections, ${values.seconds} s): ${result.requests.average.toFixed(0)} matches/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.total} requests, non-2xx ${result.non2xx}, errors ${result.errors}; server CPU ${serverCpu.toFixed(2)} ms per request`,
    );
  } finally {
    child.kill();
  }
}

(async () => {
  await inProcess();
  if (values.http) await overHttp();
})().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
