import { request } from 'node:http';
import { Client } from 'pg';

/** What came back from {@link rawRequest}. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One HTTP request with exactly the bytes given (fetch and supertest fix up what a hostile client would not): any
 * Content-Type, a body from a generator so 50 MB never sits in this process, and no complaint when the server
 * answers and closes before the body is all sent (that is what a size limit should do).
 */
export function rawRequest(
  baseUrl: string,
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string | number>;
    body?: Buffer | Iterable<Buffer>;
  } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, baseUrl), {
      method: options.method ?? 'POST',
      headers: options.headers,
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      res.on('error', reject);
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const body = options.body;
    if (!body) return void req.end();
    if (Buffer.isBuffer(body)) return void req.end(body);
    const chunks = body[Symbol.iterator]();
    const pump = () => {
      for (;;) {
        if (answered || req.destroyed) return void req.end();
        const next = chunks.next();
        if (next.done) return void req.end();
        if (!req.write(next.value)) return void req.once('drain', pump);
      }
    };
    pump();
  });
}

/** A multipart/form-data body with `boundary`; parts are fields (no filename) or files. */
export function multipart(
  boundary: string,
  parts: Array<{ name: string; data: Buffer | string; filename?: string; contentType?: string }>,
): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
          (p.contentType ? `Content-Type: ${p.contentType}\r\n` : '') +
          '\r\n',
      ),
      Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** Rows of the tables an upload or a registration writes, to prove a refused request wrote nothing. */
export async function rowCounts(db: Client): Promise<Record<string, number>> {
  const { rows } = await db.query(`SELECT
    (SELECT count(*)::int FROM applicants) AS applicants,
    (SELECT count(*)::int FROM verifications) AS verifications,
    (SELECT count(*)::int FROM verification_images) AS images,
    (SELECT count(*)::int FROM outbox) AS outbox`);
  return rows[0];
}
