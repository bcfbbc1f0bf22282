import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, DependencyUnavailableError } from '@idv/platform';
import { COMMANDS } from './commands';

/**
 * `npm run cli -- <command> [--option value ...]`. Each command is a small module in ./commands;
 * usage errors and expected failures print one line to stderr and exit 2 / 1.
 */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    const list = Object.entries(COMMANDS)
      .map(([n, c]) => `  ${n.padEnd(14)} ${c.summary}`)
      .join('\n');
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
    const expected =
      err instanceof ConfigError ||
      err instanceof DependencyUnavailableError ||
      (err as Error)?.name === 'UsageError';
    const isArgError = (err as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(
      `${expected || isArgError ? (err as Error).message : ((err as Error)?.stack ?? String(err))}\n`,
    );
    process.exit(isArgError || (err as Error)?.name === 'UsageError' ? 2 : 1);
  });
