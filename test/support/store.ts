/**
 * A fresh, migrated store per test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by DATABASE_URL (CI runs the suite both ways). Nothing is mocked.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openStore, type Store } from '../../src/store/database';

export async function openTestStore(): Promise<Store> {
  const url = process.env.DATABASE_URL;
  if (!url) return openStore({});
  const name = `ctm_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: dbUrl.toString() });
  const close = store.close.bind(store);
  return {
    ...store,
    kind: store.kind,
    db: store.db,
    tryWithLock: store.tryWithLock.bind(store),
    ping: store.ping.bind(store),
    async close() {
      await close();
      const dropper = new Client({ connectionString: url });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
