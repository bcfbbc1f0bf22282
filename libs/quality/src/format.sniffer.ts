/** Image container types told apart by their leading bytes; `unknown` when nothing matches. */
export type SniffedFormat =
  'jpeg' | 'png' | 'webp' | 'tiff' | 'gif' | 'bmp' | 'svg' | 'pdf' | 'heic' | 'avif' | 'jxl' | 'unknown';

/** The formats a document photo or scan may arrive in; the rest is refused before any decoder sees it. */
export const ACCEPTED_FORMATS: ReadonlySet<SniffedFormat> = new Set(['jpeg', 'png', 'webp', 'tiff']);

const startsWith = (bytes: Buffer, signature: number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (bytes: Buffer, start: number, end: number): string =>
  bytes.subarray(start, end).toString('latin1');

/**
 * Detects the real type from the content, never from a file name or a declared MIME type, so that a PDF or SVG
 * renamed `.jpg` is refused before a decoder with a larger attack surface (rsvg, poppler, libheif) touches it.
 */
export function sniffFormat(bytes: Buffer): SniffedFormat {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'tiff';
  if (ascii(bytes, 0, 4) === 'GIF8') return 'gif';
  if (ascii(bytes, 0, 2) === 'BM') return 'bmp';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (startsWith(bytes, [0xff, 0x0a]) || startsWith(bytes, [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20]))
    return 'jxl';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    // ISO-BMFF: the major brand and the compatible brands say which codec the HEIF container holds.
    const brands = ascii(bytes, 8, Math.min(bytes.length, 64));
    if (/avi[fs]/.test(brands)) return 'avif';
    if (/hei[cfmsx]|hev[cx]|mif1|msf1/.test(brands)) return 'heic';
    return 'unknown';
  }
  // SVG is text: allow a BOM, whitespace, an XML declaration, comments or a doctype before the root element.
  const head = bytes
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  // A doctype may carry an internal subset in brackets (where entity declarations hide), so `>` may occur inside it.
  if (
    /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>\s*)*<svg[\s>]/i.test(head)
  )
    return 'svg';
  return 'unknown';
}
