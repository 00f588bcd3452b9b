/**
 * The HTTP side of `npm run bench:match -- --http`: the real express app over an empty in-memory
 * store, its matcher preloaded with the ×N benchmark index. Sends {port, key} to the parent, and
 * answers 'cpu' with its CPU time so far: on a shared machine, CPU ms per request is the figure
 * that does not depend on what else is running.
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import { KeyRing, newKey } from '../src/access/api-keys';
import { createApp } from '../src/api/app';
import { createLogger } from '../src/logger';
import { MatchService } from '../src/match/match-service';
import { openStore } from '../src/store/database';
import { buildIndex } from './match-corpus';

(async () => {
  const { values } = parseArgs({ options: { copies: { type: 'string', default: '20' } } });
  const store = await openStore({});
  const log = createLogger({ level: 'silent' });
  const key = newKey('widget');
  const keys = new KeyRing(store, [{ role: 'widget', key }]);
  const matcher = new MatchService(store, log, Infinity);
  matcher.preload(buildIndex(Number(values.copies)).index);
  const app = createApp({ store, config: { CTM_BODY_LIMIT: '1mb' }, log, keys, matcher });
  const server = http.createServer(app).listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.({ port: typeof address === 'object' && address ? address.port : 0, key });
  });
  process.on('message', (m) => {
    if (m === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMs: (user + system) / 1000 });
    }
  });
})().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
