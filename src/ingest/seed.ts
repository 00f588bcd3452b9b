// Placeholder until the import helper lands.
import type { Logger } from '../logger';
import type { Store } from '../store/database';
export async function seedIfEmpty(_store: Store, _log: Logger): Promise<{ seeded: boolean; count: number }> {
  throw new Error('not implemented');
}
