import { DIGIT_LIKE_LETTER_AMONG_DIGITS, DIGITS_READ_AS_LETTER } from '@idv/mrz';
import { cropBand, evenLight, normalise, splitBandLines, toPgm } from './band.crop';
import { decodeGrey, fitGrey, GreyImage, resizeGrey } from './grey-image';
import { locateMrzBands, MrzBand } from './mrz-band.locator';
import { checkMrzLines, MrzCheck, structureScore } from './mrz.validator';
import {
  alignedVariants,
  extractMrzCandidates,
  MrzTextCandidate,
  normaliseLine,
  realignedVariants,
} from './mrz-text.cleaner';
import { Box, MrzRead, MrzZone, Rotation } from './ocr.types';

/** Text and mean confidence (0–100, tesseract's scale) of one OCR pass over a band image. */
export interface OcrPass {
  text: string;
  confidence: number;
}

/** Recognises one prepared band image (binary PGM); the OCR model is the caller's choice. */
export type BandRecogniser = (image: Buffer) => Promise<OcrPass>;

/**
 * Recognises one line of a band (an upright grey crop with a little margin), with a model trained on other
 * faces than the band recogniser's: the second opinion on an MRZ the first could not verify.
 */
export type MrzLineRecogniser = (line: GreyImage) => Promise<OcrPass>;

/** Tuning of the MRZ reader; the defaults were measured on the specimen corpus (see bench/ocr-specimens.ts). */
export interface MrzReaderOptions {
  /** Long side the page is reduced to before anything else (phone photos); MRZ characters stay ≥ 20 px. */
  maxPageSide: number;
  /** Long side of the raster the band locator works on. */
  locatorSide: number;
  /** How many located bands to OCR at most. */
  maxBands: number;
  /** Hard cap on OCR passes per image (bands × orientations), which bounds the worst-case time. */
  maxAttempts: number;
  /** Character height the band is scaled to before OCR. */
  charHeight: number;
  /**
   * When the line recogniser reads the band too: `unverified` (a first reading that fails its check digits or
   * may hide a misread they cannot catch), or `always` (a caller that wants both readings, e.g. to settle a name
   * the first reading may have slipped on: see `MrzRead.secondReading`).
   */
  secondOpinion: 'unverified' | 'always';
  /**
   * A read of this same image by this reader: its zone is not looked for and read by the model again, only
   * read by the line recogniser (with `secondOpinion: 'always'`, the second reading a caller asks for later).
   */
  firstReading?: MrzRead;
}

/** Line thickness (page pixels) under which a band counts as low resolution. */
const LOW_RES_THICKNESS = 14;
/** Character heights of the second-opinion passes over a low-resolution band. */
const RESCALE_CHAR_HEIGHTS = [20, 40];

/**
 * Locator score under which the best horizontal band is weak (an upright MRZ scores 24–50 on the specimens),
 * and how much stronger a vertical band must be to be read first.
 */
const WEAK_BAND_SCORE = 20;
const TURNED_PAGE_RATIO = 1.5;

/** Mean confidence above which a pass read real upright text, so reading it upside down is pointless. */
const UPRIGHT_CONFIDENCE = 0.6;

export const DEFAULT_MRZ_READER_OPTIONS: MrzReaderOptions = {
  maxPageSide: 2400,
  locatorSide: 800,
  maxBands: 3,
  maxAttempts: 4,
  charHeight: 30,
  secondOpinion: 'unverified',
};

interface Attempt {
  check: MrzCheck;
  confidence: number;
  band: MrzBand;
  flip: boolean;
  /** Structure of the uncovered fields (code letter, country codes that exist), minus a little for less likely alignments. */
  plausibility: number;
  /** The lines are OCR's own, character for character. */
  exact: boolean;
  /** The lines as OCR read them (normalised, before any fitting), for telling which of them are exact. */
  raw: readonly string[];
  /** Lines both recognisers read alike, one of them at the layout's length as read (set by the second opinion). */
  corroborated?: boolean[];
  /** The second recogniser's own reading, cleaned (set by the second opinion). */
  alone?: string[];
}

