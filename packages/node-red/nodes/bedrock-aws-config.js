// @ts-check
'use strict';
/**
 * `bedrock-aws-config`: the AWS connection shared by Bedrock nodes. Region, endpoint and profile are node
 * properties; the access key, secret key and session token live in Node-RED's credential store (declared below),
 * never in the flow JSON. An optional trusted CA (PEM) is for private endpoints and local emulators.
 */
const { Secret } = require('@bedrock-flow/component');
const { CONFIG_NODE_TYPE, CONNECTION_FIELDS } = require('./lib/node-catalog');
const { registerModelsAdminEndpoint } = require('./lib/models-admin-endpoint');

/** @param {any} RED */
module.exports = function registerBedrockAwsConfig(RED) {
  /**
   * @this {any} the Node-RED node being constructed
   * @param {Record<string, any>} config
   */
  function BedrockAwsConfigNode(config) {
    RED.nodes.createNode(this, config);
    /** @type {any} */
    const node = this;
    node.name = config.name;

    /**
     * The component connection inputs. Unset fields are `''`, which components read as "unset", so the
     * credential chain is: API key here -> keys here -> profile here -> the AWS SDK default chain (env, SSO, IMDS, …).
     * Stored keys and API keys are handed over as host-stored secrets (`origin: { kind: 'host' }`): Node-RED has no
     * owners, so whoever edits a flow can point this config node's endpoint anywhere; its stored credentials therefore
     * go only where host credentials may (AWS endpoints plus `settings.bedrockFlow.endpointPolicy`).
     * @returns {Record<string, string | Secret>}
     */
    node.connectionValues = () => {
      /** @type {Record<string, string | Secret>} */
      const values = {};
      const credentials = node.credentials || {};
      for (const field of CONNECTION_FIELDS) {
        const raw = 'credential' in field ? credentials[field.credential] : config[field.property];
        const value = typeof raw === 'string' ? raw.trim() : '';
        values[field.input] =
          'credential' in field && value !== '' ? new Secret(value, { kind: 'host', name: `the ${CONFIG_NODE_TYPE} credential ${field.credential}` }) : value;
      }
      return values;
    };

    /** Extra trusted CA for the endpoint, or `undefined` (Node's bundled roots). */
    node.tlsConfig = () => (typeof config.ca === 'string' && config.ca.trim() !== '' ? { ca: config.ca } : undefined);
  }

  /** @type {Record<string, { type: 'text' | 'password' }>} */
  const credentials = {};
  for (const field of CONNECTION_FIELDS) if ('credential' in field) credentials[field.credential] = { type: field.type };
  RED.nodes.registerType(CONFIG_NODE_TYPE, BedrockAwsConfigNode, { credentials });
  // The live model list of a config node's account, for the editor (issue 25).
  registerModelsAdminEndpoint(RED);
};
