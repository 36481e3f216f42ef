import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { hostNodeIdentity, hostPoolOptions, ProcessPool } from '@bedrock-flow/bedrock-pool';

const emulator = await startEmulator({ tls: true });
// A host's settings (Node-RED's settings.js, an embedder's options); the endpoint policy would otherwise come from
// BEDROCK_FLOW_ALLOWED_ENDPOINTS and friends in the environment.
const settings = { pool: { defaults: { tls: { ca: emulator.ca } } }, endpointPolicy: { allowedHosts: [new URL(emulator.url).host] } };
const processPool = new ProcessPool(() => hostPoolOptions({ configured: settings.pool, endpointPolicy: settings.endpointPolicy }));
const config = { region: 'us-east-1', endpoint: emulator.url, credentials: { kind: 'static' as const, ...TEST_CREDENTIALS } };

// Three deploys of a flow: the node is built again each time; its identity, and so its warm client, stays.
for (let deploy = 0; deploy < 3; deploy += 1) {
  const identity = hostNodeIdentity('tab-1', 'converse-1', 'global');
  const lease = processPool.get().acquire(identity, config);
  processPool.nodeBuilt(identity);
  await lease.client.send(new ConverseCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [{ role: 'user', content: [{ text: 'hi' }] }] }));
}
// The node is deleted (its host's close hook says removed), then the host stops its flows.
processPool.nodeClosed(hostNodeIdentity('tab-1', 'converse-1', 'global'), true);
console.log({ leases: processPool.get().metrics().leases, handshakes: emulator.stats().tls.handshakes });
// -> { leases: 0, handshakes: 1 }
await processPool.close();
console.log({ forgotten: processPool.current() === undefined });
// -> { forgotten: true }
await emulator.close();
