/**
 * The Knowledge Base component's credentials and endpoints on the real BedrockPool: different credentials never share
 * an agent-runtime slot, and host credentials are refused to an endpoint the operator did not allow, before any
 * connection.
 */
import { BedrockPool, EndpointNotAllowedError } from '@bedrock-flow/bedrock-pool';
import { createComponent, type ComponentContext } from '@bedrock-flow/component';
import { startEmulator, TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { amazonBedrockKnowledgeBaseRetrieverDefinition } from '../src';
import { KB_ID, KNOWLEDGE_BASES } from './support/knowledge-bases';

const OTHER = { accessKeyId: 'AKIAEMULATOR00000002', secretAccessKey: 'emulatorSecretKey/NotForAws/0000000000002' };

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ tls: true, knowledgeBases: KNOWLEDGE_BASES, credentials: [TEST_CREDENTIALS, OTHER] });
});
afterAll(async () => {
  await emu.close();
});

const context = (pool: BedrockPool, nodeId: string, extra: Partial<ComponentContext> = {}): ComponentContext => ({ graphId: 'flow-kb', nodeId, pool, env: false, ...extra });
const values = (keys: { accessKeyId: string; secretAccessKey: string }, extra: Record<string, unknown> = {}) => ({
  knowledge_base_id: KB_ID,
  search_query: 'TLS handshake',
  aws_access_key_id: keys.accessKeyId,
  aws_secret_access_key: keys.secretAccessKey,
  region_name: 'us-east-1',
  endpoint_url: emu.url,
  ...extra,
});

test('two nodes with different keys get two agent-runtime slots, and each request is signed with its own key', async () => {
  const pool = new BedrockPool({ defaults: { tls: { ca: emu.ca } }, openTelemetry: false });
  try {
    const events: string[] = [];
    pool.on('slotCreated', (slot) => events.push(slot.slotId));
    await createComponent(amazonBedrockKnowledgeBaseRetrieverDefinition, context(pool, 'kb-a'), values(TEST_CREDENTIALS)).search_documents();
    await createComponent(amazonBedrockKnowledgeBaseRetrieverDefinition, context(pool, 'kb-b'), values(OTHER)).search_documents();
    // Same keys again on a third node: it joins the first node's slot.
    await createComponent(amazonBedrockKnowledgeBaseRetrieverDefinition, context(pool, 'kb-c'), values(TEST_CREDENTIALS)).search_documents();
    expect(events).toHaveLength(2);
    const metrics = pool.metrics();
    expect(metrics.leases).toBe(3);
    expect(metrics.slots.map((slot) => [slot.credentialSource, slot.leases]).sort()).toEqual([
      [`static credentials ${TEST_CREDENTIALS.accessKeyId}`, 2],
      [`static credentials ${OTHER.accessKeyId}`, 1],
    ]);
    expect(emu.stats().auth.byAccessKeyId).toMatchObject({ [TEST_CREDENTIALS.accessKeyId]: 2, [OTHER.accessKeyId]: 1 });
  } finally {
    await pool.close();
  }
});

test('host credentials (variables) are refused to a non-AWS endpoint the operator did not allow, before any connection; typed-in keys may use it', async () => {
  const pool = new BedrockPool({ defaults: { tls: { ca: emu.ca } }, openTelemetry: false });
  try {
    const before = emu.stats().connections.accepted;
    const variables = { KB_KEY: TEST_CREDENTIALS.accessKeyId, KB_SECRET: TEST_CREDENTIALS.secretAccessKey };
    const hostKeys = values(TEST_CREDENTIALS, { aws_access_key_id: { variable: 'KB_KEY' }, aws_secret_access_key: { variable: 'KB_SECRET' } });
    const error = await Promise.resolve()
      .then(() => createComponent(amazonBedrockKnowledgeBaseRetrieverDefinition, context(pool, 'kb-host', { variables }), hostKeys).search_documents())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointNotAllowedError);
    expect(error).toMatchObject({ code: 'ERR_BEDROCK_POOL_ENDPOINT_NOT_ALLOWED', field: 'endpoint_url' });
    expect((error as Error).message).not.toContain(TEST_CREDENTIALS.secretAccessKey);
    expect(emu.stats().connections.accepted).toBe(before);
    // The same keys typed into the node are the author's own: loopback is allowed for them.
    const results = await createComponent(amazonBedrockKnowledgeBaseRetrieverDefinition, context(pool, 'kb-node'), values(TEST_CREDENTIALS)).search_documents();
    expect(results.length).toBeGreaterThan(0);
  } finally {
    await pool.close();
  }
});

test('host credentials go to the AWS agent-runtime host of the region when no endpoint is set (the endpoint policy knows the service)', async () => {
  const pool = new BedrockPool({ openTelemetry: false });
  try {
    const variables = { KB_KEY: TEST_CREDENTIALS.accessKeyId, KB_SECRET: TEST_CREDENTIALS.secretAccessKey };
    const retriever = createComponent(
      amazonBedrockKnowledgeBaseRetrieverDefinition,
      context(pool, 'kb-aws', { variables }),
      values(TEST_CREDENTIALS, { endpoint_url: null, aws_access_key_id: { variable: 'KB_KEY' }, aws_secret_access_key: { variable: 'KB_SECRET' } }),
    ).build_retriever();
    // Leased (no refusal): the client's endpoint is bedrock-agent-runtime.us-east-1.amazonaws.com. No request is sent.
    expect(retriever.knowledgeBaseId).toBe(KB_ID);
  } finally {
    await pool.close();
  }
});
