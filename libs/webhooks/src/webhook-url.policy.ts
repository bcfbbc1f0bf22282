import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { WebhookTargetPolicy } from './webhook.options';
import { invalidWebhookUrl } from './webhook.types';

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/**
 * What a webhook may reach at an address:
 * - `public`: globally routed unicast;
 * - `private`: loopback, RFC 1918, carrier-grade NAT, unique-local, reserved and translation ranges: the service's
 *   own host and networks, refused unless `IDV_WEBHOOK_ALLOW_PRIVATE=1` (otherwise a tenant's key could make the
 *   service probe them and read the answers in the delivery log);
 * - `never`: unspecified (0.0.0.0, ::), link-local (169.254.0.0/16 with the cloud metadata service, fe80::/10),
 *   multicast, broadcast and the metadata addresses outside those ranges: no receiver lives there, and reaching
 *   them hands out cloud credentials, so no setting allows them.
 */
export type AddressReach = 'public' | 'private' | 'never';

/** Ranges (ipaddr.js names) that no setting opens. */
const NEVER_RANGES: ReadonlySet<string> = new Set(['unspecified', 'linkLocal', 'multicast', 'broadcast']);

/**
 * Cloud metadata services outside the link-local range: AWS's IPv6 endpoint (fd00:ec2::254) and Alibaba Cloud's
 * (100.100.100.200, inside carrier-grade NAT space, which IDV_WEBHOOK_ALLOW_PRIVATE would otherwise open).
 */
const METADATA_ADDRESSES = ['fd00:ec2::254', '100.100.100.200'].map((a) =>
  ipaddr.parse(a).toNormalizedString(),
);

/** NAT64's well-known prefix: its addresses stand for the IPv4 address in their last 32 bits (RFC 6052). */
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');
/** IPv4-compatible IPv6 (::a.b.c.d, deprecated by RFC 4291): never a real receiver. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/** Whether a webhook may reach `address` (IPv4 or IPv6 text); anything that is not an address is `never`. */
export function addressReach(address: string): AddressReach {
  if (!isIP(address)) return 'never';
  let ip: ipaddr.IPv4 | ipaddr.IPv6 = ipaddr.parse(address);
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) ip = v6.toIPv4Address();
    else if (v6.match(NAT64)) ip = ipaddr.fromByteArray(v6.toByteArray().slice(12));
    else if (v6.range() !== 'unspecified' && v6.range() !== 'loopback' && v6.match(IPV4_COMPATIBLE))
      return 'private';
  }
  if (METADATA_ADDRESSES.includes(ip.toNormalizedString())) return 'never';
  const range = ip.range();
  if (range === 'unicast') return 'public';
  return NEVER_RANGES.has(range) ? 'never' : 'private';
}

/** Whether the policy lets a webhook connect to `address`. */
export function isAllowedAddress(address: string, policy: Pick<WebhookTargetPolicy, 'allowPrivateTargets'>) {
  const reach = addressReach(address);
  return reach === 'public' || (reach === 'private' && policy.allowPrivateTargets);
}

/** The host of a URL as an address or name, without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Every address `host` stands for: itself when it is an address literal, else every address the resolver gives
 * (so a name with one public and one private address is judged by the private one). Rejects when it does not resolve.
 */
export async function addressesOf(host: string): Promise<Array<{ address: string; family: number }>> {
  const family = isIP(host);
  if (family) return [{ address: host, family }];
  return lookup(host, { all: true, verbatim: true });
}

/**
 * Checks a webhook URL at registration: absolute http(s) (https only in production unless allowed), at most 2048
 * characters, no credentials, and every address its host stands for allowed by the policy. Names and decimal,
 * hexadecimal or shortened IPv4 forms (`2130706433`, `0x7f000001`, `127.1`) are normalised by the URL parser and
 * judged by the address they mean. Deliveries check again (see WebhookTransport), because DNS can change after
 * registration. Throws {@link WebhookError} with a field error.
 */
export async function checkWebhookUrl(raw: string, policy: WebhookTargetPolicy): Promise<URL> {
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
  // Stored in clear and listed to every key of the tenant: a password does not belong in it.
  if (url.username || url.password) {
    throw invalidWebhookUrl('credentials_in_url', 'The URL carries a user name or password.');
  }
  if (url.protocol === 'http:' && !policy.allowHttp) {
    throw invalidWebhookUrl('https_required', 'The URL must use https.');
  }
  // A name that does not resolve now may resolve later; the delivery-time check still guards it.
  const addresses = await addressesOf(hostOf(url)).catch(() => []);
  const reaches = addresses.map((a) => addressReach(a.address));
  if (reaches.includes('never')) {
    throw invalidWebhookUrl(
      'address_never_allowed',
      'The URL points to a link-local, cloud metadata, unspecified or multicast address.',
    );
  }
  if (reaches.includes('private') && !policy.allowPrivateTargets) {
    throw invalidWebhookUrl(
      'address_not_allowed',
      'The URL points to a loopback or private network address.',
    );
  }
  return url;
}
