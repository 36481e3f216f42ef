import { createHash } from 'node:crypto';
import { describeCredentialSource } from '../credentials/credential-source';
import type { NormalizedClientConfig } from './normalize-config';
import { socketFieldsOf } from './socket-fields';

/**
 * The fingerprint of a normalized config: a short hash of every field that decides the client (service, region,
 * endpoint, credential source, transport, TLS, proxy, HTTP and retry options). Secrets enter only as
 * per-process HMACs, so the fingerprint is safe to log and differs between processes.
 */
export function fingerprintConfig(config: NormalizedClientConfig): string {
  const canonical = JSON.stringify([
    config.service,
    config.region,
    config.endpoint ?? null,
    describeCredentialSource(config.credentials).key,
    ...socketFieldsOf(config),
    config.http.requestTimeoutMs ?? null,
    config.http.generationTimeoutMs,
    config.http.streamSilenceTimeoutMs,
    config.http.embeddingTimeoutMs,
    config.http.otherTimeoutMs,
    config.retry.mode,
    config.retry.maxAttempts,
    config.retry.afterWrite,
  ]);
  return `bp1-${createHash('sha256').update(canonical).digest('base64url').slice(0, 24)}`;
}
