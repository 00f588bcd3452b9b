/**
 * The ClinicalTrials.gov sync: pages through `GET /studies` for the configured selection and upserts
 * every valid study, committing a checkpoint with each page so that a run killed at any point resumes
 * where it stopped.
 *
 * Guarantees:
 * - One runner at a time across processes (Postgres advisory lock `LOCKS.sync`).
 * - Each page lands atomically: its upserts and the checkpoint (next page token and counts) are one
 *   transaction, so a crash can never record a page that was not stored, or store one twice
 *   (replaying it would be harmless anyway: upserts are idempotent and refuse older copies).
 * - A failed or partial run never deletes or downgrades a stored trial; there is no DELETE here.
 * - One invalid study is skipped, counted and logged by nctId; it never aborts the run.
 *
 * Resume semantics: a run that stopped part-way (row still `running` because the process died, or
 * `failed` with a checkpoint) is continued by the next run, which creates a NEW sync_runs row with
 * `resumedFrom` = the old id, the old row's exact `params`, `mode`, `since` and `dataTimestamp`, and
 * starts from the old row's `nextPageToken`. Each row counts only the pages it fetched itself. The
 * new row carries the checkpoint from the moment it is created, so a resumed run that fails before its
 * first page is itself resumable. If the upstream no longer accepts the old token (HTTP 400, e.g. it
 * expired), the same query restarts from its first page; idempotent upserts make that safe, only
 * slower. `--full` or `--since` start a new query instead of resuming.
 */
import type { Config } from '../config';
import { AppError, isAppError } from '../errors';
import type { Logger } from '../logger';
import { createProgress, type Progress } from '../progress';
import { LOCKS, type Db, type Store } from '../store/database';
import {
  createSyncRun,
  finishSyncRun,
  latestSuccessfulSyncRun,
  latestUnfinishedSyncRun,
  recordPage,
  type SyncRun,
} from '../store/sync-runs-repo';
import { upsertTrials, type TrialUpsert } from '../store/trials-repo';
import {
  abortedError,
  CLIENT_PARAMS,
  clientOptionsFromConfig,
  createCtgovClient,
  UpstreamError,
  type CtgovClient,
} from './ctgov-client';
import { checkStudy } from './study-record';

export const SYNC_SOURCE = 'ctgov-api';

/** Statuses a person can still enrol in; the first (full) load keeps only these. */
export const OPEN_STATUSES = ['RECRUITING', 'NOT_YET_RECRUITING'] as const;

export const DEFAULT_MAX_PAGES = 10_000;

export type SyncConfig = Pick<
  Config,
  | 'CTGOV_BASE_URL'
  | 'CTGOV_TIMEOUT_MS'
  | 'CTGOV_MAX_RETRIES'
  | 'CTGOV_RATE_LIMIT_PER_MIN'
  | 'CTGOV_PAGE_SIZE'
  | 'CTM_SYNC_CONDITION'
  | 'CTM_SYNC_QUERY'
>;

export interface SyncDeps {
  store: Store;
  config: SyncConfig;
  log: Logger;
  /** Defaults to a client built from `config`. */
  client?: CtgovClient;
}

export interface SyncOptions {
  /** Ignore previous runs: load every open trial again (status filter, no date filter). */
  full?: boolean;
  /** Incremental from this date (YYYY-MM-DD, inclusive) regardless of previous runs. */
  since?: string;
  /** Paging guard: more pages than this means the upstream is not converging. */
  maxPages?: number;
  /** Cancels the run between pages and aborts the request in flight; the checkpoint stays. */
  signal?: AbortSignal;
  /** Progress bar (TTY) or log lines; defaults to whether stderr is a TTY. */
  interactive?: boolean;
}

export type SyncStatusOutcome = 'succeeded' | 'failed' | 'skipped' | 'locked';

