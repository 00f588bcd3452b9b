/**
 * Parsed criteria per trial. Rows are keyed by trial and carry the parser version and the raw-study
 * hash they were made from, so "which trials need reparsing" is one indexed query.
 */
import { and, asc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from './database';
import { trialCriteria, trials, type StoredSite } from './schema';

export interface CriteriaRow {
  nctId: string;
  parserVersion: string;
  rawHash: string;
  criteria: unknown[];
  parsed: number;
  partial: number;
  unparsed: number;
}

export interface StaleTrial {
  nctId: string;
  rawHash: string;
  eligibilityCriteria: string | null;
}

/**
 * Trials with no parsed criteria, parsed by another parser version, or changed since they were
 * parsed; `after` pages through them in nctId order.
 */
export async function staleForParsing(db: Db, parserVersion: string, limit: number, after = ''): Promise<StaleTrial[]> {
  return db
    .select({
      nctId: trials.nctId,
      rawHash: trials.rawHash,
      eligibilityCriteria: sql<string | null>`${trials.raw} #>> '{protocolSection,eligibilityModule,eligibilityCriteria}'`,
    })
    .from(trials)
    .leftJoin(trialCriteria, eq(trialCriteria.nctId, trials.nctId))
    .where(
      and(
        gt(trials.nctId, after),
        or(
          isNull(trialCriteria.nctId),
          ne(trialCriteria.parserVersion, parserVersion),
          ne(trialCriteria.rawHash, trials.rawHash),
        ),
      ),
    )
    .orderBy(asc(trials.nctId))
    .limit(limit);
}

export async function upsertCriteria(db: Db, rows: CriteriaRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(trialCriteria)
    .values(rows.map((r) => ({ ...r, criteria: r.criteria as object })))
    .onConflictDoUpdate({
      target: trialCriteria.nctId,
      set: {
        parserVersion: sql`excluded.parser_version`,
        rawHash: sql`excluded.raw_hash`,
        criteria: sql`excluded.criteria`,
        parsed: sql`excluded.parsed`,
        partial: sql`excluded.partial`,
        unparsed: sql`excluded.unparsed`,
        parsedAt: sql`now()`,
      },
    });
}

export async function getCriteria(db: Db, nctId: string): Promise<CriteriaRow | undefined> {
  const [row] = await db.select().from(trialCriteria).where(eq(trialCriteria.nctId, nctId)).limit(1);
  return row ? { ...row, criteria: row.criteria as unknown[] } : undefined;
}

/** Every stored criteria row of one parser version, `batchSize` at a time, in nctId order. */
export async function* iterateCriteria(db: Db, parserVersion: string, batchSize = 500): AsyncGenerator<CriteriaRow[]> {
  let after = '';
  for (;;) {
    const rows = await db
      .select()
      .from(trialCriteria)
      .where(and(eq(trialCriteria.parserVersion, parserVersion), gt(trialCriteria.nctId, after)))
      .orderBy(asc(trialCriteria.nctId))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows.map((r) => ({ ...r, criteria: r.criteria as unknown[] }));
    after = rows[rows.length - 1]!.nctId;
  }
}

export interface IndexRow {
  nctId: string;
  title: string;
  phases: string[];
  overallStatus: string | null;
  minAgeYears: number | null;
  maxAgeYears: number | null;
  sex: string | null;
  sites: StoredSite[];
  conditions: string[];
  criteria: unknown[] | null;
}

/** Trials with their parsed criteria of one parser version, for the matching index, in pages. */
export async function* iterateIndexRows(db: Db, parserVersion: string, batchSize = 1000): AsyncGenerator<IndexRow[]> {
  let after = '';
  for (;;) {
    const rows = await db
      .select({
        nctId: trials.nctId,
        title: trials.title,
        phases: trials.phases,
        overallStatus: trials.overallStatus,
        minAgeYears: trials.minAgeYears,
        maxAgeYears: trials.maxAgeYears,
        sex: trials.sex,
        sites: trials.sites,
        conditions: trials.conditions,
        criteria: trialCriteria.criteria,
      })
      .from(trials)
      .leftJoin(trialCriteria, and(eq(trialCriteria.nctId, trials.nctId), eq(trialCriteria.parserVersion, parserVersion)))
      .where(gt(trials.nctId, after))
      .orderBy(asc(trials.nctId))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows.map((r) => ({ ...r, criteria: r.criteria as unknown[] | null }));
    after = rows[rows.length - 1]!.nctId;
  }
}

/** Changes whenever a trial or a parse is written: the matching index compares it to know it is stale. */
export async function storeSignature(db: Db): Promise<string> {
  const result = await db.execute<{ sig: string }>(sql`
    SELECT concat_ws('|', (SELECT count(*) FROM trials), (SELECT max(updated_at) FROM trials),
      (SELECT count(*) FROM trial_criteria), (SELECT max(parsed_at) FROM trial_criteria)) AS sig`);
  return (result as unknown as { rows: Array<{ sig: string }> }).rows[0]?.sig ?? '';
}
