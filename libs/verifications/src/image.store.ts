import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { VerificationImageEntity, type Tx } from '@idv/persistence';
import { APP_CONFIG, type AppConfig } from '@idv/platform';
import { ImageCipher } from '@idv/storage';
import type { PreparedImage, Side } from './verification.types';

/** Where document images live, encrypted. PostgreSQL by default; an object store would implement the same. */
export abstract class ImageStore {
  abstract put(tx: Tx, tenantId: string, verificationId: string, image: PreparedImage): Promise<void>;
  /** The decrypted image, or null when it was never uploaded or has been purged. */
  abstract get(
    tenantId: string,
    verificationId: string,
    side: Side,
  ): Promise<{ bytes: Buffer; mediaType: string } | null>;
  abstract sides(tenantId: string, verificationId: string): Promise<Side[]>;
  /**
   * Deletes the image bytes of every verification of one applicant, in the caller's transaction; the metadata
   * (type, size, dimensions, upload time) stays with `purged_at` set. Returns how many images were purged.
   */
  abstract purgeApplicant(tx: Tx, tenantId: string, applicantId: string): Promise<number>;
  /**
   * Deletes the bytes of up to `limit` images uploaded before `cutoff` (oldest first), in the caller's transaction;
   * with `dryRun` only counts them. Returns the count per tenant.
   */
  abstract purgeUploadedBefore(
    tx: Tx,
    cutoff: Date,
    limit: number,
    dryRun: boolean,
  ): Promise<Array<{ tenantId: string; count: number }>>;
}

/** Images as AES-256-GCM ciphertext in `verification_images`, bound to their row by the associated data. */
@Injectable()
export class PostgresImageStore extends ImageStore {
  private readonly cipher: ImageCipher;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.cipher = new ImageCipher(config.encryptionKey);
  }

  async put(tx: Tx, tenantId: string, verificationId: string, image: PreparedImage): Promise<void> {
    await tx.getRepository(VerificationImageEntity).insert({
      verificationId,
      side: image.side,
      tenantId,
      mediaType: image.mediaType,
      width: image.width,
      height: image.height,
      bytes: image.bytes.length,
      keyId: this.cipher.keyId,
      ciphertext: this.cipher.encrypt(image.bytes, `${verificationId}:${image.side}`),
    });
  }

  async get(tenantId: string, verificationId: string, side: Side) {
    const row = await this.ds
      .getRepository(VerificationImageEntity)
      .findOneBy({ tenantId, verificationId, side, purgedAt: IsNull() });
    if (!row?.ciphertext) return null;
    return {
      bytes: this.cipher.decrypt(row.ciphertext, `${verificationId}:${side}`),
      mediaType: row.mediaType,
    };
  }

  async purgeApplicant(tx: Tx, tenantId: string, applicantId: string): Promise<number> {
    const [, count] = (await tx.query(
      `UPDATE verification_images i SET ciphertext = NULL, purged_at = now()
         FROM verifications v
        WHERE v.id = i.verification_id AND v.tenant_id = $1 AND v.applicant_id = $2 AND i.purged_at IS NULL`,
      [tenantId, applicantId],
    )) as [unknown, number];
    return count;
  }

  async purgeUploadedBefore(tx: Tx, cutoff: Date, limit: number, dryRun: boolean) {
    // Oldest first through the partial index on created_at; SKIP LOCKED lets an erasure in progress keep its rows.
    const due = `SELECT verification_id, side FROM verification_images
                  WHERE purged_at IS NULL AND created_at < $1 ORDER BY created_at LIMIT $2`;
    const rows = (await tx.query(
      dryRun
        ? `SELECT i.tenant_id, count(*)::int AS count FROM verification_images i
             JOIN (${due}) d USING (verification_id, side) GROUP BY i.tenant_id`
        : `WITH purged AS (
             UPDATE verification_images i SET ciphertext = NULL, purged_at = now()
               FROM (${due} FOR UPDATE SKIP LOCKED) d
              WHERE i.verification_id = d.verification_id AND i.side = d.side
              RETURNING i.tenant_id)
           SELECT tenant_id, count(*)::int AS count FROM purged GROUP BY tenant_id`,
      [cutoff, limit],
    )) as Array<{ tenant_id: string; count: number }>;
    return rows.map((r) => ({ tenantId: r.tenant_id, count: r.count }));
  }

  async sides(tenantId: string, verificationId: string): Promise<Side[]> {
    const rows = await this.ds.getRepository(VerificationImageEntity).find({
      select: { side: true },
      where: { tenantId, verificationId, purgedAt: IsNull() },
    });
    return rows.map((r) => r.side);
  }
}
