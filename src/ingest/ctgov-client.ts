/**
 * HTTP client for the ClinicalTrials.gov API v2 (spec: fixtures/ctgov/openapi/ctg-oas-v2.yaml):
 * `GET /studies` one page at a time and `GET /version`. It is a polite and defensive client:
 *
 * - a client-side rate limit (minimum interval between requests), because the public API throttles
 *   per IP and answers bursts with 429;
 * - bounded retries with exponential backoff and full jitter for 429, 5xx, timeouts, network errors
 *   and bodies that are not the JSON the spec promises (usually a truncated transfer), honouring
 *   `Retry-After`;
 * - every response validated with zod before use. Studies themselves are left as `unknown`: the
 *   sync validates each one separately, so one bad study is skipped instead of failing the page.
 *
 * Errors are AppErrors with stable codes (`upstream_*`). Messages name the path and status only;
 * response bodies never reach an error or a log line.
 */
import fs from 'node:fs';
import path from 'node:path';
import axios, { isAxiosError, type AxiosInstance } from 'axios';
import { z } from 'zod';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { Logger } from '../logger';

/** Time source and sleeper, injectable so that tests never wait for real backoff or rate limits. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with AppError `aborted` as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortedError());
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortedError());
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export function abortedError(): AppError {
  return new AppError('aborted', 'The operation was cancelled before it finished.', { status: 503 });
}

/**
 * The page envelope. The spec declares `additionalProperties: false`, but recorded pages carry extra
 * keys (e.g. `pagination`), so unknown keys are allowed; the study objects are validated later.
 */
export const studiesPageSchema = z.looseObject({
  studies: z.array(z.unknown()),
  nextPageToken: z.string().nullish(),
  totalCount: z.number().int().nonnegative().nullish(),
});

/** `dataTimestamp` is optional in the spec; it is a UTC `yyyy-MM-dd'T'HH:mm:ss` string when present. */
export const versionSchema = z.looseObject({
  apiVersion: z.string(),
  dataTimestamp: z.string().nullish(),
});

export interface StudiesPage {
  studies: unknown[];
  /** Absent on the last page. */
  nextPageToken: string | undefined;
  /** Only on a first page requested with `countTotal`. */
  totalCount: number | undefined;
}

export interface ApiVersion {
  apiVersion: string;
  dataTimestamp: string | undefined;
}

export interface ListStudiesOptions {
  /** Token from the previous page's `nextPageToken`; omit for the first page. */
  pageToken?: string | undefined;
  /** Ask for `totalCount` (the spec ignores it on later pages, so it is only sent on a first page). */
  countTotal?: boolean;
  signal?: AbortSignal | undefined;
}

export interface CtgovClient {
  readonly baseUrl: string;
  readonly pageSize: number;
  version(signal?: AbortSignal): Promise<ApiVersion>;
  /**
   * One page of `GET /studies`. `params` are the query and filter parameters; per the spec they must
   * be identical for every page of one listing (`pageSize`, `pageToken`, `countTotal` excepted).
   */
  listStudies(params: Readonly<Record<string, string>>, options?: ListStudiesOptions): Promise<StudiesPage>;
}

export interface CtgovClientOptions {
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  ratePerMinute: number;
  pageSize: number;
  userAgent?: string;
  /** First backoff ceiling; doubles per retry up to `backoffMaxMs` (full jitter below the ceiling). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A `Retry-After` longer than this is not waited out: the call fails with `upstream_rate_limited`. */
  maxRetryAfterMs?: number;
  clock?: Clock;
  /** Uniform [0, 1); injectable so jitter is deterministic in tests. */
  random?: () => number;
  log?: Logger;
}

/** Error raised for upstream failures; `upstreamStatus` is the HTTP status ClinicalTrials.gov sent, if any. */
export class UpstreamError extends AppError {
  readonly upstreamStatus: number | undefined;
  readonly retryable: boolean;

  constructor(
    code: string,
    message: string,
    options: { path: string; upstreamStatus?: number; retryable: boolean; retryAfter?: number; status?: number },
  ) {
    super(code, message, {
      status: options.status ?? 502,
      path: options.path,
      ...(options.retryAfter === undefined ? {} : { retryAfter: options.retryAfter }),
    });
    this.name = 'UpstreamError';
    this.upstreamStatus = options.upstreamStatus;
    this.retryable = options.retryable;
  }
}

