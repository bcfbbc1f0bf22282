import { webhookOptionsFromEnv } from './webhook.options';

describe('webhookOptionsFromEnv', () => {
  it('times out after 5 s and refuses private targets only in production, unless forced', () => {
    expect(webhookOptionsFromEnv({ env: 'production' }, {})).toEqual({
      timeoutMs: 5000,
      allowPrivateTargets: false,
    });
    expect(
      webhookOptionsFromEnv({ env: 'production' }, { IDV_WEBHOOK_ALLOW_PRIVATE: '1' }).allowPrivateTargets,
    ).toBe(true);
    expect(
      webhookOptionsFromEnv({ env: 'production' }, { IDV_WEBHOOK_ALLOW_PRIVATE: 'yes' }).allowPrivateTargets,
    ).toBe(false);
    expect(webhookOptionsFromEnv({ env: 'test' }, {}).allowPrivateTargets).toBe(true);
    expect(webhookOptionsFromEnv({ env: 'development' }, {}).allowPrivateTargets).toBe(true);
  });
});
