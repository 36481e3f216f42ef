import { z } from 'zod';
import { AWS_EMBEDDING_MODEL_IDS, AWS_MODEL_IDS, MODEL_ID_PATTERN } from '../aws/model-ids';
import { AWS_REGIONS, AWS_REGION_PATTERN, DEFAULT_AWS_REGION } from '../aws/regions';
import { describeEndpointUrl, ENDPOINT_URL_ALLOWED, findEndpointUrlProblem } from '../aws/endpoint-url';
import { ACCESS_KEY_ID_RULE, BEDROCK_API_KEY_RULE, PRINTABLE_SECRET_RULE, PROFILE_NAME_RULE, type SecretValueRule } from '../aws/credential-value-rules';
import type { Secret } from '../secrets/secret';
import { createInputSpec, InputProblem, UNSET } from './create-input-spec';
import { dropdownInput } from './dropdown-input';
import type { InputSpec, InputUi } from './input-spec';
import { secretStrInput } from './secret-str-input';
import { messageTextInput } from './text-inputs';

/** UI overrides every AWS input builder takes (e.g. `{ advanced: false }`). */
export type AwsInputOverrides = Partial<Pick<InputUi, 'displayName' | 'info' | 'advanced' | 'required'>>;

/** Overrides of a secret AWS input: UI flags plus the default variable (`null` = no default). */
export type AwsSecretInputOverrides = AwsInputOverrides & { defaultVariable?: string | null };

function secretInput(
  base: { displayName: string; info: string; advanced: boolean; required: boolean; defaultVariable?: string; rule: SecretValueRule },
  overrides: AwsSecretInputOverrides,
): InputSpec<Secret | undefined> {
  const { defaultVariable, ...ui } = overrides;
  const variable = defaultVariable === null ? undefined : (defaultVariable ?? base.defaultVariable);
  return secretStrInput({ ...base, ...ui, ...(variable === undefined ? {} : { defaultVariable: variable }) });
}

/** `aws_access_key_id`: "AWS Access Key ID", secret, required, default variable `AWS_ACCESS_KEY_ID`. */
export function awsAccessKeyIdInput(overrides: AwsSecretInputOverrides = {}): InputSpec<Secret | undefined> {
  return secretInput(
    {
      displayName: 'AWS Access Key ID',
      info: "The access key for your AWS account. Usually set in Python code as the environment variable 'AWS_ACCESS_KEY_ID'.",
      advanced: false,
      required: true,
      defaultVariable: 'AWS_ACCESS_KEY_ID',
      rule: ACCESS_KEY_ID_RULE,
    },
    overrides,
  );
}

/** `aws_secret_access_key`: "AWS Secret Access Key", secret, required, default variable `AWS_SECRET_ACCESS_KEY`. */
export function awsSecretAccessKeyInput(overrides: AwsSecretInputOverrides = {}): InputSpec<Secret | undefined> {
  return secretInput(
    {
      displayName: 'AWS Secret Access Key',
      info: "The secret key for your AWS account. Usually set in Python code as the environment variable 'AWS_SECRET_ACCESS_KEY'.",
      advanced: false,
      required: true,
      defaultVariable: 'AWS_SECRET_ACCESS_KEY',
      rule: PRINTABLE_SECRET_RULE,
    },
    overrides,
  );
}

/** `aws_session_token`: "AWS Session Token", secret, advanced, no default (embeddings: `{ defaultVariable: 'AWS_SESSION_TOKEN' }`). */
export function awsSessionTokenInput(overrides: AwsSecretInputOverrides = {}): InputSpec<Secret | undefined> {
  return secretInput(
    {
      displayName: 'AWS Session Token',
      info: "The session key for your AWS account. Only needed for temporary credentials. Usually set in Python code as the environment variable 'AWS_SESSION_TOKEN'.",
      advanced: true,
      required: false,
      rule: PRINTABLE_SECRET_RULE,
    },
    overrides,
  );
}

/** `credentials_profile_name`: "Credentials Profile Name", secret, advanced, no default. */
export function credentialsProfileNameInput(overrides: AwsSecretInputOverrides = {}): InputSpec<Secret | undefined> {
  return secretInput(
    {
      displayName: 'Credentials Profile Name',
      info: 'The name of the profile to use from your ~/.aws/credentials file. If not provided, the default profile will be used.',
      advanced: true,
      required: false,
      rule: PROFILE_NAME_RULE,
    },
    overrides,
  );
}

/**
 * `api_key`: "Bedrock API Key", secret, advanced, no default. An Amazon Bedrock API key, sent as
 * `Authorization: Bearer …`; when it resolves to a value it is used instead of the access keys and the profile (the
 * SDK's own precedence: a bearer token wins over SigV4 keys). The name follows upstream Langflow's model providers,
 * whose API-key input is `api_key` (the Bedrock provider's variable is `AWS_BEARER_TOKEN_BEDROCK`). No default
 * variable: an `AWS_BEARER_TOKEN_BEDROCK` in the environment is used by the default chain only, as the SDK does, and
 * never overrides the keys a node names.
 */
export function bedrockApiKeyInput(overrides: AwsSecretInputOverrides = {}): InputSpec<Secret | undefined> {
  return secretInput(
    {
      displayName: 'Bedrock API Key',
      info:
        'An Amazon Bedrock API key (sent as a bearer token). When set, it is used instead of the access keys and the ' +
        'profile. Leave empty to use them, or the default credential chain (which reads AWS_BEARER_TOKEN_BEDROCK).',
      advanced: true,
      required: false,
      rule: BEDROCK_API_KEY_RULE,
    },
    overrides,
  );
}

