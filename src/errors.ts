/**
 * One application error type. Every failure a client can see carries a stable snake_case `code`, an
 * HTTP status and, where one exists, the JSON Pointer `path` of the offending input, so that callers
 * can branch on the code rather than on message text.
 */
import type { z } from 'zod';

export interface ErrorDetail {
  code: string;
  path: string;
  message: string;
}

export interface AppErrorOptions {
  status?: number;
  path?: string | undefined;
  details?: ErrorDetail[];
  cause?: unknown;
  /** Seconds the client should wait before retrying (rate limits, upstream back-off). */
  retryAfter?: number;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly path: string | undefined;
  readonly details: ErrorDetail[];
  readonly retryAfter: number | undefined;

  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status ?? 500;
    this.path = options.path;
    this.details = options.details ?? [];
    this.retryAfter = options.retryAfter;
  }
}

/** JSON Pointer (RFC 6901) for a zod issue path, prefixed with the place the data came from. */
export function toPointer(segments: ReadonlyArray<PropertyKey>, prefix = ''): string {
  const escaped = segments.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1'));
  return prefix + (escaped.length ? '/' + escaped.join('/') : '');
}

/** Turns a zod error into one AppError that lists every issue with its pointer. */
export function fromZodError(
  error: z.ZodError,
  code: string,
  message: string,
  options: { status?: number; prefix?: string } = {},
): AppError {
  const details = error.issues.map((issue) => ({
    code: issue.code,
    path: toPointer(issue.path, options.prefix ?? ''),
    message: issue.message,
  }));
  return new AppError(code, message, {
    status: options.status ?? 400,
    path: details[0]?.path,
    details,
  });
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
