import request from 'supertest';
import { checkStudy } from '../../src/ingest/study-record';
import { upsertTrials, type TrialUpsert } from '../../src/store/trials-repo';
import { openTestApp, type TestApp } from '../support/app';
import { fixtureStudies, nctIdOf } from '../support/studies';

describe('trials API', () => {
  let t: TestApp;
  const studies = fixtureStudies().slice(0, 200);

  beforeAll(async () => {
    t = await openTestApp();
    const rows = studies
      .map((s) => checkStudy(s, 'test'))
      .flatMap((c) => (c.ok ? [c.trial] : ([] as TrialUpsert[])));
    await upsertTrials(t.store.db, rows);
  });
  afterAll(async () => {
    await t.close();
  });

  it('returns one stored trial with its normalised fields and the raw v2 study verbatim', async () => {
    const study = studies[3]!;
    const nctId = nctIdOf(study);
    const res = await request(t.app).get(`/v1/trials/${nctId}`).expect(200);
    expect(res.body.nctId).toBe(nctId);
    expect(res.body.raw).toEqual(study);
    expect(res.body).toHaveProperty('overallStatus');
    expect(Array.isArray(res.body.sites)).toBe(true);
    expect(res.body).not.toHaveProperty('searchVector');
  });

  it('answers an unknown trial with problem+json code trial_not_found', async () => {
    const res = await request(t.app).get('/v1/trials/NCT99999999').expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'trial_not_found', path: '/params/nctId' });
  });

  it('rejects a malformed NCT id with code invalid_nct_id', async () => {
    const res = await request(t.app).get('/v1/trials/12345').expect(400);
    expect(res.body.code).toBe('invalid_nct_id');
  });

  it('finds melanoma trials by full-text search, best match first, with paging', async () => {
    const page1 = await request(t.app).get('/v1/trials').query({ q: 'melanoma', pageSize: 5 }).expect(200);
    expect(page1.body.total).toBeGreaterThan(5);
    expect(page1.body.items).toHaveLength(5);
    const ranks = page1.body.items.map((i: { rank: number }) => i.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    for (const item of page1.body.items) {
      const text = `${item.title} ${item.officialTitle ?? ''} ${item.conditions.join(' ')} ${item.keywords.join(' ')}`;
      expect(text.toLowerCase()).toContain('melanoma');
    }
    const page2 = await request(t.app).get('/v1/trials').query({ q: 'melanoma', pageSize: 5, page: 2 }).expect(200);
    const ids1 = page1.body.items.map((i: { nctId: string }) => i.nctId);
    const ids2 = page2.body.items.map((i: { nctId: string }) => i.nctId);
    expect(ids2.filter((id: string) => ids1.includes(id))).toEqual([]);
  });

  it('filters by status and condition', async () => {
    const res = await request(t.app)
      .get('/v1/trials')
      .query({ status: 'recruiting', condition: 'melanoma', pageSize: 100 })
      .expect(200);
    expect(res.body.total).toBeGreaterThan(0);
    for (const item of res.body.items) {
      expect(item.overallStatus).toBe('RECRUITING');
      expect(item.conditions.some((c: string) => /melanoma/i.test(c))).toBe(true);
    }
  });

  it('rejects a bad page number with the offending query path', async () => {
    const res = await request(t.app).get('/v1/trials').query({ page: 0 }).expect(400);
    expect(res.body).toMatchObject({ code: 'invalid_query', path: '/query/page' });
    expect(res.body.errors[0].path).toBe('/query/page');
  });
});

describe('health and errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports liveness on /healthz', async () => {
    const res = await request(t.app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('reports the store reachable and no sync yet on /readyz', async () => {
    const res = await request(t.app).get('/readyz').expect(200);
    expect(res.body).toMatchObject({ status: 'ready', store: { reachable: true }, lastSync: null });
  });

  it('answers an unknown route with problem+json not_found and a request id', async () => {
    const res = await request(t.app).get('/v1/nothing-here').expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('not_found');
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers malformed JSON with code malformed_json and no parser internals', async () => {
    const res = await request(t.app)
      .post('/v1/trials')
      .set('Content-Type', 'application/json')
      .send('{"patient": ')
      .expect(400);
    expect(res.body.code).toBe('malformed_json');
    expect(JSON.stringify(res.body)).not.toMatch(/SyntaxError|at JSON\.parse|node_modules/);
  });
});
