import type { TextLine } from '@idv/ocr';

/** An OCR line as the parsers receive it, for their tests: `y` orders the lines. */
export const ocrLine = (text: string, y: number, confidence = 0.9): TextLine => ({
  text,
  confidence,
  weakest: confidence,
  box: { x: 0, y, width: 300, height: 24 },
});
