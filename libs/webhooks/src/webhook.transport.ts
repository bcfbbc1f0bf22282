import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Injectable } from '@nestjs/common';
import { hostOf, isBlockedAddress } from './webhook-url.policy';

/** What came back from one POST: a status code, or a short cause when no answer came. */
export interface TransportResult {
  statusCode: number | null;
  error: string | null;
}

export interface PostOptions {
  timeoutMs: number;
  allowPrivateTargets: boolean;
}

/** Thrown from the guarded DNS lookup; reported as `blocked_address`. */
class BlockedAddressError extends Error {
  readonly code = 'BLOCKED_ADDRESS';
}

/**
 * Resolves like dns.lookup but refuses blocked addresses at connect time, so a name that resolved to a public
 * address at registration cannot be re-pointed at the service's network later (DNS rebinding).
 */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, options as LookupOptions, (err, address, family) => {
    if (err) return callback(err, address as string, family);
    const all: LookupAddress[] = Array.isArray(address) ? address : [{ address, family: family ?? 4 }];
    if (all.some((a) => isBlockedAddress(a.address))) {
      return callback(new BlockedAddressError(`${hostname} resolves to a blocked address`), '', 4);
    }
    (callback as (e: null, a: string | LookupAddress[], f?: number) => void)(null, address, family);
  });
};

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
    if (!options.allowPrivateTargets && isIP(hostOf(target)) && isBlockedAddress(hostOf(target))) {
      return Promise.resolve({ statusCode: null, error: 'blocked_address' });
    }
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
          signal: AbortSignal.timeout(options.timeoutMs),
          lookup: options.allowPrivateTargets ? undefined : guardedLookup,
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
  if (err instanceof BlockedAddressError || err.code === 'BLOCKED_ADDRESS') return 'blocked_address';
  return err.code ?? 'network_error';
}
