/**
 * `ctmatch sync --once` end to end, in process: the command reads its configuration from the
 * environment like the real CLI, opens an embedded store in a temporary data directory, syncs from the
 * mock API (with injected faults) and `ctmatch stats --json` then reports what was stored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syncCommand } from '../../src/commands/sync';
import { statsCommand } from '../../src/commands/stats';
import { checkStudy } from '../../src/ingest/study-record';
import { startCtgovMock, withoutNctId, type CtgovMock } from '../support/ctgov-mock';
import { fixtureStudies } from '../support/studies';

const OPEN = ['RECRUITING', 'NOT_YET_RECRUITING'];

describe('ctmatch sync --once', () => {
  let mock: CtgovMock;
  let dataDir: string;
  const saved = { ...process.env };
  // 200 real studies and one without an nctId keep this test quick; sync.test.ts runs the whole corpus.
  const studies = [...fixtureStudies().slice(0, 200), withoutNctId(fixtureStudies()[0])];
  const validOpen = studies.filter((s) => {
    const status = (s as { protocolSection: { statusModule?: { overallStatus?: string } } }).protocolSection
      .statusModule?.overallStatus;
    return OPEN.includes(status ?? '') && checkStudy(s, 'x').ok;
  });

  beforeAll(async () => {
    mock = await startCtgovMock({ studies });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctm-sync-cmd-'));
    // The command sees only the environment, as the real CLI does. The embedded store is used even when
    // the suite runs against PostgreSQL, so this test never writes into a shared database.
    delete process.env.DATABASE_URL;
    Object.assign(process.env, {
      CTGOV_BASE_URL: mock.baseUrl,
      CTM_DATA_DIR: dataDir,
      CTGOV_PAGE_SIZE: '25',
      CTGOV_RATE_LIMIT_PER_MIN: '100000',
      CTGOV_MAX_RETRIES: '3',
      CTGOV_TIMEOUT_MS: '5000',
    });
  });
  afterAll(async () => {
    process.env = saved;
    await mock.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function capture(run: () => Promise<number>): Promise<{ code: number; out: string }> {
    const chunks: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    });
    try {
      return { code: await run(), out: chunks.join('') };
    } finally {
      spy.mockRestore();
    }
  }

  it('stores every valid study exactly once despite a 429, a 500 and a truncated page, and stats reports them', async () => {
    mock.inject({ fault: { kind: 'status', status: 429, retryAfter: '1' }, when: (r) => r.offset === 25 });
    mock.inject({ fault: { kind: 'status', status: 500 }, when: (r) => r.offset === 50 });
    mock.inject({ fault: { kind: 'truncate' }, when: (r) => r.offset === 75 });

    const sync = await capture(() => syncCommand.run(['--once', '--json']));
    expect(sync.code).toBe(0);
    const outcome = JSON.parse(sync.out) as Record<string, unknown>;
    expect(outcome).toMatchObject({ status: 'succeeded', upserted: validOpen.length, skippedInvalid: 1 });
    expect(mock.studyRequests().filter((r) => r.fault)).toHaveLength(3);

    const stats = await capture(() => statsCommand.run(['--json']));
    expect(JSON.parse(stats.out)).toMatchObject({
      trials: validOpen.length,
      store: 'pglite',
      lastSync: { status: 'succeeded', upserted: validOpen.length },
    });
  });

  it('exits 0 with a skipped run when upstream data has not changed, and says so', async () => {
    const again = await capture(() => syncCommand.run(['--once']));
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/skipped: ClinicalTrials\.gov data has not changed/);
  });

  it('exits 1 and prints the error code when the run fails', async () => {
    mock.inject({ path: '/version', fault: { kind: 'status', status: 403 } });
    const failed = await capture(() => syncCommand.run(['--once', '--full']));
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(/failed .*\nerror \[upstream_rejected\]/);
  });

  it('rejects a --since that is not a real date as a usage error', async () => {
    await expect(syncCommand.run(['--once', '--since', '2026-02-30'])).rejects.toMatchObject({ code: 'usage' });
    await expect(syncCommand.run(['--once', '--since', 'yesterday'])).rejects.toMatchObject({ code: 'usage' });
    await expect(syncCommand.run(['--once', '--since', '2026-01-01', '--full'])).rejects.toMatchObject({
      code: 'usage',
    });
  });
});
