/**
 * Input names Langflow saved for the Bedrock components before their current names, old -> current. Found in the
 * history of upstream's `AmazonBedrockModel` and `AmazonBedrockEmbeddings` (Langflow 1.0.x saved `aws_access_key` and
 * `aws_secret_key`; 1.1 renamed them to `aws_access_key_id` / `aws_secret_access_key`). Every other field these
 * components ever saved (`model_id`, `credentials_profile_name`, `region_name`, `endpoint_url`, `model_kwargs`,
 * `aws_session_token`, `input_value`, `system_message`, `stream`) kept its name; the 0.6 `cache` toggle was dropped
 * upstream and stays an ignored tweak. Definitions pass this as `legacyFields`.
 */
export const LANGFLOW_LEGACY_AWS_FIELDS: Readonly<Record<string, string>> = Object.freeze({
  aws_access_key: 'aws_access_key_id',
  aws_secret_key: 'aws_secret_access_key',
});
