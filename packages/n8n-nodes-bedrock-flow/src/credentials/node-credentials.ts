import type { IDataObject, IExecuteFunctions, INodeCredentialDescription, INodeProperties, ISupplyDataFunctions } from 'n8n-workflow';
import { apiKeyConnection } from './api-key-connection';
import { AWS_CREDENTIAL_TYPE, awsConnection, type AwsConnection, type AwsCredentialData } from './aws-credential';
import { BEDROCK_API_KEY_CREDENTIAL_TYPE, type BedrockApiKeyCredentialData } from './bedrock-flow-api-key';

/** The node parameter that picks the credential type (n8n's convention for nodes with several). */
export const AUTHENTICATION_PARAMETER = 'authentication';

/** The `authentication` values: n8n's built-in `aws` credential (the default), or a Bedrock API key. */
export const AUTHENTICATION = { awsIam: 'awsIam', apiKey: 'apiKey' } as const;

/**
 * "Authentication": AWS (IAM) keys (default, so workflows saved before this parameter existed keep their `aws`
 * credential) or a Bedrock API key. The first property of every bedrock-flow node.
 */
export const authenticationProperty: INodeProperties = {
  displayName: 'Authentication',
  name: AUTHENTICATION_PARAMETER,
  type: 'options',
  options: [
    { name: 'AWS (IAM)', value: AUTHENTICATION.awsIam, description: 'Access key ID and secret access key, signed with SigV4' },
    { name: 'Bedrock API Key', value: AUTHENTICATION.apiKey, description: 'An Amazon Bedrock API key, sent as a bearer token' },
  ],
  default: AUTHENTICATION.awsIam,
};

/** The credentials of every bedrock-flow node: the one its `authentication` names is shown and required. */
export const nodeCredentials: INodeCredentialDescription[] = [
  { name: AWS_CREDENTIAL_TYPE, required: true, displayOptions: { show: { [AUTHENTICATION_PARAMETER]: [AUTHENTICATION.awsIam] } } },
  { name: BEDROCK_API_KEY_CREDENTIAL_TYPE, required: true, displayOptions: { show: { [AUTHENTICATION_PARAMETER]: [AUTHENTICATION.apiKey] } } },
];

/**
 * Reads the credential the node's `authentication` names and maps it onto the component's AWS inputs (secrets as the
 * node's own `Secret`s). Only that credential is read: n8n refuses the other type for this node anyway, and a node
 * never runs on credentials other than the one it shows. An unknown `authentication` value is an issue, not a fallback.
 */
export async function nodeConnection(fns: ISupplyDataFunctions | IExecuteFunctions, itemIndex: number): Promise<AwsConnection> {
  const authentication = fns.getNodeParameter(AUTHENTICATION_PARAMETER, itemIndex, AUTHENTICATION.awsIam);
  if (authentication === AUTHENTICATION.apiKey) {
    return apiKeyConnection(await fns.getCredentials<BedrockApiKeyCredentialData & IDataObject>(BEDROCK_API_KEY_CREDENTIAL_TYPE, itemIndex));
  }
  if (authentication === AUTHENTICATION.awsIam) {
    return awsConnection(await fns.getCredentials<AwsCredentialData & IDataObject>(AWS_CREDENTIAL_TYPE, itemIndex));
  }
  return {
    values: {},
    issues: [{ field: AUTHENTICATION_PARAMETER, problem: 'is not a known authentication', allowed: `"${AUTHENTICATION.awsIam}" or "${AUTHENTICATION.apiKey}"`, received: JSON.stringify(String(authentication).slice(0, 40)) }],
  };
}
