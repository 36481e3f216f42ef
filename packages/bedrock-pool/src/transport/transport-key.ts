import { createHash } from 'node:crypto';
import type { NormalizedClientConfig } from '../config/normalize-config';
import { socketFieldsOf } from '../config/socket-fields';

/**
 * The key of the transport a slot's config needs: every field that decides where the sockets go and how they are
 * made (target origin, transport kind, TLS CA and verification, proxy, socket limit, connect timeout, keep-alive,
 * idle-socket retirement), and nothing that is per credential or per client (credentials, retry, the waits by
 * operation: each attempt carries its own bound, enforced per request). Slots with equal keys share one transport.
 * The proxy URL can carry a password: it enters as a per-process HMAC, like every secret in a fingerprint.
 */
export function transportKeyOf(config: NormalizedClientConfig): string {
  const canonical = JSON.stringify([
    config.target.protocol,
    config.target.hostname,
    config.target.port,
    ...socketFieldsOf(config),
    // The fallback wait of a request without attempt state (a warm-up); every pooled call carries its own bound.
    config.http.otherTimeoutMs,
  ]);
  return `tk1-${createHash('sha256').update(canonical).digest('base64url').slice(0, 24)}`;
}
