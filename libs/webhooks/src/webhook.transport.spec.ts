import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookTransport } from './webhook.transport';

describe('WebhookTransport', () => {
  let server: Server;
  let base: string;
  let seen: Array<{ url?: string; body: string; headers: IncomingMessage['headers'] }>;
  let respond: (url: string) => { status: number; location?: string } | 'hang';

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ url: req.url, body: Buffer.concat(chunks).toString(), headers: req.headers });
        const r = respond(req.url ?? '');
        if (r === 'hang') return;
        res.writeHead(r.status, r.location ? { Location: r.location } : {}).end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    seen = [];
    respond = () => ({ status: 200 });
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  });

  const transport = new WebhookTransport();
  const open = { timeoutMs: 2000, allowPrivateTargets: true };

  it('POSTs the exact bytes with the given headers', async () => {
    const body = Buffer.from('{"id":"é"}');
    const result = await transport.post(`${base}/hook`, body, { 'Content-Type': 'application/json' }, open);
    expect(result).toEqual({ statusCode: 200, error: null });
    expect(seen[0]).toMatchObject({ url: '/hook', body: '{"id":"é"}' });
    expect(seen[0].headers['content-length']).toBe(String(body.length));
  });

  it('reports a non-2xx answer and never follows a redirect', async () => {
    respond = (url) => (url === '/hook' ? { status: 302, location: `${base}/elsewhere` } : { status: 200 });
    expect(await transport.post(`${base}/hook`, Buffer.from('{}'), {}, open)).toEqual({
      statusCode: 302,
      error: 'http_302',
    });
    expect(seen.map((s) => s.url)).toEqual(['/hook']);
  });

  it('gives up after the timeout when the receiver never answers', async () => {
    respond = () => 'hang';
    const started = Date.now();
    const result = await transport.post(`${base}/hook`, Buffer.from('{}'), {}, { ...open, timeoutMs: 300 });
    expect(result).toEqual({ statusCode: null, error: 'timeout' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(await transport.post(`http://127.0.0.1:${port}/`, Buffer.from('{}'), {}, open)).toEqual({
      statusCode: null,
      error: 'ECONNREFUSED',
    });
  });

  it('refuses private targets at connect time, by literal and by resolved name, when they are not allowed', async () => {
    const guarded = { ...open, allowPrivateTargets: false };
    const port = new URL(base).port;
    expect(await transport.post(`${base}/hook`, Buffer.from('{}'), {}, guarded)).toEqual({
      statusCode: null,
      error: 'blocked_address',
    });
    expect(await transport.post(`http://localhost:${port}/hook`, Buffer.from('{}'), {}, guarded)).toEqual({
      statusCode: null,
      error: 'blocked_address',
    });
    expect(seen).toHaveLength(0);
  });

  /** DNS is outside the service: a resolver that answers what the test says, and counts the questions. */
  class FakeDnsTransport extends WebhookTransport {
    asked: string[] = [];
    constructor(private readonly answers: (host: string, n: number) => string[]) {
      super();
    }
    protected override async resolve(host: string) {
      this.asked.push(host);
      return this.answers(host, this.asked.length).map((address) => ({
        address,
        family: address.includes(':') ? 6 : 4,
      }));
    }
  }

  it('connects to the very address it checked (no second resolution), keeping the name as Host', async () => {
    const port = new URL(base).port;
    const transport = new FakeDnsTransport(() => ['127.0.0.1']);
    const result = await transport.post(
      `http://receiver.invalid:${port}/pinned`,
      Buffer.from('{}'),
      {},
      open,
    );
    expect(result).toEqual({ statusCode: 200, error: null });
    expect(transport.asked).toEqual(['receiver.invalid']);
    expect(seen[0]).toMatchObject({ url: '/pinned' });
    expect(seen[0].headers.host).toBe(`receiver.invalid:${port}`);
  });

  it('refuses a name that now resolves to a private address (DNS rebinding), or to any one private address', async () => {
    const guarded = { ...open, allowPrivateTargets: false };
    const port = new URL(base).port;
    for (const answer of [['127.0.0.1'], ['93.184.216.34', '10.0.0.7'], ['::ffff:127.0.0.1']]) {
      const transport = new FakeDnsTransport(() => answer);
      expect(await transport.post(`http://hooks.example:${port}/`, Buffer.from('{}'), {}, guarded)).toEqual({
        statusCode: null,
        error: 'blocked_address',
      });
    }
    expect(seen).toHaveLength(0);
  });

  it('never connects to link-local or metadata addresses, even with private targets allowed', async () => {
    const transport = new FakeDnsTransport(() => ['169.254.169.254']);
    expect(await transport.post('http://metadata.example/latest', Buffer.from('{}'), {}, open)).toEqual({
      statusCode: null,
      error: 'blocked_address',
    });
    expect(await transport.post('http://[fe80::1]/hook', Buffer.from('{}'), {}, open)).toEqual({
      statusCode: null,
      error: 'blocked_address',
    });
    expect(await transport.post('http://0.0.0.0/hook', Buffer.from('{}'), {}, open)).toEqual({
      statusCode: null,
      error: 'blocked_address',
    });
  });

  it('reports a name that does not resolve', async () => {
    expect(await transport.post('http://no-such-host.invalid/hook', Buffer.from('{}'), {}, open)).toEqual({
      statusCode: null,
      error: 'ENOTFOUND',
    });
  });
});
