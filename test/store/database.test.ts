import { sql } from 'drizzle-orm';
import { openTestStore } from '../support/store';
import type { Store } from '../../src/store/database';

describe('store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await store.close();
  });

  it('runs migrations so the trials table exists and is empty', async () => {
    const rows = await store.db.execute(sql`SELECT count(*)::int AS n FROM trials`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
  });

  it('gives an advisory lock to one holder at a time', async () => {
    const outer = await store.tryWithLock(42, async () => {
      const inner = await store.tryWithLock(42, async () => 'inner');
      return inner.acquired;
    });
    expect(outer).toEqual({ acquired: true, value: false });
    const after = await store.tryWithLock(42, async () => 'again');
    expect(after).toEqual({ acquired: true, value: 'again' });
  });
});
