import type { GreyImage } from '@idv/ocr';
import { textDirection } from './text-direction';

/** A page of dashed "text lines" turned by `degrees` (clockwise), optionally transposed (a quarter turn). */
function linesImage(degrees: number, transposed = false): GreyImage {
  const [w, h] = [640, 400];
  const data = new Uint8Array(w * h).fill(235);
  const rad = (degrees * Math.PI) / 180;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      // Coordinates in the page's own frame: rows of 14 px glyph bands every 40 px, words every 60 px.
      const [cx, cy] = [x - w / 2, y - h / 2];
      const u = cx * Math.cos(rad) + cy * Math.sin(rad);
      const v = -cx * Math.sin(rad) + cy * Math.cos(rad);
      const inLine = ((v % 40) + 40) % 40 < 14 && Math.abs(v) < 160;
      const inWord = ((u % 60) + 60) % 60 < 48 && Math.abs(u) < 260;
      if (inLine && inWord) data[y * w + x] = 30;
    }
  if (!transposed) return { data, width: w, height: h };
  const t = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) t[x * h + y] = data[y * w + x];
  return { data: t, width: h, height: w };
}

describe('textDirection', () => {
  it.each([0, 3, -4.5, 6])('finds lines turned by %s° as horizontal with that skew', (deg) => {
    const found = textDirection(linesImage(deg));
    expect(found.vertical).toBe(false);
    expect(Math.abs(found.skew - deg)).toBeLessThanOrEqual(1);
  });

  it('finds lines running down a card photographed a quarter turn round', () => {
    expect(textDirection(linesImage(2, true)).vertical).toBe(true);
  });
});
