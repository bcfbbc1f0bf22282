import { isKnownCountry } from '@idv/mrz';
/** Lines shaped like an MRZ, with the layout family they fit (decided by line count and length). */
export interface MrzTextCandidate {
  /** Normalised lines, not yet fitted to `length` (see {@link alignedVariants}). */
  lines: string[];
  /** The same lines as OCR gave them, before any repair: a read that keeps them is exactly what OCR saw. */
  raw: string[];
  /** Line length the text was fitted to. */
  length: 30 | 36 | 44;
}

const LENGTHS = [30, 36, 44] as const;

/**
 * Normalises one OCR line: drops spaces and stray marks, and reads the guillemet that OCR often sees in two
 * fillers as `<<`. Characters outside the MRZ alphabet never appear with the whitelist, but other models
 * (and other OCR engines) emit them.
 */
export function normaliseLine(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[«‹]/g, '<<')
    .replace(/[\s]/g, '')
    .replace(/[^A-Z0-9<]/g, '');
}

/**
 * Filler runs are the one place where OCR errors follow a pattern: the chevron is misread as a letter with a
 * similar stroke (`K`, `C`, `L`, ...). Name parts are separated by one or two fillers, so a lone letter (or
 * pair) with at least three fillers before it and two after cannot be a name part or a field: it is a filler.
 */
export function repairFillers(line: string): string {
  return line.replace(/(<<<)[KCLEXZ1I](?=<<)/g, '$1<').replace(/(<<<)[KCLEXZ1I]{2}(?=<<)/g, '$1<<');
}

/**
 * In a name field, a run of three or more fillers is the padding after the last name part (parts are joined
 * by one or two), so one or two characters after it at the end of the line are noise from the document edge.
 */
export function repairNameTail(line: string): string {
  return line.replace(
    /(<{3,})([^<]{1,2})(<*)$/,
    (_, run: string, junk: string, rest: string) => run + '<'.repeat(junk.length) + rest,
  );
}

/** Characters OCR gives for a document code letter (A, C, I, P or V), mapped to the letter they resemble. */
const CODE_LOOKALIKES: Record<string, string> = {
  '1': 'I',
  L: 'I',
  T: 'I',
  Z: 'I',
  J: 'I',
  F: 'P',
  R: 'P',
  B: 'P',
  D: 'P',
  G: 'C',
  O: 'C',
  '0': 'C',
  Q: 'C',
  '4': 'A',
  Y: 'V',
};

/**
 * Every MRZ starts with a document code letter. When OCR gives another character there, it is taken for the
 * code letter it most resembles; no check digit covers this position.
 */
export function repairDocumentCode(line: string): string {
  const fix = CODE_LOOKALIKES[line[0]];
  return fix ? fix + line.slice(1) : line;
}

/** Removes (or inserts) one chevron in the longest filler run, the usual place of an OCR miscount. */
function adjustLongestRun(line: string, delta: -1 | 1): string | null {
  const runs = [...line.matchAll(/<{3,}/g)].sort((x, y) => y[0].length - x[0].length);
  const at = runs[0]?.index;
  if (at === undefined) return null;
  return delta < 0 ? line.slice(0, at) + line.slice(at + 1) : line.slice(0, at) + '<' + line.slice(at);
}

/** Fits a line to `length` by filler-run edits, then cutting or padding at the end. */
export function fitLength(line: string, length: number): string {
  let out = line;
  while (out.length !== length) {
    const adjusted = adjustLongestRun(out, out.length > length ? -1 : 1);
    if (adjusted !== null) out = adjusted;
    else out = out.length > length ? out.slice(0, length) : out.padEnd(length, '<');
  }
  return out;
}

/**
 * The ways a misread line can be aligned to `length`, most likely first: a miscounted filler run, noise at
 * the end, or noise at the start (the document edge or a photo border read as a character). The check digits
 * then tell which alignment is right, instead of guessing from the text alone. A zone's first line (`first`)
 * is not read from a later character on where its start as read is the better header (a code letter, then an
 * issuing state that exists): `IRSWER…` read whole taken as `RSWER…` had a forged number pass by chance, while
 * `CTI<HUN…` (a photo's edge read as two characters) is `I<HUN…`.
 */
