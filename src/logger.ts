/**
 * pino logger. Health data must never reach the logs, so request logging records method, route and
 * status only; bodies, query strings and credentials are not serialised, and the redact list catches
 * the usual places they could slip in.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

const REDACT = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'req.body',
  'res.body',
  'patient',
  'record',
  'body',
];

export interface LoggerOptions {
  level?: string;
  /** CLI commands log to stderr so that stdout carries only their output (e.g. `stats --json`). */
  destination?: 'stdout' | 'stderr';
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: 'ctmatch' },
      redact: { paths: REDACT, censor: '[redacted]' },
    },
    pino.destination({ fd: options.destination === 'stderr' ? 2 : 1, sync: true }),
  );
}

let root: Logger | undefined;

/** The process-wide logger; `setLogger` lets the CLI choose the destination before first use. */
export function logger(): Logger {
  root ??= createLogger();
  return root;
}

export function setLogger(l: Logger): void {
  root = l;
}
