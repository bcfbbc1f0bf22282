import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * Hostile files, generated in code so the suite needs no fixtures: broken, lying, oversized and two-faced inputs
 * of the kinds attackers and broken phones send. Each says what the API must answer.
 */
export interface HostileFile {
  name: string;
  bytes: Buffer;
  /** The filename and Content-Type the client claims (often a lie). */
  filename: string;
  contentType: string;
  /**
   * `413`, `415`, `422`: that refusal. `4xx`: any clear refusal (which one depends on where the decoder gives
   * up). `decodes`: the bytes are an image: 202, then a verdict of `unreadable` (the picture is junk).
   * `4xx-or-unreadable`: damage the decoder may or may not notice (libjpeg paints corrupt scans grey): a 4xx, or
   * 202 and `unreadable`.
   */
  expect: 413 | 415 | 422 | '4xx' | 'decodes' | '4xx-or-unreadable';
}

/** A deterministic pseudo-random byte stream (mulberry32), so a failure can be replayed byte for byte. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 640×400 picture of grey noise: decodes fine, shows no document at all. */
async function noise(format: 'jpeg' | 'png' | 'webp'): Promise<Buffer> {
  const image = sharp({
    create: {
      width: 640,
      height: 400,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  });
  return image.toFormat(format).toBuffer();
}

/** `bytes` with `length` bytes from the middle overwritten by pseudo-random ones. */
function corrupt(bytes: Buffer, seed: number, length = 512): Buffer {
  const out = Buffer.from(bytes);
  const next = random(seed);
  const start = Math.floor(out.length / 2);
  for (let i = start; i < Math.min(out.length, start + length); i++) out[i] = Math.floor(next() * 256);
  return out;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

/** A valid PNG whose header declares `width`×`height` 8-bit grey pixels, all zero: tiny on the wire. */
function zeroPng(width: number, height: number, rows = height): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // bit depth 8, greyscale, deflate, no filter, no interlace
  // Each row is a filter byte plus `width` zero bytes; deflate makes megabytes of zeros a few kilobytes.
  const raw = Buffer.alloc((width + 1) * rows);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real JPEG whose frame header (SOF0) is rewritten to claim `width`×`height`. */
function jpegClaiming(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let i = 2; i < out.length - 9;) {
    if (out[i] !== 0xff) throw new Error('not a marker');
    const marker = out[i + 1];
    const length = out.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc2) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
    i += 2 + length;
  }
  throw new Error('no SOF marker');
}

/** A JPEG with a segment (APPn or COM) inserted right after the start-of-image marker. */
function jpegWithSegment(jpeg: Buffer, marker: number, payload: Buffer): Buffer {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

/** An empty but valid ZIP archive (end-of-central-directory record only): unzip tools accept it. */
const EMPTY_ZIP = Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]);

export async function hostileFiles(): Promise<HostileFile[]> {
  const [jpeg, png, webp] = await Promise.all([noise('jpeg'), noise('png'), noise('webp')]);
  const file = (
    name: string,
    bytes: Buffer,
    expect: HostileFile['expect'],
    filename = 'front.jpg',
    contentType = 'image/jpeg',
  ): HostileFile => ({ name, bytes, expect, filename, contentType });
  const html = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');
  return [
    file('truncated JPEG (first 40%)', jpeg.subarray(0, Math.floor(jpeg.length * 0.4)), '4xx'),
    file(
      'truncated PNG (first 40%)',
      png.subarray(0, Math.floor(png.length * 0.4)),
      '4xx',
      'f.png',
      'image/png',
    ),
    file(
      'truncated WebP (first 40%)',
      webp.subarray(0, Math.floor(webp.length * 0.4)),
      '4xx',
      'f.webp',
      'image/webp',
    ),
    file('JPEG header only', jpeg.subarray(0, 20), '4xx'),
    file('corrupt JPEG (random bytes mid-stream)', corrupt(jpeg, 1), '4xx-or-unreadable'),
    file('corrupt PNG (random bytes mid-stream)', corrupt(png, 2), '4xx-or-unreadable', 'f.png', 'image/png'),
    file(
      'corrupt WebP (random bytes mid-stream)',
      corrupt(webp, 3),
      '4xx-or-unreadable',
      'f.webp',
      'image/webp',
    ),
    file('PNG declaring 100000×100000 pixels', zeroPng(100_000, 100_000, 4), 413, 'f.png', 'image/png'),
    file('JPEG declaring 65000×65000 pixels', jpegClaiming(jpeg, 65_000, 65_000), 413),
    file('all-zero PNG of 8000×8000 (inflates to 64 MB)', zeroPng(8000, 8000), 413, 'f.png', 'image/png'),
    file(
      'all-zero PNG of 3000×3000 (inflates to 9 MB)',
      zeroPng(3000, 3000),
      'decodes',
      'f.png',
      'image/png',
    ),
    file(
      'JPEG with a 60 KB EXIF (APP1) segment',
      jpegWithSegment(jpeg, 0xe1, Buffer.concat([Buffer.from('Exif\0\0'), Buffer.alloc(60_000, 0x41)])),
      'decodes',
    ),
    file(
      'SVG with an external entity',
      Buffer.from(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
          '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"><text y="20">&xxe;</text></svg>',
      ),
      415,
      'front.svg',
      'image/svg+xml',
    ),
    file(
      'PDF',
      Buffer.from(
        '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
      ),
      415,
      'front.pdf',
      'application/pdf',
    ),
    file('JPEG that is also a ZIP archive', Buffer.concat([jpeg, EMPTY_ZIP]), 'decodes'),
    file('JPEG carrying HTML and script in a comment', jpegWithSegment(jpeg, 0xfe, html), 'decodes'),
    // Bytes of no known kind read as a damaged photo (its header may be what broke): 422, not 415.
    file('HTML named .jpg and sent as image/jpeg', html, 422),
    file('zero bytes', Buffer.alloc(0), '4xx'),
    file(
      'GIF',
      Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
      415,
      'f.gif',
      'image/gif',
    ),
  ];
}
