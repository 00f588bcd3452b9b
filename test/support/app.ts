/** An app over a real test store, for supertest. No port is opened. */
import type { Express } from 'express';
import { createApp } from '../../src/api/app';
import { createLogger } from '../../src/logger';
import type { Store } from '../../src/store/database';
import { openTestStore } from './store';

export interface TestApp {
  app: Express;
  store: Store;
  close(): Promise<void>;
}

export async function openTestApp(): Promise<TestApp> {
  const store = await openTestStore();
  const app = createApp({ store, config: { CTM_BODY_LIMIT: '6mb' }, log: createLogger({ level: 'silent' }) });
  return { app, store, close: () => store.close() };
}