/** The text-derived part of a read, shared by band reads and {@link mrzFromText}. */
function textFields(check: MrzCheck, exact: boolean) {
  return {
    found: true,
    exact,
    lines: check.lines,
    format: check.format,
    valid: check.valid,
    checkDigitsPassed: check.passed,
    checkDigitsTotal: check.total,
  };
}

/**
 * Reads the MRZ of a document image (encoded, or already decoded to upright grey): locate candidate bands, OCR each (deskewed, scaled, contrast
 * stretched) and keep the first whose check digits all verify; otherwise the best partial read.
 */
export async function readMrzWith(
  image: Buffer | GreyImage,
  recognise: BandRecogniser,
  options: Partial<MrzReaderOptions> = {},
  readLine?: MrzLineRecogniser,
): Promise<MrzRead> {
  const started = performance.now();
  try {
    return await readMrzUnguarded(image, recognise, options, readLine);
  } catch {
    // Every expected failure is a value already; this guard keeps an unforeseen one (a sharp edge case on a
    // strange image) from becoming a rejected promise in the caller's pipeline.
    return { ...emptyRead('OCR_FAILED', 0), ms: performance.now() - started };
  }
}

/** A read that found nothing, with why. */
export function emptyRead(failure: MrzRead['failure'], attempts = 0): MrzRead {
  return {
    found: false,
    exact: false,
    lines: [],
    format: null,
    valid: false,
    checkDigitsPassed: 0,
    checkDigitsTotal: 0,
    confidence: 0,
    rotation: 0,
    skew: 0,
    attempts,
    ms: 0,
    failure,
  };
}

