import type { AttemptState } from './attempt-state';

// Failures that happen before a request can have been sent: no connection, no name, no route, no TLS session.
const BEFORE_WRITE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const CONNECT_TIMEOUT = /did not establish a connection|connection not established/;

function codeOf(error: { code?: unknown; name?: unknown }): string {
  return typeof error.code === 'string' ? error.code : typeof error.name === 'string' ? error.name : 'Error';
}

/**
 * Whether a transport failure of an attempt leaves open that the server received (and a model processed) the request.
 * With the http1 agent's record: the request was written in full, and the failure is not a stale keep-alive socket
 * (the server closed it, FIN, before answering: a server never answers after its FIN, so it did not take the request).
 * Without it (http2): every failure but the connection-phase ones and a refused stream.
 */
export function mayHaveBeenProcessed(state: AttemptState, error: { code?: unknown; name?: unknown; message?: unknown }): boolean {
  if (!state.dispatched) return false;
  if (state.tracked) {
    if (state.timedOut) return state.written;
    if (!state.written) return false;
    return !(state.reusedSocket && state.closedBeforeAnswer && !state.answered);
  }
  const message = typeof error.message === 'string' ? error.message : '';
  if (BEFORE_WRITE_CODES.has(codeOf(error)) || CONNECT_TIMEOUT.test(message)) return false;
  if (/^ERR_TLS_|^ERR_SSL_|CERT|SELF_SIGNED/.test(codeOf(error))) return false;
  return !message.includes('NGHTTP2_REFUSED_STREAM');
}

/** A failure of the transport (no service answer parsed, not an abort by the caller). */
export function isTransportFailure(error: unknown): error is Error & { code?: unknown } {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { $fault?: unknown; name?: unknown };
  return e.$fault === undefined && e.name !== 'AbortError';
}
