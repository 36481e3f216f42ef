/** The origin of a transport target as shown in metrics and events, e.g. `https://127.0.0.1:4000` (default port omitted). */
export function endpointOrigin(target: { protocol: 'https:' | 'http:'; hostname: string; port: number }): string {
  const defaultPort = target.protocol === 'https:' ? 443 : 80;
  const host = target.hostname.includes(':') ? `[${target.hostname}]` : target.hostname;
  return `${target.protocol}//${host}${target.port === defaultPort ? '' : `:${target.port}`}`;
}