/** Parameters the client owns; anything else a caller passes with these names is overridden. */
export const CLIENT_PARAMS = ['format', 'pageSize', 'pageToken', 'countTotal'] as const;

let cachedVersion: string | undefined;

/** The package version, found by walking up from this file (works from src/ under jest and from dist/). */
export function packageVersion(): string {
  if (cachedVersion) return cachedVersion;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === 'ctmatch' && typeof pkg.version === 'string') return (cachedVersion = pkg.version);
    } catch {
      // No package.json here; keep walking up.
    }
    dir = path.dirname(dir);
  }
  return (cachedVersion = '0.0.0');
}

export function defaultUserAgent(): string {
  return `ctmatch/${packageVersion()} (+https://github.com/ctmatch/ctmatch; clinical-trial matching engine)`;
}

export function clientOptionsFromConfig(
  config: Pick<
    Config,
    'CTGOV_BASE_URL' | 'CTGOV_TIMEOUT_MS' | 'CTGOV_MAX_RETRIES' | 'CTGOV_RATE_LIMIT_PER_MIN' | 'CTGOV_PAGE_SIZE'
  >,
): CtgovClientOptions {
  return {
    baseUrl: config.CTGOV_BASE_URL,
    timeoutMs: config.CTGOV_TIMEOUT_MS,
    maxRetries: config.CTGOV_MAX_RETRIES,
    ratePerMinute: config.CTGOV_RATE_LIMIT_PER_MIN,
    pageSize: config.CTGOV_PAGE_SIZE,
  };
}

/**
 * Spaces request starts at least `60000 / ratePerMinute` ms apart. A minimum interval rather than a
 * bucket with burst: the sync is a steady sequential crawl, so a burst allowance buys nothing and
 * only risks a 429. Concurrent callers queue for successive slots.
 */
export class RateLimiter {
  private nextSlot = Number.NEGATIVE_INFINITY;
  private readonly intervalMs: number;

  constructor(
    ratePerMinute: number,
    private readonly clock: Clock,
  ) {
    this.intervalMs = 60_000 / ratePerMinute;
  }

  async take(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.intervalMs;
    if (slot > now) await this.clock.sleep(slot - now, signal);
  }
}

/** `Retry-After` as delta-seconds or an HTTP date (RFC 9110 §10.2.3), in ms from `now`; undefined if unreadable. */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: UpstreamError; retryAfterMs?: number | undefined };

