import { hostPoolOptions } from '../host/host-pool-options';
import { ProcessPool } from '../host/process-pool';
import type { BedrockPool } from './bedrock-pool';

/** Default options, and the endpoint policy an operator set in `BEDROCK_FLOW_ALLOWED_ENDPOINTS` etc., read at creation. */
const defaultPool = new ProcessPool(() => hostPoolOptions());

/**
 * The process-wide pool for hosts with no wiring of their own (default options, and the endpoint policy an operator
 * set in `BEDROCK_FLOW_ALLOWED_ENDPOINTS` etc., see `endpointPolicyFromEnv`). It is destroyed on `beforeExit` — by
 * then nothing is in flight, so that is safe — and never on signals, which the host owns.
 */
export function getDefaultPool(): BedrockPool {
  return defaultPool.get();
}