async function readMrzUnguarded(
  image: Buffer | GreyImage,
  recognise: BandRecogniser,
  options: Partial<MrzReaderOptions>,
  readLine: MrzLineRecogniser | undefined,
): Promise<MrzRead> {
  const opts = { ...DEFAULT_MRZ_READER_OPTIONS, ...options };
  const started = performance.now();
  const empty = (failure: MrzRead['failure'], attempts = 0): MrzRead => ({
    ...emptyRead(failure, attempts),
    ms: performance.now() - started,
  });

  let page: GreyImage;
  try {
    page = Buffer.isBuffer(image)
      ? await decodeGrey(image, opts.maxPageSide)
      : await fitGrey(image, opts.maxPageSide);
  } catch {
    return empty('IMAGE_UNREADABLE');
  }
  // Held in an object: TypeScript does not follow assignments made inside the closure below.
  const state: { best: Attempt | null } = { best: null };
  let attempts = 0;
  let ocrFailed = false;
  /** OCRs one band in one direction; returns the pass confidence (0–1), or 0 when the OCR failed. */
  const tryBand = async (
    band: MrzBand,
    flip: boolean,
    charHeight = opts.charHeight,
    grown = 0,
  ): Promise<number> => {
    attempts++;
    let pass: OcrPass;
    let attempt: Attempt | null;
    try {
      const crop = cropBand(page, band, {
        charHeight,
        marginAlong: 1.5,
        marginAcross: 0.8,
        flip,
      });
      pass = await recognise(toPgm(normalise(crop)));
      attempt = bestCandidate(pass, band, flip);
      // Nothing MRZ-shaped in a band half in a shadow, half in light: read again with its light evened out (a
      // photographed card's plainly legible zone read `EG`). Only then: evened, a motion-blurred zone read worse.
      const even = attempt ? crop : evenLight(crop);
      if (even !== crop) {
        attempts++;
        const again = await recognise(toPgm(normalise(even)));
        const evened = bestCandidate(again, band, flip);
        if (evened) [pass, attempt] = [again, evened];
      }
    } catch {
      // A worker that cannot start or answer will not do better on the next band: stop, report OCR_FAILED.
      ocrFailed = true;
      return 0;
    }
    if (attempt && (!state.best || rank(attempt) > rank(state.best))) state.best = attempt;
    // Two lines of ~30 characters are two thirds of a TD1 whose third line the locator did not group
    // (a different length of ink, a photo edge), and one MRZ line alone is a zone the locator split (close
    // lines on a turned page): read again with one more line pitch on each side. A TD1's top line found alone
    // and grown once holds two of its lines: the third is one more pitch below.
    const partOfZone =
      (isPartialTd1(pass.text) && (band.lineCount < 3 || grown === 1)) ||
      (band.lineCount < 2 && isSingleMrzLine(pass.text));
    if (!state.best?.check.valid && attempts < opts.maxAttempts && partOfZone && grown < 2) {
      await tryBand(growBand(band), flip, opts.charHeight, grown + 1);
    }
    return pass.confidence / 100;
  };
  // A document has one MRZ: once a read verifies at least half of its check digits, the zone is found and
  // other bands or directions cannot do better; the remaining digits failed on OCR errors, not on placement.
  const settled = () =>
    !!state.best && state.best.check.total > 0 && state.best.check.passed * 2 >= state.best.check.total;
  const done = () => ocrFailed || settled() || attempts >= opts.maxAttempts;

  /** Looks for the zone and reads it with the model: the horizontal bands found, and whether there were none. */
  const search = async (): Promise<{ horizontal: MrzBand[]; noBand: boolean }> => {
    const scale = opts.locatorSide / Math.max(page.width, page.height);
    const work = await resizeGrey(
      page,
      Math.max(1, Math.round(page.width * scale)),
      Math.max(1, Math.round(page.height * scale)),
    );
    // Most documents are upright: read the horizontal bands as they are first, then upside down (only those
    // whose upright read was not confident text), and only then look for vertical text (a page turned by 90°)
    // — unless the horizontal bands are weak and a vertical one is far stronger: then the page is turned, and
    // the vertical band goes first.
    const horizontal = locateMrzBands(work, { maxBands: opts.maxBands, direction: 'horizontal' }).map((b) =>
      toPageBand(b, scale),
    );
    const locateVertical = () =>
      locateMrzBands(work, { maxBands: 2, direction: 'vertical' }).map((b) => toPageBand(b, scale));
    const readVertical = async (bands: MrzBand[]) => {
      for (const band of bands) {
        if (done()) break;
        if ((await tryBand(band, false)) >= UPRIGHT_CONFIDENCE && state.best?.check.passed) continue;
        if (!done()) await tryBand(band, true);
      }
    };
    const strongestHorizontal = horizontal[0]?.score ?? 0;
    let vertical = strongestHorizontal < WEAK_BAND_SCORE ? locateVertical() : null;
    const verticalFirst =
      vertical !== null && (vertical[0]?.score ?? 0) > TURNED_PAGE_RATIO * strongestHorizontal;
    if (verticalFirst) await readVertical(vertical!);
    const unsure: MrzBand[] = [];
    for (const band of horizontal) {
      if (done()) break;
      if ((await tryBand(band, false)) < UPRIGHT_CONFIDENCE) unsure.push(band);
    }
    for (const band of unsure) {
      if (done()) break;
      await tryBand(band, true);
    }
    if (!done()) {
      vertical ??= locateVertical();
      if (!verticalFirst) await readVertical(vertical);
      if (horizontal.length === 0 && vertical.length === 0) return { horizontal, noBand: true };
    }
    // Small print is where OCR errors come from: a partial read of a low-resolution band gets a second opinion
    // at other scales, since resampling moves the errors around (each pass is ranked like any other).
    const partial = state.best as Attempt | null;
    const budget = opts.maxAttempts - attempts >= RESCALE_CHAR_HEIGHTS.length;
    if (
      partial &&
      !partial.check.valid &&
      !ocrFailed &&
      budget &&
      partial.band.lineThickness < LOW_RES_THICKNESS
    ) {
      for (const charHeight of RESCALE_CHAR_HEIGHTS) {
        if (state.best?.check.valid || ocrFailed) break;
        await tryBand(partial.band, partial.flip, charHeight);
      }
    }
    return { horizontal, noBand: false };
  };
  // A zone read before is read again by the line recogniser only (see MrzReaderOptions.firstReading).
  const known = opts.firstReading?.zone ? attemptFrom(opts.firstReading, opts.firstReading.zone) : null;
  const { horizontal, noBand } = known ? { horizontal: [], noBand: false } : await search();
  if (noBand) return empty('NO_MRZ_BAND');
  if (known) state.best = known;
  // The MRZ model was trained on OCR-B; an MRZ printed in another face (a typewriter face, a sans) it misreads
  // in ways no cleaning repairs (6 as G, 0 as O, a character put in). A second recogniser trained on many
  // faces reads the same band line by line, and each line is taken from whichever reading makes the zone
  // verify: two independent readings agreeing with the check digits, not a guess.
  let secondReading: string[] | undefined;
  const modelReading = state.best?.check.lines;
  // A verifying reading is asked about too where its check digits may have passed by chance or cannot see: a
  // letter among digits, or a document code or country code that is none (a line read shifted).
  // So is one whose number or optional data has a letter OCR makes of a digit (O, I, B, Z, D, Q) among digits.
  const doubtful =
    !state.best?.check.valid ||
    blindSpots(state.best.check.lines) > 0 ||
    state.best.plausibility < FULLY_PLAUSIBLE ||
    numberLineInDoubt(state.best);
  if (readLine && !ocrFailed && (doubtful || opts.secondOpinion === 'always')) {
    const band = state.best?.band ?? horizontal[0];
    if (band) {
      attempts++;
      const second = await secondOpinion(page, band, state.best, opts, readLine);
      secondReading = second?.alone;
      if (second && (!state.best || weighed(second) > weighed(state.best))) state.best = second;
      // A zone neither reading verifies may have been taken the wrong way up: the MRZ model's reading of it
      // upside down (garbage, one check digit passing by chance) outranked its upright one, two glyphs of a face
      // it misreads each read as two (`0` as `0O` in Inconsolata). The line recogniser reads the other direction
      // too, on its own, and its reading stands where it ranks higher.
      if (!state.best?.check.valid) {
        attempts++;
        const turned = await secondOpinion(page, band, null, opts, readLine, !(state.best?.flip ?? false));
        if (turned && (!state.best || weighed(turned) > weighed(state.best))) {
          state.best = turned;
          secondReading = turned.alone;
        }
      }
    }
  }
  const found = state.best;
  if (!found) return empty(ocrFailed ? 'OCR_FAILED' : 'MRZ_UNREADABLE', attempts);
  const reading = found.band.angle + (found.flip ? 180 : 0);
  const rotation = (((Math.round(reading / 90) * 90) % 360) + 360) % 360;
  return {
    ...textFields(found.check, found.exact),
    ...(found.corroborated ? { corroborated: found.corroborated } : {}),
    ...(secondReading ? { secondReading, modelReading: modelReading ?? null } : {}),
    confidence: found.confidence,
    rotation: rotation as Rotation,
    skew: reading - Math.round(reading / 90) * 90,
    band: bandBox(found.band, page),
    zone: {
      band: found.band,
      flip: found.flip,
      raw: found.raw,
      lines: found.check.lines,
      exact: found.exact,
    },
    attempts,
    ms: performance.now() - started,
  };
}

