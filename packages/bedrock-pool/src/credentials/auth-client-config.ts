import type { AwsCredentialIdentityProvider, TokenIdentityProvider } from '@smithy/types';
import type { CredentialSource } from '../config/client-config';
import type { SharedCredentialProvider } from './shared-credential-provider';

/** The auth part of a slot's `BedrockRuntimeClient` config. */
export interface AuthClientConfig {
  credentials?: AwsCredentialIdentityProvider;
  token?: TokenIdentityProvider;
  /** The SDK's auth scheme order; absent = the SDK's own choice (environment and config files). */
  authSchemePreference?: string[];
}

const NO_SIGV4_KEYS: AwsCredentialIdentityProvider = () =>
  Promise.reject(new Error('This client authenticates with a Bedrock API key (bearer); it has no SigV4 credentials.'));

/**
 * How a slot's client authenticates, per credential source:
 * - `static` / `profile`: SigV4 with the slot's credentials, pinned with `authSchemePreference: ['sigv4']` — without
 *   the pin the SDK prefers `httpBearerAuth` whenever `AWS_BEARER_TOKEN_BEDROCK` is set, and the node would run on the
 *   environment's API key instead of the keys its flow names;
 * - `bearer`: `Authorization: Bearer` with the slot's token (`httpBearerAuth` first), and a SigV4 provider that
 *   refuses, so the client can never sign with other keys;
 * - `default`: the SDK's own behaviour (an `AWS_BEARER_TOKEN_BEDROCK` in the environment wins, as in the SDK).
 */
export function authClientConfig(source: CredentialSource, provider: SharedCredentialProvider): AuthClientConfig {
  switch (source.kind) {
    case 'bearer':
      return { token: provider.provide as TokenIdentityProvider, credentials: NO_SIGV4_KEYS, authSchemePreference: ['httpBearerAuth'] };
    case 'static':
    case 'profile':
      return { credentials: provider.provide as AwsCredentialIdentityProvider, authSchemePreference: ['sigv4'] };
    case 'default':
      return { credentials: provider.provide as AwsCredentialIdentityProvider };
  }
}
