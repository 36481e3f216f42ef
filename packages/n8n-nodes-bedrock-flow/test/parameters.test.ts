import { AWS_MODEL_IDS, Secret } from '@bedrock-flow/component';
import type { ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';
import {
  awsConnection,
  BedrockFlowInvokeModel,
  EmbeddingsBedrockFlow,
  IDLE_TTL_ENV,
  LmChatBedrockFlow,
  n8nPoolOptions,
  nodeIdentity,
  UNSAVED_WORKFLOW_ID,
} from '../src';

function option(properties: INodeProperties[], name: string): INodeProperties {
  const options = properties.find((p) => p.name === 'options')!.options as INodeProperties[];
  const found = options.find((p) => p.name === name);
  if (!found) throw new Error(`no option ${name}`);
  return found;
}

describe('node descriptions', () => {
  it('the chat model is an ai_languageModel sub-node whose options carry the component defaults and bounds', () => {
    const { description } = new LmChatBedrockFlow();
    expect(description.outputs).toEqual(['ai_languageModel']);
    expect(description.inputs).toEqual([]);
    // Was [{ name: 'aws', required: true }]: the credential now follows the Authentication parameter (default aws).
    expect(description.credentials).toEqual([
      { name: 'aws', required: true, displayOptions: { show: { authentication: ['awsIam'] } } },
      { name: 'bedrockFlowApiKey', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
    ]);
    expect(option(description.properties, 'temperature')).toMatchObject({ type: 'number', default: 0.7, typeOptions: { minValue: 0, maxValue: 1 } });
    expect(option(description.properties, 'maxTokens')).toMatchObject({ type: 'number', default: 4096, typeOptions: { minValue: 1 } });
    expect(option(description.properties, 'topK')).toMatchObject({ default: 250, typeOptions: { minValue: 0, maxValue: 500 } });
    expect(option(description.properties, 'timeout')).toMatchObject({ displayName: 'Timeout', type: 'number', default: 900, typeOptions: { minValue: 0.001, maxValue: 3600 } });
    expect(option(description.properties, 'additionalModelFields')).toMatchObject({ type: 'json', default: '{}' });
    expect(option(description.properties, 'stopSequences')).toMatchObject({ type: 'string', typeOptions: { multipleValues: true } });
    const model = description.properties.find((p) => p.name === 'model')!;
    expect(model.type).toBe('resourceLocator');
    expect(model.modes!.map((mode) => mode.name)).toEqual(['list', 'id']);
  });

  it('the model list search serves the component model ids, filtered', async () => {
    const node = new LmChatBedrockFlow();
    const all = await node.methods.listSearch.searchModels.call({} as ILoadOptionsFunctions);
    expect(all.results.map((r) => r.value)).toEqual([...AWS_MODEL_IDS]);
    const claude = await node.methods.listSearch.searchModels.call({} as ILoadOptionsFunctions, 'CLAUDE');
    expect(claude.results.length).toBeGreaterThan(0);
    expect(claude.results.every((r) => String(r.value).includes('claude'))).toBe(true);
  });

  it('the embeddings node is an ai_embedding sub-node with Titan v2 dimensions as numbers', () => {
    const { description } = new EmbeddingsBedrockFlow();
    expect(description.outputs).toEqual(['ai_embedding']);
    expect(option(description.properties, 'dimensions')).toMatchObject({ type: 'options', default: 1024, options: [256, 384, 512, 1024, 1536, 3072].map((size) => ({ name: String(size), value: size })) });
  });

  it('the InvokeModel node is a main-in main-out action node', () => {
    const { description } = new BedrockFlowInvokeModel();
    expect(description.inputs).toEqual(['main']);
    expect(description.outputs).toEqual(['main']);
    expect(description.properties.map((p) => p.name)).toEqual(['authentication', 'model', 'prompt', 'systemMessage', 'options']);
  });
});

describe('credential mapping', () => {
  it('passes secrets as the node\'s own redacting Secrets (origin node), and the endpoint only with custom endpoints on', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET';
    const connection = awsConnection({ region: 'eu-west-1', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: secret, customEndpoints: false, bedrockRuntimeEndpoint: 'https://x.test' });
    expect(connection.issues).toEqual([]);
    expect(connection.values.region_name).toBe('eu-west-1');
    expect(connection.values.aws_access_key_id).toBeInstanceOf(Secret);
    expect((connection.values.aws_secret_access_key as Secret).reveal()).toBe(secret);
    expect((connection.values.aws_secret_access_key as Secret).origin).toEqual({ kind: 'value' });
    expect(connection.values.endpoint_url).toBeUndefined();
    expect(JSON.stringify(connection.values)).not.toContain(secret);
  });

  it('names every missing key, and a missing session token when temporary credentials are on', () => {
    const { issues } = awsConnection({ accessKeyId: ' ', secretAccessKey: '', temporaryCredentials: true });
    expect(issues.map((issue) => issue.field)).toEqual(['credential.accessKeyId', 'credential.secretAccessKey', 'credential.sessionToken']);
  });

  it('ignores a session token left behind while temporary credentials are off', () => {
    const connection = awsConnection({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret', temporaryCredentials: false, sessionToken: 'stale' });
    expect(connection.values.aws_session_token).toBeNull();
  });
});

describe('pool identity and options', () => {
  it('identity = workflow id + node id; an unsaved workflow gets a fixed graph id', () => {
    expect(nodeIdentity({ getWorkflow: () => ({ id: 'wf1' }), getNode: () => ({ id: 'n1', name: 'x' }) })).toEqual({ graphId: 'wf1', nodeId: 'n1' });
    expect(nodeIdentity({ getWorkflow: () => ({}), getNode: () => ({ id: 'n1', name: 'x' }) })).toEqual({ graphId: UNSAVED_WORKFLOW_ID, nodeId: 'n1' });
  });

  it(`reads ${IDLE_TTL_ENV}, rejecting anything but a whole number of ms`, () => {
    expect(n8nPoolOptions({})).toEqual({ endpointPolicy: {} });
    expect(n8nPoolOptions({ [IDLE_TTL_ENV]: '60000' })).toEqual({ endpointPolicy: {}, idleTtlMs: 60_000 });
    // The operator's endpoint policy, from the same environment variables every bedrock-flow host reads.
    expect(n8nPoolOptions({ BEDROCK_FLOW_ALLOWED_ENDPOINTS: '*.corp.example' }).endpointPolicy).toEqual({ allowedHosts: ['*.corp.example'] });
    expect(() => n8nPoolOptions({ [IDLE_TTL_ENV]: '1.5' })).toThrow(IDLE_TTL_ENV);
  });
});
