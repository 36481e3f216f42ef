import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { eventually, nodeRedHelper, settingsAllowingEmulator, useEmulatorForFlows } from './support/node-red-helper';
import { awsConfigNode, awsCredentials, CHAT_MODEL, converseFlow, TAB, type FlowNode } from './support/flows';

const awsConfig = require('../nodes/bedrock-aws-config');
const converseNode = require('../nodes/bedrock-converse');
const invokeModelNode = require('../nodes/bedrock-invoke-model');
const embeddingsNode = require('../nodes/bedrock-embeddings');
const { currentRuntimePool } = require('../nodes/lib/runtime-pool');
const ALL_NODES = [awsConfig, converseNode, invokeModelNode, embeddingsNode];

const { settings, allowedHosts } = settingsAllowingEmulator();
const helper = nodeRedHelper(settings);

const emulator = useEmulatorForFlows(helper, currentRuntimePool, allowedHosts);

/** Resolves with the next message the helper node `id` receives. */
function nextMessage(id: string): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return new Promise((resolve) => helper.getNode(id).once('input', resolve));
}

test('a Catch node receives the validation error of temperature 3, before any model call', async () => {
  const catchNode: FlowNode = { id: 'catch-1', type: 'catch', z: TAB, scope: null, uncaught: false, wires: [['caught']] };
  const caughtNode: FlowNode = { id: 'caught', type: 'helper', z: TAB, wires: [] };
  await helper.load(ALL_NODES, converseFlow(emulator(), { temperature: 3 }, [catchNode, caughtNode]), awsCredentials());
  const converse = helper.getNode('converse-1');
  const caught = new Promise<any>((resolve) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    helper.getNode('caught').on('input', (msg: any) => { if (msg.payload === 'too hot') resolve(msg); }); // eslint-disable-line @typescript-eslint/no-explicit-any
  });
  converse.receive({ payload: 'too hot' });
  const msg = await caught;

  expect(msg.error.code).toBe('ERR_COMPONENT_VALIDATION_FAILED');
  expect(msg.error.message).toMatch(/ChatBedrockConverse validation error: temperature: .*received 3/);
  expect(msg.error.message).toMatch(/0 to 1/);
  expect(msg.error.source).toEqual(expect.objectContaining({ id: 'converse-1', type: 'bedrock-converse' }));
  expect(emulator().stats().requests.byOperation.Converse).toBeUndefined();
  expect(converse.status.lastCall.args[0]).toEqual(expect.objectContaining({ fill: 'red', shape: 'ring' }));
});

test('status goes connecting -> ready at deploy, and the warm-up opens the connection before the first message', async () => {
  await helper.load(ALL_NODES, converseFlow(emulator()), awsCredentials());
  const converse = helper.getNode('converse-1');
  await eventually(() => converse.status.lastCall?.args[0]?.text === 'ready');

  const texts = converse.status.getCalls().map((call: any) => call.args[0].text); // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(texts.slice(0, 2)).toEqual(['connecting', 'ready']);
  expect(emulator().stats().tls.handshakes).toBe(1);
  expect(emulator().stats().requests.nonModel).toBeGreaterThanOrEqual(1);

  const answer = nextMessage('out');
  converse.receive({ payload: 'warm?' });
  expect((await answer).payload).toBe('Echo: warm?');
  expect(emulator().stats().tls.handshakes).toBe(1);
});

