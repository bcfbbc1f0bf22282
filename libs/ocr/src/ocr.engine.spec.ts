import * as fs from 'fs';
import * as path from 'path';
import sharp from 'sharp';
import { OcrEngine } from './ocr.engine';

const corpus = process.env.IDV_CORPUS_DIR ?? path.resolve(__dirname, '../../../../shared/corpus');
const specimens = path.join(corpus, 'specimens');
const haveCorpus = fs.existsSync(path.join(specimens, 'manifest.json'));
if (!haveCorpus) console.log(`[ocr] specimen corpus not found at ${corpus}: specimen cases skipped`);
const withCorpus = haveCorpus ? it : it.skip;

interface Spec {
  file: string;
  ground_truth: { mrz_lines: string[] };
}
const manifest: Spec[] = haveCorpus
  ? JSON.parse(fs.readFileSync(path.join(specimens, 'manifest.json'), 'utf8'))
  : [];
const specimen = (file: string) => ({
  image: fs.readFileSync(path.join(specimens, file)),
  lines: manifest.find((s) => s.file === file)!.ground_truth.mrz_lines,
});

describe('OcrEngine (real tesseract.js workers)', () => {
  const engine = new OcrEngine({ mrzWorkers: 1 });

  beforeAll(() => engine.warmUp());
  afterAll(() => engine.terminate());

  withCorpus('reads the MRZ of a clean passport specimen exactly, with valid check digits', async () => {
    const { image, lines } = specimen('uto-passport-pe.jpg');
    const read = await engine.readMrz(image);
    expect(read).toMatchObject({ found: true, valid: true, format: 'TD3', rotation: 0 });
    expect(read.lines).toEqual(lines);
    // The band is where the MRZ is printed: the lower part of the page.
    expect(read.band!.y).toBeGreaterThan(0.6);
  });

  withCorpus.each([90, 180, 270])('reads a specimen turned by %i° and reports the turn', async (angle) => {
    const { image, lines } = specimen('srb-idcard-arg.png');
    const turned = await sharp(image).rotate(angle).png().toBuffer();
    const read = await engine.readMrz(turned);
    expect(read.valid).toBe(true);
    expect(read.lines).toEqual(lines);
    expect(read.rotation).toBe(angle);
  });

  withCorpus('reads a low-resolution ID card (282 px wide)', async () => {
    const { image, lines } = specimen('che-idcard-pe.jpg');
    const read = await engine.readMrz(image);
    expect(read.valid).toBe(true);
    expect(read.lines).toEqual(lines);
  });

  withCorpus('finds no MRZ on a payment card, quickly', async () => {
    const read = await engine.readMrz(specimen('no-mrz-payment-card-fastmrz.jpg').image);
    expect(read.found).toBe(false);
    expect(read.valid).toBe(false);
    expect(read.ms).toBeLessThan(3000);
  });

  it('finds no MRZ band on a blank image without running OCR', async () => {
    const blank = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#f4f1ea' } })
      .png()
      .toBuffer();
    const read = await engine.readMrz(blank);
    expect(read).toMatchObject({ found: false, failure: 'NO_MRZ_BAND', attempts: 0 });
  });

  withCorpus('reads a page turned by 90° from its vertical band first, in one pass', async () => {
    const { image, lines } = specimen('lva-traveldoc-rotated-pe.jpg');
    const read = await engine.readMrz(image);
    expect(read).toMatchObject({ valid: true, lines, attempts: 1 });
    expect([90, 270]).toContain(read.rotation);
  });

  withCorpus('returns a failure for corrupt input and keeps working afterwards', async () => {
    const corrupt = await engine.readMrz(Buffer.from('this is not an image at all'));
    expect(corrupt).toMatchObject({ found: false, failure: 'IMAGE_UNREADABLE' });
    const truncated = specimen('uto-passport-pe.jpg').image.subarray(0, 2000);
    expect((await engine.readMrz(truncated)).found).toBe(false);

    const { image, lines } = specimen('uto-td2-pe.jpg');
    const read = await engine.readMrz(image);
    expect(read.valid).toBe(true);
    expect(read.lines).toEqual(lines);
  });

  withCorpus('reads the visual zone as text blocks with confidences', async () => {
    const read = await engine.readVisualZone(specimen('uto-passport-pe.jpg').image, {
      region: { x: 0, y: 0, width: 1, height: 0.75 },
    });
    expect(read.failure).toBeUndefined();
    expect(read.text).toMatch(/ERIKSSON/);
    const block = read.blocks.find((b) => /ERIKSSON/.test(b.text))!;
    expect(block.confidence).toBeGreaterThan(0.5);
    expect(block.box.y).toBeLessThan(0.75);

    // The cheaper pass that only tells what kind of document it is still reads the title.
    const captions = await engine.readVisualZone(specimen('uto-passport-pe.jpg').image, {
      detail: 'captions',
    });
    expect(captions.text).toMatch(/PASSPORT/i);
  });
});

describe('OcrEngine worker lifecycle', () => {
  withCorpus('recycles a worker after its job quota and keeps reading', async () => {
    const engine = new OcrEngine({ mrzWorkers: 1, maxJobsPerWorker: 2 });
    try {
      const { image, lines } = specimen('uto-passport-pe.jpg');
      for (let i = 0; i < 3; i++) {
        const read = await engine.readMrz(image);
        expect(read.lines).toEqual(lines);
      }
      expect(engine.workers.mrz.recycled).toBeGreaterThanOrEqual(1);
      expect(engine.workers.mrz.started).toBeGreaterThanOrEqual(2);
    } finally {
      await engine.terminate();
    }
  });

  withCorpus('reports a missing model as an OCR failure instead of crashing or hanging', async () => {
    const engine = new OcrEngine({
      mrzModel: { kind: 'lstm', dir: path.join(__dirname, 'no-such-dir'), lang: 'mrz' },
      initTimeoutMs: 3000,
    });
    try {
      const read = await engine.readMrz(specimen('uto-passport-pe.jpg').image);
      expect(read).toMatchObject({ found: false, failure: 'OCR_FAILED' });
      await expect(engine.warmUp()).rejects.toMatchObject({ code: 'OCR_WORKER_INIT_FAILED' });
    } finally {
      await engine.terminate();
    }
  });

  it('rejects work after terminate', async () => {
    const engine = new OcrEngine();
    await engine.terminate();
    const blank = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    // No band, so no worker is needed: still a clean result, not an exception.
    expect((await engine.readMrz(blank)).found).toBe(false);
    await expect(engine.warmUp()).rejects.toMatchObject({ code: 'OCR_ENGINE_TERMINATED' });
  });
});
