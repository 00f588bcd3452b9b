/**
 * `ctmatch import` and `ctmatch stats` run in-process against a real store: PGlite in a temporary
 * CTM_DATA_DIR, or a fresh PostgreSQL database when DATABASE_URL is set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { importCommand } from '../../src/commands/import';
import { reportCommand } from '../../src/commands/report';
import { statsCommand } from '../../src/commands/stats';
import { FIXTURES } from '../support/studies';
import { cleanupTmpDirs, tmpDir } from '../support/tmp';

const ONCOLOGY = path.join(FIXTURES, 'ctgov', 'studies.oncology.v2.jsonl.gz');

/** Runs a command and returns its exit code and everything it wrote to stdout. */
async function run(
  command: { run(args: string[]): Promise<number> },
  args: string[],
): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  try {
    const code = await command.run(args);
    return { code, out: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('ctmatch import and stats commands', () => {
  const saved = { dataDir: process.env.CTM_DATA_DIR, url: process.env.DATABASE_URL };
  const adminUrl = process.env.DATABASE_URL;
  const dbName = `ctm_cli_${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    process.env.CTM_DATA_DIR = path.join(tmpDir(), 'data');
    if (adminUrl) {
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${dbName}`;
      process.env.DATABASE_URL = url.toString();
    }
  });
  afterAll(async () => {
    process.env.CTM_DATA_DIR = saved.dataDir;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.url;
    if (adminUrl) {
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
    cleanupTmpDirs();
  });

  it('imports the oncology snapshot (exit 0, JSON report), stats shows 740 trials, and a re-import adds nothing', async () => {
    const first = await run(importCommand, [ONCOLOGY, '--json']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.out) as { inserted: number; studiesRead: number; errors: unknown[] };
    expect(report).toMatchObject({ studiesRead: 740, inserted: 740, errors: [] });

    const stats = await run(statsCommand, ['--json']);
    expect(stats.code).toBe(0);
    const parsed = JSON.parse(stats.out) as { trials: number; byStatus: Record<string, number> };
    expect(parsed.trials).toBe(740);
    expect(Object.values(parsed.byStatus).reduce((a, b) => a + b, 0)).toBe(740);

    const again = await run(importCommand, [ONCOLOGY]);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`ok      ${ONCOLOGY}: 740 studies: 0 inserted, 0 updated, 740 unchanged, 0 invalid`);
    expect(JSON.parse((await run(statsCommand, ['--json'])).out)).toMatchObject({ trials: 740 });
  });

  it('reports parse coverage over the imported corpus at the floor the parser is held to', async () => {
    const { code, out } = await run(reportCommand, ['parse', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as {
      criteria: number;
      parsed: number;
      partial: number;
      unparsed: number;
      byCategory: Record<string, { criteria: number; read: number }>;
    };
    expect(report.parsed + report.partial + report.unparsed).toBe(report.criteria);
    // At least 90% read overall and in each category the parser must cover, on exact counts: the
    // report's shares are rounded to three places, which would pass 89.97% as 0.9.
    expect((report.parsed + report.partial) / report.criteria).toBeGreaterThanOrEqual(0.9);
    const floors = ['cancer_type', 'stage', 'biomarker', 'prior_therapy', 'performance_status', 'labs', 'brain_metastases', 'pregnancy'];
    const below = floors.filter((cat) => {
      const c = report.byCategory[cat];
      return !c || c.read / c.criteria < 0.9;
    });
    expect(below).toEqual([]);
  });

  it('exits 1 and lists each bad file and line, while still importing everything readable', async () => {
    const dir = tmpDir();
    const lines = fs.readFileSync(path.join(FIXTURES, 'ctgov', 'single', 'NCT03377387.json'), 'utf8');
    fs.writeFileSync(path.join(dir, 'a-good.json'), lines);
    fs.writeFileSync(path.join(dir, 'b-broken.json'), lines.slice(0, 200));
    const missing = path.join(dir, 'missing.jsonl');

    const { code, out } = await run(importCommand, [dir, missing]);
    expect(code).toBe(1);
    expect(out).toContain(`ok      ${path.join(dir, 'a-good.json')}: 1 study:`);
    expect(out).toMatch(
      new RegExp(`FAILED  ${path.join(dir, 'b-broken.json')}: nothing imported\\n\\s+malformed_json`),
    );
    expect(out).toMatch(/FAILED .*missing\.jsonl: nothing imported\n\s+file_not_found/);
    expect(out).toMatch(/^Total: 3 files \(2 with errors\), 1 study/m);
  });

  it('refuses to run without a path, as a usage error', async () => {
    await expect(importCommand.run([])).rejects.toMatchObject({ code: 'usage' });
  });
});
