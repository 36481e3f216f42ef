import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { eventually, nodeRedHelper, settingsAllowingEmulator } from './support/node-red-helper';
import { awsCredentials, CHAT_MODEL, TAB, type FlowNode } from './support/flows';

/**
 * Node-RED has no owners, so a key stored in a `bedrock-aws-config` node is the host's, not the flow
 * author's: whoever edits flows can change the config node's plain `endpoint`. A stored key goes only to AWS endpoints
 * and to what `settings.bedrockFlow.endpointPolicy` allows; the node's status and error name that setting.
 */

const awsConfig = require('../nodes/bedrock-aws-config');
const converseNode = require('../nodes/bedrock-converse');
const { currentRuntimePool } = require('../nodes/lib/runtime-pool');

const { settings, allowedHosts } = settingsAllowingEmulator();
const helper = nodeRedHelper(settings);

/** A route on this machine that a flow author pointed the config node at: it records what it receives. */
let listener: Server;
let port: number;
const received: Array<{ url: string; authorization: string }> = [];

beforeAll(async () => {
  listener = createServer((req: IncomingMessage, res) => {
    received.push({ url: req.url ?? '', authorization: String(req.headers.authorization ?? '') });
    req.resume();
    req.on('end', () =>
      res
        .writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': `route-${received.length}` })
        .end(JSON.stringify({ output: { message: { role: 'assistant', content: [{ text: 'got it' }] } }, stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 }, metrics: { latencyMs: 1 } })),
    );
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', () => resolve()));
  port = (listener.address() as AddressInfo).port;
});

afterAll(async () => {
  listener.closeAllConnections();
  await new Promise<void>((resolve) => listener.close(() => resolve()));
});

afterEach(async () => {
  await helper.unload();
  await eventually(() => currentRuntimePool() === undefined);
  allowedHosts.length = 0;
});

/** The config node (stored keys: the emulator's test keys) with its endpoint changed to the local route. */
function flowToRoute(): FlowNode[] {
  return [
    { id: TAB, type: 'tab', label: 'bedrock' },
    { id: 'aws-1', type: 'bedrock-aws-config', name: 'changed', region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, profile: '', ca: '' },
    { id: 'converse-1', type: 'bedrock-converse', z: TAB, name: '', aws: 'aws-1', model_id: CHAT_MODEL, wires: [['out']] },
    { id: 'catch-1', type: 'catch', z: TAB, scope: null, uncaught: false, wires: [['caught']] },
    { id: 'out', type: 'helper', z: TAB, wires: [] },
    { id: 'caught', type: 'helper', z: TAB, wires: [] },
  ];
}

test("a config node's stored key is refused to a changed non-AWS endpoint: 0 requests, status and error name the setting", async () => {
  const before = received.length;
  await helper.load([awsConfig, converseNode], flowToRoute(), awsCredentials());
  const converse = helper.getNode('converse-1');
  await eventually(() => converse.status.lastCall?.args[0]?.fill === 'red');
  expect(converse.status.lastCall.args[0]).toEqual(expect.objectContaining({ fill: 'red', text: 'endpoint not allowed: see bedrockFlow.endpointPolicy' }));

  const caught = new Promise<any>((resolve) => helper.getNode('caught').once('input', resolve)); // eslint-disable-line @typescript-eslint/no-explicit-any
  converse.receive({ payload: 'hello' });
  const msg = await caught;
  expect(msg.error.message).toMatch(/is loopback, where the host may serve routes a flow defines/);
  expect(msg.error.message).toContain(`settings.js bedrockFlow.endpointPolicy.allowedHosts: ["127.0.0.1:${port}"]`);
  expect(msg.error.message).not.toContain(TEST_CREDENTIALS.accessKeyId);
  expect(received.length - before).toBe(0);
});

test('the same stored key reaches the endpoint once settings.bedrockFlow.endpointPolicy allows it: 1 request', async () => {
  allowedHosts.push(`127.0.0.1:${port}`);
  const before = received.length;
  await helper.load([awsConfig, converseNode], flowToRoute(), awsCredentials());
  const answer = new Promise<any>((resolve) => helper.getNode('out').once('input', resolve)); // eslint-disable-line @typescript-eslint/no-explicit-any
  helper.getNode('converse-1').receive({ payload: 'hello' });
  expect((await answer).payload).toBe('got it');
  // The deploy's warm-up may open the connection with a request of its own; the model call is the one request to a model.
  const requests = received.slice(before).filter((request) => request.url.startsWith('/model/'));
  expect(requests).toHaveLength(1);
  expect(requests[0]!.authorization).toContain(`Credential=${TEST_CREDENTIALS.accessKeyId}/`);
});
