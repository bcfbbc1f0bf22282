import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = __dirname;

/**
 * Builds the reviewer console into `outDir` (default dist/console): the TypeScript sources compiled to ES modules
 * the browser loads as they are (no bundler, no CDN), plus the static HTML and CSS. Throws with the compiler's
 * diagnostics when the sources do not type-check.
 */
export function buildConsole(outDir = path.resolve(ROOT, '../../dist/console')): string {
  const configPath = path.join(ROOT, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, { outDir });
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const emitted = program.emit();
  const problems = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (problems.length > 0) {
    const host = {
      getCanonicalFileName: (f: string) => f,
      getCurrentDirectory: () => ROOT,
      getNewLine: () => '\n',
    };
    throw new Error(`console build failed:\n${ts.formatDiagnostics(problems, host)}`);
  }
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(path.join(ROOT, 'static'))) {
    copyFileSync(path.join(ROOT, 'static', file), path.join(outDir, file));
  }
  return outDir;
}

if (require.main === module) {
  const out = buildConsole(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`console built into ${path.relative(process.cwd(), out) || '.'}`);
}
