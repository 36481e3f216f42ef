import http from 'node:http';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { BENCH_REGION } from '../rows/converse-request';

/** The three configurations scenario 8 compares. */
export type LongGenerationRow = 'stock' | 'seed' | 'bedrock-flow';

/** Rows in table order. */
export const LONG_GENERATION_ROWS: readonly LongGenerationRow[] = ['stock', 'seed', 'bedrock-flow'];

/** A client of one row, built for one experiment and closed after it. */
export interface ExperimentClient {
  client: BedrockRuntimeClient;
  /** What the row's configuration is, for the table. */
  settings: string;
  close(): Promise<void>;
}

const credentials = (): { accessKeyId: string; secretAccessKey: string } => ({
  accessKeyId: TEST_CREDENTIALS.accessKeyId,
  secretAccessKey: TEST_CREDENTIALS.secretAccessKey,
});

/** `stock`: region, endpoint and credentials only: the SDK's default handler (no request timeout), standard retries, 3 attempts. */
export function stockExperimentClient(endpoint: string): ExperimentClient {
  const client = new BedrockRuntimeClient({ region: BENCH_REGION, endpoint, credentials: credentials() });
  return { client, settings: 'SDK defaults: no read timeout, 3 attempts', close: async () => client.destroy() };
}

/**
 * `seed`: the seed's boto3 `Config(read_timeout=60, retries={'max_attempts': 3, 'mode': 'standard'})` in the JS SDK: a
 * keep-alive `NodeHttpHandler` whose `requestTimeout` is a socket-silence timeout like botocore's `read_timeout`, raised
 * as an error (`throwOnRequestTimeout`, as botocore raises `ReadTimeoutError`), standard retries over 3 attempts.
 */
export function seedExperimentClient(endpoint: string, readTimeoutMs: number, maxAttempts: number): ExperimentClient {
  const httpAgent = new http.Agent({ keepAlive: true });
  const client = new BedrockRuntimeClient({
    region: BENCH_REGION,
    endpoint,
    credentials: credentials(),
    maxAttempts,
    retryMode: 'standard',
    requestHandler: new NodeHttpHandler({ httpAgent, requestTimeout: readTimeoutMs, throwOnRequestTimeout: true }),
  });
  return {
    client,
    settings: `keep-alive, read timeout ${readTimeoutMs / 1000} s, ${maxAttempts} attempts (standard)`,
    close: async () => {
      client.destroy();
      httpAgent.destroy();
    },
  };
}

/** `bedrock-flow`: a `BedrockPool` with its default configuration (only region, endpoint and credentials given), one lease. */
export function bedrockFlowExperimentClient(endpoint: string): ExperimentClient {
  // The operator's setting for a local emulator (issue 21): the bench's keys come from code, not typed into a node.
  const pool = new BedrockPool({ openTelemetry: false, endpointPolicy: { allowedHosts: [new URL(endpoint).host] } });
  const lease = pool.acquire(
    { graphId: 'flow-long-generation', nodeId: 'AmazonBedrockConverseModel-Long1' },
    { region: BENCH_REGION, endpoint, credentials: { kind: 'static', ...credentials() } },
  );
  // As the pool's README states its defaults (the normalized config is not public API).
  return { client: lease.client, settings: 'pool defaults: generation wait 15 min, stream silence 30 s, no re-send after write', close: () => pool.destroy() };
}
