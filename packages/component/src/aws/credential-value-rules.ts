/**
 * A rule a resolved secret value must meet: `check` says what is wrong (never quoting the value) or `undefined`;
 * `allowed` says what is accepted, for the validation issue.
 */
export interface SecretValueRule {
  /** Why `value` is not acceptable (without the value), or `undefined` when it is. */
  check: (value: string) => string | undefined;
  /** What the input accepts, for error messages. */
  allowed: string;
  /** The accepted value in a few words (`an access key id without whitespace`), for a variable whose value is unusable. */
  valueDescription: string;
}

/**
 * What an AWS-issued access key id looks like (`AKIA…` long-term, `ASIA…` temporary, `ABIA…`/`ACCA…` service and
 * context keys). Other key ids (LocalStack's `test`, MinIO-style or proxy keys) are accepted with a warning.
 */
export const AWS_ACCESS_KEY_ID_SHAPE = /^(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12,}$/;
/** Any printable ASCII without spaces: it goes verbatim into the SigV4 `Credential=` header field. */
const HEADER_TOKEN = /^[\x21-\x7E]+$/;
/** Printable ASCII (space to `~`): what may reach an HTTP header or a profile file lookup. */
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\x00-\x1F\x7F]/;

function printableProblem(value: string): string | undefined {
  if (CONTROL_CHARACTER.test(value)) return 'contains a control character (e.g. a line break)';
  if (!PRINTABLE_ASCII.test(value)) return 'contains a character outside printable ASCII';
  return undefined;
}

function headerTokenProblem(value: string): string | undefined {
  if (CONTROL_CHARACTER.test(value)) return 'contains a control character (e.g. a line break)';
  if (/\s/.test(value)) return 'contains whitespace';
  if (!HEADER_TOKEN.test(value)) return 'contains a character outside printable ASCII';
  return undefined;
}

/**
 * `aws_access_key_id`: any non-empty printable ASCII without whitespace (what SigV4 can carry), as Bedrock and
 * S3-compatible endpoints accept; a value unlike {@link AWS_ACCESS_KEY_ID_SHAPE} only earns a warning at build time.
 */
export const ACCESS_KEY_ID_RULE: SecretValueRule = {
  check: headerTokenProblem,
  allowed: 'an access key id: printable ASCII without whitespace or control characters (AWS keys look like AKIA…), or { variable: NAME } naming one',
  valueDescription: 'an access key id (printable ASCII, no whitespace or line breaks)',
};

/** `api_key` (a Bedrock API key): printable ASCII without whitespace (it goes into `Authorization: Bearer …`). */
export const BEDROCK_API_KEY_RULE: SecretValueRule = {
  check: headerTokenProblem,
  allowed: 'a Bedrock API key (printable ASCII without whitespace or control characters, e.g. ABSK…), or { variable: NAME } naming one',
  valueDescription: 'a Bedrock API key (printable ASCII, no whitespace or line breaks)',
};

/** `aws_secret_access_key`, `aws_session_token`: printable ASCII only (they go into signed headers). */
export const PRINTABLE_SECRET_RULE: SecretValueRule = {
  check: printableProblem,
  allowed: 'a string of printable ASCII characters (no control characters), or { variable: NAME } naming one',
  valueDescription: 'printable ASCII (no line breaks or control characters)',
};

/** `credentials_profile_name`: printable ASCII only. */
export const PROFILE_NAME_RULE: SecretValueRule = {
  check: printableProblem,
  allowed: 'a profile name of printable ASCII characters (no control characters), or { variable: NAME } naming one',
  valueDescription: 'a profile name of the host (printable ASCII, no line breaks)',
};
