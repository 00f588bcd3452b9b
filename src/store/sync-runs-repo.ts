/**
 * Sync-run bookkeeping: one row per run, with the committed checkpoint (next page token and the exact
 * query parameters) and counts. The checkpoint is written in the same transaction as the page it
 * follows, so a run killed at any point resumes from its last committed page.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './database';
import { syncRuns } from './schema';

export type SyncRun = typeof syncRuns.$inferSelect;
export type SyncStatus = 'running' | 'succeeded' | 'failed' | 'skipped';

export interface NewSyncRun {
  mode: 'full' | 'incremental';
  params: Record<string, string>;
  since: string | null;
  dataTimestamp: string | null;
  resumedFrom?: number | null;
  nextPageToken?: string | null;
}

export async function createSyncRun(db: Db, run: NewSyncRun): Promise<SyncRun> {
  const [row] = await db
    .insert(syncRuns)
    .values({ ...run, status: 'running', resumedFrom: run.resumedFrom ?? null })
    .returning();
  return row!;
}

export interface PageProgress {
  nextPageToken: string | null;
  studiesSeen: number;
  upserted: number;
  unchanged: number;
  skippedInvalid: number;
}

/** Records a committed page. Counts are increments. */
export async function recordPage(db: Db, id: number, page: PageProgress): Promise<void> {
  await db
    .update(syncRuns)
    .set({
      nextPageToken: page.nextPageToken,
      pages: sql`${syncRuns.pages} + 1`,
      studiesSeen: sql`${syncRuns.studiesSeen} + ${page.studiesSeen}`,
      upserted: sql`${syncRuns.upserted} + ${page.upserted}`,
      unchanged: sql`${syncRuns.unchanged} + ${page.unchanged}`,
      skippedInvalid: sql`${syncRuns.skippedInvalid} + ${page.skippedInvalid}`,
      updatedAt: sql`now()`,
    })
    .where(eq(syncRuns.id, id));
}

export async function finishSyncRun(
  db: Db,
  id: number,
  status: Exclude<SyncStatus, 'running'>,
  error?: { code: string; message: string },
): Promise<SyncRun> {
  const [row] = await db
    .update(syncRuns)
    .set({
      status,
      errorCode: error?.code ?? null,
      errorMessage: error?.message ?? null,
      finishedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(eq(syncRuns.id, id))
    .returning();
  return row!;
}

export async function latestSyncRun(db: Db): Promise<SyncRun | undefined> {
  const [row] = await db.select().from(syncRuns).orderBy(desc(syncRuns.id)).limit(1);
  return row;
}

export async function latestSuccessfulSyncRun(db: Db): Promise<SyncRun | undefined> {
  const [row] = await db
    .select()
    .from(syncRuns)
    .where(eq(syncRuns.status, 'succeeded'))
    .orderBy(desc(syncRuns.id))
    .limit(1);
  return row;
}

/**
 * The newest run that stopped part-way: still marked running (the process died) or failed with a
 * checkpoint. Only the sync lock holder calls this, so a `running` row here is never live.
 */
export async function latestUnfinishedSyncRun(db: Db): Promise<SyncRun | undefined> {
  const [row] = await db
    .select()
    .from(syncRuns)
    .where(and(inArray(syncRuns.status, ['running', 'failed'])))
    .orderBy(desc(syncRuns.id))
    .limit(1);
  const [newest] = await db.select({ id: syncRuns.id }).from(syncRuns).orderBy(desc(syncRuns.id)).limit(1);
  // A later finished run supersedes anything before it.
  return row && newest && row.id === newest.id ? row : undefined;
}
