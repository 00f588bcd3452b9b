/** POST /v1/fhir/patient-record: a FHIR R4 Bundle in, the PatientRecord with provenance and warnings out. */
import { Router, type Request } from 'express';
import type { KeyRing } from '../access/api-keys';
import { AppError } from '../errors';
import { importPatientBundle } from '../fhir/patient-record';
import { requireRole } from './auth';

/** The parsed body, or a clear error when the client sent no JSON at all. */
export function bundleBody(req: Request): unknown {
  if (req.body === undefined) {
    throw new AppError(
      'unsupported_media_type',
      'Send the Bundle as JSON (Content-Type: application/fhir+json or application/json).',
      {
        status: 415,
        path: '/headers/content-type',
      },
    );
  }
  return req.body as unknown;
}

export function fhirRouter(keys: KeyRing): Router {
  const router = Router();
  router.post('/patient-record', requireRole(keys, 'widget'), (req, res) => {
    const { record, provenance, warnings } = importPatientBundle(bundleBody(req), { at: '/body' });
    res.json({ record, provenance, warnings });
  });
  return router;
}
