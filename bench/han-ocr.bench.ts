/**
 * Chinese text on the cards: tesseract.js chi_sim (as @idv/ocr configures it) against PaddleOCR's PP-OCRv4
 * recogniser (@idv/ocr's HanLineRecogniser), on cards of the generator's `holdout` style set, which no reader
 * was tuned on.
 *
 * Run: npm run bench:han-ocr [-- --cards=N --seed=S --heights=32,48 | --rss-only]
 *
 * Each card (clean and mild, mainland Resident ID and residence permit, HKID) is turned upright by the
 * rotation its defects record, and every printed line of a field is cut out by its ground-truth box with a
 * small margin, scaled so the line is `height` px tall and contrast-stretched as the card reader does: both
 * engines read the same crops. Han fields (姓名, 住址 lines, 签发机关, the HKID Chinese name) decide; the
 * number and the dates are read for reference, tesseract with the script the card readers use for them.
 * Reports exact-line rates per field, character error rate, CPU and wall ms per line on one core (pinned with
 * taskset when it can), the model's size, the dictionary's coverage of the generator's characters, and the
 * peak RSS of a process with every model warm, with and without the recogniser. Writes bench/results/han-ocr.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { DocumentAnalyser, type AnalyseInput } from '@idv/analysis';
import { foldHan } from '@idv/matching';
import { bundledHanModel, HanLineRecogniser, OcrEngine, type GreyImage, type LineScript } from '@idv/ocr';
import {
  generateCardCase,
  generateCase,
  type Box,
  type CardCase,
  type CardField,
  type CardKind,
  type CardScenario,
} from '@idv/synthetic';
import { REPO_ROOT } from '@idv/testing';
import { fmt, percentile, writeResult } from './support';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const CARDS = Number(option('cards') ?? 160);
const SEED = Number(option('seed') ?? 880_000);
/** Line heights (px) the crops are scaled to; the first is the headline. The card reader's field windows give ~30 px. */
const HEIGHTS = (option('heights') ?? '32,48').split(',').map(Number);

/** Re-runs this script under `taskset -c 0` once, so every thread (libvips, tesseract, onnxruntime) shares one core. */
function pinToOneCore(): boolean {
  if (process.env.IDV_BENCH_PINNED) return true;
  if (spawnSync('taskset', ['--version']).status !== 0) return false;
  const run = spawnSync('taskset', ['-c', '0', process.execPath, ...process.execArgv, __filename, ...args], {
    stdio: 'inherit',
    env: { ...process.env, IDV_BENCH_PINNED: '1' },
  });
  process.exit(run.status ?? 1);
}

/** What a line is, for the tables: the Han fields that decide, and the reference fields. */
type LineKind = 'name' | 'address' | 'authority' | 'hk-name' | 'number' | 'hk-number' | 'date';
const HAN_KINDS: LineKind[] = ['name', 'address', 'authority', 'hk-name'];
const KINDS: LineKind[] = [...HAN_KINDS, 'number', 'hk-number', 'date'];

interface Line {
  card: string;
  kind: LineKind;
  scenario: CardScenario;
  truth: string;
  /** The crop, upright, line box plus margin, before scaling. */
  crop: GreyImage;
  /** Height of the line's box in the crop (without margin). */
  lineHeight: number;
}

/** Which fields of which card kind are read, as what, and in which tesseract script. */
function fieldsOf(kind: CardKind): Array<{ field: CardField; as: LineKind }> {
  if (kind === 'hk_identity_card')
    return [
      { field: 'chineseName', as: 'hk-name' },
      { field: 'documentNumber', as: 'hk-number' },
      { field: 'dateOfBirth', as: 'date' },
      { field: 'issueDate', as: 'date' },
    ];
  return [
    { field: 'fullName', as: 'name' },
    { field: 'address', as: 'address' },
    { field: 'issuingAuthority', as: 'authority' },
    { field: 'documentNumber', as: 'number' },
    { field: 'dateOfBirth', as: 'date' },
    { field: 'validity', as: 'date' },
  ];
}

