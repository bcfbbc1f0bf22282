import { darkMask, GreyImage } from './grey-image';

/** A straight run of dark text found in the raster, described by its principal axes. */
export interface TextLine {
  cx: number;
  cy: number;
  /** Direction of the long axis in degrees, in (-90, 90]; 0 is horizontal, positive turns clockwise (y down). */
  angle: number;
  length: number;
  thickness: number;
  /** Share of the oriented rectangle covered by ink after smearing; a real text line is solid. */
  fill: number;
}

/** A candidate machine-readable zone: 2 or 3 parallel, evenly spaced long lines. */
export interface MrzBand {
  cx: number;
  cy: number;
  angle: number;
  /** Extent along the lines and across them, without margin. */
  length: number;
  height: number;
  lineCount: number;
  lineThickness: number;
  score: number;
}

interface Moments {
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
  /** Bounding box (inclusive pixel coordinates). */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Horizontal runs of ink, in raster order: run i spans x0[i]..x1[i] (inclusive) on row y[i]. */
interface Runs {
  x0: number[];
  x1: number[];
  y: number[];
}

function rowRuns(mask: Uint8Array, width: number, height: number): Runs {
  const runs: Runs = { x0: [], x1: [], y: [] };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let x = 0;
    while (x < width) {
      if (!mask[row + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < width && mask[row + x]) x++;
      runs.x0.push(start);
      runs.x1.push(x - 1);
      runs.y.push(y);
    }
  }
  return runs;
}

/**
 * Horizontal run-length smoothing: gaps of at most `gap` pixels between ink on a row are filled, so the
 * characters of a line (MRZ lines have no spaces) melt into one solid bar. Done on runs: two runs of a row
 * closer than the gap become one.
 */
function smearRuns(runs: Runs, gap: number): Runs {
  const out: Runs = { x0: [], x1: [], y: [] };
  for (let i = 0; i < runs.x0.length; i++) {
    const last = out.x0.length - 1;
    if (last >= 0 && out.y[last] === runs.y[i] && runs.x0[i] - out.x1[last] - 1 <= gap) {
      out.x1[last] = runs.x1[i];
    } else {
      out.x0.push(runs.x0[i]);
      out.x1.push(runs.x1[i]);
      out.y.push(runs.y[i]);
    }
  }
  return out;
}

/**
 * 4-connected components of the runs with their first and second moments: union-find over runs of adjacent
 * rows that share a column, each run's moments summed in closed form. A smeared mask is mostly long runs, so
 * this is an order of magnitude cheaper than a pixel flood fill. Components come in raster order of their
 * first pixel, as a flood fill from the top-left would find them.
 */
function components(runs: Runs, width: number, height: number, minArea: number): Moments[] {
  const { x0: xs0, x1: xs1, y: ys } = runs;
  const parent = Array.from({ length: xs0.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  // First run of the row above (`above`) and of this row (`current`).
  let above = 0;
  let current = 0;
  for (let i = 0; i < xs0.length; i++) {
    if (ys[i] !== ys[current]) {
      above = ys[i] === ys[current] + 1 ? current : i;
      current = i;
    }
    for (let j = above; j < current; j++) {
      if (xs1[j] < xs0[i]) continue;
      if (xs0[j] > xs1[i]) break;
      const a = find(j);
      const b = find(i);
      // The smaller index is the root, so a component's root is its first run in raster order.
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const byRoot = new Map<number, Moments>();
  for (let i = 0; i < xs0.length; i++) {
    const root = find(i);
    let m = byRoot.get(root);
    if (!m) {
      m = { n: 0, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0, x0: width, x1: -1, y0: height, y1: -1 };
      byRoot.set(root, m);
    }
    const a = xs0[i];
    const b = xs1[i];
    const y = ys[i];
    const n = b - a + 1;
    const sumX = (n * (a + b)) / 2;
    // Σx² over a..b: the closed form of Σk² up to b, minus that up to a−1.
    const sumXX = (b * (b + 1) * (2 * b + 1) - (a - 1) * a * (2 * a - 1)) / 6;
    m.n += n;
    m.sx += sumX;
    m.sy += n * y;
    m.sxx += sumXX;
    m.syy += n * y * y;
    m.sxy += sumX * y;
    if (a < m.x0) m.x0 = a;
    if (b > m.x1) m.x1 = b;
    if (y < m.y0) m.y0 = y;
    if (y > m.y1) m.y1 = y;
  }
  // Map iteration follows insertion, which follows the roots' raster order.
  return [...byRoot.values()].filter((m) => m.n >= minArea);
}

function toLine(m: Moments): TextLine {
  const cx = m.sx / m.n;
  const cy = m.sy / m.n;
  const vxx = m.sxx / m.n - cx * cx;
  const vyy = m.syy / m.n - cy * cy;
  const vxy = m.sxy / m.n - cx * cy;
  const tr = vxx + vyy;
  const disc = Math.sqrt(Math.max(0, ((vxx - vyy) * (vxx - vyy)) / 4 + vxy * vxy));
  const l1 = tr / 2 + disc;
  const l2 = Math.max(tr / 2 - disc, 1 / 12);
  const angle = (0.5 * Math.atan2(2 * vxy, vxx - vyy) * 180) / Math.PI;
  // A solid rectangle of side s has variance s²/12 along that side.
  const thickness = Math.sqrt(12 * l2);
  const moments = { cx, cy, angle, length: Math.sqrt(12 * l1), thickness };
  // An MRZ line is not evenly inked: its filler runs (`<<<<`) are light, so the variance puts the centre too
  // far left and the length too short, and the last characters (often a check digit) fall outside the crop.
  // The extent of the pixels themselves, measured along the line, is what the crop needs.
  const c = Math.abs(Math.cos(rad(angle)));
  const s = Math.abs(Math.sin(rad(angle)));
  const w = m.x1 - m.x0 + 1;
  const h = m.y1 - m.y0 + 1;
  const extent = c >= s ? (w - thickness * s) / c : (h - thickness * c) / s;
  // The union of both intervals along the line: never shorter than the variance says on either end.
  const ux = Math.cos(rad(angle));
  const uy = Math.sin(rad(angle));
  const shift = ((m.x0 + m.x1) / 2 - cx) * ux + ((m.y0 + m.y1) / 2 - cy) * uy;
  const start = Math.min(-moments.length / 2, shift - extent / 2);
  const end = Math.max(moments.length / 2, shift + extent / 2);
  const mid = (start + end) / 2;
  const line = { ...moments, cx: cx + mid * ux, cy: cy + mid * uy, length: end - start };
  // Fill keeps the variance-based area: it measures solidity, which the extent of a sparse tail would dilute.
  return { ...line, fill: m.n / (moments.length * thickness) };
}

function merge(a: Moments, b: Moments): Moments {
  return {
    n: a.n + b.n,
    sx: a.sx + b.sx,
    sy: a.sy + b.sy,
    sxx: a.sxx + b.sxx,
    syy: a.syy + b.syy,
    sxy: a.sxy + b.sxy,
    x0: Math.min(a.x0, b.x0),
    x1: Math.max(a.x1, b.x1),
    y0: Math.min(a.y0, b.y0),
    y1: Math.max(a.y1, b.y1),
  };
}

const rad = (deg: number) => (deg * Math.PI) / 180;
const angleGap = (a: number, b: number) => {
  const d = Math.abs(a - b) % 180;
  return Math.min(d, 180 - d);
};

/** Position of `p` in the frame of a line: along its direction and across it. */
function project(line: TextLine, px: number, py: number): { along: number; across: number } {
  const c = Math.cos(rad(line.angle));
  const s = Math.sin(rad(line.angle));
  const dx = px - line.cx;
  const dy = py - line.cy;
  return { along: dx * c + dy * s, across: -dx * s + dy * c };
}

/**
 * Joins pieces of one line that smearing left apart (a faded filler run, a glare streak): same direction,
 * on the same axis, ends close together.
 */
function joinCollinear(parts: Moments[], minThickness: number): TextLine[] {
  // Specks and thin rules can never be part of an MRZ line; dropping them first keeps this quadratic step small.
  const items = parts
    .map((m) => ({ m, line: toLine(m) }))
    .filter(({ line }) => line.thickness >= minThickness * 0.6 && line.length >= minThickness);
  /** `b` continues the long piece `a`. Not symmetric: `a` sets the axis and the tolerances. */
  const joins = (a: TextLine, b: TextLine): boolean => {
    if (a.length < 3 * a.thickness) return false;
    if (b.thickness > a.thickness * 1.6 || b.thickness < a.thickness * 0.5) return false;
    if (b.length > 3 * b.thickness && angleGap(a.angle, b.angle) > 4) return false;
    const p = project(a, b.cx, b.cy);
    if (Math.abs(p.across) > a.thickness * 0.45) return false;
    return Math.abs(p.along) - a.length / 2 - b.length / 2 <= a.thickness * 2.5;
  };
  // Always joins the first joinable pair in (i, j) order. Pieces before `i` join nothing; a join changes one
  // piece only, so afterwards only the pieces before it need checking against it again, not every pair.
  let i = 0;
  while (i < items.length) {
    const j = items.findIndex((other, k) => k !== i && joins(items[i].line, other.line));
    if (j < 0) {
      i++;
      continue;
    }
    const m = merge(items[i].m, items[j].m);
    items[i] = { m, line: toLine(m) };
    items.splice(j, 1);
    const joined = j < i ? i - 1 : i;
    const earlier = items.findIndex((other, k) => k < joined && joins(other.line, items[joined].line));
    i = earlier >= 0 ? earlier : joined;
  }
  return items.map((item) => item.line);
}

/** Long, thin, solid bars: what an MRZ line looks like once smeared. */
function isLineLike(l: TextLine, minThickness: number): boolean {
  const aspect = l.length / l.thickness;
  return (
    l.thickness >= minThickness && aspect >= 12 && aspect <= 90 && l.fill >= 0.45 && Math.abs(l.angle) <= 40
  );
}

/** Groups parallel, evenly spaced, equally long lines into candidate bands (2 or 3 lines). */
function groupLines(lines: TextLine[]): MrzBand[] {
  const sorted = lines.filter((l) => l.length > 0);
  const neighbours = (a: TextLine) =>
    sorted.filter((b) => {
      if (b === a || angleGap(a.angle, b.angle) > 5) return false;
      const t = (a.thickness + b.thickness) / 2;
      if (Math.max(a.thickness, b.thickness) / Math.min(a.thickness, b.thickness) > 1.7) return false;
      const p = project(a, b.cx, b.cy);
      if (p.across < t * 1.15 || p.across > t * 3.4) return false;
      if (Math.max(a.length, b.length) / Math.min(a.length, b.length) > 1.45) return false;
      return Math.abs(p.along) < Math.max(a.length, b.length) * 0.2;
    });
  const bands: MrzBand[] = [];
  for (const a of sorted) {
    // Only start from the topmost line (in the line's own frame) so each group is built once per direction.
    for (const b of neighbours(a)) {
      const group = [a, b];
      const c = neighbours(b).find(
        (x) => project(a, x.cx, x.cy).across > project(a, b.cx, b.cy).across * 1.5,
      );
      if (c) {
        const gap1 = project(a, b.cx, b.cy).across;
        const gap2 = project(b, c.cx, c.cy).across;
        if (Math.max(gap1, gap2) / Math.min(gap1, gap2) < 1.35) group.push(c);
      }
      bands.push(toBand(group));
    }
  }
  // A single very long line can still anchor a band (the other line lost to glare or merged with the edge).
  for (const a of sorted) if (a.length / a.thickness >= 22) bands.push(toBand([a]));
  return bands;
}

function toBand(group: TextLine[]): MrzBand {
  const first = group[0];
  // Average the directions relative to the first line, wrapping so that 89° and -89° count as parallel.
  const wrap = (d: number) => ((((d + 90) % 180) + 180) % 180) - 90;
  const angle = group.reduce((s, l) => s + wrap(l.angle - first.angle), 0) / group.length + first.angle;
  const cx = group.reduce((s, l) => s + l.cx, 0) / group.length;
  const cy = group.reduce((s, l) => s + l.cy, 0) / group.length;
  const ref: TextLine = { ...first, angle, cx, cy };
  let minAcross = Infinity;
  let maxAcross = -Infinity;
  let minAlong = Infinity;
  let maxAlong = -Infinity;
  for (const l of group) {
    const p = project(ref, l.cx, l.cy);
    minAcross = Math.min(minAcross, p.across - l.thickness / 2);
    maxAcross = Math.max(maxAcross, p.across + l.thickness / 2);
    minAlong = Math.min(minAlong, p.along - l.length / 2);
    maxAlong = Math.max(maxAlong, p.along + l.length / 2);
  }
  const c = Math.cos(rad(angle));
  const s = Math.sin(rad(angle));
  const midAlong = (minAlong + maxAlong) / 2;
  const midAcross = (minAcross + maxAcross) / 2;
  const thickness = group.reduce((sum, l) => sum + l.thickness, 0) / group.length;
  // MRZ lines run 30–44 characters, about 25–55 times their height; longer bars are rules and frame edges.
  const aspect = group.reduce((sum, l) => sum + Math.min(l.length / l.thickness, 50), 0) / group.length;
  const fill = group.reduce((sum, l) => sum + Math.min(l.fill, 1), 0) / group.length;
  const spread = Math.max(...group.map((l) => l.length)) / Math.min(...group.map((l) => l.length));
  const countBonus = group.length === 1 ? 0.55 : group.length === 2 ? 1 : 1.2;
  return {
    cx: cx + midAlong * c - midAcross * s,
    cy: cy + midAlong * s + midAcross * c,
    angle,
    length: maxAlong - minAlong,
    height: maxAcross - minAcross,
    lineCount: group.length,
    lineThickness: thickness,
    score: aspect * fill * countBonus * (2 - Math.min(spread, 1.5)),
  };
}

function transpose(mask: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[x * height + y] = mask[y * width + x];
  return out;
}

function linesOf(
  mask: Uint8Array,
  width: number,
  height: number,
  gaps: number[],
  minThickness: number,
): TextLine[] {
  const found: TextLine[] = [];
  const runs = rowRuns(mask, width, height);
  for (const gap of gaps) {
    const parts = components(smearRuns(runs, gap), width, height, minThickness * minThickness);
    for (const line of joinCollinear(parts, minThickness))
      if (isLineLike(line, minThickness)) found.push(line);
  }
  return found;
}

/** How close to a part of itself a whole zone must score to be read instead of it. */
const WHOLE_ZONE_SCORE_RATIO = 0.9;

/**
 * Removes bands already covered by a better one: the same zone found at another smear width, or a line
 * (or pair of lines) of a three-line zone that was kept whole.
 */
function dedupe(bands: MrzBand[]): MrzBand[] {
  const kept: MrzBand[] = [];
  for (const b of [...bands].sort((x, y) => y.score - x.score)) {
    // A zone of three lines scores a little below two of its own lines (its spread is larger), yet reading the
    // two alone finds a partial TD1 and costs a second OCR pass over the whole zone: it takes their place.
    const part = kept.findIndex(
      (k) => k.lineCount < b.lineCount && b.score >= WHOLE_ZONE_SCORE_RATIO * k.score && covers(b, k),
    );
    if (part >= 0) {
      kept[part] = alongPart(b, kept[part]);
      continue;
    }
    if (!kept.some((k) => k.lineCount >= b.lineCount && covers(k, b))) kept.push(b);
  }
  return kept;
}

/**
 * The whole zone across, its better-scoring part along: a zone's lines are equally long, and the longest of
 * three smeared lines is the one most likely joined to something beside it (a card edge on a desk photo, read as
 * a stray character). Ink that does continue is recovered by {@link growAlong}.
 */
function alongPart(whole: MrzBand, part: MrzBand): MrzBand {
  const c = Math.cos(rad(whole.angle));
  const s = Math.sin(rad(whole.angle));
  const shift = (part.cx - whole.cx) * c + (part.cy - whole.cy) * s;
  return { ...whole, cx: whole.cx + shift * c, cy: whole.cy + shift * s, length: part.length };
}

/** `outer` (as long or longer in lines) holds the centre of `inner`, at about the same angle. */
function covers(outer: MrzBand, inner: MrzBand): boolean {
  if (angleGap(outer.angle, inner.angle) > 6) return false;
  const p = project(
    {
      cx: outer.cx,
      cy: outer.cy,
      angle: outer.angle,
      length: outer.length,
      thickness: outer.lineThickness,
      fill: 1,
    },
    inner.cx,
    inner.cy,
  );
  return (
    Math.abs(p.across) < Math.max(outer.height / 2, inner.lineThickness) &&
    Math.abs(p.along) < outer.length / 2
  );
}

/**
 * The ink mask of each raster searched so far: the reader searches one page for horizontal bands and, when
 * they fail, for vertical ones, and binarisation is a third of the search's time. Held weakly: a page's mask
 * goes with the page.
 */
const masks = new WeakMap<GreyImage, Uint8Array>();

/** Which text direction to look for, and how many bands to return. */
export interface LocateOptions {
  maxBands: number;
  /** Horizontal finds text within ±40° of level (upright or upside down); vertical finds pages turned by 90°. */
  direction: 'horizontal' | 'vertical';
}

/**
 * Finds candidate MRZ bands in a grey raster, best first. Horizontal and vertical text are separate calls
 * because most documents are upright and the vertical search would only cost time; the 180° ambiguity is
 * left to the reader (check digits decide).
 */
export function locateMrzBands(img: GreyImage, options: Partial<LocateOptions> = {}): MrzBand[] {
  const { maxBands = 6, direction = 'horizontal' } = options;
  const { width, height } = img;
  const side = Math.max(width, height);
  let mask = masks.get(img);
  if (!mask) {
    mask = darkMask(img, Math.max(8, Math.round(side / 60)));
    masks.set(img, mask);
  }
  const gaps = [
    Math.max(3, Math.round(side / 160)),
    Math.max(5, Math.round(side / 80)),
    Math.max(8, Math.round(side / 55)),
  ];
  const minThickness = Math.max(4, side / 160);
  if (direction === 'horizontal') {
    const bands = groupLines(linesOf(mask, width, height, gaps, minThickness));
    // ICAO puts the MRZ at the bottom of the data page: a mild preference for lower bands breaks near-ties.
    for (const b of bands) b.score *= 0.85 + 0.3 * (b.cy / height);
    return dedupe(bands)
      .slice(0, maxBands)
      .map((b) => growAlong(b, mask, width, height));
  }
  const vertical = linesOf(transpose(mask, width, height), height, width, gaps, minThickness).map((l) => ({
    ...l,
    cx: l.cy,
    cy: l.cx,
    angle: l.angle <= 0 ? 90 + l.angle : l.angle - 90,
  }));
  return dedupe(groupLines(vertical))
    .slice(0, maxBands)
    .map((b) => growAlong(b, mask, width, height));
}

/**
 * Extends a band along its lines while ink continues within its rows. A stamp or a signature printed over
 * part of the MRZ merges those characters into a blob that is no line; the band found from the clean part
 * would otherwise cut the zone short. Stops at the first gap wider than a character (the page margin).
 */
function growAlong(band: MrzBand, mask: Uint8Array, width: number, height: number): MrzBand {
  const c = Math.cos(rad(band.angle));
  const s = Math.sin(rad(band.angle));
  const maxGap = Math.max(2, band.lineThickness * 0.9);
  const limit = band.length * 0.6;
  const inkAt = (along: number): boolean => {
    for (let across = -band.height / 2; across <= band.height / 2; across += 1) {
      const x = Math.round(band.cx + along * c - across * s);
      const y = Math.round(band.cy + along * s + across * c);
      if (x >= 0 && y >= 0 && x < width && y < height && mask[y * width + x]) return true;
    }
    return false;
  };
  const reach = (dir: 1 | -1): number => {
    let end = 0;
    for (let d = 1; d <= limit && d - end <= maxGap; d++) if (inkAt(dir * (band.length / 2 + d))) end = d;
    return end;
  };
  const forward = reach(1);
  const backward = reach(-1);
  if (forward === 0 && backward === 0) return band;
  const shift = (forward - backward) / 2;
  return {
    ...band,
    cx: band.cx + shift * c,
    cy: band.cy + shift * s,
    length: band.length + forward + backward,
  };
}
