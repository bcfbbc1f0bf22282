import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localSecrets, secretsFilePath } from './local-secrets';

describe('localSecrets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idv-secrets-spec-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a random key and salt into a 0600 file on first use, in a directory it creates', () => {
    const path = join(dir, 'nested', 'secrets.json');
    const first = localSecrets(path);
    expect(first).toEqual({
      encryptionKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      auditSalt: expect.stringMatching(/^[0-9a-f]{64}$/),
      created: true,
    });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({
      encryptionKey: first.encryptionKey,
      auditSalt: first.auditSalt,
    });
    expect(readdirSync(join(dir, 'nested'))).toEqual(['secrets.json']); // no temporary file left
    // Another file gets other secrets: nothing is a constant.
    const other = localSecrets(join(dir, 'other.json'));
    expect(other.encryptionKey).not.toBe(first.encryptionKey);
    expect(other.auditSalt).not.toBe(first.auditSalt);
  });

  it('reads a file another process wrote, without touching it', () => {
    const path = join(dir, 'written.json');
    const secrets = { encryptionKey: 'a'.repeat(64), auditSalt: 'b'.repeat(64) };
    writeFileSync(path, JSON.stringify(secrets), { mode: 0o600 });
    expect(localSecrets(path)).toEqual({ ...secrets, created: false });
  });

  it('refuses a file other users can read, and one it did not write', () => {
    const open = join(dir, 'open.json');
    writeFileSync(open, JSON.stringify({ encryptionKey: 'a'.repeat(64), auditSalt: 'b'.repeat(64) }));
    chmodSync(open, 0o644);
    expect(() => localSecrets(open)).toThrow(/can be read by other users \(mode 644\); run chmod 600/);
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"encryptionKey":"00"}', { mode: 0o600 });
    expect(() => localSecrets(junk)).toThrow(/not a secrets file this service wrote/);
  });

  it('lives at IDV_SECRETS_FILE, else under XDG_CONFIG_HOME or ~/.config', () => {
    expect(secretsFilePath({ IDV_SECRETS_FILE: '/srv/idv/secrets.json' })).toBe('/srv/idv/secrets.json');
    expect(secretsFilePath({ XDG_CONFIG_HOME: '/home/u/.cfg' })).toBe('/home/u/.cfg/idv/secrets.json');
    expect(secretsFilePath({})).toMatch(/\/\.config\/idv\/secrets\.json$/);
  });
});