/** Options of {@link awsCredentialInputs}: overrides per input. */
export interface AwsCredentialInputsOptions {
  accessKeyId?: AwsSecretInputOverrides;
  secretAccessKey?: AwsSecretInputOverrides;
  sessionToken?: AwsSecretInputOverrides;
  credentialsProfileName?: AwsSecretInputOverrides;
  apiKey?: AwsSecretInputOverrides;
}

/**
 * The credential inputs: Langflow's four in Langflow's order (`aws_access_key_id`, `aws_secret_access_key`,
 * `aws_session_token`, `credentials_profile_name`), then `api_key` (a Bedrock API key, advanced). Spread into a
 * definition's inputs.
 */
export function awsCredentialInputs(options: AwsCredentialInputsOptions = {}) {
  return {
    aws_access_key_id: awsAccessKeyIdInput(options.accessKeyId),
    aws_secret_access_key: awsSecretAccessKeyInput(options.secretAccessKey),
    aws_session_token: awsSessionTokenInput(options.sessionToken),
    credentials_profile_name: credentialsProfileNameInput(options.credentialsProfileName),
    api_key: bedrockApiKeyInput(options.apiKey),
  };
}

/**
 * `region_name`: "Region Name", combobox of the 34 {@link AWS_REGIONS}, default `us-east-1`. Typed regions must match
 * {@link AWS_REGION_PATTERN}; an unknown string is a validation error.
 */
export function regionNameInput(overrides: AwsInputOverrides & { default?: string } = {}): InputSpec<string | undefined> {
  const { default: defaultRegion, ...ui } = overrides;
  return dropdownInput({
    displayName: 'Region Name',
    info: 'The AWS region where your Bedrock resources are located.',
    ...ui,
    options: AWS_REGIONS,
    default: defaultRegion ?? DEFAULT_AWS_REGION,
    typedValue: z.string().regex(AWS_REGION_PATTERN, 'Invalid region: does not look like an AWS region'),
    allowed: `one of the listed AWS regions or a region name matching ${AWS_REGION_PATTERN.source} (e.g. us-east-1)`,
  });
}

/** Options of {@link modelIdInput}. */
export interface ModelIdInputOptions extends AwsInputOverrides {
  /** Listed ids. Default {@link AWS_MODEL_IDS}. */
  options?: readonly string[];
  /** Default id. Default `anthropic.claude-3-5-sonnet-20241022-v2:0`. */
  default?: string;
}

const MODEL_ID_ALLOWED =
  'one of the listed model ids, a cross-region inference profile id (e.g. us.anthropic.claude-3-5-haiku-20241022-v1:0), a custom model id or an ARN (letters, digits and . _ : / -)';

/**
 * `model_id`: "Model ID", combobox of {@link AWS_MODEL_IDS} (override `options`/`default` for the other lists), that
 * also accepts typed inference-profile ids, custom ids and ARNs matching {@link MODEL_ID_PATTERN}. Left out it is the
 * default; an empty, blank or `null` id is an error, never silently the default model.
 */
export function modelIdInput(options: ModelIdInputOptions = {}): InputSpec<string | undefined> {
  const { options: listed, default: defaultId, ...ui } = options;
  const dropdown = dropdownInput({
    displayName: 'Model ID',
    info: 'List of available model IDs to choose from.',
    ...ui,
    options: listed ?? AWS_MODEL_IDS,
    default: defaultId ?? 'anthropic.claude-3-5-sonnet-20241022-v2:0',
    typedValue: z.string().regex(MODEL_ID_PATTERN, 'Invalid model id'),
    allowed: MODEL_ID_ALLOWED,
  });
  return createInputSpec<string | undefined>({
    kind: dropdown.kind,
    ui: dropdown.ui,
    defaultValue: dropdown.defaultValue,
    schema: dropdown.schema,
    allowed: dropdown.allowed,
    // Upstream passes an empty or null id to the client, which refuses it: say so before any call.
    normalize: (raw) => (raw === null || (typeof raw === 'string' && raw.trim() === '') ? new InputProblem('is empty: a model id is needed') : raw),
  });
}

/** `model_id` for embeddings: "Model Id", combobox of {@link AWS_EMBEDDING_MODEL_IDS}, default `amazon.titan-embed-text-v1`. */
export function embeddingModelIdInput(options: ModelIdInputOptions = {}): InputSpec<string | undefined> {
  return modelIdInput({
    displayName: 'Model Id',
    info: 'The ID of the model to call, such as amazon.titan-embed-text-v1.',
    options: AWS_EMBEDDING_MODEL_IDS,
    default: 'amazon.titan-embed-text-v1',
    ...options,
  });
}

/**
 * `endpoint_url`: "Endpoint URL", text, advanced. Must be an http(s) URL with a host and no credentials, query or
 * fragment; empty means the regional AWS endpoint.
 */
export function endpointUrlInput(overrides: AwsInputOverrides = {}): InputSpec<string | undefined> {
  const base = messageTextInput({
    displayName: 'Endpoint URL',
    info: 'The URL of the Bedrock endpoint to use.',
    advanced: true,
    ...overrides,
  });
  const spec = createInputSpec<string | undefined>({
    kind: base.kind,
    ui: base.ui,
    schema: z.string().url(),
    allowed: ENDPOINT_URL_ALLOWED,
    normalize: (raw) => {
      if (raw === null) return UNSET;
      if (typeof raw !== 'string') return new InputProblem('is not a string');
      const trimmed = raw.trim();
      if (trimmed === '') return UNSET;
      const problem = findEndpointUrlProblem(trimmed);
      return problem ? new InputProblem(problem) : trimmed;
    },
  });
  return { ...spec, describeReceived: describeEndpointUrl };
}
