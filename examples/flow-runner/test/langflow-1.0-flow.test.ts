import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_CREDENTIALS, type EmulatorCredentials } from '@bedrock-flow/emulator';
import { createBedrockRegistry } from '../src/components/bedrock-registry';
import { LOCAL_COMPONENTS } from '../src/components/local-components';
import { FlowError } from '../src/flow/flow-error';
import { parseFlow } from '../src/flow/parse-flow';
import { FlowHost } from '../src/host/flow-host';
import { startFlowRunnerStack, type FlowRunnerStack } from './support/flow-runner-stack';

/** A Langflow 1.0.x-shaped export: old field names, a literal key pair on the model, variables on the embeddings. */
const flowJson = readFileSync(join(__dirname, '..', '..', 'flows', 'langflow-1.0-bedrock.json'), 'utf8');

/** The model node's literal keys, as saved in the flow. */
const FLOW_LITERAL_KEYS: EmulatorCredentials = { accessKeyId: 'AKIAFLOWLITERAL00001', secretAccessKey: 'flowLiteralSecretKey/EXAMPLE000000000000001' };
/** The embeddings node's keys, behind the flow's load_from_db variables FLOW_AWS_ACCESS_KEY / FLOW_AWS_SECRET_KEY. */
const FLOW_VARIABLE_KEYS: EmulatorCredentials = { accessKeyId: 'AKIAFLOWVARIABLE0001', secretAccessKey: 'flowVariableSecretKey/EXAMPLE00000000000001' };
/** What the host's environment holds: valid keys and a valid API key of ANOTHER account, which must never be used. */
const ENV_API_KEY = 'ABSKZW52aXJvbm1lbnQtYXBpLWtleS1vZi1hbm90aGVyLWFjY291bnQ';
const ENV = { AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey, AWS_BEARER_TOKEN_BEDROCK: ENV_API_KEY };

describe('a Langflow 1.0.x flow runs on its own credentials, never the environment\'s', () => {
  let stack: FlowRunnerStack;
  const saved = new Map<string, string | undefined>();

  beforeAll(async () => {
    // The emulator accepts every key involved, so a wrong choice would succeed silently: only its per-principal
    // counts show which credential signed each request.
    stack = await startFlowRunnerStack({ emulator: { credentials: [TEST_CREDENTIALS, FLOW_LITERAL_KEYS, FLOW_VARIABLE_KEYS], bearerTokens: [ENV_API_KEY] } });
    for (const [name, value] of Object.entries(ENV)) {
      saved.set(name, process.env[name]);
      process.env[name] = value;
    }
  });
  afterAll(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await stack.close();
  });

  it('signs every request with the flow\'s keys (old field names, literal and load_from_db), with env keys and AWS_BEARER_TOKEN_BEDROCK set', async () => {
    const { emulator, pool } = stack;
    const graph = parseFlow(flowJson);
    const model = graph.nodes.find((node) => node.type === 'AmazonBedrockModel')!;
    const embeddings = graph.nodes.find((node) => node.type === 'AmazonBedrockEmbeddings')!;
    // The export really is 1.0.x-shaped: old names, Python code, a literal pair and load_from_db variables.
    expect(Object.keys(model.values)).toEqual(expect.arrayContaining(['aws_access_key', 'aws_secret_key', 'code']));
    expect(Object.keys(model.values)).not.toContain('aws_access_key_id');
    expect(model.values['aws_access_key']).toBe(FLOW_LITERAL_KEYS.accessKeyId);
    expect(embeddings.values['aws_access_key']).toEqual({ value: 'FLOW_AWS_ACCESS_KEY', load_from_db: true });

    // The host: the flow's variables as host variables, the process environment as the fallback (the default).
    const variables = { FLOW_AWS_ACCESS_KEY: FLOW_VARIABLE_KEYS.accessKeyId, FLOW_AWS_SECRET_KEY: FLOW_VARIABLE_KEYS.secretAccessKey };
    const host = new FlowHost({ registry: createBedrockRegistry(), locals: LOCAL_COMPONENTS, pool, lifecycle: pool, variables });
    // The embedding cache off, so the second run signs its embeddings requests too (what this test counts).
    const tweaks = { AmazonBedrockModel: { endpoint_url: emulator.url }, AmazonBedrockEmbeddings: { endpoint_url: emulator.url, cache_embeddings: false } };
    for (let run = 0; run < 2; run += 1) {
      const result = await host.run(parseFlow(flowJson), { tweaks });
      expect(result.text).toMatch(/^Echo: /);
      expect(result.text).toContain('aws_access_key');
    }
    const stats = emulator.stats();
    const embeddingRequests = stats.requests.byModel['amazon.titan-embed-text-v1'];
    expect(stats.requests.byModel['anthropic.claude-3-haiku-20240307-v1:0']).toBe(2);
    expect(embeddingRequests).toBe(2 * 4); // 3 documents + 1 query per run, Titan v1 one text per call
    expect(stats.auth.byAccessKeyId).toEqual({ [FLOW_LITERAL_KEYS.accessKeyId]: 2, [FLOW_VARIABLE_KEYS.accessKeyId]: embeddingRequests });
    expect(stats.auth.byAccessKeyId[TEST_CREDENTIALS.accessKeyId]).toBeUndefined();
    expect(stats.auth.byAccessKeyId['bearer']).toBeUndefined();
    console.info(`langflow 1.0.x flow: ${JSON.stringify(stats.auth.byAccessKeyId)} (environment keys: 0, environment API key: 0)`);
    host.dispose(graph.id);
  });
});

