import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import sharp from 'sharp';
import type { GreyImage } from './grey-image';
import { decodeCtc, HanLineRecogniser } from './han-line.recogniser';
import { OcrEngine } from './ocr.engine';
import { OcrErrorCode } from './ocr.error';

/** One line of text printed in `font` on a pale card background, as a grey raster with a little margin. */
async function printedLine(text: string, font: string, size = 40): Promise<GreyImage> {
  const width = Math.ceil([...text].length * size * 1.05 + size);
  const height = Math.ceil(size * 1.5);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="#efe8d8"/>` +
    `<text x="${size / 2}" y="${size * 1.1}" font-family="${font}" font-size="${size}" fill="#202020">${text}</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

describe('HanLineRecogniser (PP-OCRv4 on onnxruntime-node)', () => {
  const recogniser = new HanLineRecogniser();
  beforeAll(() => recogniser.warmUp());
  afterAll(() => recogniser.release());

  it.each([
    ['王小明', 'Noto Serif CJK SC'],
    ['沈阳市公安局和平分局', 'AR PL UKai CN'],
    ['北京市海淀区胜利街110号', 'WenQuanYi Zen Hei'],
    ['陳大文', 'Noto Sans CJK TC'],
    ['2015.01.01-长期', 'Noto Sans CJK SC'],
  ])('reads %s printed in %s exactly, surely', async (text, font) => {
    const read = await recogniser.recognise(await printedLine(text, font));
    expect(read.text).toBe(text);
    expect(read.confidence).toBeGreaterThan(0.8);
    expect(read.weakest).toBeGreaterThan(0.3);
    expect(read.ms).toBeGreaterThan(0);
  });

  it('reads only the characters it is given, when given some (an MRZ line is never read as Han or symbols)', async () => {
    const line = await printedLine('2015.01.01-长期', 'Noto Sans CJK SC');
    expect((await recogniser.recognise(line)).text).toBe('2015.01.01-长期');
    const digits = await recogniser.recognise(line, '0123456789');
    expect(digits.text).toMatch(/^[0-9]+$/);
    expect(digits.text).toContain('2015');
  });

  it('reads nothing on a blank crop, with no confidence', async () => {
    const blank = { data: new Uint8Array(200 * 48).fill(235), width: 200, height: 48 };
    expect(await recogniser.recognise(blank)).toMatchObject({ text: '', confidence: 0, weakest: 0 });
  });

  it('reads concurrent calls each on its own line, on one thread', async () => {
    const lines = await Promise.all(['张伟', '李娜', '刘洋'].map((t) => printedLine(t, 'Noto Sans CJK SC')));
    const reads = await Promise.all(lines.map((l) => recogniser.recognise(l)));
    expect(reads.map((r) => r.text)).toEqual(['张伟', '李娜', '刘洋']);
    expect(recogniser.stats).toMatchObject({ live: 1, started: 1, replaced: 0 });
  });
});

describe('HanLineRecogniser failures', () => {
  it('refuses to load without its model, naming the file', async () => {
    const missing = new HanLineRecogniser({ modelPath: '/nonexistent/rec.onnx' });
    await expect(missing.warmUp()).rejects.toMatchObject({
      code: OcrErrorCode.WORKER_INIT_FAILED,
      message: expect.stringContaining('/nonexistent/rec.onnx'),
    });
    await missing.release();
  });

  it('refuses a dictionary that does not fit the model', async () => {
    const short = path.join(os.tmpdir(), `han-keys-${process.pid}.txt`);
    fs.writeFileSync(short, '王\n小\n明\n');
    const mismatched = new HanLineRecogniser({ dictionaryPath: short });
    await expect(mismatched.warmUp()).rejects.toMatchObject({
      code: OcrErrorCode.WORKER_INIT_FAILED,
      message: expect.stringContaining('6625 classes, its dictionary 5'),
    });
    await mismatched.release();
    fs.rmSync(short);
  });

  it('gives up on a line past its time limit, replaces its thread, and rejects every call once released', async () => {
    const hasty = new HanLineRecogniser({ timeoutMs: 1 });
    await hasty.warmUp();
    const wide = await printedLine('广东省深圳市南山区科技园路一百二十号'.repeat(3), 'Noto Sans CJK SC');
    await expect(hasty.recognise(wide)).rejects.toMatchObject({ code: OcrErrorCode.JOB_TIMEOUT });
    expect(hasty.stats).toMatchObject({ live: 0, replaced: 1 });
    await hasty.release();
    await expect(hasty.recognise(wide)).rejects.toMatchObject({ code: OcrErrorCode.ENGINE_TERMINATED });
  });
});

describe('decodeCtc', () => {
  const alphabet = ['', '王', '小', '明', ' '];
  /** The most probable class of each step, each with probability `p`. */
  const steps = (classes: number[], p = 0.9) => ({
    best: Int32Array.from(classes),
    probability: new Float32Array(classes.length).fill(p),
  });

  it('merges repeated steps, drops blanks, and keeps a doubled character split by a blank', () => {
    expect(decodeCtc(steps([0, 1, 1, 0, 2, 0, 2, 3, 3, 0]), alphabet).text).toBe('王小小明');
  });

  it('gives the mean and the least probability of the characters read', () => {
    const line = steps([1, 2, 3]);
    line.probability[2] = 0.5;
    const read = decodeCtc(line, alphabet);
    expect(read.confidence).toBeCloseTo((0.9 + 0.9 + 0.5) / 3, 5);
    expect(read.weakest).toBeCloseTo(0.5, 5);
  });

  it('trims the trained space at either end', () => {
    expect(decodeCtc(steps([4, 1, 0, 4]), alphabet).text).toBe('王');
  });
});

describe('OcrEngine.readHanLine', () => {
  const engine = new OcrEngine({ mrzWorkers: 1 });
  afterAll(() => engine.terminate());

  it('reads the line a box points at on a larger raster', async () => {
    const label = await printedLine('姓名', 'AR PL UKai CN', 28);
    const name = await printedLine('廖婷欣', 'Noto Serif CJK SC', 40);
    const width = 80 + name.width;
    const height = name.height;
    const card = new Uint8Array(width * height).fill(232);
    for (let y = 0; y < label.height; y++)
      card.set(label.data.subarray(y * label.width, (y + 1) * label.width), y * width);
    for (let y = 0; y < name.height; y++)
      card.set(name.data.subarray(y * name.width, (y + 1) * name.width), y * width + 80);
    const read = await engine.readHanLine(
      { data: card, width, height },
      { x: 80 / width, y: 0, width: name.width / width, height: 1 },
    );
    expect(read.text).toBe('廖婷欣');
  });

  it('rejects with a load failure when the model is not where it is told to be', async () => {
    const broken = new OcrEngine({ mrzWorkers: 1, hanLineModel: { modelPath: '/nonexistent/rec.onnx' } });
    const line = await printedLine('王小明', 'Noto Sans CJK SC');
    await expect(broken.readHanLine(line, { x: 0, y: 0, width: 1, height: 1 })).rejects.toMatchObject({
      code: OcrErrorCode.WORKER_INIT_FAILED,
    });
    await broken.terminate();
  });
});
