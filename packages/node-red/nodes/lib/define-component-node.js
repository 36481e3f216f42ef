// @ts-check
'use strict';
/**
 * The shared runtime of the three component nodes. At deploy a node validates its settings, leases its client from
 * the runtime pool and opens a connection (status connecting -> ready). Each message builds the component again
 * (cheap: same identity + same config = same warm client) and runs it; errors go to `done(err)`, which Node-RED
 * hands to `node.error(err, msg)`, so Catch nodes see them. `close` releases the lease only when the node was removed.
 */
const { hostNodeIdentity } = require('@bedrock-flow/bedrock-pool');
const { createComponent } = require('@bedrock-flow/component');
const { componentRegistry, manifestComponent } = require('./component-registry');
const { nodeInputValues } = require('./node-input-values');
const { nodeOutputOf } = require('./node-output');
const { poolMetricsForMsg } = require('./pool-metrics-for-msg');
const { runtimePool, nodeBuilt, nodeClosed } = require('./runtime-pool');

/** Longest status text shown under a node (Node-RED truncates visually anyway). */
const STATUS_TEXT_MAX = 60;

/**
 * What a node's `run` returns: the new `msg.payload`, optional token usage and extra details for `msg.bedrock`.
 * `run` gets the component instance, `msg.payload`, and the message with the output the node sends (see
 * `nodeOutputOf`; `undefined` for a node with one output).
 * @typedef {{ payload: unknown, usage?: unknown, details?: Record<string, unknown> }} RunResult
 * @typedef {(instance: any, payload: unknown, context: { msg: Record<string, unknown>, output: string | undefined }) => Promise<RunResult>} RunComponent
 */

/**
 * @param {unknown} error
 * @returns {string}
 */
function shortMessage(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > STATUS_TEXT_MAX ? `${text.slice(0, STATUS_TEXT_MAX - 1)}…` : text;
}

/** The Node-RED setting that allows an endpoint, named in the status and the error of a refused node. */
const ENDPOINT_SETTING = 'settings.js bedrockFlow.endpointPolicy.allowedHosts';

/**
 * The pool's endpoint refusal in `error`'s cause chain, if any.
 * @param {unknown} error
 * @returns {{ host: string, endpoint: string, message: string } | undefined}
 */
function endpointRefusalIn(error) {
  for (let e = /** @type {any} */ (error), depth = 0; e && depth < 8; e = e.cause, depth += 1) {
    if (e.code === 'ERR_BEDROCK_POOL_ENDPOINT_NOT_ALLOWED') return e;
  }
  return undefined;
}

/**
 * `error`, or for an endpoint refusal an error that also says which Node-RED setting allows the endpoint (the pool's
 * message names its own option and environment variable, which a Node-RED operator sets in settings.js).
 * @param {unknown} error
 * @returns {unknown}
 */
function withSettingHint(error) {
  const refusal = endpointRefusalIn(error);
  if (!refusal || !(error instanceof Error)) return error;
  const port = new URL(refusal.endpoint).port;
  const hostPort = `${refusal.host.includes(':') ? `[${refusal.host}]` : refusal.host}${port ? `:${port}` : ''}`;
  const hinted = new Error(
    `${error.message} In Node-RED, credentials stored in a ${'bedrock-aws-config'} node are the host's: the operator allows ` +
      `this endpoint in ${ENDPOINT_SETTING}: ["${hostPort}"] (bedrockFlow: { endpointPolicy: { allowedHosts: ["${hostPort}"] } }).`,
    { cause: error },
  );
  hinted.name = error.name;
  /** @type {any} */ (hinted).code = /** @type {any} */ (error).code ?? 'ERR_BEDROCK_POOL_ENDPOINT_NOT_ALLOWED';
  return hinted;
}

/**
 * Status text of a failed node: an endpoint refusal names the setting that allows it.
 * @param {unknown} error
 * @returns {string}
 */
function statusText(error) {
  return endpointRefusalIn(error) ? 'endpoint not allowed: see bedrockFlow.endpointPolicy' : shortMessage(error);
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
    const identity = hostNodeIdentity(node.z, node.id, 'global');
    const connection = config.aws ? RED.nodes.getNode(config.aws) : null;
    const pool = runtimePool(RED);

    /** @type {import('@bedrock-flow/bedrock-pool').ClientLease | undefined} */
    let lease;
    const tls = connection && typeof connection.tlsConfig === 'function' ? connection.tlsConfig() : undefined;
    // The pool as the component sees it: adds the config node's TLS trust and remembers the lease for warm-up and metrics.
    const nodePool = {
      /**
       * The component's `acquire`, with the pool's optional third argument (`{ service }`: the Knowledge Base node leases a
       * bedrock-agent-runtime client) passed on.
       * @param {import('@bedrock-flow/component').NodeIdentity} leaseIdentity
       * @param {import('@bedrock-flow/bedrock-pool').ClientConfig} clientConfig
       * @param {any} [options]
       */
      acquire(leaseIdentity, clientConfig, options) {
        const config = tls ? { ...clientConfig, tls: { ...clientConfig.tls, ...tls } } : clientConfig;
        lease = options === undefined ? pool.acquire(leaseIdentity, config) : pool.acquire(leaseIdentity, config, options);
        return /** @type {any} */ (lease);
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

    // The output the node sends, resolved once; a bad value fails the deploy and every message (never another output).
    /** @type {{ output: string | undefined } | { error: unknown }} */
    let chosenOutput;
    try {
      chosenOutput = { output: nodeOutputOf(spec, config) };
    } catch (error) {
      chosenOutput = { error };
    }

    function connect() {
      node.status({ fill: 'yellow', shape: 'ring', text: 'connecting' });
      try {
        if ('error' in chosenOutput) throw chosenOutput.error;
        /** @type {any} */
        const instance = createComponent(definition, ctx, rawValues(undefined));
        instance[spec.buildMethod]();
      } catch (error) {
        // A bad setting: the old lease (if any) must not linger behind a node that cannot use it.
        pool.release(identity);
        node.status({ fill: 'red', shape: 'ring', text: statusText(error) });
        node.error(withSettingHint(error));
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
        if ('error' in chosenOutput) throw chosenOutput.error;
        const instance = createComponent(definition, ctx, rawValues(msg.payload, msg.files));
        const result = await run(instance, msg.payload, { msg, output: chosenOutput.output });
        msg.payload = result.payload;
        if (result.usage !== undefined) msg.usage = result.usage;
        msg.bedrock = { component: spec.component, ...result.details };
        msg.poolMetrics = poolMetricsForMsg(pool, lease);
        if (!closed) node.status({ fill: 'green', shape: 'dot', text: 'ready' });
        send(msg);
        done();
      } catch (error) {
        if (!closed) node.status({ fill: 'red', shape: 'ring', text: statusText(error) });
        done(withSettingHint(error));
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
