/**
 * Boots the service: config, store (migrated), first-boot seed, API keys, the matching index, the
 * HTTP server and the sync schedule, with a graceful shutdown that stops the schedule, drains
 * connections and closes the store.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { createApiKey, hasAnyKey, KeyRing, parseConfiguredKeys } from './access/api-keys';
import { createApp } from './api/app';
import type { Config } from './config';
import { startSyncSchedule } from './ingest/schedule';
import { seedIfEmpty } from './ingest/seed';
import type { Logger } from './logger';
import { MatchService } from './match/match-service';
import { openStore, type Store } from './store/database';

export interface RunningServer {
  server: Server;
  close(): Promise<void>;
}

/** Where a local install keeps the key it creates for itself, and how the CLI finds the server. */
export function localFiles(config: Config): { apiKey: string; server: string } {
  return { apiKey: path.join(config.dataDir, 'local-admin-key'), server: path.join(config.dataDir, 'server.json') };
}

/**
 * A fresh install has no keys, so nothing could call the patient endpoints. It gets one admin key,
 * written to a file only this user can read (never to the log), which the CLI and the README use.
 */
async function ensureLocalKey(store: Store, config: Config, keys: KeyRing, log: Logger): Promise<void> {
  if (keys.hasConfigured || (await hasAnyKey(store))) return;
  const { key } = await createApiKey(store, 'admin', 'local admin key created on first start');
  const file = localFiles(config).apiKey;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, key + '\n', { mode: 0o600 });
  log.info({ file }, 'created a local admin API key; it is in this file');
}

export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  const keysConfigured = parseConfiguredKeys(config.CTM_API_KEYS);
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  try {
    if (config.CTM_SEED) await seedIfEmpty(store, log);
  } catch (e) {
    await store.close();
    throw e;
  }
  const keys = new KeyRing(store, keysConfigured);
  await ensureLocalKey(store, config, keys, log);
  const matcher = new MatchService(store, log);
  // Build the matching index now, so the first patient does not wait for it.
  matcher.current().catch((e: unknown) => log.error({ err: e }, 'matching index build failed'));
  const app = createApp({ store, config, log, keys, matcher });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
    s.once('error', reject);
  });
  const schedule = config.CTM_SYNC
    ? startSyncSchedule({ store, config, log, onOutcome: (o) => o.upserted > 0 && matcher.invalidate() })
    : undefined;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  if (!config.DATABASE_URL) {
    fs.writeFileSync(localFiles(config).server, JSON.stringify({ pid: process.pid, port }) + '\n');
  }
  log.info({ port, store: store.kind, sync: Boolean(schedule) }, 'ctmatch listening');
  let closing: Promise<void> | undefined;
  return {
    server,
    close() {
      closing ??= (async () => {
        await schedule?.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await store.close();
        fs.rmSync(localFiles(config).server, { force: true });
      })();
      return closing;
    },
  };
}
