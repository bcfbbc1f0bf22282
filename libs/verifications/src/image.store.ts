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

  async sides(tenantId: string, verificationId: string): Promise<Side[]> {
    const rows = await this.ds.getRepository(VerificationImageEntity).find({
      select: { side: true },
      where: { tenantId, verificationId, purgedAt: IsNull() },
    });
    return rows.map((r) => r.side);
  }
}
