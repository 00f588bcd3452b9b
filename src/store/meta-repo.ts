/** Store-level facts in a key/value table (for example when the bundled seed was loaded). */
import { eq, sql } from 'drizzle-orm';
import type { Db } from './database';
import { storeMeta } from './schema';

export async function getMeta<T>(db: Db, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(storeMeta).where(eq(storeMeta.key, key)).limit(1);
  return row?.value as T | undefined;
}

export async function setMeta(db: Db, key: string, value: unknown): Promise<void> {
  await db
    .insert(storeMeta)
    .values({ key, value: value as object })
    .onConflictDoUpdate({ target: storeMeta.key, set: { value: value as object, updatedAt: sql`now()` } });
}
