import type { GreyImage } from '@idv/ocr';
import { homography, type Point } from '@idv/quality';

/**
 * The four corners of a card in an image, in pixels of that image, going round the card: `corners[0]`→`[1]` is
 * one of its long edges, so mapping the corners in this order onto a landscape rectangle stands the card up
 * (right way up or upside down: only what it reads tells which).
 */
export interface CardOutline {
  corners: [Point, Point, Point, Point];
  /** Share (0–1) of the outline's length where the image shows an edge along it. */
  support: number;
}

/** Long side of the working copy: a card edge is still a clean line, a glyph's strokes have merged. */
const WORK_SIDE = 480;
/** Width over height of an ID-1 card (85.6 × 54 mm). */
const ID1_ASPECT = 85.6 / 54;
/** Perspective and lens distortion stretch the card's apparent proportions this far either way. */
const ASPECT_TOLERANCE = 1.3;
/** Opposite edges of a card photographed in perspective (the far edge up to a fifth shorter) converge by less than this (radians). */
const MAX_CONVERGENCE = 0.35;
/** Lines kept from the Hough accumulator, strongest first. */
const MAX_LINES = 80;
/** …and from one direction. */
const MAX_LINES_PER_SECTOR = 16;
/** An outline whose edges are seen over less than this share of its length is a guess, not a card. */
const MIN_SUPPORT = 0.55;
/** …and each of its four edges over at least this share. */
const MIN_EDGE_SUPPORT = 0.3;
/** …and near both of its corners: an edge that fades before its corner belongs to something longer. */
const MIN_END_SUPPORT = 0.65;

interface Line {
  /** Unit normal (cos θ, sin θ) and distance from the origin: x·cos θ + y·sin θ = ρ. */
  theta: number;
  rho: number;
  votes: number;
  /** cos θ and sin θ, computed once: the search below intersects each line with many others. */
  cos: number;
  sin: number;
}

const lineOf = (theta: number, rho: number, votes: number): Line => ({
  theta,
  rho,
  votes,
  cos: Math.cos(theta),
  sin: Math.sin(theta),
});

/**
 * Finds the card's outline by its straight edges (the classic document-scanner approach): gradient-oriented
 * Hough lines, then the four-sided figure of two near-parallel pairs whose proportions are a card's, seen in
 * perspective, and whose edges the image shows best. A card lying on a desk, turned, tilted or photographed a
 * quarter turn round gives the same answer; an upload cropped to the card, whose edges are the frame's, gives
 * null (the caller then takes the whole image). Pure; ~10 ms.
 */
export function findCardOutline(image: GreyImage): CardOutline | null {
  const work = shrinkTo(image, WORK_SIDE);
  const scale = image.width / work.width;
  const grad = gradients(work);
  const lines = houghLines(work, grad);
  let best: { corners: Point[]; score: number; support: number } | null = null;
  const all = lines;
  const profiles = new Map<Line, EdgeProfile>();
  const profileOf = (l: Line) => profiles.get(l) ?? profiles.set(l, edgeProfile(l, grad, work)).get(l)!;
  // Two near-parallel lines make a pair of opposite edges; two pairs at a wide angle make a card.
  const pairs: [Line, Line][] = [];
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++)
      if (angleBetween(all[i], all[j]) < MAX_CONVERGENCE && separation(all[i], all[j]) > work.width * 0.12)
        pairs.push([all[i], all[j]]);
  const gaps = pairs.map(([a, b]) => separation(a, b));
  // The gaps of a card's two pairs are its two sides: their ratio is near the card's proportions (loosely: the
  // gap of converging lines is taken at one point). Most pairs of pairs fail this before any corner is computed.
  const [minGapRatio, maxGapRatio] = [ID1_ASPECT / ASPECT_TOLERANCE ** 2, ID1_ASPECT * ASPECT_TOLERANCE ** 2];
  for (let a = 0; a < pairs.length; a++)
    for (let b = a + 1; b < pairs.length; b++) {
      const [p, q] = [pairs[a], pairs[b]];
      const ratio = Math.max(gaps[a], gaps[b]) / Math.max(1, Math.min(gaps[a], gaps[b]));
      if (ratio < minGapRatio || ratio > maxGapRatio) continue;
      if (angleBetween(p[0], q[0]) < 0.9) continue;
      const corners = quadOf(p, q);
      if (!corners || !plausible(corners, work)) continue;
      // Edge k runs from corner k to corner k + 1 (see quadOf).
      const sides = [q[0], p[1], q[1], p[0]];
      // Each edge measured in turn, the figure dropped at the first edge the image does not show (most are).
      const edges: ReturnType<typeof edgeSupport>[] = [];
      for (let k = 0; k < 4; k++) {
        const e = edgeSupport(sides[k], profileOf(sides[k]), corners[k], corners[(k + 1) % 4]);
        if (e.all < MIN_EDGE_SUPPORT || e.ends < MIN_END_SUPPORT) break;
        edges.push(e);
      }
      if (edges.length < 4) continue;
      const support = edges.reduce((x, e) => x + e.all, 0) / 4;
      if (support < MIN_SUPPORT) continue;
      // Of the outlines that fit, the largest well-seen one (a card's photo or a printed panel is smaller) with
      // the sharpest edges (a card's own edge is a sharp step; its shadow's outer edge beside it a soft one).
      const strength = edges.reduce((x, e) => x + e.strength, 0) / 4;
      // Support weighs most: a figure a little larger but less well seen runs past the card's corners.
      const score = support ** 4 * Math.sqrt((strength * area(corners)) / (work.width * work.height));
      if (!best || score > best.score) best = { corners, score, support };
    }
  if (!best) return null;
  const ordered = longEdgeFirst(best.corners).map(([x, y]) => [x * scale, y * scale] as Point);
  return { corners: ordered as CardOutline['corners'], support: best.support };
}

