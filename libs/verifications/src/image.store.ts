import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { VerificationImageEntity, type Tx } from '@idv/persistence';
import { APP_CONFIG, type AppConfig } from '@idv/platform';
import { ImageCipher, ImageFiles, StorageError } from '@idv/storage';
import { VerificationError, type PreparedImage, type Side } from './verification.types';

/** The directory of sealed image files (`IDV_IMAGE_DIR`), or null when images' ciphertext goes in PostgreSQL. */
export const IMAGE_FILES = Symbol('IMAGE_FILES');

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

/**
 * Images as AES-256-GCM ciphertext bound to their row by the associated data. Each image's metadata is a row of
 * `verification_images`; its ciphertext is in the row, or in a file under `IDV_IMAGE_DIR` when that is set, which
 * keeps megabytes of bytea out of PostgreSQL's WAL, backups and connections. Rows written either way stay readable
 * after the setting changes, as long as the directory stays mounted.
 */
@Injectable()
export class SealedImageStore extends ImageStore {
  private readonly logger = new Logger('ImageStore');
  private readonly cipher: ImageCipher;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(IMAGE_FILES) private readonly files: ImageFiles | null,
  ) {
    super();
    this.cipher = new ImageCipher(config.encryptionKey);
  }

  async put(tx: Tx, tenantId: string, verificationId: string, image: PreparedImage): Promise<void> {
    const sealed = this.cipher.encrypt(image.bytes, `${verificationId}:${image.side}`);
    const filePath = this.files ? ImageFiles.nameFor(new Date(), verificationId, image.side) : null;
    // The file first: a row never names a file that is not there. A file whose row never commits is an orphan,
    // sealed to a verification that does not exist, and goes when retention sweeps its day.
    if (filePath) await this.writeFile(filePath, sealed);
    await tx.getRepository(VerificationImageEntity).insert({
      verificationId,
      side: image.side,
      tenantId,
      mediaType: image.mediaType,
      width: image.width,
      height: image.height,
      bytes: image.bytes.length,
      keyId: this.cipher.keyId,
      ciphertext: filePath ? null : sealed,
      filePath,
    });
  }

  async get(tenantId: string, verificationId: string, side: Side) {
    const row = await this.ds
      .getRepository(VerificationImageEntity)
      .findOneBy({ tenantId, verificationId, side, purgedAt: IsNull() });
    const sealed = row?.ciphertext ?? (row?.filePath ? await this.readFile(row.filePath) : null);
    if (!row || !sealed) return null;
    return { bytes: this.cipher.decrypt(sealed, `${verificationId}:${side}`), mediaType: row.mediaType };
  }

  async purgeApplicant(tx: Tx, tenantId: string, applicantId: string): Promise<number> {
    const [rows] = (await tx.query(
      `UPDATE verification_images i SET ciphertext = NULL, purged_at = now()
         FROM verifications v
        WHERE v.id = i.verification_id AND v.tenant_id = $1 AND v.applicant_id = $2 AND i.purged_at IS NULL
        RETURNING i.file_path`,
      [tenantId, applicantId],
    )) as [Array<{ file_path: string | null }>, number];
    await this.removeFiles(rows);
    return rows.length;
  }

  async purgeUploadedBefore(tx: Tx, cutoff: Date, limit: number, dryRun: boolean) {
    // Oldest first through the partial index on created_at; SKIP LOCKED lets an erasure in progress keep its rows.
    const due = `SELECT verification_id, side FROM verification_images
                  WHERE purged_at IS NULL AND created_at < $1 ORDER BY created_at LIMIT $2`;
    if (dryRun) {
      const rows = (await tx.query(
        `SELECT i.tenant_id, count(*)::int AS count FROM verification_images i
           JOIN (${due}) d USING (verification_id, side) GROUP BY i.tenant_id`,
        [cutoff, limit],
      )) as Array<{ tenant_id: string; count: number }>;
      return rows.map((r) => ({ tenantId: r.tenant_id, count: r.count }));
    }
    const [purged] = (await tx.query(
      `UPDATE verification_images i SET ciphertext = NULL, purged_at = now()
         FROM (${due} FOR UPDATE SKIP LOCKED) d
        WHERE i.verification_id = d.verification_id AND i.side = d.side
        RETURNING i.tenant_id, i.file_path`,
      [cutoff, limit],
    )) as [Array<{ tenant_id: string; file_path: string | null }>, number];
    await this.removeFiles(purged);
    if (this.files) await this.sweepDays(tx, this.files, cutoff);
    const counts = new Map<string, number>();
    for (const r of purged) counts.set(r.tenant_id, (counts.get(r.tenant_id) ?? 0) + 1);
    return [...counts].map(([tenantId, count]) => ({ tenantId, count }));
  }

  async sides(tenantId: string, verificationId: string): Promise<Side[]> {
    const rows = await this.ds.getRepository(VerificationImageEntity).find({
      select: { side: true },
      where: { tenantId, verificationId, purgedAt: IsNull() },
    });
    return rows.map((r) => r.side);
  }

  /**
   * A full disk, a read-only or lost mount: the upload is refused with 503 and Retry-After (its transaction rolls
   * back, so nothing of it is kept), and the cause is logged, since only an operator can mend it.
   */
  private async writeFile(name: string, sealed: Buffer): Promise<void> {
    try {
      await this.directory().write(name, sealed);
    } catch (err) {
      this.logger.error({ err, file: name }, 'could not write an image file');
      throw new VerificationError(
        'unavailable',
        'image_storage_unavailable',
        'The image could not be stored right now; nothing was kept. Please retry later.',
      );
    }
  }

  private async readFile(name: string): Promise<Buffer | null> {
    const sealed = await this.directory().read(name);
    // Only an erasure whose transaction failed after deleting the file leaves a row like this: the image is gone.
    if (!sealed) this.logger.warn({ file: name }, 'image file missing for a stored image');
    return sealed;
  }

  /**
   * Deletes the purged rows' files inside the purge's transaction, before it commits: should the commit fail, the
   * image is gone while its row still looks stored (read as not uploaded), which errs on the side of erasure.
   */
  private async removeFiles(rows: Array<{ file_path: string | null }>): Promise<void> {
    const names = rows.flatMap((r) => (r.file_path ? [r.file_path] : []));
    if (names.length) await this.directory().remove(names);
  }

  /**
   * Removes the folders of upload days that ended over a day before `cutoff` (a margin for hosts' clocks) once no
   * stored image is left in them: what remains there is orphans of rolled-back uploads and half-written files.
   */
  private async sweepDays(tx: Tx, files: ImageFiles, cutoff: Date): Promise<void> {
    const last = new Date(cutoff.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    for (const day of await files.days()) {
      if (day > last) break;
      const [left] = (await tx.query(
        `SELECT 1 FROM verification_images WHERE purged_at IS NULL AND file_path LIKE $1 LIMIT 1`,
        [`${day}/%`],
      )) as unknown[];
      if (!left) await files.removeDay(day);
    }
  }

  private directory(): ImageFiles {
    if (!this.files)
      throw new StorageError(
        'UNAVAILABLE',
        'An image is stored as a file but IDV_IMAGE_DIR is not set in this process: mount the image directory',
      );
    return this.files;
  }
}
