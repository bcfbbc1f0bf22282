import { ChildProcess, spawn } from 'node:child_process';
import { freePort, waitFor } from './processes';
import { createConnection } from 'node:net';

/**
 * A throwaway redis-server on its own port, for tests that stop and restart Redis — never the machine's shared one.
 * It keeps nothing on disk, like the shared instance, so a restart loses what was in it.
 */
export class ThrowawayRedis {
  private child?: ChildProcess;

  private constructor(readonly port: number) {}

  static async start(): Promise<ThrowawayRedis> {
    const r = new ThrowawayRedis(await freePort());
    await r.up();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await waitFor(
      () => this.answers().then((ok) => (ok ? true : undefined)),
      10_000,
      `redis-server on ${this.port}`,
    );
  }

  /** Kills the server (SIGKILL: no goodbye to clients) and waits until the port is closed. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  private answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = createConnection(this.port, '127.0.0.1');
      socket.once('connect', () => {
        socket.write('PING\r\n');
        socket.once('data', (d) => {
          socket.destroy();
          resolve(d.toString().startsWith('+PONG'));
        });
      });
      socket.once('error', () => resolve(false));
    });
  }
}
