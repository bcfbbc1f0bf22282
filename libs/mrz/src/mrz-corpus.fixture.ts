/* Test-only loader of the external corpus (see /work/shared/corpus/README.md); not exported. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Same rule as `corpusDir()` of @idv/testing, which these pure specs do not import: it loads
 * TypeORM and pg, about 3 s per spec file, for one path.
 */
function corpusDir(): string | undefined {
  const repoRoot = path.resolve(__dirname, '../../..');
  const dir = path.resolve(process.env.IDV_CORPUS_DIR ?? path.join(repoRoot, '..', 'shared', 'corpus'));
  if (fs.existsSync(path.join(dir, 'mrz-vectors.json'))) return dir;
  process.stdout.write(`\n[corpus] ${dir} not found: set IDV_CORPUS_DIR; skipping the corpus cases\n`);
  return undefined;
}
const dir = corpusDir();

export interface VectorCase {
  id: string;
  format: string;
  lines: string[];
  valid: boolean | null;
  options?: Record<string, boolean>;
  expected: Record<string, unknown>;
  expected_errors: unknown[];
  independent_icao_check?: { all_ok: boolean; errors: string[] };
  notes?: string;
}
export interface CheckDigitVector {
  input: string;
  check_digit: string;
  check_digit_is_not?: string;
  valid?: boolean;
  source_test: string;
}
export interface GenerationVector {
  format: string;
  input: Record<string, string>;
  expected_lines: string[];
  source_test: string;
}
export interface NameVector {
  function: 'text_to_mrz' | 'name_to_mrz';
  input: string | { surname: string; given_names: string };
  length: number;
  expected: string;
}
export interface MrzVectors {
  cases: VectorCase[];
  check_digit_vectors: CheckDigitVector[];
  generation_vectors: GenerationVector[];
  name_vectors: NameVector[];
  date_century_vectors: {
    vectors: Array<{ field: 'birth_date' | 'expiry_date'; input: string; expected: string }>;
  };
}
export interface SpecimenRecord {
  file: string;
  mrz_format: string;
  mrz_check_digits_valid: boolean | null;
  expected_errors: string[];
  ground_truth: Record<string, string | null> & { mrz_lines: string[] };
}

/** The parsed corpus file, or null (after one visible line from corpusDir) when the corpus is absent. */
function readJson<T>(relative: string): T | null {
  if (dir === undefined) return null;
  return JSON.parse(fs.readFileSync(path.join(dir, relative), 'utf8')) as T;
}

export const loadMrzVectors = () => readJson<MrzVectors>('mrz-vectors.json');
export const loadSpecimens = () => readJson<SpecimenRecord[]>('specimens/manifest.json');

/** `it.each` over corpus rows that skips, instead of failing on an empty table, when the corpus is absent. */
export function eachCorpusRow<T extends readonly unknown[]>(rows: readonly T[]) {
  return rows.length > 0 ? it.each(rows) : it.skip.each([[] as unknown as T]);
}
