// @ts-check
'use strict';
/**
 * Which Node-RED node stands for which bedrock-flow component, and where each component input lives in
 * Node-RED: AWS connection inputs on the config node, the message input in `msg.payload`, every other
 * input on the node itself (same name as the component input, so Langflow names carry over).
 */

/** Type of the config node holding the AWS connection settings. */
const CONFIG_NODE_TYPE = 'bedrock-aws-config';

/** Palette category of the component nodes. */
const PALETTE_CATEGORY = 'Amazon Bedrock';

/**
 * A config-node field standing for a component connection input: a plain property, or a credential
 * (kept in Node-RED's credential store, never in the flow JSON).
 * @typedef {{ input: string, property: string }} ConnectionProperty
 * @typedef {{ input: string, credential: string, type: 'text' | 'password' }} ConnectionCredential
 * @typedef {ConnectionProperty | ConnectionCredential} ConnectionField
 */

/** @type {readonly ConnectionField[]} The component connection inputs and their config-node fields, in form order. */
const CONNECTION_FIELDS = Object.freeze([
  { input: 'region_name', property: 'region' },
  { input: 'endpoint_url', property: 'endpoint' },
  { input: 'credentials_profile_name', property: 'profile' },
  { input: 'aws_access_key_id', credential: 'accessKeyId', type: 'text' },
  { input: 'aws_secret_access_key', credential: 'secretAccessKey', type: 'password' },
  { input: 'aws_session_token', credential: 'sessionToken', type: 'password' },
  // A Bedrock API key is a secret: the credential store, never the flow JSON.
  { input: 'api_key', credential: 'apiKey', type: 'password' },
]);

/** Names of the component inputs that the config node supplies. */
const CONNECTION_INPUTS = new Set(CONNECTION_FIELDS.map((field) => field.input));

/**
 * A component output a node can send (chosen in the node's Output field): the manifest output name and the label of
 * the node's port while it is chosen.
 * @typedef {{ name: string, portLabel: string }} NodeOutputChoice
 */

/**
 * One component node: its Node-RED type, the component it runs, the input `msg.payload` feeds (if any), the
 * method that leases the client (called at deploy to connect early), how it looks in the palette, and, for a
 * component with several message outputs, the ones the node can send (the first is the default; one port, as every
 * node of this package has).
 * @typedef {{ type: string, component: string, payloadInput?: string, buildMethod: string, paletteLabel: string,
 *   icon: string, color: string, outputLabel: string, outputs?: readonly NodeOutputChoice[] }} ComponentNodeSpec
 */

/** @type {Readonly<Record<'converse' | 'invokeModel' | 'embeddings' | 'knowledgeBase', ComponentNodeSpec>>} */
const COMPONENT_NODES = Object.freeze({
  converse: {
    type: 'bedrock-converse',
    component: 'AmazonBedrockConverseModel',
    payloadInput: 'input_value',
    buildMethod: 'build_model',
    paletteLabel: 'bedrock converse',
    icon: 'font-awesome/fa-comments',
    color: '#FF9900',
    outputLabel: 'answer',
  },
  invokeModel: {
    type: 'bedrock-invoke-model',
    component: 'AmazonBedrockModel',
    payloadInput: 'input_value',
    buildMethod: 'build_model',
    paletteLabel: 'bedrock invoke',
    icon: 'font-awesome/fa-comment',
    color: '#FFB84D',
    outputLabel: 'answer',
  },
  embeddings: {
    type: 'bedrock-embeddings',
    component: 'AmazonBedrockEmbeddings',
    buildMethod: 'build_embeddings',
    paletteLabel: 'bedrock embeddings',
    icon: 'font-awesome/fa-th',
    color: '#FFD699',
    outputLabel: 'vector(s)',
  },
  knowledgeBase: {
    type: 'bedrock-knowledge-base',
    component: 'AmazonBedrockKnowledgeBaseRetriever',
    payloadInput: 'search_query',
    buildMethod: 'build_retriever',
    paletteLabel: 'bedrock knowledge base',
    icon: 'font-awesome/fa-book',
    color: '#FFC266',
    outputLabel: 'documents',
    // Search Results first: flows saved before the Output field existed keep sending documents.
    outputs: Object.freeze([
      { name: 'search_results', portLabel: 'documents' },
      { name: 'answer', portLabel: 'answer' },
    ]),
  },
});

/** The node property holding the chosen output of a node with {@link ComponentNodeSpec} `outputs`. */
const OUTPUT_PROPERTY = 'output';

/**
 * Whether the component input `name` is edited on the node itself (not the config node, not `msg.payload`).
 * @param {ComponentNodeSpec} spec
 * @param {string} name
 */
function isNodeInput(spec, name) {
  return !CONNECTION_INPUTS.has(name) && name !== spec.payloadInput;
}

module.exports = { OUTPUT_PROPERTY, CONFIG_NODE_TYPE, PALETTE_CATEGORY, CONNECTION_FIELDS, CONNECTION_INPUTS, COMPONENT_NODES, isNodeInput };
