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
});
