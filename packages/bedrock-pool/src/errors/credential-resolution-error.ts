import { BedrockPoolError } from './bedrock-pool-error';
import { redactSecrets } from './redact-secrets';

/** Credentials could not be resolved for a source; `source` names it (kind + profile or access key id), never a secret. */
export class CredentialResolutionError extends BedrockPoolError {
  /** Safe description of the credential source, e.g. `profile "dev"` or `static AKIA…`. */
  readonly source: string;

  constructor(source: string, cause: unknown) {
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super('ERR_BEDROCK_POOL_CREDENTIALS', `Could not resolve AWS credentials from ${source}: ${redactSecrets(reason)}`, {
      cause: cause instanceof Error ? Object.assign(new Error(redactSecrets(cause.message)), { name: cause.name }) : undefined,
    });
    this.source = source;
  }
}
