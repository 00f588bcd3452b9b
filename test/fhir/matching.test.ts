/**
 * Matching from FHIR bundles end to end: real ClinicalTrials.gov studies (the breast and colorectal
 * ones of the recorded corpus) imported into a real test store, then POST /v1/match with a
 * patientBundle and POST /getClinicalTrial (MITRE's matching-service protocol) for every recorded
 * bundle. Trials are found by what they say, never by NCT id.
 */
import request from 'supertest';
import { z } from 'zod';
import { checkStudy } from '../../src/ingest/study-record';
import {
  CTGOV_BY_FHIR_PHASE,
  FHIR_STATUS_BY_CTGOV,
  scoreForSearchset,
  VERDICT_EXTENSION,
} from '../../src/fhir/research-study';
import { KM_PER_MILE } from '../../src/fhir/search-parameters';
import { haversineKm, locate } from '../../src/geo/places';
import { upsertTrials, type TrialUpsert } from '../../src/store/trials-repo';
import { bearer, openTestApp, type TestApp } from '../support/app';
import { fixtureStudies } from '../support/studies';
import { bundleFiles, loadBundle, referencesIn, SYNTHEA, type FhirBundleJson } from './bundles';

const studies = fixtureStudies().filter((s) =>
  /breast|colon|colorectal/i.test(
    (
      (s as { protocolSection: { conditionsModule?: { conditions?: string[] } } }).protocolSection.conditionsModule
        ?.conditions ?? []
    ).join(' '),
  ),
);

const R4_STATUSES = [...new Set(Object.values(FHIR_STATUS_BY_CTGOV))];
const location = z.looseObject({
  resourceType: z.literal('Location'),
  id: z.string(),
  position: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
});
const researchStudy = z.looseObject({
  resourceType: z.literal('ResearchStudy'),
  id: z.string().regex(/^NCT\d{8}$/),
  identifier: z.array(z.looseObject({ system: z.string(), value: z.string() })).min(1),
  title: z.string().min(1),
  status: z.enum(R4_STATUSES as [string, ...string[]]),
  extension: z.array(z.looseObject({ url: z.string(), valueCode: z.string().optional() })),
  phase: z
    .looseObject({
      coding: z.array(z.looseObject({ code: z.enum(Object.keys(CTGOV_BY_FHIR_PHASE) as [string, ...string[]]) })),
    })
    .optional(),
  contained: z.array(z.looseObject({ resourceType: z.string(), id: z.string() })).optional(),
});
const searchset = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('searchset'),
  total: z.number().int().min(0),
  entry: z.array(
    z.object({
      resource: researchStudy,
      search: z.object({ mode: z.literal('match'), score: z.number().min(0).max(1) }),
    }),
  ),
});

type Searchset = z.infer<typeof searchset>;
const verdictOf = (e: Searchset['entry'][number]) =>
  e.resource.extension.find((x) => x.url === VERDICT_EXTENSION)?.valueCode;

/** The Parameters resource the ancora.ai bundle starts with. */
const parametersOf = (b: FhirBundleJson) =>
  b.entry[0]!.resource as unknown as { parameter: Array<Record<string, unknown>> };

interface Evidence {
  path: string;
  value: unknown;
  fhir?: string;
}
interface Match {
  nctId: string;
  verdict: string;
  criteria: Array<{ category: string; outcome: string; evidence: Evidence[] }>;
}

