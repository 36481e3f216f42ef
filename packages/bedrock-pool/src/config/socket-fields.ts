import { createHash } from 'node:crypto';
import { hashSecret } from './hash-secret';
import type { NormalizedClientConfig } from './normalize-config';

/**
 * The fields of a normalized config that decide how sockets are made, in one list for the slot fingerprint and the
 * transport key: transport kind, trusted CAs (as hashes), TLS verification, proxy (a per-process HMAC: its URL can
 * carry a password), socket limit, connect timeout, keep-alive and idle-socket retirement.
 */
export function socketFieldsOf(config: NormalizedClientConfig): unknown[] {
  return [
    config.transport,
    config.tls.ca?.map((pem) => createHash('sha256').update(pem).digest('base64url')) ?? null,
    config.tls.rejectUnauthorized,
    config.proxy === undefined ? null : hashSecret(config.proxy),
    config.http.maxSockets,
    config.http.connectTimeoutMs,
    config.http.keepAliveMsecs,
    config.http.idleSocketTimeoutMs,
  ];
}
