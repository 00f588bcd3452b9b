/**
 * A local stand-in for the ClinicalTrials.gov API v2 (plain node:http on 127.0.0.1, random port), so
 * that tests never touch the network. It serves REAL recorded studies (by default the oncology
 * fixture corpus) through `GET /studies` and `GET /version`, and behaves like the spec says:
 *
 * - paging by `pageSize` (0 or missing → 10, capped at 1,000) and opaque `nextPageToken`s; a token
 *   encodes its offset, a hash of the query parameters and an epoch, so a request whose parameters
 *   differ from the first page's, a garbled token or an expired one (after `expireTokens()`) gets 400;
 * - `filter.overallStatus` (pipe- or comma-separated) and `filter.advanced` with
 *   `AREA[LastUpdatePostDate]RANGE[from,to]` (dates, MIN, MAX) over the real records; any other
 *   `filter.advanced` expression is refused with 400 so a typo in our query cannot pass silently;
 * - `countTotal=true` adds `totalCount` to a first page. `query.cond` is recorded but not applied
 *   (every fixture study is an oncology study).
 *
 * Faults are injected per request with `inject()`: a status (429 with Retry-After, 500...), a
 * truncated JSON body, an arbitrary body, a response slower than the client's timeout, a reset
 * connection, or a page that never ends. Every request is recorded (path, query, status).
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixtureStudies } from './studies';

export type MockFault =
  /** Answer with this status (and optional Retry-After) and a text/plain body. */
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  /** The page as it would be, cut off half-way: a 200 whose JSON is truncated. */
  | { kind: 'truncate' }
  /** Answer 200 with this exact body (e.g. a recorded page, or HTML from a proxy). */
  | { kind: 'body'; body: string; contentType?: string }
  /** The normal answer, after a delay (longer than the client timeout to provoke one). */
  | { kind: 'slow'; delayMs: number }
  /** Destroy the connection without answering: a network error. */
  | { kind: 'reset' }
  /** The normal page, but its nextPageToken is the token just requested: a page that never ends. */
  | { kind: 'repeatToken' }
  /** The normal page, but with a fresh nextPageToken every time, pointing at the same offset. */
  | { kind: 'endless' };

export interface RecordedRequest {
  path: string;
  query: Record<string, string>;
  /** Study offset of the page asked for (0 for a first page); null when not a valid /studies request. */
  offset: number | null;
  userAgent: string | undefined;
  status?: number;
  fault?: MockFault['kind'];
}

export interface FaultRule {
  fault: MockFault;
  /** Only requests to this path ('/studies' or '/version'); default '/studies'. */
  path?: string;
  /** Only when this holds for the request (e.g. a given offset). */
  when?: (req: RecordedRequest) => boolean;
  /** How many matching requests get the fault; default 1, Infinity for every one. */
  times?: number;
}

export interface CtgovMockOptions {
  studies?: unknown[];
  dataTimestamp?: string;
  apiVersion?: string;
}

export interface CtgovMock {
  /** e.g. http://127.0.0.1:41234/api/v2 — what CTGOV_BASE_URL should be. */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  studies: unknown[];
  dataTimestamp: string;
  inject(rule: FaultRule): void;
  clearFaults(): void;
  /** Invalidates every token handed out so far (the API's tokens expire). */
  expireTokens(): void;
  /** /studies requests only. */
  studyRequests(): RecordedRequest[];
  close(): Promise<void>;
}

interface TokenBody {
  o: number;
  q: string;
  e: number;
  n?: number;
}

function studyStatus(study: unknown): string | undefined {
  return (study as { protocolSection?: { statusModule?: { overallStatus?: string } } })?.protocolSection?.statusModule
    ?.overallStatus;
}

function studyLastUpdate(study: unknown): string | undefined {
  return (study as { protocolSection?: { statusModule?: { lastUpdatePostDateStruct?: { date?: string } } } })
    ?.protocolSection?.statusModule?.lastUpdatePostDateStruct?.date;
}

