/** Longest DNS name (RFC 1035), without the trailing dot. */
const MAX_HOST_LENGTH = 253;
/** Longest DNS label (RFC 1035). */
const MAX_LABEL_LENGTH = 63;

/** Why `host` cannot be a DNS name (too long, or a label too long), or `undefined`. IP literals pass. */
function findHostProblem(host: string): string | undefined {
  if (host.startsWith('[')) return undefined;
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  if (name.length > MAX_HOST_LENGTH) return `has an invalid host (${name.length} characters; at most ${MAX_HOST_LENGTH})`;
  if (name.split('.').some((label) => label.length > MAX_LABEL_LENGTH)) return `has an invalid host (a label over ${MAX_LABEL_LENGTH} characters)`;
  return undefined;
}

/** The last URL found acceptable (one without credentials): rebuilds of a saved flow check the same URL again. */
let lastAcceptedUrl: string | undefined;

/** Why `value` is not an acceptable endpoint URL, or `undefined` when it is. Never echoes URL credentials. */
export function findEndpointUrlProblem(value: string): string | undefined {
  if (value === lastAcceptedUrl) return undefined;
  const problem = endpointUrlProblem(value);
  if (problem === undefined) lastAcceptedUrl = value;
  return problem;
}

function endpointUrlProblem(value: string): string | undefined {
  if (/\s/.test(value)) return 'contains whitespace';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `has scheme "${url.protocol.slice(0, -1)}"`;
  if (url.hostname === '') return 'has no host';
  const hostProblem = findHostProblem(url.hostname);
  if (hostProblem) return hostProblem;
  if (url.username !== '' || url.password !== '') return 'contains credentials (user:password@)';
  if (url.search !== '' || value.includes('?')) return 'has a query string';
  if (url.hash !== '' || value.includes('#')) return 'has a fragment';
  return undefined;
}

/** What an endpoint URL may look like, for error messages. */
export const ENDPOINT_URL_ALLOWED =
  'an http:// or https:// URL with a host (at most 253 characters, labels at most 63) and optional port and path, without credentials, query or fragment';

/** `received` text of a rejected endpoint URL: the URL with any `user:password@` part masked. */
export function describeEndpointUrl(raw: unknown): string {
  if (typeof raw !== 'string') return typeof raw;
  // Everything from the scheme to the LAST "@" of the authority (which ends at the first / \ ? #) is masked: the
  // WHATWG parser reads `https:\u:p@h`, `https:/u:p@h` and `https://u:p@x@h` as userinfo too.
  const masked = raw.replace(/^([A-Za-z][A-Za-z0-9+.-]*:[\\/]*)[^\\/?#]*@/, '$1***@');
  return JSON.stringify(masked.length > 80 ? `${masked.slice(0, 79)}…` : masked);
}
