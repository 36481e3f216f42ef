import { BedrockPoolError } from './bedrock-pool-error';
import { redactSecrets } from './redact-secrets';

/** Options of {@link CredentialResolutionError}. */
export interface CredentialResolutionErrorOptions {
  /**
   * Show no SDK reason and keep no cause (default `false`): for a profile whose name came from a host variable, where
   * "no such profile" versus the profile's own failure would tell whether the variable's value names a profile.
   */
  withholdReason?: boolean;
}

/** Shown instead of the SDK's reason when it is withheld. */
const WITHHELD_REASON =
  'the profile is missing from the host\'s AWS config and credentials files or gives no usable credentials ' +
  '(which of the two is not shown: it would describe the variable\'s value); check the variable, and the profile it names on the host';

/** Shown instead of a failed `credential_process`'s command line and output (the SDK quotes both). */
const COMMAND_FAILED = 'the profile\'s credential_process command failed (its command line and output are not shown: they are the host\'s)';

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
   *   text replaced, and a failed `credential_process`'s command line and output (`Command failed: <command>\n<stderr>`)
   *   replaced by one sentence; with `withholdReason` it is not kept at all.
   */
  constructor(source: string, cause: unknown, hidden: readonly string[] = [], options: CredentialResolutionErrorOptions = {}) {
    const scrub = (text: string) => redactSecrets(hideValues(hideCommand(text), hidden));
    const reason = options.withholdReason ? WITHHELD_REASON : cause instanceof Error ? `${cause.name}: ${scrub(cause.message)}` : scrub(String(cause));
    super('ERR_BEDROCK_POOL_CREDENTIALS', `Could not resolve AWS credentials from ${source}: ${reason}`, {
      cause: !options.withholdReason && cause instanceof Error ? Object.assign(new Error(scrub(cause.message)), { name: cause.name }) : undefined,
    });
    this.source = source;
  }
}

function hideCommand(text: string): string {
  // Node's exec error: "Command failed: <command line>\n<stderr>"; everything after it is the host's process talking.
  const at = text.indexOf('Command failed:');
  return at === -1 ? text : `${text.slice(0, at)}${COMMAND_FAILED}`;
}

function hideValues(text: string, hidden: readonly string[]): string {
  let result = text;
  // Longest first, so a value that contains another is removed whole.
  for (const value of [...hidden].sort((a, b) => b.length - a.length)) {
    if (value !== '') result = result.split(value).join('[hidden]');
  }
  return result;
}
