import type { GreyImage } from './grey-image';
import { textLineAngle } from './text-angle';

/**
 * A page of print: light paper with dark "words" (runs of glyph-sized blocks) on lines, the whole turned
 * clockwise by `degrees` about the centre, with a shadow darkening its right half (a shadow is no print).
 */
function printedPage(degrees: number, width = 900, height = 600): GreyImage {
  const data = new Uint8Array(width * height);
  const t = (degrees * Math.PI) / 180;
  const [c, s] = [Math.cos(t), Math.sin(t)];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      // The point on the unturned page that lands here.
      const dx = x - width / 2;
      const dy = y - height / 2;
      const u = dx * c + dy * s + width / 2;
      const v = -dx * s + dy * c + height / 2;
      const line = Math.floor(v / 40);
      const inLine = v - line * 40;
      const glyph = Math.floor(u / 14);
      const word = Math.floor(u / 140) + line;
      const ink =
        line >= 2 &&
        line <= 12 &&
        inLine >= 8 &&
        inLine < 24 &&
        u > 60 &&
        u < 840 &&
        glyph % 2 === 0 &&
        word % 3 !== 2;
      const paper = x > width / 2 ? 150 : 225;
      data[y * width + x] = ink ? 40 : paper;
    }
  return { data, width, height };
}

describe('the angle of a page’s lines of print', () => {
  it('is found within half a degree for a page rolled either way, under a shadow', () => {
    for (const degrees of [-18, -7, 4, 12])
      expect([degrees, Math.abs(textLineAngle(printedPage(degrees)) - degrees) <= 0.5]).toEqual([
        degrees,
        true,
      ]);
  });

  it('is 0 for an upright page, and for a page with no lines of print', () => {
    expect(textLineAngle(printedPage(0))).toBe(0);
    const blank = { data: new Uint8Array(400 * 300).fill(200), width: 400, height: 300 };
    expect(textLineAngle(blank)).toBe(0);
    // Scattered dots (noise, a guilloche's specks) make no lines.
    const specks = new Uint8Array(400 * 300).fill(200);
    // mulberry32: an LCG's points would lie on lines of their own.
    let seed = 7;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
      return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
    };
    for (let i = 0; i < 3000; i++) specks[Math.floor(random() * specks.length)] = 30;
    expect(textLineAngle({ data: specks, width: 400, height: 300 })).toBe(0);
  });

  it('measures only the region it is given', () => {
    const page = printedPage(9);
    expect(
      Math.abs(textLineAngle(page, { x: 0.1, y: 0.1, width: 0.8, height: 0.8 }) - 9),
    ).toBeLessThanOrEqual(0.5);
  });
});
