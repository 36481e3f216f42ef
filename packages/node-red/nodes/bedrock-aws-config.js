// @ts-check
'use strict';
/**
 * `bedrock-aws-config`: the AWS connection shared by Bedrock nodes. Region, endpoint and profile are node
 * properties; the access key, secret key and session token live in Node-RED's credential store (declared below),
 * never in the flow JSON. An optional trusted CA (PEM) is for private endpoints and local emulators.
 */
const { hostConnectionValues } = require('@bedrock-flow/component');
const { CONFIG_NODE_TYPE, CONNECTION_FIELDS } = require('./lib/node-catalog');
const { registerModelsAdminEndpoint } = require('./lib/models-admin-endpoint');

/**
 * Node-RED's rule (the host kit's table): stored keys are the host's (no owners in Node-RED), and blanks fall back to
 * the profile and then the AWS SDK default chain (a config node is optional and shared).
 * @type {import('@bedrock-flow/component').HostCredentialRule}
 */
const CONFIG_NODE_CREDENTIAL_RULE = {
  owner: { kind: 'host', label: (field) => `the ${CONFIG_NODE_TYPE} credential ${field}` },
  fallback: { kind: 'default-chain' },
};

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
     * @returns {Record<string, string | import('@bedrock-flow/component').Secret>}
     */
    node.connectionValues = () => {
      const credentials = node.credentials || {};
      /** @type {Record<string, unknown>} */
      const stored = {};
      for (const field of CONNECTION_FIELDS) stored['credential' in field ? field.credential : field.property] = 'credential' in field ? credentials[field.credential] : config[field.property];
      return /** @type {Record<string, string | import('@bedrock-flow/component').Secret>} */ (hostConnectionValues(stored, CONFIG_NODE_CREDENTIAL_RULE).values);
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
