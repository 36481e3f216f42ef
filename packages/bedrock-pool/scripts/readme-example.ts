import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { BedrockPool } from '@bedrock-flow/bedrock-pool';

const emulator = await startEmulator({ tls: true });
// Keys the host provides (unmarked: not typed into a node) reach a loopback endpoint only when the operator allows it.
const pool = new BedrockPool({ endpointPolicy: { allowedHosts: [new URL(emulator.url).host] }, defaults: { tls: { ca: emulator.ca } } });
const config = { region: 'us-east-1', endpoint: emulator.url, credentials: { kind: 'static' as const, ...TEST_CREDENTIALS } };

for (let run = 0; run < 3; run += 1) {
  // What a host does on every run: the graph is rebuilt, the node acquires its client again.
  pool.graphBuildStarted({ graphId: 'flow-1', nodeIds: ['AmazonBedrockConverseModel-AbC12'] });
  const lease = pool.acquire({ graphId: 'flow-1', nodeId: 'AmazonBedrockConverseModel-AbC12' }, config);
  pool.graphBuildFinished({ graphId: 'flow-1', nodeIds: ['AmazonBedrockConverseModel-AbC12'] });
  const reply = await lease.client.send(
    new ConverseCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [{ role: 'user', content: [{ text: `run ${run}` }] }] }),
  );
  console.log(reply.output?.message?.content?.[0]?.text);
}

const { totals } = pool.metrics();
console.log({ tlsHandshakes: totals.tlsHandshakes, credentialResolutions: totals.credentialResolutions, reused: totals.requestsOnReusedConnections });
// The warm-up request opened the connection; the three runs reuse it:
// -> { tlsHandshakes: 1, credentialResolutions: 1, reused: 3 }
await pool.close();
await emulator.close();
