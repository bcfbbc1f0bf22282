/** Encryption at rest for personal data (document images, webhook secrets). */
export { ImageCipher, StorageError } from './image.cipher';
