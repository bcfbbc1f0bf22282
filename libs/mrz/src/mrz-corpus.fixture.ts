/* Test-only loader of the external corpus (see /work/shared/corpus/README.md); not exported. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const corpusDir = process.env.IDV_CORPUS_DIR ?? path.resolve(__dirname, '../../../../shared/corpus');

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

function readJson<T>(relative: string): T | null {
  const file = path.join(corpusDir, relative);
  if (!fs.existsSync(file)) {
    console.log(`MRZ corpus not found at ${file}; skipping corpus cases (set IDV_CORPUS_DIR).`);
    return null;
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

export const loadMrzVectors = () => readJson<MrzVectors>('mrz-vectors.json');
export const loadSpecimens = () => readJson<SpecimenRecord[]>('specimens/manifest.json');
