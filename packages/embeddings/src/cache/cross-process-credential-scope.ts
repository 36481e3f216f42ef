import { createHmac } from 'node:crypto';
import type { CredentialSource } from '@bedrock-flow/bedrock-pool';

/** Environment variables that decide who the default credential chain is, hashed into its scope. */
const DEFAULT_CHAIN_ENV = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_ROLE_ARN',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_BEARER_TOKEN_BEDROCK',
] as const;

/**
 * A credential scope that is equal in every process holding the same operator secret (so workers
 * sharing a Redis share entries) and different for different credentials: HMAC-SHA256 keyed by the
 * operator's cache secret over the whole credential source (secrets included, so two keys of one
 * access key id never share). Without the secret the value says nothing about the credentials, and
 * it is never a plain hash of a secret. `origin` (who typed the secret) does not change the
 * credentials, so it is left out. The default chain is scoped by the environment variables that
 * select its credentials, profiles by name and files: both are host-provided, so workers of one
 * deployment resolve them alike.
 */
export function crossProcessCredentialScope(
  source: CredentialSource,
  secret: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const { origin: _origin, ...identity } = source as CredentialSource & { origin?: unknown };
  const canonical =
    identity.kind === 'default'
      ? ['default', DEFAULT_CHAIN_ENV.map((name) => env[name] ?? null)]
      : Object.keys(identity)
          .sort()
          .map((field) => [field, (identity as Record<string, unknown>)[field] ?? null]);
  return `cx1-${createHmac('sha256', secret).update(JSON.stringify(canonical)).digest('base64url').slice(0, 32)}`;
}
