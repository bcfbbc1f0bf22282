import { MrzLayout } from './ocr.types';

/** Lines shaped like an MRZ, with the layout family they fit (decided by line count and length). */
export interface MrzTextCandidate {
  lines: string[];
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
 * Fits a line to `length`: surplus or missing characters are taken from / given to the longest filler run,
 * since a dropped or doubled chevron inside a run is the usual miscount; otherwise the line is cut or padded
 * at the end (trailing noise from the document edge, or a faded final filler run).
 */
export function fitLength(line: string, length: number): string {
  let out = line;
  while (out.length !== length) {
    const runs = [...out.matchAll(/<{3,}/g)];
    const longest = runs.sort((a, b) => b[0].length - a[0].length)[0];
    if (out.length > length) {
      if (longest && longest.index !== undefined)
        out = out.slice(0, longest.index) + out.slice(longest.index + 1);
      else out = out.slice(0, length);
    } else if (longest && longest.index !== undefined) {
      out = out.slice(0, longest.index) + '<' + out.slice(longest.index);
    } else {
      out = out.padEnd(length, '<');
    }
  }
  return out;
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
      out.push({ lines: group.map((l) => fitLength(repairFillers(l), length)), length, cost });
    }
  }
  return out.sort((a, b) => a.cost - b.cost).map(({ lines: l, length }) => ({ lines: l, length }));
}

function fillerCount(line: string): number {
  return line.split('<').length - 1;
}

/** The layout family a fitted candidate belongs to before parsing tells the exact layout. */
export function layoutFamily(length: 30 | 36 | 44): MrzLayout[] {
  if (length === 30) return ['TD1'];
  if (length === 36) return ['TD2', 'MRV-B', 'FRENCH_NATIONAL_ID'];
  return ['TD3', 'MRV-A'];
}
