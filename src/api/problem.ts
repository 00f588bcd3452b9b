/**
 * The single error handler. Every error leaves as application/problem+json (RFC 9457) with a stable
 * snake_case `code` and, where known, the JSON Pointer `path` of the offending input. An unexpected
 * error is logged with its request id; the client sees a generic 500 and that id, never a stack.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { AppError, isAppError, type ErrorDetail } from '../errors';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  path?: string;
  errors?: ErrorDetail[];
  requestId?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function sendProblem(res: Response, error: AppError, requestId?: string): void {
  const body: Problem = {
    type: `urn:ctmatch:problem:${error.code}`,
    title: TITLES[error.status] ?? 'Error',
    status: error.status,
    code: error.code,
    detail: error.message,
    ...(error.path !== undefined ? { path: error.path } : {}),
    ...(error.details.length ? { errors: error.details } : {}),
    ...(requestId ? { requestId } : {}),
  };
  if (error.retryAfter !== undefined) res.setHeader('Retry-After', String(Math.ceil(error.retryAfter)));
  res.status(error.status).type('application/problem+json').send(JSON.stringify(body));
}

/** body-parser and friends signal client errors with `type` and `status` fields. */
function fromHttpError(err: { type?: string; status?: number; expose?: boolean }): AppError | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return new AppError('malformed_json', 'The request body is not valid JSON.', { status: 400, path: '/body' });
    case 'entity.too.large':
      return new AppError('payload_too_large', 'The request body is larger than this server accepts.', {
        status: 413,
        path: '/body',
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('unsupported_encoding', 'The request body encoding is not supported.', { status: 415 });
    default:
      if (err.expose && typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
        return new AppError('bad_request', 'The request could not be read.', { status: err.status });
      }
      return undefined;
  }
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `No route for ${req.method} ${req.path}.`, { status: 404 }));
};

export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const requestId = typeof req.id === 'string' || typeof req.id === 'number' ? String(req.id) : undefined;
  let problem = isAppError(err) ? err : fromHttpError(err as Record<string, never>);
  if (!problem || problem.status >= 500) {
    req.log?.error({ err, requestId }, 'request failed');
  }
  if (!problem || (problem.status >= 500 && !isAppError(err))) {
    problem = new AppError('internal_error', 'Something went wrong on our side. Quote the request id when reporting it.', {
      status: 500,
    });
  }
  sendProblem(res, problem, requestId);
};
