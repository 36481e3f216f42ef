import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, TokenIdentity } from '@smithy/types';
import type { CredentialSource } from '../config/client-config';

/** What a source resolves to: SigV4 keys, or a bearer token for a Bedrock API key. */
export type SourceIdentity = AwsCredentialIdentity | TokenIdentity;

/** Resolves credentials from the underlying source, uncached; `forceRefresh` asks memoizing SDK chains for new ones. */
export type SourceProvider = (options?: { forceRefresh?: boolean }) => Promise<SourceIdentity>;

/**
 * Builds the uncached provider of a source: the static keys, the bearer token of a Bedrock API key, `fromIni` for a
 * profile (credential_process, SSO, role assumption; re-reads the files on each call so rotated files are seen) or the
 * default chain.
 */
export function createSourceProvider(source: CredentialSource): SourceProvider {
  switch (source.kind) {
    case 'static': {
      const { accessKeyId, secretAccessKey, sessionToken } = source;
      return async () => ({ accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) });
    }
    case 'bearer': {
      const { token } = source;
      return async () => ({ token });
    }
    case 'profile': {
      const provider = fromIni({
        profile: source.profile,
        ignoreCache: true,
        ...(source.credentialsFile ? { filepath: source.credentialsFile } : {}),
        ...(source.configFile ? { configFilepath: source.configFile } : {}),
      });
      return () => provider();
    }
    case 'default': {
      const provider = fromNodeProviderChain();
      return (options) => provider(options?.forceRefresh ? ({ forceRefresh: true } as never) : undefined);
    }
  }
}
