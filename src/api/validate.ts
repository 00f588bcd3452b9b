/** zod at the HTTP boundary: parse a request part or fail with problem+json pointing into it. */
import type { z } from 'zod';
import { fromZodError } from '../errors';

export function parseRequest<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'params',
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const code = where === 'body' ? 'invalid_body' : where === 'query' ? 'invalid_query' : 'invalid_parameter';
  throw fromZodError(result.error, code, `The request ${where} is invalid.`, { prefix: `/${where}` });
}
