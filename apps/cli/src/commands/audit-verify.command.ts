import { DataSource } from 'typeorm';
import { checkPostgres } from '@idv/platform';
import { dataSourceOptions, isUuid } from '@idv/persistence';
import { createAuditTrail } from '@idv/audit';
import { UsageError, type CliCommand } from './command';
import { cliConfig } from '../cli.context';

/**
 * `audit:verify [--tenant <id|name|platform>]`: recomputes the audit hash chain(s) and prints the result as JSON;
 * exit 1 when any chain is invalid. Read-only: it never migrates or writes.
 */
export const auditVerifyCommand: CliCommand = {
  summary: 'verify the audit hash chain of one tenant (--tenant <id|name|platform>) or of every chain',
  options: { tenant: { type: 'string' } },
  async run(values) {
    const config = cliConfig();
    await checkPostgres(config.databaseUrl);
    const ds = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize().catch(notMigrated);
    try {
      const trail = createAuditTrail(ds);
      const tenant = values.tenant;
      if (typeof tenant === 'string') {
        const id = await resolveTenant(ds, tenant);
        const result = { tenant: id, ...(await trail.verifyChain(id)) };
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return result.valid ? 0 : 1;
      }
      const chains = await trail.verifyAllChains();
      const valid = chains.every((c) => c.valid);
      process.stdout.write(`${JSON.stringify({ valid, chains })}\n`);
      return valid ? 0 : 1;
    } catch (err) {
      return notMigrated(err);
    } finally {
      await ds.destroy();
    }
  },
};

/** A missing database (3D000) or table (42P01) becomes one line telling what to do; other errors pass. */
function notMigrated(err: unknown): never {
  const code = (err as { code?: string }).code;
  if (code === '3D000' || code === '42P01') {
    throw new UsageError('The audit tables are missing: run `npm run cli -- migrate` first');
  }
  throw err;
}

/** A tenant id (UUID), a tenant name, or `platform` for the platform chain. */
async function resolveTenant(ds: DataSource, tenant: string): Promise<string | null> {
  if (tenant === 'platform') return null;
  if (isUuid(tenant)) return tenant.toLowerCase();
  const rows = (await ds.query('SELECT id FROM tenants WHERE name = $1', [tenant])) as { id: string }[];
  if (!rows.length) throw new UsageError(`No tenant with id or name "${tenant}"`);
  return rows[0].id;
}