/**
 * The band read line by line by the second recogniser, each line then taken from whichever reading makes the
 * zone verify (one recogniser may read the number line right and the other the dates). Where check digits do
 * not tell the readings apart (a name line has none), a line read as is at the layout's length beats a fitted
 * one (the second recogniser drops narrow letters such as I), and between two such lines the reading that did
 * not fail on this document wins. `alone` on the result is the second reading by itself, `corroborated` the
 * lines both read alike. Null when it read nothing MRZ-shaped or failed.
 */
async function secondOpinion(
  page: GreyImage,
  band: MrzBand,
  first: Attempt | null,
  opts: MrzReaderOptions,
  readLine: MrzLineRecogniser,
  flip = first?.flip ?? false,
): Promise<Attempt | null> {
  const crop = normalise(
    cropBand(page, band, { charHeight: opts.charHeight, marginAlong: 1.5, marginAcross: 0.8, flip }),
  );
  const images = splitBandLines(crop, opts.charHeight / 2);
  if (images.length < 2) return null;
  const passes: OcrPass[] = [];
  try {
    for (const line of images) passes.push(await readLine(line));
  } catch {
    return null;
  }
  const lines = passes.map((p) => normaliseLine(p.text));
  const confidence = passes.reduce((sum, p) => sum + p.confidence, 0) / passes.length;
  const alone = bestCandidate({ text: lines.join('\n'), confidence }, band, flip);
  // The line recogniser can merge a run of fillers (its decoding collapses a repeated character): a TD3 number
  // line with no personal number, eight fillers merged, verifies as a TD2 line. A first reading whose lines
  // were read at its layout's full length keeps that layout.
  const layoutLength = first?.check.lines[0]?.length ?? 0;
  if (first && alone && alone.check.format !== first.check.format)
    if (first.raw.every((line) => line.length === layoutLength)) return null;
  if (!first || first.check.lines.length !== lines.length)
    return alone && { ...alone, alone: alone.check.lines };
  const mixedConfidence = (confidence + 100 * first.confidence) / 2;
  // The second reading's lines as cleaned (a country code's O read as 0 put right), like the first's.
  const own = alone?.check.lines.length === lines.length ? alone.check.lines : lines;
  // The first reading's G or S among digits that the second reads, at the same place, as the digit it weighs
  // like (6, 8): the MRZ model's known confusion, undone where the two readings agree on the digit.
  const firstLines = first.check.lines.map((line, i) => undoBlindSpots(line, own[i]));
  // The same undone in the lines as the model read them: a G that both readings put at a 6's place (G weighs
  // 16, 6 weighs 6: no check digit changes) is a character read, not one fitted.
  const firstRaw = first.raw.map((line, i) => undoBlindSpots(line, own[i]));
  // A line the MRZ model read as is at the layout's length that the line recogniser read one glyph short, the
  // glyph missing from a run of two (`88` read `8`): its decoding collapses a repeated glyph as it does a run of
  // fillers, and the short line, fitted with a filler, can pass a check digit by chance (1 in 10) where the
  // model's full line rightly fails on a forged field. The model's line stands there.
  const merged = lines.map(
    (line, i) =>
      firstRaw[i] === firstLines[i] &&
      firstRaw[i].length === layoutLength &&
      line.length === layoutLength - 1 &&
      repeatMerged(firstRaw[i], line),
  );
  // Per line, the lines to choose from: the second reading's, the first's, and the first's with a letter the
  // MRZ model makes of a digit (O for 0, Z for 2...) read as the digit the second reading shows at that place.
  // Unlike G and S (undone above: no check digit tells them from 6 and 8), these weigh otherwise than their
  // digit, so the check digits choose between the two.
  // The digits go before the first's own line: where the check digits verify either way (two O read for 0 in
  // `X445O5O4` weigh 72 + 168, a multiple of ten), the two readings agreeing on the digit beat the model alone.
  const choices = lines.map((line, i) => {
    const options: LineChoice[] = merged[i] ? [] : [{ line: own[i], raw: line, first: false }];
    const digits = readAsDigits(firstLines[i], own[i]);
    if (digits !== firstLines[i])
      options.push({ line: digits, raw: readAsDigits(firstRaw[i], own[i]), first: true });
    options.push({ line: firstLines[i], raw: firstRaw[i], first: true });
    return options;
  });
  let best: Attempt | null = null;
  let bestScore = -Infinity;
  for (const chosen of combinations(choices)) {
    const secondOnly = chosen.every((c) => !c.first);
    const mixed = secondOnly
      ? alone
      : bestCandidate(
          { text: chosen.map((c) => c.line).join('\n'), confidence: mixedConfidence },
          band,
          flip,
        );
    if (!mixed) continue;
    // A line as one recogniser read it, character for character, beats a line fitted to the layout (the
    // second recogniser drops narrow letters such as I). Between two such lines the second reading's wins
    // where the first failed its check digits on this very document, the first's where it verified (the second
    // was asked about its blind spots only). Each bonus outweighs any difference of confidence (0–1 in the
    // rank), not of plausibility. A letter no check digit tells from a digit (blindSpots) counts against a
    // reading more than one more check digit passing (25 in the rank): the MRZ model puts a G in a run of digits
    // on faces it was not trained on, and a character put in can make a check digit pass by chance (1 in 10).
    const secondLine = first.check.valid ? 0.5 : 1.5;
    const asRead = (i: number) =>
      mixed.check.lines[i] === chosen[i].raw ? (chosen[i].first ? 1 : secondLine) : 0;
    const exact = lines.every((_, i) => asRead(i) > 0);
    const score = weighed(mixed) + lines.reduce((sum, _, i) => sum + asRead(i), 0);
    // Its raw lines are each line as its recogniser read it, not the chosen lines (already fitted) the mix was
    // parsed from: a judge takes a line whose raw is the line itself as read as is.
    const raw = secondOnly ? mixed.raw : chosen.map((c) => c.raw);
    if (score > bestScore) [best, bestScore] = [{ ...mixed, exact, raw }, score];
  }
  if (!best || !alone) return best;
  // Two recognisers trained apart that read a line alike, one of them with no character dropped or added, leave
  // OCR little room to explain a failed check digit in it (see MrzRead.corroborated).
  const chosen: Attempt = { ...best, alone: alone.check.lines };
  // The MRZ model reading one glyph as two (`M` as `M8`) and the cleaner taking out the wrong one of the line's
  // characters still read the line alike with the second, but for the character it put in.
  const corroborated = chosen.check.lines.map(
    (line, i) =>
      line === alone.check.lines[i] &&
      (line === first.check.lines[i] || oneCharacterMore(first.raw[i] ?? '', line)) &&
      (first.raw[i]?.length === layoutLength || lines[i].length === layoutLength),
  );
  return { ...chosen, corroborated };
}

