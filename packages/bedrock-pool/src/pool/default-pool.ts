import { endpointPolicyFromEnv } from '../endpoint-policy/endpoint-policy-from-env';
import { BedrockPool } from './bedrock-pool';

let defaultPool: BedrockPool | undefined;

/**
 * The process-wide pool for hosts with no wiring of their own (default options, and the endpoint policy an operator
 * set in `BEDROCK_FLOW_ALLOWED_ENDPOINTS` etc., see `endpointPolicyFromEnv`). It is destroyed on `beforeExit` — by
 * then nothing is in flight, so that is safe — and never on signals, which the host owns.
 */
export function getDefaultPool(): BedrockPool {
  if (!defaultPool || defaultPool.closed) {
    const pool = new BedrockPool({ endpointPolicy: endpointPolicyFromEnv(process.env) });
    defaultPool = pool;
    process.once('beforeExit', () => {
      if (defaultPool === pool) defaultPool = undefined;
      void pool.destroy();
    });
  }
  return defaultPool;
}