describe('matching from FHIR bundles', () => {
  let t: TestApp;
  const storedIds = new Set<string>();

  beforeAll(async () => {
    t = await openTestApp();
    const rows = studies.map((s) => checkStudy(s, 'test')).flatMap((c) => (c.ok ? [c.trial] : ([] as TrialUpsert[])));
    await upsertTrials(t.store.db, rows);
    for (const r of rows) storedIds.add(r.nctId);
    await t.matcher.current(); // parse and index once
  }, 300_000);
  afterAll(async () => {
    await t.close();
  });

  const ctms = (body: unknown, query = '') =>
    request(t.app)
      .post(`/getClinicalTrial${query}`)
      .set('Authorization', bearer('widget'))
      .set('Content-Type', 'application/fhir+json')
      .send(JSON.stringify(body));

  it('matches a Synthea lifetime sent as patientBundle, each evidence item naming the FHIR resource it came from', async () => {
    const bundle = loadBundle(SYNTHEA.katherine);
    const res = await request(t.app)
      .post('/v1/match')
      .set('Authorization', bearer('widget'))
      .send({ patientBundle: bundle, options: { limit: 50 } })
      .expect(200);
    const matches = res.body.matches as Match[];
    expect(matches.length).toBeGreaterThan(0);
    expect(res.body.fhir.record.cancers[0].stage).toBe('IV');
    const evidence = matches.flatMap((m) => m.criteria.flatMap((c) => c.evidence));
    const refs = referencesIn(bundle);
    for (const e of evidence) {
      // Every value of this record came from the bundle, so every evidence item has its source.
      expect(e.fhir).toBeDefined();
      expect(refs.has(e.fhir!)).toBe(true);
    }
    // A breast-cancer trial's cancer-type criterion passes on the primary cancer Condition.
    const cancerType = matches
      .flatMap((m) => m.criteria)
      .find((c) => c.category === 'cancer_type' && c.outcome === 'pass');
    // (A criterion may name a marker of the cancer too, whose evidence comes from an Observation.)
    expect(cancerType?.evidence).toContainEqual(
      expect.objectContaining({ path: '/cancers/0/type', fhir: 'Condition/8653be5f-726a-90a2-8d15-318d012ebe3a' }),
    );
    const age = evidence.find((e) => e.path === '/birthDate');
    expect(age?.fhir).toBe('Patient/8c0d6e0a-2cbe-436d-0cfc-2e645de0c71a');
  });

  it('gives the same matches for a bundle as for the record read from it', async () => {
    const bundle = loadBundle('mcode-ctms/patient_data.json');
    const fromBundle = await request(t.app)
      .post('/v1/match')
      .set('Authorization', bearer('widget'))
      .send({ patientBundle: bundle, options: { limit: 200, includeIneligible: true } })
      .expect(200);
    const fromRecord = await request(t.app)
      .post('/v1/match')
      .set('Authorization', bearer('widget'))
      .send({ patient: fromBundle.body.fhir.record, options: { limit: 200, includeIneligible: true } })
      .expect(200);
    expect((fromBundle.body.matches as Match[]).map((m) => [m.nctId, m.verdict])).toEqual(
      (fromRecord.body.matches as Match[]).map((m) => [m.nctId, m.verdict]),
    );
    const stage = (fromBundle.body.matches as Match[])
      .flatMap((m) => m.criteria.flatMap((c) => c.evidence))
      .filter((e) => e.path === '/cancers/0/stage');
    expect(stage.length).toBeGreaterThan(0);
    expect(new Set(stage.map((e) => e.fhir))).toEqual(new Set(['Observation/479386ba-79c4-494f-b70f-4368694a4b15x']));
    expect(
      fromRecord.body.matches[0].criteria
        .flatMap((c: { evidence: Evidence[] }) => c.evidence)
        .some((e: Evidence) => e.fhir),
    ).toBe(false);
  });

  it('refuses patient and patientBundle together, and reports a bad bundle at its path in the body', async () => {
    const bundle = loadBundle('mcode-ctms/eom_patient_1.json');
    const both = await request(t.app)
      .post('/v1/match')
      .set('Authorization', bearer('widget'))
      .send({ patient: {}, patientBundle: bundle })
      .expect(400);
    expect(both.body).toMatchObject({ code: 'ambiguous_patient', path: '/body/patientBundle' });
    const notBundle = await request(t.app)
      .post('/v1/match')
      .set('Authorization', bearer('widget'))
      .send({ patientBundle: bundle.entry[0]!.resource })
      .expect(400);
    expect(notBundle.body).toMatchObject({ code: 'not_a_bundle', path: '/body/patientBundle/resourceType' });
  });

  it.each(bundleFiles())(
    'POST /getClinicalTrial with %s returns a valid searchset Bundle scored in [0, 1]',
    async (file) => {
      const res = await ctms(loadBundle(file)).expect(200);
      expect(res.headers['content-type']).toMatch(/application\/fhir\+json/);
      const parsed = searchset.safeParse(res.body);
      expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
      const body = parsed.data!;
      expect(body.total).toBe(body.entry.length);
      expect(
        body.entry.filter((e) => !storedIds.has(e.resource.id) || e.resource.identifier[0]!.value !== e.resource.id),
      ).toEqual([]);
      // The score sits in the band of the verdict, as the reference app reads its bands.
      const outOfBand = body.entry.filter((e) => {
        const verdict = verdictOf(e);
        const s = e.search.score;
        return verdict === 'eligible' ? s < 0.75 : verdict !== 'possible' || s < 0.01 || s >= 0.75;
      });
      expect(outOfBand).toEqual([]);
      const locations = body.entry.flatMap((e) =>
        (e.resource.contained ?? []).filter((c) => c.resourceType === 'Location'),
      );
      expect(locations.filter((l) => !location.safeParse(l).success)).toEqual([]);
      // Every recorded patient has breast or colon cancer, which this corpus has trials for.
      expect(body.entry.length).toBeGreaterThan(0);
    },
  );

  it('reads the Parameters of the protocol: zip code and travel radius in miles, phase and recruitment status', async () => {
    const bundle = loadBundle('mcode-ctms-ancora/patient_bundle.json'); // zipCode 75001
    const all = searchset.parse((await ctms(bundle).expect(200)).body);
    const params = parametersOf(bundle);
    params.parameter.push(
      { name: 'travelRadius', valueString: '500' },
      { name: 'recruitmentStatus', valueString: 'active' },
    );
    const near = searchset.parse((await ctms(bundle).expect(200)).body);
    expect(near.entry.length).toBeGreaterThan(0);
    expect(near.entry.length).toBeLessThan(all.entry.length);
    const origin = locate({ postalCode: '75001' })!;
    for (const e of near.entry) {
      expect(e.resource.status).toBe('active');
      const sites = (e.resource.contained ?? [])
        .filter((c) => c.resourceType === 'Location')
        .map((c) => location.parse(c))
        .filter((l) => l.position);
      const nearest = Math.min(
        ...sites.map((l) => haversineKm(origin, { lat: l.position!.latitude, lon: l.position!.longitude })),
      );
      expect(nearest).toBeLessThanOrEqual(500 * KM_PER_MILE);
    }
    params.parameter.push({ name: 'phase', valueString: 'phase-2' });
    const phase2 = searchset.parse((await ctms(bundle).expect(200)).body);
    expect(phase2.entry.length).toBeGreaterThan(0);
    expect(phase2.entry.length).toBeLessThan(near.entry.length);
    for (const e of phase2.entry) expect(e.resource.phase?.coding[0]?.code).toMatch(/phase-2/);
  });

  it('accepts the older {patientData} body, as a Bundle or a JSON string', async () => {
    const bundle = loadBundle('mcode-ctm-app/TrialMatching_Patient01.json');
    const bare = searchset.parse((await ctms(bundle).expect(200)).body);
    const wrapped = searchset.parse((await ctms({ patientData: bundle }).expect(200)).body);
    const stringified = searchset.parse((await ctms({ patientData: JSON.stringify(bundle) }).expect(200)).body);
    const ids = (s: Searchset) => s.entry.map((e) => e.resource.id);
    expect(ids(wrapped)).toEqual(ids(bare));
    expect(ids(stringified)).toEqual(ids(bare));
  });

  it('answers bad parameters and bodies with problem+json pointing into the Bundle', async () => {
    const bundle = loadBundle('mcode-ctms-ancora/patient_bundle.json');
    const params = parametersOf(bundle);
    params.parameter.push({ name: 'phase', valueString: 'phase-9' });
    const badPhase = await ctms(bundle).expect(400);
    expect(badPhase.body).toMatchObject({ code: 'invalid_parameter', path: '/body/entry/0/resource/parameter/1' });
    const unknownZip: FhirBundleJson = loadBundle('mcode-ctms-ancora/patient_bundle.json');
    parametersOf(unknownZip).parameter = [
      { name: 'zipCode', valueString: '00000' },
      { name: 'travelRadius', valueDecimal: 25 },
    ];
    expect((await ctms(unknownZip).expect(400)).body.code).toBe('unknown_postal_code');
    expect((await ctms({ patientData: '{"resourceType":' }).expect(400)).body).toMatchObject({
      code: 'malformed_json',
      path: '/body/patientData',
    });
    expect((await ctms({ resourceType: 'Patient' }).expect(400)).body).toMatchObject({
      code: 'not_a_bundle',
      path: '/body/resourceType',
    });
  });
});

describe('the protocol score', () => {
  it('puts eligible in [0.75, 1], possible in [0.01, 0.74] and ineligible at 0, keeping the order within a verdict', () => {
    expect(scoreForSearchset('eligible', 2 / 3)).toBe(0.75);
    expect(scoreForSearchset('eligible', 1)).toBe(1);
    expect(scoreForSearchset('possible', 1 / 3)).toBe(0.01);
    expect(scoreForSearchset('possible', 0.5)).toBeCloseTo(0.375, 3);
    expect(scoreForSearchset('possible', 0.6)).toBeGreaterThan(scoreForSearchset('possible', 0.5));
    expect(scoreForSearchset('ineligible', 0.2)).toBe(0);
  });
});
