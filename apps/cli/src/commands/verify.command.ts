import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { AnalysisOutcome, DocumentAnalyser, RegistrationRecord } from '@idv/analysis';
import type { OcrEngine } from '@idv/ocr';
import { DOCUMENT_TYPES, type DocumentType } from '@idv/verdict';
import { required, UsageError, type CliCommand } from './command';

async function readInput(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(err));
    throw new UsageError(`Cannot read ${what} "${file}": ${why}`);
  }
}

async function readJson(file: string, what: string): Promise<unknown> {
  const text = (await readInput(file, what)).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${what} "${file}" is not valid JSON: ${(err as Error).message}`);
  }
}

/** The body of `POST /v1/applicants`, validated by the same rules as the API, as the analysis compares it. */
async function validRecord(body: unknown, where: string): Promise<RegistrationRecord> {
  // Loaded here, not at the top: the record rules bring class-validator and the OpenAPI decorators, which load
  // while the OCR worker starts on its own thread.
  const { RegistrationRecordDto, validateRecord } = await import('@idv/applicants/records');
  const validated = validateRecord(RegistrationRecordDto, body);
  if (!validated.ok) {
    const fields = validated.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    throw new UsageError(`${where} is not a valid registration record: ${fields}`);
  }
  const record = validated.value;
  // A record may give only the whole name (王小明); the analysis compares what it has.
  return { ...record, surname: record.surname ?? '', givenNames: record.givenNames ?? '' };
}

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

/** `today` for expiry: `--today`, else IDV_NOW (the clock override of the tests), else the UTC date. */
function today(value: string | boolean | undefined): string {
  if (typeof value === 'string') {
    if (!isDay(value)) throw new UsageError(`--today must be YYYY-MM-DD, not "${value}"`);
    return value;
  }
  return (process.env.IDV_NOW ? new Date(process.env.IDV_NOW) : new Date()).toISOString().slice(0, 10);
}

function documentType(value: string | boolean | undefined): DocumentType | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(DOCUMENT_TYPES as readonly string[]).includes(value))
    throw new UsageError(
      `--document-type must be one of ${DOCUMENT_TYPES.join(', ')}, not "${String(value)}"`,
    );
  return value as DocumentType;
}

/** The body of `GET /v1/verifications/:id` without ids and timestamps. */
function verificationBody(outcome: AnalysisOutcome) {
  const { verdict, reasons, document, checks, engineVersion, timings } = outcome;
  return {
    status: 'completed',
    verdict,
    reasons,
    document,
    checks,
    review: null,
    processingMs: Math.round(timings.total),
    engineVersion,
  };
}

/**
 * Starts the OCR engine before anything else is loaded: its MRZ worker compiles tesseract and loads its model on
 * a thread of its own while this one loads the analysis and the record rules and reads the files. Only the MRZ
 * model starts now; the Chinese-text and visual-zone models start if a document needs them (the worker service
 * warms them all at boot instead). Then `use` gets an analyser judged with `IDV_MIN_DOCUMENT_PIXELS`.
 *
 * For `documents: 'one'`, tesseract's WebAssembly stays on V8's baseline compiler (Liftoff): its optimising tier
 * recompiles the network's hot functions in the background while the first read runs, which cost more CPU than it
 * saved on a run that reads one document (`npm run bench:cli` measures both). A batch keeps it, as the service does.
 */
async function withAnalyser<T>(
  documents: 'one' | 'many',
  use: (analyser: DocumentAnalyser) => Promise<T>,
): Promise<T> {
  if (documents === 'one') setFlagsFromString('--liftoff-only');
  const { OcrEngine } = await import('@idv/ocr');
  const ocr: OcrEngine = new OcrEngine({ visualZoneWorkers: 1 });
  // A failed start is not lost: the first read starts the worker again and reports why it cannot.
  ocr.warmUp({ prime: false }).catch(() => undefined);
  try {
    const [{ DocumentAnalyser }, { withMinDocumentPixels }, { loadConfig }] = await Promise.all([
      import('@idv/analysis'),
      import('@idv/quality'),
      import('@idv/platform/config'),
    ]);
    const { minDocumentPixels } = loadConfig();
    const analyser = await DocumentAnalyser.create({
      ocr,
      thresholds: withMinDocumentPixels(minDocumentPixels),
    });
    return await use(analyser);
  } finally {
    await ocr.terminate();
  }
}

/** One case of a `--cases` file: the `cases.json` that `samples` writes has these fields and more. */
interface CaseEntry {
  id?: unknown;
  files?: { front?: unknown; back?: unknown };
  record?: unknown;
  documentType?: unknown;
  expectedVerdict?: unknown;
  today?: unknown;
}

/** Verdicts per expected verdict, and the cases whose verdict was not the expected one. */
class Tally {
  private readonly byExpected = new Map<string, Map<string, number>>();
  readonly misses: string[] = [];
  errors = 0;
  cases = 0;

  add(id: string, expected: string | undefined, outcome: AnalysisOutcome): void {
    this.cases++;
    if (!expected) return;
    const got = this.byExpected.get(expected) ?? new Map<string, number>();
    got.set(outcome.verdict, (got.get(outcome.verdict) ?? 0) + 1);
    this.byExpected.set(expected, got);
    if (outcome.verdict !== expected) {
      const reasons = outcome.reasons.map((r) => (r.field ? `${r.code}:${r.field}` : r.code)).join(',');
      this.misses.push(
        `  ${id}: expected ${expected}, got ${outcome.verdict}${reasons ? ` (${reasons})` : ''}`,
      );
    }
  }

  summary(seconds: number): string {
    const judged = [...this.byExpected.values()].flatMap((m) => [...m.values()]).reduce((a, b) => a + b, 0);
    const lines = [
      `${this.cases} cases in ${seconds.toFixed(1)} s (${(this.cases / seconds).toFixed(2)} documents/s)` +
        (judged ? `: ${judged - this.misses.length} of ${judged} verdicts as expected` : '') +
        (this.errors ? `; ${this.errors} could not be verified` : ''),
    ];
    for (const [expected, got] of [...this.byExpected].sort(([a], [b]) => a.localeCompare(b))) {
      const total = [...got.values()].reduce((a, b) => a + b, 0);
      const spread = [...got].map(([verdict, n]) => `${n} ${verdict}`).join(', ');
      lines.push(`  expected ${expected.padEnd(13)} ${String(total).padStart(4)}: ${spread}`);
    }
    return [...lines, ...this.misses, ''].join('\n');
  }
}

/**
 * `verify --cases <cases.json>`: every case through one warm engine, one verdict JSON line per case on stdout
 * (`id`, `expectedVerdict` when the file has one, then the verification body), and a summary of expected against
 * got on stderr. A case that cannot be verified (a missing image, an invalid record) gets an `error` line; the
 * run goes on and exits 1 at the end.
 */
async function verifyCases(file: string, todayOverride: string | undefined): Promise<number> {
  const manifest = (await readJson(file, '--cases')) as { today?: unknown; cases?: unknown; cards?: unknown };
  if (!manifest || !Array.isArray(manifest.cases))
    throw new UsageError(`--cases "${file}" has no "cases" list (write one with: npm run cli -- samples)`);
  // The identity cards `samples --cards` writes beside the MRZ documents, each with the documentType to send.
  // (A document case's documentType is what the generator made, not what an upload declares: only a card's is sent.)
  const cards = Array.isArray(manifest.cards) ? (manifest.cards as CaseEntry[]) : [];
  const entries = [
    ...(manifest.cases as CaseEntry[]).map((entry) => ({ ...entry, documentType: undefined })),
    ...cards,
  ];
  const dir = path.dirname(path.resolve(file));
  const tally = new Tally();
  const started = performance.now();
  await withAnalyser('many', async (analyser) => {
    for (const [index, entry] of entries.entries()) {
      const id = typeof entry?.id === 'string' ? entry.id : `#${index}`;
      const expected = typeof entry?.expectedVerdict === 'string' ? entry.expectedVerdict : undefined;
      try {
        const front = entry?.files?.front;
        const back = entry?.files?.back;
        if (typeof front !== 'string') throw new UsageError('it names no front image (files.front)');
        const day = [todayOverride, entry.today, manifest.today].find((d) => typeof d === 'string');
        if (day !== undefined && !isDay(day as string)) throw new UsageError(`"today" is not YYYY-MM-DD`);
        const [frontBytes, backBytes, record] = await Promise.all([
          readInput(path.resolve(dir, front), 'front'),
          typeof back === 'string' ? readInput(path.resolve(dir, back), 'back') : undefined,
          validRecord(entry.record, 'its record'),
        ]);
        const declared =
          entry.documentType === undefined
            ? undefined
            : documentType(
                typeof entry.documentType === 'string' ? entry.documentType : String(entry.documentType),
              );
        const outcome = await analyser.analyse({
          front: frontBytes,
          back: backBytes,
          record,
          documentType: declared,
          today: (day as string | undefined) ?? today(undefined),
        });
        tally.add(id, expected, outcome);
        const line = { id, ...(expected ? { expectedVerdict: expected } : {}), ...verificationBody(outcome) };
        process.stdout.write(`${JSON.stringify(line)}\n`);
      } catch (err) {
        if ((err as Error)?.name !== 'UsageError') throw err;
        tally.errors++;
        process.stdout.write(`${JSON.stringify({ id, error: (err as Error).message })}\n`);
      }
    }
  });
  process.stderr.write(tally.summary((performance.now() - started) / 1000));
  return tally.errors ? 1 : 0;
}

