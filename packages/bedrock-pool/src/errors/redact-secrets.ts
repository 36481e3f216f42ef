// Secret access keys are 40 base64 characters and session tokens longer; key ids (20 upper-case chars) stay readable.
const SECRET_LIKE = /[A-Za-z0-9/+=]{40,}/g;

/** Replaces anything shaped like a secret access key or session token with `[redacted]`. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_LIKE, '[redacted]');
}
