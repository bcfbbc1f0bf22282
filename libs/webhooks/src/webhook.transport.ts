import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Injectable } from '@nestjs/common';
import { addressesOf, hostOf, isAllowedAddress } from './webhook-url.policy';
import type { WebhookTargetPolicy } from './webhook.options';

/** What came back from one POST: a status code, or a short cause when no answer came. */
export interface TransportResult {
  statusCode: number | null;
  error: string | null;
}

export interface PostOptions extends Pick<WebhookTargetPolicy, 'allowPrivateTargets'> {
  timeoutMs: number;
}

type ResolvedAddress = { address: string; family: number };

/** A lookup that answers with addresses already resolved and checked, so the socket goes nowhere else. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const reply = callback as (err: null, address: string | ResolvedAddress[], family?: number) => void;
    if ((options as { all?: boolean }).all) return reply(null, addresses);
    reply(null, addresses[0].address, addresses[0].family);
  };
}

class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * The one side effect of a delivery: a POST that never follows redirects (node:http does not), gives up after
 * `timeoutMs` for the whole exchange, and does not read the receiver's body beyond discarding it.
 */
@Injectable()
export class WebhookTransport {
  post(
    url: string,
    body: Buffer,
    headers: Record<string, string>,
    options: PostOptions,
  ): Promise<TransportResult> {
    const target = new URL(url);
    const signal = AbortSignal.timeout(options.timeoutMs);
    return this.resolveWithin(hostOf(target), signal).then(
      (addresses) => {
        // Checked at every delivery, on the addresses the socket will use: a name that was public at registration
        // and now resolves to the service's own network (DNS rebinding) is refused, and nothing resolves it again
        // between the check and the connection.
        if (addresses.length === 0 || !addresses.every((a) => isAllowedAddress(a.address, options))) {
          return { statusCode: null, error: 'blocked_address' };
        }
        return this.send(target, body, headers, signal, addresses);
      },
      (err: Error & { code?: string }) => ({ statusCode: null, error: causeOf(err) }),
    );
  }

  /** Every address of `host` (DNS is outside the service: tests replace this). */
  protected resolve(host: string): Promise<ResolvedAddress[]> {
    return addressesOf(host);
  }

  private resolveWithin(host: string, signal: AbortSignal): Promise<ResolvedAddress[]> {
    return new Promise((resolve, reject) => {
      const abort = () => reject(new TimeoutError('name resolution timed out'));
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      this.resolve(host)
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', abort));
    });
  }

  private send(
    target: URL,
    body: Buffer,
    headers: Record<string, string>,
    signal: AbortSignal,
    addresses: ResolvedAddress[],
  ): Promise<TransportResult> {
    const client = target.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      let settled = false;
      const settle = (result: TransportResult) => {
        if (!settled) resolve(result);
        settled = true;
      };
      const req = client.request(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'Content-Length': String(body.length) },
          signal,
          lookup: pinnedLookup(addresses),
          agent: false,
        },
        (res) => {
          settle({
            statusCode: res.statusCode ?? null,
            error:
              res.statusCode && res.statusCode >= 200 && res.statusCode < 300
                ? null
                : `http_${res.statusCode}`,
          });
          res.resume();
          res.on('error', () => undefined);
        },
      );
      req.on('error', (err: Error & { code?: string; name: string }) =>
        settle({ statusCode: null, error: causeOf(err) }),
      );
      req.end(body);
    });
  }
}

function causeOf(err: Error & { code?: string }): string {
  if (err.name === 'AbortError' || err.name === 'TimeoutError' || err.code === 'ABORT_ERR') return 'timeout';
  return err.code ?? 'network_error';
}