/**
 * The card inside `outline`, flattened onto a `width`-wide landscape raster (height by the ID-1 proportions)
 * with bilinear sampling; `flip` turns it by 180°. Pure.
 */
export function flattenCard(image: GreyImage, outline: CardOutline, width: number, flip: boolean): GreyImage {
  const height = Math.round(width / ID1_ASPECT);
  const target: Point[] = [
    [0, 0],
    [width - 1, 0],
    [width - 1, height - 1],
    [0, height - 1],
  ];
  const corners = flip ? [...outline.corners.slice(2), ...outline.corners.slice(0, 2)] : outline.corners;
  // Output pixel → source pixel, so every output pixel is sampled once.
  const h = homography(target, corners);
  const data = new Uint8Array(width * height);
  const { width: sw, height: sh, data: src } = image;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const w = h[6] * x + h[7] * y + h[8];
      const u = (h[0] * x + h[1] * y + h[2]) / w;
      const v = (h[3] * x + h[4] * y + h[5]) / w;
      data[y * width + x] = sample(src, sw, sh, u, v);
    }
  }
  return { data, width, height };
}

function sample(src: Uint8Array, w: number, h: number, u: number, v: number): number {
  if (u < 0 || v < 0 || u > w - 1 || v > h - 1) return 255;
  const x0 = Math.floor(u);
  const y0 = Math.floor(v);
  const x1 = Math.min(w - 1, x0 + 1);
  const y1 = Math.min(h - 1, y0 + 1);
  const fx = u - x0;
  const fy = v - y0;
  const top = src[y0 * w + x0] * (1 - fx) + src[y0 * w + x1] * fx;
  const bottom = src[y1 * w + x0] * (1 - fx) + src[y1 * w + x1] * fx;
  return (top * (1 - fy) + bottom * fy + 0.5) | 0;
}

/** Area-average reduction so the longer side is about `side` (never enlarged). */
function shrinkTo(image: GreyImage, side: number): GreyImage {
  const factor = Math.max(1, Math.round(Math.max(image.width, image.height) / side));
  if (factor === 1) return image;
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * image.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += image.data[row + dx];
      }
      data[y * width + x] = sum / (factor * factor);
    }
  return { data, width, height };
}

interface Gradients {
  gx: Float32Array;
  gy: Float32Array;
  mag: Float32Array;
  /** Magnitude above which a pixel is on an edge. */
  edge: number;
  /** 1 where a pixel is on an edge's crest. */
  thin: Uint8Array;
  /**
   * The edge's normal at each crest pixel, 0..π, from the gradients of its 3×3 neighbourhood (the structure
   * tensor): one pixel's own Sobel direction jitters by degrees along a slanted step's staircase.
   */
  normal: Float32Array;
}