test('InvokeModel and Embeddings nodes answer through one shared warm slot', async () => {
  const flow: FlowNode[] = [
    { id: TAB, type: 'tab', label: 'bedrock' },
    awsConfigNode(emulator()),
    { id: 'invoke-1', type: 'bedrock-invoke-model', z: TAB, aws: 'aws-1', model_id: 'anthropic.claude-3-haiku-20240307-v1:0', system_message: 'Be brief.', wires: [['out']] },
    { id: 'embed-1', type: 'bedrock-embeddings', z: TAB, aws: 'aws-1', model_id: 'amazon.titan-embed-text-v2:0', dimensions: '256', wires: [['out']] },
    { id: 'out', type: 'helper', z: TAB, wires: [] },
  ];
  await helper.load(ALL_NODES, flow, awsCredentials());

  let answer = nextMessage('out');
  helper.getNode('invoke-1').receive({ payload: 'ping' });
  const invoked = await answer;
  expect(invoked.payload).toContain('ping');
  expect(invoked.usage).toEqual(expect.objectContaining({ input_tokens: expect.any(Number) }));
  expect(invoked.bedrock.component).toBe('AmazonBedrockModel');

  answer = nextMessage('out');
  helper.getNode('embed-1').receive({ payload: 'a text' });
  const vector = await answer;
  expect(vector.payload).toHaveLength(256);
  expect(vector.payload.every((x: unknown) => typeof x === 'number')).toBe(true);

  // Same connection settings on both nodes: one slot, two leases, and so far one connection.
  expect(vector.poolMetrics.slots).toBe(1);
  expect(vector.poolMetrics.leases).toBe(2);
  expect(vector.poolMetrics.slotId).toBe(invoked.poolMetrics.slotId);
  expect(emulator().stats().tls.handshakes).toBe(1);

  answer = nextMessage('out');
  helper.getNode('embed-1').receive({ payload: ['one', 'two', 'three'] });
  const vectors = await answer;
  expect(vectors.payload).toHaveLength(3);
  expect(vectors.payload[0]).toHaveLength(256);
  // Titan embeds one text per call, concurrently: at most one new connection per extra text, all in the same slot.
  expect(emulator().stats().requests.byOperation.InvokeModel).toBe(5);
  expect(emulator().stats().tls.handshakes).toBeLessThanOrEqual(3);
  expect(emulator().stats().tls.handshakes).toBe(vectors.poolMetrics.slot.tlsHandshakes);
});

test('an embeddings payload that is not text goes to Catch with the field and what is allowed', async () => {
  const flow: FlowNode[] = [
    { id: TAB, type: 'tab', label: 'bedrock' },
    awsConfigNode(emulator()),
    { id: 'embed-1', type: 'bedrock-embeddings', z: TAB, aws: 'aws-1', wires: [['out']] },
    { id: 'out', type: 'helper', z: TAB, wires: [] },
    { id: 'catch-1', type: 'catch', z: TAB, scope: ['embed-1'], uncaught: false, wires: [['caught']] },
    { id: 'caught', type: 'helper', z: TAB, wires: [] },
  ];
  await helper.load(ALL_NODES, flow, awsCredentials());
  const caught = nextMessage('caught');
  helper.getNode('embed-1').receive({ payload: 42 });
  const msg = await caught;

  expect(msg.error.code).toBe('ERR_NODE_RED_PAYLOAD_INVALID');
  expect(msg.error.message).toBe('PayloadError: bedrock-embeddings: msg.payload is number; allowed: a non-empty string, or a non-empty array of strings');
  expect(emulator().stats().requests.byOperation.InvokeModel).toBeUndefined();
});

test('credentials stay in the credential store: deployed with the flow, absent from the flow JSON and from errors', async () => {
  const withInlineCredentials: FlowNode[] = converseFlow(emulator(), { temperature: 3 }).map((node) =>
    node.id === 'aws-1'
      ? { ...node, credentials: { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: TEST_CREDENTIALS.secretAccessKey } }
      : node,
  );
  await helper.load(ALL_NODES, converseFlow(emulator()), {});
  // The editor sends credentials inline on deploy; Node-RED moves declared ones to the credential store.
  await helper.setFlows(withInlineCredentials, 'full');
  const config = helper.getNode('aws-1');
  expect(config.credentials.secretAccessKey).toBe(TEST_CREDENTIALS.secretAccessKey);

  const flowJson = JSON.stringify(helper._redNodes.getFlows());
  expect(flowJson).not.toContain(TEST_CREDENTIALS.secretAccessKey);
  expect(flowJson).not.toContain(TEST_CREDENTIALS.accessKeyId);

  const error = helper.getNode('converse-1').error.getCalls().map((call: any) => String(call.args[0])).join('\n'); // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(error).toMatch(/temperature/);
  expect(error).not.toContain(TEST_CREDENTIALS.secretAccessKey);
});