const TESSERACT_SCRIPT: Record<LineKind, { script: LineScript; whitelist?: string }> = {
  name: { script: 'han' },
  address: { script: 'han' },
  authority: { script: 'han' },
  'hk-name': { script: 'han' },
  // As the readers read them: the mainland number with the MRZ model, digits and X; the HKID number in Latin.
  number: { script: 'number' },
  'hk-number': { script: 'latin', whitelist: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789()' },
  // The readers read the dates within the Han field column.
  date: { script: 'han' },
};

const KIND_CYCLE: CardKind[] = [
  'cn_resident_id',
  'hk_identity_card',
  'cn_residence_permit',
  'hk_identity_card',
];

async function collectLines(): Promise<{ lines: Line[]; cases: CardCase[] }> {
  const lines: Line[] = [];
  const cases: CardCase[] = [];
  for (let i = 0; i < CARDS; i++) {
    const kind = KIND_CYCLE[i % KIND_CYCLE.length];
    const scenario: CardScenario = Math.floor(i / KIND_CYCLE.length) % 2 === 0 ? 'clean' : 'mild';
    const { case: c, images } = await generateCardCase(SEED + i, { kind, scenario, styleSet: 'holdout' });
    cases.push(c);
    const uprights = new Map<'front' | 'back', Promise<Upright>>();
    for (const { field, as } of fieldsOf(kind)) {
      const truth = c.groundTruth.fields[field];
      if (!truth?.box) continue;
      const side = truth.side;
      const bytes = side === 'front' ? images.front : images.back;
      if (!bytes) continue;
      if (!uprights.has(side)) uprights.set(side, upright(bytes, turnOf(c, side)));
      const up = await uprights.get(side)!;
      const printed = truth.printed.split('\n');
      const boxes = splitLines(up.box(truth.box), printed);
      printed.forEach((text, k) => {
        const box = boxes[k];
        lines.push({ card: c.id, kind: as, scenario, truth: text, ...cropOf(up.image, box) });
      });
    }
  }
  return { lines, cases };
}

interface Upright {
  image: GreyImage;
  /** A box of the delivered image as it stands in the upright one. */
  box: (b: Box) => Box;
}

/** Clockwise degrees the side was turned by its defects (rotations and the desk's in-plane angle). */
function turnOf(c: CardCase, side: 'front' | 'back'): number {
  let turn = 0;
  for (const d of c.defects)
    if (d.side === side && (d.kind === 'rotate' || d.kind === 'desk')) turn += d.angle;
  return turn;
}

/**
 * The side turned back upright. A ground-truth box is the bounding box of the turned line's box: its centre
 * turns back exactly, and its width and height follow from the bounding box's at the residual (< 45°) angle.
 */
async function upright(bytes: Buffer, turn: number): Promise<Upright> {
  const decoded = await sharp(bytes).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  const [w1, h1] = [decoded.info.width, decoded.info.height];
  const t = ((turn % 360) + 360) % 360;
  const out =
    t === 0
      ? decoded
      : await sharp(decoded.data, { raw: { width: w1, height: h1, channels: 1 } })
          .rotate(360 - t, { background: '#ffffff' })
          .toColourspace('b-w')
          .raw()
          .toBuffer({ resolveWithObject: true });
  const [w2, h2] = [out.info.width, out.info.height];
  const rad = (-t * Math.PI) / 180;
  const quarter = Math.round(t / 90);
  const residual = (Math.abs(t - quarter * 90) * Math.PI) / 180;
  const [c, s] = [Math.cos(residual), Math.sin(residual)];
  const box = (b: Box): Box => {
    const dx = b.x + b.width / 2 - w1 / 2;
    const dy = b.y + b.height / 2 - h1 / 2;
    const cx = w2 / 2 + dx * Math.cos(rad) - dy * Math.sin(rad);
    const cy = h2 / 2 + dx * Math.sin(rad) + dy * Math.cos(rad);
    let w = (b.width * c - b.height * s) / (c * c - s * s);
    let h = (b.height * c - b.width * s) / (c * c - s * s);
    if (quarter % 2 === 1) [w, h] = [h, w];
    return { x: cx - w / 2, y: cy - h / 2, width: w, height: h };
  };
  return {
    image: { data: new Uint8Array(out.data), width: w2, height: h2 },
    box,
  };
}

/**
 * The lines of a field box: the card prints them left-aligned at a pitch of 1.5 sizes, each line box 1.1 sizes
 * tall. The box is as wide as its longest line; a shorter line gets its own width (Han characters a full em,
 * digits and Latin letters about half), as a line finder would give it: blank card texture beside a line is
 * not what either engine is asked to read.
 */
function splitLines(box: Box, printed: string[]): Box[] {
  if (printed.length <= 1) return [box];
  const size = box.height / ((printed.length - 1) * 1.5 + 1.1);
  const advance = (line: string) =>
    [...line].reduce((sum, ch) => sum + (/[\x21-\x7e]/.test(ch) ? 0.55 : 1), 0);
  const longest = Math.max(...printed.map(advance));
  return printed.map((line, i) => ({
    x: box.x,
    y: box.y + i * 1.5 * size,
    width: Math.min(box.width, (box.width * advance(line)) / longest + size * 0.3),
    height: 1.1 * size,
  }));
}

/** The line with a margin (a fifth of its height above and below, half a height at the ends), clipped to the image. */
function cropOf(image: GreyImage, box: Box): { crop: GreyImage; lineHeight: number } {
  const my = box.height * 0.18;
  const mx = box.height * 0.5;
  const x0 = Math.max(0, Math.floor(box.x - mx));
  const y0 = Math.max(0, Math.floor(box.y - my));
  const x1 = Math.min(image.width, Math.ceil(box.x + box.width + mx));
  const y1 = Math.min(image.height, Math.ceil(box.y + box.height + my));
  const width = Math.max(1, x1 - x0);
  const height = Math.max(1, y1 - y0);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    data.set(
      image.data.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x0 + width),
      y * width,
    );
  return { crop: { data, width, height }, lineHeight: box.height };
}

