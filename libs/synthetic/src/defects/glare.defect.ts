import sharp from 'sharp';
import { Rng } from '../prng';
import { Box, GlareRegion } from '../sample.model';
import { DocumentImage, toImage, pipeline } from './document-image';

/**
 * A specular highlight: an elliptical blob that saturates to white at its core and fades out, with a faint
 * colour fringe, laid over the chosen region. `intensity` (0..1) is the core's opacity and `size` scales the
 * ellipse relative to the region (1 covers it).
 */
export async function glareDefect(
  image: DocumentImage,
  region: GlareRegion,
  intensity: number,
  size: number,
  seed: number,
): Promise<DocumentImage> {
  const rng = new Rng(seed);
  const target = glareTarget(image, region);
  const cx = target.x + target.width * rng.float(0.4, 0.6);
  const cy = target.y + target.height * rng.float(0.4, 0.6);
  const rx = Math.max(4, (target.width / 2) * size * rng.float(0.95, 1.15));
  // Highlights are blobs, not slivers: over a thin band such as the MRZ the ellipse is at most 3:1, so its
  // saturated core spans the band's full height.
  const ry = Math.max(4, (target.height / 2) * size * rng.float(0.95, 1.3), rx / 3);
  const angle = rng.float(-20, 20);
  const core = Math.min(1, Math.max(0, intensity));
  const tint = rng.pick(['#ffffff', '#fffbe8', '#f2f8ff']);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${image.width}" height="${image.height}">` +
    `<defs><radialGradient id="g"><stop offset="0" stop-color="#ffffff" stop-opacity="${core}"/>` +
    `<stop offset="0.45" stop-color="#ffffff" stop-opacity="${core * 0.97}"/>` +
    `<stop offset="0.75" stop-color="${tint}" stop-opacity="${core * 0.55}"/>` +
    `<stop offset="1" stop-color="${tint}" stop-opacity="0"/></radialGradient></defs>` +
    `<ellipse cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" rx="${rx.toFixed(1)}" ry="${ry.toFixed(1)}" fill="url(#g)" transform="rotate(${angle.toFixed(2)} ${cx.toFixed(1)} ${cy.toFixed(1)})"/></svg>`;
  const overlay = await sharp(Buffer.from(svg)).png().toBuffer();
  return toImage(pipeline(image).composite([{ input: overlay, blend: 'over' }]), image.regions);
}

/** The box a glare aims at; falls back to sensible parts of the document when a side lacks that region. */
function glareTarget(image: DocumentImage, region: GlareRegion): Box {
  const doc = image.regions.document;
  switch (region) {
    case 'mrz':
      return (
        image.regions.mrz ?? {
          x: doc.x,
          y: doc.y + doc.height * 0.75,
          width: doc.width,
          height: doc.height * 0.25,
        }
      );
    case 'photo':
      return image.regions.photo ?? { x: doc.x, y: doc.y, width: doc.width * 0.35, height: doc.height * 0.7 };
    case 'fields':
      return (
        image.regions.fields ?? {
          x: doc.x + doc.width * 0.35,
          y: doc.y,
          width: doc.width * 0.6,
          height: doc.height * 0.6,
        }
      );
    case 'number':
      return image.regions.named?.documentNumber ?? glareTarget(image, 'mrz');
    case 'name':
      return image.regions.named?.fullName ?? glareTarget(image, 'fields');
    case 'corner':
      return { x: doc.x + doc.width * 0.72, y: doc.y, width: doc.width * 0.28, height: doc.height * 0.3 };
  }
}
