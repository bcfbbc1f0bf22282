import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StorageError } from './image.cipher';
import { ImageFiles } from './image.files';

const ID = '0b8f2a47-5c1e-4f7e-9a51-3d2c1b0a9f8e';

describe('ImageFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'idv-files-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes a file under its upload day, owner-only, and reads it back; a missing one reads as null', async () => {
    const files = await ImageFiles.open(join(dir, 'images'));
    const name = ImageFiles.nameFor(new Date('2026-12-04T23:59:59Z'), ID, 'front');
    expect(name).toMatch(new RegExp(`^2026-12-04/${ID}\\.front\\.[0-9a-f]{12}$`));
    await files.write(name, Buffer.from('sealed'));
    expect(await files.read(name)).toEqual(Buffer.from('sealed'));
    expect((await stat(join(dir, 'images', name))).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'images', '2026-12-04'))).toEqual([name.split('/')[1]]);
    await files.remove([name, name]);
    expect(await files.read(name)).toBeNull();
  });

  it('gives every upload a new name, so no file is ever overwritten', () => {
    const at = new Date();
    expect(ImageFiles.nameFor(at, ID, 'back')).not.toBe(ImageFiles.nameFor(at, ID, 'back'));
  });

  it.each([
    '../../etc/passwd',
    `2026-12-04/../../${ID}.front.0123456789ab`,
    '/etc/passwd',
    `x/${ID}.front.0`,
  ])('refuses a name that is not one of its own: %s', async (name) => {
    const files = await ImageFiles.open(dir);
    await expect(files.read(name)).rejects.toMatchObject({ code: 'INVALID_NAME' });
    await expect(files.write(name, Buffer.from('x'))).rejects.toBeInstanceOf(StorageError);
    await expect(files.remove([name])).rejects.toBeInstanceOf(StorageError);
  });

  it('lists day folders oldest first and removes a whole day, refusing anything else', async () => {
    const files = await ImageFiles.open(dir);
    for (const day of ['2026-12-04', '2026-11-30'])
      await files.write(`${day}/${ID}.front.0123456789ab`, Buffer.from('x'));
    await writeFile(join(dir, 'README'), 'not a day');
    expect(await files.days()).toEqual(['2026-11-30', '2026-12-04']);
    await files.removeDay('2026-11-30');
    expect(await files.days()).toEqual(['2026-12-04']);
    await expect(files.removeDay('..')).rejects.toMatchObject({ code: 'INVALID_NAME' });
  });

  it('fails at open, naming the directory, when it cannot write there', async () => {
    await writeFile(join(dir, 'file'), 'a file, not a folder');
    await expect(ImageFiles.open(join(dir, 'file', 'images'))).rejects.toThrow(
      new RegExp(`IDV_IMAGE_DIR ${dir}/file/images is not a writable directory`),
    );
  });
});
