import { TEST_CREDENTIALS, type EmulatorKnowledgeBase } from '@bedrock-flow/emulator';
import { nodeRedHelper, settingsAllowingEmulator, useEmulatorForFlows } from './support/node-red-helper';
import { awsConfigNode, awsCredentials, TAB, type FlowNode } from './support/flows';

const awsConfig = require('../nodes/bedrock-aws-config');
const invokeModelNode = require('../nodes/bedrock-invoke-model');
const knowledgeBaseNode = require('../nodes/bedrock-knowledge-base');
const { currentRuntimePool } = require('../nodes/lib/runtime-pool');
const NODES = [awsConfig, invokeModelNode, knowledgeBaseNode];

const KB_ID = 'KBDOCS0001';
const KNOWLEDGE_BASES: EmulatorKnowledgeBase[] = [
  {
    knowledgeBaseId: KB_ID,
    documents: [
      { text: 'A new connection pays a TLS handshake: two extra round trips before the first request.', uri: 's3://handbook/tls.md', metadata: { topic: 'transport' } },
      { text: 'Guardrails block denied topics in prompts and answers.', uri: 's3://handbook/guardrails.md', metadata: { topic: 'safety' } },
    ],
  },
];

const { settings, allowedHosts } = settingsAllowingEmulator();
const helper = nodeRedHelper(settings);
const emulator = useEmulatorForFlows(helper, currentRuntimePool, allowedHosts, { knowledgeBases: KNOWLEDGE_BASES });

function nextMessage(id: string): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return new Promise((resolve) => helper.getNode(id).once('input', resolve));
}

function flow(knowledgeBase: Record<string, unknown> = {}, extra: FlowNode[] = []): FlowNode[] {
  return [
    { id: TAB, type: 'tab', label: 'bedrock' },
    awsConfigNode(emulator()),
    { id: 'kb-1', type: 'bedrock-knowledge-base', z: TAB, aws: 'aws-1', knowledge_base_id: KB_ID, number_of_results: '2', ...knowledgeBase, wires: [['out']] },
    { id: 'invoke-1', type: 'bedrock-invoke-model', z: TAB, aws: 'aws-1', model_id: 'anthropic.claude-3-haiku-20240307-v1:0', wires: [['out']] },
    { id: 'out', type: 'helper', z: TAB, wires: [] },
    ...extra,
  ];
}

test('the Knowledge Base node answers a query with scored chunks { text, source, score, metadata }, on its own agent-runtime lease', async () => {
  await helper.load(NODES, flow({ metadata_filter: '{"equals": {"key": "topic", "value": "transport"}}' }), awsCredentials());
  for (let run = 0; run < 3; run += 1) {
    const answer = nextMessage('out');
    helper.getNode('kb-1').receive({ payload: 'What does a TLS handshake cost?' });
    const msg = await answer;
    expect(msg.payload).toEqual([
      { text: KNOWLEDGE_BASES[0]!.documents[0]!.text, source: 's3://handbook/tls.md', score: expect.any(Number), metadata: expect.objectContaining({ topic: 'transport' }) },
    ]);
    expect(msg.bedrock).toMatchObject({ component: 'AmazonBedrockKnowledgeBaseRetriever', knowledgeBaseId: KB_ID, results: 1 });
  }
  const invoked = nextMessage('out');
  helper.getNode('invoke-1').receive({ payload: 'ping' });
  await invoked;
  const stats = emulator().stats();
  expect(stats.requests.byOperation['Retrieve']).toBe(3);
  expect(emulator().requests().find((r) => r.operation === 'Retrieve')!.body).toMatchObject({ retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: 2, filter: { equals: { key: 'topic', value: 'transport' } } } } });
  expect(stats.auth.byAccessKeyId[TEST_CREDENTIALS.accessKeyId]).toBeGreaterThanOrEqual(4);
  // Two services, two slots (one per service and configuration), over the one endpoint's transport.
  const metrics = (currentRuntimePool() as { metrics(): { slots: unknown[]; leases: number } }).metrics();
  expect(metrics.slots).toHaveLength(2);
  expect(metrics.leases).toBe(2);
});

