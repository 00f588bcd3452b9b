import fs from 'node:fs';
import path from 'node:path';
import {
  createCtgovClient,
  parseRetryAfter,
  studiesPageSchema,
  UpstreamError,
  type CtgovClient,
  type CtgovClientOptions,
} from '../../src/ingest/ctgov-client';
import { AppError } from '../../src/errors';
import { fakeClock, type FakeClock } from '../support/clock';
import { startCtgovMock, type CtgovMock } from '../support/ctgov-mock';
import { FIXTURES, fixtureStudies, nctIdOf } from '../support/studies';

const QUERY = { 'query.cond': 'cancer', 'filter.overallStatus': 'RECRUITING|NOT_YET_RECRUITING' };
const LIST_PAGES = path.join(FIXTURES, 'ctgov', 'list-pages');

describe('ClinicalTrials.gov client', () => {
  let mock: CtgovMock;
  let clock: FakeClock;

  beforeAll(async () => {
    mock = await startCtgovMock();
  });
  afterAll(async () => {
    await mock.close();
  });
  beforeEach(() => {
    mock.clearFaults();
    mock.requests.length = 0;
    clock = fakeClock();
  });

  function client(overrides: Partial<CtgovClientOptions> = {}): CtgovClient {
    return createCtgovClient({
      baseUrl: mock.baseUrl,
      timeoutMs: 2_000,
      maxRetries: 3,
      ratePerMinute: 40,
      pageSize: 50,
      backoffBaseMs: 100,
      backoffMaxMs: 2_000,
      clock,
      random: () => 0.5,
      ...overrides,
    });
  }

  async function rejection(p: Promise<unknown>): Promise<UpstreamError> {
    const e: unknown = await p.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(UpstreamError);
    return e as UpstreamError;
  }

  it('reads /version as {apiVersion, dataTimestamp} and names the project in its User-Agent', async () => {
    const v = await client().version();
    expect(v).toEqual({ apiVersion: '2.0.5', dataTimestamp: mock.dataTimestamp });
    expect(mock.requests[0]?.path).toBe('/version');
    expect(mock.requests[0]?.userAgent).toMatch(
      /^ctmatch\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/ctmatch\/ctmatch; /,
    );
  });

  it('pages through /studies with format=json, pageSize and the returned pageToken until the last page', async () => {
    const c = client();
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await c.listStudies(QUERY, { pageToken: token, countTotal: true });
      seen.push(...page.studies.map(nctIdOf));
      token = page.nextPageToken;
      pages++;
    } while (token);
    const open = fixtureStudies().filter((s) =>
      ['RECRUITING', 'NOT_YET_RECRUITING'].includes(
        (s as { protocolSection: { statusModule?: { overallStatus?: string } } }).protocolSection.statusModule
          ?.overallStatus ?? '',
      ),
    );
    expect(seen).toEqual(open.map(nctIdOf));
    expect(pages).toBe(Math.ceil(open.length / 50));
    const [first, ...rest] = mock.studyRequests();
    expect(first?.query).toEqual({ ...QUERY, format: 'json', pageSize: '50', countTotal: 'true' });
    for (const r of rest) {
      const { pageToken, ...others } = r.query;
      expect(pageToken).toBeTruthy();
      // The spec: every page with the same parameters as the first (countTotal/pageToken excepted).
      expect(others).toEqual({ ...QUERY, format: 'json', pageSize: '50' });
    }
  });

  it('accepts every recorded real list page, including ones with extra keys such as pagination', async () => {
    const files = fs.readdirSync(LIST_PAGES).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const body = fs.readFileSync(path.join(LIST_PAGES, file), 'utf8');
      const recorded = JSON.parse(body) as { studies: unknown[]; nextPageToken?: string };
      expect(studiesPageSchema.safeParse(recorded).success).toBe(true);
      mock.inject({ fault: { kind: 'body', body } });
      const page = await client().listStudies(QUERY);
      expect(page.studies).toHaveLength(recorded.studies.length);
      expect(page.nextPageToken).toBe(recorded.nextPageToken);
    }
  });

  it('waits out a 429 for the Retry-After seconds, then succeeds', async () => {
    mock.inject({ fault: { kind: 'status', status: 429, retryAfter: '7' } });
    const page = await client().listStudies(QUERY);
    expect(page.studies).toHaveLength(50);
    expect(mock.studyRequests().map((r) => r.status)).toEqual([429, 200]);
    expect(clock.sleeps).toContain(7_000);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    expect(parseRetryAfter(new Date(clock.now() + 12_000).toUTCString(), clock.now())).toBe(12_000);
    expect(parseRetryAfter('soon', clock.now())).toBeUndefined();
    mock.inject({ fault: { kind: 'status', status: 429, retryAfter: new Date(clock.now() + 9_000).toUTCString() } });
    await client().listStudies(QUERY);
    expect(clock.sleeps).toContain(9_000);
  });

  it('gives up at once with upstream_rate_limited when Retry-After is longer than it is willing to wait', async () => {
    mock.inject({ fault: { kind: 'status', status: 429, retryAfter: '3600' } });
    const e = await rejection(client({ maxRetryAfterMs: 60_000 }).listStudies(QUERY));
    expect(e.code).toBe('upstream_rate_limited');
    expect(e.retryAfter).toBe(3600);
    expect(mock.studyRequests()).toHaveLength(1);
  });

  it('retries a 500 and returns the page that follows', async () => {
    mock.inject({ fault: { kind: 'status', status: 500 } });
    const page = await client().listStudies(QUERY);
    expect(page.studies).toHaveLength(50);
    expect(mock.studyRequests().map((r) => r.status)).toEqual([500, 200]);
  });

  it('retries a truncated JSON body like a 5xx', async () => {
    mock.inject({ fault: { kind: 'truncate' } });
    const page = await client().listStudies(QUERY);
    expect(page.studies).toHaveLength(50);
    expect(mock.studyRequests().map((r) => r.fault ?? 'ok')).toEqual(['truncate', 'ok']);
  });

  it('fails with upstream_invalid_response at /studies once retries on truncated bodies are exhausted', async () => {
    mock.inject({ fault: { kind: 'truncate' }, times: Infinity });
    const e = await rejection(client({ maxRetries: 2 }).listStudies(QUERY));
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('upstream_invalid_response');
    expect(e.path).toBe('/studies');
    expect(mock.studyRequests()).toHaveLength(3);
  });

  it('treats a JSON body that is not a studies page as an invalid response', async () => {
    mock.inject({ fault: { kind: 'body', body: '{"studies":"none","nextPageToken":7}' }, times: Infinity });
    const e = await rejection(client({ maxRetries: 0 }).listStudies(QUERY));
    expect(e.code).toBe('upstream_invalid_response');
    expect(e.message).toContain('/studies');
  });

  it('times out a response slower than CTGOV_TIMEOUT_MS and retries it', async () => {
    mock.inject({ fault: { kind: 'slow', delayMs: 8_000 } });
    const started = Date.now();
    // Far from both the slow response and a normal one, which a loaded machine may take hundreds of ms to serve.
    const page = await client({ timeoutMs: 1_500 }).listStudies(QUERY);
    expect(page.studies).toHaveLength(50);
    expect(mock.studyRequests().map((r) => r.fault ?? 'ok')).toEqual(['slow', 'ok']);
    // Well below the 8 s the slow response would take: the client gave up on it.
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  it('reports upstream_timeout when every attempt is too slow', async () => {
    mock.inject({ fault: { kind: 'slow', delayMs: 2_000 }, times: Infinity });
    const e = await rejection(client({ timeoutMs: 100, maxRetries: 1 }).listStudies(QUERY));
    expect(e.code).toBe('upstream_timeout');
    expect(mock.studyRequests()).toHaveLength(2);
  });

  it('retries a reset connection and reports upstream_unavailable when it keeps failing', async () => {
    mock.inject({ fault: { kind: 'reset' } });
    await expect(client().listStudies(QUERY)).resolves.toHaveProperty('studies');
    mock.inject({ fault: { kind: 'reset' }, times: Infinity });
    const e = await rejection(client({ maxRetries: 1 }).listStudies(QUERY));
    expect(e.code).toBe('upstream_unavailable');
  });

  it('does not retry a 400 and reports upstream_rejected with the upstream status, without the body', async () => {
    mock.inject({ fault: { kind: 'status', status: 400, body: 'SECRET-BODY-TEXT invalid pageToken' } });
    const e = await rejection(client().listStudies(QUERY, { pageToken: 'whatever' }));
    expect(e.code).toBe('upstream_rejected');
    expect(e.upstreamStatus).toBe(400);
    expect(e.message).not.toContain('SECRET-BODY-TEXT');
    expect(mock.studyRequests()).toHaveLength(1);
  });

  it('caps retries at CTGOV_MAX_RETRIES with exponentially growing, jittered backoff', async () => {
    mock.inject({ fault: { kind: 'status', status: 503 }, times: Infinity });
    // No rate limit here, so every sleep is a backoff.
    const unlimited = { ratePerMinute: 1e9 };
    const e = await rejection(client({ ...unlimited, maxRetries: 6, random: () => 0.999 }).listStudies(QUERY));
    expect(e.code).toBe('upstream_unavailable');
    expect(e.upstreamStatus).toBe(503);
    expect(mock.studyRequests()).toHaveLength(7);
    // Full jitter below a ceiling of base * 2^n (base 100 ms), the ceiling capped at backoffMaxMs (2,000).
    expect(clock.sleeps).toEqual([99, 199, 399, 799, 1_598, 1_998]);
    const low = fakeClock();
    await rejection(client({ ...unlimited, maxRetries: 2, random: () => 0, clock: low }).listStudies(QUERY));
    expect(low.sleeps).toEqual([0, 0]);
  });

  it('spaces requests to respect CTGOV_RATE_LIMIT_PER_MIN', async () => {
    const c = client({ ratePerMinute: 40 });
    for (let i = 0; i < 4; i++) await c.version();
    // 40 per minute = one request every 1.5 s; the first goes at once.
    expect(clock.sleeps).toEqual([1_500, 1_500, 1_500]);
  });

  it('stops waiting and reports aborted when the caller cancels', async () => {
    mock.inject({ fault: { kind: 'slow', delayMs: 5_000 } });
    const controller = new AbortController();
    const pending = client().listStudies(QUERY, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
