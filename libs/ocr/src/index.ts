/**
 * Offline OCR of identity documents with tesseract.js: the machine-readable zone (band location, deskew,
 * legacy-engine OCR, check-digit-guided choice among candidates) and, on demand, the visual zone (LSTM).
 */
export { OcrEngine } from './ocr.engine';
export type { OcrEngineOptions } from './ocr.engine';
export { OcrError, OcrErrorCode } from './ocr.error';
export type { VisualZoneHints } from './visual-zone.reader';
export type { Box, MrzLayout, MrzRead, Rotation, TextBlock, VisualZoneRead } from './ocr.types';
export { readMrzWith, mrzFromText, emptyRead, DEFAULT_MRZ_READER_OPTIONS } from './mrz.reader';
export type { BandRecogniser, MrzReaderOptions, OcrPass } from './mrz.reader';
export { bundledMrzModelDir, defaultMrzModel } from './tesseract.workers';
export type { MrzModel } from './tesseract.workers';
export { locateMrzBands } from './mrz-band.locator';
export type { MrzBand } from './mrz-band.locator';
export type { WorkerPoolStats } from './worker.pool';
export type { GreyImage } from './grey-image';
export { stripHanSpaces } from './text-lines';
export { HanLineRecogniser, bundledHanModel } from './han-line.recogniser';
export type { HanLineRead, HanLineRecogniserOptions } from './han-line.recogniser';
export type { LineScript, TextLine } from './text-lines';
