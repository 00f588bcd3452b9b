// Placeholder until the sync helper lands.
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Store } from '../store/database';
export function startSyncSchedule(_deps: { store: Store; config: Config; log: Logger }): { stop(): Promise<void> } {
  throw new Error('not implemented');
}
