// The README's endpoint policy example, runnable: cd packages/bedrock-pool && npx tsx scripts/endpoint-policy-example.ts (no network call).
import { BedrockPool, EndpointNotAllowedError, endpointPolicyFromEnv } from '../src'; // in your code: '@bedrock-flow/bedrock-pool'

const env = { BEDROCK_FLOW_ALLOWED_ENDPOINTS: 'bedrock-gateway.corp.example:8443' };
const pool = new BedrockPool({ endpointPolicy: endpointPolicyFromEnv(env) });
const identity = { graphId: 'flow-1', nodeId: 'n1' };

// Host credentials (the default chain) to AWS, to the trusted gateway: leased. To any other host: refused.
pool.acquire(identity, { region: 'us-east-1', endpoint: 'https://bedrock-runtime.us-east-1.amazonaws.com' });
pool.acquire(identity, { region: 'us-east-1', endpoint: 'https://bedrock-gateway.corp.example:8443' });
try {
  pool.acquire(identity, { region: 'us-east-1', endpoint: 'https://attacker.example' });
} catch (error) {
  if (!(error instanceof EndpointNotAllowedError)) throw error;
  console.log(`${error.code} (${error.field}, ${error.reason}):\n${error.message}`);
}
// Keys typed into the node may go to any https host the node's author names.
const own = { kind: 'static' as const, accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'example-secret', origin: 'node' as const };
console.log(pool.acquire(identity, { region: 'us-east-1', endpoint: 'https://attacker.example', credentials: own }).slotId);
await pool.destroy();
