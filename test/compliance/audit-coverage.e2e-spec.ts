import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@idv/audit';
import { APP_CONFIG, type AppConfig } from '@idv/platform';
import { runTs } from '@idv/testing';
import { Webhooks } from '@idv/webhooks';
import { MaintenanceRecorder } from '../../apps/api/src/availability/maintenance.recorder';
import { startApi, type ApiHarness } from '../support/api.harness';

const CLI = 'apps/cli/src/main.ts';

/** State changes outside the request handlers are audited too: API keys, maintenance mode, webhook removal. */
describe('audit coverage: keys, maintenance switch, webhook removal', () => {
  let api: ApiHarness;
  let sql: Client;

  beforeAll(async () => {
    api = await startApi('audit_cover', { IDV_MAINTENANCE: '1', IDV_WEBHOOK_ALLOW_PRIVATE: '1' });
    sql = new Client({ connectionString: api.databaseUrl });
    await sql.connect();
  }, 60_000);
  afterAll(async () => {
    process.env.IDV_MAINTENANCE = '0';
    await sql?.end();
    await api?.close();
  });

  const events = async (action: string, tenant?: string | null) =>
    (
      await sql.query(
        `SELECT tenant_id, actor_type, actor_id, subject_type, subject_id, data FROM audit_events
          WHERE action = $1 AND ($2::boolean OR tenant_id IS NOT DISTINCT FROM $3::uuid) ORDER BY seq`,
        [action, tenant === undefined, tenant ?? null],
      )
    ).rows;

  it('records key.created and key.revoked on the key’s tenant chain when an operator uses the CLI', async () => {
    const created = await runTs(CLI, ['keys:create', '--tenant', 'cover-co', '--role', 'auditor'], {
      DATABASE_URL: api.databaseUrl,
    });
    expect(created.code).toBe(0);
    const keyId = /key ([0-9a-f-]{36})/.exec(created.stdout)![1];
    const key = created.stdout.trim().split('\n').pop()!;
    const [{ id: tenantId }] = (await sql.query(`SELECT id FROM tenants WHERE name = 'cover-co'`)).rows;
    expect(await events('key.created', tenantId)).toEqual([
      {
        tenant_id: tenantId,
        actor_type: 'admin',
        actor_id: 'cli',
        subject_type: 'api_key',
        subject_id: keyId,
        data: { role: 'auditor' },
      },
    ]);
    const revoked = await runTs(CLI, ['keys:revoke', '--id', keyId], { DATABASE_URL: api.databaseUrl });
    expect(revoked.code).toBe(0);
    expect(await events('key.revoked', tenantId)).toEqual([
      expect.objectContaining({ subject_id: keyId, actor_id: 'cli', data: { role: 'auditor' } }),
    ]);
    // The secret itself never reaches the trail.
    const [{ n }] = (
      await sql.query(`SELECT count(*)::int AS n FROM audit_events WHERE data::text LIKE $1`, [
        `%${key.slice(-12)}%`,
      ])
    ).rows;
    expect(n).toBe(0);
  }, 60_000);

  it('records the maintenance switch at boot on the platform chain, once however many instances start', async () => {
    expect(await events('maintenance.toggled', null)).toEqual([
      expect.objectContaining({ actor_type: 'system', actor_id: 'api', data: { on: true } }),
    ]);
    const ds = api.app.get(DataSource);
    const trail = api.app.get(AuditTrail);
    const config = api.app.get<AppConfig>(APP_CONFIG);
    const instance = (maintenance: boolean) => new MaintenanceRecorder(ds, trail, { ...config, maintenance });
    // A restart with the same setting records nothing.
    expect(await api.app.get(MaintenanceRecorder).recordIfToggled()).toBe(false);
    // Three instances restart with maintenance off: exactly one records the switch.
    const results = await Promise.all([false, false, false].map((m) => instance(m).recordIfToggled()));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await events('maintenance.toggled', null)).map((e) => e.data)).toEqual([
      { on: true },
      { on: false },
    ]);
    expect(await trail.verifyChain(null)).toMatchObject({ valid: true });
  });

  it('records webhook.removed once, and nothing for removing it again', async () => {
    const webhooks = api.app.get(Webhooks);
    const [{ id: tenantId }] = (await sql.query(`SELECT id FROM tenants WHERE name = $1`, [api.tenants.main]))
      .rows;
    const actor = { type: 'client' as const, id: 'key-1', tenantId };
    const hook = await webhooks.register(actor, { url: 'http://127.0.0.1:9/hook' });
    await webhooks.remove(actor, hook.id);
    await webhooks.remove(actor, hook.id);
    expect(await events('webhook.removed', tenantId)).toEqual([
      expect.objectContaining({ actor_type: 'client', actor_id: 'key-1', subject_id: hook.id }),
    ]);
  });
});
