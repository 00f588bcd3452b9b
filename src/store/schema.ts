/**
 * Table definitions for the trial store. This file is the single source of truth for the SQL schema;
 * `npm run db:generate` turns changes here into a new migration under src/store/migrations.
 *
 * Trials keep the raw ClinicalTrials.gov v2 study verbatim (JSONB) next to normalised columns, so
 * re-normalising or reparsing criteria never needs the network.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

/** One recruiting or other site of a study, as stored in `trials.sites`. */
export interface StoredSite {
  facility: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  zip: string | null;
  status: string | null;
  lat: number | null;
  lon: number | null;
}

export interface StoredIntervention {
  type: string | null;
  name: string;
}

export const trials = pgTable(
  'trials',
  {
    nctId: text('nct_id').primaryKey(),
    raw: jsonb('raw').notNull(),
    /** sha256 of the canonical raw JSON: lets an upsert tell a real change from a replay. */
    rawHash: text('raw_hash').notNull(),
    title: text('title').notNull(),
    officialTitle: text('official_title'),
    overallStatus: text('overall_status'),
    phases: text('phases').array().notNull().default(sql`'{}'::text[]`),
    conditions: text('conditions').array().notNull().default(sql`'{}'::text[]`),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    interventions: jsonb('interventions').$type<StoredIntervention[]>().notNull().default(sql`'[]'::jsonb`),
    studyType: text('study_type'),
    minAgeYears: real('min_age_years'),
    maxAgeYears: real('max_age_years'),
    sex: text('sex'),
    healthyVolunteers: boolean('healthy_volunteers'),
    lastUpdatePostDate: date('last_update_post_date', { mode: 'string' }),
    sites: jsonb('sites').$type<StoredSite[]>().notNull().default(sql`'[]'::jsonb`),
    /** Text that feeds full-text search; the tsvector below is generated from it. */
    searchText: text('search_text').notNull().default(''),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`to_tsvector('english'::regconfig, coalesce(search_text, ''))`,
    ),
    source: text('source').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('trials_search_idx').using('gin', t.searchVector),
    index('trials_conditions_idx').using('gin', t.conditions),
    index('trials_status_idx').on(t.overallStatus),
    index('trials_last_update_idx').on(t.lastUpdatePostDate),
  ],
);

/**
 * One row per sync run. The checkpoint (`nextPageToken` plus the exact query parameters) is committed
 * after each page's upsert, so a killed run resumes where it stopped.
 */
export const syncRuns = pgTable(
  'sync_runs',
  {
    id: serial('id').primaryKey(),
    status: text('status').notNull(),
    mode: text('mode').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    since: date('since', { mode: 'string' }),
    dataTimestamp: text('data_timestamp'),
    nextPageToken: text('next_page_token'),
    pages: integer('pages').notNull().default(0),
    studiesSeen: integer('studies_seen').notNull().default(0),
    upserted: integer('upserted').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    skippedInvalid: integer('skipped_invalid').notNull().default(0),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    resumedFrom: integer('resumed_from'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('sync_runs_status_idx').on(t.status, t.id)],
);

/**
 * Parsed eligibility criteria per trial, with the parser version and the raw-study hash they came
 * from: a new parser version or a changed study makes the row stale and it is reparsed from `raw`.
 */
export const trialCriteria = pgTable(
  'trial_criteria',
  {
    nctId: text('nct_id')
      .primaryKey()
      .references(() => trials.nctId, { onDelete: 'cascade' }),
    parserVersion: text('parser_version').notNull(),
    rawHash: text('raw_hash').notNull(),
    criteria: jsonb('criteria').notNull(),
    parsed: integer('parsed').notNull(),
    partial: integer('partial').notNull(),
    unparsed: integer('unparsed').notNull(),
    parsedAt: timestamp('parsed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('trial_criteria_version_idx').on(t.parserVersion)],
);

/**
 * API keys. Only a SHA-256 hash is stored; the key itself is shown once, when created. Roles:
 * patient (match and evaluate a submitted record), widget (the same, for keys embedded in public
 * pages), coordinator (review work), admin (everything, including keys and sync).
 */
export const apiKeys = pgTable('api_keys', {
  id: serial('id').primaryKey(),
  keyHash: text('key_hash').notNull().unique(),
  role: text('role').notNull(),
  label: text('label').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** Small key/value table for store-level facts such as when the bundled seed was loaded. */
export const storeMeta = pgTable('store_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
