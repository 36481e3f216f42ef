// @ts-check
'use strict';
/**
 * `GET <httpAdminRoot>/bedrock-flow/models?config=<bedrock-aws-config id>&component=<name>`: the model ids the config
 * node's credentials can call in its region (model discovery, `listModels` on the runtime pool's control-plane
 * client, cached per credential scope), for the editor's model dropdown. Behind Node-RED's own admin auth
 * (`bedrock.read`). When the account cannot be asked (config node not deployed, access denied, no network) it answers
 * the component's static list with `source: 'static'` and the reason: never a silent fallback. Never a secret, nor a
 * value of the config node (see `refusalReason`).
 */
const {
  awsCredentialInputs,
  createVariableResolver,
  endpointUrlInput,
  listModels,
  regionNameInput,
  toClientConfig,
  validateInputs,
} = require('@bedrock-flow/component');
const { manifestComponent } = require('./component-registry');
const { runtimePool } = require('./runtime-pool');

/** The connection inputs of every component, validated as a node validates them (so `''` reads as unset). */
const CONNECTION_SPECS = { ...awsCredentialInputs(), region_name: regionNameInput(), endpoint_url: endpointUrlInput() };

/** The admin route (under `httpAdminRoot`). */
const MODELS_ROUTE = '/bedrock-flow/models';
/** The permission it needs (Node-RED `adminAuth`): read access to bedrock-flow. */
const MODELS_PERMISSION = 'bedrock.read';

/**
 * @param {import('@bedrock-flow/component').ModelCatalog} catalog
 * @param {'TEXT' | 'EMBEDDING'} modality
 */
function liveIds(catalog, modality) {
  const models = catalog.models.filter((model) => model.outputModalities.includes(modality));
  const listed = new Set(models.map((model) => model.modelId));
  const profiles = catalog.inferenceProfiles
    .filter((profile) => profile.modelIds.some((id) => listed.has(id)))
    .map((profile) => (profile.type === 'APPLICATION' ? profile.arn : profile.id));
  return {
    models: [...models.map((model) => model.modelId), ...profiles],
    profileOnly: models.filter((model) => !model.onDemand).map((model) => model.modelId),
  };
}

/**
 * Why the account could not be asked, in words that hold no value of the config node and nothing of the host: the
 * error's name and code, and for bad inputs each field with its problem. Not the messages: anyone with `bedrock.read`
 * (a read-only editor user) may call this route on any deployed config node, and Node-RED has replaced a property
 * written `${VAR}` by the variable's value before the node sees it, so a message that quotes the region, endpoint or
 * profile name would read host variables back; an endpoint refusal would list the operator's allowed hosts; an AWS
 * denial names the host's IAM identity (account id, user or role). The node's own errors, for the flow's author, keep
 * their full messages.
 * @param {unknown} error
 */
function refusalReason(error) {
  if (!(error instanceof Error)) return 'Error';
  const name = /^[A-Za-z][A-Za-z0-9]{0,80}$/.test(error.name) ? error.name : 'Error';
  const { code, issues, field } = /** @type {{ code?: unknown, issues?: unknown, field?: unknown }} */ (error);
  const safeCode = typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,80}$/.test(code) ? code : undefined;
  const safeField = typeof field === 'string' && /^[a-z][a-z0-9_.]{0,60}$/.test(field) ? field : undefined;
  if (Array.isArray(issues)) {
    // A validation problem is the code's own sentence (the received value is in `received`, left out here).
    const fields = issues.map((issue) => `${String(issue.field).slice(0, 60)}: ${String(issue.problem).slice(0, 160)}`).join('; ');
    return `${name}${safeCode ? ` ${safeCode}` : ''}: ${fields}`.slice(0, 600);
  }
  return `${name}${safeCode ? ` ${safeCode}` : ''}${safeField ? ` on ${safeField}` : ''}`;
}

/**
 * The answer for one request (exported for the runtime test's readability; the route is the interface).
 * @param {any} RED
 * @param {{ config?: unknown, component?: unknown }} query
 */
async function modelsAnswer(RED, query) {
  const componentName = typeof query.component === 'string' && query.component !== '' ? query.component : 'AmazonBedrockConverseModel';
  let component;
  try {
    component = manifestComponent(componentName);
  } catch {
    return { status: 400, body: { error: `component must be a bedrock-flow component name (AmazonBedrockConverseModel, AmazonBedrockModel, AmazonBedrockEmbeddings, AmazonBedrockKnowledgeBaseRetriever)` } };
  }
  const input = component.inputs.find((i) => i.name === 'model_id');
  const staticIds = input && input.options ? input.options : [];
  const modality = componentName === 'AmazonBedrockEmbeddings' ? 'EMBEDDING' : 'TEXT';
  const configNode = typeof query.config === 'string' && query.config !== '' ? RED.nodes.getNode(query.config) : undefined;
  if (!configNode || typeof configNode.connectionValues !== 'function') {
    return { status: 200, body: { source: 'static', reason: 'the AWS config node is not deployed yet: deploy it to list the models its account can call', models: staticIds } };
  }
  try {
    // As a node's build does: the config node's values through the inputs' validation, the environment after them.
    const values = validateInputs(CONNECTION_SPECS, configNode.connectionValues(), createVariableResolver(undefined), { component: componentName });
    const config = toClientConfig(values, {}, { component: componentName });
    const tls = configNode.tlsConfig();
    const catalog = await listModels({ ...config, ...(tls ? { tls } : {}), pool: runtimePool(RED) });
    return { status: 200, body: { source: 'live', region: catalog.region, fetchedAt: catalog.fetchedAt, ...liveIds(catalog, modality) } };
  } catch (error) {
    return { status: 200, body: { source: 'static', reason: `the account could not be asked (${refusalReason(error)})`, models: staticIds } };
  }
}

/**
 * Registers the route on `RED.httpAdmin`, behind `RED.auth.needsPermission('bedrock.read')`.
 * @param {any} RED
 */
function registerModelsAdminEndpoint(RED) {
  // A runtime without an admin API (a test double of RED, or an embedding without httpAdmin) has no editor to serve.
  if (!RED.httpAdmin || !RED.auth) return;
  RED.httpAdmin.get(MODELS_ROUTE, RED.auth.needsPermission(MODELS_PERMISSION), (/** @type {any} */ req, /** @type {any} */ res) => {
    modelsAnswer(RED, req.query || {}).then(
      ({ status, body }) => res.status(status).json(body),
      () => res.status(500).json({ error: 'model discovery failed' }),
    );
  });
}

module.exports = { registerModelsAdminEndpoint, modelsAnswer, MODELS_ROUTE, MODELS_PERMISSION };
