/** Where `--real` takes its credentials from. */
export type RealCredentialSource =
  /** `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`): echoed by the counting credential_process. */
  | { kind: 'environment-keys' }
  /** `AWS_PROFILE`: used as is; its resolutions cannot be counted. */
  | { kind: 'profile'; profile: string };

/** `--real` without credentials: says what to set. Thrown before any network access. */
export class MissingCredentialsError extends Error {
  override readonly name = 'MissingCredentialsError';
  readonly code = 'DEMO_MISSING_CREDENTIALS';
  constructor() {
    super(
      '--real needs AWS credentials in the environment: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY ' +
        '(and AWS_SESSION_TOKEN for temporary keys), or AWS_PROFILE naming a profile of ~/.aws/config ' +
        '(run `aws sso login --profile NAME` first for SSO). The account needs access to the chosen models in --region ' +
        '(defaults: the flow\'s anthropic.claude-3-haiku-20240307-v1:0 and cohere.embed-english-v3).',
    );
  }
}

/** Picks the credential source for `--real` from `env`, or throws {@link MissingCredentialsError}. Never reads a secret's value. */
export function realCredentialSource(env: NodeJS.ProcessEnv = process.env): RealCredentialSource {
  if (env['AWS_ACCESS_KEY_ID'] && env['AWS_SECRET_ACCESS_KEY']) return { kind: 'environment-keys' };
  if (env['AWS_PROFILE']) return { kind: 'profile', profile: env['AWS_PROFILE'] };
  throw new MissingCredentialsError();
}