/** One line a zone may be composed of: as cleaned, as read, and by which reading. */
interface LineChoice {
  line: string;
  raw: string;
  first: boolean;
}

/** Every way of taking one choice per line. */
function combinations(choices: readonly LineChoice[][]): LineChoice[][] {
  return choices.reduce<LineChoice[][]>(
    (combos, options) => combos.flatMap((c) => options.map((o) => [...c, o])),
    [[]],
  );
}

/** Whether `short` is `full` with one glyph of a run of two or more read once (`A88B` → `A8B`). */
function repeatMerged(full: string, short: string): boolean {
  if (!oneCharacterMore(full, short)) return false;
  let i = 0;
  while (i < short.length && full[i] === short[i]) i++;
  return i > 0 && full[i] === full[i - 1];
}

/**
 * `line` with each letter beside a digit that `other` shows, at the same place, as the digit OCR makes it of
 * (O, D, Q for 0; I for 1; Z for 2; B for 8) read as that digit. Not G and S, which weigh as 6 and 8 do: see
 * undoBlindSpots.
 */
function readAsDigits(line: string, other: string | undefined): string {
  if (!other) return line;
  return [...line]
    .map((c, at) =>
      !'GS'.includes(c) &&
      DIGITS_READ_AS_LETTER[c] === other[at] &&
      (isDigitAt(line, at - 1) || isDigitAt(line, at + 1))
        ? other[at]
        : c,
    )
    .join('');
}

