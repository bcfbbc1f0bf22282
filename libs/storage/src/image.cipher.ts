import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Thrown when a ciphertext does not decrypt (wrong key, or tampered bytes) or its storage is unusable. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: 'DECRYPTION_FAILED' | 'UNKNOWN_KEY' | 'INVALID_KEY' | 'INVALID_NAME' | 'UNAVAILABLE',
    message: string,
  ) {
    super(message);
  }
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a 96-bit random IV per message. Layout: version(1) | iv(12) | tag(16) | ciphertext.
 * `aad` binds a ciphertext to its row (e.g. verification id + side), so bytes moved to another row fail to decrypt.
 * The key id is a short fingerprint of the key, stored beside each ciphertext so keys can be rotated.
 */
export class ImageCipher {
  readonly keyId: string;
  private readonly key: Buffer;

  constructor(keyBase64OrHex: string) {
    const key = /^[0-9a-f]{64}$/i.test(keyBase64OrHex)
      ? Buffer.from(keyBase64OrHex, 'hex')
      : Buffer.from(keyBase64OrHex, 'base64');
    if (key.length !== 32) {
      throw new StorageError(
        'INVALID_KEY',
        'The encryption key must be 32 bytes (64 hex characters or base64).',
      );
    }
    this.key = key;
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 12);
  }

  encrypt(plain: Buffer, aad: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(aad));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(sealed: Buffer, aad: string): Buffer {
    try {
      if (sealed[0] !== VERSION) throw new Error('version');
      const iv = sealed.subarray(1, 1 + IV_BYTES);
      const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAAD(Buffer.from(aad));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new StorageError(
        'DECRYPTION_FAILED',
        'The stored image could not be decrypted with the configured key.',
      );
    }
  }
}
