import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Error code of {@link MissingAwsCredentialsError}. */
export const MISSING_AWS_CREDENTIALS_CODE = 'AWS_CREDENTIALS_MISSING';

/** `--real` was asked for, but no AWS credential source is configured. */
export class MissingAwsCredentialsError extends Error {
  readonly code = MISSING_AWS_CREDENTIALS_CODE;

  constructor() {
    super(
      '--real needs AWS credentials, and none were found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and ' +
        'AWS_SESSION_TOKEN for temporary keys), or AWS_PROFILE, or configure ~/.aws/credentials or ~/.aws/config ' +
        '(SSO: run `aws sso login` first). On an instance or container role set BEDROCK_FLOW_DEFAULT_CHAIN=1. ' +
        'Or run without --real to use the local emulator.',
    );
    this.name = 'MissingAwsCredentialsError';
  }
}

/**
 * Where the AWS SDK default chain would find credentials, by a cheap look at the environment and the shared files
 * (no network: an instance-metadata probe can take seconds). `undefined` when nothing is configured.
 */
export function findAwsCredentialSource(env: Readonly<Record<string, string | undefined>> = process.env, home = os.homedir()): string | undefined {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return 'environment keys';
  if (env.AWS_PROFILE) return `profile ${env.AWS_PROFILE}`;
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) return 'web identity';
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) return 'container credentials';
  if (env.BEDROCK_FLOW_DEFAULT_CHAIN === '1') return 'default chain (BEDROCK_FLOW_DEFAULT_CHAIN=1)';
  const credentialsFile = env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(home, '.aws', 'credentials');
  const configFile = env.AWS_CONFIG_FILE ?? path.join(home, '.aws', 'config');
  if (fs.existsSync(credentialsFile)) return credentialsFile;
  if (fs.existsSync(configFile)) return configFile;
  return undefined;
}
