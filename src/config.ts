/**
 * Process configuration, read once from the environment and validated with zod so that a typo in a
 * variable fails at start with a clear message instead of surfacing as odd behaviour later.
 */
import path from 'node:path';
import cron from 'node-cron';
import { z } from 'zod';
import { AppError } from './errors';

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  CTM_DATA_DIR: z.string().default('./data'),
  CTGOV_BASE_URL: z.url().default('https://clinicaltrials.gov/api/v2'),
  CTGOV_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  CTGOV_MAX_RETRIES: z.coerce.number().int().min(0).max(20).default(6),
  CTGOV_RATE_LIMIT_PER_MIN: z.coerce.number().positive().default(40),
  CTGOV_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(1000),
  /** Value of `query.cond` for the default selection of cancer studies. */
  CTM_SYNC_CONDITION: z.string().min(1).default('cancer'),
  /** Extra query parameters as JSON, e.g. {"query.locn":"Canada"}; they apply to every page. */
  CTM_SYNC_QUERY: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return {} as Record<string, string>;
      try {
        return z.record(z.string(), z.string()).parse(JSON.parse(s));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object of string values' });
        return z.NEVER;
      }
    }),
  CTM_SYNC: onOff.default(true),
  CTM_SYNC_CRON: z
    .string()
    .default('17 3 * * *')
    .refine((expr) => cron.validate(expr), 'must be a cron expression, e.g. "17 3 * * *" (daily at 03:17)'),
  CTM_SEED: onOff.default(true),
  CTM_BODY_LIMIT: z.string().default('6mb'),
  /** Body limit of the routes that take FHIR Bundles (patient exports run to several megabytes). */
  CTM_FHIR_BODY_LIMIT: z.string().default('10mb'),
  /** Keys managed outside the database: comma-separated role:key pairs. */
  CTM_API_KEYS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema> & { dataDir: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid_config', `Invalid configuration: ${issue?.message ?? 'unknown problem'}`, {
      path: issue ? `/${issue.path.join('/')}` : undefined,
    });
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.CTM_DATA_DIR) };
}
