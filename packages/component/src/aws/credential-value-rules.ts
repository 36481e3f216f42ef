/**
 * A rule a resolved secret value must meet: `check` says what is wrong (never quoting the value) or `undefined`;
 * `allowed` says what is accepted, for the validation issue.
 */
export interface SecretValueRule {
  /** Why `value` is not acceptable (without the value), or `undefined` when it is. */
  check: (value: string) => string | undefined;
  /** What the input accepts, for error messages. */
  allowed: string;
}

/** AWS access key ids: 16 to 128 uppercase letters and digits (`AKIA…`, `ASIA…`). */
export const ACCESS_KEY_ID_PATTERN = /^[A-Z0-9]{16,128}$/;
/** Printable ASCII (space to `~`): what may reach an HTTP header or a profile file lookup. */
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\x00-\x1F\x7F]/;

function printableProblem(value: string): string | undefined {
  if (CONTROL_CHARACTER.test(value)) return 'contains a control character (e.g. a line break)';
  if (!PRINTABLE_ASCII.test(value)) return 'contains a character outside printable ASCII';
  return undefined;
}

/** `aws_access_key_id`: matches {@link ACCESS_KEY_ID_PATTERN}. */
export const ACCESS_KEY_ID_RULE: SecretValueRule = {
  check: (value) => printableProblem(value) ?? (ACCESS_KEY_ID_PATTERN.test(value) ? undefined : 'is not an AWS access key id'),
  allowed: 'an AWS access key id (16 to 128 uppercase letters and digits, e.g. AKIA…), or { variable: NAME } naming one',
};

/** `aws_secret_access_key`, `aws_session_token`: printable ASCII only (they go into signed headers). */
export const PRINTABLE_SECRET_RULE: SecretValueRule = {
  check: printableProblem,
  allowed: 'a string of printable ASCII characters (no control characters), or { variable: NAME } naming one',
};

/** `credentials_profile_name`: printable ASCII only. */
export const PROFILE_NAME_RULE: SecretValueRule = {
  check: printableProblem,
  allowed: 'a profile name of printable ASCII characters (no control characters), or { variable: NAME } naming one',
};
