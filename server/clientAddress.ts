/** Who a request comes from, for per-address limits: the socket's peer, or what trusted proxies say. */
import type { IncomingMessage } from 'node:http';
import { isIP, isIPv4 } from 'node:net';

/**
 * The client's address. With `trustProxy` = 0 it is the socket's peer. With N trusted proxies in
 * front, each appends the address it received the request from to X-Forwarded-For, so the client
 * is the N-th entry from the right (the socket's peer being the last proxy): anything further
 * left was written by the client itself and proves nothing.
 */
export function clientAddress(req: IncomingMessage, trustProxy: number): string {
  const peer = req.socket.remoteAddress ?? '';
  if (trustProxy <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((entry) => entry.trim());
  const chain = [...forwarded.filter((entry) => entry !== ''), peer];
  const claimed = chain[Math.max(0, chain.length - 1 - trustProxy)] ?? peer;
  // A trusted proxy writes plain addresses; anything else means it is not the proxy we think.
  return isIP(claimed) !== 0 ? claimed : peer;
}

/** Expands an IPv6 address (no zone) into its eight 16-bit groups, or null if it is not one. */
function ipv6Groups(address: string): number[] | null {
  // A trailing dotted IPv4 part (::ffff:1.2.3.4) is two groups written differently.
  const text = address.replace(
    /(\d+)\.(\d+)\.(\d+)\.(\d+)$/,
    (_, a: string, b: string, c: string, d: string) =>
      `${((Number(a) << 8) | Number(b)).toString(16)}:${((Number(c) << 8) | Number(d)).toString(16)}`,
  );
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) =>
    part === '' ? [] : part.split(':').map((group) => (/^[0-9a-f]{1,4}$/.test(group) ? parseInt(group, 16) : NaN));
  const left = parse(halves[0] ?? '');
  const right = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...left, ...new Array<number>(missing).fill(0), ...right];
  return groups.every((g) => !Number.isNaN(g)) ? groups : null;
}

/**
 * The key per-address limits are kept under. IPv4 (also written IPv4-mapped, `::ffff:a.b.c.d`)
 * is the address itself. IPv6 is its /64: one subscriber or one office network gets a whole /64
 * and can pick any address inside it, so counting single addresses would count nothing.
 */
export function addressKey(address: string): string {
  const plain = address.split('%', 1)[0] ?? '';
  if (isIPv4(plain)) return plain;
  const groups = isIP(plain) === 6 ? ipv6Groups(plain.toLowerCase()) : null;
  if (groups === null) return plain;
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (isMapped) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}
