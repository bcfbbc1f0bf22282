import { Box, CropEdge } from '../sample.model';
import {
  boundingBox,
  clipBox,
  corners,
  DocumentImage,
  mapRegions,
  pipeline,
  RAW_CHANNELS,
  toImage,
} from './document-image';

/**
 * Clockwise rotation by `angle` degrees. Quarter turns are lossless (a page photographed sideways); other
 * angles enlarge the canvas and fill the corners with the colour at the image's corner (the scanner bed or
 * desk), as a skewed scan looks.
 */
export async function rotateDefect(image: DocumentImage, angle: number): Promise<DocumentImage> {
  const turn = ((angle % 360) + 360) % 360;
  const { width: w, height: h } = image;
  if (turn === 0) return image;
  if (turn % 90 === 0) {
    const map = (b: Box): Box => {
      if (turn === 90) return { x: h - (b.y + b.height), y: b.x, width: b.height, height: b.width };
      if (turn === 180)
        return { x: w - (b.x + b.width), y: h - (b.y + b.height), width: b.width, height: b.height };
      return { x: b.y, y: w - (b.x + b.width), width: b.height, height: b.width };
    };
    return toImage(pipeline(image).rotate(turn), mapRegions(image.regions, map));
  }
  const background = cornerColour(image);
  const out = await toImage(pipeline(image).rotate(turn, { background }), image.regions);
  const rad = (turn * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const point = ([x, y]: [number, number]): [number, number] => {
    const dx = x - w / 2;
    const dy = y - h / 2;
    return [out.width / 2 + dx * cos - dy * sin, out.height / 2 + dx * sin + dy * cos];
  };
  out.regions = mapRegions(image.regions, (b) =>
    clipBox(boundingBox(corners(b).map(point)), out.width, out.height),
  );
  return out;
}

function cornerColour(image: DocumentImage): { r: number; g: number; b: number } {
  const i = (Math.min(2, image.height - 1) * image.width + Math.min(2, image.width - 1)) * RAW_CHANNELS;
  return { r: image.data[i], g: image.data[i + 1], b: image.data[i + 2] };
}

/**
 * Cuts the image. Edge `mrz` cuts from the image edge nearest the MRZ (the bottom of an upright page) through
 * `fraction` of the MRZ band (1 removes it entirely, 0.5 about half its lines); the other edges remove
 * `fraction` of the image's width or height from that side.
 */
export async function cropDefect(
  image: DocumentImage,
  edge: CropEdge,
  fraction: number,
): Promise<DocumentImage> {
  const f = Math.min(0.95, Math.max(0, fraction));
  const { width: w, height: h } = image;
  let side: Exclude<CropEdge, 'mrz'>;
  let depth: number;
  if (edge === 'mrz') {
    const mrz = image.regions.mrz;
    if (!mrz) return cropDefect(image, 'bottom', 0.2);
    const distances: Record<Exclude<CropEdge, 'mrz'>, number> = {
      top: mrz.y,
      bottom: h - (mrz.y + mrz.height),
      left: mrz.x,
      right: w - (mrz.x + mrz.width),
    };
    side = (Object.keys(distances) as (keyof typeof distances)[]).reduce((a, b) =>
      distances[b] < distances[a] ? b : a,
    );
    const thickness = side === 'top' || side === 'bottom' ? mrz.height : mrz.width;
    depth = Math.round(distances[side] + thickness * Math.min(1, Math.max(0, fraction)));
  } else {
    side = edge;
    depth = Math.round((side === 'top' || side === 'bottom' ? h : w) * f);
  }
  const keep: Box =
    side === 'bottom'
      ? { x: 0, y: 0, width: w, height: h - depth }
      : side === 'top'
        ? { x: 0, y: depth, width: w, height: h - depth }
        : side === 'right'
          ? { x: 0, y: 0, width: w - depth, height: h }
          : { x: depth, y: 0, width: w - depth, height: h };
  keep.width = Math.max(1, keep.width);
  keep.height = Math.max(1, keep.height);
  const regions = mapRegions(image.regions, (b) =>
    clipBox({ x: b.x - keep.x, y: b.y - keep.y, width: b.width, height: b.height }, keep.width, keep.height),
  );
  return toImage(
    pipeline(image).extract({ left: keep.x, top: keep.y, width: keep.width, height: keep.height }),
    regions,
  );
}
