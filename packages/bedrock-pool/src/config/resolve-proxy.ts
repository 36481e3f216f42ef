/**
 * The proxy URL for `host:port`, from an explicit option or `HTTPS_PROXY`/`https_proxy` (lower case wins,
 * as curl) honouring `NO_PROXY`/`no_proxy` (`*`, exact host, `.suffix` or `suffix`, optional `:port`).
 * `undefined` means connect directly.
 */
export function resolveProxy(option: string | false | undefined, host: string, port: number, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (option === false) return undefined;
  if (typeof option === 'string') return option;
  const fromEnv = env.https_proxy || env.HTTPS_PROXY;
  if (!fromEnv) return undefined;
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
