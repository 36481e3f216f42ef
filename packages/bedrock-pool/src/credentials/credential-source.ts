import { createHash } from 'node:crypto';
import { hashSecret } from '../config/hash-secret';
import type { CredentialSource } from '../config/client-config';

/** A credential source reduced to what is safe to keep: a key for sharing providers and a label for messages. */
export interface CredentialSourceKey {
  /** Equal for equal sources; secrets enter only as per-process HMACs. */
  key: string;
  /**
   * For logs, metrics, events and errors: the kind, plus the access key id or profile name only when the flow author
   * typed it into the node. A value from a host variable or the environment is never part of it (a flow names any
   * variable it likes, so echoing the value would read the variable back), nor is any secret or part of an API key.
   */
  label: string;
  /**
   * Values of this source that no message may contain, longest first (a host-provided key id or profile name, the
   * secret, the token): {@link CredentialResolutionError} removes them from an SDK error it wraps.
   */
  hidden: readonly string[];
  /**
   * `true` when the SDK's reason for a failure may not be shown at all: a profile whose NAME came from the host (a
   * variable). Whether the SDK says "no such profile" or shows the profile's own failure would tell the flow author
   * whether the variable's value names a profile of the host (issue 21: a missing and an unusable variable read alike).
   */
  withholdReason: boolean;
}

/** Computes the sharing key, the safe label and the values to hide of a credential source. */
export function describeCredentialSource(source: CredentialSource): CredentialSourceKey {
  switch (source.kind) {
    case 'static': {
      const secretHash = hashSecret(`${source.secretAccessKey}\u0000${source.sessionToken ?? ''}`);
      const typed = source.origin === 'node';
      // The origin is part of the key: a typed key id never lends its label to the same key read from a variable.
      return {
        key: `static:${typed ? 'node' : 'host'}:${hashSecret(source.accessKeyId)}:${secretHash}`,
        label: typed ? `static credentials ${source.accessKeyId}` : "static credentials provided by the host (key id not shown)",
        hidden: hiddenValues(typed ? [] : [source.accessKeyId], source.secretAccessKey, source.sessionToken),
        withholdReason: false,
      };
    }
    case 'bearer':
      // Its own key space: a bearer slot never shares a provider (or a client) with SigV4 credentials.
      return { key: `bearer:${hashSecret(source.token)}`, label: 'a Bedrock API key (bearer)', hidden: hiddenValues([], source.token), withholdReason: false };
    case 'profile': {
      const typed = source.nameOrigin === 'node';
      const variable = typed ? undefined : source.nameVariable;
      return {
        key: `profile:${JSON.stringify([typed ? 'node' : `host:${variable ?? ''}`, hashSecret(source.profile), source.configFile ?? null, source.credentialsFile ?? null])}`,
        label: typed
          ? `profile "${source.profile}"`
          : variable === undefined
            ? 'a profile named by a host variable (name not shown)'
            : `the profile named by the variable "${variable}" in credentials_profile_name (name not shown)`,
        hidden: typed ? [] : [source.profile],
        withholdReason: !typed,
      };
    }
    case 'default':
      return { key: 'default', label: 'the default credential provider chain', hidden: [], withholdReason: false };
  }
}

function hiddenValues(values: string[], ...secrets: Array<string | undefined>): string[] {
  return [...values, ...secrets.filter((secret): secret is string => secret !== undefined && secret !== '')].sort((a, b) => b.length - a.length);
}

/**
 * A short, secret-free scope for a credential source: a SHA-256 of its sharing key (in which secrets
 * are already per-process HMACs). Equal sources give equal scopes within one process only.
 */
export function credentialScopeOf(source: CredentialSource): string {
  return `cs1-${createHash('sha256').update(describeCredentialSource(source).key).digest('base64url').slice(0, 24)}`;
}
