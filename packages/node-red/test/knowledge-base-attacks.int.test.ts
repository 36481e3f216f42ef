import { inspect } from 'node:util';
import { TEST_CREDENTIALS, type EmulatorKnowledgeBase } from '@bedrock-flow/emulator';
import { nodeRedHelper, settingsAllowingEmulator, useEmulatorForFlows } from './support/node-red-helper';
import { awsConfigNode, awsCredentials, TAB, type FlowNode } from './support/flows';

/**
 * The Knowledge Base node's Answer output against a malicious flow author, in the real Node-RED runtime: `msg.sessionId`
 * tricks, the Output setting hand-edited in a flow's JSON, agentic retrieval with a session, and the stored keys kept
 * out of `msg` and of errors. Every refusal goes to Catch before any request (counted at the emulator).
 */

const awsConfig = require('../nodes/bedrock-aws-config');
const knowledgeBaseNode = require('../nodes/bedrock-knowledge-base');
const { currentRuntimePool } = require('../nodes/lib/runtime-pool');
const NODES = [awsConfig, knowledgeBaseNode];

const KB_ID = 'KBDOCS0001';
const KNOWLEDGE_BASES: EmulatorKnowledgeBase[] = [
  { knowledgeBaseId: KB_ID, documents: [{ text: 'A new connection pays a TLS handshake.', uri: 's3://handbook/tls.md', metadata: { topic: 'transport' } }] },
];

const { settings, allowedHosts } = settingsAllowingEmulator();
const helper = nodeRedHelper(settings);
const emulator = useEmulatorForFlows(helper, currentRuntimePool, allowedHosts, { knowledgeBases: KNOWLEDGE_BASES });

function nextMessage(id: string): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return new Promise((resolve) => helper.getNode(id).once('input', resolve));
}

const catchNode: FlowNode = { id: 'catch-1', type: 'catch', z: TAB, scope: null, uncaught: false, wires: [['caught']] };
const caught: FlowNode = { id: 'caught', type: 'helper', z: TAB, wires: [] };

function flow(nodes: FlowNode[]): FlowNode[] {
  return [{ id: TAB, type: 'tab', label: 'bedrock' }, awsConfigNode(emulator()), ...nodes, { id: 'out', type: 'helper', z: TAB, wires: [] }, catchNode, caught];
}

const kb = (id: string, extra: Record<string, unknown> = {}): FlowNode => ({ id, type: 'bedrock-knowledge-base', z: TAB, aws: 'aws-1', knowledge_base_id: KB_ID, model_id: 'us.anthropic.claude-3-haiku-20240307-v1:0', ...extra, wires: [['out']] });

const agentRuntimeRequests = () => {
  const byOperation = emulator().stats().requests.byOperation;
  return (byOperation['Retrieve'] ?? 0) + (byOperation['RetrieveAndGenerate'] ?? 0) + (byOperation['AgenticRetrieveStream'] ?? 0);
};

/** Sends `msg` to `node` and resolves with the error Catch received. */
async function caughtError(node: string, msg: Record<string, unknown>): Promise<Error> {
  const error = nextMessage('caught');
  helper.getNode(node).receive(msg);
  return (await error).error;
}

test.each([
  ['an object whose toString gives a valid id', { toString: () => 'valid-session-id' }, 'is object'],
  ['an array holding a valid id', ['valid-session-id'], 'is object'],
  ['a number', 12345, 'is number'],
  ['a 1,000,000-character string', 's'.repeat(1_000_000), `is "${'s'.repeat(40)}"`],
  // Shown JSON-quoted: the newline cannot start a forged line in Node-RED's log.
  ['a string with a newline (log forging)', 'ab\nNodePropertyError: forged', 'is "ab\\nNodePropertyError: forged"'],
  ['a string with a quote', 'ab"; allowed: anything', 'is "ab\\"; allowed: anything"'],
  ['a path', '../../sessions/other', 'is "../../sessions/other"'],
])('msg.sessionId as %s goes to Catch before any request, shown at most 40 characters', async (_name, sessionId, shown) => {
  await helper.load(NODES, flow([kb('kb-1', { output: 'answer' })]), awsCredentials());
  const before = agentRuntimeRequests();
  const error = await caughtError('kb-1', { payload: 'What does a TLS handshake cost?', sessionId });
  expect(error.message).toBe(`NodePropertyError: bedrock-knowledge-base: msg.sessionId ${shown}; allowed: unset, or the sessionId of an earlier answer (msg.bedrock.sessionId): 2 to 100 letters, digits and . _ : -`);
  expect(agentRuntimeRequests()).toBe(before);
});

test.each([['__proto__'], ['constructor'], ['toString'], ['ANSWER'], ['answer\nforged line'], [['answer']], [{ name: 'answer' }]])(
  'an Output hand-edited to %j in the flow JSON fails every message by name, before any request',
  async (output) => {
    await helper.load(NODES, flow([kb('kb-1', { output })]), awsCredentials());
    const before = agentRuntimeRequests();
    const error = await caughtError('kb-1', { payload: 'What does a TLS handshake cost?' });
    const shown = typeof output === 'string' ? JSON.stringify(output) : typeof output;
    expect(error.message).toBe(`NodePropertyError: bedrock-knowledge-base: output is ${shown}; allowed: search_results or answer`);
    expect(agentRuntimeRequests()).toBe(before);
  },
);

test('agentic Answer: a msg.sessionId is refused by name before any AgenticRetrieveStream', async () => {
  await helper.load(NODES, flow([kb('kb-1', { output: 'answer', use_agentic_retrieval: true })]), awsCredentials());
  const before = agentRuntimeRequests();
  expect((await caughtError('kb-1', { payload: 'What does a TLS handshake cost?', sessionId: 'valid-session-id' })).message).toMatch(/sessionId: is given, and agentic retrieval keeps no RetrieveAndGenerate session/);
  expect(agentRuntimeRequests()).toBe(before);
});

test('the stored keys are in neither msg (Answer, agentic Answer) nor a failed call’s error', async () => {
  const secrets = [TEST_CREDENTIALS.accessKeyId, TEST_CREDENTIALS.secretAccessKey];
  await helper.load(NODES, flow([kb('kb-1', { output: 'answer' }), kb('kb-2', { output: 'answer', use_agentic_retrieval: true })]), awsCredentials());
  for (const node of ['kb-1', 'kb-2']) {
    const answer = nextMessage('out');
    helper.getNode(node).receive({ payload: 'What does a TLS handshake cost?' });
    const msg = await answer;
    expect(typeof msg.payload).toBe('string');
    const shown = `${JSON.stringify(msg)}\n${inspect(msg, { depth: 10 })}`;
    for (const secret of secrets) expect(shown).not.toContain(secret);
  }
  emulator().setFaults({ serverError: { status: 500, count: 10 } });
  try {
    const error = await caughtError('kb-1', { payload: 'What does a TLS handshake cost?' });
    const shown = `${error.message}\n${inspect(error, { depth: 10 })}\n${JSON.stringify(error)}`;
    expect(shown).toMatch(/RetrieveAndGenerate/);
    for (const secret of secrets) expect(shown).not.toContain(secret);
  } finally {
    emulator().setFaults({});
  }
});