/** The crop scaled so its line is `height` px tall, contrast-stretched like the reader's windows. */
async function prepared(line: Line, height: number): Promise<{ grey: GreyImage; png: Buffer }> {
  const k = height / line.lineHeight;
  const width = Math.max(8, Math.round(line.crop.width * k));
  const rows = Math.max(8, Math.round(line.crop.height * k));
  const pipeline = sharp(Buffer.from(line.crop.data), {
    raw: { width: line.crop.width, height: line.crop.height, channels: 1 },
  })
    .resize(width, rows, { fit: 'fill' })
    .normalise()
    .toColourspace('b-w');
  const raw = await pipeline.clone().raw().toBuffer();
  const png = await pipeline.png().toBuffer();
  return { grey: { data: new Uint8Array(raw), width, height: rows }, png };
}

/** The text two reads are compared in: no whitespace (the cards print spaces only inside the dates). */
const bare = (s: string) => s.replace(/\s+/gu, '');

/** Levenshtein distance over code points. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

interface Read {
  text: string;
  /** The least probable character's probability (the recogniser's; tesseract's reads leave it out). */
  weakest?: number;
  cpuMs: number;
  wallMs: number;
}

type Engine = 'tesseract' | 'paddle';

async function readAll(
  lines: Line[],
  height: number,
  ocr: OcrEngine,
  han: HanLineRecogniser,
): Promise<Record<Engine, Read[]>> {
  const out: Record<Engine, Read[]> = { tesseract: [], paddle: [] };
  for (const line of lines) {
    const { grey, png } = await prepared(line, height);
    const { script, whitelist } = TESSERACT_SCRIPT[line.kind];
    out.tesseract.push(
      await timed(async () =>
        (await ocr.readLines(png, script, whitelist).catch(() => [])).map((l) => l.text).join(''),
      ),
    );
    let weakest = 0;
    const paddle = await timed(async () => {
      const read = await han.recognise(grey);
      weakest = read.weakest;
      return read.text;
    });
    out.paddle.push({ ...paddle, weakest });
  }
  return out;
}

async function timed(read: () => Promise<string>): Promise<Read> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const text = await read();
  const used = process.cpuUsage(cpu);
  return { text, cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - started };
}

interface Score {
  lines: number;
  exact: number;
  /** Exact after folding traditional and simplified forms, as the record comparison does. */
  exactFolded: number;
  cer: number;
  cpuMsMedian: number;
  wallMsMedian: number;
  wallMsP95: number;
}

function score(lines: Line[], reads: Read[], keep: (l: Line) => boolean): Score {
  let n = 0;
  let exact = 0;
  let folded = 0;
  let errors = 0;
  let chars = 0;
  const cpu: number[] = [];
  const wall: number[] = [];
  lines.forEach((line, i) => {
    if (!keep(line)) return;
    const got = bare(reads[i].text);
    const want = bare(line.truth);
    n++;
    if (got === want) exact++;
    if (foldHan(got) === foldHan(want)) folded++;
    errors += distance(got, want);
    chars += [...want].length;
    cpu.push(reads[i].cpuMs);
    wall.push(reads[i].wallMs);
  });
  return {
    lines: n,
    exact: n ? exact / n : NaN,
    exactFolded: n ? folded / n : NaN,
    cer: chars ? errors / chars : NaN,
    cpuMsMedian: percentile(cpu, 50),
    wallMsMedian: percentile(wall, 50),
    wallMsP95: percentile(wall, 95),
  };
}

