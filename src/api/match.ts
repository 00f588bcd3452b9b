/** POST /v1/match: ranked trials for a submitted patient record, with the evidence for every criterion. */
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { KeyRing } from '../access/api-keys';
import { AppError } from '../errors';
import { importPatientBundle } from '../fhir/patient-record';
import type { MatchService } from '../match/match-service';
import { patientRecordSchema } from '../patients/record';
import { requireRole } from './auth';
import { parseRequest } from './validate';

export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(d)), 'not a real date');
export const nctIdSchema = z.string().regex(/^NCT\d{8}$/, 'an NCT id: NCT followed by 8 digits');

export const STATUSES = [
  'RECRUITING',
  'NOT_YET_RECRUITING',
  'ENROLLING_BY_INVITATION',
  'ACTIVE_NOT_RECRUITING',
  'SUSPENDED',
  'TERMINATED',
  'COMPLETED',
  'WITHDRAWN',
  'UNKNOWN',
] as const;
export const PHASES = ['EARLY_PHASE1', 'PHASE1', 'PHASE2', 'PHASE3', 'PHASE4', 'NA'] as const;

export const matchOptionsSchema = z
  .object({
    asOf: isoDay.optional().describe('Date time windows are judged at; default today.'),
    maxDistanceKm: z.number().positive().max(20_000).optional(),
    statuses: z.array(z.enum(STATUSES)).min(1).max(STATUSES.length).optional().describe('Default: RECRUITING, NOT_YET_RECRUITING.'),
    phases: z.array(z.enum(PHASES)).min(1).max(PHASES.length).optional(),
    limit: z.number().int().min(1).max(200).default(20),
    includeIneligible: z.boolean().default(false),
    trials: z.array(nctIdSchema).min(1).max(500).optional().describe('Evaluate only these trials.'),
  })
  .strict();

export const matchBodySchema = z
  .object({
    patient: patientRecordSchema,
    options: matchOptionsSchema.default({ limit: 20, includeIneligible: false }),
  })
  .strict();

/** The same request with the patient as a FHIR R4 Bundle; the FHIR reader validates the Bundle itself. */
export const matchBundleBodySchema = z
  .object({
    patientBundle: z.unknown().describe('A FHIR R4 Bundle (collection, searchset, document or transaction) with one Patient and their mCODE / US Core resources.'),
    options: matchOptionsSchema.default({ limit: 20, includeIneligible: false }),
  })
  .strict();

/**
 * Sends a match result as JSON without res.json, whose res.send hashes the ~150 KB body for a weak
 * ETag that no client can use on a POST (about 0.15 ms of CPU a request). The body is encoded to a
 * Buffer first: handing the string to res.end measured slower still. Node sets Content-Length.
 */
function sendJson(res: Response, body: unknown): void {
  res.status(200).type('application/json').end(Buffer.from(JSON.stringify(body)));
}

export function matchRouter(matcher: MatchService, keys: KeyRing): Router {
  const router = Router();
  router.post('/', requireRole(keys, 'widget'), async (req, res) => {
    const raw = req.body as unknown;
    if (typeof raw === 'object' && raw !== null && 'patientBundle' in raw) {
      if ('patient' in raw) {
        throw new AppError('ambiguous_patient', 'Give the patient either as a record (patient) or as a FHIR Bundle (patientBundle), not both.', {
          status: 400,
          path: '/body/patientBundle',
        });
      }
      const body = parseRequest(matchBundleBodySchema, raw, 'body');
      const { record, provenance, warnings } = importPatientBundle(body.patientBundle, { at: '/body/patientBundle' });
      const result = await matcher.match(record, { ...body.options, provenance });
      sendJson(res, { ...result, fhir: { record, provenance, warnings } });
      return;
    }
    const body = parseRequest(matchBodySchema, raw, 'body');
    const result = await matcher.match(body.patient, body.options);
    sendJson(res, result);
  });
  return router;
}
