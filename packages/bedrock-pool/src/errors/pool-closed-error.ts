import { BedrockPoolError } from './bedrock-pool-error';

/** The pool was closed or destroyed; it hands out no more leases. */
export class PoolClosedError extends BedrockPoolError {
  constructor(operation: string) {
    super('ERR_BEDROCK_POOL_CLOSED', `BedrockPool.${operation}() called after close()/destroy(); create a new BedrockPool.`);
  }
}
