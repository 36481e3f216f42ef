/** Default socket limit per endpoint (http1), across the slots that share its transport. */
export const DEFAULT_MAX_SOCKETS = 50;
/** Default connect timeout (TCP + TLS), ms. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/**
 * Default wait for a non-streaming generation (Converse, InvokeModel on a generation model), ms: 15 min. Such a call
 * sends nothing until the whole answer is ready, so silence on its connection lasts as long as the generation; AWS
 * notes that large models can take more than 60 s (the seed's boto3 `read_timeout=60`), and the Bedrock Runtime
 * itself allows up to 60 min. Dead connections are found by TCP keep-alive probes instead (see `keepAliveMsecs`).
 */
export const DEFAULT_GENERATION_TIMEOUT_MS = 15 * 60_000;
/**
 * Default silence bound of a streaming call (ConverseStream, InvokeModelWithResponseStream), ms: the longest wait for
 * the first byte and between two events: 30 s, so a connection that went silent under a stream is found within 30 s. A
 * live stream sends an event per token batch; a prompt whose processing takes longer before the first token needs a
 * longer bound (a node's Timeout).
 */
export const DEFAULT_STREAM_SILENCE_TIMEOUT_MS = 30_000;
/** Default wait for an embedding (InvokeModel on an embedding model), ms: answers take milliseconds to seconds. */
export const DEFAULT_EMBEDDING_TIMEOUT_MS = 30_000;
/** Default wait for every other call (ApplyGuardrail, CountTokens, the warm-up `HEAD /ping`), ms: the seed's 60 s. */
export const DEFAULT_OTHER_TIMEOUT_MS = 60_000;
/** Largest timeout a config or a node may set, ms: 60 min, the Bedrock Runtime's own limit for one inference call. */
export const MAX_TIMEOUT_MS = 60 * 60_000;
/**
 * Default TCP keep-alive initial delay, ms (Node's default). Node (libuv ≥ 1.46) then probes every 1 s and gives up
 * after 10 unanswered probes, so a connection whose path died (a NAT or firewall that dropped it) fails in about
 * 11 s, idle or while a model generates, without limiting how long a live server may think.
 */
export const DEFAULT_KEEP_ALIVE_MSECS = 1_000;
/**
 * Default time an unused pooled socket is kept, ms (http1: the agent's free-socket timeout): 3 min, below the idle
 * timeouts of common NATs and load balancers (Azure 4 min, AWS NAT gateway 350 s) even where keep-alive probes do not
 * count as traffic.
 */
export const DEFAULT_IDLE_SOCKET_TIMEOUT_MS = 3 * 60_000;
/** Default for retrying a generation that may have been processed (sent fully, then timed out or lost): never. */
export const DEFAULT_RETRY_AFTER_WRITE = false;
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
/** Default lead time for refreshing expiring credentials, ms (5 min; capped at half their lifetime). */
export const DEFAULT_CREDENTIAL_REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;
/**
 * Default transport sharing: one transport (keep-alive agent or HTTP/2 handler) per endpoint and transport settings,
 * shared by every slot (credential) that goes there. `'per-slot'` gives each slot its own, as before.
 */
export const DEFAULT_TRANSPORT_SHARING = 'per-endpoint' as const;