export function alignments(line: string, length: number, first = false): string[] {
  const d = line.length - length;
  const out = [fitLength(line, length)];
  const noWorseHeader = (shifted: string) => !first || headerScore(shifted) >= headerScore(line);
  // A noise character at the start can hide behind a chevron dropped further on: same length, shifted fields.
  const starts = d >= 0 ? [fitLength(line.slice(1), length)] : [];
  if (d > 0) {
    out.push(line.slice(0, length));
    starts.push(line.slice(d));
    if (d >= 2) starts.push(line.slice(1, 1 + length));
  } else {
    out.push(line.padEnd(length, '<'));
  }
  out.push(...starts.filter(noWorseHeader));
  return [...new Set(out)];
}

/** How much a line's start looks like an MRZ header: a document code letter, a letter or filler, a state that exists. */
function headerScore(line: string): number {
  return (
    Number(/^[ACIPV]/.test(line)) + Number(/^.[A-Z<]/.test(line)) + Number(isKnownCountry(line.slice(2, 5)))
  );
}

/** Document code letters a layout's first line can start with: passports and visas, cards and visas. */
const CODE_LETTERS: Readonly<Record<number, readonly string[]>> = {
  30: ['I', 'A', 'C'],
  36: ['I', 'A', 'C', 'V'],
  44: ['P', 'V'],
};

/**
 * Realignments of a line read one or two characters long or short that {@link alignments} does not try: each single
 * character removed (a glyph of another font read as two, `6` as `G6`), a letter read twice beside digits
 * taken out twice from a line two long, or for a first line one character
 * short, its document code letter put back (`DFRA…` for `IDFRA…`: every field after it had moved one place
 * left). Only the check digits and the code tables can tell which one is right, so none is tried first.
 *
 * A line read at its length is not realigned: taking out one of a repeated glyph (`66` read for `6`, a filler
 * dropped) found, on a forged line read right, the forger's original, which verifies (a `2` put in a personal
 * number, its check digits as printed).
 */
