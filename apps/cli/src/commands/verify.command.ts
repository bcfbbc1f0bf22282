import { readFile } from 'node:fs/promises';
import { DocumentAnalyser, type AnalysisOutcome } from '@idv/analysis';
import { RegistrationRecordDto, validateRecord } from '@idv/applicants';
import { DOCUMENT_TYPES } from '@idv/verdict';
import { required, UsageError, type CliCommand } from './command';

async function readInput(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(err));
    throw new UsageError(`Cannot read ${what} "${path}": ${why}`);
  }
}

/** The record file: the body of `POST /v1/applicants`, validated by the same rules as the API. */
async function readRecord(path: string): Promise<RegistrationRecordDto> {
  const text = (await readInput(path, '--record')).toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--record "${path}" is not valid JSON: ${(err as Error).message}`);
  }
  const validated = validateRecord(RegistrationRecordDto, body);
  if (!validated.ok) {
    const fields = validated.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    throw new UsageError(`--record "${path}" is not a valid registration record: ${fields}`);
  }
  return validated.value;
}

/** `today` for expiry: `--today`, else IDV_NOW (the clock override of the tests), else the UTC date. */
function today(value: string | boolean | undefined): string {
  if (typeof value === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
      throw new UsageError(`--today must be YYYY-MM-DD, not "${value}"`);
    return value;
  }
  return (process.env.IDV_NOW ? new Date(process.env.IDV_NOW) : new Date()).toISOString().slice(0, 10);
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
 * `verify --front <image> [--back <image>] --record <record.json> [--document-type <type>] [--today YYYY-MM-DD]`:
 * runs the document pipeline in-process (no PostgreSQL, Redis or network) and prints the verdict JSON. Bad
 * input (a missing file, bytes that are no image, an invalid record) is one line on stderr and exit 2.
 */
export const verifyCommand: CliCommand = {
  summary: 'verify a document in-process: --front <image> [--back <image>] --record <record.json>',
  options: {
    front: { type: 'string' },
    back: { type: 'string' },
    record: { type: 'string' },
    'document-type': { type: 'string' },
    today: { type: 'string' },
  },
  async run(values) {
    const documentType = values['document-type'];
    if (typeof documentType === 'string' && !(DOCUMENT_TYPES as readonly string[]).includes(documentType))
      throw new UsageError(
        `--document-type must be one of ${DOCUMENT_TYPES.join(', ')}, not "${documentType}"`,
      );
    const frontPath = required(values, 'front');
    const recordPath = required(values, 'record');
    const backPath = typeof values.back === 'string' ? values.back : undefined;
    const day = today(values.today);
    const [front, back, record] = await Promise.all([
      readInput(frontPath, '--front'),
      backPath ? readInput(backPath, '--back') : undefined,
      readRecord(recordPath),
    ]);
    const analyser = await DocumentAnalyser.create({ ocrOptions: { visualZoneWorkers: 1 } });
    let outcome: AnalysisOutcome;
    try {
      outcome = await analyser.analyse({
        front,
        back,
        // A record may give only the whole name (王小明); the analysis compares what it has.
        record: { ...record, surname: record.surname ?? '', givenNames: record.givenNames ?? '' },
        documentType: typeof documentType === 'string' ? documentType : undefined,
        today: day,
      });
    } finally {
      await analyser.close();
    }
    const decode = [outcome.checks.quality.decode, outcome.checks.quality.back?.decode].find(
      (d) => d && !d.ok,
    );
    if (decode) throw new UsageError(`Not a usable image: ${(decode.failure ?? '').replace(/\s+/g, ' ')}`);
    process.stdout.write(`${JSON.stringify(verificationBody(outcome), null, 2)}\n`);
    return 0;
  },
};