/** The parameters that must stay the same across pages (the spec's exceptions removed), hashed. */
function queryHash(query: Record<string, string>): string {
  const kept = Object.entries(query)
    .filter(([k]) => !['pageToken', 'pageSize', 'countTotal'].includes(k))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256').update(JSON.stringify(kept)).digest('hex').slice(0, 16);
}

const RANGE = /^AREA\[LastUpdatePostDate\]RANGE\[\s*([^,\]]+?)\s*,\s*([^\]]+?)\s*\]$/;

/** Applies the supported filters; returns an error message for an unsupported one. */
function applyFilters(studies: unknown[], query: Record<string, string>): unknown[] | string {
  let out = studies;
  const statuses = query['filter.overallStatus'];
  if (statuses !== undefined) {
    const wanted = new Set(
      statuses
        .split(/[|,]/)
        .map((s) => s.trim())
        .filter(Boolean),
    );
    out = out.filter((s) => wanted.has(studyStatus(s) ?? ''));
  }
  const advanced = query['filter.advanced'];
  if (advanced !== undefined) {
    const m = RANGE.exec(advanced.trim());
    if (!m) return `unsupported filter.advanced expression`;
    const [from, to] = [m[1]!, m[2]!];
    const date = /^(\d{4}-\d{2}-\d{2}|MIN|MAX)$/;
    if (!date.test(from) || !date.test(to)) return 'bad RANGE bounds';
    out = out.filter((s) => {
      const d = studyLastUpdate(s);
      if (!d) return false;
      return (from === 'MIN' || d >= from) && (to === 'MAX' || d <= to);
    });
  }
  return out;
}

