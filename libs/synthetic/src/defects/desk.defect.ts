import sharp from 'sharp';
import { Rng } from '../prng';
import {
  boundingBox,
  clipBox,
  corners,
  DocumentImage,
  mapRegions,
  pipeline,
  RAW_CHANNELS,
} from './document-image';
import { homography, Point, project } from './homography';

/** Desk surfaces: base colour and grain colour (RGB). */
const SURFACES: ReadonlyArray<{
  base: [number, number, number];
  grain: [number, number, number];
  wood: boolean;
}> = [
  { base: [176, 138, 92], grain: [128, 92, 56], wood: true },
  { base: [108, 74, 52], grain: [70, 46, 32], wood: true },
  { base: [205, 170, 125], grain: [170, 130, 88], wood: true },
  { base: [232, 229, 222], grain: [214, 210, 202], wood: false },
  { base: [140, 143, 146], grain: [120, 122, 126], wood: false },
  { base: [58, 54, 52], grain: [44, 40, 38], wood: false },
];

const FRAME_LONG = 1600;
const FRAME_SHORT = 1200;

export interface DeskOptions {
  /** Document width as a fraction of the frame width (0.3..0.9). */
  scale: number;
  /** In-plane rotation, degrees clockwise. */
  angle: number;
  /** Perspective strength: the far edge is shortened by this fraction (0..0.2). */
  tilt: number;
  seed: number;
}

/**
 * The document photographed lying on a desk: cut out of its scan, shrunk into a 1600×1200 frame, rotated and
 * put in perspective, with a soft shadow, on a wood or laminate texture under uneven light, with sensor noise.
 * This is what a wallet app's camera delivers, as opposed to the flat scans the renderer produces.
 */
export async function deskDefect(image: DocumentImage, options: DeskOptions): Promise<DocumentImage> {
  const rng = new Rng(options.seed);
  const doc = image.regions.document;
  const landscape = doc.width >= doc.height;
  const frameW = landscape ? FRAME_LONG : FRAME_SHORT;
  const frameH = landscape ? FRAME_SHORT : FRAME_LONG;

  let cardW = frameW * Math.min(0.92, Math.max(0.2, options.scale));
  let cardH = (cardW * doc.height) / doc.width;
  if (cardH > frameH * 0.85) {
    cardH = frameH * 0.85;
    cardW = (cardH * doc.width) / doc.height;
  }

  // Cut the document out and pre-shrink it close to its size on the desk so bilinear sampling does not alias.
  const sourceW = Math.min(doc.width, Math.ceil(cardW * 1.1));
  const sourceH = Math.max(1, Math.round((sourceW * doc.height) / doc.width));
  const { data: src } = await pipeline(image)
    .extract({ left: doc.x, top: doc.y, width: doc.width, height: doc.height })
    .resize(sourceW, sourceH, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });

  const quad = destinationQuad(rng, frameW, frameH, cardW, cardH, options);
  const srcCorners: Point[] = [
    [0, 0],
    [sourceW, 0],
    [sourceW, sourceH],
    [0, sourceH],
  ];
  const inverse = homography(quad, srcCorners);

  const desk = await deskTexture(rng, frameW, frameH, quad);
  warpInto(desk, frameW, frameH, src, sourceW, sourceH, inverse, quad, Math.min(sourceW, sourceH) * 0.06);
  lightAndNoise(desk, frameW, frameH, rng);

  const forward = homography(
    corners(doc).map(([x, y]) => [x, y] as Point),
    quad,
  );
  const regions = mapRegions(image.regions, (b) =>
    clipBox(boundingBox(corners(b).map((p) => project(forward, p))), frameW, frameH),
  );
  // No extra blur: the pre-shrink and bilinear sampling already give the softness of a phone camera.
  return { data: desk, width: frameW, height: frameH, regions };
}

