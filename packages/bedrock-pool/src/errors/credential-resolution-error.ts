import { BedrockPoolError } from './bedrock-pool-error';
import { redactSecrets } from './redact-secrets';

/**
 * Credentials could not be resolved for a source; `source` names it (kind, plus a profile name or access key id only
 * when typed into the node), never a secret and never a value read from a host variable or the environment.
 */
export class CredentialResolutionError extends BedrockPoolError {
  /** Safe description of the credential source, e.g. `profile "dev"` or `a profile named by a host variable (name not shown)`. */
  readonly source: string;

  /**
   * @param source the safe label of the source.
   * @param cause the SDK's error; its message is kept with `hidden` values (a profile name or key id read from a host
   *   variable: the SDK quotes them, e.g. `Could not resolve credentials using profile: [<name>]`) and secret-shaped
   *   text replaced.
   */
  constructor(source: string, cause: unknown, hidden: readonly string[] = []) {
    const scrub = (text: string) => redactSecrets(hideValues(text, hidden));
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super('ERR_BEDROCK_POOL_CREDENTIALS', `Could not resolve AWS credentials from ${source}: ${scrub(reason)}`, {
      cause: cause instanceof Error ? Object.assign(new Error(scrub(cause.message)), { name: cause.name }) : undefined,
    });
    this.source = source;
  }
}

function hideValues(text: string, hidden: readonly string[]): string {
  let result = text;
  // Longest first, so a value that contains another is removed whole.
  for (const value of [...hidden].sort((a, b) => b.length - a.length)) {
    if (value !== '') result = result.split(value).join('[hidden]');
  }
  return result;
}
