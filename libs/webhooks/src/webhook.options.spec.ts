import { loadConfig } from '@idv/platform';
import { webhookOptionsFromConfig } from './webhook.options';

describe('webhookOptionsFromConfig', () => {
  const options = (env: Record<string, string>) => webhookOptionsFromConfig(loadConfig(env));

  it('refuses private targets in every environment unless IDV_WEBHOOK_ALLOW_PRIVATE=1', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      const secrets = { IDV_ENCRYPTION_KEY: 'ab'.repeat(32), IDV_AUDIT_SALT: 's'.repeat(32) };
      expect(options({ NODE_ENV, ...secrets }).allowPrivateTargets).toBe(false);
      expect(options({ NODE_ENV, ...secrets, IDV_WEBHOOK_ALLOW_PRIVATE: '1' }).allowPrivateTargets).toBe(
        true,
      );
    }
    expect(() => options({ IDV_WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/IDV_WEBHOOK_ALLOW_PRIVATE="yes"/);
  });

  it('takes only https receivers in production unless IDV_WEBHOOK_ALLOW_HTTP=1, and times out after 5 s', () => {
    const secrets = { IDV_ENCRYPTION_KEY: 'ab'.repeat(32), IDV_AUDIT_SALT: 's'.repeat(32) };
    expect(options({ NODE_ENV: 'production', ...secrets })).toEqual({
      timeoutMs: 5000,
      allowPrivateTargets: false,
      allowHttp: false,
    });
    expect(options({ NODE_ENV: 'production', ...secrets, IDV_WEBHOOK_ALLOW_HTTP: '1' }).allowHttp).toBe(true);
    expect(options({ NODE_ENV: 'development' }).allowHttp).toBe(true);
  });
});
