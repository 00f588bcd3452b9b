/** `ctmatch stats [--json]`: what the store holds and how the last sync went. */
import { parseCommandArgs, type Command } from './command';
import { latestSyncRun } from '../store/sync-runs-repo';
import { countTrials, countTrialsByStatus } from '../store/trials-repo';
import { withContext } from './context';

const usage = 'Usage: ctmatch stats [--json]\n\nPrints trial counts by status and the last sync run.';

export const statsCommand: Command = {
  summary: 'Show trial counts by status and the last sync',
  usage,
  async run(args) {
    const { values } = parseCommandArgs(args, { json: { type: 'boolean' } }, usage);
    const stats = await withContext(async ({ store }) => {
      const [trials, byStatus, run] = await Promise.all([
        countTrials(store.db),
        countTrialsByStatus(store.db),
        latestSyncRun(store.db),
      ]);
      return {
        trials,
        byStatus,
        lastSync: run
          ? {
              id: run.id,
              status: run.status,
              mode: run.mode,
              since: run.since,
              startedAt: run.startedAt,
              finishedAt: run.finishedAt,
              pages: run.pages,
              studiesSeen: run.studiesSeen,
              upserted: run.upserted,
              unchanged: run.unchanged,
              skippedInvalid: run.skippedInvalid,
              errorCode: run.errorCode,
            }
          : null,
        store: store.kind,
      };
    });
    if (values.json) {
      process.stdout.write(JSON.stringify(stats) + '\n');
      return 0;
    }
    const lines = [`Trials: ${stats.trials} (${stats.store} store)`];
    for (const [status, n] of Object.entries(stats.byStatus)) lines.push(`  ${status.padEnd(26)} ${n}`);
    const s = stats.lastSync;
    lines.push(
      s
        ? `Last sync: #${s.id} ${s.status} (${s.mode}), ${s.upserted} upserted, ${s.skippedInvalid} invalid skipped, started ${new Date(s.startedAt).toISOString()}${s.errorCode ? `, error ${s.errorCode}` : ''}`
        : 'Last sync: never',
    );
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};
