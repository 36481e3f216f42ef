/** A short, secret-free kind for a failed attempt: `timeout`, `aborted`, a Node error code, or the error name. */
export function classifyError(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  if (error.name === 'TimeoutError') return 'timeout';
  if (error.name === 'AbortError') return 'aborted';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
}

/** The kind of an HTTP status that is an error: `throttling` (429), `server_5xx`, `client_4xx`; undefined otherwise. */
export function classifyStatus(status: number): string | undefined {
  if (status === 429) return 'throttling';
  if (status >= 500) return 'server_5xx';
  if (status >= 400) return 'client_4xx';
  return undefined;
}
