/**
 * POST /v1/match and POST /v1/trials/:nctId/evaluate over HTTP: keys, validation problems with the
 * offending paths, the body limit, the response contract, and the options that filter and rank.
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { checkStudy } from '../../src/ingest/study-record';
import type { TrialMatch } from '../../src/match/trial-index';
import type { PatientRecord } from '../../src/patients/record';
import { upsertTrials, type TrialUpsert } from '../../src/store/trials-repo';
import { bearer, openTestApp, type TestApp } from '../support/app';
import { FIXTURES, fixtureStudies } from '../support/studies';

const patient = (name: string): PatientRecord =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, 'patients', `${name}.json`), 'utf8')) as PatientRecord;

describe('match API', () => {
  let t: TestApp;
  let small: TestApp;

  beforeAll(async () => {
    t = await openTestApp();
    const rows = fixtureStudies()
      .slice(0, 250)
      .map((s) => checkStudy(s, 'test'))
      .flatMap((c) => (c.ok ? [c.trial] : ([] as TrialUpsert[])));
    await upsertTrials(t.store.db, rows);
    small = await openTestApp(undefined, '2kb');
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await small.close();
  });

  const post = (body: unknown, app = t.app) => request(app).post('/v1/match').set('Authorization', bearer('widget')).send(body as object);

  it('needs an API key, and says where it belongs', async () => {
    const res = await request(t.app).post('/v1/match').send({ patient: {} }).expect(401);
    expect(res.type).toBe('application/problem+json');
    expect(res.body).toMatchObject({ code: 'missing_api_key', path: '/headers/authorization', status: 401 });
    const wrong = await request(t.app).post('/v1/match').set('Authorization', 'Bearer not-a-key').send({ patient: {} }).expect(401);
    expect(wrong.body.code).toBe('invalid_api_key');
  });

  it('rejects an invalid record with every offending path, and stores nothing', async () => {
    const res = await post({ patient: { ecog: 7, sex: 'F', cancers: [{ stage: 12 }] }, options: { limit: 0, colour: 'blue' } }).expect(400);
    expect(res.type).toBe('application/problem+json');
    expect(res.body.code).toBe('invalid_body');
    const paths = (res.body.errors as Array<{ path: string }>).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/body/patient/ecog', '/body/patient/sex', '/body/patient/cancers/0/stage', '/body/options/limit', '/body/options']));
  });

  it('answers a record over CTM_BODY_LIMIT with 413 payload_too_large', async () => {
    const huge = { patient: { conditions: Array.from({ length: 200 }, (_, i) => ({ name: `condition number ${i}` })) } };
    // /v1/match also takes FHIR bundles, under CTM_FHIR_BODY_LIMIT; evaluate takes records only.
    const res = await request(small.app).post('/v1/trials/NCT00000000/evaluate').set('Authorization', bearer('widget')).send(huge).expect(413);
    expect(res.body).toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('returns ranked matches with verdict, score parts and evidence for every criterion', async () => {
    const res = await post({ patient: patient('her2-positive-metastatic-breast'), options: { asOf: '2025-06-01' } }).expect(200);
    // The route writes the JSON itself (no ETag on a POST): type and length must still be right.
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(res.body)));
    const body = res.body as { matches: TrialMatch[]; corpus: { trials: number; lastSync: unknown }; counts: Record<string, number> };
    expect(body.corpus.trials).toBe(250);
    expect(body.corpus).toHaveProperty('lastSync', null);
    expect(body.matches.length).toBeGreaterThan(0);
    expect(body.matches.length).toBeLessThanOrEqual(20);
    for (const m of body.matches) {
      expect(m.verdict).not.toBe('ineligible');
      expect(['RECRUITING', 'NOT_YET_RECRUITING']).toContain(m.overallStatus);
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
      expect(m.scoreParts).toEqual(expect.objectContaining({ verdict: m.verdict, diseaseWeight: expect.any(Number), unknowns: expect.any(Number) }));
      for (const c of m.criteria) {
        expect(c).toEqual(expect.objectContaining({ kind: expect.stringMatching(/^(inclusion|exclusion)$/), text: expect.any(String), outcome: expect.stringMatching(/^(pass|unknown)$/), evidence: expect.any(Array), parsed: expect.any(String) }));
        // An unknown always says what would settle it; an unread criterion is never decided.
        expect(c.outcome !== 'unknown' || (c.missing?.length ?? 0) > 0).toBe(true);
        expect(c.parsed !== 'unparsed' || (c.outcome === 'unknown' && c.reason === 'not_understood')).toBe(true);
      }
    }
    // Ranked: scores never rise down the list within a verdict, and eligible comes before possible.
    const order = body.matches.map((m) => (m.verdict === 'eligible' ? 0 : 1));
    expect([...order].sort()).toEqual(order);
  });

  it('includes ineligible trials with their failing criteria only when asked', async () => {
    const res = await post({ patient: patient('her2-positive-metastatic-breast'), options: { includeIneligible: true, limit: 200 } }).expect(200);
    const ineligible = (res.body.matches as TrialMatch[]).filter((m) => m.verdict === 'ineligible');
    expect(ineligible.length).toBeGreaterThan(0);
    for (const m of ineligible) expect(m.criteria.some((c) => c.outcome === 'fail' && c.evidence.length > 0)).toBe(true);
  });

  it('filters by distance and reports the nearest open site', async () => {
    const res = await post({ patient: patient('her2-positive-metastatic-breast'), options: { maxDistanceKm: 300, limit: 200 } }).expect(200);
    const matches = res.body.matches as TrialMatch[];
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) {
      expect(m.nearestSite).not.toBeNull();
      expect(m.nearestSite!.distanceKm).toBeLessThanOrEqual(300);
    }
  });

  it('evaluates one trial in full, and answers an unknown trial with trial_not_found', async () => {
    const nctId = (fixtureStudies()[0] as { protocolSection: { identificationModule: { nctId: string } } }).protocolSection.identificationModule.nctId;
    const res = await request(t.app)
      .post(`/v1/trials/${nctId}/evaluate`)
      .set('Authorization', bearer('widget'))
      .send({ patient: patient('age-and-sex-only'), asOf: '2025-06-01' })
      .expect(200);
    expect(res.body).toMatchObject({ nctId, asOf: '2025-06-01' });
    expect(res.body.criteria.length).toBeGreaterThan(0);
    const missing = await request(t.app).post('/v1/trials/NCT99999999/evaluate').set('Authorization', bearer('widget')).send({ patient: {} }).expect(404);
    expect(missing.body).toMatchObject({ code: 'trial_not_found', path: '/params/nctId' });
  });
});