/**
 * Whether the recogniser's weakest-character probability tells its wrong Han lines from its right ones: at each
 * threshold, the share of wrong lines it would flag for review and the share of right lines flagged needlessly.
 */
function weakestCalibration(lines: Line[], reads: Read[]) {
  const han = lines.map((l, i) => ({ l, r: reads[i] })).filter(({ l }) => HAN_KINDS.includes(l.kind));
  const wrong = han.filter(({ l, r }) => bare(r.text) !== bare(l.truth));
  const right = han.filter(({ l, r }) => bare(r.text) === bare(l.truth));
  const below = (set: typeof han, t: number) => set.filter(({ r }) => (r.weakest ?? 0) < t).length;
  return [0.3, 0.5, 0.7, 0.9].map((t) => ({
    weakestBelow: t,
    wrongFlagged: `${below(wrong, t)}/${wrong.length}`,
    rightFlagged: `${below(right, t)}/${right.length}`,
  }));
}

/** Exact names per card: the field the verdict needs whole (mainland 姓名, HKID Chinese name). */
function namesExact(lines: Line[], reads: Read[]): { cards: number; exact: number } {
  const names = lines
    .map((l, i) => ({ l, r: reads[i] }))
    .filter(({ l }) => l.kind === 'name' || l.kind === 'hk-name');
  return { cards: names.length, exact: names.filter(({ l, r }) => bare(r.text) === bare(l.truth)).length };
}

/** Han characters of the string literals in a source file, optionally between two markers. */
function literalHan(file: string, from?: string, to?: string): Set<string> {
  let text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  if (from) text = text.slice(text.indexOf(from), to ? text.indexOf(to, text.indexOf(from)) : undefined);
  const chars = new Set<string>();
  for (const [, literal] of text.matchAll(/'([^'\n]*)'/gu))
    for (const ch of literal) if (/\p{Script=Han}/u.test(ch)) chars.add(ch);
  return chars;
}

/** Which characters the generator prints that the recogniser's dictionary lacks. */
function dictionaryCoverage(lines: Line[]) {
  const dict = new Set(readFileSync(bundledHanModel().dictionaryPath, 'utf8').split(/\r?\n/));
  const people = 'libs/synthetic/src/cards/card-people.ts';
  const pools: Record<string, Set<string>> = {
    'mainland names': literalHan(people, 'const SURNAMES', 'const hk ='),
    'HKID names (traditional)': literalHan(people, 'const HK_SURNAMES', 'const title'),
    'divisions, streets, authorities': literalHan('libs/synthetic/src/cards/divisions.ts'),
  };
  const out: Record<string, { characters: number; missing: string[] }> = {};
  for (const [name, chars] of Object.entries(pools))
    out[name] = { characters: chars.size, missing: [...chars].filter((c) => !dict.has(c)) };
  const truthChars = lines.flatMap((l) => [...bare(l.truth)].filter((c) => /\p{Script=Han}/u.test(c)));
  const missing = truthChars.filter((c) => !dict.has(c));
  return {
    dictionarySize: dict.size,
    pools: out,
    benchGroundTruth: {
      hanCharacters: truthChars.length,
      missing: missing.length,
      which: [...new Set(missing)],
    },
  };
}

/**
 * The probe as the compiled worker runs it (`npm run build` first): plain JavaScript over dist/, where the
 * TypeScript probe carries the swc compiler's memory too. Arguments: the uploads folder, `true` to add the
 * recogniser.
 */
