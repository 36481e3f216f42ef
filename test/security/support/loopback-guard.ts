import dns, { type LookupAddress } from 'node:dns';
import net, { isIP } from 'node:net';

/** A connect the guard saw: where the socket was asked to go. */
export interface ConnectAttempt {
  host: string;
  port: number;
  /** Whether the guard let it through (loopback IP, or a name it resolves to loopback). */
  allowed: boolean;
}

/** The installed guard: what it saw, and how to take it out. */
export interface LoopbackGuard {
  /** Every TCP/TLS connect made in this process while installed (IPC paths excepted). */
  readonly attempts: ConnectAttempt[];
  /** Every name (not IP literal) looked up through sockets or `dns.lookup`, answered from the table or refused; never sent to DNS. */
  readonly lookups: string[];
  /** Every `dns.resolve*` / `Resolver#resolve*` query (these speak to DNS servers directly): all refused. */
  readonly queries: string[];
  /** While `true`, every connect is recorded and then refused (a dry run: where would this code connect?). Default `false`. */
  refuseAll: boolean;
  /** Connects to `port` (on any host) so far. */
  connectsTo(port: number): number;
  /** Restores `net.Socket.prototype.connect`, `dns.lookup`, `dns.promises.lookup` and every `resolve*`. */
  uninstall(): void;
}

const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

function isLoopbackAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return LOOPBACK_V4.test(address);
  if (family === 6) return address === '::1' || /^::ffff:(127\.\d+\.\d+\.\d+|7f[0-9a-f]{2}:[0-9a-f]{1,4})$/i.test(address);
  return false;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Keeps every packet and every name lookup of this process on this machine, whatever the code under test does (also
 * when the endpoint policy under test is broken): `net.Socket.prototype.connect` (which `http`, `https`, `tls`, `http2`
 * and the AWS SDK all end in) refuses any IP that is not loopback and any name not in `names`, and resolves the names in
 * `names` itself (to 127.0.0.1) instead of asking DNS; `dns.lookup` answers from the same table; every `dns.resolve*`
 * (callback, promise and `Resolver` forms) is refused. Both connect forms are judged: the public ones (`(options)`,
 * `(port, host)`) and the one array `net.connect()`, `tls.connect()` and `http2.connect()` pass internally. A refused
 * connect fails the socket with `EGUARDREFUSED` before any packet is sent. `loopback-guard.test.ts` proves each path.
 */
export function installLoopbackGuard(names: readonly string[]): LoopbackGuard {
  const table = new Set(['localhost', ...names.map((name) => name.toLowerCase())]);
  const attempts: ConnectAttempt[] = [];
  const lookups: string[] = [];
  const queries: string[] = [];

  const lookup = (hostname: string, options: unknown, callback?: LookupCallback): void => {
    const done = (typeof options === 'function' ? options : callback) as LookupCallback;
    const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all === true;
    const name = hostname.toLowerCase().replace(/\.$/, '');
    const family = isIP(name);
    if (family === 0) lookups.push(name);
    process.nextTick(() => {
      // An IP literal needs no query (as in dns.lookup); connecting to it is the connect guard's decision.
      if (family !== 0) {
        if (all) done(null, [{ address: name, family }]);
        else done(null, name, family);
        return;
      }
      if (!table.has(name)) {
        done(Object.assign(new Error(`loopback guard: no lookup of "${hostname}" (not in the test's name table)`), { code: 'ENOTFOUND' }), all ? [] : '');
        return;
      }
      if (all) done(null, [{ address: '127.0.0.1', family: 4 }]);
      else done(null, '127.0.0.1', 4);
    });
  };

  const originalConnect = net.Socket.prototype.connect;
  const originalLookup = dns.lookup;
  const originalPromisesLookup = dns.promises.lookup;

  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    // Node's own callers pass one normalised array ([options, callback]); users pass (options), (port, host) or (path).
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    const options = (typeof first === 'object' && first !== null ? first : typeof first === 'number' ? { port: first, host: args[1] } : { path: first }) as {
      host?: string;
      port?: number | string;
      path?: string;
      lookup?: unknown;
    };
    if (options.path !== undefined && options.port === undefined) return originalConnect.apply(this, args as never);
    const host = String(options.host ?? 'localhost').replace(/^\[|\]$/g, '');
    const port = Number(options.port);
    const allowed = !guard.refuseAll && (isIP(host) ? isLoopbackAddress(host) : table.has(host.toLowerCase().replace(/\.$/, '')));
    attempts.push({ host, port, allowed });
    if (!allowed) {
      process.nextTick(() => this.destroy(Object.assign(new Error(`loopback guard: refused connect to ${host}:${port} (off this machine)`), { code: 'EGUARDREFUSED' })));
      return this;
    }
    if (!isIP(host)) options.lookup = lookup;
    return originalConnect.apply(this, args as never);
  } as typeof net.Socket.prototype.connect;
  (dns as { lookup: unknown }).lookup = lookup;
  (dns.promises as { lookup: unknown }).lookup = (hostname: string, options?: { all?: boolean }) =>
    new Promise((resolve, reject) => lookup(hostname, options ?? {}, (error, address, family) => (error ? reject(error) : resolve(Array.isArray(address) ? address : { address, family }))));

  // dns.resolve*, dns.promises.resolve* and both Resolver classes send UDP/TCP queries to the configured DNS servers
  // without a socket connect or dns.lookup: refuse every one of them (no test needs DNS).
  const restoreResolvers: Array<() => void> = [];
  const refuseQuery = (target: Record<string, unknown>, method: string, promised: boolean) => {
    const original = target[method];
    if (typeof original !== 'function') return;
    target[method] = function refusedQuery(hostname: unknown, ...rest: unknown[]) {
      queries.push(`${method} ${String(hostname)}`);
      const error = Object.assign(new Error(`loopback guard: no DNS query ${method}("${String(hostname)}")`), { code: 'EGUARDREFUSED' });
      if (promised) return Promise.reject(error);
      const callback = rest.reverse().find((arg) => typeof arg === 'function') as ((e: Error) => void) | undefined;
      if (callback) process.nextTick(() => callback(error));
      return undefined;
    };
    restoreResolvers.push(() => {
      target[method] = original;
    });
  };
  const RESOLVE_METHODS = ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'];
  for (const method of RESOLVE_METHODS) {
    refuseQuery(dns as unknown as Record<string, unknown>, method, false);
    refuseQuery(dns.Resolver.prototype as unknown as Record<string, unknown>, method, false);
    refuseQuery(dns.promises as unknown as Record<string, unknown>, method, true);
    refuseQuery(dns.promises.Resolver.prototype as unknown as Record<string, unknown>, method, true);
  }

  const guard: LoopbackGuard = {
    attempts,
    lookups,
    queries,
    refuseAll: false,
    connectsTo: (port) => attempts.filter((attempt) => attempt.port === port).length,
    uninstall: () => {
      net.Socket.prototype.connect = originalConnect;
      (dns as { lookup: unknown }).lookup = originalLookup;
      (dns.promises as { lookup: unknown }).lookup = originalPromisesLookup;
      for (const restore of restoreResolvers) restore();
    },
  };
  return guard;
}
