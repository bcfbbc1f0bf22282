import { Rng } from './prng';
import { Box } from './sample.model';
import { n } from './svg.util';

const SKIN = ['#e9c6a8', '#d8a984', '#b98563', '#8d5b3e', '#f1d3bd', '#c99875'];
const HAIR = ['#2b2118', '#4a3324', '#7a5a3a', '#b8925a', '#1b1b1b', '#8f8f8f'];
const BACKDROP = ['#dfe6ee', '#e8e8e8', '#d9e3e6', '#ece7e0'];
const CLOTHES = ['#34495e', '#5b6770', '#2f3e4e', '#6c4f4f', '#44594a', '#dcdcdc'];

/** Desaturates a colour (laser-engraved card photos are grey). */
function grey(hex: string): string {
  const v = parseInt(hex.slice(1), 16);
  const l = Math.round(0.3 * ((v >> 16) & 255) + 0.59 * ((v >> 8) & 255) + 0.11 * (v & 255));
  return `#${l.toString(16).padStart(2, '0').repeat(3)}`;
}

/**
 * A drawn head-and-shoulders silhouette standing in for the holder's photo: no real face, but the same
 * mid-tone blob on a light backdrop that real photos give, so photo-area glare and layout detection see
 * something plausible. Every shape stays inside `box`, so no clipping (slow in librsvg) is needed.
 */
export function portrait(rng: Rng, box: Box, greyscale = false, opacity = 1): string {
  const tone = (hex: string) => (greyscale ? grey(hex) : hex);
  const skin = tone(rng.pick(SKIN));
  const hair = tone(rng.pick(HAIR));
  const backdrop = tone(rng.pick(BACKDROP));
  const clothes = tone(rng.pick(CLOTHES));
  const { x, y, width: w, height: h } = box;
  const cx = x + w * rng.float(0.47, 0.53);
  const headRx = w * rng.float(0.19, 0.22);
  const headRy = h * rng.float(0.19, 0.21);
  const headCy = y + h * rng.float(0.4, 0.44);
  const neckW = headRx * 0.9;
  const shoulderY = headCy + headRy * 1.35;
  const longHair = rng.chance(0.45);
  const crown = headCy - headRy * 1.22;
  const hairPath = longHair
    ? `M${n(cx - headRx * 1.3)} ${n(shoulderY + h * 0.04)} Q${n(cx - headRx * 1.45)} ${n(crown - headRy * 0.25)} ${n(cx)} ${n(crown)} Q${n(cx + headRx * 1.45)} ${n(crown - headRy * 0.25)} ${n(cx + headRx * 1.3)} ${n(shoulderY + h * 0.04)} Z`
    : `M${n(cx - headRx * 1.04)} ${n(headCy - headRy * 0.35)} Q${n(cx - headRx * 1.15)} ${n(crown - headRy * 0.15)} ${n(cx)} ${n(crown)} Q${n(cx + headRx * 1.15)} ${n(crown - headRy * 0.15)} ${n(cx + headRx * 1.04)} ${n(headCy - headRy * 0.35)} Q${n(cx)} ${n(headCy - headRy * 0.85)} ${n(cx - headRx * 1.04)} ${n(headCy - headRy * 0.35)} Z`;
  const body = `M${n(x)} ${n(y + h)} L${n(x)} ${n(shoulderY + h * 0.12)} Q${n(x + w * 0.05)} ${n(shoulderY)} ${n(cx - neckW)} ${n(shoulderY)} L${n(cx + neckW)} ${n(shoulderY)} Q${n(x + w * 0.95)} ${n(shoulderY)} ${n(x + w)} ${n(shoulderY + h * 0.12)} L${n(x + w)} ${n(y + h)} Z`;
  const eyeY = headCy - headRy * 0.08;
  const eyeDx = headRx * 0.4;
  const o = opacity < 1 ? ` fill-opacity="${n(opacity)}"` : '';
  const featureOpacity = n(0.7 * opacity);
  return (
    `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${backdrop}"${o}/>` +
    (longHair ? `<path d="${hairPath}" fill="${hair}"${o}/>` : '') +
    `<rect x="${n(cx - neckW / 2)}" y="${n(headCy + headRy * 0.6)}" width="${n(neckW)}" height="${n(headRy)}" fill="${skin}"${o}/>` +
    `<path d="${body}" fill="${clothes}"${o}/>` +
    `<ellipse cx="${n(cx)}" cy="${n(headCy)}" rx="${n(headRx)}" ry="${n(headRy)}" fill="${skin}"${o}/>` +
    (longHair ? '' : `<path d="${hairPath}" fill="${hair}"${o}/>`) +
    `<ellipse cx="${n(cx - eyeDx)}" cy="${n(eyeY)}" rx="${n(headRx * 0.12)}" ry="${n(headRy * 0.05)}" fill="#3a2a20" fill-opacity="${featureOpacity}"/>` +
    `<ellipse cx="${n(cx + eyeDx)}" cy="${n(eyeY)}" rx="${n(headRx * 0.12)}" ry="${n(headRy * 0.05)}" fill="#3a2a20" fill-opacity="${featureOpacity}"/>` +
    `<path d="M${n(cx - headRx * 0.3)} ${n(headCy + headRy * 0.45)} Q${n(cx)} ${n(headCy + headRy * 0.55)} ${n(cx + headRx * 0.3)} ${n(headCy + headRy * 0.45)}" stroke="#7a4a3a" stroke-width="${n(headRy * 0.04)}" fill="none" stroke-opacity="${n(0.6 * opacity)}"/>`
  );
}

/** A handwriting-like squiggle in blue-black ink. */
export function signature(rng: Rng, box: Box): string {
  const strokes = rng.int(5, 9);
  let d = `M${n(box.x)} ${n(box.y + box.height * rng.float(0.4, 0.8))}`;
  for (let i = 1; i <= strokes; i++) {
    const x = box.x + (box.width * i) / strokes;
    const y = box.y + box.height * rng.float(0.15, 0.95);
    const cx = x - box.width / strokes / 2 + rng.float(-1, 1);
    const cy = box.y + box.height * rng.float(-0.2, 1.2);
    d += ` Q${n(cx)} ${n(cy)} ${n(x)} ${n(y)}`;
  }
  const ink = rng.pick(['#1d2a6b', '#101820', '#23306e']);
  return `<path d="${d}" fill="none" stroke="${ink}" stroke-width="${n(rng.float(0.22, 0.35))}" stroke-linecap="round" stroke-linejoin="round"/>`;
}