const COMPILED_PROBE = `
const fs = require('fs');
const path = require('path');
const sharp = require('sharp');
const { DocumentAnalyser } = require(path.resolve('dist/libs/analysis/src/index.js'));
const { OcrEngine } = require(path.resolve('dist/libs/ocr/src/index.js'));
const [dir, withRecogniser] = process.argv.slice(1);
(async () => {
  const { uploads, lines } = JSON.parse(fs.readFileSync(path.join(dir, 'uploads.json'), 'utf8'));
  const ocr = new OcrEngine({ mrzWorkers: 1, hanWorkers: 1, visualZoneWorkers: 1 });
  await ocr.warmUp({ han: true, hanLines: withRecogniser === 'true' });
  const analyser = await DocumentAnalyser.create({ ocr });
  for (const u of uploads)
    await analyser.analyse({ ...u, front: fs.readFileSync(u.front), back: u.back ? fs.readFileSync(u.back) : undefined });
  if (withRecogniser === 'true') {
    const { data, info } = await sharp(fs.readFileSync(uploads[1].front)).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    const card = { data: new Uint8Array(data), width: info.width, height: info.height };
    for (const b of lines)
      await ocr.readHanLine(card, { x: b.x / card.width, y: b.y / card.height, width: b.width / card.width, height: b.height / card.height });
  }
  process.stdout.write('PEAK_RSS_MB=' + (process.resourceUsage().maxRSS / 1024).toFixed(0) + '\\n');
  await analyser.close();
  await ocr.terminate();
})();
`;

/**
 * Peak RSS of a worker-like process: every tesseract model warm (MRZ, chi_sim, the visual zone's eng) through
 * the document analyser on an MRZ passport, two Resident ID cards and an HKID card, then, when asked, the Han
 * line recogniser loaded and reading a card's lines, with `MALLOC_ARENA_MAX=2` as `npm run start` sets it. The
 * documents are generated here and handed over as files, so the renderer's memory is not counted. From the
 * compiled tree when there is one (`npm run build`), else from the TypeScript sources (swc's memory included).
 */
