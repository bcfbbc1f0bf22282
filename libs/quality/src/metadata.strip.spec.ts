import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { corpusDir } from '@idv/testing';
import { decodeImage, type DecodedImage } from './index';
import { stripJpeg, stripPng } from './metadata.strip';

/** A photo-like picture with edges, so that pixel equality means something. */
function picture(width = 320, height = 200) {
  return sharp({ create: { width, height, channels: 3, background: { r: 210, g: 196, b: 170 } } }).composite([
    {
      input: Buffer.from(
        `<svg width="${width}" height="${height}"><text x="10" y="120" font-size="48">P&lt;UTOERIKSSON</text></svg>`,
      ),
    },
  ]);
}

const GPS = { IFD0: { ImageDescription: 'GPS 59.33N 18.06E', Make: 'PhoneCo' } };
const pixels = async (bytes: Buffer) => (await sharp(bytes).raw().toBuffer({ resolveWithObject: true })).data;

/** A JPEG segment (marker + length + body). */
function segment(marker: number, body: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** Inserts segments right after SOI, as cameras place their APPn blocks. */
const afterSoi = (jpeg: Buffer, ...segments: Buffer[]) =>
  Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);

describe('stripJpeg', () => {
  it('drops EXIF, XMP and comments, keeps every compressed byte of the picture, and ends at EOI', async () => {
    const base = await picture().jpeg({ quality: 85 }).withExif(GPS).toBuffer();
    const dirty = Buffer.concat([
      afterSoi(
        base,
        segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>GPSLatitude 59.33</x:xmpmeta>')),
        segment(0xfe, Buffer.from('taken at 18 Storgatan')),
      ),
      Buffer.from('PK\x03\x04 a zip archive appended to make a polyglot'),
    ]);
    const clean = stripJpeg(dirty)!;
    expect(clean).not.toBeNull();
    for (const secret of ['GPS 59.33N', 'PhoneCo', 'GPSLatitude', 'Storgatan', 'PK\x03\x04'])
      expect(clean.includes(Buffer.from(secret))).toBe(false);
    expect(clean.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    const meta = await sharp(clean).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.comments).toBeUndefined();
    expect(clean.length).toBeLessThan(dirty.length);
    expect((await pixels(clean)).equals(await pixels(base))).toBe(true);
  });

  it('keeps the ICC profile, and handles progressive JPEGs (tables between scans)', async () => {
    const base = await picture()
      .jpeg({ quality: 80, progressive: true })
      .withIccProfile('p3')
      .withExif(GPS)
      .toBuffer();
    const clean = stripJpeg(base)!;
    const meta = await sharp(clean).metadata();
    expect(meta.isProgressive).toBe(true);
    expect(meta.icc).toBeDefined();
    expect(meta.exif).toBeUndefined();
    expect((await pixels(clean)).equals(await pixels(base))).toBe(true);
  });

  it('copies a scan whose entropy-coded data starts with a stuffed 0xFF, with restart markers within it', () => {
    // The byte structure alone: SOI, a comment, SOS header, entropy data (0xFF00 first, a restart marker, a fill
    // byte before the next marker), EOI.
    const sos = segment(0xda, Buffer.from([1, 1, 0, 0, 63, 0]));
    const data = Buffer.from([0xff, 0x00, 0x12, 0xff, 0xd0, 0x34, 0xff, 0x00, 0x56]);
    const eoi = Buffer.from([0xff, 0xff, 0xd9]);
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      segment(0xfe, Buffer.from('note')),
      sos,
      data,
      eoi,
    ]);
    expect(stripJpeg(jpeg)).toEqual(
      Buffer.concat([Buffer.from([0xff, 0xd8]), sos, data, eoi]), // the comment gone, the rest byte for byte
    );
  });

  it('refuses what is not a whole JPEG: truncated, no SOI, a segment running past the end', async () => {
    const base = await picture().jpeg().toBuffer();
    expect(stripJpeg(base.subarray(0, Math.floor(base.length * 0.6)))).toBeNull();
    expect(stripJpeg(base.subarray(2))).toBeNull();
    expect(
      stripJpeg(Buffer.concat([base.subarray(0, 2), Buffer.from([0xff, 0xe1, 0xff, 0xff, 1, 2])])),
    ).toBeNull();
    expect(stripJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBeNull(); // no scan at all
  });
});

/** A PNG chunk with its CRC. */
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

describe('stripPng', () => {
  it('drops text, EXIF and time chunks and trailing bytes, keeps the pixels', async () => {
    const base = await picture().png().toBuffer();
    const ihdrEnd = 8 + 25;
    const dirty = Buffer.concat([
      base.subarray(0, ihdrEnd),
      chunk('tEXt', Buffer.from('Comment\0GPS 59.33N 18.06E')),
      chunk('iTXt', Buffer.from('Author\0\0\0\0\0Erik Eriksson')),
      chunk('eXIf', Buffer.from('MM\0*\0\0\0\x08PhoneCo')),
      chunk('tIME', Buffer.from([7, 234, 12, 3, 10, 0, 0])),
      base.subarray(ihdrEnd),
      Buffer.from('<?php echo "polyglot"; ?>'),
    ]);
    expect(await sharp(dirty).metadata()).toMatchObject({ format: 'png' });
    const clean = stripPng(dirty)!;
    for (const secret of ['GPS 59.33N', 'Eriksson', 'PhoneCo', 'tIME', 'php'])
      expect(clean.includes(Buffer.from(secret))).toBe(false);
    expect(clean.equals(stripPng(base)!)).toBe(true);
    expect((await pixels(clean)).equals(await pixels(base))).toBe(true);
  });

  it('refuses a truncated PNG, one that does not start with IHDR, and a chunk running past the end', async () => {
    const base = await picture().png().toBuffer();
    expect(stripPng(base.subarray(0, base.length - 20))).toBeNull();
    expect(
      stripPng(Buffer.concat([base.subarray(0, 8), chunk('tEXt', Buffer.from('a\0b')), base.subarray(8)])),
    ).toBeNull();
    const lying = Buffer.from(base);
    lying.writeUInt32BE(0x7fffffff, 8 + 25); // the chunk after IHDR claims 2 GB
    expect(stripPng(lying)).toBeNull();
  });
});

