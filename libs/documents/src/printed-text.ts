import type { OcrEngine } from '@idv/ocr';
import type { DocumentSide } from './document.reader';

/** Reads of each side, by what was asked: the LSTM page pass costs up to seconds, so no side is read twice. */
const reads = new WeakMap<DocumentSide, Map<string, Promise<string>>>();

/**
 * The printed (visual-zone) text of a side, read within the document the framing check found (or the whole image,
 * `wholeImage`) and turned upright by `angle` when the caller knows it; `captions` reads titles and captions only,
 * at a cheaper scale.
 * An OCR failure reads as no text (the verdict then says unreadable).
 */
export function printedText(
  ocr: OcrEngine,
  side: DocumentSide,
  options: { angle?: number; detail?: 'captions'; wholeImage?: boolean } = {},
): Promise<string> {
  const key = `${options.angle ?? ''}/${options.detail ?? 'fields'}/${options.wholeImage ? 'image' : 'document'}`;
  let bySide = reads.get(side);
  if (!bySide) reads.set(side, (bySide = new Map()));
  let text = bySide.get(key);
  if (!text) {
    const document = side.quality.document;
    text = ocr
      .readVisualZone(side.image.grey, {
        region: document.found && !options.wholeImage ? document.box : undefined,
        angle: options.angle,
        detail: options.detail,
      })
      .then((r) => r.text)
      .catch(() => '');
    bySide.set(key, text);
  }
  return text;
}
