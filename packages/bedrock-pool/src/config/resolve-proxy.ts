import { isLoopbackHost } from '../endpoint-policy/is-loopback-host';

/**
 * The proxy URL for an https `host:port`, from an explicit option or `HTTPS_PROXY`/`https_proxy` (lower case wins,
 * as curl) honouring `NO_PROXY`/`no_proxy` (`*`, exact host, `.suffix` or `suffix`, optional `:port`).
 * A loopback host (exactly `localhost`, 127.0.0.0/8, `::1`) never takes the proxy from the environment, as Go's
 * `net/http` does: through a proxy it would be the proxy machine's loopback. An explicit option is used as given.
 * `undefined` means connect directly. (`http://` endpoints never use a proxy: the caller does not ask.)
 */
export function resolveProxy(option: string | false | undefined, host: string, port: number, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (option === false) return undefined;
  if (typeof option === 'string') return option;
  const fromEnv = env.https_proxy || env.HTTPS_PROXY;
  if (!fromEnv) return undefined;
  if (isLoopbackHost(host.replace(/^\[|\]$/g, '').toLowerCase())) return undefined;
  return isExcludedByNoProxy(env.no_proxy ?? env.NO_PROXY ?? '', host, port) ? undefined : fromEnv;
}

function isExcludedByNoProxy(noProxy: string, host: string, port: number): boolean {
  const hostname = host.replace(/^\[|\]$/g, '').toLowerCase();
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const [entryHost = '', entryPort] = splitHostPort(entry);
    if (entryPort !== undefined && Number(entryPort) !== port) continue;
    const suffix = entryHost.replace(/^\*?\./, '');
    if (hostname === suffix || hostname.endsWith(`.${suffix}`)) return true;
  }
  return false;
}

function splitHostPort(entry: string): [string, string | undefined] {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return [bracketed[1] ?? '', bracketed[2]];
  const parts = entry.split(':');
  // More than one colon without brackets is a bare IPv6 address, never host:port.
  if (parts.length === 2) return [parts[0] ?? '', parts[1]];
  return [entry, undefined];
}
