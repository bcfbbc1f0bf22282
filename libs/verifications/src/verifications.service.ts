import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Applicants, type Actor } from '@idv/applicants';
import { AuditTrail } from '@idv/audit';
import { enqueue } from '@idv/persistence';
import { APP_CONFIG, type AppConfig } from '@idv/platform';
import { ImageStore } from './image.store';
import { prepareUpload } from './upload.normaliser';
import { VerificationRepository } from './verification.repository';
import {
  VerificationError,
  type DocumentType,
  type PreparedImage,
  type VerificationView,
} from './verification.types';
import { decodeCursor, encodeCursor, toView } from './verification.view';

export interface NewVerification {
  applicantId: string;
  documentType?: DocumentType;
  front: Buffer;
  back?: Buffer;
  idempotencyKey?: string;
}

const notFound = (id: string) =>
  new VerificationError('not_found', 'verification_not_found', `No verification ${id} in your tenant.`);

/** Accepts uploads and answers reads; the analysis happens in the worker (see VerificationAnalysis). */
@Injectable()
export class Verifications {
  constructor(
    private readonly repo: VerificationRepository,
    private readonly images: ImageStore,
    private readonly applicants: Applicants,
    private readonly audit: AuditTrail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Stores the images encrypted and the verification row, and writes the analysis job to the outbox — all in one
   * transaction, so an accepted upload is never lost (the relay moves it to Redis when Redis is up).
   * The same Idempotency-Key with the same body returns the first verification; with another body, 422.
   */
  async create(actor: Actor, input: NewVerification): Promise<{ view: VerificationView; replayed: boolean }> {
    const limits = { maxBytes: this.config.maxUploadBytes, maxPixels: this.config.maxPixels };
    const prepared: PreparedImage[] = [await prepareUpload('front', input.front, limits)];
    if (input.back) prepared.push(await prepareUpload('back', input.back, limits));
    const requestHash = hashRequest(input);

    if (input.idempotencyKey) {
      const existing = await this.replay(actor.tenantId, input.idempotencyKey, requestHash);
      if (existing) return { view: existing, replayed: true };
    }
    try {
      const view = await this.repo.transaction(async (tx) => {
        const applicant = await this.applicants.load(actor.tenantId, input.applicantId, tx, true);
        if (applicant.status === 'erased') {
          throw new VerificationError(
            'conflict',
            'applicant_erased',
            'This applicant was erased; register the person again.',
          );
        }
        const v = await this.repo.insert(tx, {
          tenantId: actor.tenantId,
          applicantId: applicant.id,
          documentType: input.documentType ?? null,
          status: 'queued',
          idempotencyKey: input.idempotencyKey ?? null,
          requestHash,
        });
        for (const image of prepared) await this.images.put(tx, actor.tenantId, v.id, image);
        await enqueue(tx, 'verification.analyse', { verificationId: v.id, tenantId: actor.tenantId });
        await this.audit.record(
          {
            tenant: actor.tenantId,
            actor: { type: actor.type, id: actor.id },
            action: 'verification.created',
            subject: { type: 'verification', id: v.id },
            data: {
              applicantId: applicant.id,
              documentType: v.documentType,
              sides: prepared.map((p) => p.side),
              images: prepared.map((p) => p.sha256),
            },
          },
          tx,
        );
        return toView(v);
      });
      return { view, replayed: false };
    } catch (err) {
      // Two requests with the same key raced: the loser answers like a retry.
      if (input.idempotencyKey && (err as { code?: string }).code === '23505') {
        const existing = await this.replay(actor.tenantId, input.idempotencyKey, requestHash);
        if (existing) return { view: existing, replayed: true };
      }
      throw err;
    }
  }

  private async replay(tenantId: string, key: string, requestHash: string): Promise<VerificationView | null> {
    const existing = await this.repo.findByIdempotencyKey(tenantId, key);
    if (!existing) return null;
    if (existing.requestHash !== requestHash) {
      throw new VerificationError(
        'unprocessable',
        'idempotency_key_reused',
        'This Idempotency-Key was already used with a different request; use a new key for a new upload.',
      );
    }
    return toView(existing);
  }

  async get(tenantId: string, id: string): Promise<VerificationView> {
    const v = await this.repo.find(tenantId, id);
    if (!v) throw notFound(id);
    return toView(v);
  }

  async list(
    tenantId: string,
    q: { applicantId?: string; verdict?: string; cursor?: string; limit?: number },
  ) {
    const limit = Math.min(Math.max(q.limit ?? 20, 1), 100);
    const before = q.cursor ? decodeCursor(q.cursor) : undefined;
    if (q.cursor && !before)
      throw new VerificationError('invalid', 'invalid_cursor', 'The cursor is not one this API returned.');
    const rows = await this.repo.list({
      tenantId,
      applicantId: q.applicantId,
      verdict: q.verdict,
      before: before ?? undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map(toView),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null,
    };
  }
}

/** What makes two uploads "the same request": applicant, declared type and the exact bytes of each side. */
function hashRequest(input: NewVerification): string {
  const h = createHash('sha256');
  h.update(`${input.applicantId}\n${input.documentType ?? ''}\n`);
  h.update(createHash('sha256').update(input.front).digest());
  h.update(input.back ? createHash('sha256').update(input.back).digest() : Buffer.alloc(0));
  return h.digest('hex');
}
