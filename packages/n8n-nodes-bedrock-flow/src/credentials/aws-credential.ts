import { hostConnectionValues, type HostCredentialRule, type ValidationIssue } from '@bedrock-flow/component';

/** Name of n8n's built-in AWS credential type, which the bedrock-flow nodes use so users reuse what they have. */
export const AWS_CREDENTIAL_TYPE = 'aws';

/** The fields of n8n's `aws` credential that Bedrock uses (as `getCredentials('aws')` returns them, decrypted). */
export interface AwsCredentialData {
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** n8n shows `sessionToken` only when this is on; a token left behind while it is off is not sent. */
  temporaryCredentials?: boolean;
  sessionToken?: string;
  /** n8n shows the per-service endpoints only when this is on. */
  customEndpoints?: boolean;
  /** Bedrock Runtime endpoint (a VPC endpoint, a proxy, an emulator); blank = the region's AWS endpoint. */
  bedrockRuntimeEndpoint?: string;
}

/** Component input values derived from a node's credential (`aws` or `bedrockFlowApiKey`). */
export interface AwsConnection {
  /** Raw values for the component's AWS inputs; secrets as redacting `Secret`s, never bare strings. */
  values: Record<string, unknown>;
  /** Problems of the credential itself (field names prefixed `credential.`); the node must not run when any. */
  issues: ValidationIssue[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** n8n's rule for the `aws` credential (the host kit's table): the node's own keys, both required. */
export const AWS_CREDENTIAL_RULE: HostCredentialRule = {
  owner: { kind: 'node' },
  fallback: { kind: 'require', credential: 'keys', where: 'the AWS credential', fieldPrefix: 'credential.' },
};

/**
 * Maps n8n's `aws` credential onto the component's AWS inputs. The secrets go in as the node's own values
 * (`Secret.origin.kind === 'value'`, so the pool sees `origin: 'node'`): n8n binds the keys and the custom endpoint
 * in one credential record, which only its owner can edit, so the endpoint was chosen by whoever holds the keys. A
 * custom non-AWS endpoint (a corporate gateway) therefore works over https; cleartext `http://` to a foreign host
 * is still refused unless the operator allows it (`BEDROCK_FLOW_ALLOWED_HTTP_HOSTS`, see the pool README).
 *
 * Both keys are required: with a blank key the component would fall back to the AWS default chain (environment,
 * instance role) and the node would run on credentials its workflow never named. Such problems are returned in
 * `issues` (the caller reports them with the parameters' in one error, before any call).
 */
export function awsConnection(credential: AwsCredentialData): AwsConnection {
  const sessionToken = credential.temporaryCredentials ? text(credential.sessionToken) : '';
  const { values, issues } = hostConnectionValues(
    {
      region: credential.region,
      endpoint: credential.customEndpoints ? credential.bedrockRuntimeEndpoint : '',
      accessKeyId: credential.accessKeyId,
      secretAccessKey: credential.secretAccessKey,
      sessionToken,
    },
    AWS_CREDENTIAL_RULE,
  );
  if (credential.temporaryCredentials && !sessionToken) {
    issues.push({ field: 'credential.sessionToken', problem: 'is empty while "Temporary Credentials" is on', allowed: 'the STS session token of the temporary key pair' });
  }
  return { values, issues };
}