export async function startCtgovMock(options: CtgovMockOptions = {}): Promise<CtgovMock> {
  const requests: RecordedRequest[] = [];
  let rules: Array<FaultRule & { left: number }> = [];
  let epoch = 1;
  let nonce = 0;
  const timers = new Set<NodeJS.Timeout>();

  const encode = (t: TokenBody): string => Buffer.from(JSON.stringify(t)).toString('base64url');
  const decode = (token: string): TokenBody | undefined => {
    try {
      const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as TokenBody;
      return typeof t.o === 'number' && typeof t.q === 'string' && typeof t.e === 'number' ? t : undefined;
    } catch {
      return undefined;
    }
  };

  const mock: CtgovMock = {
    baseUrl: '',
    requests,
    studies: options.studies ?? fixtureStudies(),
    dataTimestamp: options.dataTimestamp ?? '2026-08-01T06:00:00',
    inject(rule) {
      rules.push({ ...rule, left: rule.times ?? 1 });
    },
    clearFaults() {
      rules = [];
    },
    expireTokens() {
      epoch++;
    },
    studyRequests() {
      return requests.filter((r) => r.path === '/studies');
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const send = (res: http.ServerResponse, rec: RecordedRequest, status: number, body: string, headers = {}): void => {
    rec.status = status;
    if (res.destroyed) return;
    res.writeHead(status, { 'content-length': Buffer.byteLength(body), ...headers });
    res.end(body);
  };
  const text = (res: http.ServerResponse, rec: RecordedRequest, status: number, message: string): void =>
    send(res, rec, status, message, { 'content-type': 'text/plain' });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const apiPath = url.pathname.replace(/^\/api\/v2/, '');
    const query = Object.fromEntries(url.searchParams.entries());
    const rec: RecordedRequest = { path: apiPath, query, offset: null, userAgent: req.headers['user-agent'] };
    requests.push(rec);

    // Takes one use of the first rule that matches this request, if any.
    const takeFault = (): MockFault | undefined => {
      const matched = rules.find((r) => r.left > 0 && (r.path ?? '/studies') === apiPath && (!r.when || r.when(rec)));
      if (!matched) return undefined;
      matched.left--;
      rec.fault = matched.fault.kind;
      return matched.fault;
    };

    if (req.method !== 'GET') return text(res, rec, 405, 'method not allowed');

    if (apiPath === '/version') {
      const f = takeFault();
      const body = JSON.stringify({ apiVersion: options.apiVersion ?? '2.0.5', dataTimestamp: mock.dataTimestamp });
      return respond(f, () => send(res, rec, 200, body, { 'content-type': 'application/json' }));
    }
    if (apiPath !== '/studies') return text(res, rec, 404, 'not found');

    // Read the page position before choosing a fault, so that a fault can target a page by offset.
    const hash = queryHash(query);
    let offset = 0;
    if (query.pageToken !== undefined) {
      const t = decode(query.pageToken);
      if (!t || t.e !== epoch || t.q !== hash) {
        return text(res, rec, 400, 'Bad request: invalid pageToken or parameters changed between pages');
      }
      offset = t.o;
    }
    rec.offset = offset;
    const f = takeFault();

    return respond(f, () => {
      const filtered = applyFilters(mock.studies, query);
      if (typeof filtered === 'string') return text(res, rec, 400, `Bad request: ${filtered}`);
      const requested = Number(query.pageSize ?? 0);
      const size = !Number.isFinite(requested) || requested <= 0 ? 10 : Math.min(1000, Math.floor(requested));
      const studies = filtered.slice(offset, offset + size);
      let nextPageToken: string | undefined =
        offset + size < filtered.length ? encode({ o: offset + size, q: hash, e: epoch }) : undefined;
      if (f?.kind === 'repeatToken') nextPageToken = query.pageToken ?? encode({ o: offset, q: hash, e: epoch });
      if (f?.kind === 'endless') nextPageToken = encode({ o: offset, q: hash, e: epoch, n: ++nonce });
      const page: Record<string, unknown> = { studies };
      if (nextPageToken) page.nextPageToken = nextPageToken;
      if (query.countTotal === 'true' && query.pageToken === undefined) page.totalCount = filtered.length;
      const body = JSON.stringify(page);
      if (f?.kind === 'truncate') {
        return send(res, rec, 200, body.slice(0, Math.floor(body.length / 2)), { 'content-type': 'application/json' });
      }
      return send(res, rec, 200, body, { 'content-type': 'application/json' });
    });

    function respond(f: MockFault | undefined, normal: () => void): void {
      switch (f?.kind) {
        case 'status':
          return send(res, rec, f.status, f.body ?? `HTTP ${f.status}`, {
            'content-type': 'text/plain',
            ...(f.retryAfter === undefined ? {} : { 'retry-after': f.retryAfter }),
          });
        case 'body':
          return send(res, rec, 200, f.body, { 'content-type': f.contentType ?? 'application/json' });
        case 'reset':
          rec.status = 0;
          req.socket.destroy();
          return;
        case 'slow': {
          const timer = setTimeout(() => {
            timers.delete(timer);
            normal();
          }, f.delayMs);
          timers.add(timer);
          return;
        }
        default:
          return normal();
      }
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  (mock as { baseUrl: string }).baseUrl = `http://127.0.0.1:${port}/api/v2`;
  return mock;
}

/** A deep copy of a real study without its nctId: the sync must skip it. */
export function withoutNctId(study: unknown): unknown {
  const copy = structuredClone(study) as { protocolSection: { identificationModule: Record<string, unknown> } };
  delete copy.protocolSection.identificationModule.nctId;
  return copy;
}

/** A deep copy of a real study under another nctId, with fields of the wrong type where we read them. */
export function withWrongTypes(study: unknown, nctId: string): unknown {
  const copy = structuredClone(study) as {
    protocolSection: { identificationModule: Record<string, unknown>; conditionsModule?: Record<string, unknown> };
  };
  copy.protocolSection.identificationModule.nctId = nctId;
  copy.protocolSection.conditionsModule = { conditions: 'Breast Cancer', keywords: 42 };
  return copy;
}

/** A deep copy of a real study with a new status and last-update date, as if it changed upstream. */
export function updatedStudy(study: unknown, changes: { overallStatus?: string; lastUpdatePostDate: string }): unknown {
  const copy = structuredClone(study) as {
    protocolSection: { statusModule?: Record<string, unknown> };
  };
  const status = (copy.protocolSection.statusModule ??= {});
  if (changes.overallStatus) status.overallStatus = changes.overallStatus;
  status.lastUpdatePostDateStruct = { date: changes.lastUpdatePostDate, type: 'ACTUAL' };
  return copy;
}
