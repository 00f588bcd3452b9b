/**
 * Liveness and readiness. /healthz says the process answers; /readyz says the store is reachable and
 * reports the last sync's outcome. A failed sync does not make the service unready: stale trials are
 * still worth serving, and the outcome is there for monitoring to alert on.
 */
import { Router } from 'express';
import type { Store } from '../store/database';
import { latestSyncRun } from '../store/sync-runs-repo';

export function healthRouter(store: Store): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await store.ping();
    } catch {
      res.status(503).json({ status: 'unavailable', store: { reachable: false, kind: store.kind } });
      return;
    }
    const run = await latestSyncRun(store.db);
    res.json({
      status: 'ready',
      store: { reachable: true, kind: store.kind },
      lastSync: run
        ? {
            id: run.id,
            status: run.status,
            mode: run.mode,
            startedAt: run.startedAt,
            finishedAt: run.finishedAt,
            upserted: run.upserted,
            skippedInvalid: run.skippedInvalid,
            errorCode: run.errorCode,
          }
        : null,
    });
  });
  return router;
}
