import { Rng } from '../prng';
import { DocumentImage, RAW_CHANNELS } from './document-image';

/**
 * A reproduction of a colour document. `greyscale`: luminance only, as a black-and-white print or scan keeps
 * it. `photocopy`: a copier's hard tone curve (paper to white, print to near black, the pattern mostly gone),
 * a little toner noise and scattered specks.
 */
export async function copyDefect(
  image: DocumentImage,
  style: 'greyscale' | 'photocopy',
  seed: number,
): Promise<DocumentImage> {
  const rng = new Rng(seed);
  const data = Buffer.from(image.data);
  const lift = rng.float(0.18, 0.3);
  const span = rng.float(0.5, 0.62);
  for (let i = 0; i < data.length; i += RAW_CHANNELS) {
    let g = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
    if (style === 'photocopy') {
      g = (255 * (g / 255 - lift)) / span + (rng.next() - 0.5) * 14;
      if (rng.next() < 0.0015) g = rng.int(20, 90);
    }
    const v = g < 0 ? 0 : g > 255 ? 255 : Math.round(g);
    data[i] = v;
    data[i + 1] = v;
    data[i + 2] = v;
  }
  return { ...image, data };
}
