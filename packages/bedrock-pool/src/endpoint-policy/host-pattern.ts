import { ConfigValidationError } from '../errors/config-validation-error';

/** An operator's host pattern, compiled: an exact host or a `*.suffix`, with an optional port. */
export interface HostPattern {
  /** `exact`: the host itself; `suffix`: any name strictly below `host`. */
  kind: 'exact' | 'suffix';
  /** Canonical host (as `URL` writes it, without brackets or trailing dot). */
  host: string;
  /** The only port allowed, or `undefined` for any. */
  port: number | undefined;
}

/** What a pattern may look like, for error messages. */
export const HOST_PATTERN_ALLOWED =
  'a host name or IP literal ("gateway.corp.example", "10.0.0.7", "[fd00::7]", "127.0.0.1") or "*.suffix" ("*.corp.example"), with an optional ":port" (without one, any port; there is no ":*"); not a URL';

const SHAPE = /^(\*\.)?(\[[0-9A-Fa-f:.]+\]|[^\s/\\:@?#[\]*]+)(?::(\d{1,5}))?$/;

/**
 * Compiles `text` (e.g. `*.corp.example:8443`). The host part goes through WHATWG `URL` so it is compared in the form
 * the SDK connects to (lower case, punycode, canonical IPv4/IPv6). Throws {@link ConfigValidationError} on `field`.
 */
export function parseHostPattern(text: unknown, field: string): HostPattern {
  if (typeof text !== 'string') throw new ConfigValidationError(field, `expected a string, got ${typeof text}`, HOST_PATTERN_ALLOWED);
  const match = SHAPE.exec(text.trim());
  if (!match) throw new ConfigValidationError(field, `got ${JSON.stringify(text.slice(0, 80))}`, HOST_PATTERN_ALLOWED);
  const [, wildcard, rawHost = '', rawPort] = match;
  let host: string;
  try {
    host = new URL(`https://${rawHost}`).hostname;
  } catch {
    throw new ConfigValidationError(field, `${JSON.stringify(rawHost.slice(0, 80))} is not a valid host`, HOST_PATTERN_ALLOWED);
  }
  if (host.startsWith('[')) host = host.slice(1, -1);
  if (host.endsWith('.')) host = host.slice(0, -1);
  const port = rawPort === undefined ? undefined : Number(rawPort);
  if (port !== undefined && (port < 1 || port > 65_535)) throw new ConfigValidationError(field, `port ${rawPort} is out of range`, 'a port from 1 to 65535');
  // "*." alone, or a wildcard over a top-level label only ("*.com"), would trust half the internet.
  if (wildcard && !host.includes('.')) throw new ConfigValidationError(field, `"*.${host}" covers a whole top-level domain`, 'a suffix with at least two labels, e.g. "*.corp.example"');
  return { kind: wildcard ? 'suffix' : 'exact', host, port };
}

/**
 * Whether `host:port` (canonical host, trailing dot removed) matches `pattern`. `absolute` says the URL spelled the
 * host with a trailing dot: then an exact single-label name (`localhost`, `emulator`) does not match, because
 * `/etc/hosts` and search domains answer the bare name and DNS answers the absolute one.
 */
export function matchesHostPattern(pattern: HostPattern, host: string, port: number, absolute = false): boolean {
  if (pattern.port !== undefined && pattern.port !== port) return false;
  if (pattern.kind === 'suffix') return host.endsWith(`.${pattern.host}`);
  return host === pattern.host && !(absolute && !host.includes('.') && !host.includes(':'));
}
