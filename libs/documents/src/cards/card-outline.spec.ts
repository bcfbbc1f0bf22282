import sharp from 'sharp';
import type { GreyImage } from '@idv/ocr';
import type { Point } from '@idv/quality';
import { findCardOutline, flattenCard } from './card-outline';

/**
 * A pale card with text-like bars, drawn at `corners` on a desk: dark and striped like wood grain (the stripes
 * turned by `grain` degrees), or pale and plain.
 */
async function photo(
  corners: Point[],
  options: { desk?: 'stripes' | 'pale'; width?: number; grain?: number } = {},
) {
  const [w, h] = [options.width ?? 1200, 900];
  const stripes =
    options.desk === 'pale'
      ? `<rect width="${w}" height="${h}" fill="#d9d6cf"/>`
      : `<rect width="${w}" height="${h}" fill="#6b4a30"/><g transform="rotate(${options.grain ?? 0} ${w / 2} ${h / 2})">` +
        Array.from(
          { length: 120 },
          (_, i) => `<rect x="${-w}" y="${i * 15 - h}" width="${3 * w}" height="6" fill="#4a3220"/>`,
        ).join('') +
        '</g>';
  const pts = corners.map((p) => p.join(',')).join(' ');
  const [x0, y0] = corners[0] ?? [0, 0];
  // The card's content in its own frame, mapped by the browser-free way: an SVG transform can't do perspective,
  // so the content is drawn in the polygon's bounding box; the edges are what the locator measures.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${stripes}
    ${
      corners.length
        ? `<polygon points="${pts}" fill="#f1f3f0"/>
    <rect x="${x0 + 60}" y="${y0 + 60}" width="140" height="30" fill="#222"/>
    <rect x="${x0 + 60}" y="${y0 + 120}" width="220" height="26" fill="#222"/>`
        : ''
    }</svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height } as GreyImage;
}

const near = (found: readonly Point[], expected: readonly Point[], tolerance: number) =>
  expected.every((e) => found.some((f) => Math.hypot(f[0] - e[0], f[1] - e[1]) <= tolerance));

describe('findCardOutline', () => {
  it('finds a turned card lying on a striped desk, long edge first', async () => {
    const corners: Point[] = [
      [250, 230],
      [900, 150],
      [950, 560],
      [300, 640],
    ];
    const outline = findCardOutline(await photo(corners));
    expect(outline).not.toBeNull();
    expect(near(outline!.corners, corners, 8)).toBe(true);
    const [a, b, c] = outline!.corners;
    const first = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const second = Math.hypot(c[0] - b[0], c[1] - b[1]);
    expect(first).toBeGreaterThan(second);
  });

  it('finds a card in perspective on a pale desk', async () => {
    const corners: Point[] = [
      [220, 260],
      [980, 220],
      [1040, 720],
      [160, 700],
    ];
    const outline = findCardOutline(await photo(corners, { desk: 'pale' }));
    expect(outline).not.toBeNull();
    expect(near(outline!.corners, corners, 8)).toBe(true);
  });

  it('finds a card photographed a quarter turn round', async () => {
    const corners: Point[] = [
      [400, 100],
      [740, 110],
      [730, 640],
      [390, 630],
    ];
    // The grain runs at 25° to the card's edges: lines of a perfectly regular pattern exactly along a card's short
    // edges outnumber them (then the reader falls back to the framing check's box).
    const outline = findCardOutline(await photo(corners, { width: 1100, grain: 25 }));
    expect(outline).not.toBeNull();
    expect(near(outline!.corners, corners, 8)).toBe(true);
  });

  it('finds nothing on a desk with no card, and nothing shaped unlike a card', async () => {
    expect(findCardOutline(await photo([]))).toBeNull();
    const strip: Point[] = [
      [100, 400],
      [1100, 400],
      [1100, 480],
      [100, 480],
    ];
    expect(findCardOutline(await photo(strip))).toBeNull();
  });
});

describe('flattenCard', () => {
  it('maps the outline onto a landscape card of ID-1 proportions, the first edge on top unless flipped', () => {
    // A 200×120 image: black left half, white right half; the "card" is the whole image.
    const image: GreyImage = {
      width: 200,
      height: 120,
      data: Uint8Array.from({ length: 200 * 120 }, (_, i) => (i % 200 < 100 ? 0 : 255)),
    };
    const outline = {
      corners: [
        [0, 0],
        [199, 0],
        [199, 119],
        [0, 119],
      ] as [Point, Point, Point, Point],
      support: 1,
    };
    const flat = flattenCard(image, outline, 316, false);
    expect(flat.width).toBe(316);
    expect(flat.height).toBe(199);
    expect(flat.data[100 * 316 + 20]).toBe(0);
    expect(flat.data[100 * 316 + 300]).toBe(255);
    const flipped = flattenCard(image, outline, 316, true);
    expect(flipped.data[100 * 316 + 20]).toBe(255);
  });
});
