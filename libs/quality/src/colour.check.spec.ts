import { checkColour, type ColourImage } from './colour.check';

const LIMITS = { copyChroma: 3, copyChromaticity: 0.5 };

/** A 40×20 image: `paint(x, y)` gives each pixel's RGB. */
function image(paint: (x: number, y: number) => [number, number, number]): ColourImage {
  const [width, height] = [40, 20];
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(paint(x, y), (y * width + x) * 3);
  return { width, height, data };
}

describe('checkColour', () => {
  it('calls a greyscale document, however contrasted, a reproduction', () => {
    const grey = image((x) => (x % 4 < 2 ? [20, 20, 20] : [240, 240, 240]));
    expect(checkColour(grey, undefined, LIMITS).issue).toMatchObject({
      code: 'DOCUMENT_COPY',
      severity: 'warn',
    });
  });

  it('does not take a uniform colour cast (warm light on a copy) for colour print', () => {
    // White balance multiplies each channel: R ×1.05, B ×0.85.
    const tinted = image((x) => (x % 4 < 2 ? [42, 40, 34] : [252, 240, 204]));
    expect(checkColour(tinted, undefined, LIMITS).issue?.code).toBe('DOCUMENT_COPY');
  });

  it('passes a pale colour card with coloured print', () => {
    const card = image((x, y) => ((x + y) % 5 === 0 ? [200, 60, 60] : [225, 235, 240]));
    expect(checkColour(card, undefined, LIMITS).issue).toBeUndefined();
  });

  it('measures the document only: a colourful desk round a photocopy does not make it colour', () => {
    const onDesk = image((x) => (x < 10 || x >= 30 ? [150, 90, 40] : x % 2 ? [30, 30, 30] : [230, 230, 230]));
    const box = { x: 0.25, y: 0, width: 0.5, height: 1 };
    expect(checkColour(onDesk, box, LIMITS).issue?.code).toBe('DOCUMENT_COPY');
    expect(checkColour(onDesk, undefined, LIMITS).issue).toBeUndefined();
  });
});
