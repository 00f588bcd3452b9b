import { Writable } from 'node:stream';
import { asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { clientOptionsFromConfig, createCtgovClient } from '../../src/ingest/ctgov-client';
import { checkStudy } from '../../src/ingest/study-record';
import { buildSyncParams, runSync, type SyncConfig, type SyncDeps } from '../../src/ingest/sync';
import type { Logger } from '../../src/logger';
import type { Store } from '../../src/store/database';
import { syncRuns, trials } from '../../src/store/schema';
import { countTrials } from '../../src/store/trials-repo';
import { fakeClock } from '../support/clock';
import { startCtgovMock, updatedStudy, withoutNctId, withWrongTypes, type CtgovMock } from '../support/ctgov-mock';
import { openTestStore } from '../support/store';
import { fixtureStudies, nctIdOf } from '../support/studies';

const OPEN = ['RECRUITING', 'NOT_YET_RECRUITING'];
const statusOf = (s: unknown): string | undefined =>
  (s as { protocolSection: { statusModule?: { overallStatus?: string } } }).protocolSection.statusModule?.overallStatus;
const dateOf = (s: unknown): string | undefined =>
  (s as { protocolSection: { statusModule?: { lastUpdatePostDateStruct?: { date?: string } } } }).protocolSection
    .statusModule?.lastUpdatePostDateStruct?.date;

const isOpen = (s: unknown): boolean => OPEN.includes(statusOf(s) ?? '');
const isValid = (s: unknown): boolean => checkStudy(s, 'test').ok;

const REAL = fixtureStudies();
const NO_ID = withoutNctId(REAL.filter(isOpen)[3]);
const WRONG_TYPES = withWrongTypes(REAL.filter(isOpen)[4], 'NCT99999902');
/** All 740 real studies plus two broken (but recruiting) ones early on: the full-scale run. */
const FULL_CORPUS = [...REAL.slice(0, 10), NO_ID, ...REAL.slice(10, 80), WRONG_TYPES, ...REAL.slice(80)];
/**
 * The first 200 of those (both broken studies included), for the many runs that prove paging
 * behaviour rather than scale; small pages keep several pages per run.
 */
const CORPUS = FULL_CORPUS.slice(0, 202);
const SERVED = CORPUS.filter(isOpen);
const VALID_OPEN = SERVED.filter(isValid);
const PAGE = 20;
const PAGES = Math.ceil(SERVED.length / PAGE);

function captureLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { log: pino({ level: 'debug' }, stream), lines };
}

function syncDeps(store: Store, mock: CtgovMock, config: Partial<SyncConfig> = {}, log?: Logger): SyncDeps {
  const full: SyncConfig = {
    CTGOV_BASE_URL: mock.baseUrl,
    CTGOV_TIMEOUT_MS: 1_000,
    CTGOV_MAX_RETRIES: 3,
    CTGOV_RATE_LIMIT_PER_MIN: 40,
    CTGOV_PAGE_SIZE: PAGE,
    CTM_SYNC_CONDITION: 'cancer',
    CTM_SYNC_QUERY: {},
    ...config,
  };
  const logger = log ?? pino({ level: 'silent' });
  // Real HTTP to the mock, virtual time for rate limit and backoff.
  const client = createCtgovClient({
    ...clientOptionsFromConfig(full),
    clock: fakeClock(),
    backoffBaseMs: 5,
    log: logger,
  });
  return { store, config: full, log: logger, client };
}

async function snapshot(store: Store) {
  return store.db
    .select({
      nctId: trials.nctId,
      rawHash: trials.rawHash,
      overallStatus: trials.overallStatus,
      source: trials.source,
    })
    .from(trials)
    .orderBy(asc(trials.nctId));
}

async function runs(store: Store) {
  return store.db.select().from(syncRuns).orderBy(asc(syncRuns.id));
}

/** Query parameters of a recorded request minus the ones the spec lets vary between pages. */
function fixedParams(query: Record<string, string>): Record<string, string> {
  const { pageToken: _t, countTotal: _c, ...rest } = query;
  return rest;
}

/** Empties the store between tests: opening a store per test would dominate the run time. */
async function resetStore(store: Store): Promise<void> {
  await store.db.delete(trials);
  await store.db.delete(syncRuns);
}

