/**
 * Where a webhook may call: public addresses only. A URL whose host resolves to loopback, a
 * private or carrier-grade NAT network, link-local (the cloud metadata service at
 * 169.254.169.254), multicast or an unspecified address would let whoever saves a webhook probe
 * the server's own network, its delivery log telling them which ports answer. Checked when a
 * webhook is saved and again before every delivery (the name may resolve elsewhere by then).
 * Hosts in WEBHOOK_ALLOWED_HOSTS are trusted as they are (the tests' local receiver, an
 * internal partner service).
 */
import { lookup } from 'node:dns/promises';
import { errors } from '@strapi/utils';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [network, prefix] of [
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
] as const)
  blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  blocked.addSubnet(network, prefix, 'ipv6');

/** Whether an IP address is one a webhook may not call. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  // IPv4 written as IPv6 (::ffff:127.0.0.1) is judged as IPv4.
  const mapped = family === 6 ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] : undefined;
  return mapped ? blocked.check(mapped, 'ipv4') : blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export const allowedHosts = (list: string | undefined): string[] =>
  (list ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);

/**
 * Why this URL may not be called, or undefined when every address its host resolves to is public.
 * A name that does not resolve (yet) may be saved: it is checked again before each delivery.
 */
export async function webhookTargetProblem(url: string, allowed: string[], { unresolved }: { unresolved: 'allow' | 'refuse' }): Promise<string | undefined> {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  } catch {
    return 'is not a URL';
  }
  if (allowed.includes(host)) return undefined;
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    return unresolved === 'allow' ? undefined : `has a host name that does not resolve (${host})`;
  }
  const local = addresses.find(isNonPublicAddress);
  return local ? `points to a private, local or reserved address (${local}); webhooks call public addresses only` : undefined;
}

/** Refuses saving a webhook to this URL (400 at the `url` field); a name that does not resolve yet may be saved. */
export async function assertWebhookTargetMaySave(url: string, allowed: string[]): Promise<void> {
  const refused = await webhookTargetProblem(url, allowed, { unresolved: 'allow' });
  if (refused) throw new errors.ValidationError(`url: ${refused}`, { errors: [{ path: ['url'], message: `url ${refused}`, name: 'ValidationError' }] });
}
