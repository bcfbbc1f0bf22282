import { Injectable } from '@nestjs/common';
import type { Actor } from '@idv/applicants';
import { AuditTrail } from '@idv/audit';
import { ImageStore } from './image.store';
import { VerificationRepository } from './verification.repository';
import { VerificationError, type Side } from './verification.types';

/** Document images for the people who review them: decrypted on the way out, and every view audited. */
@Injectable()
export class VerificationImages {
  constructor(
    private readonly repo: VerificationRepository,
    private readonly images: ImageStore,
    private readonly audit: AuditTrail,
  ) {}

  /** One side of a verification's document; 404 when the verification is not the caller's or the image is gone. */
  async view(
    actor: Actor,
    verificationId: string,
    side: Side,
  ): Promise<{ bytes: Buffer; mediaType: string }> {
    const v = await this.repo.find(actor.tenantId, verificationId);
    if (!v)
      throw new VerificationError(
        'not_found',
        'verification_not_found',
        `No verification ${verificationId} in your tenant.`,
      );
    const image = await this.images.get(actor.tenantId, v.id, side);
    if (!image)
      throw new VerificationError(
        'not_found',
        'image_not_found',
        `The ${side} image of this verification was not uploaded or has been purged.`,
      );
    // Recorded before the bytes leave: a view that cannot be audited does not happen.
    await this.audit.record({
      tenant: actor.tenantId,
      actor: { type: actor.type, id: actor.id },
      action: 'image.viewed',
      subject: { type: 'verification', id: v.id },
      data: { side, mediaType: image.mediaType, bytes: image.bytes.length },
    });
    return image;
  }
}