function gradients(img: GreyImage): Gradients {
  const { width: w, height: h, data: d } = img;
  const gx = new Float32Array(w * h);
  const gy = new Float32Array(w * h);
  const mag = new Float32Array(w * h);
  const hist = new Uint32Array(256);
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const gxv =
        (d[i - w + 1] + 2 * d[i + 1] + d[i + w + 1] - d[i - w - 1] - 2 * d[i - 1] - d[i + w - 1]) / 8;
      const gyv =
        (d[i + w - 1] + 2 * d[i + w] + d[i + w + 1] - d[i - w - 1] - 2 * d[i - w] - d[i - w + 1]) / 8;
      gx[i] = gxv;
      gy[i] = gyv;
      const m = Math.sqrt(gxv * gxv + gyv * gyv);
      mag[i] = m;
      hist[Math.min(255, m | 0)]++;
    }
  // An edge pixel is a local maximum across its own edge (a shadow's soft ramp gives one line, not five) and a
  // clear step: half the image's 90th-percentile gradient, so a pale card on a pale desk still shows its edges.
  let count = 0;
  let p90 = 255;
  for (let v = 255; v >= 0; v--) {
    count += hist[v];
    if (count >= 0.1 * w * h) {
      p90 = v;
      break;
    }
  }
  const edge = Math.max(3, p90 / 2);
  const thin = new Uint8Array(w * h);
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const m = mag[i];
      if (m < edge) continue;
      // The neighbour across the edge, by the gradient's direction rounded to 45°.
      const ax = Math.abs(gx[i]);
      const ay = Math.abs(gy[i]);
      const step =
        ay < 0.414 * ax ? 1 : ax < 0.414 * ay ? w : Math.sign(gx[i]) === Math.sign(gy[i]) ? w + 1 : w - 1;
      if (m >= mag[i - step] && m >= mag[i + step]) thin[i] = 1;
    }
  const normal = new Float32Array(w * h);
  const R = 1;
  for (let y = R + 1; y < h - R - 1; y++)
    for (let x = R + 1; x < w - R - 1; x++) {
      const i = y * w + x;
      if (!thin[i]) continue;
      let [xx, yy, xy] = [0, 0, 0];
      for (let dy = -R; dy <= R; dy++)
        for (let dx = -R; dx <= R; dx++) {
          const j = i + dy * w + dx;
          xx += gx[j] * gx[j];
          yy += gy[j] * gy[j];
          xy += gx[j] * gy[j];
        }
      const angle = 0.5 * Math.atan2(2 * xy, xx - yy);
      normal[i] = angle < 0 ? angle + Math.PI : angle;
    }
  return { gx, gy, mag, edge, thin, normal };
}

/** θ bins over 180°: a degree each. */
const THETAS = 180;
/** Bins either side of a pixel's normal it also votes for. */
const VOTE_SPREAD = 2;

/** Straight lines by a Hough transform in which each edge pixel votes only near its own gradient direction. */
function houghLines(img: GreyImage, g: Gradients): Line[] {
  const { width: w, height: h } = img;
  const diag = Math.ceil(Math.hypot(w, h));
  const rhos = 2 * diag + 1;
  const acc = new Float32Array(THETAS * rhos);
  const cos = new Float64Array(THETAS);
  const sin = new Float64Array(THETAS);
  for (let t = 0; t < THETAS; t++) {
    cos[t] = Math.cos((t * Math.PI) / THETAS);
    sin[t] = Math.sin((t * Math.PI) / THETAS);
  }
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      if (!g.thin[i]) continue;
      // Most of the vote for the normal's own bin, some for its neighbours: a normal is good to a degree or two.
      // A stronger step votes more, but less than in proportion: a card's edge against the desk outvotes the
      // desk's grain without the card's own print outvoting a pale card's faint edge.
      const strength = Math.sqrt(g.mag[i] / g.edge);
      const t0 = Math.round((g.normal[i] * THETAS) / Math.PI);
      for (let dt = -VOTE_SPREAD; dt <= VOTE_SPREAD; dt++) {
        const t = (t0 + dt + THETAS) % THETAS;
        const rho = Math.round(x * cos[t] + y * sin[t]) + diag;
        acc[t * rhos + rho] += strength * (1 - Math.abs(dt) / (VOTE_SPREAD + 1));
      }
    }
  // Peaks, strongest first, none within 2° and 10 px of a stronger one (θ wraps with ρ negated).
  const candidates: number[] = [];
  const minVotes = Math.min(w, h) * 0.04;
  for (let i = 0; i < acc.length; i++) if (acc[i] >= minVotes) candidates.push(i);
  candidates.sort((a, b) => acc[b] - acc[a]);
  const lines: Line[] = [];
  // A budget per direction (12 sectors of 15°): wood grain or ruled paper gives dozens of long parallel lines
  // that would otherwise crowd out the card's shorter edges across them.
  const perSector = new Uint8Array(12);
  for (const i of candidates) {
    const t = Math.floor(i / rhos);
    const sector = Math.floor((t * 12) / THETAS);
    if (perSector[sector] >= MAX_LINES_PER_SECTOR) continue;
    const rho = (i % rhos) - diag;
    const theta = (t * Math.PI) / THETAS;
    const line = lineOf(theta, rho, acc[i]);
    if (lines.some((l) => angleBetween(l, line) < 0.035 && Math.abs(signedRho(l, line) - l.rho) < 10))
      continue;
    lines.push(line);
    perSector[sector]++;
    if (lines.length >= MAX_LINES) break;
  }
  return lines;
}

