/** Stable codes for the failures of the OCR library. */
export enum OcrErrorCode {
  /** A tesseract worker did not finish loading in time (missing or corrupt model, wasm failure). */
  WORKER_INIT_FAILED = 'OCR_WORKER_INIT_FAILED',
  /** One recognition job exceeded its time limit; the worker was replaced. */
  JOB_TIMEOUT = 'OCR_JOB_TIMEOUT',
  /** The worker reported an error for a job; the worker was replaced. */
  JOB_FAILED = 'OCR_JOB_FAILED',
  /** The engine was terminated; no further jobs are accepted. */
  ENGINE_TERMINATED = 'OCR_ENGINE_TERMINATED',
  /** The input bytes are not an image sharp can decode. */
  IMAGE_UNREADABLE = 'OCR_IMAGE_UNREADABLE',
}

const messages: Record<OcrErrorCode, string> = {
  [OcrErrorCode.WORKER_INIT_FAILED]: 'The OCR worker could not be started',
  [OcrErrorCode.JOB_TIMEOUT]: 'The OCR job timed out',
  [OcrErrorCode.JOB_FAILED]: 'The OCR job failed',
  [OcrErrorCode.ENGINE_TERMINATED]: 'The OCR engine has been terminated',
  [OcrErrorCode.IMAGE_UNREADABLE]: 'The image could not be decoded',
};

/** The one error type of `@idv/ocr`; `code` is stable, `message` is for logs. */
export class OcrError extends Error {
  constructor(
    readonly code: OcrErrorCode,
    detail?: string,
  ) {
    super(detail ? `${messages[code]}: ${detail}` : messages[code]);
    this.name = 'OcrError';
  }
}
