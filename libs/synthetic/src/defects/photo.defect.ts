import sharp from 'sharp';
import { Rng } from '../prng';
import { Box, Defect } from '../sample.model';
import { deskTexture, lightAndNoise, warpInto } from './desk.defect';
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

/** The `photo` defect's parameters (see {@link Defect}). */
export type PhotoOptions = Omit<Extract<Defect, { kind: 'photo' }>, 'kind'>;

const SKIN = ['#e8b99a', '#d39a78', '#b57a57', '#8d5a3b', '#f1c9ae', '#c68863'];

/**
 * The document photographed with a phone: cut out of its scan and projected through a pinhole camera tilted
 * up to 20° (true perspective, not a trapezoid), turned in the image, on a table (whose edge may cross the
 * frame) or held in a hand (fingers behind the far edge, a thumb over the edge next to the portrait, never over
 * the MRZ), under a soft shadow, with uneven light and sensor noise. Regions follow the projection.
 */
export async function photoDefect(image: DocumentImage, o: PhotoOptions): Promise<DocumentImage> {
  const rng = new Rng(o.seed);
  const doc = image.regions.document;
  const landscape = doc.width >= doc.height;
  const long = rng.pick([1600, 1920]);
  const short = Math.round((long * 3) / 4);
  const frameW = landscape ? long : short;
  const frameH = landscape ? short : long;

  const cardW = frameW * Math.min(0.92, Math.max(0.2, o.scale));
  const cardH = (cardW * doc.height) / doc.width;
  const quad = fitInFrame(projectCard(cardW, cardH, o), frameW, frameH, rng);

  const sourceW = Math.min(
    doc.width,
    Math.ceil(Math.max(...quad.map((p) => p[0])) - Math.min(...quad.map((p) => p[0]))) + 40,
  );
  const sourceH = Math.max(1, Math.round((sourceW * doc.height) / doc.width));
  const { data: src } = await pipeline(image)
    .extract({ left: doc.x, top: doc.y, width: doc.width, height: doc.height })
    .resize(sourceW, sourceH, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const srcCorners: Point[] = [
    [0, 0],
    [sourceW, 0],
    [sourceW, sourceH],
    [0, sourceH],
  ];
  const toSource = homography(quad, srcCorners);
  const toFrame = homography(srcCorners, quad);
  const local = (u: number, v: number): Point => project(toFrame, [u * sourceW, v * sourceH]);

  let frame: Buffer;
  if (o.surface === 'hand') {
    frame = await roomBackground(rng, frameW, frameH);
    const fingers = fingersSvg(rng, frameW, local, thumbEdge(image));
    frame = await overlay(frame, frameW, frameH, fingers.svg, fingers.area);
  } else {
    frame = await deskTexture(rng, frameW, frameH, quad);
    if (o.surface === 'table-edge') tableEdge(rng, frame, frameW, frameH, quad);
  }
  warpInto(frame, frameW, frameH, src, sourceW, sourceH, toSource, quad, Math.min(sourceW, sourceH) * 0.04);
  if (o.surface === 'hand') {
    const thumb = thumbSvg(rng, frameW, local, image);
    frame = await overlay(frame, frameW, frameH, thumb.svg, thumb.area);
  }
  if (o.shadow > 0) castShadow(rng, frame, frameW, frameH, quad, o.shadow);
  lightAndNoise(frame, frameW, frameH, rng, o.noise);

  const forward = homography(
    corners(doc).map(([x, y]) => [x, y] as Point),
    quad,
  );
  const regions = mapRegions(image.regions, (b) =>
    clipBox(boundingBox(corners(b).map((p) => project(forward, p))), frameW, frameH),
  );
  return { data: frame, width: frameW, height: frameH, regions };
}

/**
 * The card's corners (top-left, top-right, bottom-right, bottom-left) as a camera sees them: the card, centred,
 * rotated by `tilt` about an axis in its plane at `tiltAxis`, projected with a focal length of 1.3 frame widths
 * (a phone's main camera), then turned by `roll` in the image.
 */
function projectCard(cardW: number, cardH: number, o: PhotoOptions): Point[] {
  const theta = (Math.max(0, Math.min(25, o.tilt)) * Math.PI) / 180;
  const phi = (o.tiltAxis * Math.PI) / 180;
  const [ax, ay] = [Math.cos(phi), Math.sin(phi)];
  const distance = cardW * 1.6;
  const roll = (o.roll * Math.PI) / 180;
  const [cr, sr] = [Math.cos(roll), Math.sin(roll)];
  return [
    [-cardW / 2, -cardH / 2],
    [cardW / 2, -cardH / 2],
    [cardW / 2, cardH / 2],
    [-cardW / 2, cardH / 2],
  ].map(([x, y]) => {
    // Rodrigues' rotation of (x, y, 0) about the in-plane unit axis (ax, ay, 0).
    const dot = ax * x + ay * y;
    const cos = Math.cos(theta);
    const sin = Math.sin(theta);
    const rx = x * cos + ax * dot * (1 - cos);
    const ry = y * cos + ay * dot * (1 - cos);
    const rz = (ax * y - ay * x) * sin;
    const u = (distance * rx) / (distance + rz);
    const v = (distance * ry) / (distance + rz);
    return [u * cr - v * sr, u * sr + v * cr] as Point;
  });
}

/** Centres the quad with a little offset and shrinks it until it leaves a 3 % margin on every side. */
function fitInFrame(quad: Point[], frameW: number, frameH: number, rng: Rng): Point[] {
  const box = boundingBox(quad);
  const fit = Math.min(1, (frameW * 0.94) / box.width, (frameH * 0.94) / box.height);
  const slackX = Math.max(0, (frameW * 0.94 - box.width * fit) / 2);
  const slackY = Math.max(0, (frameH * 0.94 - box.height * fit) / 2);
  const cx = frameW / 2 + rng.float(-1, 1) * slackX;
  const cy = frameH / 2 + rng.float(-1, 1) * slackY;
  const mx = box.x + box.width / 2;
  const my = box.y + box.height / 2;
  return quad.map(([x, y]) => [cx + (x - mx) * fit, cy + (y - my) * fit] as Point);
}

/**
 * Draws SVG markup in frame coordinates over raw RGB pixels, rasterising only `area` (the shapes' bounds plus
 * their blur): a full-frame SVG with a blur filter costs seconds.
 */
async function overlay(
  frame: Buffer,
  width: number,
  height: number,
  svgBody: string,
  area: Box,
): Promise<Buffer> {
  const box = clipBox(area, width, height);
  if (!box) return frame;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}" ` +
    `viewBox="${box.x} ${box.y} ${box.width} ${box.height}">${svgBody}</svg>`;
  return sharp(frame, { raw: { width, height, channels: RAW_CHANNELS } })
    .composite([{ input: Buffer.from(svg), left: box.x, top: box.y, blend: 'over' }])
    .removeAlpha()
    .raw()
    .toBuffer();
}

