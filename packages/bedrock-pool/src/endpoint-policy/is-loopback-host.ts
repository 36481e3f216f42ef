import { isIP } from 'node:net';

/**
 * Whether `host` (canonical as WHATWG `URL` writes it, without brackets) is this machine without asking any resolver:
 * exactly `localhost`, an IPv4 literal in 127.0.0.0/8 (`URL` has already turned `127.1`, `0x7f.1` and `2130706433`
 * into `127.0.0.1`) or `::1`. Nothing else counts: `localhost.` (absolute: answered by DNS, not `/etc/hosts`; the
 * caller passes {@link EndpointTarget.absolute}), `localhost.localdomain` and other `*.localhost` names (resolver
 * answers), and the IPv4-mapped `::ffff:127.x` form (fails closed: no client needs it to reach a local emulator).
 */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  const family = isIP(host);
  if (family === 4) return host.startsWith('127.');
  if (family === 6) return host === '::1';
  return false;
}
