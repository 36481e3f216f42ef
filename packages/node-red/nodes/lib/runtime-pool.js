// @ts-check
'use strict';
/**
 * The one `BedrockPool` of a Node-RED runtime, and the Node-RED lifecycle mapped onto it:
 * - identity = flow tab id (`node.z`) + node id, so a redeploy finds the same lease (same config -> same warm client);
 * - a node closed with `removed === true` releases its lease; a node that moved to another tab releases the old one;
 * - a changed config moves the lease when the node is built again (the pool compares config fingerprints);
 * - Node-RED stopping its flows outside a deploy (runtime stop, "stop flows") closes the pool.
 */
const { ProcessPool, hostPoolOptions } = require('@bedrock-flow/bedrock-pool');

/** @typedef {import('@bedrock-flow/bedrock-pool').NodeIdentity} NodeIdentity */
/** @typedef {ReturnType<ProcessPool['get']>} BedrockPool the pool class as `require` resolves it (CJS types) */
/** @typedef {import('@bedrock-flow/bedrock-pool').BedrockPoolOptions} BedrockPoolOptions */

const state = {
  /** @type {any} the settings of the runtime that asked last (read when a pool is created) */
  settings: undefined,
  /** Event emitters already listened to (the helper and the runtime each hand the same one to every node file). */
  listening: new WeakSet(),
};

/**
 * Pool options from Node-RED's `settings.js`: `bedrockFlow: { pool: { … }, endpointPolicy: { … } }`, e.g.
 * `pool: { releaseGraceMs: 0 }` or `pool: { defaults: { tls: { ca } } }`, and the endpoint policy (which endpoints may
 * receive which credentials: `{ allowedHosts, allowedHttpHosts, allowAnyEndpoint }`). Without `endpointPolicy` in the
 * settings (nor in `pool`), the policy comes from `BEDROCK_FLOW_ALLOWED_ENDPOINTS`, `BEDROCK_FLOW_ALLOWED_HTTP_ENDPOINTS`
 * and `BEDROCK_FLOW_ALLOW_ANY_ENDPOINT` (the host kit's `hostPoolOptions`); with none of them, the pool's default
 * policy applies. Default `{}`.
 * @param {any} settings
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {BedrockPoolOptions}
 */
function poolOptionsFrom(settings, env = process.env) {
  let configured;
  let endpointPolicy;
  try {
    const bedrockFlow = settings && settings.bedrockFlow;
    configured = bedrockFlow && bedrockFlow.pool;
    endpointPolicy = bedrockFlow && bedrockFlow.endpointPolicy;
  } catch {
    configured = undefined; // Node-RED's settings throw on unknown keys in some versions
  }
  return hostPoolOptions({ configured, endpointPolicy, env });
}

/** The runtime's one pool and its lifecycle (the host kit's `ProcessPool`). */
const processPool = new ProcessPool(() => poolOptionsFrom(state.settings));

/**
 * Closes the pool when Node-RED stops its flows for any reason but a deploy (a deploy restarts them).
 * @param {any} event
 */
function onRuntimeEvent(event) {
  const payload = event && event.id === 'runtime-state' ? event.payload : undefined;
  if (payload && payload.state === 'stop' && !payload.deploy && !payload.error) void shutDownRuntimePool();
}

/**
 * The runtime's pool (created on first use with the options of `RED.settings.bedrockFlow`, see {@link poolOptionsFrom},
 * and again after a stop). Also subscribes to the runtime's stop event, once per runtime.
 * @param {any} RED
 * @returns {BedrockPool}
 */
function runtimePool(RED) {
  if (RED.events && !state.listening.has(RED.events)) {
    state.listening.add(RED.events);
    RED.events.on('runtime-event', onRuntimeEvent);
  }
  state.settings = RED.settings;
  return processPool.get();
}

/**
 * A node was built under `identity` (its new lease, if any, is taken): if the same node id last leased under another
 * tab, that lease goes. Called after the new acquire, so a slot shared by both leases stays warm.
 * @param {NodeIdentity} identity
 */
function nodeBuilt(identity) {
  processPool.nodeBuilt(identity);
}

/**
 * A node's `close` handler ran: a removed node releases its lease; a redeployed one keeps it for its successor.
 * @param {NodeIdentity} identity
 * @param {boolean} removed
 */
function nodeClosed(identity, removed) {
  processPool.nodeClosed(identity, removed);
}

/**
 * Closes the current pool (in-flight requests finish, bounded by its drain timeout) and forgets it; the next node
 * built gets a fresh pool. Resolves when every slot is destroyed. Idempotent.
 * @returns {Promise<void>}
 */
function shutDownRuntimePool() {
  return processPool.close();
}

/**
 * The live pool, if any (for metrics and tests); does not create one.
 * @returns {BedrockPool | undefined}
 */
function currentRuntimePool() {
  return processPool.current();
}

module.exports = { runtimePool, nodeBuilt, nodeClosed, shutDownRuntimePool, currentRuntimePool, poolOptionsFrom };
