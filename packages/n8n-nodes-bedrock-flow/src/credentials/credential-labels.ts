/** Component AWS inputs and credential checks -> the n8n credential field the user edits, for error messages. */
export const CREDENTIAL_LABELS: Readonly<Record<string, string>> = {
  region_name: 'Credential › Region',
  endpoint_url: 'Credential › Bedrock Runtime Endpoint',
  aws_access_key_id: 'Credential › Access Key ID',
  aws_secret_access_key: 'Credential › Secret Access Key',
  aws_session_token: 'Credential › Session Token',
  api_key: 'Credential › API Key',
  authentication: 'Authentication',
  'credential.accessKeyId': 'Credential › Access Key ID',
  'credential.secretAccessKey': 'Credential › Secret Access Key',
  'credential.sessionToken': 'Credential › Session Token',
  'credential.apiKey': 'Credential › API Key',
};
