/**
 * Lossless metadata removal for the two formats phones and scanners send most: the compressed image data is copied
 * byte for byte, and only what can carry personal data beside the picture (EXIF with GPS and device, XMP, comments,
 * text chunks, embedded thumbnails, trailing bytes after the image) is left out. Re-encoding did the same job at
 * 4–5× the CPU, grew a phone's JPEG by half at quality 95 and added a generation of compression loss.
 *
 * Pure functions over bytes. Each returns null when the file's structure is not what it should be; the caller then
 * falls back to decoding and re-encoding, which also turns damage into a clear refusal.
 */

/** JPEG segments kept: frame, tables, restart interval, JFIF (APP0), ICC profile (APP2), Adobe colour transform (APP14). */
function keepJpegSegment(marker: number, body: Buffer): boolean {
  if (marker === 0xe0) return true;
  if (marker === 0xe2) return body.subarray(0, 12).toString('latin1') === 'ICC_PROFILE\0';
  if (marker === 0xee) return body.subarray(0, 5).toString('latin1') === 'Adobe';
  if (marker >= 0xe0 && marker <= 0xef) return false; // other APPn: EXIF, XMP, maker notes, Photoshop IRB…
  if (marker === 0xfe) return false; // COM
  return true; // SOFn, DHT, DQT, DRI, DNL, DAC, EXP, SOS…
}

/** A baseline or progressive JPEG without its metadata segments, ending at its EOI marker; null if malformed. */
export function stripJpeg(bytes: Buffer): Buffer | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const parts: Buffer[] = [bytes.subarray(0, 2)];
  let i = 2;
  let scanned = false;
  while (i + 1 < bytes.length) {
    if (bytes[i] !== 0xff) return null; // between segments only markers may stand
    const marker = bytes[i + 1];
    if (marker === 0xff) {
      i++; // fill byte before a marker
      continue;
    }
    if (marker === 0xd9) {
      parts.push(bytes.subarray(i, i + 2)); // EOI: whatever follows (a polyglot's payload) is dropped
      return scanned ? Buffer.concat(parts) : null;
    }
    if (i + 4 > bytes.length) return null;
    const length = bytes.readUInt16BE(i + 2);
    const end = i + 2 + length;
    if (length < 2 || end > bytes.length) return null;
    if (keepJpegSegment(marker, bytes.subarray(i + 4, end))) parts.push(bytes.subarray(i, end));
    i = end;
    if (marker === 0xda) {
      // The scan's entropy-coded data follows its SOS header, copied as it is up to the next real marker.
      scanned = true;
      const dataEnd = endOfEntropyData(bytes, i);
      parts.push(bytes.subarray(i, dataEnd));
      i = dataEnd;
    }
  }
  return null; // no EOI: truncated
}

/**
 * Where entropy-coded data starting at `from` ends: at the first 0xFF that is neither a stuffed 0xFF00, a restart
 * marker (0xFFD0–D7) nor a fill byte before a marker. The data may itself begin with 0xFF00.
 */
function endOfEntropyData(bytes: Buffer, from: number): number {
  let i = from;
  while (i + 1 < bytes.length) {
    if (bytes[i] === 0xff) {
      const next = bytes[i + 1];
      if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) return i;
    }
    i++;
  }
  return bytes.length;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Chunks that change how the pixels look; every other ancillary chunk (text, eXIf, tIME, APNG frames…) goes. */
const PNG_KEPT = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'sBIT',
  'pHYs',
]);

/** A PNG with only the chunks that define its pixels, ending at IEND; null if malformed. */
export function stripPng(bytes: Buffer): Buffer | null {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  const parts: Buffer[] = [PNG_SIGNATURE];
  let i = 8;
  let first = true;
  while (i + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(i);
    const type = bytes.subarray(i + 4, i + 8).toString('latin1');
    const end = i + 12 + length;
    if (end > bytes.length || !/^[A-Za-z]{4}$/.test(type)) return null;
    if (first && type !== 'IHDR') return null;
    first = false;
    if (PNG_KEPT.has(type)) parts.push(bytes.subarray(i, end));
    if (type === 'IEND') return Buffer.concat(parts);
    i = end;
  }
  return null; // no IEND: truncated
}
