/** Encryption at rest for personal data (document images, webhook secrets), and where sealed images are kept. */
export { ImageCipher, StorageError } from './image.cipher';
export { ImageFiles } from './image.files';
