import { hostConnectionValues, type HostCredentialRule } from '@bedrock-flow/component';
import type { AwsConnection } from './aws-credential';
import type { BedrockApiKeyCredentialData } from './bedrock-flow-api-key';

/** n8n's rule for the `bedrockFlowApiKey` credential (the host kit's table): the node's own API key, required. */
export const API_KEY_CREDENTIAL_RULE: HostCredentialRule = {
  owner: { kind: 'node' },
  fallback: { kind: 'require', credential: 'api-key', where: 'the Bedrock API Key credential', fieldPrefix: 'credential.' },
};

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
  return hostConnectionValues({ region: credential.region, endpoint: credential.bedrockRuntimeEndpoint, apiKey: credential.apiKey }, API_KEY_CREDENTIAL_RULE);
}
