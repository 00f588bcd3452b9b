/** `ctmatch serve`: runs the HTTP API (and the sync schedule unless CTM_SYNC=off) until signalled. */
import type { Command } from './command';
import { loadConfig } from '../config';
import { createLogger, setLogger } from '../logger';
import { startServer } from '../server';

export const serveCommand: Command = {
  summary: 'Serve the HTTP API (port from PORT, default 3000)',
  usage:
    'Usage: ctmatch serve\n\nServes the API on PORT (default 3000). Store: DATABASE_URL, or PGlite in CTM_DATA_DIR (default ./data).\nSync schedule: CTM_SYNC_CRON (default daily), CTM_SYNC=off to disable.',
  async run() {
    const config = loadConfig();
    const log = createLogger({ level: config.LOG_LEVEL, destination: 'stdout' });
    setLogger(log);
    const running = await startServer(config, log);
    await new Promise<void>((resolve) => {
      const stop = (signal: string): void => {
        log.info({ signal }, 'shutting down');
        running.close().then(resolve, (e: unknown) => {
          log.error({ err: e }, 'shutdown failed');
          resolve();
        });
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    return 0;
  },
};
