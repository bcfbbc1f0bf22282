import { randomBytes } from 'node:crypto';
import { ImageCipher, StorageError } from './image.cipher';

describe('ImageCipher', () => {
  const key = randomBytes(32).toString('hex');

  it('round-trips bytes and never stores them in the clear', () => {
    const cipher = new ImageCipher(key);
    const plain = Buffer.from('a JPEG with a face and a name on it');
    const sealed = cipher.encrypt(plain, 'v1:front');
    expect(sealed.includes(plain)).toBe(false);
    expect(cipher.decrypt(sealed, 'v1:front')).toEqual(plain);
  });

  it('uses a fresh IV per message', () => {
    const cipher = new ImageCipher(key);
    expect(cipher.encrypt(Buffer.from('x'), 'a')).not.toEqual(cipher.encrypt(Buffer.from('x'), 'a'));
  });

  it('refuses tampered bytes, another row, or another key', () => {
    const cipher = new ImageCipher(key);
    const sealed = cipher.encrypt(Buffer.from('payload'), 'v1:front');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => cipher.decrypt(tampered, 'v1:front')).toThrow(StorageError);
    expect(() => cipher.decrypt(sealed, 'v2:front')).toThrow(StorageError);
    expect(() => new ImageCipher(randomBytes(32).toString('base64')).decrypt(sealed, 'v1:front')).toThrow(
      StorageError,
    );
  });

  it('accepts 32-byte keys in hex or base64 only', () => {
    expect(new ImageCipher(randomBytes(32).toString('base64')).keyId).toHaveLength(12);
    expect(() => new ImageCipher('too-short')).toThrow(/32 bytes/);
  });
});