/** `b`'s ρ expressed with `a`'s orientation of the normal (they may differ by π). */
function signedRho(a: Line, b: Line): number {
  return a.cos * b.cos + a.sin * b.sin >= 0 ? b.rho : -b.rho;
}

/** Angle between two lines' directions, 0..π/2. */
function angleBetween(a: Line, b: Line): number {
  const d = Math.abs(a.theta - b.theta) % Math.PI;
  return Math.min(d, Math.PI - d);
}

function separation(a: Line, b: Line): number {
  return Math.abs(signedRho(a, b) - a.rho);
}

function intersect(a: Line, b: Line): Point | null {
  const [c1, s1, c2, s2] = [a.cos, a.sin, b.cos, b.sin];
  const det = c1 * s2 - s1 * c2;
  if (Math.abs(det) < 1e-6) return null;
  return [(a.rho * s2 - s1 * b.rho) / det, (c1 * b.rho - a.rho * c2) / det];
}

/** The corners of the figure two pairs of lines enclose, going round it. */
function quadOf(p: [Line, Line], q: [Line, Line]): Point[] | null {
  const corners = [
    intersect(p[0], q[0]),
    intersect(q[0], p[1]),
    intersect(p[1], q[1]),
    intersect(q[1], p[0]),
  ];
  if (corners.some((c) => c === null)) return null;
  return corners as Point[];
}

const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);

function area(c: readonly Point[]): number {
  let s = 0;
  for (let k = 0; k < 4; k++) s += c[k][0] * c[(k + 1) % 4][1] - c[(k + 1) % 4][0] * c[k][1];
  return Math.abs(s) / 2;
}

