import { Secret, type ValidationIssue } from '@bedrock-flow/component';
import type { AwsConnection } from './aws-credential';
import type { BedrockApiKeyCredentialData } from './bedrock-flow-api-key';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Maps a `bedrockFlowApiKey` credential onto the component's AWS inputs: the key as `api_key`, the node's own
 * redacting `Secret` (`origin.kind === 'value'`, so the pool sees `{ kind: 'bearer', origin: 'node' }`: the key and the
 * endpoint sit in one credential record only its owner edits, as for the `aws` credential). The IAM inputs are
 * explicit nulls, so no default variable (`AWS_ACCESS_KEY_ID`, …) is even looked up; the component context has
 * `env: false`, so nothing comes from n8n's environment either, not even `AWS_BEARER_TOKEN_BEDROCK`.
 *
 * A blank key is an issue on `credential.apiKey` (the caller reports it with the parameters' in one error, before any
 * call): without a key the component would fall through to the default credential chain.
 */
export function apiKeyConnection(credential: BedrockApiKeyCredentialData): AwsConnection {
  const issues: ValidationIssue[] = [];
  const apiKey = text(credential.apiKey);
  if (!apiKey) {
    issues.push({ field: 'credential.apiKey', problem: 'is empty', allowed: 'an Amazon Bedrock API key (ABSK… or bedrock-api-key-…), set in the Bedrock API Key credential' });
  }
  const values: Record<string, unknown> = {
    api_key: new Secret(apiKey),
    aws_access_key_id: null,
    aws_secret_access_key: null,
    aws_session_token: null,
    credentials_profile_name: null,
  };
  const region = text(credential.region);
  if (region) values.region_name = region;
  const endpoint = text(credential.bedrockRuntimeEndpoint);
  if (endpoint) values.endpoint_url = endpoint;
  return { values, issues };
}
