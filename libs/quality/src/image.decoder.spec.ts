import zlib from 'node:zlib';
import sharp from 'sharp';
import { decodeImage, DecodeFailure, DecodedImage, sniffFormat } from './index';

/** CRC-32 as PNG chunks need it (the bomb must be a well-formed PNG, so only the pixel limit can stop it). */
function crc32(buf: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of buf) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A few-kilobyte greyscale PNG declaring 30000×30000 pixels (900 MP once decoded). */
function pngBomb(side = 30000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = zlib.deflateSync(Buffer.alloc((side + 1) * 64));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const photo = (format: 'jpeg' | 'png' | 'webp' | 'tiff' | 'gif') =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#8a7f70' } })
    .toFormat(format)
    .toBuffer();

async function expectFailure(
  bytes: Buffer,
  code: DecodeFailure['code'],
  detectedFormat?: string,
): Promise<void> {
  const result = await decodeImage(bytes);
  expect(result.ok).toBe(false);
  const failure = result as DecodeFailure;
  expect(failure.code).toBe(code);
  expect(failure.message.length).toBeGreaterThan(0);
  if (detectedFormat) expect(failure.detectedFormat).toBe(detectedFormat);
}

describe('decodeImage', () => {
  it.each(['jpeg', 'png', 'webp', 'tiff'] as const)(
    'decodes a %s upload into an upright PNG',
    async (format) => {
      const result = (await decodeImage(await photo(format))) as DecodedImage;
      expect(result.ok).toBe(true);
      expect(result.format).toBe(format);
      expect([result.width, result.height]).toEqual([64, 48]);
      expect(sniffFormat(result.image)).toBe('png');
    },
  );

  it('refuses zero bytes as corrupt', () => expectFailure(Buffer.alloc(0), 'CORRUPT_IMAGE'));

  it('refuses random bytes as corrupt', () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
    return expectFailure(random, 'CORRUPT_IMAGE');
  });

  it('refuses a truncated JPEG as corrupt', async () => {
    const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#345' } })
      .composite([
        {
          input: Buffer.from(
            '<svg width="400" height="300"><circle cx="200" cy="150" r="90" fill="#eee"/></svg>',
          ),
        },
      ])
      .jpeg()
      .toBuffer();
    await expectFailure(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'CORRUPT_IMAGE', 'jpeg');
  });

  it('refuses a PNG signature followed by garbage as corrupt', () =>
    expectFailure(Buffer.concat([pngBomb(10).subarray(0, 8), Buffer.alloc(200, 7)]), 'CORRUPT_IMAGE', 'png'));

  it('refuses SVG, even with an XML declaration and a BOM', async () => {
    await expectFailure(
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
      'UNSUPPORTED_FORMAT',
      'svg',
    );
    await expectFailure(
      Buffer.from('\uFEFF<?xml version="1.0"?>\n<!-- x -->\n<svg width="1" height="1"></svg>'),
      'UNSUPPORTED_FORMAT',
      'svg',
    );
  });

  it('refuses SVG whose doctype declares external entities (XXE)', () =>
    expectFailure(
      Buffer.from(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>',
      ),
      'UNSUPPORTED_FORMAT',
      'svg',
    ));

  it('refuses a PDF', () =>
    expectFailure(
      Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
      'UNSUPPORTED_FORMAT',
      'pdf',
    ));

  it('refuses a GIF', async () => expectFailure(await photo('gif'), 'UNSUPPORTED_FORMAT', 'gif'));

  it('refuses AVIF (HEIF container)', async () => {
    const avif = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#456' } })
      .avif()
      .toBuffer();
    await expectFailure(avif, 'UNSUPPORTED_FORMAT', 'avif');
  });

  it('recognises HEIC by its ISO-BMFF brand (sharp cannot encode HEVC here, so the header is built by hand)', async () => {
    const ftyp = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
    ]);
    await expectFailure(Buffer.concat([ftyp, Buffer.alloc(64)]), 'UNSUPPORTED_FORMAT', 'heic');
  });

  it('refuses a 30000×30000 PNG bomb from its header, without decoding it', async () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(100_000);
    await expectFailure(bomb, 'TOO_MANY_PIXELS', 'png');
  });

  it('applies caller limits on pixels and bytes', async () => {
    const bytes = await photo('png');
    expect(await decodeImage(bytes, { maxPixels: 1000 })).toMatchObject({
      ok: false,
      code: 'TOO_MANY_PIXELS',
    });
    expect(await decodeImage(bytes, { maxBytes: 10 })).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' });
  });

  it('decodes a 1×1 image (judged later as low resolution, not refused)', async () => {
    const tiny = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    expect(await decodeImage(tiny)).toMatchObject({ ok: true, width: 1, height: 1 });
  });

  it('applies EXIF orientation 6 and strips the metadata', async () => {
    // Stored 60×40 with the dark half on the left; orientation 6 means "rotate 90° clockwise to display",
    // so upright the dark half is on top.
    const stored = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#ffffff' } })
      .composite([
        { input: { create: { width: 30, height: 40, channels: 3, background: '#000000' } }, left: 0, top: 0 },
      ])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const result = (await decodeImage(stored)) as DecodedImage;
    expect(result).toMatchObject({
      ok: true,
      width: 40,
      height: 60,
      orientation: 6,
      orientationApplied: true,
    });
    const { data, info } = await sharp(result.image).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect(data[5 * info.width + 20]).toBeLessThan(50);
    expect(data[55 * info.width + 20]).toBeGreaterThan(200);
    const meta = await sharp(result.image).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
  });
});
