import { BedrockPoolError } from './bedrock-pool-error';

/** A `ClientConfig` or `BedrockPoolOptions` field is invalid; thrown by `acquire` before any network call. */
export class ConfigValidationError extends BedrockPoolError {
  /** Dotted path of the offending field, e.g. `http.maxSockets`. */
  declare readonly field: string;
  /** What the field accepts. */
  readonly allowed: string;

  constructor(field: string, problem: string, allowed: string) {
    super('ERR_BEDROCK_POOL_INVALID_CONFIG', `Invalid bedrock-pool config field "${field}": ${problem}. Allowed: ${allowed}.`, { field });
    this.allowed = allowed;
  }
}
