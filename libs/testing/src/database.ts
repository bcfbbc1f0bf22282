import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ensureDatabase, runMigrations } from '@idv/persistence';

const SERVER_URL = process.env.IDV_TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
/** Separate work trees with different migrations each set their own (IDV_TEST_TEMPLATE), or they would share one schema. */
const TEMPLATE = process.env.IDV_TEST_TEMPLATE ?? 'idv_template';

function urlFor(name: string): string {
  return `${SERVER_URL}/${name}`;
}

async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: urlFor('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own for one test file, cloned from a migrated template (`CREATE DATABASE ... TEMPLATE`),
 * the way immich's medium tests do: isolated and fast. Drop it in afterAll.
 */
export async function createTestDatabase(
  label = 'test',
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  await withAdmin((c) => c.query('SELECT pg_advisory_lock(727275)'));
  try {
    await ensureDatabase(urlFor(TEMPLATE));
    await runMigrations(urlFor(TEMPLATE));
  } finally {
    await withAdmin((c) => c.query('SELECT pg_advisory_unlock_all()'));
  }
  const name = `idv_${label.replace(/\W/g, '_').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  // Cloning needs the template to have no open connections; retry briefly if a concurrent migrate still holds one.
  for (let attempt = 0; ; attempt++) {
    try {
      await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE ${TEMPLATE}`));
      break;
    } catch (err) {
      if (attempt > 20) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return { url: urlFor(name), name, drop: () => dropDatabase(name) };
}

/** Drops a database, closing whatever connections a test left open. */
export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** A database name that does not exist yet (for tests of start-up against a fresh database). */
export function freshDatabaseUrl(label: string): { url: string; name: string } {
  const name = `idv_${label}_${randomBytes(4).toString('hex')}`;
  return { url: urlFor(name), name };
}