/**
 * `verify --front <image> [--back <image>] --record <record.json> [--document-type <type>] [--today YYYY-MM-DD]`:
 * runs the document pipeline in-process (no PostgreSQL, Redis or network) and prints the verdict JSON. Bad
 * input (a missing file, bytes that are no image, an invalid record) is one line on stderr and exit 2.
 * `verify --cases <cases.json>` verifies a whole case set with one warm engine (see {@link verifyCases}).
 */
export const verifyCommand: CliCommand = {
  summary:
    'verify a document in-process: --front <image> [--back <image>] --record <record.json>; or a case set: --cases <cases.json>',
  options: {
    front: { type: 'string' },
    back: { type: 'string' },
    record: { type: 'string' },
    cases: { type: 'string' },
    'document-type': { type: 'string' },
    today: { type: 'string' },
  },
  async run(values) {
    const declared = documentType(values['document-type']);
    const day = today(values.today);
    if (typeof values.cases === 'string') {
      if (values.front !== undefined || values.record !== undefined)
        throw new UsageError('--cases takes the images and records from its file: drop --front and --record');
      return verifyCases(values.cases, typeof values.today === 'string' ? day : undefined);
    }
    const frontPath = required(values, 'front');
    const recordPath = required(values, 'record');
    const backPath = typeof values.back === 'string' ? values.back : undefined;
    // The files first: a missing one is said at once, before any engine starts.
    const [front, back, body] = await Promise.all([
      readInput(frontPath, '--front'),
      backPath ? readInput(backPath, '--back') : undefined,
      readJson(recordPath, '--record'),
    ]);
    const outcome = await withAnalyser('one', async (analyser) => {
      const record = await validRecord(body, `--record "${recordPath}"`);
      return analyser.analyse({ front, back, record, documentType: declared, today: day });
    });
    const decode = [outcome.checks.quality.decode, outcome.checks.quality.back?.decode].find(
      (d) => d && !d.ok,
    );
    if (decode) throw new UsageError(`Not a usable image: ${(decode.failure ?? '').replace(/\s+/g, ' ')}`);
    process.stdout.write(`${JSON.stringify(verificationBody(outcome), null, 2)}\n`);
    return 0;
  },
};
