import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@idv/persistence';
import { createTestDatabase, runTs } from '@idv/testing';
import { createAuditTrail, type AuditEvent } from '@idv/audit';

const CLI = 'apps/cli/src/main.ts';

/** `npm run cli -- audit:verify` as an operator runs it, against a database of this file's own. */
describe('audit:verify (CLI)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const good = randomUUID();
  const tampered = randomUUID();
  let victim: AuditEvent;

  beforeAll(async () => {
    db = await createTestDatabase('audit_cli');
    const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
    try {
      const trail = createAuditTrail(ds, { salt: 'test' });
      for (const tenant of [good, tampered, null]) {
        for (let i = 0; i < 3; i++) {
          const e = await trail.record({
            tenant,
            actor: { type: 'system', id: 'test' },
            action: 'verification.completed',
            subject: { type: 'verification', id: `v-${i}` },
            data: { verdict: 'approved' },
          });
          if (tenant === tampered && i === 1) victim = e;
        }
      }
    } finally {
      await ds.destroy();
    }
  });

  afterAll(() => db?.drop());

  const verify = (...args: string[]) => runTs(CLI, ['audit:verify', ...args], { DATABASE_URL: db.url });

  it('prints every chain as valid and exits 0 on an untouched trail', async () => {
    const run = await verify();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.valid).toBe(true);
    expect(out.chains).toHaveLength(3);
    expect(out.chains[0]).toEqual({ tenant: null, valid: true, checked: 3, firstInvalidId: null });
  }, 60_000);

  it('exits 1 naming the edited event once a superuser has tampered, and still passes the other tenants', async () => {
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    try {
      await sql.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
      await sql.query(`UPDATE audit_events SET data = '{"verdict":"rejected"}' WHERE id = $1`, [victim.id]);
    } finally {
      await sql.end();
    }
    const one = await verify('--tenant', tampered);
    expect(one.code).toBe(1);
    expect(JSON.parse(one.stdout)).toEqual({
      tenant: tampered,
      valid: false,
      checked: 2,
      firstInvalidId: victim.id,
      problem: 'hash_mismatch',
    });

    const all = await verify();
    expect(all.code).toBe(1);
    const out = JSON.parse(all.stdout);
    expect(out.valid).toBe(false);
    expect(out.chains).toEqual(
      expect.arrayContaining([
        { tenant: good, valid: true, checked: 3, firstInvalidId: null },
        expect.objectContaining({ tenant: tampered, valid: false, firstInvalidId: victim.id }),
      ]),
    );
  }, 60_000);
});