describe('node types the runner cannot build', () => {
  it('are all listed in one error, before any build', async () => {
    const flow = JSON.parse(flowJson) as { data: { nodes: Array<{ id: string; data: { type: string } }> } };
    flow.data.nodes.find((node) => node.id === 'Prompt-c8Hs4')!.data.type = 'OpenAIModel';
    flow.data.nodes.find((node) => node.id === 'NearestDocument-p0Lx2')!.data.type = 'Chroma';
    const noPool = { acquire: () => { throw new Error('no network in this test'); } };
    const host = new FlowHost({ registry: createBedrockRegistry(), locals: LOCAL_COMPONENTS, pool: noPool, env: false });
    const error = (await host.run(parseFlow(flow)).catch((e: unknown) => e)) as FlowError;
    expect(error).toBeInstanceOf(FlowError);
    expect(error.code).toBe('FLOW_UNKNOWN_TYPE');
    expect(error.message).toMatch(/^2 nodes have types that are not registered: "NearestDocument-p0Lx2" \(Chroma\), "Prompt-c8Hs4" \(OpenAIModel\) \(known: AmazonBedrockConverseModel, /);
  });

  it('Langflow\'s namespaced ids (ext:amazon:…@official, amazon.…) are runnable types', async () => {
    const flow = JSON.parse(flowJson) as { data: { nodes: Array<{ id: string; data: { type: string } }> } };
    flow.data.nodes.find((node) => node.id === 'AmazonBedrockModel-Tf5wE')!.data.type = 'amazon.AmazonBedrockModel';
    flow.data.nodes.find((node) => node.id === 'AmazonBedrockEmbeddings-vQ1mZ')!.data.type = 'ext:amazon:AmazonBedrockEmbeddings@official';
    const acquired: string[] = [];
    const recordingPool = { acquire: (identity: { nodeId: string }) => { acquired.push(identity.nodeId); throw new Error('stop before the network'); } };
    // The flow's load_from_db variables exist on this host: a named variable the host lacks is an error before the lease.
    const variables = { FLOW_AWS_ACCESS_KEY: FLOW_VARIABLE_KEYS.accessKeyId, FLOW_AWS_SECRET_KEY: FLOW_VARIABLE_KEYS.secretAccessKey };
    const host = new FlowHost({ registry: createBedrockRegistry(), locals: LOCAL_COMPONENTS, pool: recordingPool, env: false, variables });
    const error = (await host.run(parseFlow(flow)).catch((e: unknown) => e)) as FlowError;
    // Built through the real definition up to the lease: the type resolved, the inputs (old names included) validated.
    expect(error.code).toBe('FLOW_NODE_FAILED');
    expect(error.message).toContain('stop before the network');
    expect(acquired).toEqual(['AmazonBedrockEmbeddings-vQ1mZ']);
  });
});
