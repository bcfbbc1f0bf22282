import { setFlagsFromString } from 'node:v8';
import { ConfigError, secretsSourceLine, type AppConfig } from './config';
import { DependencyUnavailableError } from './dependency.check';

type Stop = () => Promise<void>;

/**
 * Environment every service process should start with. glibc gives each libvips (sharp) thread its own malloc arena
 * and keeps their freed memory: with two arenas a worker's RSS after a mixed load measured 394 MB instead of 575 MB
 * (the figure sharp's documentation also points to). Read by glibc at process start, so it is set by whatever starts
 * the process: the launcher, the Docker image, the npm start scripts, the test and bench harnesses.
 */
export const SERVICE_PROCESS_ENV = { MALLOC_ARENA_MAX: '2' } as const;

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/**
 * Prints, as one JSON log line at info level, where the process's encryption key and audit salt come from (the
 * environment, or the secrets file and whether this start generated it). A process the launcher forked stays
 * quiet (it has an IPC channel): the launcher has said it once for `npm start`.
 */
export function announceSecrets(service: string, config: Pick<AppConfig, 'secretsFile' | 'logLevel'>): void {
  if (process.send || LEVELS.indexOf(config.logLevel) > LEVELS.indexOf('info')) return;
  const line = { level: 30, time: Date.now(), service, msg: secretsSourceLine(config) };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Errors whose message is already the one line a person needs; no stack trace for these. */
function isExpected(err: unknown): err is Error {
  return err instanceof ConfigError || err instanceof DependencyUnavailableError;
}

/**
 * Lets V8's old generation grow to twice its live size before a full collection. Left to itself, V8 kept the limit
 * about 1.1× the live heap under our load (megabytes of short-lived Buffers per document: uploads, ciphertext,
 * sharp's pixel buffers): `--trace-gc` in `bench:load` showed a full mark-compact every 250–400 ms, 48 in the API
 * and 63 in the worker in one run, against 4 and 8 with this, and the API's CPU per verdict fell by a third. The
 * cost is a larger heap between collections (tens of MB; peak RSS did not change measurably). Set at run time
 * because Node refuses V8's heap flags in NODE_OPTIONS; V8 reads it each time it sets the next collection's limit.
 */
export function tuneGarbageCollection(): void {
  setFlagsFromString('--heap-growing-percent=100');
}

/**
 * Runs a process's main function: prints one clear line and exits 1 on expected start-up failures,
 * and stops cleanly (exit 0) on SIGTERM/SIGINT, forcing the exit if stopping takes longer than `graceMs`.
 */
export function runMain(name: string, start: () => Promise<Stop>, graceMs = 25_000): void {
  tuneGarbageCollection();
  let stop: Stop | undefined;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => {
      process.stderr.write(`${name}: did not stop within ${graceMs} ms after ${signal}; exiting\n`);
      process.exit(1);
    }, graceMs);
    timer.unref();
    Promise.resolve(stop?.())
      .then(() => process.exit(0))
      .catch((err) => {
        process.stderr.write(`${name}: error while stopping: ${(err as Error).message}\n`);
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  start()
    .then((s) => {
      stop = s;
      if (stopping) void s().then(() => process.exit(0));
    })
    .catch((err) => {
      const line = isExpected(err) ? err.message : `${name} failed to start: ${(err as Error)?.stack ?? err}`;
      process.stderr.write(`${line}\n`);
      process.exit(1);
    });
}
