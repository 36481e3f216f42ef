import { redactSecrets } from './redact-secrets';

/** The most characters of a service's (or a stream's) own error message that an error keeps: 2,000. Bedrock's are far shorter. */
export const MAX_SERVICE_MESSAGE_CHARS = 2_000;

/**
 * A message that came from the other end (an AWS error, an in-stream exception, a network error) as an error may show
 * it: cut at {@link MAX_SERVICE_MESSAGE_CHARS}, then secret-shaped text redacted. The endpoint wrote it, so it may
 * echo the request's session token back, or be megabytes long, which would then fill logs and a host's debug view.
 */
export function serviceMessage(message: string): string {
  const cut = message.length > MAX_SERVICE_MESSAGE_CHARS ? `${message.slice(0, MAX_SERVICE_MESSAGE_CHARS)}… (${message.length - MAX_SERVICE_MESSAGE_CHARS} more characters)` : message;
  return redactSecrets(cut);
}
