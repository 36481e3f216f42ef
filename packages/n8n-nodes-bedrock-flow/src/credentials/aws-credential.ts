import type { ValidationIssue } from '@bedrock-flow/component';

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

/** Host-variable names under which the credential's secrets reach the component (never their values). */
export const CREDENTIAL_VARIABLES = {
  accessKeyId: 'N8N_AWS_ACCESS_KEY_ID',
  secretAccessKey: 'N8N_AWS_SECRET_ACCESS_KEY',
  sessionToken: 'N8N_AWS_SESSION_TOKEN',
} as const;

/** Component input values and host variables derived from an `aws` credential. */
export interface AwsConnection {
  /** Raw values for the component's AWS inputs (secrets as `{ variable }` references into `variables`). */
  values: Record<string, unknown>;
  /** The secret values, looked up by the component; the only place they live. */
  variables: ReadonlyMap<string, string>;
  /** Problems of the credential itself (field names prefixed `credential.`); the node must not run when any. */
  issues: ValidationIssue[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Maps n8n's `aws` credential onto the component's AWS inputs. The secrets are passed as host variables, not as
 * literal node values, because n8n's credential store is the host: the component then records them as host-provided
 * (`Secret.origin.kind === 'variable'`), which is what they are.
 *
 * Both keys are required: with a blank key the component would fall back to the AWS default chain (environment,
 * instance role) and the node would run on credentials its workflow never named. Such problems are returned in
 * `issues` (the caller reports them with the parameters' in one error, before any call).
 */
export function awsConnection(credential: AwsCredentialData): AwsConnection {
  const issues: ValidationIssue[] = [];
  const accessKeyId = text(credential.accessKeyId);
  const secretAccessKey = text(credential.secretAccessKey);
  const allowed = 'both keys of an IAM key pair, set in the AWS credential';
  if (!accessKeyId) issues.push({ field: 'credential.accessKeyId', problem: 'is empty', allowed });
  if (!secretAccessKey) issues.push({ field: 'credential.secretAccessKey', problem: 'is empty', allowed });
  const sessionToken = credential.temporaryCredentials ? text(credential.sessionToken) : '';
  if (credential.temporaryCredentials && !sessionToken) {
    issues.push({ field: 'credential.sessionToken', problem: 'is empty while "Temporary Credentials" is on', allowed: 'the STS session token of the temporary key pair' });
  }

  const variables = new Map<string, string>([
    [CREDENTIAL_VARIABLES.accessKeyId, accessKeyId],
    [CREDENTIAL_VARIABLES.secretAccessKey, secretAccessKey],
  ]);
  const values: Record<string, unknown> = {
    aws_access_key_id: { variable: CREDENTIAL_VARIABLES.accessKeyId },
    aws_secret_access_key: { variable: CREDENTIAL_VARIABLES.secretAccessKey },
    // An explicit null: the component's default would otherwise look the token up in the environment.
    aws_session_token: null,
    credentials_profile_name: null,
  };
  if (sessionToken) {
    variables.set(CREDENTIAL_VARIABLES.sessionToken, sessionToken);
    values.aws_session_token = { variable: CREDENTIAL_VARIABLES.sessionToken };
  }
  const region = text(credential.region);
  if (region) values.region_name = region;
  const endpoint = credential.customEndpoints ? text(credential.bedrockRuntimeEndpoint) : '';
  if (endpoint) values.endpoint_url = endpoint;
  return { values, variables, issues };
}
