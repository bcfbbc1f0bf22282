import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './processes';

const run = promisify(execFile);

/** The newest PostgreSQL server binaries installed the Debian way (/usr/lib/postgresql/<major>/bin). */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((d) => existsSync(join(root, d, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!majors.length) throw new Error(`ThrowawayPostgres: no pg_ctl under ${root}/*/bin`);
  return join(root, majors[0], 'bin');
}

/**
 * A throwaway PostgreSQL cluster (initdb in a temp directory, its own port and socket directory), for tests that
 * stop and restart PostgreSQL — never the machine's shared one. The server refuses to run as root, so when the
 * tests do it runs as the `postgres` user through runuser. Durability is off (fsync): it is thrown away anyway.
 */
export class ThrowawayPostgres {
  private readonly bin = binDir();

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  /** initdb + start; trust authentication for the `postgres` user on 127.0.0.1 only. */
  static async start(): Promise<ThrowawayPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'idv-pg-'));
    const pg = new ThrowawayPostgres(await freePort(), dir);
    if (pg.asRoot) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: gid } = await run('id', ['-g', 'postgres']);
      chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
    }
    await pg.exec('initdb', [
      '-D',
      pg.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    await pg.up();
    return pg;
  }

  /** A URL for `database` on this server (the database itself may not exist yet). */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the server and waits until it accepts connections. */
  async up(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      `-k ${this.dir}`,
      `-c listen_addresses=127.0.0.1`,
      `-c fsync=off`,
      `-c full_page_writes=off`,
      `-c max_connections=100`,
    ].join(' ');
    await this.exec('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'server.log'),
      '-o',
      options,
      '-w',
      'start',
    ]);
  }

  /**
   * Stops the server. `fast` (the default) disconnects every client and shuts down cleanly; `immediate` is a
   * crash (no checkpoint), as when the machine dies.
   */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']).catch(() => undefined);
  }

  /** Backs `database` up with pg_dump (custom format) to a file in this server's directory; returns its path. */
  async dump(database: string): Promise<string> {
    const file = join(this.dir, `${database}-${Date.now()}.dump`);
    await this.exec('pg_dump', [...this.client, '-Fc', '-f', file, database]);
    return file;
  }

  /**
   * Restores `database` from a {@link dump} as an operator would: the database is dropped (its connections closed)
   * and created again from the backup, as it was when the backup was taken.
   */
  async restore(database: string, file: string): Promise<void> {
    await this.exec('dropdb', [...this.client, '--force', '--if-exists', database]);
    await this.exec('pg_restore', [...this.client, '--create', '-d', 'postgres', file]);
  }

  /** Connection options of the client tools. */
  private get client(): string[] {
    return ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres'];
  }

  /** Stops the server and deletes its files. */
  async destroy(): Promise<void> {
    await this.stop('immediate');
    rmSync(this.dir, { recursive: true, force: true });
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private get asRoot(): boolean {
    return process.getuid?.() === 0;
  }

  private async exec(tool: string, args: string[]): Promise<void> {
    const path = join(this.bin, tool);
    const [cmd, argv] = this.asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
    await run(cmd, argv, { cwd: this.dir, timeout: 60_000 });
  }
}
