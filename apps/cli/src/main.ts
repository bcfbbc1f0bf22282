import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { COMMANDS } from './commands';

/** Failures a person can act on: printed as their one-line message, without a stack. */
const EXPECTED_ERRORS = new Set(['ConfigError', 'DependencyUnavailableError', 'UsageError']);

/**
 * `npm run cli -- <command> [--option value ...]` (or `npm run cli:built -- …` from `npm run build`). Each command
 * is a small module in ./commands, loaded when it runs; usage errors and expected failures print one line to
 * stderr and exit 2 / 1.
 */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name && Object.hasOwn(COMMANDS, name) ? await COMMANDS[name]() : undefined;
  if (!command) {
    const loaded = await Promise.all(
      Object.entries(COMMANDS).map(async ([n, load]) => [n, await load()] as const),
    );
    const list = loaded.map(([n, c]) => `  ${n.padEnd(14)} ${c.summary}`).join('\n');
    process.stderr.write(
      `${name ? `Unknown command "${name}".\n` : ''}Usage: npm run cli -- <command> [options]\n${list}\n`,
    );
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: command.options,
    strict: true,
    allowPositionals: false,
  });
  return command.run(values as Record<string, string | boolean | undefined>);
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err: unknown) => {
    const expected = EXPECTED_ERRORS.has((err as Error)?.name);
    const isArgError = (err as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(
      `${expected || isArgError ? (err as Error).message : ((err as Error)?.stack ?? String(err))}\n`,
    );
    process.exit(isArgError || (err as Error)?.name === 'UsageError' ? 2 : 1);
  });
