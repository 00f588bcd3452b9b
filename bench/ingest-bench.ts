/**
 * Ingest benchmark (`npm run bench:ingest`): how many studies per second `importPaths` stores.
 *
 * Input: the 1,131 recorded real studies (fixtures/ctgov/studies.{oncology,other}.v2.jsonl.gz),
 * expanded ×20 to 22,620 studies: copy 0 is the real set, copies 1–19 are the same records with
 * their nctId rewritten everywhere in the raw JSON to a unique NCT9xxxxxxx (8 digits, so they still
 * pass validation). The expansion is written once to a temporary .jsonl.gz, so each run measures
 * the whole path: gunzip, line split, JSON.parse, checkStudy, batched upserts.
 *
 * Stores: PGlite in memory, PGlite in a temporary data directory, and PostgreSQL when DATABASE_URL
 * is set (a fresh database per run, dropped afterwards). Each figure is the median of RUNS runs into
 * an empty store; a replay of the same file into the filled store (every study unchanged) is
 * measured once per store. Each store is benchmarked in its own child process, so that its RSS
 * peak (sampled every 50 ms) is not inflated by the memory an earlier store left behind: in-memory
 * PGlite holds the whole database in the process heap.
 *
 * Env: BENCH_RUNS (default 3), BENCH_COPIES (default 20), BENCH_BATCH (default: the importer's),
 * BENCH_STORES (comma list of memory,dir,postgres; default all that are available).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { importPaths, type ImportReport } from '../src/ingest/import-files';
import { packageRoot } from '../src/paths';
import { createLogger } from '../src/logger';
import { openStore, type Store } from '../src/store/database';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const COPIES = Number(process.env.BENCH_COPIES ?? 20);
const BATCH = process.env.BENCH_BATCH ? Number(process.env.BENCH_BATCH) : undefined;
const STORES = (process.env.BENCH_STORES ?? 'memory,dir,postgres').split(',').map((s) => s.trim());
const log = createLogger({ level: 'warn', destination: 'stderr' });

interface Measure {
  seconds: number;
  studies: number;
  rssPeakMb: number;
  /** CPU of this process (for PGlite this includes the database, which runs in-process). */
  nodeCpuMs: number;
  /** CPU of the PostgreSQL backends serving the bench database, when /proc shows them. */
  dbCpuMs: number | undefined;
  report: ImportReport;
}

/**
 * On a shared machine wall-clock rates swing with other load; CPU time per study does not, and
 * 1000 / max(node, db) ms is the rate the pipelined import approaches when each side has a core.
 */
type CpuProbe = () => Promise<number | undefined>;

function realLines(): string[] {
  const dir = path.join(packageRoot(), 'fixtures', 'ctgov');
  return ['studies.oncology.v2.jsonl.gz', 'studies.other.v2.jsonl.gz'].flatMap((f) =>
    zlib
      .gunzipSync(fs.readFileSync(path.join(dir, f)))
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim()),
  );
}

function writeExpansion(file: string): number {
  const lines = realLines();
  const out: string[] = [];
  for (let copy = 0; copy < COPIES; copy++) {
    lines.forEach((line, i) => {
      if (copy === 0) {
        out.push(line);
        return;
      }
      const nctId = (JSON.parse(line) as { protocolSection: { identificationModule: { nctId: string } } })
        .protocolSection.identificationModule.nctId;
      const synthetic = `NCT9${String(copy * lines.length + i).padStart(7, '0')}`;
      out.push(line.split(nctId).join(synthetic));
    });
  }
  fs.writeFileSync(file, zlib.gzipSync(out.join('\n') + '\n'));
  return out.length;
}

async function measure(store: Store, file: string, dbCpu: CpuProbe): Promise<Measure> {
  const db0 = await dbCpu();
  const cpu0 = process.cpuUsage();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = process.hrtime.bigint();
  try {
    const report = await importPaths(store, [file], { log, ...(BATCH ? { batchSize: BATCH } : {}) });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    const db1 = await dbCpu();
    peak = Math.max(peak, process.memoryUsage().rss);
    if (report.errors.length) throw new Error(`bench import had errors: ${JSON.stringify(report.errors.slice(0, 3))}`);
    return {
      seconds,
      studies: report.studiesRead,
      rssPeakMb: peak / 2 ** 20,
      nodeCpuMs: (cpu.user + cpu.system) / 1000,
      dbCpuMs: db0 !== undefined && db1 !== undefined ? db1 - db0 : undefined,
      report,
    };
  } finally {
    clearInterval(timer);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface Target {
  id: string;
  name: string;
  open(): Promise<{ store: Store; dbCpu: CpuProbe; dispose(): Promise<void> }>;
}

const noProbe: CpuProbe = () => Promise.resolve(undefined);

/** Sums user+system CPU of the server processes connected to `database` (Linux, local server only). */
function backendCpu(adminUrl: string, database: string): CpuProbe {
  return async () => {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [
        database,
      ]);
      let ticks = 0;
      for (const { pid } of rows) {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      }
      return ticks * 10; // USER_HZ is 100 on Linux
    } catch {
      return undefined;
    } finally {
      await admin.end();
    }
  };
}

