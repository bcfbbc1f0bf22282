import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { invalidWebhookUrl } from './webhook.types';

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/**
 * Addresses a webhook must never reach in production: the service's own host, its private networks, cloud
 * metadata (169.254.169.254) and other non-public ranges. Otherwise a tenant could make the service probe them (SSRF).
 */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address, if any. */
function embeddedIPv4(address: string): string | null {
  const groups = expandIPv6(address);
  if (!groups) return null;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0);
  if (!mapped && !nat64) return null;
  return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
}

function expandIPv6(address: string): number[] | null {
  let text = address.toLowerCase().split('%')[0];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const b = v4[1].split('.').map(Number);
    text =
      text.slice(0, -v4[1].length) +
      `${((b[0] << 8) | b[1]).toString(16)}:${((b[2] << 8) | b[3]).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const missing = 8 - h.length - t.length;
  if (text.includes('::') ? missing < 0 : missing !== 0) return null;
  return [...h, ...Array<string>(text.includes('::') ? missing : 0).fill('0'), ...t].map((g) =>
    parseInt(g, 16),
  );
}

/** Whether an IP address (v4 or v6 text) is loopback, private, link-local, or otherwise not public. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIPv4(address);
    return v4 ? BLOCKED.check(v4, 'ipv4') : BLOCKED.check(address, 'ipv6');
  }
  return true;
}

/** The host of a URL as an address or name, without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Checks a webhook URL at registration: absolute http(s), at most 2048 characters, and (unless private targets are
 * allowed) neither an address literal nor a name that resolves to a blocked address. Deliveries check again at
 * connect time (see WebhookTransport), because DNS can change after registration. Throws {@link WebhookError}.
 */
export async function checkWebhookUrl(raw: string, allowPrivateTargets: boolean): Promise<URL> {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) {
    throw invalidWebhookUrl('too_long', `The URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters.`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidWebhookUrl('invalid_url', 'The URL is not an absolute URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidWebhookUrl('invalid_url', 'The URL must use http or https.');
  }
  if (allowPrivateTargets) return url;
  const host = hostOf(url);
  const addresses = isIP(host)
    ? [host]
    : await lookup(host, { all: true, verbatim: true }).then(
        (found) => found.map((a) => a.address),
        // A name that does not resolve now may resolve later; the delivery-time check still guards it.
        () => [] as string[],
      );
  if (addresses.some(isBlockedAddress)) {
    throw invalidWebhookUrl(
      'address_not_allowed',
      'The URL points to a loopback, private or link-local address.',
    );
  }
  return url;
}
