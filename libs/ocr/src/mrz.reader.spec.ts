import sharp from 'sharp';
import { mrzFromText, readMrzWith } from './mrz.reader';

/** A page with two rows of character-sized blobs near the bottom, where an MRZ would be. */
async function pageWithBand(): Promise<Buffer> {
  const width = 700;
  const height = 480;
  const pixels = Buffer.alloc(width * height, 250);
  for (const top of [380, 416]) {
    for (let i = 0; i < 44; i++) {
      const left = 20 + i * 15;
      for (let y = top; y < top + 18; y++) pixels.fill(20, y * width + left, y * width + left + 10);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
}

const TD3_TEXT = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';

describe('readMrzWith (recogniser stubbed)', () => {
  it('locates the band, reads it once and reports where it is', async () => {
    const seen: Buffer[] = [];
    const read = await readMrzWith(await pageWithBand(), async (img) => {
      seen.push(img);
      return { text: TD3_TEXT, confidence: 90 };
    });
    expect(read).toMatchObject({ found: true, valid: true, format: 'TD3', rotation: 0, attempts: 1 });
    expect(seen).toHaveLength(1);
    // The band image handed to OCR is a binary PGM, upscaled from the 18 px blobs.
    expect(seen[0].subarray(0, 2).toString()).toBe('P5');
    expect(read.band!.y).toBeGreaterThan(0.7);
    expect(read.band!.y + read.band!.height).toBeLessThanOrEqual(1);
  });

  it('stops at the first OCR failure and says so', async () => {
    let calls = 0;
    const read = await readMrzWith(await pageWithBand(), async () => {
      calls++;
      throw new Error('worker gone');
    });
    expect(read).toMatchObject({ found: false, failure: 'OCR_FAILED', attempts: 1 });
    expect(calls).toBe(1);
  });

  it('gives up after the configured number of passes when nothing reads as an MRZ', async () => {
    const read = await readMrzWith(await pageWithBand(), async () => ({ text: 'SPECIMEN', confidence: 20 }), {
      maxAttempts: 2,
    });
    expect(read).toMatchObject({ found: false, failure: 'MRZ_UNREADABLE', attempts: 2 });
  });
});

describe('mrzFromText', () => {
  it('cleans a whole-page OCR text into the MRZ it holds', () => {
    const page = `PASSPORT  UTOPIA\nERIKSSON ANNA MARIA\n${TD3_TEXT.replace('<<<<<<<<', '<< <<<<< <')}\n`;
    expect(mrzFromText(page)).toMatchObject({ found: true, valid: true, format: 'TD3' });
  });
});
