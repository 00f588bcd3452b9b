/**
 * POST /v1/fhir/patient-record over HTTP (supertest, no open port, a real test store): the recorded
 * bundles in, {record, provenance, warnings} out; problem+json for bodies that are not Bundles; the
 * FHIR routes' own body limit, a 5 MB bundle included.
 */
import request from 'supertest';
import { KeyRing } from '../../src/access/api-keys';
import { createApp } from '../../src/api/app';
import { createLogger } from '../../src/logger';
import { MatchService } from '../../src/match/match-service';
import { bearer, openTestApp, TEST_KEYS, type TestApp } from '../support/app';
import { loadBundle, referencesIn, SYNTHEA, type FhirBundleJson } from './bundles';

/** A longer lifetime: the bundle's observations repeated under new ids until it reaches `bytes`. */
function grow(bundle: FhirBundleJson, bytes: number): FhirBundleJson {
  const observations = bundle.entry.filter((e) => e.resource.resourceType === 'Observation');
  const out: FhirBundleJson = { ...bundle, entry: [...bundle.entry] };
  for (let round = 1; JSON.stringify(out).length < bytes; round++) {
    for (const e of observations) {
      const copy = structuredClone(e);
      copy.resource.id = `${e.resource.id}-r${round}`;
      copy.fullUrl = `urn:uuid:${copy.resource.id}`;
      out.entry.push(copy);
    }
  }
  return out;
}

describe('POST /v1/fhir/patient-record', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('turns a Synthea lifetime sent as application/fhir+json into record, provenance and warnings', async () => {
    const bundle = loadBundle(SYNTHEA.chiquita);
    const res = await request(t.app)
      .post('/v1/fhir/patient-record')
      .set('Authorization', bearer('widget'))
      .set('Content-Type', 'application/fhir+json')
      .send(JSON.stringify(bundle))
      .expect(200);
    expect(res.body.record).toMatchObject({
      birthDate: '2018-02-08',
      sex: 'female',
      cancers: [{ stage: 'IIA', tnm: { t: 'cT2', n: 'cN0', m: 'cM0' } }],
    });
    expect(res.body.provenance['/cancers/0']).toBe('Condition/a4e7085b-1959-662e-f462-ecdd345c03da');
    const refs = referencesIn(bundle);
    for (const ref of Object.values(res.body.provenance as Record<string, string>)) expect(refs.has(ref)).toBe(true);
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toContain('resource_not_read');
  });

  it('answers a body that is not a Bundle with problem+json not_a_bundle at /body/resourceType', async () => {
    const patient = loadBundle(SYNTHEA.chiquita).entry.find((e) => e.resource.resourceType === 'Patient')!.resource;
    const res = await request(t.app)
      .post('/v1/fhir/patient-record')
      .set('Authorization', bearer('widget'))
      .send(patient)
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'not_a_bundle', path: '/body/resourceType' });
    expect(res.body.detail).toContain('Patient');
  });

  it('answers a history Bundle with unsupported_bundle_type at /body/type', async () => {
    const res = await request(t.app)
      .post('/v1/fhir/patient-record')
      .set('Authorization', bearer('widget'))
      .send({ ...loadBundle('mcode-ctms/eom_patient_1.json'), type: 'history' })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'unsupported_bundle_type', path: '/body/type' });
  });

  it('accepts a Bundle without a Patient and warns no_patient', async () => {
    const bundle = loadBundle('mcode-ctms/eom_patient_1.json');
    bundle.entry = bundle.entry.filter((e) => e.resource.resourceType !== 'Patient');
    const res = await request(t.app)
      .post('/v1/fhir/patient-record')
      .set('Authorization', bearer('widget'))
      .send(bundle)
      .expect(200);
    expect(res.body.warnings[0]).toMatchObject({ code: 'no_patient' });
    expect(res.body.record.sex).toBeUndefined();
    expect(res.body.record.cancers[0].tnm).toEqual({ t: 'cT3', n: 'cN3', m: 'cM0' });
  });

  it('says what to send when the body is not JSON', async () => {
    const res = await request(t.app)
      .post('/v1/fhir/patient-record')
      .set('Authorization', bearer('widget'))
      .set('Content-Type', 'text/plain')
      .send('Bundle')
      .expect(415);
    expect(res.body).toMatchObject({ code: 'unsupported_media_type', path: '/headers/content-type' });
  });

  it('needs an API key', async () => {
    const res = await request(t.app).post('/v1/fhir/patient-record').send(loadBundle(SYNTHEA.chiquita)).expect(401);
    expect(res.body.code).toBe('missing_api_key');
  });

  it('reads a 5 MB bundle', async () => {
    const big = grow(loadBundle(SYNTHEA.chiquita), 5 * 1024 * 1024);
    const body = JSON.stringify(big);
    expect(body.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const res = await request(t.app)
      .post('/v1/fhir/patient-record')
      .set('Authorization', bearer('widget'))
      .set('Content-Type', 'application/fhir+json')
      .send(body)
      .expect(200);
    expect(res.body.record.cancers[0].stage).toBe('IIA');
    const heights = res.body.warnings.find((w: { message: string }) => w.message.includes('Body Height'));
    expect(heights.count).toBeGreaterThan(100);
  });
});

describe('the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('describes the FHIR routes and both forms of a match request', async () => {
    const doc = (await request(t.app).get('/v1/openapi.json').expect(200)).body;
    expect(doc.paths['/v1/fhir/patient-record'].post.requestBody.content).toHaveProperty('application/fhir+json');
    expect(doc.paths['/getClinicalTrial'].post.responses['200'].content['application/fhir+json'].schema).toEqual({
      $ref: '#/components/schemas/Searchset',
    });
    const [record, bundle] = doc.components.schemas.MatchRequest.oneOf;
    expect(record.required).toContain('patient');
    expect(bundle.properties.patientBundle).toEqual({ $ref: '#/components/schemas/FhirBundle' });
    expect(doc.components.schemas.FhirImport.properties.warnings.items.properties.code.enum).toContain('no_patient');
  });
});

describe('body limits', () => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await openTestApp();
    const keys = new KeyRing(
      t.store,
      Object.entries(TEST_KEYS).map(([role, key]) => ({ role: role as keyof typeof TEST_KEYS, key })),
    );
    const log = createLogger({ level: 'silent' });
    app = createApp({
      store: t.store,
      config: { CTM_BODY_LIMIT: '100kb', CTM_FHIR_BODY_LIMIT: '1mb' },
      log,
      keys,
      matcher: new MatchService(t.store, log, 0),
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('applies CTM_FHIR_BODY_LIMIT to bundle routes and CTM_BODY_LIMIT to the others', async () => {
    const bundle = loadBundle(SYNTHEA.chiquita); // about 580 kB
    await request(app).post('/v1/fhir/patient-record').set('Authorization', bearer('widget')).send(bundle).expect(200);
    const big = await request(app)
      .post('/v1/fhir/patient-record')
      .set('Authorization', bearer('widget'))
      .send(grow(bundle, 1.5 * 1024 * 1024))
      .expect(413);
    expect(big.body).toMatchObject({ code: 'payload_too_large', path: '/body' });
    const other = await request(app)
      .post('/v1/trials/NCT00000000/evaluate')
      .set('Authorization', bearer('patient'))
      .send({ patient: {}, padding: 'x'.repeat(200_000) })
      .expect(413);
    expect(other.body.code).toBe('payload_too_large');
  });
});
