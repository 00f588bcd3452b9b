/** `ctmatch keys create|list|revoke`: API key management. A new key is printed once, here only. */
import { createApiKey, ROLES, type Role } from '../access/api-keys';
import { listApiKeys, revokeApiKey } from '../store/keys-repo';
import { parseCommandArgs, usageError, type Command } from './command';
import { withContext } from './context';

const usage = `Usage:
  ctmatch keys create --role <${ROLES.join('|')}> [--label <text>]
  ctmatch keys list [--json]
  ctmatch keys revoke <id>

Roles: widget (match only; for keys embedded in public pages), patient (match and evaluate),
coordinator (review work), admin (everything). Only a hash of each key is stored.`;

export const keysCommand: Command = {
  summary: 'Create, list and revoke API keys',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      { role: { type: 'string' }, label: { type: 'string', default: '' }, json: { type: 'boolean' } },
      usage,
      true,
    );
    const [action, id] = positionals;
    if (action === 'create') {
      if (!values.role || !(ROLES as readonly string[]).includes(values.role)) throw usageError('--role is required.', usage);
      const created = await withContext(({ store }) => createApiKey(store, values.role as Role, values.label ?? ''));
      process.stdout.write(`${created.key}\n`);
      process.stderr.write(`Key ${created.id} (${values.role}) created. It is shown only once; store it safely.\n`);
      return 0;
    }
    if (action === 'list') {
      const rows = await withContext(({ store }) => listApiKeys(store.db));
      const view = rows.map((r) => ({ id: r.id, role: r.role, label: r.label, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt, revokedAt: r.revokedAt }));
      if (values.json) process.stdout.write(JSON.stringify(view) + '\n');
      else for (const r of view) process.stdout.write(`${String(r.id).padStart(4)}  ${r.role.padEnd(12)} ${r.revokedAt ? 'revoked' : 'active '}  ${r.label}\n`);
      return 0;
    }
    if (action === 'revoke') {
      const n = Number(id);
      if (!Number.isInteger(n)) throw usageError('Give the id of the key to revoke.', usage);
      const done = await withContext(({ store }) => revokeApiKey(store.db, n));
      process.stdout.write(done ? `Key ${n} revoked.\n` : `No active key ${n}.\n`);
      return done ? 0 : 1;
    }
    throw usageError('Say create, list or revoke.', usage);
  },
};