/** The bounds of polygons, grown by `margin` pixels. */
function around(polygons: readonly Point[][], margin: number): Box {
  const box = boundingBox(polygons.flat());
  return {
    x: Math.floor(box.x - margin),
    y: Math.floor(box.y - margin),
    width: Math.ceil(box.width + 2 * margin),
    height: Math.ceil(box.height + 2 * margin),
  };
}

const points = (pts: readonly Point[]) => pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');

/** A room out of focus behind a hand-held document: a wall's gradient and soft blobs of furniture and light. */
async function roomBackground(rng: Rng, width: number, height: number): Promise<Buffer> {
  const wall = rng.pick(['#cfc8bd', '#a9b3ba', '#e4dfd6', '#7d8a83', '#b9a58f', '#55504a']);
  const floor = rng.pick(['#6b5a48', '#8a7b6a', '#3f3b38', '#9a9488']);
  const blobs = Array.from({ length: 5 }, () => {
    const colour = rng.pick(['#ffffff', '#2d2d2d', '#8c6f56', '#5b7390', '#c7b299']);
    return `<ellipse cx="${rng.int(0, width)}" cy="${rng.int(0, height)}" rx="${rng.int(80, 400)}" ry="${rng.int(60, 300)}" fill="${colour}" fill-opacity="${rng.float(0.15, 0.45).toFixed(2)}"/>`;
  }).join('');
  // Drawn at a quarter of the resolution and enlarged: it is all out of focus anyway, and the blur is 16× cheaper.
  const [w, h] = [Math.ceil(width / 4), Math.ceil(height / 4)];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${width} ${height}"><defs>` +
    `<linearGradient id="w" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${wall}"/>` +
    `<stop offset="${rng.float(0.55, 0.8).toFixed(2)}" stop-color="${wall}"/><stop offset="1" stop-color="${floor}"/></linearGradient>` +
    `<filter id="b"><feGaussianBlur stdDeviation="160"/></filter></defs>` +
    `<rect width="100%" height="100%" fill="url(#w)"/><g filter="url(#b)">${blobs}</g></svg>`;
  return sharp(Buffer.from(svg))
    .removeAlpha()
    .resize(width, height, { kernel: 'cubic', fit: 'fill' })
    .raw()
    .toBuffer();
}

