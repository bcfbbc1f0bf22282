import { addressReach, checkWebhookUrl } from './webhook-url.policy';
import type { WebhookTargetPolicy } from './webhook.options';
import { WebhookError } from './webhook.types';

describe('webhook URL policy', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '198.18.0.1',
    '240.0.0.1',
    '::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::10.0.0.1',
    '::7f00:1',
    '2002:7f00:1::',
  ])('counts %s as private', (address) => {
    expect(addressReach(address)).toBe('private');
  });

  it.each([
    '0.0.0.0',
    '0.1.2.3',
    '::',
    '169.254.169.254',
    '169.254.0.1',
    '::ffff:a9fe:a9fe',
    'fe80::1',
    'febf::1',
    'fd00:ec2::254',
    '100.100.100.200',
    '224.0.0.1',
    '255.255.255.255',
    'ff02::1',
    'not-an-ip',
    '127.1',
  ])('never allows %s', (address) => {
    expect(addressReach(address)).toBe('never');
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
  ])('counts %s as public', (address) => {
    expect(addressReach(address)).toBe('public');
  });

  const strict: WebhookTargetPolicy = { allowPrivateTargets: false, allowHttp: true };
  const open: WebhookTargetPolicy = { allowPrivateTargets: true, allowHttp: true };
  const codeOf = async (url: string, policy: WebhookTargetPolicy) =>
    checkWebhookUrl(url, policy).then(
      () => 'ok',
      (e: WebhookError) => (e.details?.[0] as { code: string }).code,
    );

  it('refuses non-http(s), relative and over-long URLs whatever the policy', async () => {
    expect(await codeOf('ftp://example.com/hook', open)).toBe('invalid_url');
    expect(await codeOf('javascript:alert(1)', open)).toBe('invalid_url');
    expect(await codeOf('/hooks', open)).toBe('invalid_url');
    expect(await codeOf(`https://example.com/${'a'.repeat(2048)}`, open)).toBe('too_long');
    expect(await codeOf(`https://93.184.216.34/${'a'.repeat(2020)}`, open)).toBe('ok');
  });

  it('refuses loopback and private targets (in any spelling) unless private targets are allowed', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://[::1]/hook',
      'http://10.0.0.5/hook',
      'http://172.16.3.4/hook',
      'http://192.168.0.10/hook',
      'http://100.64.1.1/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://localhost:3000/hook', // a name from /etc/hosts
      'http://2130706433/hook', // 127.0.0.1 as one decimal number
      'http://0x7f000001/hook', // as one hexadecimal number
      'http://127.1/hook', // shortened
      'http://0177.0.0.1/hook', // octal
    ]) {
      expect([url, await codeOf(url, strict)]).toEqual([url, 'address_not_allowed']);
      expect([url, await codeOf(url, open)]).toEqual([url, 'ok']);
    }
    expect(await codeOf('https://93.184.216.34/hook', strict)).toBe('ok');
  });

  it('never allows link-local, metadata and unspecified targets, even with private targets allowed', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://[fd00:ec2::254]/latest/meta-data',
      'http://100.100.100.200/latest/meta-data',
      'http://[fe80::1]/hook',
      'http://0.0.0.0:3000/hook',
      'http://0/hook',
      'http://[::]/hook',
      'http://[::ffff:169.254.169.254]/hook',
    ]) {
      expect([url, await codeOf(url, open)]).toEqual([url, 'address_never_allowed']);
    }
  });

  it('refuses credentials in the URL, and plain http when the policy wants https', async () => {
    expect(await codeOf('https://user:secret@93.184.216.34/hook', open)).toBe('credentials_in_url');
    expect(await codeOf('https://user@93.184.216.34/hook', open)).toBe('credentials_in_url');
    expect(await codeOf('http://93.184.216.34/hook', { ...strict, allowHttp: false })).toBe('https_required');
    expect(await codeOf('https://93.184.216.34/hook', { ...strict, allowHttp: false })).toBe('ok');
  });
});