export interface SyncOutcome {
  status: SyncStatusOutcome;
  /** The sync_runs row this run wrote; null when it never got the lock. */
  runId: number | null;
  mode: 'full' | 'incremental' | null;
  since: string | null;
  resumedFrom: number | null;
  /** True when a resumed run's checkpoint token was refused and the query restarted from page one. */
  restarted: boolean;
  pages: number;
  studiesSeen: number;
  /** Inserted or changed. */
  upserted: number;
  /** Already stored with the same content, or stored with a newer copy. */
  unchanged: number;
  skippedInvalid: number;
  error?: { code: string; message: string; path?: string | undefined };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in YYYY-MM-DD form (rejects 2024-02-30). */
export function isValidIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/**
 * The query parameters of a run. They are stored with the run and replayed verbatim on resume,
 * because the spec requires every page of one listing to be requested with the same parameters.
 */
export function buildSyncParams(
  config: Pick<Config, 'CTM_SYNC_CONDITION' | 'CTM_SYNC_QUERY'>,
  mode: 'full' | 'incremental',
  since: string | null,
): Record<string, string> {
  const params: Record<string, string> = { 'query.cond': config.CTM_SYNC_CONDITION };
  for (const [key, value] of Object.entries(config.CTM_SYNC_QUERY)) {
    // Paging parameters belong to the client; letting configuration set them would break paging.
    if (!(CLIENT_PARAMS as readonly string[]).includes(key)) params[key] = value;
  }
  if (mode === 'full') {
    params['filter.overallStatus'] ??= OPEN_STATUSES.join('|');
  } else {
    // No status filter on an incremental run: a stored trial that moves to COMPLETED, TERMINATED,
    // SUSPENDED... must reach us, or it would stay "recruiting" in our store forever. The date filter
    // already keeps these runs small.
    delete params['filter.overallStatus'];
    const range = `AREA[LastUpdatePostDate]RANGE[${since ?? 'MIN'},MAX]`;
    const extra = params['filter.advanced'];
    params['filter.advanced'] = extra ? `(${extra}) AND ${range}` : range;
  }
  return params;
}

/**
 * Start date of an automatic incremental run: the date part of the data timestamp the last successful
 * run saw. Inclusive, so the boundary day is fetched again; replaying it is idempotent.
 */
export function sinceFromRun(run: SyncRun): string {
  const fromData = run.dataTimestamp?.slice(0, 10);
  if (fromData && isValidIsoDate(fromData)) return fromData;
  // No data timestamp was reported: fall back to a day before our own start, in UTC.
  const started = new Date(run.startedAt);
  started.setUTCDate(started.getUTCDate() - 1);
  return started.toISOString().slice(0, 10);
}

function emptyOutcome(status: SyncStatusOutcome): SyncOutcome {
  return {
    status,
    runId: null,
    mode: null,
    since: null,
    resumedFrom: null,
    restarted: false,
    pages: 0,
    studiesSeen: 0,
    upserted: 0,
    unchanged: 0,
    skippedInvalid: 0,
  };
}

/** Error fields safe to store and log: code and message only; never a driver's detail (it can echo row data). */
function describeError(e: unknown): { code: string; message: string; path?: string | undefined } {
  if (isAppError(e)) return { code: e.code, message: e.message, path: e.path };
  const name = e instanceof Error ? e.name : typeof e;
  return { code: 'internal_error', message: `Unexpected ${name} during sync; see the service log.` };
}

/** Runs one sync. Never throws for upstream or run failures: they come back as `status: 'failed'`. */
export async function runSync(deps: SyncDeps, options: SyncOptions = {}): Promise<SyncOutcome> {
  if (options.full && options.since) {
    throw new AppError('invalid_option', 'Choose either a full sync or --since, not both.', { status: 400 });
  }
  if (options.since !== undefined && !isValidIsoDate(options.since)) {
    throw new AppError('invalid_option', 'since must be a date in YYYY-MM-DD form.', { status: 400, path: '/since' });
  }
  const locked = await deps.store.tryWithLock(LOCKS.sync, () => runLocked(deps, options));
  if (!locked.acquired) {
    deps.log.info('sync skipped: another sync holds the lock');
    return emptyOutcome('locked');
  }
  return locked.value;
}

interface Plan {
  mode: 'full' | 'incremental';
  params: Record<string, string>;
  since: string | null;
  dataTimestamp: string | null;
  startToken: string | null;
  resumedFrom: SyncRun | undefined;
}

async function runLocked(deps: SyncDeps, options: SyncOptions): Promise<SyncOutcome> {
  const { store, config, log } = deps;
  const client = deps.client ?? createCtgovClient({ ...clientOptionsFromConfig(config), log });
  const db = store.db;

  // Under the lock, an unfinished row is never live: its process died or it failed.
  const unfinished = await latestUnfinishedSyncRun(db);
  const forced = Boolean(options.full || options.since);
  const resumable = !forced && unfinished?.nextPageToken ? unfinished : undefined;
  if (unfinished && unfinished.status === 'running' && !resumable) {
    await finishSyncRun(db, unfinished.id, 'failed', {
      code: 'sync_interrupted',
      message: 'The process running this sync stopped before it finished; a later run started over.',
    });
  }

  let plan: Plan;
  let version: { dataTimestamp: string | undefined } | undefined;
  if (resumable) {
    plan = {
      mode: resumable.mode === 'full' ? 'full' : 'incremental',
      params: resumable.params,
      since: resumable.since,
      // The chain's data is only as fresh as its oldest page, so the old timestamp stays; the next
      // incremental run then starts early enough to cover anything changed meanwhile.
      dataTimestamp: resumable.dataTimestamp,
      startToken: resumable.nextPageToken,
      resumedFrom: resumable,
    };
  } else {
    const lastSuccess = await latestSuccessfulSyncRun(db);
    const mode = options.full || (!lastSuccess && !options.since) ? 'full' : 'incremental';
    const since = mode === 'full' ? null : (options.since ?? sinceFromRun(lastSuccess!));
    const params = buildSyncParams(config, mode, since);
    try {
      version = await client.version(options.signal);
    } catch (e) {
      const run = await createSyncRun(db, { mode, params, since, dataTimestamp: null });
      return fail(db, log, run, emptyOutcome('failed'), e);
    }
    if (!forced && lastSuccess?.dataTimestamp && version.dataTimestamp === lastSuccess.dataTimestamp) {
      const run = await createSyncRun(db, { mode, params, since, dataTimestamp: version.dataTimestamp });
      await finishSyncRun(db, run.id, 'skipped');
      log.info({ runId: run.id, dataTimestamp: version.dataTimestamp }, 'sync skipped: upstream data unchanged');
      return { ...emptyOutcome('skipped'), runId: run.id, mode, since };
    }
    plan = {
      mode,
      params,
      since,
      dataTimestamp: version.dataTimestamp ?? null,
      startToken: null,
      resumedFrom: undefined,
    };
  }

  const run = await createSyncRun(db, {
    mode: plan.mode,
    params: plan.params,
    since: plan.since,
    dataTimestamp: plan.dataTimestamp,
    resumedFrom: plan.resumedFrom?.id ?? null,
    nextPageToken: plan.startToken,
  });
  if (plan.resumedFrom?.status === 'running') {
    await finishSyncRun(db, plan.resumedFrom.id, 'failed', {
      code: 'sync_interrupted',
      message: `The process running this sync stopped before it finished; run #${run.id} resumed it.`,
    });
  }
  log.info(
    {
      runId: run.id,
      mode: plan.mode,
      since: plan.since,
      resumedFrom: plan.resumedFrom?.id,
      dataTimestamp: plan.dataTimestamp,
      params: plan.params,
    },
    plan.resumedFrom ? 'sync resuming from checkpoint' : 'sync started',
  );

  const outcome: SyncOutcome = {
    ...emptyOutcome('succeeded'),
    runId: run.id,
    mode: plan.mode,
    since: plan.since,
    resumedFrom: plan.resumedFrom?.id ?? null,
  };
  const progress = createProgress({
    label: `sync #${run.id}`,
    log,
    unit: 'studies',
    ...(options.interactive === undefined ? {} : { interactive: options.interactive }),
  });
  try {
    await pageLoop(deps, client, run.id, plan, options, outcome, progress);
  } catch (e) {
    return fail(db, log, run, outcome, e);
  } finally {
    progress.stop();
  }
  log.info(
    {
      runId: run.id,
      pages: outcome.pages,
      studiesSeen: outcome.studiesSeen,
      upserted: outcome.upserted,
      unchanged: outcome.unchanged,
      skippedInvalid: outcome.skippedInvalid,
      restarted: outcome.restarted,
    },
    'sync succeeded',
  );
  return outcome;
}

async function pageLoop(
  deps: SyncDeps,
  client: CtgovClient,
  runId: number,
  plan: Plan,
  options: SyncOptions,
  outcome: SyncOutcome,
  progress: Progress,
): Promise<void> {
  const { store, log } = deps;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  let token: string | undefined = plan.startToken ?? undefined;
  let fromCheckpoint = Boolean(token);
  // Every token this run has followed: meeting one again means the upstream is going round in circles.
  const seen = new Set<string>(token ? [token] : []);
  let total: number | undefined;

  for (;;) {
    if (options.signal?.aborted) throw abortedError();
    if (outcome.pages >= maxPages) {
      throw new AppError('upstream_paging_loop', `Stopped after ${maxPages} pages: the listing does not end.`, {
        status: 502,
        path: '/studies',
      });
    }
    let page;
    try {
      page = await client.listStudies(plan.params, { pageToken: token, countTotal: !token, signal: options.signal });
    } catch (e) {
      if (fromCheckpoint && e instanceof UpstreamError && e.upstreamStatus === 400) {
        log.warn({ runId }, 'the checkpoint page token was refused; restarting the same query from its first page');
        token = undefined;
        fromCheckpoint = false;
        seen.clear();
        outcome.restarted = true;
        continue;
      }
      throw e;
    }
    fromCheckpoint = false;
    const next = page.nextPageToken ?? null;
    if (next !== null && seen.has(next)) {
      throw new AppError(
        'upstream_paging_loop',
        'ClinicalTrials.gov returned a page token it had already returned: the listing does not end.',
        { status: 502, path: '/studies' },
      );
    }
    if (next !== null) seen.add(next);
    if (page.totalCount !== undefined) total = page.totalCount;

    const valid: TrialUpsert[] = [];
    let invalid = 0;
    for (const raw of page.studies) {
      const checked = checkStudy(raw, SYNC_SOURCE);
      if (checked.ok) {
        valid.push(checked.trial);
        continue;
      }
      invalid++;
      // nctId, pointer and schema message only: the record's content never reaches the log.
      log.warn(
        { runId, nctId: checked.nctId?.slice(0, 32) ?? null, path: checked.path, reason: checked.message },
        'skipping invalid study',
      );
    }

    const studiesOnPage = page.studies.length;
    const counts = await store.db.transaction(async (tx) => {
      // drizzle's transaction handle is a PgDatabase over the same schema, i.e. a Db.
      const txDb: Db = tx;
      const written = await upsertTrials(txDb, valid);
      await recordPage(txDb, runId, {
        nextPageToken: next,
        studiesSeen: studiesOnPage,
        upserted: written.inserted + written.updated,
        unchanged: written.unchanged,
        skippedInvalid: invalid,
      });
      // The last page and the run's success commit together: no window where all pages are stored
      // but the run still looks unfinished.
      if (next === null) await finishSyncRun(txDb, runId, 'succeeded');
      return written;
    });
    outcome.upserted += counts.inserted + counts.updated;
    outcome.unchanged += counts.unchanged;
    outcome.pages += 1;
    outcome.studiesSeen += page.studies.length;
    outcome.skippedInvalid += invalid;
    progress.increment(page.studies.length, total);
    log.debug({ runId, page: outcome.pages, studies: page.studies.length, invalid }, 'sync page committed');

    if (next === null) return;
    token = next;
  }
}

async function fail(db: Db, log: Logger, run: SyncRun, outcome: SyncOutcome, e: unknown): Promise<SyncOutcome> {
  const error = describeError(e);
  if (isAppError(e)) {
    log.error(
      { runId: run.id, code: error.code, path: error.path, pages: outcome.pages },
      `sync failed: ${error.message}`,
    );
  } else {
    // Unexpected: name and message help; a driver's `detail` could hold row data, so it is left out.
    log.error(
      { runId: run.id, err: { name: (e as Error)?.name, message: (e as Error)?.message, stack: (e as Error)?.stack } },
      'sync failed unexpectedly',
    );
  }
  await finishSyncRun(db, run.id, 'failed', { code: error.code, message: error.message });
  return { ...outcome, status: 'failed', runId: run.id, error };
}
