import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Content types of the files the console build produces. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** A file name the console may serve: flat, lower-case, a known extension (no paths, no dot files). */
const SAFE_NAME = /^[a-z0-9][a-z0-9-]*\.(html|js|mjs|css|svg)$/;

/** The repository root: the nearest folder above `from` with a package.json (works from src/ and from dist/). */
function repoRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Where the built console is: `IDV_CONSOLE_DIR`, else `dist/console` of the repository. */
export function consoleDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.IDV_CONSOLE_DIR
    ? path.resolve(env.IDV_CONSOLE_DIR)
    : path.join(repoRoot(__dirname), 'dist', 'console');
}

/** Reads one built file, or null when the name is not servable or the file does not exist. */
export function readConsoleFile(dir: string, name: string): { body: Buffer; type: string } | null {
  if (!SAFE_NAME.test(name)) return null;
  const file = path.join(dir, name);
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  return { body: readFileSync(file), type: TYPES[path.extname(name)] };
}
