/**
 * README "Long answers" example (runnable): a 3 s answer with a 1 s wait fails once, saying it may be billed; with the
 * default wait (15 min) the same answer arrives, once.   npx tsx scripts/long-answer-example.ts
 */
import { ConverseCommand, type BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { BedrockPool, RequestMayHaveBeenBilledError } from '../src';

const emulator = await startEmulator({ tls: true, faults: { generationPace: { answerMs: 3_000 } } });
const pool = new BedrockPool({ defaults: { tls: { ca: emulator.ca } } });
const config = { region: 'us-east-1', endpoint: emulator.url, credentials: { kind: 'static' as const, ...TEST_CREDENTIALS } };
const ask = (client: BedrockRuntimeClient) =>
  client.send(new ConverseCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [{ role: 'user', content: [{ text: 'take your time' }] }] }));

// A node whose Timeout is 1 s (http.requestTimeoutMs: 1000).
const impatient = pool.acquire({ graphId: 'flow-1', nodeId: 'impatient' }, { ...config, http: { requestTimeoutMs: 1_000 } });
try {
  await ask(impatient.client);
} catch (error) {
  if (!(error instanceof RequestMayHaveBeenBilledError)) throw error;
  console.log(`${error.code} (${error.field}, ${error.reason}): ${error.message}`);
}
// The default: a non-streaming generation may take 15 min.
const patient = pool.acquire({ graphId: 'flow-1', nodeId: 'patient' }, config);
const reply = await ask(patient.client);
console.log(reply.output?.message?.content?.[0]?.text, { converseRequests: emulator.stats().requests.byOperation.Converse });
await pool.close();
await emulator.close();
