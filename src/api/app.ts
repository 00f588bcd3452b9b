/**
 * The express app factory: one line per router, so this file reads as the table of contents of the
 * HTTP API. No port is opened here; tests drive the app with supertest.
 */
import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { KeyRing } from '../access/api-keys';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { MatchService } from '../match/match-service';
import type { Store } from '../store/database';
import { ctmsRouter, CTMS_PATH } from './ctms';
import { fhirRouter } from './fhir';
import { healthRouter } from './health';
import { matchRouter } from './match';
import { docsRouter } from './openapi';
import { errorHandler, notFound } from './problem';
import { trialsRouter } from './trials';

export interface AppDeps {
  store: Store;
  config: Pick<Config, 'CTM_BODY_LIMIT'> & Partial<Pick<Config, 'CTM_FHIR_BODY_LIMIT'>>;
  log: Logger;
  keys: KeyRing;
  matcher: MatchService;
}

function takesBundles(path: string): boolean {
  return path.startsWith('/v1/fhir/') || /^\/v1\/match\/?$/.test(path) || path.replace(/\/$/, '') === CTMS_PATH;
}

export function createApp({ store, config, log, keys, matcher }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        const id = randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Method, path and status only: no query strings, headers or bodies, which may carry health data.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
    }),
  );
  // Routes that take FHIR Bundles (application/fhir+json included) get their own, larger body limit.
  const jsonTypes = ['application/json', 'application/*+json'];
  const json = express.json({ limit: config.CTM_BODY_LIMIT, type: jsonTypes });
  const bundleJson = express.json({ limit: config.CTM_FHIR_BODY_LIMIT ?? '10mb', type: jsonTypes });
  app.use((req, res, next) => (takesBundles(req.path) ? bundleJson : json)(req, res, next));

  app.use(healthRouter(store));
  app.use(docsRouter());
  app.use('/v1/trials', trialsRouter(store, matcher, keys));
  app.use('/v1/match', matchRouter(matcher, keys));
  app.use('/v1/fhir', fhirRouter(keys));
  app.use(ctmsRouter(store, matcher, keys));

  app.use(notFound);
  app.use(errorHandler);
  return app;
}
