import * as fs from 'fs';
import * as path from 'path';
import { createWorker, OEM, PSM, Worker } from 'tesseract.js';

/** Which tesseract model reads the MRZ. */
export type MrzModel =
  /** `eng` 4.0.0 legacy (non-LSTM) engine: the measured best on OCR-B filler runs. */
  | { kind: 'eng-legacy' }
  /** Any LSTM traineddata file `<lang>.traineddata` (uncompressed) in `dir`, e.g. the tesseractMRZ model. */
  | { kind: 'lstm'; dir: string; lang: string };

/**
 * Directory of the bundled `mrz.traineddata` (libs/ocr/tessdata). Looked up beside the sources and from the
 * working directory, so it is found from ts sources, from the compiled dist tree and in the container.
 */
export function bundledMrzModelDir(): string {
  const candidates = [
    path.resolve(__dirname, '../tessdata'),
    path.resolve(__dirname, '../../../../libs/ocr/tessdata'),
    path.resolve(process.cwd(), 'libs/ocr/tessdata'),
  ];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'mrz.traineddata'))) ?? candidates[0];
}

/** The default MRZ model: the bundled tesseractMRZ LSTM model (see libs/ocr/tessdata/README.md). */
export function defaultMrzModel(): MrzModel {
  return { kind: 'lstm', dir: bundledMrzModelDir(), lang: 'mrz' };
}

/** Word lists only pull codes and numbers towards English words; they can only be turned off at init. */
const NO_DICTIONARIES = { load_system_dawg: '0', load_freq_dawg: '0' };

const BLANK_PGM = Buffer.concat([Buffer.from('P5\n64 24\n255\n', 'ascii'), Buffer.alloc(64 * 24, 255)]);

export const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

/** The @tesseract.js-data/eng package directory: models ship with npm, nothing is fetched at run time. */
function engDataDir(version: '4.0.0' | '4.0.0_best_int'): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), version);
}

/**
 * Common worker options. `cacheMethod: 'none'` keeps tesseract.js from writing model copies into the working
 * directory; the `errorHandler` turns worker-side errors into rejected jobs instead of uncaught exceptions.
 */
function baseOptions(langPath: string, gzip: boolean, onError: (err: unknown) => void) {
  return { langPath, gzip, cacheMethod: 'none', errorHandler: onError, logger: () => undefined };
}

/** Starts a worker tuned for MRZ bands: one block of text, MRZ alphabet only. */
export async function createMrzWorker(model: MrzModel, onError: (err: unknown) => void): Promise<Worker> {
  // tesseract.js never settles its start-up promise when a local model file is missing, and offers no handle
  // to stop that thread: check the file first so a wrong path fails at once and leaks nothing.
  const file =
    model.kind === 'eng-legacy'
      ? path.join(engDataDir('4.0.0'), 'eng.traineddata.gz')
      : path.join(model.dir, `${model.lang}.traineddata`);
  if (!fs.existsSync(file)) throw new Error(`model file not found: ${file}`);
  const worker =
    model.kind === 'eng-legacy'
      ? await createWorker(
          'eng',
          OEM.TESSERACT_ONLY,
          baseOptions(engDataDir('4.0.0'), true, onError),
          NO_DICTIONARIES,
        )
      : await createWorker(
          model.lang,
          OEM.LSTM_ONLY,
          baseOptions(model.dir, false, onError),
          NO_DICTIONARIES,
        );
  try {
    await worker.setParameters({
      tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
      tessedit_char_whitelist: MRZ_ALPHABET,
    });
    // The first recognition sets up the network lazily (~0.5 s); pay it at start-up, not on a user's document.
    await worker.recognize(BLANK_PGM);
  } catch (err) {
    await worker.terminate();
    throw err;
  }
  return worker;
}

/** The @tesseract.js-data/chi_sim package directory (the 1.7 MB `best_int` LSTM model). */
function chiSimDataDir(): string {
  return path.join(
    path.dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')),
    '4.0.0_best_int',
  );
}

/**
 * Starts an LSTM worker for the printed fields of Chinese cards: one block of lines per crop, and the spaces
 * tesseract puts between Han characters kept where they are so they can be stripped exactly (a run of spaces
 * is a column gap, as between 性别 男 and 民族 汉).
 */
export async function createHanWorker(onError: (err: unknown) => void): Promise<Worker> {
  const worker = await createWorker('chi_sim', OEM.LSTM_ONLY, baseOptions(chiSimDataDir(), true, onError));
  try {
    await worker.setParameters({
      tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
      preserve_interword_spaces: '1',
      // Crops carry no resolution; without one tesseract warns on every read and guesses 70 dpi.
      user_defined_dpi: '300',
    });
    await worker.recognize(BLANK_PGM);
  } catch (err) {
    await worker.terminate();
    throw err;
  }
  return worker;
}

/** Starts an LSTM worker for the visual zone (fully automatic page segmentation). */
export async function createVisualZoneWorker(onError: (err: unknown) => void): Promise<Worker> {
  const worker = await createWorker(
    'eng',
    OEM.LSTM_ONLY,
    baseOptions(engDataDir('4.0.0_best_int'), true, onError),
  );
  try {
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
  } catch (err) {
    await worker.terminate();
    throw err;
  }
  return worker;
}
