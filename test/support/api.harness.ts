import type { INestApplication } from '@nestjs/common';
import { createTestDatabase } from '@idv/testing';

export type KeyName =
  | 'client'
  | 'reviewer'
  | 'auditor'
  | 'admin'
  | 'otherClient'
  | 'otherReviewer'
  | 'otherAuditor'
  | 'otherAdmin';

/** A real API (in this process) on its own database and queue prefix, with a key per role in two tenants. */
export interface ApiHarness {
  url: string;
  app: INestApplication;
  databaseUrl: string;
  prefix: string;
  keys: Record<KeyName, string>;
  tenants: { main: string; other: string };
  auth(key: KeyName): { Authorization: string };
  close(): Promise<void>;
}

/**
 * Boots the API as `npm start` would (same module, guards, filter), but in-process for speed. The environment
 * is set before the app's modules load, because they read their configuration at import.
 */
export async function startApi(label: string, env: Record<string, string> = {}): Promise<ApiHarness> {
  const db = await createTestDatabase(label);
  const prefix = `idv-test-${label}-${process.pid}-${Date.now().toString(36)}`;
  Object.assign(process.env, { DATABASE_URL: db.url, IDV_QUEUE_PREFIX: prefix, LOG_LEVEL: 'silent', ...env });
  const { createApiApp } = await import('../../apps/api/src/bootstrap');
  const { ApiKeys } = await import('@idv/auth');
  const app = await createApiApp();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const apiKeys = app.get(ApiKeys);
  const main = `acme-${label}`;
  const other = `globex-${label}`;
  const keys = {
    client: (await apiKeys.create(main, 'client')).key,
    reviewer: (await apiKeys.create(main, 'reviewer')).key,
    auditor: (await apiKeys.create(main, 'auditor')).key,
    admin: (await apiKeys.create(main, 'admin')).key,
    otherClient: (await apiKeys.create(other, 'client')).key,
    otherReviewer: (await apiKeys.create(other, 'reviewer')).key,
    otherAuditor: (await apiKeys.create(other, 'auditor')).key,
    otherAdmin: (await apiKeys.create(other, 'admin')).key,
  };
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    databaseUrl: db.url,
    prefix,
    keys,
    tenants: { main, other },
    auth: (k) => ({ Authorization: `Bearer ${keys[k]}` }),
    async close() {
      try {
        await app.close();
      } finally {
        await db.drop();
      }
    },
  };
}

/** A valid registration record (the contract's example) with a unique externalId. */
export function record(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    externalId: `wallet-user-${Math.random().toString(36).slice(2)}`,
    surname: 'ERIKSSON',
    givenNames: 'ANNA MARIA',
    dateOfBirth: '1974-08-12',
    nationality: 'SWE',
    sex: 'F',
    documentNumber: 'L898902C3',
    phone: '+46701234567',
    email: 'anna@example.com',
    ...overrides,
  };
}

/** The real worker module (BullMQ processors, warm OCR) in this process, on the harness's database and queues. */
export async function startWorker(): Promise<{ close(): Promise<void> }> {
  const { NestFactory } = await import('@nestjs/core');
  const { WorkerModule } = await import('../../apps/worker/src/worker.module');
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await app.init();
  return { close: () => app.close() };
}

/** Polls a verification until it leaves queued/processing. */
export async function verdictOf(api: ApiHarness, id: string, key: KeyName = 'client', timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A poller retries a reset connection as any client would: with the worker's OCR in this process the event
    // loop can stall past the keep-alive timeout, and the server then closes the socket a request is reusing.
    const res = await fetch(`${api.url}/v1/verifications/${id}`, { headers: api.auth(key) }).catch(
      (error: Error & { cause?: { code?: string } }) => {
        if (error.cause?.code === 'ECONNRESET') return null;
        throw error;
      },
    );
    if (!res) continue;
    const body = (await res.json()) as Record<string, unknown> & { status: string };
    if (body.status === 'completed' || body.status === 'failed') return body;
    if (Date.now() > deadline)
      throw new Error(`verification ${id} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
