/** Environment variables through which a host hands AWS credentials or settings to the SDK. */
const AWS_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_BEARER_TOKEN_BEDROCK',
  'AWS_AUTH_SCHEME_PREFERENCE',
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_BEDROCK_RUNTIME',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
] as const;

/**
 * Runs `body` with exactly `vars` as the process's AWS environment (every variable above not in `vars` removed; the
 * SDK reads `process.env` itself), then restores what was there.
 */
export async function withHostEnvironment<T>(vars: Readonly<Record<string, string>>, body: () => Promise<T>): Promise<T> {
  const saved = new Map<string, string | undefined>();
  for (const name of new Set([...AWS_VARIABLES, ...Object.keys(vars)])) {
    saved.set(name, process.env[name]);
    delete process.env[name];
  }
  // Never reach for the instance metadata service, even though the loopback guard would refuse it.
  saved.set('AWS_EC2_METADATA_DISABLED', process.env.AWS_EC2_METADATA_DISABLED);
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  Object.assign(process.env, vars);
  try {
    return await body();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
