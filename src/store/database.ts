/**
 * Opens the store: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in a data
 * directory (or in memory for tests). Both run the same drizzle queries and the same migrations, so
 * nothing above this folder knows which one it is talking to.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { Pool } from 'pg';
import { AppError } from '../errors';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Advisory-lock keys. Fixed numbers so every process agrees on them. */
export const LOCKS = {
  migrate: 0x63746d01,
  sync: 0x63746d02,
} as const;

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /**
   * Runs `fn` while holding a session-level Postgres advisory lock, or returns `{acquired: false}`
   * at once when another session holds it.
   */
  tryWithLock<T>(key: number, fn: () => Promise<T>): Promise<{ acquired: true; value: T } | { acquired: false }>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; omitted means an in-memory database. */
  dataDir?: string | undefined;
}

const MIGRATIONS = path.join(__dirname, 'migrations');

export async function openStore(options: StoreOptions): Promise<Store> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

async function openPostgres(url: string): Promise<Store> {
  const pool = new Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const store: Store = {
    kind: 'postgres',
    db,
    async tryWithLock(key, fn) {
      const client = await pool.connect();
      try {
        const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
        if (!got.rows[0]?.ok) return { acquired: false };
        try {
          return { acquired: true, value: await fn() };
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
  // Several instances may start at once against one server; only one should migrate.
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCKS.migrate]);
    try {
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCKS.migrate]);
    }
  } catch (e) {
    client.release();
    await pool.end();
    throw e;
  }
  client.release();
  return store;
}

async function openPglite(dataDir: string | undefined): Promise<Store> {
  let release = (): void => undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = claimDataDir(dataDir);
  }
  let client: PGlite;
  try {
    client = dataDir ? new PGlite(dataDir) : new PGlite();
    await client.waitReady;
  } catch (e) {
    release();
    throw e;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const held = new Set<number>();
  await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS });
  return {
    kind: 'pglite',
    db,
    async tryWithLock(key, fn) {
      // PGlite is one session, where advisory locks are re-entrant; the set makes a second caller in
      // this process wait its turn too.
      if (held.has(key)) return { acquired: false };
      held.add(key);
      try {
        const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
        if (!got.rows[0]?.ok) return { acquired: false };
        try {
          return { acquired: true, value: await fn() };
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        held.delete(key);
      }
    },
    async ping() {
      await db.execute(sql`SELECT 1`);
    },
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * PGlite is a single-process database: two processes writing one directory corrupt it. A pid file
 * turns that into a clear error. A stale file from a crashed process is taken over.
 */
function claimDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'ctmatch.pid');
  try {
    const other = Number(fs.readFileSync(lockFile, 'utf8').trim());
    if (Number.isInteger(other) && other > 0 && other !== process.pid && isAlive(other)) {
      throw new AppError(
        'store_locked',
        `The embedded store in ${dataDir} is in use by process ${other}. Stop it, or point DATABASE_URL at PostgreSQL to share one store.`,
        { status: 503 },
      );
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  const release = (): void => {
    try {
      if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // Already gone.
    }
  };
  process.once('exit', release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
