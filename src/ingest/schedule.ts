/**
 * The periodic sync inside a long-running process (`serve`, or `sync` without `--once`): node-cron
 * fires `runSync` on CTM_SYNC_CRON. A failed sync is logged and waits for the next tick; it never
 * takes the process down. Stopping aborts a sync in flight (its checkpoint stays, so the next run
 * resumes) and resolves once it has wound down.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import type { Store } from '../store/database';
import type { CtgovClient } from './ctgov-client';
import { runSync, type SyncConfig, type SyncOutcome } from './sync';

export interface SyncScheduleDeps {
  store: Store;
  config: SyncConfig & Pick<Config, 'CTM_SYNC_CRON'>;
  log: Logger;
  /** Defaults to a client built from `config`. */
  client?: CtgovClient;
  /** Called after every scheduled run, whatever its outcome (monitoring hooks, tests). */
  onOutcome?: (outcome: SyncOutcome) => void;
}

export interface SyncSchedule {
  /** Next time the cron expression fires, or null once stopped. */
  nextRun(): Date | null;
  /** Stops the schedule, aborts a sync in flight and resolves when it has finished or been abandoned. */
  stop(): Promise<void>;
}

export function startSyncSchedule(deps: SyncScheduleDeps): SyncSchedule {
  const { config, log } = deps;
  const expression = config.CTM_SYNC_CRON;
  const check = cron.validateDetailed(expression);
  if (!check.valid) {
    throw new AppError(
      'invalid_config',
      `Invalid configuration: CTM_SYNC_CRON "${expression}" is not a cron expression (${check.errors[0]?.message ?? 'unreadable'}).`,
      { path: '/CTM_SYNC_CRON' },
    );
  }

  let controller: AbortController | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const tick = async (): Promise<void> => {
    if (stopped || running) return;
    controller = new AbortController();
    running = (async () => {
      try {
        const outcome = await runSync(
          { store: deps.store, config, log, ...(deps.client ? { client: deps.client } : {}) },
          { signal: controller.signal, interactive: false },
        );
        const level = outcome.status === 'failed' ? 'error' : 'info';
        log[level](
          { runId: outcome.runId, status: outcome.status, upserted: outcome.upserted, code: outcome.error?.code },
          `scheduled sync ${outcome.status}`,
        );
        deps.onOutcome?.(outcome);
      } catch (e) {
        // runSync reports run failures as outcomes; anything thrown here is a bug or a store outage.
        log.error({ err: { name: (e as Error)?.name, message: (e as Error)?.message } }, 'scheduled sync crashed');
      }
    })();
    try {
      await running;
    } finally {
      running = undefined;
      controller = undefined;
    }
  };

  const task: ScheduledTask = cron.schedule(expression, tick, {
    name: 'ctmatch-sync',
    // A sync can outlast the interval (a first full load takes a while); a second one would only wait
    // for the lock, so ticks that fire during a run are dropped.
    noOverlap: true,
    logger: {
      info: (message) => log.info({ component: 'node-cron' }, message),
      warn: (message) => log.warn({ component: 'node-cron' }, message),
      error: (message) =>
        log.error({ component: 'node-cron' }, String(message instanceof Error ? message.message : message)),
      debug: (message) =>
        log.debug({ component: 'node-cron' }, String(message instanceof Error ? message.message : message)),
    },
  });
  log.info({ cron: expression, next: task.getNextRun() }, 'sync scheduled');

  let stopping: Promise<void> | undefined;
  return {
    nextRun: () => (stopped ? null : task.getNextRun()),
    stop() {
      stopping ??= (async () => {
        stopped = true;
        await task.stop();
        await task.destroy();
        controller?.abort();
        await running;
      })();
      return stopping;
    },
  };
}
