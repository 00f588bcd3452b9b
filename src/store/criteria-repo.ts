/**
 * Parsed criteria per trial. Rows are keyed by trial and carry the parser version and the raw-study
 * hash they were made from, so "which trials need reparsing" is one indexed query.
 */
import { and, asc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from './database';
import { trialCriteria, trials } from './schema';

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
