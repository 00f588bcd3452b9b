/**
 * First-boot seed: a fresh store gets the bundled snapshot of 740 oncology studies
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz), so the service is useful before its first sync and
 * works offline.
 *
 * It runs at most once per store. The `seed` key in store_meta records that it ran (or that the store
 * already held trials on its first boot with this code), and from then on nothing is loaded again: a
 * user who deleted trials must not get them back silently on the next restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger';
import { LOCKS, type Store } from '../store/database';
import { getMeta, setMeta } from '../store/meta-repo';
import { countTrials } from '../store/trials-repo';
import { packageRoot } from '../paths';
import { importPaths } from './import-files';

export const SEED_META_KEY = 'seed';
export const SEED_RELATIVE_PATH = path.join('fixtures', 'ctgov', 'studies.oncology.v2.jsonl.gz');

export interface SeedRecord {
  /** The seed file loaded, or null when the store already had trials and nothing was loaded. */
  file: string | null;
  count: number;
  at: string;
  skipped?: 'store_not_empty';
}

export interface SeedResult {
  seeded: boolean;
  count: number;
}

export function defaultSeedPath(): string {
  return path.join(packageRoot(), SEED_RELATIVE_PATH);
}

/** Relative to the package when inside it, so the record does not depend on where it is installed. */
function displayPath(file: string): string {
  const rel = path.relative(packageRoot(), path.resolve(file));
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

export async function seedIfEmpty(store: Store, log: Logger, seedPath?: string): Promise<SeedResult> {
  // The sync lock, because seeding is a bulk write of trials like a sync: it keeps a scheduled sync
  // from interleaving, and of several instances booting together against one PostgreSQL only one
  // seeds; the others see the result and do nothing.
  const locked = await store.tryWithLock(LOCKS.sync, () => seedLocked(store, log, seedPath ?? defaultSeedPath()));
  if (!locked.acquired) {
    log.info('seed: another process holds the sync lock; not seeding now');
    return { seeded: false, count: 0 };
  }
  return locked.value;
}

async function seedLocked(store: Store, log: Logger, file: string): Promise<SeedResult> {
  const previous = await getMeta<SeedRecord>(store.db, SEED_META_KEY);
  if (previous) {
    log.debug({ seed: previous }, 'seed: already handled on an earlier boot');
    return { seeded: false, count: 0 };
  }
  const existing = await countTrials(store.db);
  if (existing > 0) {
    // Recorded so that emptying this store later does not bring the seed in.
    await setMeta(store.db, SEED_META_KEY, {
      file: null,
      count: 0,
      at: new Date().toISOString(),
      skipped: 'store_not_empty',
    } satisfies SeedRecord);
    log.info({ trials: existing }, 'seed: store already has trials; not seeding');
    return { seeded: false, count: 0 };
  }
  if (!fs.existsSync(file)) {
    // Not recorded: a packaging mistake should not disable the seed for good once it is fixed.
    log.warn({ file }, 'seed: bundled snapshot not found; starting with an empty store');
    return { seeded: false, count: 0 };
  }
  const report = await importPaths(store, [file], { log, source: 'seed' });
  const count = report.inserted + report.updated;
  if (report.files.every((f) => f.status === 'failed')) {
    log.warn({ error: report.errors[0] }, 'seed: bundled snapshot could not be read; starting with an empty store');
    return { seeded: false, count: 0 };
  }
  if (report.errors.length) {
    log.warn({ errors: report.errors.length, first: report.errors[0] }, 'seed: some records were not loaded');
  }
  await setMeta(store.db, SEED_META_KEY, {
    file: displayPath(file),
    count,
    at: new Date().toISOString(),
  } satisfies SeedRecord);
  log.info({ file, count, invalid: report.invalid }, `seed: loaded ${count} studies from the bundled snapshot`);
  return { seeded: true, count };
}
