import { BedrockPoolError } from './bedrock-pool-error';
import { redactSecrets } from './redact-secrets';

/** Warm-up could not open a connection to the endpoint (credentials resolved or not). */
export class WarmUpError extends BedrockPoolError {
  /** Slot that failed to warm. */
  readonly slotId: string;

  constructor(slotId: string, cause: unknown) {
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super('ERR_BEDROCK_POOL_WARM_UP', `Warm-up of slot ${slotId} failed: ${redactSecrets(reason)}`);
    this.slotId = slotId;
  }
}