function destinationQuad(
  rng: Rng,
  frameW: number,
  frameH: number,
  cardW: number,
  cardH: number,
  o: DeskOptions,
): Point[] {
  const cx = frameW / 2 + rng.float(-0.06, 0.06) * frameW;
  const cy = frameH / 2 + rng.float(-0.06, 0.06) * frameH;
  const hw = cardW / 2;
  const hh = cardH / 2;
  const t = Math.min(0.3, Math.max(0, o.tilt));
  // The edge farther from the camera is shorter; which edge is far varies.
  const far = rng.pick(['top', 'bottom', 'left', 'right'] as const);
  let pts: [number, number][] = [
    [-hw, -hh],
    [hw, -hh],
    [hw, hh],
    [-hw, hh],
  ];
  pts = pts.map(([x, y]) => {
    if (far === 'top' && y < 0) return [x * (1 - t), y * (1 - t * 0.6)];
    if (far === 'bottom' && y > 0) return [x * (1 - t), y * (1 - t * 0.6)];
    if (far === 'left' && x < 0) return [x * (1 - t * 0.6), y * (1 - t)];
    if (far === 'right' && x > 0) return [x * (1 - t * 0.6), y * (1 - t)];
    return [x, y];
  });
  const rad = (o.angle * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  return pts.map(([x, y]) => [cx + x * cos - y * sin, cy + x * sin + y * cos] as Point);
}

/**
 * Wood grain or laminate from smooth value noise, with the document's soft shadow, generated at quarter
 * resolution (both are smooth) and upscaled.
 */
export async function deskTexture(rng: Rng, width: number, height: number, quad: Point[]): Promise<Buffer> {
  const surface = rng.pick(SURFACES);
  const w = Math.ceil(width / 4);
  const h = Math.ceil(height / 4);
  const cell = 40;
  const gw = Math.ceil(w / cell) + 2;
  const gh = Math.ceil(h / cell) + 2;
  const grid = Float32Array.from({ length: gw * gh }, () => rng.next());
  // Wood: fine rings (a period of 5-9 quarter-resolution pixels) bent gently by the smooth noise.
  const grainFreq = rng.float(0.7, 1.25);
  const warp = rng.float(2.5, 5);
  const vertical = rng.chance(0.5);
  const shadow = await shadowMask(rng, quad, w, h, 4);
  const strength = rng.float(0.3, 0.5) / 255;
  const out = Buffer.alloc(w * h * RAW_CHANNELS);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const gx = x / cell;
      const gy = y / cell;
      const ix = Math.floor(gx);
      const iy = Math.floor(gy);
      const fx = gx - ix;
      const fy = gy - iy;
      const a = grid[iy * gw + ix];
      const b = grid[iy * gw + ix + 1];
      const c = grid[(iy + 1) * gw + ix];
      const d = grid[(iy + 1) * gw + ix + 1];
      const noise = a * (1 - fx) * (1 - fy) + b * fx * (1 - fy) + c * (1 - fx) * fy + d * fx * fy;
      let mix: number;
      if (surface.wood) {
        const across = vertical ? x : y;
        const ring =
          0.5 + 0.5 * Math.sin(across * grainFreq + noise * warp + Math.sin((vertical ? y : x) * 0.02) * 1.5);
        mix = ring * ring * ring * 0.55 + noise * 0.45;
      } else {
        mix = noise * 0.6;
      }
      const shade = 1 - shadow[y * w + x] * strength;
      const i = (y * w + x) * RAW_CHANNELS;
      for (let ch = 0; ch < 3; ch++)
        out[i + ch] = (surface.base[ch] + (surface.grain[ch] - surface.base[ch]) * mix) * shade;
    }
  }
  return sharp(out, { raw: { width: w, height: h, channels: RAW_CHANNELS } })
    .resize(width, height, { kernel: 'cubic', fit: 'fill' })
    .raw()
    .toBuffer();
}