export function realignments(line: string, length: number, first: boolean): string[] {
  const d = line.length - length;
  if (d === 1) {
    // A letter beside a digit first: the extra character of a split glyph is a letter (`6` → `6G`), and some
    // pairs (6/G, 8/S, 1/L) weigh alike in a check digit, which then cannot tell which of the two to remove.
    const positions = [...Array(line.length).keys()].sort(
      (a, b) => Number(strayLetter(line, b)) - Number(strayLetter(line, a)),
    );
    return [...new Set(positions.map((i) => line.slice(0, i) + line.slice(i + 1)))];
  }
  if (d === -1 && first) return (CODE_LETTERS[length] ?? []).map((letter) => letter + line);
  // Two glyphs each read as two (`WV94890236GESP850126G0F…`: a sans face's 6 read `6G` twice) leave no single
  // removal that verifies. Only the same letter twice, each beside a digit, is taken out: a face splits the same
  // glyph the same way, and every pair of positions would give a forged field's failing check digit hundreds of
  // chances to pass (taking out a country code's E and the sex's F, the cleaner's country repair and a lenient
  // sex made one verify).
  if (d === 2) {
    const strays = [...Array(line.length).keys()].filter((i) => strayLetter(line, i));
    const pairs = strays.flatMap((i, k) =>
      strays.slice(k + 1).flatMap((j) => (line[i] === line[j] ? [[i, j]] : [])),
    );
    return [...new Set(pairs.map(([i, j]) => line.slice(0, i) + line.slice(i + 1, j) + line.slice(j + 1)))];
  }
  return [];
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** A letter with a digit on either side: where a split glyph leaves its extra character. */
function strayLetter(line: string, i: number): boolean {
  return /[A-Z]/.test(line[i]) && (isDigit(line[i - 1]) || isDigit(line[i + 1]));
}

/** Every combination of per-line alignments, in order of likelihood, capped (TD1 has 3 lines). */
export function alignedVariants(lines: string[], length: number, cap = 32): string[][] {
  let combos: string[][] = [[]];
  for (const [i, line] of lines.entries()) {
    const options = alignments(line, length, i === 0);
    combos = combos.flatMap((c) => options.map((o) => [...c, o]));
  }
  // A stable sort on the number of non-default choices keeps "one edit" variants ahead of "two edits".
  return combos.slice(0, cap);
}

/**
 * Each line's {@link realignments}, the other lines fitted as {@link fitLength} fits them; and where several
 * lines were read one character long, each of them with its split glyph's letter taken out together (a face
 * the MRZ model reads `6` as `6G` in puts a G in every line with a 6: no one line's realignment verifies while
 * the others stay shifted). `raw` are the lines before the document code letter was repaired: a dropped code
 * letter is put back in front of what OCR read.
 */
export function realignedVariants(lines: string[], length: number, raw: string[] = lines): string[][] {
  const defaults = lines.map((line) => fitLength(line, length));
  const single = lines.flatMap((line, i) =>
    realignments(i === 0 && line.length < length ? raw[0] : line, length, i === 0).map((option) =>
      defaults.map((d, j) => (j === i ? option : d)),
    ),
  );
  const long = lines.map((line, i) => (line.length === length + 1 ? i : -1)).filter((i) => i >= 0);
  if (long.length < 2) return single;
  // Only letters beside a digit are taken out together: every pair of positions would give a forged field's
  // failing check digit hundreds of shifts to pass by chance.
  let combos: string[][] = [defaults];
  for (const i of long) {
    const options = strayLetterRemovals(lines[i]);
    if (options.length === 0) return single;
    combos = combos.flatMap((c) => options.map((o) => c.map((l, j) => (j === i ? o : l))));
  }
  return [...single, ...combos];
}

/** `line` with one letter beside a digit taken out, for each such letter. */
function strayLetterRemovals(line: string): string[] {
  return [
    ...new Set(
      [...line].flatMap((_, i) => (strayLetter(line, i) ? [line.slice(0, i) + line.slice(i + 1)] : [])),
    ),
  ];
}

/**
 * Turns the OCR text of a band into MRZ-shaped candidates, best guess first: 3 lines of ~30 (TD1) or 2 lines
 * of ~36 or ~44, taken from consecutive lines of the text (neighbouring visual-zone text is ignored).
 */
export function extractMrzCandidates(text: string): MrzTextCandidate[] {
  const lines = text
    .split(/\r?\n/)
    .map(normaliseLine)
    .filter((l) => l.length >= 20);
  const out: Array<MrzTextCandidate & { cost: number }> = [];
  for (const length of LENGTHS) {
    const count = length === 30 ? 3 : 2;
    for (let i = 0; i + count <= lines.length; i++) {
      const group = lines.slice(i, i + count);
      // OCR drops and doubles chevrons inside long filler runs, so a line's length is only as reliable as it is
      // free of fillers: the line with the fewest `<` decides, the others only break ties.
      const densest = [...group].sort((a, b) => fillerCount(a) - fillerCount(b))[0];
      const cost =
        Math.abs(densest.length - length) +
        (0.25 * group.reduce((s, l) => s + Math.abs(l.length - length), 0)) / count;
      // Lines more than ~15% off the layout's length are another layout or not an MRZ at all.
      if (cost > length * 0.15) continue;
      const repaired = group.map(repairFillers);
      repaired[0] = repairDocumentCode(repaired[0]);
      const name = length === 30 ? 2 : 0;
      repaired[name] = repairNameTail(repaired[name]);
      out.push({ lines: repaired, raw: group, length, cost });
    }
  }
  return out.sort((a, b) => a.cost - b.cost).map(({ lines: l, raw, length }) => ({ lines: l, raw, length }));
}

function fillerCount(line: string): number {
  return line.split('<').length - 1;
}