describe('decodeImage with keepOriginal', () => {
  it('keeps an upright JPEG as its own bytes without metadata: same pixels, no second compression', async () => {
    const upload = await picture(640, 400).jpeg({ quality: 82 }).withExif(GPS).toBuffer();
    const result = (await decodeImage(upload, {}, { keepLossy: true, keepOriginal: true })) as DecodedImage;
    expect(result).toMatchObject({
      ok: true,
      width: 640,
      height: 400,
      format: 'jpeg',
      orientationApplied: false,
    });
    expect(result.image.includes(Buffer.from('GPS 59.33N'))).toBe(false);
    expect(result.image.length).toBeLessThan(upload.length);
    expect((await pixels(result.image)).equals(await pixels(upload))).toBe(true);
    // What re-encoding made of the same upload: larger, and no longer the same pixels.
    const reencoded = (await decodeImage(upload, {}, { keepLossy: true })) as DecodedImage;
    expect(reencoded.image.length).toBeGreaterThan(result.image.length);
  });

  it('still turns a JPEG with EXIF orientation 6 upright (re-encoded, since the tag goes with the EXIF)', async () => {
    const upload = await picture(300, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const result = (await decodeImage(upload, {}, { keepLossy: true, keepOriginal: true })) as DecodedImage;
    expect(result).toMatchObject({ ok: true, width: 200, height: 300, orientationApplied: true });
    const meta = await sharp(result.image).metadata();
    expect([meta.width, meta.height, meta.orientation, meta.exif]).toEqual([200, 300, undefined, undefined]);
  });

  it('does not keep a JPEG whose data ends early: it goes through the re-encoding path as before', async () => {
    const whole = await picture(640, 400).jpeg().toBuffer();
    const cut = Buffer.concat([whole.subarray(0, Math.floor(whole.length * 0.7)), Buffer.from([0xff, 0xd9])]);
    expect(stripJpeg(cut)).not.toBeNull(); // structurally whole…
    const result = (await decodeImage(cut, {}, { keepLossy: true, keepOriginal: true })) as DecodedImage;
    expect(result.ok).toBe(true); // …and decodable with grey padding, as the re-encoding path always did
    expect(result.image.equals(stripJpeg(cut)!)).toBe(false);
    expect((await sharp(result.image).metadata()).width).toBe(640);
  });

  it('refuses a JPEG cut short without its end marker with the same failure as without keepOriginal', async () => {
    const whole = await picture(640, 400).jpeg().toBuffer();
    const cut = whole.subarray(0, Math.floor(whole.length * 0.7));
    const kept = await decodeImage(cut, {}, { keepLossy: true, keepOriginal: true });
    expect(kept).toMatchObject({ ok: false, code: 'CORRUPT_IMAGE' });
    expect(kept).toEqual(await decodeImage(cut, {}, { keepLossy: true }));
  });
});

const corpus = corpusDir();
const specimens = corpus
  ? readdirSync(join(corpus, 'specimens')).filter((f) => /\.(jpe?g|png|webp|tiff?)$/i.test(f))
  : [];
const describeCorpus = specimens.length > 0 ? describe : describe.skip;

describeCorpus(
  'keepOriginal on the real specimens of the corpus (photos and scans from other projects)',
  () => {
    it('accepts and refuses exactly what re-encoding did; what it keeps decodes to the upload’s own pixels', async () => {
      let kept = 0;
      for (const file of specimens) {
        const upload = readFileSync(join(corpus!, 'specimens', file));
        const lossless = await decodeImage(upload, {}, { keepLossy: true, keepOriginal: true });
        const reencoded = await decodeImage(upload, {}, { keepLossy: true });
        expect([file, lossless.ok]).toEqual([file, reencoded.ok]);
        if (!lossless.ok || !reencoded.ok || lossless.image.equals(reencoded.image)) continue;
        kept++;
        expect([
          file,
          (await pixels(lossless.image)).equals(await sharp(upload).rotate().raw().toBuffer()),
        ]).toEqual([file, true]);
        const meta = await sharp(lossless.image).metadata();
        expect([file, meta.exif, meta.xmp, meta.comments]).toEqual([file, undefined, undefined, undefined]);
      }
      // Most specimens are upright JPEG/PNG files (56 of 59 when this was written); the rest were re-encoded.
      expect(kept).toBeGreaterThan(specimens.length / 2);
    }, 60_000);
  },
);
