/**
 * API keys and roles. A key is 32 random bytes (base64url) with a readable prefix; only its SHA-256
 * is stored. Roles nest: admin can do what a coordinator can, a coordinator what a patient app can;
 * a widget key (embedded in public pages, so treated as public) can only match.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import type { Store } from '../store/database';
import { countActiveKeys, findActiveKey, insertApiKey, touchApiKey } from '../store/keys-repo';

export const ROLES = ['widget', 'patient', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const GRANTS: Record<Role, Role[]> = {
  widget: ['widget'],
  patient: ['widget', 'patient'],
  coordinator: ['widget', 'patient', 'coordinator'],
  admin: ['widget', 'patient', 'coordinator', 'admin'],
};

export function grants(held: Role, needed: Role): boolean {
  return GRANTS[held].includes(needed);
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function newKey(role: Role): string {
  return `ctm_${role}_${randomBytes(32).toString('base64url')}`;
}

export interface Principal {
  keyId: number | null;
  role: Role;
  label: string;
}

/**
 * Resolves presented keys: keys from configuration (CTM_API_KEYS, for deployments that manage
 * secrets outside the database) first, then the store. Lookups are cached briefly so a busy client
 * does not cost a query per request; a revoked key stops working within the cache lifetime.
 */
export class KeyRing {
  private readonly configured = new Map<string, Principal>();
  private readonly cache = new Map<string, { principal: Principal | null; until: number }>();

  constructor(
    private readonly store: Store,
    configured: Array<{ role: Role; key: string }> = [],
    private readonly ttlMs = 30_000,
  ) {
    for (const k of configured) this.configured.set(hashKey(k.key), { keyId: null, role: k.role, label: 'configured' });
  }

  async resolve(key: string): Promise<Principal | null> {
    const hash = hashKey(key);
    const fixed = this.configured.get(hash);
    if (fixed) return fixed;
    const now = Date.now();
    const hit = this.cache.get(hash);
    if (hit && hit.until > now) return hit.principal;
    const row = await findActiveKey(this.store.db, hash);
    const principal = row && (ROLES as readonly string[]).includes(row.role) ? { keyId: row.id, role: row.role as Role, label: row.label } : null;
    this.cache.set(hash, { principal, until: now + this.ttlMs });
    if (row) await touchApiKey(this.store.db, row.id);
    return principal;
  }

  get hasConfigured(): boolean {
    return this.configured.size > 0;
  }
}

export async function createApiKey(store: Store, role: Role, label: string): Promise<{ id: number; key: string }> {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new AppError('invalid_role', `Role must be one of ${ROLES.join(', ')}.`, { status: 400, path: '/role' });
  }
  const key = newKey(role);
  const row = await insertApiKey(store.db, { keyHash: hashKey(key), role, label });
  return { id: row.id, key };
}

export async function hasAnyKey(store: Store): Promise<boolean> {
  return (await countActiveKeys(store.db)) > 0;
}

/** Parses CTM_API_KEYS: comma-separated `role:key` pairs. */
export function parseConfiguredKeys(value: string | undefined): Array<{ role: Role; key: string }> {
  if (!value) return [];
  return value
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair, i) => {
      const idx = pair.indexOf(':');
      const role = pair.slice(0, idx) as Role;
      const key = pair.slice(idx + 1);
      if (idx < 1 || !(ROLES as readonly string[]).includes(role) || key.length < 16) {
        throw new AppError('invalid_config', 'CTM_API_KEYS must be comma-separated role:key pairs with keys of 16+ characters.', {
          path: `/CTM_API_KEYS/${i}`,
        });
      }
      return { role, key };
    });
}
