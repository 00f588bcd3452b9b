import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { defaultSeedPath, SEED_META_KEY, seedIfEmpty, type SeedRecord } from '../../src/ingest/seed';
import { packageRoot } from '../../src/paths';
import { createLogger } from '../../src/logger';
import { LOCKS, type Store } from '../../src/store/database';
import { getMeta } from '../../src/store/meta-repo';
import { countTrials, upsertTrials } from '../../src/store/trials-repo';
import { checkStudy } from '../../src/ingest/study-record';
import { openTestStore } from '../support/store';
import { fixtureStudies } from '../support/studies';
import { cleanupTmpDirs, tmpDir } from '../support/tmp';

const log = createLogger({ level: 'silent' });
const ROOT = path.join(__dirname, '..', '..');

describe('first-boot seed', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  beforeEach(async () => {
    await store.db.execute(sql`TRUNCATE trials, store_meta CASCADE`);
  });
  afterAll(async () => {
    await store.close();
    cleanupTmpDirs();
  });

  it('finds the bundled snapshot from the package root, whether running from src/ or dist/src/', () => {
    expect(packageRoot()).toBe(ROOT);
    // Built code lives one level deeper; the walk up must land on the same root.
    expect(packageRoot(path.join(ROOT, 'dist', 'src', 'ingest'))).toBe(ROOT);
    expect(defaultSeedPath()).toBe(path.join(ROOT, 'fixtures', 'ctgov', 'studies.oncology.v2.jsonl.gz'));
    expect(fs.existsSync(defaultSeedPath())).toBe(true);
  });

  it('loads the 740 bundled oncology studies into an empty store once and records it in store_meta', async () => {
    const result = await seedIfEmpty(store, log);
    expect(result).toEqual({ seeded: true, count: 740 });
    expect(await countTrials(store.db)).toBe(740);
    const meta = await getMeta<SeedRecord>(store.db, SEED_META_KEY);
    expect(meta).toMatchObject({ file: path.join('fixtures', 'ctgov', 'studies.oncology.v2.jsonl.gz'), count: 740 });
    expect(Number.isNaN(Date.parse(meta!.at))).toBe(false);
    const [row] = (
      (await store.db.execute(sql`SELECT count(*)::int AS n FROM trials WHERE source = 'seed'`)) as unknown as {
        rows: Array<{ n: number }>;
      }
    ).rows;
    expect(row?.n).toBe(740);

    expect(await seedIfEmpty(store, log)).toEqual({ seeded: false, count: 0 });
    expect(await countTrials(store.db)).toBe(740);
  });

  it('does not bring the seed back after the user deleted every trial', async () => {
    await seedIfEmpty(store, log);
    await store.db.execute(sql`DELETE FROM trials`);
    expect(await seedIfEmpty(store, log)).toEqual({ seeded: false, count: 0 });
    expect(await countTrials(store.db)).toBe(0);
  });

  it('leaves a store that already has trials alone, and does not seed it even after it is emptied', async () => {
    const checked = checkStudy(fixtureStudies('studies.other.v2.jsonl.gz')[0], 'import');
    if (!checked.ok) throw new Error(checked.message);
    await upsertTrials(store.db, [checked.trial]);

    expect(await seedIfEmpty(store, log)).toEqual({ seeded: false, count: 0 });
    expect(await countTrials(store.db)).toBe(1);
    expect(await getMeta<SeedRecord>(store.db, SEED_META_KEY)).toMatchObject({
      file: null,
      skipped: 'store_not_empty',
    });

    await store.db.execute(sql`DELETE FROM trials`);
    expect(await seedIfEmpty(store, log)).toEqual({ seeded: false, count: 0 });
    expect(await countTrials(store.db)).toBe(0);
  });

  it('starts empty without marking the seed as done when the snapshot is missing or unreadable', async () => {
    const missing = path.join(tmpDir(), 'nope.jsonl.gz');
    expect(await seedIfEmpty(store, log, missing)).toEqual({ seeded: false, count: 0 });
    const truncated = path.join(tmpDir(), 'cut.jsonl.gz');
    fs.writeFileSync(truncated, fs.readFileSync(defaultSeedPath()).subarray(0, 100));
    expect(await seedIfEmpty(store, log, truncated)).toEqual({ seeded: false, count: 0 });
    expect(await getMeta(store.db, SEED_META_KEY)).toBeUndefined();

    // Once the snapshot is there, the next boot seeds.
    expect(await seedIfEmpty(store, log)).toEqual({ seeded: true, count: 740 });
  });

  it('does not seed while another holder has the sync lock', async () => {
    const inner = await store.tryWithLock(LOCKS.sync, () => seedIfEmpty(store, log));
    expect(inner).toEqual({ acquired: true, value: { seeded: false, count: 0 } });
    expect(await countTrials(store.db)).toBe(0);
  });
});
