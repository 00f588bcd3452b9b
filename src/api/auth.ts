/**
 * API-key authentication for routes that carry patient data. The key comes in
 * `Authorization: Bearer <key>` or `X-API-Key`; the principal (never the key) is put on the request
 * for handlers and the audit trail.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { grants, type KeyRing, type Principal, type Role } from '../access/api-keys';
import { AppError } from '../errors';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

function presentedKey(req: Request): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const header = req.headers['x-api-key'];
  return typeof header === 'string' ? header.trim() : undefined;
}

export function requireRole(keys: KeyRing, role: Role): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const key = presentedKey(req);
    if (!key) {
      next(new AppError('missing_api_key', 'This endpoint needs an API key (Authorization: Bearer <key>).', { status: 401, path: '/headers/authorization' }));
      return;
    }
    keys.resolve(key).then(
      (principal) => {
        if (!principal) {
          next(new AppError('invalid_api_key', 'The API key is not recognised or has been revoked.', { status: 401, path: '/headers/authorization' }));
          return;
        }
        if (!grants(principal.role, role)) {
          next(new AppError('insufficient_role', `This endpoint needs the ${role} role; the key has ${principal.role}.`, { status: 403 }));
          return;
        }
        req.principal = principal;
        next();
      },
      (e: unknown) => next(e),
    );
  };
}
