/**
 * `ctmatch sync`: with `--once`, one sync from ClinicalTrials.gov and exit (0 succeeded or skipped,
 * 1 failed, or not run because another sync holds the lock); without it, the sync schedule in the foreground until SIGINT or SIGTERM.
 * Ctrl-C during a run aborts it cleanly: the last committed page is the checkpoint the next run
 * resumes from.
 */
import { parseCommandArgs, usageError, type Command } from './command';
import { withContext } from './context';
import { startSyncSchedule } from '../ingest/schedule';
import { isValidIsoDate, runSync, type SyncOutcome } from '../ingest/sync';

const usage = `Usage: ctmatch sync --once [--since YYYY-MM-DD] [--full] [--json]
       ctmatch sync

  --once     run one sync and exit (without it: run on CTM_SYNC_CRON until stopped)
  --since    fetch studies updated on or after this date, whatever earlier runs did
  --full     reload every open (recruiting / not yet recruiting) study
  --json     print the outcome as one JSON object

Exit status with --once: 0 succeeded or skipped (upstream data unchanged), 1 failed or another
sync is already running.

The first sync is a full load; later ones fetch only what changed since the last successful run,
and a run that stopped part-way resumes from its checkpoint. Selection: CTM_SYNC_CONDITION
(default "cancer") and CTM_SYNC_QUERY. Upstream: CTGOV_BASE_URL.`;

export const syncCommand: Command = {
  summary: 'Sync trials from ClinicalTrials.gov (once, or on a schedule)',
  usage,
  async run(args) {
    const { values } = parseCommandArgs(
      args,
      {
        once: { type: 'boolean' },
        since: { type: 'string' },
        full: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      usage,
    );
    if (values.since !== undefined && !isValidIsoDate(values.since)) {
      throw usageError(`--since must be a real date in YYYY-MM-DD form, not "${values.since}".`, usage);
    }
    if (values.since !== undefined && values.full) throw usageError('Use either --since or --full, not both.', usage);
    if (!values.once && (values.since !== undefined || values.full || values.json)) {
      throw usageError('--since, --full and --json apply to a single run: add --once.', usage);
    }
    return values.once
      ? runOnce({ since: values.since, full: Boolean(values.full), json: Boolean(values.json) })
      : runForeground();
  },
};

async function runOnce(opts: { since: string | undefined; full: boolean; json: boolean }): Promise<number> {
  const outcome = await withContext(async ({ store, config, log }) => {
    const controller = new AbortController();
    const onSignal = (signal: string): void => {
      log.warn({ signal }, 'stopping the sync; the next run resumes from the last committed page');
      controller.abort();
    };
    const onInt = (): void => onSignal('SIGINT');
    const onTerm = (): void => onSignal('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    try {
      return await runSync(
        { store, config, log },
        {
          signal: controller.signal,
          ...(opts.since ? { since: opts.since } : {}),
          ...(opts.full ? { full: true } : {}),
        },
      );
    } finally {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    }
  });
  process.stdout.write((opts.json ? JSON.stringify(outcome) : summary(outcome)) + '\n');
  return outcome.status === 'succeeded' || outcome.status === 'skipped' ? 0 : 1;
}

function summary(o: SyncOutcome): string {
  switch (o.status) {
    case 'locked':
      return 'Sync not run: another sync is running (it holds the sync lock). Try again when it has finished.';
    case 'skipped':
      return `Sync #${o.runId} skipped: ClinicalTrials.gov data has not changed since the last successful sync.`;
    default: {
      const what = `${o.mode ?? ''} sync${o.since ? ` since ${o.since}` : ''}${o.resumedFrom ? `, resumed from #${o.resumedFrom}` : ''}`;
      const counts = `${o.pages} pages, ${o.studiesSeen} studies seen, ${o.upserted} stored or updated, ${o.unchanged} unchanged, ${o.skippedInvalid} invalid skipped`;
      const head = `Sync #${o.runId} ${o.status} (${what.trim()}): ${counts}.`;
      return o.error
        ? `${head}\nerror [${o.error.code}]: ${o.error.message}\nTrials stored so far are kept; the next run resumes from the last committed page, if any.`
        : head;
    }
  }
}

async function runForeground(): Promise<number> {
  await withContext(async ({ store, config, log }) => {
    const schedule = startSyncSchedule({ store, config, log });
    process.stderr.write(
      `Syncing on "${config.CTM_SYNC_CRON}"; next run ${schedule.nextRun()?.toISOString() ?? 'unknown'}. Ctrl-C to stop.\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = (signal: string): void => {
        log.info({ signal }, 'stopping the sync schedule');
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
        schedule.stop().then(resolve, (e: unknown) => {
          log.error({ err: { message: (e as Error)?.message } }, 'stopping the schedule failed');
          resolve();
        });
      };
      const onInt = (): void => stop('SIGINT');
      const onTerm = (): void => stop('SIGTERM');
      process.once('SIGINT', onInt);
      process.once('SIGTERM', onTerm);
    });
  });
  return 0;
}
