import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from './processes';

/**
 * The external test corpus (`IDV_CORPUS_DIR`, default ../shared/corpus). Returns undefined, after printing one
 * visible line, when it is absent, so the tests that need it can skip themselves and nothing else.
 */
export function corpusDir(): string | undefined {
  const dir = resolve(process.env.IDV_CORPUS_DIR ?? resolve(REPO_ROOT, '..', 'shared', 'corpus'));
  if (existsSync(resolve(dir, 'mrz-vectors.json'))) return dir;
  process.stdout.write(`\n[corpus] ${dir} not found: set IDV_CORPUS_DIR; skipping the corpus cases\n`);
  return undefined;
}
