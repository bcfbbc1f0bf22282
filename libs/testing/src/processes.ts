import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { SERVICE_PROCESS_ENV } from '@idv/platform';

/** The repository root (libs/testing/src → ../../..). */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** A TCP port on 127.0.0.1 where nothing listens right now. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

/** A running service process with its output collected (for assertions and for failure messages). */
export interface ServiceProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `node` running a TypeScript entry point of this repo. With IDV_CPU_PROFILE_DIR set, the process writes a V8 CPU
 * profile there when it exits (for profiling benches; Node refuses --cpu-prof in NODE_OPTIONS).
 */
function spawnTs(entry: string, args: string[], env: NodeJS.ProcessEnv) {
  const profile = process.env.IDV_CPU_PROFILE_DIR;
  return spawn(
    process.execPath,
    [
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
      ...['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', resolve(REPO_ROOT, entry), ...args],
    ],
    {
      cwd: REPO_ROOT,
      env: { ...SERVICE_PROCESS_ENV, ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** Starts a TypeScript entry point of this repo (e.g. apps/launcher/src/main.ts) as a real process. */
export function startTs(entry: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): ServiceProcess {
  const child = spawnTs(entry, args, env);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.once('exit', (code, signal) => res({ code, signal })),
  );
  return { child, output: () => out, exited };
}

/** Runs a TypeScript entry point to completion and returns its exit code and output. */
export async function runTs(
  entry: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnTs(entry, args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((res) => child.once('exit', (c) => res(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`,
  );
}