/** The card's left or right edge (0 or 1 in card coordinates), whichever is nearer the portrait. */
function thumbEdge(image: DocumentImage): 0 | 1 {
  const { document: doc, photo } = image.regions;
  if (!photo) return 0;
  return photo.x + photo.width / 2 - doc.x < doc.width / 2 ? 0 : 1;
}

/** How far down the card (0..1) a thumb may reach without covering the MRZ. */
function thumbLimit(image: DocumentImage): number {
  const { document: doc, mrz } = image.regions;
  return mrz ? Math.max(0.3, (mrz.y - doc.y) / doc.height - 0.12) : 0.8;
}

/** An ellipse in card coordinates (fractions of the card's width and height) as a polygon in the frame. */
function ellipse(
  local: (u: number, v: number) => Point,
  aspect: number,
  cu: number,
  cv: number,
  ru: number,
  rv: number,
  angle = 0,
): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < 36; i++) {
    const t = (2 * Math.PI * i) / 36;
    const x = ru * Math.cos(t);
    const y = rv * Math.sin(t);
    // Rotate in millimetre-like units (v scaled by the card's aspect) so the ellipse keeps its shape.
    const xr = x * Math.cos(angle) - y * aspect * Math.sin(angle);
    const yr = (x * Math.sin(angle) + y * aspect * Math.cos(angle)) / aspect;
    out.push(local(cu + xr, cv + yr));
  }
  return out;
}

/** Fingertips showing behind the card's far edge (the card is drawn over them). */
function fingersSvg(
  rng: Rng,
  width: number,
  local: (u: number, v: number) => Point,
  thumbSide: 0 | 1,
): { svg: string; area: Box } {
  const skin = rng.pick(SKIN);
  const far = thumbSide === 0 ? 1 : 0;
  const dir = far === 1 ? 1 : -1;
  const count = rng.int(2, 4);
  const start = rng.float(0.2, 0.45);
  const polygons = Array.from({ length: count }, (_, i) => {
    const cv = start + i * rng.float(0.13, 0.17);
    return ellipse(local, 0.63, far + dir * rng.float(0.02, 0.05), cv, 0.09, 0.06, rng.float(-0.2, 0.2));
  });
  const fingers = polygons.map((poly) => `<polygon points="${points(poly)}" fill="${skin}"/>`).join('');
  const blur = width / 900;
  return {
    svg: `<defs><filter id="f"><feGaussianBlur stdDeviation="${blur.toFixed(2)}"/></filter></defs><g filter="url(#f)">${fingers}</g>`,
    area: around(polygons, blur * 4),
  };
}

