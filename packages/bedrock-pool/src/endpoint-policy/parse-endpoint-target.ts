/** An endpoint reduced to what the policy decides on, as WHATWG `URL` (the parser the AWS SDK uses) reads it. */
export interface EndpointTarget {
  protocol: 'http:' | 'https:';
  /** Host name as `URL` canonicalises it (lower case, punycode, dotted-decimal IPv4), without IPv6 brackets or one trailing dot. */
  host: string;
  /**
   * The URL's host ended in a dot (`localhost.`): an absolute name that the resolver answers, never `/etc/hosts`, so
   * it is not loopback, and an exact single-label pattern (`localhost`, `emulator`) does not match it.
   */
  absolute: boolean;
  /** Port, the scheme's default when the URL has none. */
  port: number;
  /** `protocol//host:port` for messages: never the URL's user info, path or query. */
  display: string;
}

/**
 * Parses `endpoint` the way the SDK will (`new URL`), so the policy judges the host the SDK connects to: user info
 * (`https://aws-name@evil.example`), backslashes, percent-encoding, IDN and numeric IPv4 forms are resolved first.
 * Returns `undefined` for anything that is not an absolute http(s) URL (config validation reports those).
 */
export function parseEndpointTarget(endpoint: string): EndpointTarget | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const protocol = url.protocol;
  const bracketless = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  // `name.` and `name` are the same DNS name; every other difference (case, IDN, IP forms) `URL` already removed.
  const absolute = bracketless.endsWith('.');
  const host = absolute ? bracketless.slice(0, -1) : bracketless;
  const port = url.port === '' ? (protocol === 'https:' ? 443 : 80) : Number(url.port);
  return { protocol, host, absolute, port, display: `${protocol}//${url.hostname}${url.port === '' ? '' : `:${url.port}`}` };
}