test('a query that is not text, or empty, goes to Catch naming what is allowed, before any Retrieve', async () => {
  const catchNode: FlowNode = { id: 'catch-1', type: 'catch', z: TAB, scope: null, uncaught: false, wires: [['caught']] };
  const caught: FlowNode = { id: 'caught', type: 'helper', z: TAB, wires: [] };
  await helper.load(NODES, flow({}, [catchNode, caught]), awsCredentials());
  let error = nextMessage('caught');
  helper.getNode('kb-1').receive({ payload: 42 });
  // msg.payload feeds search_query: the component's validation names it.
  expect((await error).error.message).toMatch(/^ComponentValidationError: .*search_query: .*expected string, received number \(allowed: a string/);
  error = nextMessage('caught');
  helper.getNode('kb-1').receive({ payload: '' });
  expect((await error).error.message).toBe('PayloadError: bedrock-knowledge-base: msg.payload is an empty string; allowed: the query text (a non-empty string)');
  expect(emulator().stats().requests.byOperation['Retrieve'] ?? 0).toBe(0);
});

test('Output "Answer": RetrieveAndGenerate with the Generation Model; the answer in msg.payload, citations in msg.citations, the session continued by msg.sessionId', async () => {
  await helper.load(NODES, flow({ output: 'answer', model_id: 'us.anthropic.claude-3-haiku-20240307-v1:0' }), awsCredentials());
  let next = nextMessage('out');
  helper.getNode('kb-1').receive({ payload: 'What does a TLS handshake cost?' });
  const first = await next;
  expect(first.payload).toBe(KNOWLEDGE_BASES[0]!.documents[0]!.text);
  expect(first.citations).toEqual([
    {
      text: first.payload,
      span: expect.objectContaining({ start: 0 }),
      references: expect.arrayContaining([expect.objectContaining({ text: KNOWLEDGE_BASES[0]!.documents[0]!.text, source: 's3://handbook/tls.md', metadata: expect.objectContaining({ topic: 'transport' }) })]),
    },
  ]);
  expect(first.bedrock).toMatchObject({ component: 'AmazonBedrockKnowledgeBaseRetriever', output: 'answer', knowledgeBaseId: KB_ID, citations: 1, sessionId: expect.any(String) });
  const body = emulator().requests().find((r) => r.operation === 'RetrieveAndGenerate')!.body as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  // An inference profile id goes as it is; number of results and the question as the node has them.
  expect(body).toMatchObject({
    input: { text: 'What does a TLS handshake cost?' },
    retrieveAndGenerateConfiguration: { type: 'KNOWLEDGE_BASE', knowledgeBaseConfiguration: { knowledgeBaseId: KB_ID, modelArn: 'us.anthropic.claude-3-haiku-20240307-v1:0', retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: 2 } } } },
  });
  expect(body.sessionId).toBeUndefined();

  next = nextMessage('out');
  helper.getNode('kb-1').receive({ payload: 'And guardrails?', sessionId: first.bedrock.sessionId });
  const second = await next;
  expect(second.bedrock.sessionId).toBe(first.bedrock.sessionId);
  const requests = emulator().requests().filter((r) => r.operation === 'RetrieveAndGenerate');
  expect((requests[1]!.body as { sessionId?: string }).sessionId).toBe(first.bedrock.sessionId);
  const stats = emulator().stats();
  expect(stats.requests.byOperation['RetrieveAndGenerate']).toBe(2);
  expect(stats.requests.byOperation['Retrieve'] ?? 0).toBe(0);
  // One agent-runtime slot, one TLS handshake for both answers.
  expect(stats.tls.handshakes).toBe(1);
});

test('a bad Output setting fails the deploy and every message (no other output is sent), and a bad msg.sessionId goes to Catch, before any request', async () => {
  const catchNode: FlowNode = { id: 'catch-1', type: 'catch', z: TAB, scope: null, uncaught: false, wires: [['caught']] };
  const caught: FlowNode = { id: 'caught', type: 'helper', z: TAB, wires: [] };
  await helper.load(NODES, flow({ output: 'retriever' }, [catchNode, caught, { id: 'kb-2', type: 'bedrock-knowledge-base', z: TAB, aws: 'aws-1', knowledge_base_id: KB_ID, output: 'answer', wires: [['out']] }]), awsCredentials());
  let error = nextMessage('caught');
  helper.getNode('kb-1').receive({ payload: 'What does a TLS handshake cost?' });
  const bad = (await error).error;
  expect(bad.message).toBe('NodePropertyError: bedrock-knowledge-base: output is "retriever"; allowed: search_results or answer');
  expect(bad.source.id).toBe('kb-1');
  error = nextMessage('caught');
  helper.getNode('kb-2').receive({ payload: 'What does a TLS handshake cost?', sessionId: 'a b/c' });
  expect((await error).error.message).toMatch(/^NodePropertyError: bedrock-knowledge-base: msg.sessionId is "a b\/c"; allowed: unset, or the sessionId of an earlier answer/);
  const stats = emulator().stats();
  expect(stats.requests.byOperation['RetrieveAndGenerate'] ?? 0).toBe(0);
  expect(stats.requests.byOperation['Retrieve'] ?? 0).toBe(0);
});
