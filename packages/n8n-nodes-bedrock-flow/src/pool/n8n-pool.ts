import { hostPoolOptions, ProcessPool, type BedrockPool, type BedrockPoolOptions } from '@bedrock-flow/bedrock-pool';

/** Environment variable: idle TTL of a pooled client in ms (default the pool's, 15 min; `0` keeps clients forever). */
export const IDLE_TTL_ENV = 'BEDROCK_FLOW_N8N_IDLE_TTL_MS';

let configured: BedrockPoolOptions = {};

/**
 * Options merged over the environment's for the pool created next (e.g. `{ defaults: { tls: { ca } } }` when n8n is
 * embedded, or in tests). Takes effect when no pool is live; default none.
 */
export function configureN8nPool(options: BedrockPoolOptions): void {
  configured = { ...options };
}

/**
 * Pool options from the n8n process environment (the host kit's `hostPoolOptions`): `BEDROCK_FLOW_N8N_IDLE_TTL_MS`
 * sets how long the client of a deactivated (or deleted) workflow's node stays warm before it is closed. n8n has no
 * hook that tells a node its workflow was deactivated, so the idle TTL is what cleans up. The operator's endpoint
 * policy comes from `BEDROCK_FLOW_ALLOWED_ENDPOINTS`, `BEDROCK_FLOW_ALLOWED_HTTP_ENDPOINTS` and
 * `BEDROCK_FLOW_ALLOW_ANY_ENDPOINT` (see the pool README). Anything unset keeps the pool's default.
 */
export function n8nPoolOptions(env: Readonly<Record<string, string | undefined>> = process.env): BedrockPoolOptions {
  return hostPoolOptions({ env, idleTtlEnv: IDLE_TTL_ENV });
}

/**
 * The one pool of this n8n process, shared by every bedrock-flow node of every workflow, created on first use.
 * Every execution of an active workflow leases through it, so a node keeps one warm client across executions.
 * Destroyed on `beforeExit`; signals stay n8n's own (its shutdown handler owns them).
 */
const processPool = new ProcessPool(() => hostPoolOptions({ configured, idleTtlEnv: IDLE_TTL_ENV }));

/** The one `BedrockPool` of this n8n process (see `processPool` above), created on first use. */
export function n8nPool(): BedrockPool {
  return processPool.get();
}

/** The live pool, if one was created (metrics, tests); never creates one. */
export function currentN8nPool(): BedrockPool | undefined {
  return processPool.current();
}

/** Closes the pool (in-flight calls finish, bounded by its drain timeout) and forgets it. Idempotent. */
export function closeN8nPool(): Promise<void> {
  return processPool.close();
}
