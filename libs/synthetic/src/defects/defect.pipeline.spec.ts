import { createHash } from 'node:crypto';
import { planCase } from '../case.generator';
import { renderBackground } from '../guilloche.pattern';
import { Box, Defect } from '../sample.model';
import { grey, inkShare, laplacianVariance, meanOf } from '../synthetic.fixture';
import { applyDefect, applyDefects } from './defect.pipeline';
import { DocumentImage, encodeImage, rasterize } from './document-image';

let base: DocumentImage;
let baseGrey: Awaited<ReturnType<typeof grey>>;

/** Applies a defect and returns the result with its greyscale pixels. */
async function apply(defect: Defect | Defect[]) {
  const image = Array.isArray(defect) ? await applyDefects(base, defect) : await applyDefect(base, defect);
  const encoded = await encodeImage(image);
  return { image, encoded, g: await grey(encoded.bytes) };
}

beforeAll(async () => {
  const plan = planCase(11, { scenario: 'clean', documentType: 'passport' });
  const side = plan.sides.front;
  base = await rasterize(renderBackground(side.background), side.width, side.height, side.svg, side.regions);
  baseGrey = await grey((await encodeImage(base)).bytes);
});

describe('defects', () => {
  it('the clean page has MRZ ink where its region says', () => {
    expect(inkShare(baseGrey, base.regions.mrz!)).toBeGreaterThan(0.08);
    expect(inkShare(baseGrey, { x: 0, y: 0, width: base.width, height: 20 })).toBeLessThan(0.01);
  });

  it('blur lowers the sharpness measure, strongly for a severe sigma', async () => {
    const sharpness = laplacianVariance(baseGrey);
    const mild = laplacianVariance((await apply({ kind: 'blur', sigma: 1 })).g);
    const severe = laplacianVariance((await apply({ kind: 'blur', sigma: 5 })).g);
    expect(mild).toBeLessThan(sharpness * 0.6);
    expect(severe).toBeLessThan(sharpness * 0.05);
  });

  it('darkness lowers and over-exposure raises mean brightness, the latter fading the MRZ ink', async () => {
    const mean = meanOf(baseGrey);
    const dark = await apply({ kind: 'dark', factor: 0.1 });
    const bright = await apply({ kind: 'bright', factor: 5 });
    expect(meanOf(dark.g)).toBeLessThan(Math.min(40, mean * 0.2));
    expect(meanOf(bright.g)).toBeGreaterThan(240);
    expect(inkShare(bright.g, base.regions.mrz!, 150)).toBeLessThan(0.005);
    expect(inkShare(bright.g, base.regions.mrz!, 235)).toBeGreaterThan(0.05);
  });

  it('low resolution downscales to the width asked and scales the regions along', async () => {
    const { image, g } = await apply({ kind: 'lowres', width: 180 });
    expect(g.width).toBe(180);
    expect(image.regions.mrz!.width).toBeCloseTo((base.regions.mrz!.width * 180) / base.width, -1);
  });

  it('JPEG compression is written as JPEG, smaller at lower quality, with artefacts', async () => {
    const q80 = await apply({ kind: 'jpeg', quality: 80 });
    const q20 = await apply({ kind: 'jpeg', quality: 20 });
    expect(q80.encoded.format).toBe('jpeg');
    expect(q20.encoded.bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(q20.encoded.bytes.length).toBeLessThan(q80.encoded.bytes.length);
    let diff = 0;
    for (let i = 0; i < baseGrey.data.length; i++) diff += Math.abs(baseGrey.data[i] - q20.g.data[i]);
    expect(diff / baseGrey.data.length).toBeGreaterThan(1);
    // A later pixel change drops the JPEG bytes: the file is what the pixels are.
    expect((await encodeImage(await applyDefect(q20.image, { kind: 'blur', sigma: 1 }))).format).toBe('png');
  });

  it.each([90, 180, 270])(
    'a %i° turn swaps or keeps the sides and carries the MRZ region along',
    async (angle) => {
      const { image, g } = await apply({ kind: 'rotate', angle });
      expect([g.width, g.height]).toEqual(
        angle === 180 ? [base.width, base.height] : [base.height, base.width],
      );
      expect(inkShare(g, image.regions.mrz!)).toBeCloseTo(inkShare(baseGrey, base.regions.mrz!), 2);
    },
  );

  it('a small rotation enlarges the canvas and keeps the MRZ inside its mapped region', async () => {
    const { image, g } = await apply({ kind: 'rotate', angle: 4 });
    expect(g.width).toBeGreaterThan(base.width);
    expect(g.height).toBeGreaterThan(base.height);
    const mrz = image.regions.mrz!;
    expect(inkShare(g, mrz)).toBeGreaterThan(0.04);
    expect(inkShare(g, { x: 0, y: mrz.y - 60, width: g.width, height: 40 })).toBeLessThan(
      inkShare(g, mrz) / 2,
    );
  });

  it('cropping at the MRZ removes the MRZ band; cropping an edge removes that share of the image', async () => {
    const { image, g } = await apply({ kind: 'crop', edge: 'mrz', fraction: 1 });
    expect(image.regions.mrz).toBeUndefined();
    expect(g.height).toBeLessThanOrEqual(base.regions.mrz!.y);
    const bottom: Box = { x: 0, y: g.height - 60, width: g.width, height: 60 };
    expect(inkShare(g, bottom)).toBeLessThan(0.02);
    const half = await apply({ kind: 'crop', edge: 'mrz', fraction: 0.5 });
    expect(half.image.regions.mrz!.height).toBeLessThan(base.regions.mrz!.height * 0.6);
    const left = await apply({ kind: 'crop', edge: 'left', fraction: 0.2 });
    expect(left.g.width).toBe(base.width - Math.round(base.width * 0.2));
  });

  it('glare over the MRZ saturates it and leaves the top of the page alone', async () => {
    const { g } = await apply({ kind: 'glare', region: 'mrz', intensity: 1, size: 1.3, seed: 3 });
    const mrz = base.regions.mrz!;
    expect(meanOf(g, mrz)).toBeGreaterThan(meanOf(baseGrey, mrz) + 30);
    expect(inkShare(g, mrz)).toBeLessThan(inkShare(baseGrey, mrz) * 0.3);
    const top: Box = { x: 0, y: 0, width: base.width, height: base.regions.photo!.y };
    expect(Math.abs(meanOf(g, top) - meanOf(baseGrey, top))).toBeLessThan(1);
  });

  it('on a desk: the page shrinks into a 1600x1200 photo on a textured surface, deterministically', async () => {
    const defect: Defect = { kind: 'desk', scale: 0.6, angle: 6, tilt: 0.08, seed: 9 };
    const { image, encoded, g } = await apply([defect, { kind: 'jpeg', quality: 85 }]);
    expect([g.width, g.height]).toEqual([1600, 1200]);
    expect(encoded.format).toBe('jpeg');
    const doc = image.regions.document;
    expect(doc.width).toBeGreaterThan(1600 * 0.5);
    expect(doc.width).toBeLessThan(1600 * 0.75);
    expect(inkShare(g, image.regions.mrz!)).toBeGreaterThan(0.04);
    // The corners show the desk, not the scanner bed: textured (varied) rather than flat.
    const corner = { x: 0, y: 0, width: 120, height: 120 };
    const values = new Set<number>();
    for (let y = 0; y < 120; y++) for (let x = 0; x < 120; x++) values.add(g.data[y * g.width + x]);
    expect(values.size).toBeGreaterThan(10);
    expect(meanOf(g, corner)).not.toBeCloseTo(meanOf(baseGrey, corner), 0);
    const again = await apply([defect, { kind: 'jpeg', quality: 85 }]);
    const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(hash(again.encoded.bytes)).toBe(hash(encoded.bytes));
  });
});
