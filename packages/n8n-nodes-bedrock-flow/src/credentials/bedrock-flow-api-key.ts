import { AWS_REGIONS, DEFAULT_AWS_REGION } from '@bedrock-flow/component';
import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** Name of the bedrock-flow Bedrock API-key credential type (what a node's `credentials` and `POST /rest/credentials` name). */
export const BEDROCK_API_KEY_CREDENTIAL_TYPE = 'bedrockFlowApiKey';

/** The fields of a `bedrockFlowApiKey` credential (as `getCredentials('bedrockFlowApiKey')` returns them, decrypted). */
export interface BedrockApiKeyCredentialData {
  /** The Amazon Bedrock API key, sent as `Authorization: Bearer <key>`. Required; no default. */
  apiKey?: string;
  /** The Bedrock region; default `us-east-1`. */
  region?: string;
  /** Bedrock Runtime endpoint (a VPC endpoint, a proxy, an emulator); blank (the default) = the region's AWS endpoint. */
  bedrockRuntimeEndpoint?: string;
}

const properties: INodeProperties[] = [
  {
    displayName: 'API Key',
    name: 'apiKey',
    type: 'string',
    typeOptions: { password: true },
    required: true,
    default: '',
    description: 'An Amazon Bedrock API key (long-term keys start with ABSK, short-term keys with bedrock-api-key-). Sent as Authorization: Bearer, instead of SigV4-signed IAM keys.',
  },
  {
    displayName: 'Region',
    name: 'region',
    type: 'options',
    options: AWS_REGIONS.map((region) => ({ name: region, value: region })),
    default: DEFAULT_AWS_REGION,
    description: 'The Bedrock region to call. A short-term key works only in the region it was generated in.',
  },
  {
    displayName: 'Bedrock Runtime Endpoint',
    name: 'bedrockRuntimeEndpoint',
    type: 'string',
    default: '',
    placeholder: 'https://bedrock-runtime.us-east-1.amazonaws.com',
    description: 'A VPC endpoint or a proxy for Bedrock Runtime. Leave blank to use the region\'s AWS endpoint.',
  },
];

/**
 * "Bedrock API Key (bedrock-flow)": an Amazon Bedrock API key for the bedrock-flow nodes, chosen on a node with
 * Authentication = "Bedrock API Key". The key reaches the component as the node's own secret (a bearer token; no SigV4).
 *
 * No `authenticate` block and no `test` request, on purpose:
 * - `restrictToSupportedNodes`: n8n decrypts the key only for the bedrock-flow nodes, never for the HTTP Request
 *   node (which otherwise may read every credential type), so no workflow can send the key to another URL.
 * - Bedrock Runtime has no free, model-independent call to test a key with: CountTokens is free but exists only for
 *   some models in some regions (a good key would fail the test elsewhere), and Converse bills tokens and needs model
 *   access. The control plane's free ListFoundationModels is on another host (`bedrock.<region>…`), not the runtime
 *   endpoint the credential names, so behind a VPC endpoint or proxy it would test a host the nodes never call, and it
 *   needs a permission a runtime-only key may lack. A bad key shows up on the first execution as
 *   `UnrecognizedClientException`, with the request id.
 */
export class BedrockFlowApiKey implements ICredentialType {
  name = BEDROCK_API_KEY_CREDENTIAL_TYPE;
  displayName = 'Bedrock API Key (bedrock-flow)';
  icon = 'file:bedrock-flow.svg' as const;
  documentationUrl = 'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html';
  restrictToSupportedNodes = true as const;
  properties = properties;
}
