import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConfigError } from '@idv/platform';
import { StorageError } from './image.cipher';

/** `<upload day>/<verification id>.<side>.<random>`: unique per upload, so a file is never overwritten. */
const NAME = /^\d{4}-\d{2}-\d{2}\/[0-9a-f-]{36}\.(front|back)\.[0-9a-f]{12}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Sealed images as files under one directory that every API and worker replica mounts. A folder per upload day
 * (UTC): days are the unit of housekeeping. Purging deletes single files; once no stored image of a day is left,
 * retention removes its whole folder, and with it any file an upload wrote before its transaction rolled back.
 * Files are written to a temporary name, flushed, renamed and the folder flushed, so a crash leaves either the
 * whole file or none under its name.
 */
export class ImageFiles {
  private constructor(readonly root: string) {}

  /**
   * Creates the directory if needed and proves it writable, so a bad mount fails at boot, not at the first upload:
   * with a {@link ConfigError}, which every process prints as its one line before exiting.
   */
  static async open(root: string): Promise<ImageFiles> {
    try {
      await mkdir(root, { recursive: true, mode: 0o700 });
      const probe = join(root, `.probe-${process.pid}-${randomBytes(4).toString('hex')}`);
      await (await open(probe, 'wx', 0o600)).close();
      await unlink(probe);
    } catch (err) {
      throw new ConfigError(
        `IDV_IMAGE_DIR ${root} is not a writable directory (${(err as Error).message}): create it, or mount the ` +
          `image volume every API and worker process shares there`,
      );
    }
    return new ImageFiles(root);
  }

  /** A new file name for one side of a verification uploaded at `at`. */
  static nameFor(at: Date, verificationId: string, side: 'front' | 'back'): string {
    return `${at.toISOString().slice(0, 10)}/${verificationId}.${side}.${randomBytes(6).toString('hex')}`;
  }

  async write(name: string, bytes: Buffer): Promise<void> {
    const path = this.resolve(name);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = `${path}.tmp`;
    const file = await open(temporary, 'wx', 0o600);
    try {
      await file.writeFile(bytes);
      await file.datasync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
    // The rename is durable only once the folder's own entry list is on disk.
    const folder = await open(dirname(path), 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }

  /** The file's bytes, or null when there is no such file. */
  async read(name: string): Promise<Buffer | null> {
    try {
      return await readFile(this.resolve(name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** Deletes the files; one already gone is not an error (a purge may be run again). */
  async remove(names: string[]): Promise<void> {
    for (const name of names) {
      await unlink(this.resolve(name)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    }
  }

  /** Upload days that have a folder, oldest first. */
  async days(): Promise<string[]> {
    const entries = await readdir(this.root, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() && DAY.test(e.name))
      .map((e) => e.name)
      .sort();
  }

  /** Removes a day's folder and everything left in it. */
  async removeDay(day: string): Promise<void> {
    if (!DAY.test(day)) throw new StorageError('INVALID_NAME', `Not an upload day: ${JSON.stringify(day)}`);
    await rm(join(this.root, day), { recursive: true, force: true });
  }

  // Names come from the database; checking their shape keeps a bad row from reaching outside the directory.
  private resolve(name: string): string {
    if (!NAME.test(name))
      throw new StorageError('INVALID_NAME', `Not an image file name: ${JSON.stringify(name)}`);
    return join(this.root, name);
  }
}
