/**
 * POST /getClinicalTrial: the protocol of MITRE's clinical-trial-matching-service, so that the mCODE
 * clinical-trial-matching-app (and anything else speaking it) can use this engine as a matching
 * service. The body is the patient Bundle, or `{ "patientData": Bundle }` as older clients send it;
 * an optional Parameters resource in the Bundle carries zipCode, travelRadius, phase and
 * recruitmentStatus. The answer is a FHIR searchset Bundle of ResearchStudy resources with scores.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { KeyRing } from '../access/api-keys';
import { AppError } from '../errors';
import { importPatientBundle } from '../fhir/patient-record';
import { searchsetBundle } from '../fhir/research-study';
import { KM_PER_MILE, readSearchParameters } from '../fhir/search-parameters';
import { locate } from '../geo/places';
import type { MatchService } from '../match/match-service';
import type { Store } from '../store/database';
import { getTrial } from '../store/trials-repo';
import { requireRole } from './auth';
import { bundleBody } from './fhir';
import { parseRequest } from './validate';

export const CTMS_PATH = '/getClinicalTrial';

const query = z.object({
  _count: z.coerce.number().int().min(1).max(200).default(50).describe('Most studies to return (FHIR _count).'),
});

/** The patient Bundle and where it sits in the request body. */
function patientBundle(body: unknown): { bundle: unknown; at: string } {
  if (typeof body === 'object' && body !== null && 'patientData' in body) {
    const data = (body as { patientData: unknown }).patientData;
    if (typeof data !== 'string') return { bundle: data, at: '/body/patientData' };
    try {
      return { bundle: JSON.parse(data) as unknown, at: '/body/patientData' };
    } catch {
      throw new AppError('malformed_json', 'patientData is a string but not JSON.', {
        status: 400,
        path: '/body/patientData',
      });
    }
  }
  return { bundle: body, at: '/body' };
}

export function ctmsRouter(store: Store, matcher: MatchService, keys: KeyRing): Router {
  const router = Router();
  router.post(CTMS_PATH, requireRole(keys, 'widget'), async (req, res) => {
    const { _count } = parseRequest(query, req.query, 'query');
    const { bundle, at } = patientBundle(bundleBody(req));
    const imported = importPatientBundle(bundle, { at, parameters: true });
    const params = readSearchParameters(imported.parameters);
    const record = { ...imported.record };
    if (params.zipCode) {
      // The search is centred on the zip code asked for, not on the patient's home address.
      record.location = { postalCode: params.zipCode.slice(0, 20) };
      if (params.travelRadiusMiles !== undefined && !locate(record.location)) {
        throw new AppError(
          'unknown_postal_code',
          `Zip code ${params.zipCode} is not in the gazetteer, so travelRadius cannot be applied.`,
          {
            status: 400,
            path: imported.parameters[0] ? `${imported.parameters[0].pointer}/parameter` : at,
          },
        );
      }
    }
    const result = await matcher.match(record, {
      limit: _count,
      statuses: params.statuses,
      phases: params.phases,
      maxDistanceKm: params.travelRadiusMiles !== undefined ? params.travelRadiusMiles * KM_PER_MILE : undefined,
      provenance: imported.provenance,
    });
    const rows = await Promise.all(result.matches.map((m) => getTrial(store.db, m.nctId)));
    const items = result.matches.flatMap((m, i) => {
      const row = rows[i];
      return row ? [{ study: row, match: m }] : [];
    });
    const from = record.location ? (locate(record.location) ?? undefined) : undefined;
    res.type('application/fhir+json').send(JSON.stringify(searchsetBundle(items, from)));
  });
  return router;
}