describe('ClinicalTrials.gov sync', () => {
  let store: Store;
  let mock: CtgovMock;

  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await store.close();
  });
  beforeEach(async () => {
    await resetStore(store);
    mock = await startCtgovMock({ studies: [...CORPUS] });
  });
  afterEach(async () => {
    await mock.close();
  });

  /** The trials table after one uninterrupted sync of CORPUS into an empty store; leaves the store empty. */
  async function uninterrupted() {
    const m = await startCtgovMock({ studies: [...CORPUS] });
    try {
      const outcome = await runSync(syncDeps(store, m), { interactive: false });
      expect(outcome).toMatchObject({ status: 'succeeded', resumedFrom: null, pages: PAGES });
      return await snapshot(store);
    } finally {
      await m.close();
      await resetStore(store);
    }
  }

  it('stores every valid real study exactly once through 429, 500, truncated, slow and reset faults, skipping the invalid ones', async () => {
    // The whole recorded corpus, in pages of 50.
    mock.studies = [...FULL_CORPUS];
    const served = FULL_CORPUS.filter(isOpen);
    const valid = served.filter(isValid);
    mock.inject({ fault: { kind: 'status', status: 429, retryAfter: '2' }, when: (r) => r.offset === 50 });
    mock.inject({ fault: { kind: 'status', status: 500 }, when: (r) => r.offset === 100 });
    mock.inject({ fault: { kind: 'truncate' }, when: (r) => r.offset === 150 });
    mock.inject({ fault: { kind: 'slow', delayMs: 10_000 }, when: (r) => r.offset === 200 });
    mock.inject({ fault: { kind: 'reset' }, when: (r) => r.offset === 250 });
    const { log, lines } = captureLog();

    // The timeout must sit far from both the slow page and a normal one: at 300 ms, with two test
    // workers on a 2-core machine, the good retry of a reset page also timed out and was fetched a third time.
    const outcome = await runSync(syncDeps(store, mock, { CTGOV_TIMEOUT_MS: 3_000, CTGOV_PAGE_SIZE: 50 }, log), {
      interactive: false,
    });

    expect(valid).toHaveLength(served.length - 2);
    expect(outcome).toMatchObject({
      status: 'succeeded',
      mode: 'full',
      pages: Math.ceil(served.length / 50),
      studiesSeen: served.length,
      upserted: valid.length,
      unchanged: 0,
      skippedInvalid: 2,
    });
    // Every fault was met once and retried.
    const faulted = mock.studyRequests().filter((r) => r.fault);
    expect(faulted.map((r) => r.fault)).toEqual(['status', 'status', 'truncate', 'slow', 'reset']);
    for (const f of faulted) expect(mock.studyRequests().filter((r) => r.offset === f.offset)).toHaveLength(2);

    const stored = await snapshot(store);
    expect(await countTrials(store.db)).toBe(valid.length);
    const expected = valid
      .map((s) => checkStudy(s, 'x'))
      .flatMap((c) => (c.ok ? [{ nctId: c.trial.nctId, rawHash: c.trial.rawHash }] : []))
      .sort((a, b) => (a.nctId < b.nctId ? -1 : 1));
    expect(stored.map(({ nctId, rawHash }) => ({ nctId, rawHash }))).toEqual(expected);
    expect(new Set(stored.map((t) => t.source))).toEqual(new Set(['ctgov-api']));

    const [row] = await runs(store);
    expect(row).toMatchObject({
      id: outcome.runId,
      status: 'succeeded',
      nextPageToken: null,
      pages: outcome.pages,
      studiesSeen: served.length,
      upserted: valid.length,
      skippedInvalid: 2,
      dataTimestamp: mock.dataTimestamp,
    });

    // Invalid studies are logged by nctId and reason only, never with record content.
    const skipped = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'skipping invalid study');
    expect(skipped.map((l) => l.nctId)).toEqual([null, 'NCT99999902']);
    expect(skipped.map((l) => l.path)).toEqual([
      '/protocolSection/identificationModule/nctId',
      '/protocolSection/conditionsModule/conditions',
    ]);
    const logText = lines.join('');
    for (const s of served) {
      const title = (s as { protocolSection: { identificationModule: { briefTitle: string } } }).protocolSection
        .identificationModule.briefTitle;
      expect(logText).not.toContain(title);
    }
  });

  it('sends identical query parameters on every page, with the open-status filter on a first (full) run', async () => {
    await runSync(syncDeps(store, mock), { interactive: false });
    const pages = mock.studyRequests();
    expect(pages).toHaveLength(PAGES);
    expect(pages[0]?.query.pageToken).toBeUndefined();
    expect(pages.slice(1).every((r) => r.query.pageToken)).toBe(true);
    const first = fixedParams(pages[0]!.query);
    expect(first).toEqual({
      'query.cond': 'cancer',
      'filter.overallStatus': 'RECRUITING|NOT_YET_RECRUITING',
      format: 'json',
      pageSize: String(PAGE),
    });
    for (const r of pages) expect(fixedParams(r.query)).toEqual(first);
    expect(mock.requests[0]?.path).toBe('/version');
  });

  it('runs incrementally after a success: LastUpdatePostDate from the last data timestamp, no status filter, so a trial that closed is updated', async () => {
    await runSync(syncDeps(store, mock), { interactive: false });
    const closing = VALID_OPEN[20]!;
    const id = nctIdOf(closing);
    mock.studies = mock.studies.map((s) =>
      s === closing ? updatedStudy(s, { overallStatus: 'COMPLETED', lastUpdatePostDate: '2026-08-03' }) : s,
    );
    mock.dataTimestamp = '2026-08-04T06:00:00';
    mock.requests.length = 0;

    const outcome = await runSync(syncDeps(store, mock), { interactive: false });

    expect(outcome).toMatchObject({
      status: 'succeeded',
      mode: 'incremental',
      since: '2026-08-01',
      studiesSeen: 1,
      upserted: 1,
    });
    const pages = mock.studyRequests();
    expect(pages).toHaveLength(1);
    expect(pages[0]?.query['filter.advanced']).toBe('AREA[LastUpdatePostDate]RANGE[2026-08-01,MAX]');
    expect(pages[0]?.query).not.toHaveProperty('filter.overallStatus');
    const [stored] = await store.db.select().from(trials).where(eq(trials.nctId, id));
    expect(stored?.overallStatus).toBe('COMPLETED');
    expect(await countTrials(store.db)).toBe(VALID_OPEN.length);
  });

  it('records a skipped run and fetches no studies when /version reports the same data timestamp', async () => {
    await runSync(syncDeps(store, mock), { interactive: false });
    mock.requests.length = 0;
    const outcome = await runSync(syncDeps(store, mock), { interactive: false });
    expect(outcome.status).toBe('skipped');
    expect(mock.requests.map((r) => r.path)).toEqual(['/version']);
    expect((await runs(store)).map((r) => r.status)).toEqual(['succeeded', 'skipped']);
    // --full forces a run even though nothing changed upstream.
    const forced = await runSync(syncDeps(store, mock), { full: true, interactive: false });
    expect(forced).toMatchObject({ status: 'succeeded', mode: 'full', upserted: 0, unchanged: VALID_OPEN.length });
  });

  it('--since runs incrementally from that date on an empty store, across all statuses', async () => {
    const outcome = await runSync(syncDeps(store, mock), { since: '2025-01-01', interactive: false });
    const served = CORPUS.filter((s) => (dateOf(s) ?? '') >= '2025-01-01');
    expect(served.some((s) => !isOpen(s))).toBe(true);
    expect(outcome).toMatchObject({
      status: 'succeeded',
      mode: 'incremental',
      since: '2025-01-01',
      studiesSeen: served.length,
    });
    expect(mock.studyRequests()[0]?.query['filter.advanced']).toBe('AREA[LastUpdatePostDate]RANGE[2025-01-01,MAX]');
    expect((await snapshot(store)).map((t) => t.nctId)).toEqual(served.filter(isValid).map(nctIdOf).sort());
  });

  it('resumes a failed run from its checkpoint with the same parameters and ends identical to an uninterrupted run', async () => {
    const expected = await uninterrupted();
    // Page 4 (offset 60) keeps failing: the run stops after three committed pages.
    mock.inject({ fault: { kind: 'status', status: 503 }, when: (r) => (r.offset ?? 0) >= 60, times: Infinity });
    const failed = await runSync(syncDeps(store, mock, { CTGOV_MAX_RETRIES: 1 }), { interactive: false });
    expect(failed).toMatchObject({
      status: 'failed',
      pages: 3,
      error: { code: 'upstream_unavailable', path: '/studies' },
    });
    const [failedRow] = await runs(store);
    expect(failedRow).toMatchObject({ status: 'failed', errorCode: 'upstream_unavailable', pages: 3 });
    expect(failedRow?.nextPageToken).toBeTruthy();
    expect(await countTrials(store.db)).toBe(SERVED.slice(0, 60).filter(isValid).length);

    mock.clearFaults();
    mock.requests.length = 0;
    // Configuration changed meanwhile: a resumed run must still replay the stored parameters.
    const resumed = await runSync(
      syncDeps(store, mock, { CTM_SYNC_CONDITION: 'lymphoma', CTM_SYNC_QUERY: { 'query.locn': 'Canada' } }),
      { interactive: false },
    );
    expect(resumed).toMatchObject({
      status: 'succeeded',
      resumedFrom: failed.runId,
      restarted: false,
      pages: PAGES - 3,
    });
    const requests = mock.studyRequests();
    expect(requests[0]?.query.pageToken).toBe(failedRow?.nextPageToken);
    expect(requests[0]?.offset).toBe(60);
    for (const r of requests) expect(r.query['query.cond']).toBe('cancer');
    expect(requests.every((r) => !('query.locn' in r.query))).toBe(true);

    expect(await snapshot(store)).toEqual(expected);
    expect((await runs(store)).map((r) => [r.status, r.resumedFrom])).toEqual([
      ['failed', null],
      ['succeeded', failed.runId],
    ]);
  });

  it('resumes a run whose process died mid-way (row left running) and marks the dead run interrupted', async () => {
    const expected = await uninterrupted();
    const controller = new AbortController();
    // Abort while page 4 is in flight, then make the row look like the process was killed there.
    mock.inject({
      fault: { kind: 'slow', delayMs: 5_000 },
      when: (r) => {
        if (r.offset === 60) setImmediate(() => controller.abort());
        return r.offset === 60;
      },
    });
    const aborted = await runSync(syncDeps(store, mock), { signal: controller.signal, interactive: false });
    expect(aborted).toMatchObject({ status: 'failed', pages: 3, error: { code: 'aborted' } });
    await store.db
      .update(syncRuns)
      .set({ status: 'running', errorCode: null, errorMessage: null, finishedAt: null })
      .where(eq(syncRuns.id, aborted.runId!));

    mock.clearFaults();
    const resumed = await runSync(syncDeps(store, mock), { interactive: false });
    expect(resumed).toMatchObject({ status: 'succeeded', resumedFrom: aborted.runId, pages: PAGES - 3 });
    expect(await snapshot(store)).toEqual(expected);
    const [dead] = await runs(store);
    expect(dead).toMatchObject({ status: 'failed', errorCode: 'sync_interrupted' });
  });

  it('restarts the same query from page one when the upstream refuses the checkpoint token, still ending identical', async () => {
    const expected = await uninterrupted();
    mock.inject({ fault: { kind: 'status', status: 500 }, when: (r) => (r.offset ?? 0) >= 80, times: Infinity });
    const failed = await runSync(syncDeps(store, mock, { CTGOV_MAX_RETRIES: 0 }), { interactive: false });
    expect(failed).toMatchObject({ status: 'failed', pages: 4 });
    mock.clearFaults();
    mock.expireTokens();
    mock.requests.length = 0;

    const resumed = await runSync(syncDeps(store, mock), { interactive: false });

    expect(resumed).toMatchObject({ status: 'succeeded', resumedFrom: failed.runId, restarted: true, pages: PAGES });
    const [refused, ...rest] = mock.studyRequests();
    expect(refused?.status).toBe(400);
    expect(rest[0]?.query.pageToken).toBeUndefined();
    expect(fixedParams(rest[0]!.query)).toEqual(fixedParams(refused!.query));
    expect(await snapshot(store)).toEqual(expected);
  });

  it('lets only one sync run at a time: a second concurrent runner gets status locked and writes nothing', async () => {
    mock.inject({ fault: { kind: 'slow', delayMs: 400 } });
    // The slow answers only keep the first run busy; a timeout well above them keeps a loaded machine
    // from turning one into a retry, which would count as a second /version call.
    const patient = { CTGOV_TIMEOUT_MS: 10_000 };
    const first = runSync(syncDeps(store, mock, patient), { interactive: false });
    while (mock.studyRequests().length === 0) await new Promise((r) => setTimeout(r, 10));
    const second = await runSync(syncDeps(store, mock, patient), { interactive: false });
    expect(second).toMatchObject({ status: 'locked', runId: null, pages: 0 });
    expect((await first).status).toBe('succeeded');
    expect(await runs(store)).toHaveLength(1);
    expect(mock.requests.filter((r) => r.path === '/version')).toHaveLength(1);
  });

  it('a failed run leaves earlier stored trials untouched: older copies are refused and nothing is deleted', async () => {
    await runSync(syncDeps(store, mock), { interactive: false });
    const before = await store.db.select().from(trials).orderBy(asc(trials.nctId));
    // Upstream now serves stale copies (older date, another status) and fails after the first page.
    mock.studies = VALID_OPEN.map((s) =>
      updatedStudy(s, { overallStatus: 'WITHDRAWN', lastUpdatePostDate: '2001-01-01' }),
    );
    mock.inject({ fault: { kind: 'status', status: 502 }, when: (r) => (r.offset ?? 0) >= PAGE, times: Infinity });

    const outcome = await runSync(syncDeps(store, mock, { CTGOV_MAX_RETRIES: 1 }), {
      since: '2000-01-01',
      interactive: false,
    });

    expect(outcome).toMatchObject({ status: 'failed', pages: 1, upserted: 0, unchanged: PAGE });
    expect(outcome.error?.code).toBe('upstream_unavailable');
    expect(await store.db.select().from(trials).orderBy(asc(trials.nctId))).toEqual(before);
    const failedRow = (await runs(store)).at(-1);
    expect(failedRow).toMatchObject({ status: 'failed', errorCode: 'upstream_unavailable' });
    expect(failedRow?.errorMessage).not.toMatch(/WITHDRAWN|protocolSection/);
  });

  it('stops a listing whose next page token repeats with upstream_paging_loop, keeping the pages before it', async () => {
    mock.inject({ fault: { kind: 'repeatToken' }, times: Infinity });
    const outcome = await runSync(syncDeps(store, mock), { interactive: false });
    expect(outcome).toMatchObject({
      status: 'failed',
      pages: 1,
      error: { code: 'upstream_paging_loop', path: '/studies' },
    });
    expect(await countTrials(store.db)).toBe(SERVED.slice(0, PAGE).filter(isValid).length);
    expect((await runs(store))[0]).toMatchObject({ status: 'failed', errorCode: 'upstream_paging_loop' });
  });

  it('stops a listing that never ends (fresh tokens forever) at the page limit with upstream_paging_loop', async () => {
    mock.inject({ fault: { kind: 'endless' }, times: Infinity });
    const outcome = await runSync(syncDeps(store, mock), { maxPages: 5, interactive: false });
    expect(outcome).toMatchObject({ status: 'failed', pages: 5, error: { code: 'upstream_paging_loop' } });
    expect(mock.studyRequests()).toHaveLength(5);
  });

  it('fails the run with upstream_invalid_response when truncated pages outlast the retries', async () => {
    mock.inject({ fault: { kind: 'truncate' }, when: (r) => r.offset === 2 * PAGE, times: Infinity });
    const outcome = await runSync(syncDeps(store, mock, { CTGOV_MAX_RETRIES: 2 }), { interactive: false });
    expect(outcome).toMatchObject({
      status: 'failed',
      pages: 2,
      error: { code: 'upstream_invalid_response', path: '/studies' },
    });
    expect(mock.studyRequests().filter((r) => r.offset === 2 * PAGE)).toHaveLength(3);
  });

  it('records a failed run without touching trials when /version is unreachable', async () => {
    mock.inject({ path: '/version', fault: { kind: 'status', status: 503 }, times: Infinity });
    const outcome = await runSync(syncDeps(store, mock, { CTGOV_MAX_RETRIES: 1 }), { interactive: false });
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'upstream_unavailable', path: '/version' } });
    expect(mock.studyRequests()).toHaveLength(0);
    expect((await runs(store))[0]).toMatchObject({ status: 'failed', mode: 'full', errorCode: 'upstream_unavailable' });
  });

  it('rejects --full together with --since, and a since that is not a real date', async () => {
    await expect(runSync(syncDeps(store, mock), { full: true, since: '2026-01-01' })).rejects.toMatchObject({
      code: 'invalid_option',
    });
    await expect(runSync(syncDeps(store, mock), { since: '2026-02-30' })).rejects.toMatchObject({
      code: 'invalid_option',
      path: '/since',
    });
    expect(mock.requests).toHaveLength(0);
  });
});

describe('sync query parameters', () => {
  const config = { CTM_SYNC_CONDITION: 'cancer', CTM_SYNC_QUERY: { 'query.locn': 'Canada', pageSize: '5' } };

  it('adds CTM_SYNC_QUERY to the condition and keeps paging parameters for the client', () => {
    expect(buildSyncParams(config, 'full', null)).toEqual({
      'query.cond': 'cancer',
      'query.locn': 'Canada',
      'filter.overallStatus': 'RECRUITING|NOT_YET_RECRUITING',
    });
  });

  it('drops the status filter on incremental runs and ANDs a configured filter.advanced with the date range', () => {
    const params = buildSyncParams(
      {
        CTM_SYNC_CONDITION: 'cancer',
        CTM_SYNC_QUERY: { 'filter.overallStatus': 'RECRUITING', 'filter.advanced': 'AREA[Phase]PHASE3' },
      },
      'incremental',
      '2026-01-02',
    );
    expect(params).toEqual({
      'query.cond': 'cancer',
      'filter.advanced': '(AREA[Phase]PHASE3) AND AREA[LastUpdatePostDate]RANGE[2026-01-02,MAX]',
    });
  });
});
