import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import {
  announceSecrets,
  checkPostgres,
  checkRedis,
  loadConfig,
  runMain,
  SERVICE_PROCESS_ENV,
} from '@idv/platform';
import { claimQueuePrefix, ensureDatabase, runMigrations } from '@idv/persistence';
import { ImageFiles } from '@idv/storage';

/**
 * `npm start`: checks the configuration, both dependencies and the image directory if one is set, creates and
 * migrates the database, then runs the API and the worker as two child processes (in production they are separate
 * containers) and stops both on SIGTERM/SIGINT. If either child dies, the other is stopped and the launcher exits
 * non-zero.
 */
const ext = __filename.endsWith('.ts') ? '.ts' : '.js';
const log = (msg: string) =>
  process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), service: 'launcher', msg })}\n`);

runMain('launcher', async () => {
  const config = loadConfig();
  announceSecrets('launcher', config);
  await checkPostgres(config.databaseUrl);
  await checkRedis(config.redisUrl);
  if (config.imageDir) await ImageFiles.open(config.imageDir);
  if (await ensureDatabase(config.databaseUrl))
    log(`created database ${new URL(config.databaseUrl).pathname.slice(1)}`);
  const applied = await runMigrations(config.databaseUrl);
  log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema up to date');
  // Here too, so a shared IDV_QUEUE_PREFIX stops `npm start` with the one line, not with a child's exit.
  await claimQueuePrefix(config, log);

  const children = new Map<string, ChildProcess>();
  let stopping = false;
  const stopAll = () =>
    Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    ).then(() => undefined);

  for (const app of ['api', 'worker'] as const) {
    const child = fork(join(__dirname, '..', '..', app, 'src', `main${ext}`), [], {
      stdio: 'inherit',
      env: { ...SERVICE_PROCESS_ENV, ...process.env },
    });
    children.set(app, child);
    child.once('exit', (code, signal) => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`launcher: ${app} exited (${signal ?? code}); stopping\n`);
      void stopAll().then(() => process.exit(1));
    });
  }
  void announceWhenReady(config.port);
  return async () => {
    stopping = true;
    await stopAll();
  };
});

/** Logs one line once /health/ready answers 200, so a newcomer knows where to look. */
async function announceWhenReady(port: number): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.ok) {
        log(`ready: http://localhost:${port} (API docs at /docs, health at /health/ready)`);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
