import { isIP } from 'node:net';

/** IPv4-mapped IPv6 form of a 127.0.0.0/8 address as `URL` writes it (`::ffff:7f00:1`). */
const MAPPED_LOOPBACK = /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/;

/**
 * Whether `host` (canonical, without brackets) is this machine: `localhost`, 127.0.0.0/8, `::1` or an IPv4-mapped
 * 127.x address. `localhost.` (trailing dot) and other `*.localhost` names are not: they may be sent to DNS.
 */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  const family = isIP(host);
  if (family === 4) return host.startsWith('127.');
  if (family === 6) return host === '::1' || MAPPED_LOOPBACK.test(host);
  return false;
}
