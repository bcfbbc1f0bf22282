import type { OcrEngine } from '@idv/ocr';
import { documentKindFromText, type DocumentKind } from './document-kind';
import type { DocumentRead, DocumentReader, DocumentSide, ReadContext } from './document.reader';
import { printedText } from './printed-text';

/** Options of {@link DocumentReaders}. */
export interface DocumentReadersOptions {
  /**
   * When no reader recognises the document, read its captions to tell a card of another kind (a payment card:
   * `unsupported`) from an identity document that could not be read (default true).
   */
  classifyUnrecognised?: boolean;
}

/**
 * Every document family behind one reader (ZXing's `MultiFormatReader`): the readers are tried in turn and
 * the first that recognises its family answers. The order follows the declared `documentType` first (its
 * family alone is tried first, then the others, so a wrong declaration costs time, not the verdict), then what
 * the registration record suggests, then the order given. Adding a family is adding a reader to the list.
 */
export class DocumentReaders {
  constructor(
    private readonly readers: readonly DocumentReader[],
    private readonly ocr: OcrEngine,
    private readonly options: DocumentReadersOptions = {},
  ) {
    if (readers.length === 0) throw new RangeError('DocumentReaders needs at least one reader');
  }

  /** The readers in the order they are tried for this context. */
  orderFor(context: ReadContext): DocumentReader[] {
    const rank = (r: DocumentReader) =>
      context.declared && r.documentTypes.includes(context.declared)
        ? 0
        : r.suggestedBy(context.record)
          ? 1
          : 2;
    // Array.prototype.sort is stable: readers of equal rank keep the given order.
    return [...this.readers].sort((a, b) => rank(a) - rank(b));
  }

  async read(sides: readonly DocumentSide[], context: ReadContext): Promise<DocumentRead> {
    const reads = new Map<DocumentReader, DocumentRead>();
    const timings: Record<string, number> = {};
    for (const reader of this.orderFor(context)) {
      const read = await reader.read(sides, context);
      Object.assign(timings, read.timings);
      if (read.recognised) return { ...read, timings };
      reads.set(reader, read);
    }
    // Nothing of ours is seen. The reasons of the declared family's reader stand (what it could not find), else
    // those of the first reader given, never of one a record's number merely suggested; unless the card is
    // recognisably something else.
    const declared = this.readers.find((r) => context.declared && r.documentTypes.includes(context.declared));
    const answer = { ...reads.get(declared ?? this.readers[0])!, timings };
    if (this.options.classifyUnrecognised !== false && answer.evidence.found) {
      const started = performance.now();
      const kind = await this.kindOf(sides);
      timings.classification = Math.round((performance.now() - started) * 10) / 10;
      answer.checks = { ...answer.checks, documentKind: kind };
      if (kind === 'other') answer.evidence = { ...answer.evidence, supported: false };
    }
    return answer;
  }

  /** The most telling kind over the sides: any identity marker wins over other text. */
  private async kindOf(sides: readonly DocumentSide[]): Promise<DocumentKind> {
    let kind: DocumentKind = 'unknown';
    for (const side of sides) {
      // Only what kind of card it is: its titles and captions, read at a cheaper scale first; nothing telling
      // there (small print, a dark card), the side is read in full before it is called unknown.
      let found = documentKindFromText(await printedText(this.ocr, side, { detail: 'captions' }));
      if (found === 'unknown') found = documentKindFromText(await printedText(this.ocr, side));
      // The framing check's box of a card tilted on a dark desk can clip it, and the page's angle is an estimate
      // from its lines of print: two photographed loyalty cards read `EMBER CARD` so. The whole photo is read as it
      // lies too (tesseract's own deskewing copes with a tilt of a few degrees) before the card is called unknown.
      if (found === 'unknown')
        found = documentKindFromText(
          await printedText(this.ocr, side, { angle: 0, detail: 'captions', wholeImage: true }),
        );
      if (found === 'identity') return found;
      if (found === 'other') kind = found;
    }
    return kind;
  }
}