export function createCtgovClient(options: CtgovClientOptions): CtgovClient {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const backoffBaseMs = options.backoffBaseMs ?? 1_000;
  const backoffMaxMs = options.backoffMaxMs ?? 60_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10 * 60_000;
  const log = options.log;
  const limiter = new RateLimiter(options.ratePerMinute, clock);
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const http: AxiosInstance = axios.create({
    headers: { 'User-Agent': options.userAgent ?? defaultUserAgent(), Accept: 'application/json' },
    // Statuses and JSON are handled here, not by axios: a non-2xx must not throw before we can read
    // Retry-After, and a truncated body must surface as a parse failure we can retry.
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    maxRedirects: 3,
  });

  /** One HTTP attempt: never throws for upstream trouble, reports it as a (possibly retryable) error. */
  async function attempt<T>(
    apiPath: string,
    query: URLSearchParams,
    schema: z.ZodType<T>,
    signal: AbortSignal | undefined,
  ): Promise<Attempt<T>> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
    const onOuterAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onOuterAbort, { once: true });
    const url = `${baseUrl}${apiPath}${query.size ? `?${query.toString()}` : ''}`;
    try {
      const res = await http.get<string>(url, { signal: controller.signal });
      if (res.status === 429 || res.status >= 500) {
        const retryAfterMs = parseRetryAfter(res.headers['retry-after'], clock.now());
        const limited = res.status === 429;
        return {
          ok: false,
          retryAfterMs,
          error: new UpstreamError(
            limited ? 'upstream_rate_limited' : 'upstream_unavailable',
            limited
              ? `ClinicalTrials.gov rate-limited ${apiPath} (HTTP 429).`
              : `ClinicalTrials.gov failed on ${apiPath} (HTTP ${res.status}).`,
            {
              path: apiPath,
              upstreamStatus: res.status,
              retryable: true,
              status: 503,
              ...(retryAfterMs === undefined ? {} : { retryAfter: Math.ceil(retryAfterMs / 1000) }),
            },
          ),
        };
      }
      if (res.status < 200 || res.status >= 300) {
        return {
          ok: false,
          error: new UpstreamError(
            'upstream_rejected',
            `ClinicalTrials.gov rejected the request for ${apiPath} (HTTP ${res.status}).`,
            { path: apiPath, upstreamStatus: res.status, retryable: false },
          ),
        };
      }
      let body: unknown;
      try {
        body = JSON.parse(typeof res.data === 'string' ? res.data : '');
      } catch {
        return { ok: false, error: invalid(apiPath, res.status, 'is not valid JSON (possibly truncated)') };
      }
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        const where = parsed.error.issues[0]?.path.map(String).join('/') ?? '';
        return { ok: false, error: invalid(apiPath, res.status, `does not match the expected shape at /${where}`) };
      }
      return { ok: true, value: parsed.data };
    } catch (e) {
      if (signal?.aborted) throw abortedError();
      if (timedOut) {
        return {
          ok: false,
          error: new UpstreamError(
            'upstream_timeout',
            `ClinicalTrials.gov did not answer ${apiPath} within ${options.timeoutMs} ms.`,
            { path: apiPath, retryable: true, status: 504 },
          ),
        };
      }
      if (isAxiosError(e)) {
        return {
          ok: false,
          error: new UpstreamError(
            'upstream_unavailable',
            `Could not reach ClinicalTrials.gov for ${apiPath} (${e.code ?? 'network error'}).`,
            { path: apiPath, retryable: true, status: 503 },
          ),
        };
      }
      throw e;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onOuterAbort);
    }
  }

  /** Rate-limited attempts with backoff until success, a non-retryable error, or the retry cap. */
  async function request<T>(
    apiPath: string,
    query: URLSearchParams,
    schema: z.ZodType<T>,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    for (let retry = 0; ; retry++) {
      if (signal?.aborted) throw abortedError();
      await limiter.take(signal);
      const result = await attempt(apiPath, query, schema, signal);
      if (result.ok) return result.value;
      const { error, retryAfterMs } = result;
      if (!error.retryable || retry >= options.maxRetries) {
        if (error.retryable) {
          log?.warn(
            { path: apiPath, code: error.code, attempts: retry + 1 },
            'ctgov request failed, retries exhausted',
          );
        }
        throw error;
      }
      if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) {
        // Waiting that long inside one run helps nobody; fail now and let the next run resume.
        log?.warn({ path: apiPath, retryAfterMs }, 'ctgov asked to wait longer than we are willing to');
        throw error;
      }
      // Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): spreads retries from many
      // clients; Retry-After, when sent, is the floor.
      const ceiling = Math.min(backoffMaxMs, backoffBaseMs * 2 ** retry);
      const delayMs = Math.max(retryAfterMs ?? 0, Math.floor(random() * ceiling));
      log?.warn(
        { path: apiPath, code: error.code, upstreamStatus: error.upstreamStatus, retry: retry + 1, delayMs },
        'ctgov request failed, retrying',
      );
      await clock.sleep(delayMs, signal);
    }
  }

  return {
    baseUrl,
    pageSize: options.pageSize,
    async version(signal) {
      const v = await request('/version', new URLSearchParams(), versionSchema, signal);
      return { apiVersion: v.apiVersion, dataTimestamp: v.dataTimestamp ?? undefined };
    },
    async listStudies(params, listOptions = {}) {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(params)) {
        if (!(CLIENT_PARAMS as readonly string[]).includes(key)) query.set(key, value);
      }
      query.set('format', 'json');
      query.set('pageSize', String(options.pageSize));
      if (listOptions.pageToken) query.set('pageToken', listOptions.pageToken);
      else if (listOptions.countTotal) query.set('countTotal', 'true');
      const page = await request('/studies', query, studiesPageSchema, listOptions.signal);
      return {
        studies: page.studies,
        // An empty token would make the next request a first-page request; treat it as the end.
        nextPageToken: page.nextPageToken || undefined,
        totalCount: page.totalCount ?? undefined,
      };
    },
  };
}

function invalid(apiPath: string, status: number, what: string): UpstreamError {
  return new UpstreamError(
    'upstream_invalid_response',
    `ClinicalTrials.gov's response for ${apiPath} (HTTP ${status}) ${what}.`,
    { path: apiPath, upstreamStatus: status, retryable: true },
  );
}