const isDigitAt = (line: string, at: number) => /\d/.test(line[at] ?? '');

/** Whether `longer` is `line` with one character put in somewhere. */
function oneCharacterMore(longer: string, line: string): boolean {
  if (longer.length !== line.length + 1) return false;
  let i = 0;
  while (i < line.length && longer[i] === line[i]) i++;
  return longer.slice(i + 1) === line.slice(i);
}

/**
 * `line` with each G or S among digits, and each G beside a digit, that `other` shows, at the same place, as 6 or 8
 * read as that digit. A G with a digit on one side only is a number's 6 beside one of its letters as often
 * (`R16RG5846` read `R1GRG5846`, `M6071471` read `MG071471`): the model's confusion all the same, and no check
 * digit tells them apart.
 */
function undoBlindSpots(line: string, other: string | undefined): string {
  if (!other) return line;
  return line.replace(/(?<=\d)[GS]+(?=\d)|(?<=\d)G+|G+(?=\d)/g, (run, at: number) =>
    [...run].map((c, k) => (other[at + k] === (c === 'G' ? '6' : '8') ? other[at + k] : c)).join(''),
  );
}

/**
 * The number or the optional data has a letter OCR makes of a digit among its digits (see `unprovenNumber` in
 * @idv/documents, which verifies nothing there unless the second reading shows it too).
 */
