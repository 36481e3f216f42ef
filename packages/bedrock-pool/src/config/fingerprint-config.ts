import { createHash } from 'node:crypto';
import { describeCredentialSource } from '../credentials/credential-source';
import { hashSecret } from './hash-secret';
import type { NormalizedClientConfig } from './normalize-config';

/**
 * The fingerprint of a normalized config: a short hash of every field that decides the client (service, region,
 * endpoint, credential source, transport, TLS, proxy, HTTP and retry options). Secrets enter only as
 * per-process HMACs, so the fingerprint is safe to log and differs between processes.
 */
export function fingerprintConfig(config: NormalizedClientConfig): string {
  const canonical = JSON.stringify([
    config.region,
    config.endpoint ?? null,
    describeCredentialSource(config.credentials).key,
    config.transport,
    config.tls.ca?.map((pem) => createHash('sha256').update(pem).digest('base64url')) ?? null,
    config.tls.rejectUnauthorized,
    // A proxy URL can carry a password: hash it like a secret.
    config.proxy === undefined ? null : hashSecret(config.proxy),
    config.http.maxSockets,
    config.http.connectTimeoutMs,
    config.http.requestTimeoutMs ?? null,
    config.http.keepAliveMsecs,
    config.retry.mode,
    config.retry.maxAttempts,
    // Long-answer options (issue 22), appended so the fields above keep their places.
    config.http.generationTimeoutMs,
    config.http.streamSilenceTimeoutMs,
    config.http.embeddingTimeoutMs,
    config.http.otherTimeoutMs,
    config.http.idleSocketTimeoutMs,
    config.retry.afterWrite,
    // The service (issue 25): one slot per (service, configuration).
    config.service,
  ]);
  return `bp1-${createHash('sha256').update(canonical).digest('base64url').slice(0, 24)}`;
}
