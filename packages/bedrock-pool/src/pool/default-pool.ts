import { BedrockPool } from './bedrock-pool';

let defaultPool: BedrockPool | undefined;

/**
 * The process-wide pool for hosts with no wiring of their own (default options). It is destroyed on
 * `beforeExit` — by then nothing is in flight, so that is safe — and never on signals, which the host owns.
 */
export function getDefaultPool(): BedrockPool {
  if (!defaultPool || defaultPool.closed) {
    const pool = new BedrockPool();
    defaultPool = pool;
    process.once('beforeExit', () => {
      if (defaultPool === pool) defaultPool = undefined;
      void pool.destroy();
    });
  }
  return defaultPool;
}
