import { asc } from 'drizzle-orm';
import pino from 'pino';
import { clientOptionsFromConfig, createCtgovClient } from '../../src/ingest/ctgov-client';
import { startSyncSchedule, type SyncScheduleDeps } from '../../src/ingest/schedule';
import type { SyncOutcome } from '../../src/ingest/sync';
import type { Store } from '../../src/store/database';
import { syncRuns, trials } from '../../src/store/schema';
import { fakeClock } from '../support/clock';
import { startCtgovMock, type CtgovMock } from '../support/ctgov-mock';
import { openTestStore } from '../support/store';
import { fixtureStudies } from '../support/studies';

describe('sync schedule', () => {
  let store: Store;
  let mock: CtgovMock;

  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await store.close();
  });
  beforeEach(async () => {
    await store.db.delete(trials);
    await store.db.delete(syncRuns);
    mock = await startCtgovMock({ studies: fixtureStudies().slice(0, 30) });
  });
  afterEach(async () => {
    await mock.close();
  });

  function deps(cron: string, onOutcome?: (o: SyncOutcome) => void): SyncScheduleDeps {
    const config = {
      CTGOV_BASE_URL: mock.baseUrl,
      CTGOV_TIMEOUT_MS: 10_000,
      CTGOV_MAX_RETRIES: 0,
      CTGOV_RATE_LIMIT_PER_MIN: 40,
      CTGOV_PAGE_SIZE: 3,
      CTM_SYNC_CONDITION: 'cancer',
      CTM_SYNC_QUERY: {},
      CTM_SYNC_CRON: cron,
    };
    const log = pino({ level: 'silent' });
    const client = createCtgovClient({ ...clientOptionsFromConfig(config), clock: fakeClock() });
    return { store, config, log, client, ...(onOutcome ? { onOutcome } : {}) };
  }

  it('refuses an invalid CTM_SYNC_CRON with invalid_config at /CTM_SYNC_CRON', () => {
    expect(() => startSyncSchedule(deps('every day at 3'))).toThrow(
      expect.objectContaining({ code: 'invalid_config', path: '/CTM_SYNC_CRON' }),
    );
  });

  it('runs the sync on schedule, survives a failed run, and keeps firing', async () => {
    const outcomes: SyncOutcome[] = [];
    // The first tick fails (/version refused); the next one must still run and succeed.
    mock.inject({ path: '/version', fault: { kind: 'status', status: 400 } });
    const schedule = startSyncSchedule(deps('* * * * * *', (o) => outcomes.push(o)));
    expect(schedule.nextRun()).toBeInstanceOf(Date);
    try {
      const deadline = Date.now() + 8_000;
      while (!outcomes.some((o) => o.status === 'succeeded') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await schedule.stop();
    }
    expect(outcomes[0]).toMatchObject({ status: 'failed', error: { code: 'upstream_rejected' } });
    expect(outcomes.some((o) => o.status === 'succeeded')).toBe(true);
    expect(schedule.nextRun()).toBeNull();
  });

  it('stop() aborts a sync in flight, resolves promptly and leaves the run failed with its checkpoint', async () => {
    const outcomes: SyncOutcome[] = [];
    // The second page hangs far longer than the test.
    mock.inject({ fault: { kind: 'slow', delayMs: 30_000 }, when: (r) => r.offset === 3 });
    const schedule = startSyncSchedule(deps('* * * * * *', (o) => outcomes.push(o)));
    const deadline = Date.now() + 8_000;
    while (!mock.studyRequests().some((r) => r.offset === 3) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const started = Date.now();
    await schedule.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(outcomes).toEqual([
      expect.objectContaining({ status: 'failed', pages: 1, error: expect.objectContaining({ code: 'aborted' }) }),
    ]);
    const rows = await store.db.select().from(syncRuns).orderBy(asc(syncRuns.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'failed', errorCode: 'aborted', pages: 1 });
    expect(rows[0]?.nextPageToken).toBeTruthy();
  });
});
