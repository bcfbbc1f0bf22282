import sharp, { type Sharp } from 'sharp';
import type { GreyImage } from '@idv/ocr';
import type { Box } from '@idv/quality';
import type { DocumentSide } from '../document.reader';
import { findCardOutline, flattenCard } from './card-outline';
import { textDirection } from './text-direction';

/** One way a card image may stand upright: the card alone, turned, at the working width. */
export interface UprightCard {
  image: GreyImage;
  /** Clockwise degrees the side was turned by to stand upright (quarter turns plus skew). */
  turn: number;
}

/** Working width of an upright ID-1 card: 15 px/mm, where the cards' 9-point print is ~25 px tall. */
export const CARD_WIDTH = 1284;
/** Margin kept round the framing check's box: a box drawn tight may shave the outer characters. */
const MARGIN = 0.015;
/** Width over height of an ID-1 card (85.6 × 54 mm). */
const ID1_ASPECT = 85.6 / 54;

/**
 * The ways a card side may stand upright, the likeliest first, each made on first use: where the card's outline
 * shows (a card on a desk, in a hand, turned, in perspective) the card flattened from its four corners, the right
 * way up and upside down (which one only what it reads tells); then, or where no outline shows (an upload cropped
 * to the card), the framing check's box with its text lines made horizontal, both ways up. All at the working
 * width {@link CARD_WIDTH}.
 */
export async function uprightCandidates(side: DocumentSide): Promise<Array<() => Promise<UprightCard>>> {
  const lazy = (make: () => Promise<UprightCard>) => {
    let made: Promise<UprightCard> | null = null;
    return () => (made ??= make());
  };
  const candidates: Array<() => Promise<UprightCard>> = [];
  const outline = findCardOutline(side.image.grey);
  if (outline) {
    // The outline's first edge is a long one; the likelier top is the one nearer the top of the image.
    const [a, b, c, d] = outline.corners;
    const topFirst = a[1] + b[1] <= c[1] + d[1];
    for (const flip of [!topFirst, topFirst])
      candidates.push(
        lazy(async () => ({ image: flattenCard(side.image.grey, outline, CARD_WIDTH, flip), turn: 0 })),
      );
  }
  // The framing check's box: the only way when no outline shows, a second chance when a regular pattern round
  // the card drew the outline wrong.
  const framed = lazy(async () => {
    const card = await cropTo(
      side.image.grey,
      side.quality.document.found ? side.quality.document.box : undefined,
    );
    return { image: card, turn: 0 };
  });
  const direction = lazy(async () => {
    const { image } = await framed();
    const { vertical, skew } = textDirection(image);
    // Lines running down the image: a quarter turn either way; the 180° candidate covers the other.
    return { image, turn: (vertical ? 90 : 0) - skew };
  });
  for (const half of [0, 180])
    candidates.push(
      lazy(async () => {
        const { image, turn } = await direction();
        return { image: await turned(image, turn + half), turn: turn + half };
      }),
    );
  return candidates;
}

/** A window of an upright card (normalised box) as a PNG ready for OCR, scaled by `scale`. */
export async function windowOf(card: GreyImage, window: Box, scale = 1): Promise<Buffer> {
  const left = Math.max(0, Math.round(window.x * card.width));
  const top = Math.max(0, Math.round(window.y * card.height));
  const width = Math.max(1, Math.min(card.width - left, Math.round(window.width * card.width)));
  const height = Math.max(1, Math.min(card.height - top, Math.round(window.height * card.height)));
  let pipeline = raw(card).extract({ left, top, width, height });
  if (scale !== 1) {
    // Materialised first: sharp would otherwise resize before it extracts.
    const cut = await pipeline.png().toBuffer();
    pipeline = sharp(cut).resize(Math.max(1, Math.round(width * scale)));
  }
  return pipeline.normalise().png().toBuffer();
}

async function cropTo(grey: GreyImage, box: Box | undefined): Promise<GreyImage> {
  if (!box) return grey;
  let x0 = (box.x - MARGIN) * grey.width;
  let y0 = (box.y - MARGIN) * grey.height;
  let x1 = (box.x + box.width + MARGIN) * grey.width;
  let y1 = (box.y + box.height + MARGIN) * grey.height;
  // A box flatter than a card lost an edge with no contrast to the background (a pale card on a pale desk):
  // grow it back to the card's proportions on both sides, since which edge was lost is not known.
  const [w, h] = [x1 - x0, y1 - y0];
  const long = Math.max(w, h);
  const short = Math.min(w, h);
  if (long / short > ID1_ASPECT * 1.06) {
    const grow = (long / ID1_ASPECT - short) / 2;
    if (w > h) [y0, y1] = [y0 - grow, y1 + grow];
    else [x0, x1] = [x0 - grow, x1 + grow];
  }
  const left = Math.max(0, Math.floor(x0));
  const top = Math.max(0, Math.floor(y0));
  const right = Math.min(grey.width, Math.ceil(x1));
  const bottom = Math.min(grey.height, Math.ceil(y1));
  if (right - left < 16 || bottom - top < 16) return grey;
  return greyOf(raw(grey).extract({ left, top, width: right - left, height: bottom - top }));
}

async function turned(card: GreyImage, turn: number): Promise<GreyImage> {
  const angle = ((turn % 360) + 360) % 360;
  const upright = angle === 0 ? raw(card) : raw(card).rotate(angle, { background: '#ffffff' });
  return greyOf(upright.resize(CARD_WIDTH));
}

function raw(img: GreyImage) {
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), {
    raw: { width: img.width, height: img.height, channels: 1 },
  });
}

async function greyOf(pipeline: Sharp): Promise<GreyImage> {
  const { data, info } = await pipeline.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height),
    width: info.width,
    height: info.height,
  };
}