/** The document's outline offset away from the light and blurred, at 1/`factor` of the frame's resolution. */
async function shadowMask(rng: Rng, quad: Point[], w: number, h: number, factor: number): Promise<Buffer> {
  const dx = rng.float(0.004, 0.015) * w;
  const dy = rng.float(0.006, 0.02) * w;
  const points = quad
    .map(([x, y]) => `${(x / factor + dx).toFixed(1)},${(y / factor + dy).toFixed(1)}`)
    .join(' ');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="#000"/><polygon points="${points}" fill="#fff"/></svg>`;
  return sharp(Buffer.from(svg))
    .greyscale()
    .blur(Math.max(0.5, w * 0.008))
    .extractChannel(0)
    .raw()
    .toBuffer();
}

/** Inverse-maps every frame pixel inside the quad to the document and samples it bilinearly. */
export function warpInto(
  desk: Buffer,
  width: number,
  height: number,
  src: Buffer,
  srcW: number,
  srcH: number,
  inverse: number[],
  quad: Point[],
  cornerRadius: number,
): void {
  const box = clipBox(boundingBox(quad), width, height);
  if (!box) return;
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = inverse;
  const r2 = cornerRadius * cornerRadius;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const w = h6 * px + h7 * py + h8;
      const u = (h0 * px + h1 * py + h2) / w - 0.5;
      const v = (h3 * px + h4 * py + h5) / w - 0.5;
      if (u < 0 || v < 0 || u > srcW - 1 || v > srcH - 1) continue;
      // Rounded card corners.
      const cxr =
        u < cornerRadius ? cornerRadius - u : u > srcW - 1 - cornerRadius ? u - (srcW - 1 - cornerRadius) : 0;
      const cyr =
        v < cornerRadius ? cornerRadius - v : v > srcH - 1 - cornerRadius ? v - (srcH - 1 - cornerRadius) : 0;
      if (cxr > 0 && cyr > 0 && cxr * cxr + cyr * cyr > r2) continue;
      const iu = Math.floor(u);
      const iv = Math.floor(v);
      const fu = u - iu;
      const fv = v - iv;
      const i00 = (iv * srcW + iu) * RAW_CHANNELS;
      const i10 = i00 + (iu + 1 < srcW ? RAW_CHANNELS : 0);
      const i01 = i00 + (iv + 1 < srcH ? srcW * RAW_CHANNELS : 0);
      const i11 = i01 + (iu + 1 < srcW ? RAW_CHANNELS : 0);
      const o = (y * width + x) * RAW_CHANNELS;
      for (let ch = 0; ch < 3; ch++) {
        const top = src[i00 + ch] + (src[i10 + ch] - src[i00 + ch]) * fu;
        const bottom = src[i01 + ch] + (src[i11 + ch] - src[i01 + ch]) * fu;
        desk[o + ch] = top + (bottom - top) * fv;
      }
    }
  }
}

/**
 * Uneven room light (a gradient plus vignetting) and per-pixel sensor noise, of `noiseLevel` grey levels when
 * given (the draw is made either way, so the desk defect's stream is unchanged).
 */
export function lightAndNoise(
  frame: Buffer,
  width: number,
  height: number,
  rng: Rng,
  noiseLevel?: number,
): void {
  const gx = rng.float(-0.12, 0.12);
  const gy = rng.float(-0.12, 0.12);
  const vignette = rng.float(0.08, 0.22);
  const exposure = rng.float(0.92, 1.06);
  const drawnNoise = rng.float(2, 5);
  const noise = noiseLevel ?? drawnNoise;
  const cx = width / 2;
  const cy = height / 2;
  const norm = 1 / (cx * cx + cy * cy);
  // light(x, y) = rowTerm(y) + columnTerm(x): precomputing both keeps the per-pixel work to an add.
  const columnTerm = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const dx = x - cx;
    columnTerm[x] = exposure * (gx * ((x - cx) / width) * 2 - vignette * dx * dx * norm);
  }
  let state = rng.int(1, 0x7fffffff);
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    const rowTerm = exposure * (1 + gy * ((y - cy) / height) * 2 - vignette * dy * dy * norm);
    let i = y * width * RAW_CHANNELS;
    for (let x = 0; x < width; x++, i += RAW_CHANNELS) {
      const light = rowTerm + columnTerm[x];
      // xorshift: a per-pixel PRNG much cheaper than mulberry32, deterministic from the seeded state.
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const grain = ((state >>> 0) / 4294967296 - 0.5) * 2 * noise;
      const r = frame[i] * light + grain;
      const g = frame[i + 1] * light + grain;
      const b = frame[i + 2] * light + grain;
      frame[i] = r < 0 ? 0 : r > 255 ? 255 : r;
      frame[i + 1] = g < 0 ? 0 : g > 255 ? 255 : g;
      frame[i + 2] = b < 0 ? 0 : b > 255 ? 255 : b;
    }
  }
}
