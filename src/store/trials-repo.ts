/**
 * Queries on the trials table. Writes are upserts guarded by lastUpdatePostDate, so replaying a page,
 * re-importing a file or resuming a sync can never duplicate a trial or replace it with an older copy.
 */
import { and, asc, count, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from './database';
import { trials, type StoredIntervention, type StoredSite } from './schema';

export interface TrialUpsert {
  nctId: string;
  raw: unknown;
  rawHash: string;
  title: string;
  officialTitle: string | null;
  overallStatus: string | null;
  phases: string[];
  conditions: string[];
  keywords: string[];
  interventions: StoredIntervention[];
  studyType: string | null;
  minAgeYears: number | null;
  maxAgeYears: number | null;
  sex: string | null;
  healthyVolunteers: boolean | null;
  lastUpdatePostDate: string | null;
  sites: StoredSite[];
  searchText: string;
  source: string;
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
  /** Same or older copy than the one stored: left as it was. */
  unchanged: number;
}

export type TrialRow = typeof trials.$inferSelect;
export type TrialSummary = Omit<TrialRow, 'raw' | 'searchText' | 'searchVector' | 'rawHash'>;

/** Within one batch the same study may appear twice; keep the most recently updated copy. */
function newestPerNctId(rows: TrialUpsert[]): TrialUpsert[] {
  const byId = new Map<string, TrialUpsert>();
  for (const row of rows) {
    const prev = byId.get(row.nctId);
    if (!prev || (row.lastUpdatePostDate ?? '') >= (prev.lastUpdatePostDate ?? '')) byId.set(row.nctId, row);
  }
  return [...byId.values()];
}

/**
 * Inserts or updates trials. A stored trial is replaced only by a copy whose lastUpdatePostDate is
 * the same or later (a missing date counts as oldest) and whose content differs.
 * Call inside a transaction when the batch must land atomically with other writes.
 */
export async function upsertTrials(db: Db, rows: TrialUpsert[]): Promise<UpsertCounts> {
  const batch = newestPerNctId(rows);
  if (batch.length === 0) return { inserted: 0, updated: 0, unchanged: rows.length };
  // The batch travels as one JSON parameter unpacked by jsonb_to_recordset: one bind value instead
  // of ~20 per row, which measured ~35% less client time per study than a multi-row VALUES list.
  const payload = JSON.stringify(
    batch.map((r) => ({
      nct_id: r.nctId,
      raw: r.raw,
      raw_hash: r.rawHash,
      title: r.title,
      official_title: r.officialTitle,
      overall_status: r.overallStatus,
      phases: r.phases,
      conditions: r.conditions,
      keywords: r.keywords,
      interventions: r.interventions,
      study_type: r.studyType,
      min_age_years: r.minAgeYears,
      max_age_years: r.maxAgeYears,
      sex: r.sex,
      healthy_volunteers: r.healthyVolunteers,
      last_update_post_date: r.lastUpdatePostDate,
      sites: r.sites,
      search_text: r.searchText,
      source: r.source,
    })),
  );
  const result = await db.execute<{ nct_id: string; inserted: boolean }>(sql`
    INSERT INTO trials (nct_id, raw, raw_hash, title, official_title, overall_status, phases, conditions, keywords,
      interventions, study_type, min_age_years, max_age_years, sex, healthy_volunteers, last_update_post_date, sites,
      search_text, source)
    SELECT nct_id, raw, raw_hash, title, official_title, overall_status, coalesce(phases, '{}'), coalesce(conditions, '{}'),
      coalesce(keywords, '{}'), coalesce(interventions, '[]'), study_type, min_age_years, max_age_years, sex,
      healthy_volunteers, last_update_post_date, coalesce(sites, '[]'), coalesce(search_text, ''), source
    FROM jsonb_to_recordset(${payload}::jsonb) AS x(nct_id text, raw jsonb, raw_hash text, title text,
      official_title text, overall_status text, phases text[], conditions text[], keywords text[], interventions jsonb,
      study_type text, min_age_years real, max_age_years real, sex text, healthy_volunteers boolean,
      last_update_post_date date, sites jsonb, search_text text, source text)
    ON CONFLICT (nct_id) DO UPDATE SET
      raw = excluded.raw, raw_hash = excluded.raw_hash, title = excluded.title, official_title = excluded.official_title,
      overall_status = excluded.overall_status, phases = excluded.phases, conditions = excluded.conditions,
      keywords = excluded.keywords, interventions = excluded.interventions, study_type = excluded.study_type,
      min_age_years = excluded.min_age_years, max_age_years = excluded.max_age_years, sex = excluded.sex,
      healthy_volunteers = excluded.healthy_volunteers, last_update_post_date = excluded.last_update_post_date,
      sites = excluded.sites, search_text = excluded.search_text, source = excluded.source, updated_at = now()
    WHERE coalesce(excluded.last_update_post_date, '-infinity'::date) >= coalesce(trials.last_update_post_date, '-infinity'::date)
      AND excluded.raw_hash <> trials.raw_hash
    RETURNING nct_id, (xmax = 0) AS inserted`);
  const written = (result as unknown as { rows: Array<{ nct_id: string; inserted: boolean }> }).rows;
  const inserted = written.filter((w) => w.inserted).length;
  return { inserted, updated: written.length - inserted, unchanged: rows.length - written.length };
}

const summaryColumns = {
  nctId: trials.nctId,
  title: trials.title,
  officialTitle: trials.officialTitle,
  overallStatus: trials.overallStatus,
  phases: trials.phases,
  conditions: trials.conditions,
  keywords: trials.keywords,
  interventions: trials.interventions,
  studyType: trials.studyType,
  minAgeYears: trials.minAgeYears,
  maxAgeYears: trials.maxAgeYears,
  sex: trials.sex,
  healthyVolunteers: trials.healthyVolunteers,
  lastUpdatePostDate: trials.lastUpdatePostDate,
  sites: trials.sites,
  source: trials.source,
  firstSeenAt: trials.firstSeenAt,
  updatedAt: trials.updatedAt,
};

export async function getTrial(db: Db, nctId: string): Promise<TrialRow | undefined> {
  const rows = await db.select().from(trials).where(eq(trials.nctId, nctId)).limit(1);
  return rows[0];
}

export interface TrialSearch {
  q?: string | undefined;
  statuses?: string[] | undefined;
  condition?: string | undefined;
  limit: number;
  offset: number;
}

export interface TrialSearchResult {
  total: number;
  items: Array<TrialSummary & { rank: number | null }>;
}

/** Full-text search over titles, conditions, keywords and interventions, best match first. */
export async function searchTrials(db: Db, search: TrialSearch): Promise<TrialSearchResult> {
  const where: SQL[] = [];
  const query = search.q?.trim() ? sql`websearch_to_tsquery('english', ${search.q.trim()})` : undefined;
  if (query) where.push(sql`${trials.searchVector} @@ ${query}`);
  if (search.statuses?.length) where.push(inArray(trials.overallStatus, search.statuses));
  if (search.condition?.trim()) {
    const pattern = `%${search.condition.trim().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    where.push(sql`EXISTS (SELECT 1 FROM unnest(${trials.conditions}) AS c WHERE c ILIKE ${pattern})`);
  }
  const filter = where.length ? and(...where) : undefined;
  const rank = query ? sql<number>`ts_rank(${trials.searchVector}, ${query})` : sql<null>`NULL::real`;
  const [totalRow] = await db.select({ n: count() }).from(trials).where(filter);
  const items = await db
    .select({ ...summaryColumns, rank })
    .from(trials)
    .where(filter)
    .orderBy(...(query ? [desc(rank), asc(trials.nctId)] : [asc(trials.nctId)]))
    .limit(search.limit)
    .offset(search.offset);
  return { total: totalRow?.n ?? 0, items };
}

export async function countTrials(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(trials);
  return row?.n ?? 0;
}

export async function countTrialsByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: trials.overallStatus, n: count() })
    .from(trials)
    .groupBy(trials.overallStatus)
    .orderBy(desc(count()));
  return Object.fromEntries(rows.map((r) => [r.status ?? 'NOT_REPORTED', r.n]));
}

/** Walks every trial in nctId order, `batchSize` at a time, without holding them all in memory. */
export async function* iterateTrials(db: Db, batchSize = 500): AsyncGenerator<TrialRow[]> {
  let after = '';
  for (;;) {
    const rows = await db
      .select()
      .from(trials)
      .where(gt(trials.nctId, after))
      .orderBy(asc(trials.nctId))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.nctId;
  }
}