function targets(tmp: string): Target[] {
  const list: Target[] = [
    {
      id: 'memory',
      name: 'PGlite (in memory)',
      async open() {
        const store = await openStore({});
        return { store, dbCpu: noProbe, dispose: () => store.close() };
      },
    },
    {
      id: 'dir',
      name: 'PGlite (data dir)',
      async open() {
        const dir = fs.mkdtempSync(path.join(tmp, 'pglite-'));
        const store = await openStore({ dataDir: dir });
        return {
          store,
          dbCpu: noProbe,
          async dispose() {
            await store.close();
            fs.rmSync(dir, { recursive: true, force: true });
          },
        };
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) {
    list.push({
      id: 'postgres',
      name: 'PostgreSQL',
      async open() {
        const name = `ctm_bench_${randomBytes(6).toString('hex')}`;
        const admin = new Client({ connectionString: url });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${name}`);
        await admin.end();
        const dbUrl = new URL(url);
        dbUrl.pathname = `/${name}`;
        const store = await openStore({ databaseUrl: dbUrl.toString() });
        return {
          store,
          dbCpu: backendCpu(url, name),
          async dispose() {
            await store.close();
            const dropper = new Client({ connectionString: url });
            await dropper.connect();
            await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            await dropper.end();
          },
        };
      },
    });
  }
  return list.filter((t) => STORES.includes(t.id));
}

interface TargetResult {
  name: string;
  nodeCpuMsPerStudy: number;
  dbCpuMsPerStudy: number | undefined;
  seconds: number[];
  rate: number;
  replayRate: number | undefined;
  rssPeakMb: number;
}

/** Child process: all runs for one store. */
async function benchTarget(target: Target, file: string, total: number): Promise<TargetResult> {
  const runs: Measure[] = [];
  let replay: Measure | undefined;
  for (let i = 0; i < RUNS; i++) {
    const { store, dbCpu, dispose } = await target.open();
    try {
      const m = await measure(store, file, dbCpu);
      if (m.report.inserted !== total) throw new Error(`expected ${total} inserted, got ${m.report.inserted}`);
      runs.push(m);
      console.log(
        `  ${target.name} run ${i + 1}: ${(m.studies / m.seconds).toFixed(0)} studies/s (${m.seconds.toFixed(2)} s)`,
      );
      if (i === 0) {
        replay = await measure(store, file, dbCpu);
        if (replay.report.unchanged !== total) throw new Error('replay changed rows');
      }
    } finally {
      await dispose();
    }
  }
  const perStudy = (xs: Array<number | undefined>): number | undefined =>
    xs.every((x) => x !== undefined) ? median(xs as number[]) / total : undefined;
  return {
    name: target.name,
    nodeCpuMsPerStudy: perStudy(runs.map((r) => r.nodeCpuMs))!,
    dbCpuMsPerStudy: perStudy(runs.map((r) => r.dbCpuMs)),
    seconds: runs.map((r) => r.seconds),
    rate: median(runs.map((r) => r.studies / r.seconds)),
    replayRate: replay ? replay.studies / replay.seconds : undefined,
    rssPeakMb: Math.max(...runs.map((r) => r.rssPeakMb), replay?.rssPeakMb ?? 0),
  };
}

function runChild(id: string, file: string, total: number): Promise<TargetResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], { env: { ...process.env, BENCH_CHILD: JSON.stringify({ id, file, total }) } });
    let result: TargetResult | undefined;
    child.on('message', (m) => {
      result = m as TargetResult;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      result && code === 0 ? resolve(result) : reject(new Error(`bench child ${id} exited ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const child = process.env.BENCH_CHILD;
  if (child) {
    const { id, file, total } = JSON.parse(child) as { id: string; file: string; total: number };
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctm-bench-store-'));
    try {
      const target = targets(tmp).find((t) => t.id === id)!;
      const result = await benchTarget(target, file, total);
      // Exiting before the message is flushed would lose it.
      await new Promise<void>((resolve) => process.send!(result, () => resolve()));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    return;
  }
  if (!process.env.DATABASE_URL && STORES.includes('postgres')) {
    console.log('DATABASE_URL not set: PostgreSQL skipped (run with .ci/with-postgres npm run bench:ingest)');
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctm-bench-'));
  try {
    const file = path.join(tmp, 'expanded.jsonl.gz');
    const total = writeExpansion(file);
    const mb = fs.statSync(file).size / 2 ** 20;
    console.log(
      `Input: ${total} studies (1,131 real ×${COPIES}), ${mb.toFixed(1)} MB gzip; ${RUNS} runs per store; batch ${BATCH ?? 'default'}; node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`,
    );
    const results: TargetResult[] = [];
    for (const target of targets(tmp)) results.push(await runChild(target.id, file, total));
    console.log('\nResults (first import into an empty store; replay = same file again, all unchanged):');
    for (const r of results) {
      const runs = r.seconds.map((x) => x.toFixed(1)).join(', ');
      const replay = r.replayRate?.toFixed(0) ?? '-';
      console.log(
        `${r.name.padEnd(20)} ${r.rate.toFixed(0).padStart(6)} studies/s  (median of ${RUNS}; runs ${runs} s)  replay ${replay} studies/s  RSS peak ${r.rssPeakMb.toFixed(0)} MB`,
      );
      const db = r.dbCpuMsPerStudy;
      const ceiling = 1000 / Math.max(r.nodeCpuMsPerStudy, db ?? 0);
      console.log(
        `${''.padEnd(20)} CPU per study: node ${r.nodeCpuMsPerStudy.toFixed(3)} ms${db !== undefined ? `, PostgreSQL backend ${db.toFixed(3)} ms` : ''}  → CPU-bound ceiling ${ceiling.toFixed(0)} studies/s`,
      );
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
