import type { Secret } from '../secrets/secret';

/** The validated AWS inputs {@link toClientConfig} reads (the shared AWS input builders produce them). */
export interface AwsConnectionValues {
  aws_access_key_id?: Secret | undefined;
  aws_secret_access_key?: Secret | undefined;
  aws_session_token?: Secret | undefined;
  credentials_profile_name?: Secret | string | undefined;
  /** A Bedrock API key; when set it wins over the keys and the profile. */
  api_key?: Secret | undefined;
  region_name?: string | undefined;
  endpoint_url?: string | undefined;
  /** Per-node wait in seconds (`timeout` input); unset: each operation's default. */
  timeout?: number | undefined;
}