async function peakRss(): Promise<{
  compiled: boolean;
  withoutRecogniserMb: number;
  withRecogniserMb: number;
}> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'han-ocr-rss-'));
  const uploads: Array<Omit<AnalyseInput, 'front' | 'back'> & { front: string; back?: string }> = [];
  const save = (name: string, bytes: Buffer | undefined) => {
    if (!bytes) return undefined;
    writeFileSync(path.join(dir, name), bytes);
    return path.join(dir, name);
  };
  const passport = await generateCase(SEED, { scenario: 'clean', documentType: 'passport' });
  uploads.push({
    front: save('passport.img', passport.images.front)!,
    record: passport.case.record,
    today: passport.case.today,
  });
  const kinds = ['cn_resident_id', 'cn_resident_id', 'hk_identity_card'] as const;
  const lines: Box[] = [];
  for (const [i, kind] of kinds.entries()) {
    const { case: c, images } = await generateCardCase(SEED + i, {
      kind,
      scenario: 'clean',
      styleSet: 'holdout',
    });
    uploads.push({
      front: save(`card-${i}-front.img`, images.front)!,
      back: save(`card-${i}-back.img`, images.back),
      record: c.record as never,
      documentType: c.documentType,
      today: c.today,
    });
    if (i === 0)
      for (const field of ['fullName', 'address', 'documentNumber'] as const)
        lines.push(c.groundTruth.fields[field]!.box!);
  }
  writeFileSync(path.join(dir, 'uploads.json'), JSON.stringify({ uploads, lines }));
  const compiled = existsSync(path.join(REPO_ROOT, 'dist/libs/ocr/src/index.js'));
  const probe = (withRecogniser: boolean) => {
    const run = spawnSync(
      process.execPath,
      compiled
        ? ['-e', COMPILED_PROBE, dir, String(withRecogniser)]
        : [...process.execArgv, __filename, `--rss-probe=${dir}`, `--with-recogniser=${withRecogniser}`],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, IDV_BENCH_PINNED: '1', MALLOC_ARENA_MAX: '2' },
        encoding: 'utf8',
      },
    );
    const match = /PEAK_RSS_MB=(\d+(?:\.\d+)?)/.exec(run.stdout);
    if (!match) throw new Error(`rss probe failed: ${run.stderr}`);
    return Number(match[1]);
  };
  try {
    return { compiled, withoutRecogniserMb: probe(false), withRecogniserMb: probe(true) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function rssProbe(dir: string, withRecogniser: boolean): Promise<void> {
  const { uploads, lines } = JSON.parse(readFileSync(path.join(dir, 'uploads.json'), 'utf8')) as {
    uploads: Array<Omit<AnalyseInput, 'front' | 'back'> & { front: string; back?: string }>;
    lines: Box[];
  };
  const ocr = new OcrEngine({ mrzWorkers: 1, hanWorkers: 1, visualZoneWorkers: 1 });
  await ocr.warmUp({ han: true, hanLines: withRecogniser });
  const analyser = await DocumentAnalyser.create({ ocr });
  for (const u of uploads)
    await analyser.analyse({
      ...u,
      front: readFileSync(u.front),
      back: u.back ? readFileSync(u.back) : undefined,
    });
  if (withRecogniser) {
    const card = await upright(readFileSync(uploads[1].front), 0);
    const { width, height } = card.image;
    for (const b of lines)
      await ocr.readHanLine(card.image, {
        x: b.x / width,
        y: b.y / height,
        width: b.width / width,
        height: b.height / height,
      });
  }
  process.stdout.write(`PEAK_RSS_MB=${(process.resourceUsage().maxRSS / 1024).toFixed(0)}\n`);
  await analyser.close();
  await ocr.terminate();
}

function peakRssResult(rss: Awaited<ReturnType<typeof peakRss>>, measuredAt?: string) {
  return {
    what: 'worker-like process: MRZ, chi_sim and eng workers warm through the analyser, MALLOC_ARENA_MAX=2',
    ...(measuredAt ? { measuredAt } : {}),
    ...rss,
    addedMb: rss.withRecogniserMb - rss.withoutRecogniserMb,
  };
}

function fileMb(file: string): number {
  return Math.round((statSync(file).size / 1e6) * 10) / 10;
}

async function main(): Promise<void> {
  const probe = option('rss-probe');
  if (probe !== undefined) return rssProbe(probe, option('with-recogniser') === 'true');
  if (args.includes('--rss-only')) {
    // Measures the memory alone and puts it into the last full run's results (the OCR figures stay as they were).
    const rss = await peakRss();
    process.stdout.write(
      `peak RSS of a worker-like process (${rss.compiled ? 'compiled' : 'TypeScript sources'}), MRZ + chi_sim + eng warm: ` +
        `${rss.withoutRecogniserMb} MB; with the recogniser too: ${rss.withRecogniserMb} MB\n`,
    );
    const file = path.join(REPO_ROOT, 'bench/results/han-ocr.json');
    if (existsSync(file)) {
      const last = JSON.parse(readFileSync(file, 'utf8'));
      writeResult('han-ocr.json', { ...last, peakRss: peakRssResult(rss, new Date().toISOString()) });
    }
    return;
  }
  const pinned = pinToOneCore();
  process.stdout.write(`${pinned ? 'pinned to one core (taskset -c 0)' : 'NOT pinned: taskset missing'}\n`);

  const started = performance.now();
  const { lines, cases } = await collectLines();
  process.stdout.write(
    `${cases.length} holdout cards, ${lines.length} lines (${((performance.now() - started) / 1000).toFixed(0)} s to generate)\n`,
  );

  const ocr = new OcrEngine({ mrzWorkers: 1, hanWorkers: 1, visualZoneWorkers: 1 });
  await ocr.warmUp({ han: true });
  const loadStart = performance.now();
  const han = new HanLineRecogniser();
  await han.warmUp();
  const loadMs = performance.now() - loadStart;

  const groups: Array<{ name: string; keep: (l: Line) => boolean }> = [
    ...KINDS.map((k) => ({ name: k, keep: (l: Line) => l.kind === k })),
    { name: 'all Han lines', keep: (l: Line) => HAN_KINDS.includes(l.kind) },
    { name: 'Han lines, clean', keep: (l: Line) => HAN_KINDS.includes(l.kind) && l.scenario === 'clean' },
    { name: 'Han lines, mild', keep: (l: Line) => HAN_KINDS.includes(l.kind) && l.scenario === 'mild' },
  ];
  const byHeight: Record<string, unknown> = {};
  for (const height of HEIGHTS) {
    const t0 = performance.now();
    const reads = await readAll(lines, height, ocr, han);
    const table: Record<string, Record<Engine, Score>> = {};
    for (const g of groups)
      table[g.name] = {
        tesseract: score(lines, reads.tesseract, g.keep),
        paddle: score(lines, reads.paddle, g.keep),
      };
    const names = { tesseract: namesExact(lines, reads.tesseract), paddle: namesExact(lines, reads.paddle) };
    const misreads = lines
      .map((l, i) => ({
        kind: l.kind,
        truth: l.truth,
        tesseract: reads.tesseract[i].text,
        paddle: reads.paddle[i].text,
      }))
      .filter(
        (m) =>
          HAN_KINDS.includes(m.kind) &&
          (bare(m.tesseract) !== bare(m.truth) || bare(m.paddle) !== bare(m.truth)),
      );
    const calibration = weakestCalibration(lines, reads.paddle);
    byHeight[height] = { table, names, paddleWeakestCalibration: calibration, misreads };
    printTable(height, table, (performance.now() - t0) / 1000);
    process.stdout.write(
      `names exact: tesseract ${names.tesseract.exact}/${names.tesseract.cards}, paddle ${names.paddle.exact}/${names.paddle.cards}; ` +
        `paddle lines flagged by weakest < t (wrong, right): ${calibration.map((c) => `${c.weakestBelow}: ${c.wrongFlagged}, ${c.rightFlagged}`).join('; ')}\n`,
    );
  }

  const model = bundledHanModel();
  const rss = await peakRss();
  const result = {
    generatedAt: new Date().toISOString(),
    pinnedToOneCore: pinned,
    cards: cases.length,
    seed: SEED,
    styleSet: 'holdout',
    kinds: Object.fromEntries(
      ['cn_resident_id', 'cn_residence_permit', 'hk_identity_card'].map((k) => [
        k,
        cases.filter((c) => c.kind === k).length,
      ]),
    ),
    scenarios: {
      clean: cases.filter((c) => c.scenario === 'clean').length,
      mild: cases.filter((c) => c.scenario === 'mild').length,
    },
    lines: lines.length,
    heights: HEIGHTS,
    model: {
      recognition: path.basename(model.modelPath),
      recognitionMb: fileMb(model.modelPath),
      dictionary: path.basename(model.dictionaryPath),
      loadMs: Math.round(loadMs),
      chiSimMb: fileMb(
        path.join(
          path.dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')),
          '4.0.0_best_int',
          'chi_sim.traineddata.gz',
        ),
      ),
    },
    dictionary: dictionaryCoverage(lines),
    peakRss: peakRssResult(rss),
    byHeight,
  };
  await han.release();
  await ocr.terminate();
  const file = writeResult('han-ocr.json', result);
  process.stdout.write(
    `\nrecogniser ${result.model.recognition} ${result.model.recognitionMb} MB (chi_sim ${result.model.chiSimMb} MB), loads in ${result.model.loadMs} ms\n` +
      `peak RSS of a worker-like process (${rss.compiled ? 'compiled' : 'TypeScript sources'}), MRZ + chi_sim + eng warm: ` +
      `${rss.withoutRecogniserMb} MB; with the recogniser too: ${rss.withRecogniserMb} MB\n` +
      `dictionary ${result.dictionary.dictionarySize} characters; missing from it: ${Object.entries(
        result.dictionary.pools,
      )
        .map(([k, v]) => `${k} ${v.missing.length}/${v.characters} ${v.missing.join('')}`)
        .join(
          '; ',
        )}; bench truth ${result.dictionary.benchGroundTruth.missing}/${result.dictionary.benchGroundTruth.hanCharacters}\n` +
      `wrote ${path.relative(REPO_ROOT, file)}\n`,
  );
}

function printTable(height: number, table: Record<string, Record<Engine, Score>>, seconds: number): void {
  const pct = (x: number) => `${fmt(x * 100, 1)}%`;
  const rows = [
    `\nlines ${height} px tall (${seconds.toFixed(0)} s)`,
    'field            lines | exact tess  paddle | folded tess paddle | CER tess  paddle | cpu ms tess paddle | wall ms med tess paddle | p95 tess paddle',
  ];
  for (const [name, s] of Object.entries(table)) {
    const { tesseract: t, paddle: p } = s;
    rows.push(
      `${name.padEnd(16)} ${String(t.lines).padStart(5)} | ${pct(t.exact).padStart(10)} ${pct(p.exact).padStart(7)} | ` +
        `${pct(t.exactFolded).padStart(11)} ${pct(p.exactFolded).padStart(6)} | ${pct(t.cer).padStart(8)} ${pct(p.cer).padStart(7)} | ` +
        `${fmt(t.cpuMsMedian).padStart(11)} ${fmt(p.cpuMsMedian).padStart(6)} | ${fmt(t.wallMsMedian).padStart(16)} ${fmt(p.wallMsMedian).padStart(6)} | ` +
        `${fmt(t.wallMsP95).padStart(8)} ${fmt(p.wallMsP95).padStart(6)}`,
    );
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
