import sharp, { Sharp } from 'sharp';

/** A named transformation of a specimen, with the verdict a good quality gate should give. */
export interface Degradation {
  name: string;
  /** `fail`: must be rejected before OCR. `pass`: must not get severity `fail`. */
  expect: 'fail' | 'pass';
  /** The issue code expected to fire (for `fail` cases). */
  code?: string;
  apply(bytes: Buffer): Promise<Buffer>;
}

const png = (pipeline: Sharp) => pipeline.png({ compressionLevel: 1 }).toBuffer();

/** Upright RGB copy: every degradation starts from what the person actually photographed. */
const upright = (bytes: Buffer) => sharp(bytes).rotate().flatten({ background: '#ffffff' }).removeAlpha();

/**
 * A soft-edged saturated ellipse over the bottom band, where every ICAO layout puts the MRZ: a flash reflection
 * wiping out the line that must be read. Kept off the image border, like a reflection on a card in the hand.
 */
async function glareEllipse(bytes: Buffer): Promise<Buffer> {
  const { width = 0, height = 0 } = await upright(bytes)
    .toBuffer({ resolveWithObject: true })
    .then((r) => r.info);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><radialGradient id="g"><stop offset="0.6" stop-color="#fff" stop-opacity="1"/>
    <stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs>
    <ellipse cx="${width * 0.5}" cy="${height * 0.84}" rx="${width * 0.42}" ry="${height * 0.13}" fill="url(#g)"/></svg>`;
  return png(upright(bytes).composite([{ input: Buffer.from(svg) }]));
}

/** The "should fail" set of the brief plus the mild changes that must not fail. */
export const DEGRADATIONS: Degradation[] = [
  { name: 'blur σ4', expect: 'fail', code: 'IMAGE_BLURRED', apply: (b) => png(upright(b).blur(4)) },
  { name: 'blur σ6', expect: 'fail', code: 'IMAGE_BLURRED', apply: (b) => png(upright(b).blur(6)) },
  {
    name: 'dark ×0.15',
    expect: 'fail',
    code: 'IMAGE_TOO_DARK',
    apply: (b) => png(upright(b).linear(0.15, 0)),
  },
  { name: 'blown ×3', expect: 'fail', code: 'IMAGE_TOO_BRIGHT', apply: (b) => png(upright(b).linear(3, 0)) },
  { name: 'glare on MRZ', expect: 'fail', code: 'IMAGE_GLARE', apply: glareEllipse },
  {
    name: '150 px wide',
    expect: 'fail',
    code: 'IMAGE_LOW_RESOLUTION',
    apply: (b) => png(upright(b).resize({ width: 150 })),
  },
  {
    name: 'bottom third cut',
    expect: 'fail',
    code: 'DOCUMENT_CUT_OFF',
    apply: async (b) => {
      const { info } = await upright(b).toBuffer({ resolveWithObject: true });
      return png(
        upright(b).extract({ left: 0, top: 0, width: info.width, height: Math.round((info.height * 2) / 3) }),
      );
    },
  },
  { name: 'blur σ1', expect: 'pass', apply: (b) => png(upright(b).blur(1)) },
  { name: 'jpeg q40', expect: 'pass', apply: (b) => upright(b).jpeg({ quality: 40 }).toBuffer() },
  { name: 'rotate 3°', expect: 'pass', apply: (b) => png(upright(b).rotate(3, { background: '#ffffff' })) },
];
