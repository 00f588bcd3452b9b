/** Trial catalogue: full-text search with paging, and one trial with its raw v2 study. */
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { KeyRing } from '../access/api-keys';
import { PARSER_VERSION, parseCriteria } from '../criteria/parse';
import { AppError } from '../errors';
import type { MatchService } from '../match/match-service';
import { patientRecordSchema } from '../patients/record';
import { getCriteria } from '../store/criteria-repo';
import type { Store } from '../store/database';
import { getTrial, searchTrials } from '../store/trials-repo';
import { requireRole } from './auth';
import { isoDay } from './match';
import { parseRequest } from './validate';

export const NCT_ID = /^NCT\d{8}$/;

const listQuery = z.object({
  q: z.string().max(500).optional(),
  status: z
    .string()
    .max(500)
    .optional()
    .transform((s) => (s ? s.split(',').map((x) => x.trim().toUpperCase()).filter(Boolean) : undefined)),
  condition: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const evaluateBody = z.object({ patient: patientRecordSchema, asOf: isoDay.optional() }).strict();

function nctIdParam(req: Request): string {
  const nctId = String(req.params.nctId).toUpperCase();
  if (!NCT_ID.test(nctId)) {
    throw new AppError('invalid_nct_id', 'An NCT id is NCT followed by 8 digits.', { status: 400, path: '/params/nctId' });
  }
  return nctId;
}

export function trialsRouter(store: Store, matcher: MatchService, keys: KeyRing): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const query = parseRequest(listQuery, req.query, 'query');
    const result = await searchTrials(store.db, {
      q: query.q,
      statuses: query.status,
      condition: query.condition,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    res.json({
      page: query.page,
      pageSize: query.pageSize,
      total: result.total,
      items: result.items,
    });
  });

  router.get('/:nctId', async (req, res) => {
    const nctId = nctIdParam(req);
    const row = await getTrial(store.db, nctId);
    if (!row) throw new AppError('trial_not_found', `No stored trial ${nctId}.`, { status: 404, path: '/params/nctId' });
    const { searchText: _s, searchVector: _v, rawHash: _h, ...trial } = row;
    res.json(trial);
  });

  router.get('/:nctId/criteria', async (req, res) => {
    const nctId = nctIdParam(req);
    const stored = await getCriteria(store.db, nctId);
    if (stored && stored.parserVersion === PARSER_VERSION) {
      res.json({ nctId, parserVersion: stored.parserVersion, criteria: stored.criteria });
      return;
    }
    const row = await getTrial(store.db, nctId);
    if (!row) throw new AppError('trial_not_found', `No stored trial ${nctId}.`, { status: 404, path: '/params/nctId' });
    const raw = row.raw as { protocolSection?: { eligibilityModule?: { eligibilityCriteria?: string } } };
    res.json({ nctId, parserVersion: PARSER_VERSION, criteria: parseCriteria(raw.protocolSection?.eligibilityModule?.eligibilityCriteria) });
  });

  router.post('/:nctId/evaluate', requireRole(keys, 'widget'), async (req, res) => {
    const nctId = nctIdParam(req);
    const body = parseRequest(evaluateBody, req.body, 'body');
    res.json(await matcher.evaluate(nctId, body.patient, body.asOf));
  });

  return router;
}
