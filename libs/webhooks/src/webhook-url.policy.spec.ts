import { checkWebhookUrl, isBlockedAddress } from './webhook-url.policy';
import { WebhookError } from './webhook.types';

describe('webhook URL policy', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::10.0.0.1',
    'not-an-ip',
  ])('blocks %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'lets %s through',
    (address) => {
      expect(isBlockedAddress(address)).toBe(false);
    },
  );

  const codeOf = async (url: string, allowPrivate: boolean) =>
    checkWebhookUrl(url, allowPrivate).then(
      () => 'ok',
      (e: WebhookError) => (e.details?.[0] as { code: string }).code,
    );

  it('refuses non-http(s), relative and over-long URLs whatever the environment', async () => {
    expect(await codeOf('ftp://example.com/hook', true)).toBe('invalid_url');
    expect(await codeOf('javascript:alert(1)', true)).toBe('invalid_url');
    expect(await codeOf('/hooks', true)).toBe('invalid_url');
    expect(await codeOf(`https://example.com/${'a'.repeat(2048)}`, true)).toBe('too_long');
    expect(await codeOf(`https://example.com/${'a'.repeat(2020)}`, true)).toBe('ok');
  });

  it('refuses loopback, private and link-local targets unless private targets are allowed', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://[::1]/hook',
      'http://10.0.0.5/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::ffff:127.0.0.1]/hook',
      'http://localhost:3000/hook',
      'http://2130706433/hook', // 127.0.0.1 as one decimal number; URL normalises it
    ]) {
      expect([url, await codeOf(url, false)]).toEqual([url, 'address_not_allowed']);
      expect([url, await codeOf(url, true)]).toEqual([url, 'ok']);
    }
    expect(await codeOf('https://93.184.216.34/hook', false)).toBe('ok');
  });
});