test('a bad setting at deploy shows an error status and releases the lease the node held', async () => {
  const flow = converseFlow(emulator());
  await helper.load(ALL_NODES, flow, awsCredentials());
  const answer = nextMessage('out');
  helper.getNode('converse-1').receive({ payload: 'ok' });
  await answer;
  expect(currentRuntimePool().metrics().leases).toBe(1);

  const broken = flow.map((node) => (node.id === 'converse-1' ? { ...node, max_tokens: 0 } : node));
  await helper.setFlows(broken, 'nodes', awsCredentials());
  const converse = helper.getNode('converse-1');

  expect(converse.status.lastCall.args[0]).toEqual({ fill: 'red', shape: 'ring', text: expect.stringContaining('max_tokens') });
  expect(currentRuntimePool().metrics().leases).toBe(0);
  await eventually(() => emulator().stats().connections.open === 0);
});

// The node's Timeout (seconds) reaches the pool; a sent generation that times out is not sent again.
test('the Timeout setting bounds the wait: a silent model fails the message once with the may-have-been-billed error, and the node answers the next one', async () => {
  const catchNode: FlowNode = { id: 'catch-t', type: 'catch', z: TAB, scope: null, uncaught: false, wires: [['caught-t']] };
  const caughtNode: FlowNode = { id: 'caught-t', type: 'helper', z: TAB, wires: [] };
  await helper.load(ALL_NODES, converseFlow(emulator(), { timeout: '0.3' }, [catchNode, caughtNode]), awsCredentials());
  const converse = helper.getNode('converse-1');
  await eventually(() => converse.status.lastCall?.args[0]?.text === 'ready');
  emulator().setFaults({ firstByteDelayMs: Number.POSITIVE_INFINITY });
  try {
    const caught = new Promise<any>((resolve) => helper.getNode('caught-t').once('input', resolve)); // eslint-disable-line @typescript-eslint/no-explicit-any
    converse.receive({ payload: 'silent' });
    const msg = await caught;
    expect(msg.error.message).toMatch(/may have processed the request and it may be billed, so it was not sent again/);
    expect(emulator().stats().requests.byOperation.Converse).toBe(1);
  } finally {
    emulator().setFaults({});
  }
  const answer = nextMessage('out');
  converse.receive({ payload: 'next' });
  expect((await answer).payload).toBe('Echo: next');
  expect(emulator().stats().requests.byOperation.Converse).toBe(2);
});

test('a negative Timeout reaches Catch as a validation error naming timeout, before any model call', async () => {
  const catchNode: FlowNode = { id: 'catch-n', type: 'catch', z: TAB, scope: null, uncaught: false, wires: [['caught-n']] };
  const caughtNode: FlowNode = { id: 'caught-n', type: 'helper', z: TAB, wires: [] };
  await helper.load(ALL_NODES, converseFlow(emulator(), { timeout: '-1' }, [catchNode, caughtNode]), awsCredentials());
  const caught = new Promise<any>((resolve) => helper.getNode('caught-n').once('input', resolve)); // eslint-disable-line @typescript-eslint/no-explicit-any
  helper.getNode('converse-1').receive({ payload: 'never sent' });
  const msg = await caught;
  expect(msg.error.code).toBe('ERR_COMPONENT_VALIDATION_FAILED');
  expect(msg.error.message).toMatch(/timeout: .*0\.001 to 3600/);
  expect(emulator().stats().requests.byOperation.Converse).toBeUndefined();
});