function numberLineInDoubt(a: Attempt): boolean {
  return (
    [a.check.documentNumber, a.check.optionalData].some((field) =>
      DIGIT_LIKE_LETTER_AMONG_DIGITS.test(field ?? ''),
    ) || G_BESIDE_DIGIT.test(a.check.documentNumber ?? '')
  );
}

/** A G beside a digit in a document number: a 6 the MRZ model read as G, as often as a letter (see undoBlindSpots). */
const G_BESIDE_DIGIT = /\dG|G\d/;

/** The plausibility of a reading whose document code, issuing state and nationality all exist (structureScore 2 + 2). */
const FULLY_PLAUSIBLE = 4;

/** What one letter among digits that no check digit can catch costs a reading (see secondOpinion). */
const BLIND_SPOT_WEIGHT = 30;

/**
 * Letters in a run of digits whose value equals a digit's modulo 10, which no check digit can tell from it:
 * G (16) for 6 and S (28) for 8, the MRZ model's usual misreads of faces other than OCR-B. A reading that
 * verifies with one may still be wrong. A run of them counts whole (`9714GG36`).
 */
function blindSpots(lines: readonly string[]): number {
  return lines.reduce(
    (sum, line) => sum + [...line.matchAll(/\d([GS]+)(?=\d)/g)].reduce((n, m) => n + m[1].length, 0),
    0,
  );
}

/** A reading's rank less what its letters among digits cost it (see BLIND_SPOT_WEIGHT). */
const weighed = (a: Attempt) => rank(a) - BLIND_SPOT_WEIGHT * blindSpots(a.check.lines);

function isPartialTd1(text: string): boolean {
  const lengths = text
    .split(/\r?\n/)
    .map((l) => normaliseLine(l).length)
    .filter((n) => n >= 20);
  return lengths.length === 2 && lengths.every((n) => n >= 26 && n <= 34);
}

function isSingleMrzLine(text: string): boolean {
  const lines = text
    .split(/\r?\n/)
    .map((l) => normaliseLine(l))
    .filter((l) => l.length >= 20);
  return lines.length === 1 && lines[0].length >= 28 && lines[0].includes('<<');
}

/** The attempt a read was made of, from the zone it kept (no OCR: the check and structure are recomputed). */
function attemptFrom(read: MrzRead, zone: MrzZone): Attempt {
  const lines = [...zone.lines];
  const check = checkMrzLines(lines);
  return {
    check,
    confidence: read.confidence,
    band: zone.band,
    flip: zone.flip,
    plausibility: structureScore(lines) + check.knownCountries,
    exact: zone.exact,
    raw: zone.raw,
  };
}

function growBand(b: MrzBand): MrzBand {
  const pitch = b.lineCount >= 2 ? (b.height - b.lineThickness) / (b.lineCount - 1) : b.lineThickness * 1.8;
  return { ...b, height: b.height + 2 * pitch, lineCount: b.lineCount + 2 };
}

function toPageBand(b: MrzBand, scale: number): MrzBand {
  return {
    ...b,
    cx: (b.cx + 0.5) / scale - 0.5,
    cy: (b.cy + 0.5) / scale - 0.5,
    length: b.length / scale,
    height: b.height / scale,
    lineThickness: b.lineThickness / scale,
  };
}

