/** Default socket limit per endpoint (http1), across the slots that share its transport. */
export const DEFAULT_MAX_SOCKETS = 50;
/** Default connect timeout (TCP + TLS), ms. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Default read timeout, ms. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
/** Default TCP keep-alive initial delay, ms (Node's default). */
export const DEFAULT_KEEP_ALIVE_MSECS = 1_000;
/** Default retry mode. */
export const DEFAULT_RETRY_MODE = 'adaptive' as const;
/** Default attempts per operation, first included. */
export const DEFAULT_MAX_ATTEMPTS = 3;
/** Default transport: HTTP/1.1 keep-alive (event streams over the SDK's h2 handler open an isolated session each). */
export const DEFAULT_TRANSPORT = 'http1' as const;
/** Default time an unused slot with leases lives before eviction, ms (15 min). */
export const DEFAULT_IDLE_TTL_MS = 15 * 60_000;
/**
 * Default bound on live slots. A slot holds no sockets of its own (they are the endpoint's), so the bound is set by
 * memory: measured with `scripts/measure-slot-memory.ts` (Node 20, SDK 3.1164), a slot with its own credentials
 * takes about 21 KiB acquired and 31–35 KiB after a call (heap + ArrayBuffers, 1,000 and 10,000 slots), so 1,000
 * slots — a thousand tenants' credentials kept warm — cost about 35 MiB. (It was 64 when each slot had its sockets.)
 */
export const DEFAULT_MAX_SLOTS = 1_000;
/** Default grace before a slot whose last lease went is drained, ms. */
export const DEFAULT_RELEASE_GRACE_MS = 5_000;
/** Default bound on waiting for in-flight work when draining a slot, ms. */
export const DEFAULT_DRAIN_TIMEOUT_MS = 30_000;
/** Default connections opened by `warm()`. */
export const DEFAULT_WARM_CONNECTIONS = 1;
/**
 * Default transport sharing: one transport (keep-alive agent or HTTP/2 handler) per endpoint and transport settings,
 * shared by every slot (credential) that goes there. `'per-slot'` gives each slot its own, as before.
 */
export const DEFAULT_TRANSPORT_SHARING = 'per-endpoint' as const;
