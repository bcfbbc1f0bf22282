import fs from 'node:fs';
import path from 'node:path';

/** Repository root, from this folder (libs/quality/calibration). */
const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The external corpus: `IDV_CORPUS_DIR`, else `shared/corpus` beside the repository. */
export const CORPUS_DIR = process.env.IDV_CORPUS_DIR ?? path.resolve(REPO_ROOT, '../shared/corpus');

export interface Specimen {
  file: string;
  bytes: Buffer;
}

/** Specimen images listed in the corpus manifest, or an empty list when the corpus is absent. */
export function loadSpecimens(): Specimen[] {
  const manifest = path.join(CORPUS_DIR, 'specimens', 'manifest.json');
  if (!fs.existsSync(manifest)) return [];
  const records = JSON.parse(fs.readFileSync(manifest, 'utf8')) as Array<{ file: string }>;
  return records.map((r) => ({
    file: r.file,
    bytes: fs.readFileSync(path.join(CORPUS_DIR, 'specimens', r.file)),
  }));
}
