/** An app over a real test store, for supertest. No port is opened. */
import type { Express } from 'express';
import { KeyRing } from '../../src/access/api-keys';
import { createApp } from '../../src/api/app';
import { createLogger } from '../../src/logger';
import { MatchService } from '../../src/match/match-service';
import type { Store } from '../../src/store/database';
import { openTestStore } from './store';

/** Keys configured for tests, one per role; sent as `Authorization: Bearer <key>`. */
export const TEST_KEYS = {
  widget: 'test-widget-key-0123456789abcdef',
  patient: 'test-patient-key-0123456789abcdef',
  coordinator: 'test-coordinator-key-0123456789ab',
  admin: 'test-admin-key-0123456789abcdef',
} as const;

export interface TestApp {
  app: Express;
  store: Store;
  matcher: MatchService;
  close(): Promise<void>;
}

export async function openTestApp(store?: Store, bodyLimit = '6mb'): Promise<TestApp> {
  const s = store ?? (await openTestStore());
  const log = createLogger({ level: 'silent' });
  const keys = new KeyRing(
    s,
    Object.entries(TEST_KEYS).map(([role, key]) => ({ role: role as keyof typeof TEST_KEYS, key })),
  );
  const matcher = new MatchService(s, log, 0);
  const app = createApp({ store: s, config: { CTM_BODY_LIMIT: bodyLimit }, log, keys, matcher });
  return { app, store: s, matcher, close: () => s.close() };
}

export const bearer = (role: keyof typeof TEST_KEYS): string => `Bearer ${TEST_KEYS[role]}`;
