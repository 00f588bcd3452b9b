/**
 * Boots the service: config, store (migrated), first-boot seed, HTTP server and the sync schedule,
 * with a graceful shutdown that stops the schedule, drains connections and closes the store.
 */
import type { Server } from 'node:http';
import { createApp } from './api/app';
import type { Config } from './config';
import { startSyncSchedule } from './ingest/schedule';
import { seedIfEmpty } from './ingest/seed';
import type { Logger } from './logger';
import { openStore } from './store/database';

export interface RunningServer {
  server: Server;
  close(): Promise<void>;
}

export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  if (config.CTM_SEED) await seedIfEmpty(store, log);
  const app = createApp({ store, config, log });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
    s.once('error', reject);
  });
  const schedule = config.CTM_SYNC ? startSyncSchedule({ store, config, log }) : undefined;
  const address = server.address();
  log.info(
    { port: typeof address === 'object' && address ? address.port : config.PORT, store: store.kind, sync: Boolean(schedule) },
    'ctmatch listening',
  );
  let closing: Promise<void> | undefined;
  return {
    server,
    close() {
      closing ??= (async () => {
        await schedule?.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await store.close();
      })();
      return closing;
    },
  };
}
