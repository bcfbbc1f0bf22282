import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { startApi, type ApiHarness } from '../support/api.harness';

/** The URLs a hostile tenant tried for a port scan of the service's own host and networks. */
const PRIVATE_TARGETS = [
  'http://127.0.0.1:6379/',
  'http://[::1]:5432/',
  'http://10.0.0.1/hook',
  'http://172.16.0.1/hook',
  'http://192.168.1.1/hook',
  'http://100.64.0.1/hook',
  'http://[::ffff:127.0.0.1]:3000/hook',
  'http://2130706433:3000/hook',
  'http://0x7f000001:3000/hook',
  'http://127.1:3000/hook',
  'http://localhost:3000/hook', // a name from /etc/hosts
];

/** Link-local, cloud metadata and unspecified addresses: refused whatever the operator allows. */
const NEVER_TARGETS = [
  'http://169.254.169.254/latest/meta-data/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://[fe80::1]/hook',
  'http://0.0.0.0:3000/hook',
  'http://[::]:3000/hook',
];

type Refusal = {
  error: string;
  details: Array<{ field: string; code: string; hint: Record<string, string> }>;
};

const refusalOf = (res: request.Response) => {
  const body = res.body as Refusal;
  return {
    status: res.status,
    error: body.error,
    field: body.details?.[0]?.field,
    code: body.details?.[0]?.code,
  };
};

/**
 * Webhook URLs are where a client key can make the service send requests: they must not reach the service's own
 * host, its networks or the cloud metadata service, under the README's own start command (no NODE_ENV).
 */
describe('webhook targets a hostile tenant registers', () => {
  describe('with the default settings', () => {
    let api: ApiHarness;
    beforeAll(async () => {
      api = await startApi('hookssrf', { IDV_WEBHOOK_ALLOW_PRIVATE: '', IDV_WEBHOOK_ALLOW_HTTP: '' });
    });
    afterAll(() => api?.close());

    const register = (url: string) =>
      request(api.url).post('/v1/webhooks').set(api.auth('client')).send({ url });

    it('refuses loopback and private targets in every spelling, with a code and hints', async () => {
      for (const url of PRIVATE_TARGETS) {
        const res = await register(url);
        expect({ url, ...refusalOf(res) }).toEqual({
          url,
          status: 400,
          error: 'validation_failed',
          field: 'url',
          code: 'address_not_allowed',
        });
        expect((res.body as Refusal).details[0].hint).toEqual({
          en: expect.stringMatching(/public address/),
          'zh-CN': expect.stringMatching(/公网地址/),
        });
      }
      for (const url of NEVER_TARGETS) {
        expect({ url, ...refusalOf(await register(url)) }).toMatchObject({
          url,
          status: 400,
          code: 'address_never_allowed',
        });
      }
      const listed = await request(api.url).get('/v1/webhooks').set(api.auth('client')).expect(200);
      expect(listed.body.items).toEqual([]);
    });

    it('refuses a user name or password in the URL, which every key of the tenant would be shown', async () => {
      for (const url of ['https://wallet:s3cret@93.184.216.34/hook', 'https://token@93.184.216.34/hook']) {
        expect({ url, ...refusalOf(await register(url)) }).toMatchObject({
          url,
          status: 400,
          code: 'credentials_in_url',
        });
      }
    });

    it('accepts a public receiver, over http outside production', async () => {
      await register('http://93.184.216.34/hook').expect(201);
    });
  });

  describe('with IDV_WEBHOOK_ALLOW_PRIVATE=1 (an on-premises receiver)', () => {
    let api: ApiHarness;
    let receiver: Server;
    beforeAll(async () => {
      api = await startApi('hookprivate', { IDV_WEBHOOK_ALLOW_PRIVATE: '1' });
      receiver = createServer((_req, res) => res.writeHead(204).end());
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    });
    afterAll(async () => {
      receiver?.close();
      await api?.close();
    });

    it('accepts a loopback receiver but still never link-local, metadata or unspecified addresses', async () => {
      const { port } = receiver.address() as AddressInfo;
      await request(api.url)
        .post('/v1/webhooks')
        .set(api.auth('client'))
        .send({ url: `http://127.0.0.1:${port}/idv` })
        .expect(201);
      for (const url of NEVER_TARGETS) {
        const res = await request(api.url).post('/v1/webhooks').set(api.auth('client')).send({ url });
        expect({ url, ...refusalOf(res) }).toMatchObject({ url, status: 400, code: 'address_never_allowed' });
      }
    });
  });
});
