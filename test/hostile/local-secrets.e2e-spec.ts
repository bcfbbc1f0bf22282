import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT, runTs } from '@idv/testing';
import { startService, subject, upload, type RealService } from '../support/service.harness';

/** The environment of a first start with no secrets given: IDV_ENCRYPTION_KEY and IDV_AUDIT_SALT unset. */
const withoutSecrets = (secretsFile: string) => ({
  IDV_ENCRYPTION_KEY: '',
  IDV_AUDIT_SALT: '',
  IDV_SECRETS_FILE: secretsFile,
});

/** Prints the key and salt one process of the service would use (as the API, worker, launcher and CLI load them). */
function configOfAProcess(env: Record<string, string>): Promise<string> {
  const script = `const c = require(${JSON.stringify(resolve(REPO_ROOT, 'libs/platform/src/config.ts'))}).loadConfig();
    process.stdout.write(JSON.stringify([c.encryptionKey, c.auditSalt]));`;
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('exit', (code) => (code === 0 ? res(out) : rej(new Error(out))));
  });
}

/**
 * Without IDV_ENCRYPTION_KEY and IDV_AUDIT_SALT (the README's `npm start`), images and webhook secrets used to be
 * sealed with a key published in the code. Now the first start generates both into a file only the service user
 * can read, every process uses that file, and a restart can still open what the first start sealed.
 */
describe('secrets generated on a first start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idv-secrets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives processes started at the same moment one key and one salt, from one 0600 file', async () => {
    const file = join(dir, 'race', 'secrets.json');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => configOfAProcess(withoutSecrets(file))),
    );
    const [key, salt] = JSON.parse(answers[0]) as [string, string];
    expect(new Set(answers).size).toBe(1);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ encryptionKey: key, auditSalt: salt });
    expect(readdirSync(join(dir, 'race'))).toEqual(['secrets.json']);
    // Another machine (another file) gets other secrets: no key is a constant of the code.
    const [otherKey, otherSalt] = JSON.parse(
      await configOfAProcess(withoutSecrets(join(dir, 'elsewhere.json'))),
    ) as [string, string];
    expect([otherKey === key, otherSalt === salt]).toEqual([false, false]);
  });

  describe('a service started, stopped and started again', () => {
    const file = join(dir, 'service', 'secrets.json');
    let service: RealService;
    beforeAll(async () => {
      service = await startService('localsecrets', {
        workers: 0,
        env: { ...withoutSecrets(file), LOG_LEVEL: 'info' },
      });
    }, 120_000);
    afterAll(() => service?.close());

    it('creates the file on the first start, says where in one line, and opens its images after a restart', async () => {
      // keys:create (the harness's first command) was the first start: it made the file, readable by its user only.
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const { encryptionKey } = JSON.parse(readFileSync(file, 'utf8')) as { encryptionKey: string };
      const said = service.api
        .output()
        .split('\n')
        .filter((l) => l.includes('secrets:'));
      expect(said).toHaveLength(1);
      expect(said[0]).toContain(`using the encryption key and audit salt kept in ${file}`);

      const person = await subject(service, 7);
      const uploaded = await upload(service, person);
      expect(uploaded.status).toBe(202);
      const reviewer = await runTs(
        'apps/cli/src/main.ts',
        ['keys:create', '--tenant', 'localsecrets', '--role', 'reviewer'],
        service.env,
      );
      const reviewerKey = reviewer.stdout.trim().split('\n').pop()!;

      await service.stop(service.api);
      await service.restartApi();
      const image = await fetch(`${service.url}/v1/verifications/${String(uploaded.body.id)}/images/front`, {
        headers: { Authorization: `Bearer ${reviewerKey}` },
      });
      expect(image.status).toBe(200);
      expect(
        Buffer.from(await image.arrayBuffer())
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
      // The restart used the same file, unchanged.
      expect(JSON.parse(readFileSync(file, 'utf8')).encryptionKey).toBe(encryptionKey);
    });
  });
});