/** A thumb over the edge next to the portrait, its tip a little way onto the card, clear of the MRZ. */
function thumbSvg(
  rng: Rng,
  width: number,
  local: (u: number, v: number) => Point,
  image: DocumentImage,
): { svg: string; area: Box } {
  const skin = rng.pick(SKIN);
  const side = thumbEdge(image);
  const dir = side === 0 ? 1 : -1;
  const reach = rng.float(0.05, 0.1);
  const length = 0.32;
  const cv = rng.float(0.18, thumbLimit(image));
  const cu = side + dir * (reach - length / 2);
  const angle = rng.float(-0.35, 0.35);
  const thumb = ellipse(local, 0.63, cu, cv, length / 2, 0.1, angle);
  const nail = ellipse(local, 0.63, side + dir * (reach - 0.045), cv, 0.035, 0.055, angle);
  const blur = width / 1100;
  return {
    svg:
      `<defs><filter id="t"><feGaussianBlur stdDeviation="${blur.toFixed(2)}"/></filter></defs>` +
      `<g filter="url(#t)"><polygon points="${points(thumb)}" fill="${skin}"/>` +
      `<polygon points="${points(nail)}" fill="#ffffff" fill-opacity="0.25"/></g>`,
    area: around([thumb], blur * 4),
  };
}

/** Blends `colour` into every pixel by `weight(x, y)` (0..1). */
function blend(
  frame: Buffer,
  width: number,
  height: number,
  colour: readonly [number, number, number],
  weight: (x: number, y: number) => number,
): void {
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const a = weight(x, y);
      if (a <= 0) continue;
      const i = (y * width + x) * RAW_CHANNELS;
      for (let ch = 0; ch < 3; ch++) frame[i + ch] += (colour[ch] - frame[i + ch]) * a;
    }
  }
}

/** 0 below `-soft`, 1 above `soft`, smooth in between. */
const smoothstep = (d: number, soft: number) => {
  const t = Math.min(1, Math.max(0, (d + soft) / (2 * soft)));
  return t * t * (3 - 2 * t);
};

/**
 * The table's edge across the frame where the document leaves most room, the floor beyond it (darker, of
 * another colour), with a thin highlight on the edge itself. Never crosses the document.
 */
function tableEdge(rng: Rng, frame: Buffer, width: number, height: number, quad: Point[]): void {
  const box = boundingBox(quad);
  const room: Record<'top' | 'bottom' | 'left' | 'right', number> = {
    top: box.y,
    bottom: height - box.y - box.height,
    left: box.x,
    right: width - box.x - box.width,
  };
  const side = (Object.keys(room) as (keyof typeof room)[]).reduce((a, b) => (room[b] > room[a] ? b : a));
  const depth = room[side] * rng.float(0.3, 0.7);
  const skew = rng.float(-0.04, 0.04);
  const floor = rng.pick([
    [43, 38, 34],
    [77, 70, 64],
    [123, 112, 100],
    [30, 34, 38],
    [165, 156, 144],
  ] as const);
  const vertical = side === 'left' || side === 'right';
  const sign = side === 'top' || side === 'left' ? -1 : 1;
  const at = side === 'top' || side === 'left' ? depth : (vertical ? width : height) - depth;
  // Signed distance beyond the edge (positive on the floor's side), the edge slightly slanted.
  const beyond = (x: number, y: number) =>
    vertical ? sign * (x - at - skew * (y - height / 2)) : sign * (y - at - skew * (x - width / 2));
  blend(frame, width, height, floor, (x, y) => smoothstep(beyond(x, y), 1.5));
  blend(
    frame,
    width,
    height,
    [255, 255, 255],
    (x, y) => 0.35 * Math.max(0, 1 - Math.abs(beyond(x, y) + 2) / 2),
  );
}

/**
 * A soft-edged shadow (a phone or a hand between the lamp and the document) over one side of a line through the
 * document: `strength` (0..1) darkening at its core.
 */
function castShadow(
  rng: Rng,
  frame: Buffer,
  width: number,
  height: number,
  quad: Point[],
  strength: number,
): void {
  const box: Box = boundingBox(quad);
  const px = box.x + box.width * rng.float(0.25, 0.75);
  const py = box.y + box.height * rng.float(0.25, 0.75);
  const a = rng.float(0, Math.PI * 2);
  const [nx, ny] = [Math.cos(a), Math.sin(a)];
  const soft = Math.min(width, height) * rng.float(0.03, 0.08);
  const core = Math.min(0.9, strength);
  blend(frame, width, height, [0, 0, 0], (x, y) => core * smoothstep((x - px) * nx + (y - py) * ny, soft));
}
