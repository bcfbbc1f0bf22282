import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { caseSeed, DEFAULT_TODAY, generateCase, GenerateCaseOptions, GeneratedCase } from './case.generator';
import { SampleCase } from './sample.model';
import { SyntheticError, SyntheticErrorCode } from './synthetic.error';

/** Options of {@link generateSamples}. */
export interface GenerateSamplesOptions extends Omit<
  GenerateCaseOptions,
  'id' | 'scenario' | 'documentType'
> {
  count: number;
  seed: number;
}

/**
 * Generates `count` cases from one `seed`, lazily and in order. Case `i` has the seed {@link caseSeed}(seed, i)
 * and the id `case-<i>`, so one case of a set can be regenerated alone.
 */
export async function* generateSamples(options: GenerateSamplesOptions): AsyncGenerator<GeneratedCase> {
  const { count, seed, ...caseOptions } = options;
  if (!Number.isInteger(count) || count < 0)
    throw new SyntheticError(
      SyntheticErrorCode.INVALID_OPTIONS,
      `count must be a non-negative integer, got ${count}`,
    );
  if (!Number.isInteger(seed))
    throw new SyntheticError(SyntheticErrorCode.INVALID_OPTIONS, `seed must be an integer, got ${seed}`);
  // Two cases in flight keep both cores busy (rendering and encoding run on libvips' threads).
  let pending: Promise<GeneratedCase> | undefined;
  for (let i = 0; i < count; i++) {
    const next = generateCase(caseSeed(seed, i), { ...caseOptions, id: caseId(i, count) });
    next.catch(() => undefined); // surfaced when awaited; avoids an unhandled rejection if an earlier case throws
    if (pending) yield await pending;
    pending = next;
  }
  if (pending) yield await pending;
}

function caseId(index: number, count: number): string {
  return `case-${String(index).padStart(Math.max(4, String(count - 1).length), '0')}`;
}

/** Options of {@link writeSamples}. */
export interface WriteSamplesOptions extends GenerateSamplesOptions {
  outDir: string;
}

/** The `cases.json` that {@link writeSamples} writes beside the images. */
export interface CaseSetManifest {
  generator: '@idv/synthetic';
  version: 1;
  seed: number;
  count: number;
  today: string;
  /** Only on a holdout set's manifest. */
  styleSet?: 'holdout';
  cases: SampleCase[];
}

/**
 * Writes a case set: every case's images (PNG, or JPEG where its last defect is JPEG compression) and
 * `cases.json` with the ground truth, the registration record and the expected verdict of each case.
 * Backs `npm run cli -- samples --out DIR --count N --seed S`.
 */
export async function writeSamples(
  options: WriteSamplesOptions,
): Promise<{ outDir: string; manifestPath: string; cases: SampleCase[] }> {
  const { outDir, ...generate } = options;
  await mkdir(outDir, { recursive: true });
  const cases: SampleCase[] = [];
  for await (const generated of generateSamples(generate)) {
    const { case: sample, images } = generated;
    await writeFile(path.join(outDir, sample.files.front), images.front);
    if (sample.files.back && images.back) await writeFile(path.join(outDir, sample.files.back), images.back);
    cases.push(sample);
  }
  const manifest: CaseSetManifest = {
    generator: '@idv/synthetic',
    version: 1,
    seed: options.seed,
    count: options.count,
    today: options.today ?? DEFAULT_TODAY,
    ...(options.styleSet === 'holdout' ? { styleSet: 'holdout' as const } : {}),
    cases,
  };
  const manifestPath = path.join(outDir, 'cases.json');
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  return { outDir, manifestPath, cases };
}