/** A convex four-sided figure, mostly inside the image, big enough and shaped like a card in perspective. */
function plausible(c: readonly Point[], img: GreyImage): boolean {
  const slack = 0.04 * Math.max(img.width, img.height);
  if (c.some(([x, y]) => x < -slack || y < -slack || x > img.width + slack || y > img.height + slack))
    return false;
  let sign = 0;
  for (let k = 0; k < 4; k++) {
    const [a, b, d] = [c[k], c[(k + 1) % 4], c[(k + 2) % 4]];
    const cross = (b[0] - a[0]) * (d[1] - b[1]) - (b[1] - a[1]) * (d[0] - b[0]);
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  if (area(c) < 0.08 * img.width * img.height) return false;
  const first = (dist(c[0], c[1]) + dist(c[2], c[3])) / 2;
  const second = (dist(c[1], c[2]) + dist(c[3], c[0])) / 2;
  const aspect = Math.max(first, second) / Math.min(first, second);
  return aspect > ID1_ASPECT / ASPECT_TOLERANCE && aspect < ID1_ASPECT * ASPECT_TOLERANCE;
}

/**
 * Where along a line the image shows an edge running its way: for each pixel step `t` along the line (from
 * its foot, the point nearest the origin), whether a strong gradient within two pixels of it points across
 * it, and how strong; as prefix sums, so any stretch of the line is measured in constant time.
 */
interface EdgeProfile {
  diag: number;
  /**
   * Seen within two pixels of the line, by the side the image is brighter on: a card's edge keeps one side (the
   * card lighter or darker than the desk all along), the strokes of its guilloche and print show both.
   */
  hits: [Float64Array, Float64Array];
  strength: [Float64Array, Float64Array];
}

/** Offsets across the line. */
const ACROSS = [0, -1, 1, -2, 2];

function edgeProfile(line: Line, g: Gradients, img: GreyImage): EdgeProfile {
  const diag = Math.ceil(Math.hypot(img.width, img.height));
  const [c, s] = [line.cos, line.sin];
  const [fx, fy] = [line.rho * c, line.rho * s];
  // Along the line: (-sin θ, cos θ); across it: (cos θ, sin θ).
  const size = 2 * diag + 2;
  const hits: EdgeProfile['hits'] = [new Float64Array(size), new Float64Array(size)];
  const strength: EdgeProfile['strength'] = [new Float64Array(size), new Float64Array(size)];
  for (let t = -diag; t <= diag; t++) {
    const [x, y] = [fx - s * t, fy + c * t];
    const seen = [0, 0];
    if (x >= 3 && y >= 3 && x < img.width - 3 && y < img.height - 3)
      for (const off of ACROSS) {
        const i = Math.round(y + s * off) * img.width + Math.round(x + c * off);
        const m = g.mag[i];
        // The gradient must point across the edge (its component along the edge small).
        if (m >= g.edge && Math.abs(-g.gx[i] * s + g.gy[i] * c) < 0.5 * m) {
          seen[g.gx[i] * c + g.gy[i] * s > 0 ? 0 : 1] ||= m;
        }
      }
    const k = t + diag + 1;
    for (const side of [0, 1]) {
      hits[side][k] = hits[side][k - 1] + (seen[side] ? 1 : 0);
      strength[side][k] = strength[side][k - 1] + seen[side];
    }
  }
  return { diag, hits, strength };
}

/** Position of `p` along `line`, in pixel steps from its foot. */
const along = (line: Line, p: Point) => -p[0] * line.sin + p[1] * line.cos;

/**
 * How well the image shows the edge from `a` to `b` on `line`, on the side it shows it best: the share of its
 * length seen, the same share over each end fifth alone (the smaller: an edge that fades before the corner
 * belongs to a longer figure), and the mean gradient where it is seen. The rounded corners of a card are left out.
 */
function edgeSupport(
  line: Line,
  profile: EdgeProfile,
  a: Point,
  b: Point,
): { all: number; ends: number; strength: number } {
  let [ta, tb] = [along(line, a), along(line, b)];
  if (ta > tb) [ta, tb] = [tb, ta];
  const len = tb - ta;
  const size = profile.hits[0].length;
  const index = (t: number) => Math.max(0, Math.min(size - 1, Math.round(t) + profile.diag + 1));
  const sum = (arr: Float64Array, from: number, to: number) => arr[index(to)] - arr[index(from)];
  const [start, end] = [ta + 0.06 * len, tb - 0.06 * len];
  const fifth = (end - start) / 5;
  const sides = [0, 1].map((side) => {
    const share = (from: number, to: number) =>
      to - from >= 1 ? sum(profile.hits[side], from, to) / (to - from) : 0;
    const hits = sum(profile.hits[side], start, end);
    return {
      all: share(start, end),
      ends: Math.min(share(start, start + fifth), share(end - fifth, end)),
      strength: hits ? sum(profile.strength[side], start, end) / hits : 0,
    };
  });
  return sides[0].all >= sides[1].all ? sides[0] : sides[1];
}

/** The corners rotated so the first edge is one of the long ones. */
function longEdgeFirst(c: Point[]): Point[] {
  const first = dist(c[0], c[1]) + dist(c[2], c[3]);
  const second = dist(c[1], c[2]) + dist(c[3], c[0]);
  const rotated = first >= second ? c : [...c.slice(1), c[0]];
  // Clockwise on screen (y down), so the flattened card is not mirrored.
  const [a, b, d] = rotated;
  const cross = (b[0] - a[0]) * (d[1] - b[1]) - (b[1] - a[1]) * (d[0] - b[0]);
  return cross > 0 ? rotated : [rotated[1], rotated[0], rotated[3], rotated[2]];
}
