import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@idv/platform';
import { ImageCipher } from '@idv/storage';

/**
 * Signing secrets: generated once, shown once, stored AES-256-GCM encrypted (the service must read them back to
 * sign, so a hash would not do). The endpoint id is the associated data: a ciphertext copied to another row fails.
 */
@Injectable()
export class WebhookSecrets {
  private readonly cipher: ImageCipher;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.cipher = new ImageCipher(config.encryptionKey);
  }

  /** `whsec_` + 32 random bytes, base64url. */
  generate(): string {
    return `whsec_${randomBytes(32).toString('base64url')}`;
  }

  seal(secret: string, endpointId: string): { secretCiphertext: Buffer; keyId: string } {
    return {
      secretCiphertext: this.cipher.encrypt(Buffer.from(secret), endpointId),
      keyId: this.cipher.keyId,
    };
  }

  open(secretCiphertext: Buffer, endpointId: string): string {
    return this.cipher.decrypt(secretCiphertext, endpointId).toString();
  }
}
