import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { planCase } from './case.generator';
import { MRZ_FONT_FAMILIES, MRZ_FONTS, requiredDocumentFonts } from './document-fonts';
import { missingFonts } from './font.check';
import { Box } from './sample.model';
import { SyntheticErrorCode } from './synthetic.error';
import { describeCase, generateCase } from './index';

/** The MRZ zone of a side's SVG overlay (text only, no security background) rasterised, and its ink rows. */
async function mrzInk(svg: string, mrz: Box): Promise<{ hash: string; inkRows: number[] }> {
  const { data, info } = await sharp(Buffer.from(svg))
    .ensureAlpha()
    .extract({ left: mrz.x, top: mrz.y, width: mrz.width, height: mrz.height })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const inkRows: number[] = [];
  for (let y = 0; y < info.height; y++) {
    let ink = 0;
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * 4;
      if (data[i + 3] > 128 && data[i] < 100) ink++;
    }
    inkRows.push(ink);
  }
  return { hash: createHash('sha256').update(data).digest('hex'), inkRows };
}

/** Height (px) of the first run of rows with ink: the first MRZ line's capitals. */
function firstLineHeight(inkRows: number[]): number {
  const start = inkRows.findIndex((n) => n > 0);
  let end = start;
  while (end < inkRows.length && inkRows[end] > 0) end++;
  return end - start;
}

describe('MRZ fonts', () => {
  it('offers OCR-B and at least five other faces, monospaced and proportional, all installed', () => {
    const others = MRZ_FONT_FAMILIES.filter((f) => f !== 'OCR B');
    expect(others.length).toBeGreaterThanOrEqual(5);
    expect(others.some((f) => MRZ_FONTS[f].monospace)).toBe(true);
    expect(others.some((f) => !MRZ_FONTS[f].monospace)).toBe(true);
    // .ci/run installs these packages; a missing one would make librsvg print a fallback face.
    expect(missingFonts(requiredDocumentFonts())).toEqual([]);
  });

  it('refuses a face it does not know, naming the ones it does', async () => {
    expect(() => describeCase(1, { mrzFont: 'Comic Sans MS' })).toThrow(
      expect.objectContaining({
        code: SyntheticErrorCode.INVALID_OPTIONS,
        message: expect.stringMatching(
          /^mrzFont must be one of "OCR B", "DejaVu Sans Mono", .*"Comic Sans MS"$/,
        ),
      }),
    );
    await expect(generateCase(1, { pageFont: 'Papyrus' })).rejects.toMatchObject({
      code: SyntheticErrorCode.INVALID_OPTIONS,
    });
  });

  it('renders the MRZ in the face asked for, not a fallback, at ICAO character height', async () => {
    // fontconfig's substitute for a family it does not have: a face rendered identically to its own
    // "missing family" rendering is that substitute, whatever name it was asked for.
    const fallback = execFileSync('fc-match', ['-f', '%{family[0]}', 'No Such Font Family'], {
      encoding: 'utf8',
    });
    const hashes = new Set<string>();
    const capHeights: Record<string, number> = {};
    for (const family of MRZ_FONT_FAMILIES) {
      const plan = planCase(11, { scenario: 'clean', documentType: 'passport', mrzFont: family });
      const { svg, regions } = plan.sides.front;
      expect(svg).toContain(`font-family="${MRZ_FONTS[family].family}"`);
      const asked = await mrzInk(svg, regions.mrz!);
      const missing = await mrzInk(
        svg.replace(`font-family="${MRZ_FONTS[family].family}"`, 'font-family="No Such Font Family"'),
        regions.mrz!,
      );
      if (family === fallback) expect(asked.hash).toBe(missing.hash);
      else
        expect({ family, sameAsFallback: asked.hash === missing.hash }).toEqual({
          family,
          sameAsFallback: false,
        });
      hashes.add(asked.hash);
      // 2.48 mm capitals whatever the face (the font size follows each face's capital height).
      const capMm = firstLineHeight(asked.inkRows) / plan.sides.front.background.pxPerMm;
      capHeights[family] = Math.round(capMm * 100) / 100;
    }
    for (const capMm of Object.values(capHeights)) {
      expect(capMm).toBeGreaterThan(2.2);
      expect(capMm).toBeLessThan(2.8);
    }
    expect(hashes.size).toBe(MRZ_FONT_FAMILIES.length);
  });

  it('keeps the primary set on OCR-B unless asked', () => {
    const plan = planCase(11, { scenario: 'clean', documentType: 'passport' });
    expect(plan.sides.front.svg).toContain('font-family="OCR B" font-size="3.45"');
    expect(plan.fonts).toContain('OCR B');
  });
});
