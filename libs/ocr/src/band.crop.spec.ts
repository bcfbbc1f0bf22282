import { evenLight, splitBandLines } from './band.crop';
import type { GreyImage } from './grey-image';

/**
 * A deskewed band: `rows` lines of character-sized blobs 30 px tall, 18 px apart, on a paper whose pattern
 * (every third column a darker grey) leaves no row of the gaps white.
 */
function band(rows: number): GreyImage {
  const width = 600;
  const height = 20 + rows * 48;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data[y * width + x] = x % 3 === 0 ? 150 : 235;
  for (let r = 0; r < rows; r++) {
    const top = 10 + r * 48;
    for (let i = 0; i < 30; i++)
      for (let y = top; y < top + 30; y++) data.fill(60, y * width + 20 + i * 19, y * width + 32 + i * 19);
  }
  return { data, width, height };
}

describe('splitBandLines', () => {
  it('cuts a band into its lines, top to bottom, each with a margin, on a patterned paper', () => {
    const lines = splitBandLines(band(3), 15);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line.width).toBe(600);
      // 30 px of print and a quarter of it above and below, at most.
      expect(line.height).toBeGreaterThanOrEqual(30);
      expect(line.height).toBeLessThanOrEqual(46);
    }
  });

  it('finds nothing on a blank band, and drops marks shorter than a line', () => {
    expect(
      splitBandLines({ data: new Uint8Array(600 * 100).fill(235), width: 600, height: 100 }, 15),
    ).toEqual([]);
    const speck = band(2);
    speck.data.fill(0, 99 * 600, 99 * 600 + 600);
    expect(splitBandLines(speck, 15)).toHaveLength(2);
  });

  it('leaves out rows below the document (a desk as tall as a line), which are no line', () => {
    // Three lines, then the crop runs past the card's edge onto a grey desk 40 px tall: before, the desk took
    // the place of the shortest line and the lines were read one off.
    const lines = band(3);
    const desk = 40;
    const data = new Uint8Array(lines.width * (lines.height + desk));
    data.set(lines.data);
    for (let i = lines.data.length; i < data.length; i++) data[i] = 90 + ((i % lines.width) % 7) * 5;
    // The first line a little shorter than the others (a faint top row), so that it is the one left out.
    data.fill(235, 10 * lines.width, 14 * lines.width);
    const split = splitBandLines({ data, width: lines.width, height: lines.height + desk }, 15);
    expect(split).toHaveLength(3);
    // Each line kept ends on paper (the pattern's darkest grey is 150), none on the desk.
    for (const line of split) expect(Math.min(...line.data.subarray(-lines.width))).toBeGreaterThan(100);
  });
});

describe('evenLight', () => {
  /** A band of vertical strokes (ink 40) on paper lit `left` on its left half and `right` on its right. */
  function band(left: number, right: number): GreyImage {
    const width = 400;
    const height = 60;
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const ink = y >= 20 && y < 40 && x % 20 < 4;
        data[y * width + x] = ink ? 40 : x < width / 2 ? left : right;
      }
    return { data, width, height };
  }
  const at = (img: GreyImage, x: number, y: number) => img.data[y * img.width + x];

  it('lifts a shadowed half of a band to the paper of the lit half, the ink staying dark', () => {
    // A zone half in a shadow: one threshold for the whole band put the shadowed paper on the ink's side.
    const even = evenLight(band(130, 240));
    expect(at(even, 10, 10)).toBeGreaterThan(240);
    expect(at(even, 390, 10)).toBeGreaterThan(240);
    expect(at(even, 2, 30)).toBeLessThan(100);
    expect(at(even, 382, 30)).toBeLessThan(60);
  });

  it('returns a band lit evenly as it is', () => {
    const lit = band(225, 240);
    expect(evenLight(lit)).toBe(lit);
  });
});
