// Secret access keys are 40 base64 characters and session tokens longer; key ids (20 upper-case chars) stay readable.
const SECRET_LIKE = /[A-Za-z0-9/+=]{40,}/g;
// Bedrock API keys: long-term keys start `ABSK`, short-term ones `bedrock-api-key-` (a presigned URL, base64); both
// are shorter than a session token can be, so they get their own shapes. Any `Bearer <credential>` goes too.
const BEDROCK_API_KEY_LIKE = /\bABSK[A-Za-z0-9/+=]{8,}|\bbedrock-api-key-[A-Za-z0-9/+=%._~-]+/g;
const BEARER_CREDENTIAL = /\b(Bearer\s+)[^\s"',;]+/gi;

/** Replaces anything shaped like a secret access key, a session token or a Bedrock API key with `[redacted]`. */
export function redactSecrets(text: string): string {
  return text.replace(BEARER_CREDENTIAL, '$1[redacted]').replace(BEDROCK_API_KEY_LIKE, '[redacted]').replace(SECRET_LIKE, '[redacted]');
}
