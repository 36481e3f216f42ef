// @ts-check
'use strict';
/**
 * The shared runtime of the three component nodes. At deploy a node validates its settings, leases its client from
 * the runtime pool and opens a connection (status connecting -> ready). Each message builds the component again
 * (cheap: same identity + same config = same warm client) and runs it; errors go to `done(err)`, which Node-RED
 * hands to `node.error(err, msg)`, so Catch nodes see them. `close` releases the lease only when the node was removed.
 */
const { createComponent } = require('@bedrock-flow/component');
const { componentRegistry, manifestComponent } = require('./component-registry');
const { nodeInputValues } = require('./node-input-values');
const { poolMetricsForMsg } = require('./pool-metrics-for-msg');
const { runtimePool, nodeBuilt, nodeClosed } = require('./runtime-pool');

/** Longest status text shown under a node (Node-RED truncates visually anyway). */
const STATUS_TEXT_MAX = 60;

/**
 * What a node's `run` returns: the new `msg.payload`, optional token usage and extra details for `msg.bedrock`.
 * @typedef {{ payload: unknown, usage?: unknown, details?: Record<string, unknown> }} RunResult
 * @typedef {(instance: any, payload: unknown) => Promise<RunResult>} RunComponent
 */

/**
 * @param {unknown} error
 * @returns {string}
 */
function shortMessage(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > STATUS_TEXT_MAX ? `${text.slice(0, STATUS_TEXT_MAX - 1)}…` : text;
}

/**
 * Registers the Node-RED type `spec.type`, running the component `spec.component` with `run` on each message.
 * @param {any} RED the Node-RED API handed to the node module
 * @param {import('./node-catalog').ComponentNodeSpec} spec
 * @param {RunComponent} run
 */
function defineComponentNode(RED, spec, run) {
  const registered = componentRegistry.get(spec.component);
  if (!registered) throw new RangeError(`No component "${spec.component}" registered`);
  const definition = registered;
  const manifest = manifestComponent(spec.component);

  /**
   * @this {any} the Node-RED node being constructed
   * @param {Record<string, any>} config
   */
  function BedrockComponentNode(config) {
    RED.nodes.createNode(this, config);
    /** @type {any} */
    const node = this;
    const identity = { graphId: node.z || 'global', nodeId: node.id };
    const connection = config.aws ? RED.nodes.getNode(config.aws) : null;
    const pool = runtimePool(RED);

    /** @type {import('@bedrock-flow/bedrock-pool').ClientLease | undefined} */
    let lease;
    const tls = connection && typeof connection.tlsConfig === 'function' ? connection.tlsConfig() : undefined;
    // The pool as the component sees it: adds the config node's TLS trust and remembers the lease for warm-up and metrics.
    const nodePool = {
      /** @type {import('@bedrock-flow/component').ComponentPool['acquire']} */
      acquire(leaseIdentity, clientConfig) {
        lease = pool.acquire(leaseIdentity, tls ? { ...clientConfig, tls: { ...clientConfig.tls, ...tls } } : clientConfig);
        return lease;
      },
    };
    // Message files given as paths are read only inside the directories the operator lists in settings.js
    // (`bedrockFlow: { fileRoots: ['/data/uploads'] }`); none listed: every path is refused.
    const settings = /** @type {any} */ (RED.settings);
    const fileRoots = settings && settings.bedrockFlow && Array.isArray(settings.bedrockFlow.fileRoots) ? settings.bedrockFlow.fileRoots : undefined;
    const ctx = { graphId: identity.graphId, nodeId: identity.nodeId, pool: nodePool, ...(fileRoots ? { fileRoots } : {}) };

    /**
     * @param {unknown} payload
     * @param {unknown} [files] `msg.files` (chat nodes): Buffers, data URLs or `{ name?, mime_type, data }`
     */
    function rawValues(payload, files) {
      // A chat node's files travel with the text as one Langflow-style message (`{ text, files }`).
      const message = spec.payloadInput === 'input_value' && Array.isArray(files) && files.length > 0 ? { text: payload == null ? '' : String(payload), files } : payload;
      return {
        ...nodeInputValues(manifest, spec, config),
        ...(connection && typeof connection.connectionValues === 'function' ? connection.connectionValues() : {}),
        ...(spec.payloadInput ? { [spec.payloadInput]: message } : {}),
      };
    }

    function connect() {
      node.status({ fill: 'yellow', shape: 'ring', text: 'connecting' });
      try {
        /** @type {any} */
        const instance = createComponent(definition, ctx, rawValues(undefined));
        instance[spec.buildMethod]();
      } catch (error) {
        // A bad setting: the old lease (if any) must not linger behind a node that cannot use it.
        pool.release(identity);
        node.status({ fill: 'red', shape: 'ring', text: shortMessage(error) });
        node.error(error);
        return;
      }
      const leased = lease;
      if (!leased) return;
      pool.warm(leased).then(
        () => {
          if (!closed) node.status({ fill: 'green', shape: 'dot', text: 'ready' });
        },
        (/** @type {unknown} */ error) => {
          if (closed) return;
          node.status({ fill: 'red', shape: 'ring', text: shortMessage(error) });
          node.warn(`Could not open a connection yet: ${shortMessage(error)}`);
        },
      );
    }

    let closed = false;
    connect();
    // After the new lease exists, so a node moved between tabs hands its warm slot over instead of closing it.
    nodeBuilt(identity);

    node.on('input', async (/** @type {any} */ msg, /** @type {Function} */ send, /** @type {Function} */ done) => {
      node.status({ fill: 'blue', shape: 'dot', text: 'requesting' });
      try {
        const instance = createComponent(definition, ctx, rawValues(msg.payload, msg.files));
        const result = await run(instance, msg.payload);
        msg.payload = result.payload;
        if (result.usage !== undefined) msg.usage = result.usage;
        msg.bedrock = { component: spec.component, ...result.details };
        msg.poolMetrics = poolMetricsForMsg(pool, lease);
        if (!closed) node.status({ fill: 'green', shape: 'dot', text: 'ready' });
        send(msg);
        done();
      } catch (error) {
        if (!closed) node.status({ fill: 'red', shape: 'ring', text: shortMessage(error) });
        done(error);
      }
    });

    node.on('close', (/** @type {boolean} */ removed, /** @type {() => void} */ done) => {
      closed = true;
      nodeClosed(identity, removed === true);
      done();
    });
  }

  RED.nodes.registerType(spec.type, BedrockComponentNode);
}

module.exports = { defineComponentNode };
