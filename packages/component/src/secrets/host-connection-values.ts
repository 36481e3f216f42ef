import type { ValidationIssue } from '../validation/validation-issue';
import { Secret } from './secret';

/** A connection as a host stores it for a node (a Node-RED config node, an n8n credential record); any field may be blank. */
export interface StoredConnection {
  region?: unknown;
  endpoint?: unknown;
  profile?: unknown;
  accessKeyId?: unknown;
  secretAccessKey?: unknown;
  sessionToken?: unknown;
  apiKey?: unknown;
}

/** The secret fields of a {@link StoredConnection}. */
export type StoredSecretField = 'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'apiKey';

/**
 * How a host's stored connection becomes component inputs (the rows of "How each host maps credentials" in the root
 * README):
 * - `owner`: whose the stored secrets are. `node`: the record binds keys and endpoint and only its owner edits it (n8n),
 *   so the pool treats them as typed into the node. `host`: any flow editor can re-point the endpoint (Node-RED), so
 *   they go only where host credentials may; `label(field)` names them in messages (never their value).
 * - `fallback`: what blank credentials mean. `default-chain`: unset, so the component goes on to the profile and then
 *   the AWS SDK default chain (Node-RED: a config node is optional and shared). `require`: the named credential must be
 *   complete (both keys, or the API key); blanks are issues and every other credential input is an explicit null, so
 *   nothing is looked up in the environment (n8n: a node runs only on the credential it shows).
 */
export interface HostCredentialRule {
  owner: { kind: 'node' } | { kind: 'host'; label(field: StoredSecretField): string };
  fallback:
    | { kind: 'default-chain' }
    | {
        kind: 'require';
        credential: 'keys' | 'api-key';
        /** Where the user sets it, for the issue's `allowed` (e.g. `the AWS credential`). */
        where: string;
        /** Prefix of the issue's field (e.g. `credential.`). */
        fieldPrefix: string;
      };
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Component input values (`region_name`, `endpoint_url`, `credentials_profile_name`, the keys, `api_key`) from a
 * host's stored connection under the host's {@link HostCredentialRule}, plus the problems of the connection itself
 * (the host reports them with its parameters' in one error, before any call). Secrets are redacting `Secret`s.
 */
export function hostConnectionValues(stored: StoredConnection, rule: HostCredentialRule): { values: Record<string, unknown>; issues: ValidationIssue[] } {
  const secret = (field: StoredSecretField, value: string): Secret =>
    rule.owner.kind === 'host' ? new Secret(value, { kind: 'host', name: rule.owner.label(field) }) : new Secret(value);
  const region = text(stored.region);
  const endpoint = text(stored.endpoint);
  const fallback = rule.fallback;

  if (fallback.kind === 'default-chain') {
    // Blank is '' (unset): API key -> keys -> profile -> the AWS SDK default chain.
    const maybe = (field: StoredSecretField): string | Secret => {
      const value = text(stored[field]);
      return value === '' ? '' : secret(field, value);
    };
    return {
      values: {
        region_name: region,
        endpoint_url: endpoint,
        credentials_profile_name: text(stored.profile),
        aws_access_key_id: maybe('accessKeyId'),
        aws_secret_access_key: maybe('secretAccessKey'),
        aws_session_token: maybe('sessionToken'),
        api_key: maybe('apiKey'),
      },
      issues: [],
    };
  }

  const issues: ValidationIssue[] = [];
  const required = (field: StoredSecretField, allowed: string): string => {
    const value = text(stored[field]);
    if (!value) issues.push({ field: `${fallback.fieldPrefix}${field}`, problem: 'is empty', allowed });
    return value;
  };
  // Explicit nulls: a component default would otherwise look the input up in the environment.
  const values: Record<string, unknown> = { aws_session_token: null, credentials_profile_name: null };
  if (fallback.credential === 'keys') {
    const allowed = `both keys of an IAM key pair, set in ${fallback.where}`;
    values.aws_access_key_id = secret('accessKeyId', required('accessKeyId', allowed));
    values.aws_secret_access_key = secret('secretAccessKey', required('secretAccessKey', allowed));
    const sessionToken = text(stored.sessionToken);
    if (sessionToken) values.aws_session_token = secret('sessionToken', sessionToken);
  } else {
    values.api_key = secret('apiKey', required('apiKey', `an Amazon Bedrock API key (ABSK… or bedrock-api-key-…), set in ${fallback.where}`));
    values.aws_access_key_id = null;
    values.aws_secret_access_key = null;
  }
  if (region) values.region_name = region;
  if (endpoint) values.endpoint_url = endpoint;
  return { values, issues };
}
