import { ApiKeys, AuthError, ROLES } from '@idv/auth';
import { withServices } from '../cli.context';
import { required, UsageError, type CliCommand } from './command';

function usage<T>(p: Promise<T>): Promise<T> {
  return p.catch((err) => {
    throw err instanceof AuthError ? new UsageError(err.message) : err;
  });
}

/** `keys:create --tenant <name> --role <role>`: prints the new key as the last line (shown once). */
export const keysCreateCommand: CliCommand = {
  summary: `create an API key (--tenant <name> --role <${ROLES.join('|')}>); the key is the last line`,
  options: { tenant: { type: 'string' }, role: { type: 'string' } },
  async run(values) {
    const tenant = required(values, 'tenant');
    const role = required(values, 'role');
    const created = await withServices((app) => usage(app.get(ApiKeys).create(tenant, role)));
    process.stdout.write(
      `Created ${created.role} key ${created.id} for tenant "${tenant}" (${created.tenantId}).\n`,
    );
    process.stdout.write('Store it now: it will not be shown again.\n');
    process.stdout.write(`${created.key}\n`);
    return 0;
  },
};

/** `keys:list [--tenant <name>]`: ids, roles and prefixes, never secrets. */
export const keysListCommand: CliCommand = {
  summary: 'list API keys (id, tenant, role, prefix, revoked) [--tenant <name>]',
  options: { tenant: { type: 'string' } },
  async run(values) {
    const keys = await withServices((app) => app.get(ApiKeys).list(values.tenant as string | undefined));
    for (const k of keys) {
      process.stdout.write(
        `${k.id}  ${k.tenant}  ${k.role.padEnd(8)}  ${k.prefix}…  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}\n`,
      );
    }
    if (keys.length === 0) process.stdout.write('no keys\n');
    return 0;
  },
};

/** `keys:revoke --id <key id>`: the key stops working at once. */
export const keysRevokeCommand: CliCommand = {
  summary: 'revoke an API key (--id <key id>)',
  options: { id: { type: 'string' } },
  async run(values) {
    const id = required(values, 'id');
    await withServices((app) => usage(app.get(ApiKeys).revoke(id)));
    process.stdout.write(`revoked ${id}\n`);
    return 0;
  },
};
