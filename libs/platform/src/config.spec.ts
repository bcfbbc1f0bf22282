import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the contract defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/idv',
      redisUrl: 'redis://127.0.0.1:6379',
      maintenance: false,
      maxUploadBytes: 10 * 1024 * 1024,
      maxPixels: 40_000_000,
      usingDevelopmentKey: true,
      imageDir: null,
      jobs: { lockDurationMs: 30_000, stalledIntervalMs: 15_000 },
    });
  });

  it('reads the stall detection timings of analysis jobs, and refuses ones too short to renew a lock', () => {
    const c = loadConfig({ IDV_LOCK_DURATION_MS: '3000', IDV_STALLED_INTERVAL_MS: '1000' });
    expect(c.jobs).toEqual({ lockDurationMs: 3000, stalledIntervalMs: 1000 });
    expect(() => loadConfig({ IDV_LOCK_DURATION_MS: '10' })).toThrow(/IDV_LOCK_DURATION_MS="10"/);
  });

  it('takes an absolute directory for image files, and refuses a relative one', () => {
    expect(loadConfig({ IDV_IMAGE_DIR: '/var/lib/idv/images' }).imageDir).toBe('/var/lib/idv/images');
    expect(() => loadConfig({ IDV_IMAGE_DIR: 'images' })).toThrow(/IDV_IMAGE_DIR="images": .*absolute path/);
  });

  it('reads the smallest document span kept as evidence (300 px by default), and refuses a nonsense one', () => {
    expect(loadConfig({}).minDocumentPixels).toBe(300);
    expect(loadConfig({ IDV_MIN_DOCUMENT_PIXELS: '480' }).minDocumentPixels).toBe(480);
    for (const bad of ['0', '12.5', 'big', '99999'])
      expect(() => loadConfig({ IDV_MIN_DOCUMENT_PIXELS: bad })).toThrow(
        new RegExp(
          `IDV_MIN_DOCUMENT_PIXELS="${bad.replace('.', '\\.')}": .*whole number of pixels from 100 to 4000`,
        ),
      );
  });

  it('reads and converts values', () => {
    const c = loadConfig({ PORT: '8080', IDV_MAINTENANCE: '1', IDV_WORKER_CONCURRENCY: '4' });
    expect([c.port, c.maintenance, c.workerConcurrency]).toEqual([8080, true, 4]);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT="abc"'],
    [{ PORT: '0' }, 'PORT="0"'],
    [{ DATABASE_URL: 'postgres://nohost' }, 'DATABASE_URL=(hidden)'],
    [{ IDV_ENCRYPTION_KEY: 'short' }, 'IDV_ENCRYPTION_KEY=(hidden)'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL="loud"'],
  ])('refuses %j naming the variable on one line', (env, shown) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as Error).message).toContain(shown);
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('refuses to start in production without an encryption key, and never echoes secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /IDV_ENCRYPTION_KEY is required in production/,
    );
    const key = 'ab'.repeat(32);
    const salt = 'cd'.repeat(16);
    expect(
      loadConfig({ NODE_ENV: 'production', IDV_ENCRYPTION_KEY: key, IDV_AUDIT_SALT: salt })
        .usingDevelopmentKey,
    ).toBe(false);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:supersecret@h' })).toThrow(/^(?!.*supersecret)/);
  });

  it('needs an audit salt in production, hides it, and reads the retention periods', () => {
    const key = 'ab'.repeat(32);
    expect(() => loadConfig({ NODE_ENV: 'production', IDV_ENCRYPTION_KEY: key })).toThrow(
      /IDV_AUDIT_SALT is required in production/,
    );
    expect(() => loadConfig({ IDV_AUDIT_SALT: 'short secret' })).toThrow(/IDV_AUDIT_SALT=\(hidden\)/);
    expect(loadConfig({}).auditSalt).toBe('idv-dev-audit-salt');
    expect(loadConfig({}).retention).toEqual({ imageDays: 30, recordYears: 5 });
    const c = loadConfig({
      IDV_IMAGE_RETENTION_DAYS: '7',
      IDV_RECORD_RETENTION_YEARS: '10',
      IDV_AUDIT_SALT: 's'.repeat(20),
    });
    expect([c.retention, c.auditSalt]).toEqual([{ imageDays: 7, recordYears: 10 }, 's'.repeat(20)]);
    expect(() => loadConfig({ IDV_IMAGE_RETENTION_DAYS: '0' })).toThrow(/IDV_IMAGE_RETENTION_DAYS/);
  });
});
