/** The rows every scenario compares, in table order. */
export const ROW_IDS = ['stock', 'stockReused', 'seed', 'sdkKeepAlive', 'bfHttp1', 'bfHttp2', 'bfComponent', 'limit'] as const;

/** One compared way of calling Bedrock. */
export type RowId = (typeof ROW_IDS)[number];

/** Row labels as printed in the tables. */
export const ROW_LABELS: Record<RowId, string> = {
  stock: 'stock (new default client per build)',
  stockReused: 'stock-reused (one default client)',
  seed: 'seed (keep-alive client per build)',
  sdkKeepAlive: 'SDK keep-alive client, no pool (reference)',
  bfHttp1: 'bedrock-flow http1',
  bfHttp2: 'bedrock-flow http2',
  bfComponent: 'bedrock-flow component (Converse, http1)',
  limit: 'limit (raw https, open socket)',
};

/** What each row is, for the report's legend. */
export const ROW_DESCRIPTIONS: Record<RowId, string> = {
  stock:
    '`new BedrockRuntimeClient({ region, endpoint, credentials })` on every graph build: the SDK default handler (NodeHttp2Handler, `disableConcurrentStreams: true`), so a new TCP + TLS connection per call; what hosts do today.',
  stockReused: 'One stock client reused across builds: still a new connection per call (the default handler).',
  seed: 'A keep-alive client (`NodeHttpHandler` + keep-alive `https.Agent`) created per graph build and destroyed at the end of the run: a per-instance cache that dies with the graph.',
  sdkKeepAlive:
    'Reference, not a baseline hosts have: one keep-alive client (`NodeHttpHandler` + keep-alive `https.Agent`) kept for the whole scenario with no pool, no hooks and no metrics: the SDK on a warm socket, to tell the SDK\'s cost from the pool\'s.',
  bfHttp1: 'One `BedrockPool` for the process; per build `graphBuildStarted` -> `acquire` -> `graphBuildFinished` (transport http1), then `lease.client.send`.',
  bfHttp2: 'As bedrock-flow http1 with `transport: "http2"` (one multiplexed session per endpoint).',
  bfComponent:
    'The real `AmazonBedrockConverseModel` component on the pool (http1): `createComponent(...).build_model()` per build, then `ChatBedrockConverse.invoke` (adds LangChain and input validation).',
  limit: 'A raw keep-alive `https.request` with the same JSON body on an already-open socket, unsigned, to an emulator with `auth: "none"`: one round trip + server time, the physical floor.',
};
