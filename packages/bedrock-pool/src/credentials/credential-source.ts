import { createHash } from 'node:crypto';
import { hashSecret } from '../config/hash-secret';
import type { CredentialSource } from '../config/client-config';

/** A credential source reduced to what is safe to keep: a key for sharing providers and a label for messages. */
export interface CredentialSourceKey {
  /** Equal for equal sources; secrets enter only as per-process HMACs. */
  key: string;
  /** For logs, metrics and errors: kind plus profile name or access key id, never a secret (nor any part of an API key). */
  label: string;
}

/** Computes the sharing key and the safe label of a credential source. */
export function describeCredentialSource(source: CredentialSource): CredentialSourceKey {
  switch (source.kind) {
    case 'static': {
      const secretHash = hashSecret(`${source.secretAccessKey}\u0000${source.sessionToken ?? ''}`);
      return { key: `static:${source.accessKeyId}:${secretHash}`, label: `static credentials ${source.accessKeyId}` };
    }
    case 'bearer':
      // Its own key space: a bearer slot never shares a provider (or a client) with SigV4 credentials.
      return { key: `bearer:${hashSecret(source.token)}`, label: 'a Bedrock API key (bearer)' };
    case 'profile':
      return {
        key: `profile:${JSON.stringify([source.profile, source.configFile ?? null, source.credentialsFile ?? null])}`,
        label: `profile "${source.profile}"`,
      };
    case 'default':
      return { key: 'default', label: 'the default credential provider chain' };
  }
}

/**
 * A short, secret-free scope for a credential source: a SHA-256 of its sharing key (in which secrets
 * are already per-process HMACs). Equal sources give equal scopes within one process only.
 */
export function credentialScopeOf(source: CredentialSource): string {
  return `cs1-${createHash('sha256').update(describeCredentialSource(source).key).digest('base64url').slice(0, 24)}`;
}