function bestCandidate(pass: OcrPass, band: MrzBand, flip: boolean): Attempt | null {
  // Held in an object: TypeScript does not follow assignments made inside the closure below.
  const state: { best: Attempt | null } = { best: null };
  const consider = (variants: string[][], candidate: MrzTextCandidate, offset: number) => {
    for (const [i, lines] of variants.entries()) {
      const check = checkMrzLines(lines);
      if (!check.format) continue;
      const attempt = {
        check,
        confidence: pass.confidence / 100,
        band,
        flip,
        plausibility: structureScore(lines) + check.knownCountries - (offset + i) / 1000,
        exact: sameLines(check.lines, candidate.raw),
        raw: candidate.raw,
      };
      if (!state.best || rank(attempt) > rank(state.best)) state.best = attempt;
    }
  };
  for (const candidate of extractMrzCandidates(pass.text)) {
    const fitted = alignedVariants(candidate.lines, candidate.length);
    consider(fitted, candidate, 0);
    // A character put in or taken out anywhere is tried only when no fit verified with codes that exist and
    // fields the layout can hold: a visa's `…8001036GF3001293<…` (a 6 read `6G`) fitted by a filler verified every
    // check digit by chance (expiry `F30012`, sex G), and its right reading, the G taken out, was never tried.
    const best = state.best as Attempt | null;
    const settled =
      best !== null &&
      best.check.valid &&
      best.check.knownCountries === 2 &&
      best.check.impossibleFields === 0;
    if (!settled)
      consider(realignedVariants(candidate.lines, candidate.length, candidate.raw), candidate, fitted.length);
    // Candidates come most likely layout first: a valid reading of it ends the search.
    if (state.best?.check.valid) break;
  }
  return state.best;
}

/**
 * Valid beats partially valid; among equals, the more plausible uncovered name line wins, then confidence. A
 * field the layout cannot hold (a check digit read as a letter, a sex Z, a month 32) costs a reading more than
 * one more check digit passing: a character taken out in the wrong place (the `4` of a number, or the sex,
 * instead of the `G` a `6` was read as) moves every field after it and can make a check digit pass by chance
 * (1 in 10).
 */
function rank(a: Attempt): number {
  const digits = a.check.total ? (100 * a.check.passed) / a.check.total : 0;
  return (
    (a.check.valid ? 1000 : 0) +
    digits +
    10 * a.plausibility +
    a.confidence -
    BLIND_SPOT_WEIGHT * a.check.impossibleFields
  );
}

const sameLines = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((line, i) => line === b[i]);

function bandBox(b: MrzBand, page: GreyImage): Box {
  const c = Math.abs(Math.cos((b.angle * Math.PI) / 180));
  const s = Math.abs(Math.sin((b.angle * Math.PI) / 180));
  const w = b.length * c + b.height * s;
  const h = b.length * s + b.height * c;
  const x0 = Math.max(0, b.cx - w / 2);
  const y0 = Math.max(0, b.cy - h / 2);
  const x1 = Math.min(page.width, b.cx + w / 2);
  const y1 = Math.min(page.height, b.cy + h / 2);
  return {
    x: x0 / page.width,
    y: y0 / page.height,
    width: (x1 - x0) / page.width,
    height: (y1 - y0) / page.height,
  };
}

/**
 * Cleans OCR text from any source (another engine, a whole-page read) into the best MRZ reading it holds,
 * with the same rules the reader uses on its own bands.
 */
export function mrzFromText(
  text: string,
  confidence = 0,
): Pick<
  MrzRead,
  'found' | 'exact' | 'lines' | 'format' | 'valid' | 'checkDigitsPassed' | 'checkDigitsTotal'
> {
  const dummy: MrzBand = {
    cx: 0,
    cy: 0,
    angle: 0,
    length: 0,
    height: 0,
    lineCount: 0,
    lineThickness: 1,
    score: 0,
  };
  const best = bestCandidate({ text, confidence }, dummy, false);
  if (!best) {
    const { found, exact, lines, format, valid, checkDigitsPassed, checkDigitsTotal } = emptyRead(undefined);
    return { found, exact, lines, format, valid, checkDigitsPassed, checkDigitsTotal };
  }
  return textFields(best.check, best.exact);
}
