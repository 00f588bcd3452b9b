/** What every command needs: validated config, a logger on stderr, and the open store. */
import { loadConfig, type Config } from '../config';
import { createLogger, setLogger, type Logger } from '../logger';
import { openStore, type Store } from '../store/database';

export interface CommandContext {
  config: Config;
  log: Logger;
  store: Store;
}

export async function openContext(options: { logTo?: 'stdout' | 'stderr' } = {}): Promise<CommandContext> {
  const config = loadConfig();
  const log = createLogger({ level: config.LOG_LEVEL, destination: options.logTo ?? 'stderr' });
  setLogger(log);
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  return { config, log, store };
}

/** Runs `fn` with an open context and always closes the store, even on failure. */
export async function withContext<T>(
  fn: (ctx: CommandContext) => Promise<T>,
  options: { logTo?: 'stdout' | 'stderr' } = {},
): Promise<T> {
  const ctx = await openContext(options);
  try {
    return await fn(ctx);
  } finally {
    await ctx.store.close();
  }
}
