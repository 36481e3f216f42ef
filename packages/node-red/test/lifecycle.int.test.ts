import { eventually, nodeRedHelper, settingsAllowingEmulator, useEmulatorForFlows } from './support/node-red-helper';
import { awsCredentials, converseFlow, TAB, type FlowNode } from './support/flows';

// The node modules exactly as Node-RED require()s them.
const awsConfigNode = require('../nodes/bedrock-aws-config');
const converseNode = require('../nodes/bedrock-converse');
const { currentRuntimePool } = require('../nodes/lib/runtime-pool');

const REDEPLOYS = 50;

// Grace 0: a released slot is drained at once, so socket counts settle without waiting out the default 5 s.
const { settings, allowedHosts } = settingsAllowingEmulator();
const helper = nodeRedHelper(settings);

const emulator = useEmulatorForFlows(helper, currentRuntimePool, allowedHosts);

/** Sends `payload` into `nodeId` and resolves with the message the helper node `out` receives. */
function ask(nodeId: string, payload: unknown): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return new Promise((resolve) => {
    helper.getNode('out').once('input', resolve);
    helper.getNode(nodeId).receive({ payload });
  });
}

test(`${REDEPLOYS} full redeploys keep the lease: one TLS handshake, one connection, same warm client`, async () => {
  const flow = converseFlow(emulator());
  await helper.load([awsConfigNode, converseNode], flow, awsCredentials());
  const first = await ask('converse-1', 'hello');
  expect(first.payload).toBe('Echo: hello');
  const firstNode = helper.getNode('converse-1');
  for (let i = 0; i < REDEPLOYS; i++) await helper.setFlows(flow, 'full', awsCredentials());
  // Node-RED really built the node again (a new object) and closed the old one.
  expect(helper.getNode('converse-1')).not.toBe(firstNode);
  const last = await ask('converse-1', 'after redeploys');

  expect(last.payload).toBe('Echo: after redeploys');
  expect(last.usage).toEqual(expect.objectContaining({ input_tokens: expect.any(Number), output_tokens: expect.any(Number) }));
  expect(last.poolMetrics.slotId).toBe(first.poolMetrics.slotId);
  expect(last.poolMetrics.slot.tlsHandshakes).toBe(1);
  expect(last.poolMetrics.slot.connectionsOpened).toBe(1);
  expect(last.poolMetrics.leases).toBe(1);
  const stats = emulator().stats();
  expect(stats.tls.handshakes).toBe(1);
  expect(stats.connections.accepted).toBe(1);
  expect(stats.requests.byOperation.Converse).toBe(2);
});

test('a removed node releases its lease and its sockets close', async () => {
  const flow = converseFlow(emulator());
  await helper.load([awsConfigNode, converseNode], flow, awsCredentials());
  expect((await ask('converse-1', 'hi')).payload).toBe('Echo: hi');
  expect(emulator().stats().connections.open).toBe(1);

  const withoutConverse = flow.filter((node) => node.id !== 'converse-1');
  await helper.setFlows(withoutConverse, 'full', awsCredentials());

  await eventually(() => emulator().stats().connections.open === 0);
  expect(currentRuntimePool().metrics().leases).toBe(0);
  expect(currentRuntimePool().metrics().slots).toHaveLength(0);
});

test('a changed connection config moves the lease to a new client and drops the old one; the endpoint connection stays warm', async () => {
  const flow = converseFlow(emulator());
  await helper.load([awsConfigNode, converseNode], flow, awsCredentials());
  const before = await ask('converse-1', 'one');

  const changed = flow.map((node) => (node.id === 'aws-1' ? { ...node, region: 'us-west-2' } : node));
  await helper.setFlows(changed, 'nodes', awsCredentials());
  const after = await ask('converse-1', 'two');

  expect(after.payload).toBe('Echo: two');
  expect(after.poolMetrics.slotId).not.toBe(before.poolMetrics.slotId);
  await eventually(() => currentRuntimePool().metrics().slots.length === 1);
  // The new client reuses the endpoint's connection: sockets are per endpoint, not per client.
  expect(emulator().stats().connections.open).toBe(1);
  expect(emulator().stats().tls.handshakes).toBe(1);
  expect(currentRuntimePool().metrics().slots).toHaveLength(1);
});

test('a node moved to another tab releases the lease of its old tab', async () => {
  const flow: FlowNode[] = [...converseFlow(emulator()), { id: 'tab-2', type: 'tab', label: 'other' }];
  await helper.load([awsConfigNode, converseNode], flow, awsCredentials());
  await ask('converse-1', 'here');
  const moved = flow.map((node) => (node.id === 'converse-1' || node.id === 'out' ? { ...node, z: 'tab-2' } : node));
  await helper.setFlows(moved, 'full', awsCredentials());
  const answer = await ask('converse-1', 'there');

  expect(answer.payload).toBe('Echo: there');
  expect(currentRuntimePool().metrics().leases).toBe(1);
  // Same config: the lease moved within the same warm slot, no new connection.
  expect(emulator().stats().tls.handshakes).toBe(1);
});

test("Node-RED's stop closes the pool and every socket", async () => {
  await helper.load([awsConfigNode, converseNode], converseFlow(emulator()), awsCredentials());
  await ask('converse-1', 'bye');
  const pool = currentRuntimePool();
  expect(emulator().stats().connections.open).toBe(1);

  await helper.unload();

  await eventually(() => pool.closed && emulator().stats().connections.open === 0);
  expect(currentRuntimePool()).toBeUndefined();
  // Load again so afterEach has something to unload; a fresh pool is created on demand.
  await helper.load([awsConfigNode, converseNode], converseFlow(emulator()), awsCredentials());
  expect(currentRuntimePool()).not.toBe(pool);
  expect(helper.getNode('converse-1').z).toBe(TAB);
});
