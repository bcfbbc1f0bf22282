import { createServer, type Server } from 'node:http';
import request from 'supertest';
import sharp from 'sharp';
import { ReviewRouting } from '@idv/review';
import { ImageStore, prepareUpload, VerificationRepository } from '@idv/verifications';
import { describeReason, type ReasonCode } from '@idv/verdict';
import { record, type ApiHarness, type KeyName } from '../support/api.harness';

/** What a seeded verification looks like once "analysed". */
export interface Seed {
  verdict: string;
  reasons?: Array<{ code: ReasonCode; field?: 'surname' | 'dateOfBirth' | null }>;
  document?: Record<string, unknown>;
  image?: boolean;
  tenant?: 'main' | 'other';
}

/**
 * A completed verification written the way the worker writes one (row, image, then the review routing in the
 * same transaction), for cases the generated documents do not produce on demand (`manual_review`, `rejected`).
 */
export async function seedVerification(
  api: ApiHarness,
  seed: Seed,
): Promise<{ verificationId: string; applicantId: string }> {
  const client: KeyName = seed.tenant === 'other' ? 'otherClient' : 'client';
  const applicant = await request(api.url)
    .post('/v1/applicants')
    .set(api.auth(client))
    .send(record())
    .expect(201);
  const tenantId: string = (
    await api.app
      .get(VerificationRepository)
      .transaction((tx) => tx.query(`SELECT tenant_id FROM applicants WHERE id = $1`, [applicant.body.id]))
  )[0].tenant_id;
  const repo = api.app.get(VerificationRepository);
  const png = await sharp({ create: { width: 640, height: 420, channels: 3, background: '#c8d4e0' } })
    .png()
    .toBuffer();
  const image = await prepareUpload('front', png, { maxBytes: 10e6, maxPixels: 40e6 });
  const id = await repo.transaction(async (tx) => {
    const v = await repo.insert(tx, {
      tenantId,
      applicantId: applicant.body.id,
      documentType: 'passport',
      status: 'completed',
      verdict: seed.verdict,
      reasons: (seed.reasons ?? []).map((r) => describeReason({ code: r.code, field: r.field ?? null })),
      document: seed.document ?? {
        type: 'passport',
        format: 'TD3',
        issuingCountry: 'SWE',
        surname: 'ERIKSSON',
      },
      checks: { quality: { passed: true }, mrz: { found: true, valid: seed.verdict !== 'manual_review' } },
      completedAt: new Date(),
    });
    if (seed.image !== false) await api.app.get(ImageStore).put(tx, tenantId, v.id, image);
    await api.app.get(ReviewRouting).route(tx, { id: v.id, tenantId, verdict: seed.verdict });
    return v.id;
  });
  return { verificationId: id, applicantId: applicant.body.id };
}

/** The open review of a verification, as the queue lists it. */
export async function reviewOf(api: ApiHarness, verificationId: string, key: KeyName = 'reviewer') {
  for (const status of ['pending', 'claimed', 'decided']) {
    const res = await request(api.url)
      .get(`/v1/reviews?status=${status}&limit=200`)
      .set(api.auth(key))
      .expect(200);
    const found = res.body.items.find((r: { verificationId: string }) => r.verificationId === verificationId);
    if (found) return found;
  }
  return undefined;
}

/** A local webhook receiver that records every POST body. */
export async function startReceiver(): Promise<{ url: string; bodies: string[]; close(): void }> {
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/idv`, bodies, close: () => server.close() };
}

/** Waits until `check` holds (polling), or fails with `what`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
