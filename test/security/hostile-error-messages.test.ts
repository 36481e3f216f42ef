import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { BedrockPool, MAX_SERVICE_MESSAGE_CHARS } from '@bedrock-flow/bedrock-pool';
import type { ComponentContext } from '@bedrock-flow/component';
import { converseStreamText, converseText, embeddingsQuery, modelText, type ComponentCall } from '../support/components';
import { installLoopbackGuard, type LoopbackGuard } from './support/loopback-guard';

/**
 * An endpoint's own error message is the other end's text: a hostile (or broken) endpoint the operator allowed can
 * echo the request's session token back, or send megabytes. Every component's error keeps it cut at
 * MAX_SERVICE_MESSAGE_CHARS with secret-shaped text redacted: in its message, `util.inspect`, JSON and its cause chain
 * (one seam: the pool's `describeAwsError` and `sanitizeAwsError`). Through the real pool and SDK against a loopback
 * server answering every request with a 400 ValidationException; every connect and lookup held on loopback.
 */

const SESSION_TOKEN = `IQoJb3JpZ2luX2VjE${'Hostile0Echo1Token2'.repeat(12)}`;
const KEYS = { aws_access_key_id: 'AKIAHOSTILEECHO00001', aws_secret_access_key: 'hostileEchoSecret/000000000000000000001', aws_session_token: SESSION_TOKEN };
/** 1,000,000 characters, the session token in the middle and near the start. */
const HOSTILE_MESSAGE = `Your token ${SESSION_TOKEN} is not valid. ${'x'.repeat(500_000)} again: ${SESSION_TOKEN} ${'y'.repeat(499_000)}`;

let guard: LoopbackGuard;
let server: Server;
let endpoint: string;
let pool: BedrockPool;
let requests = 0;

beforeAll(async () => {
  guard = installLoopbackGuard([]);
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests += 1;
      res
        .writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'ValidationException', 'x-amzn-requestid': `hostile-${requests}` })
        .end(JSON.stringify({ message: HOSTILE_MESSAGE }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  pool = new BedrockPool({ openTelemetry: false });
});

afterAll(async () => {
  await pool?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  guard?.uninstall();
  expect(guard.attempts.filter((a) => !a.allowed)).toEqual([]);
});

function context(nodeId: string): ComponentContext {
  return { graphId: 'flow-hostile-error-messages', nodeId, pool, env: false };
}

/** Everything an error shows: message, inspect (with its cause chain), JSON and stack. */
function everythingShown(error: unknown): string {
  const e = error as Error;
  return [e.message, inspect(e, { depth: 8 }), JSON.stringify(e), e.stack ?? ''].join('\n');
}

const CALLS: ComponentCall[] = [converseText, converseStreamText, modelText, embeddingsQuery];

test.each(CALLS.map((call) => [call.label, call] as const))('%s: a 1,000,000-character error echoing the session token is cut and redacted everywhere it shows', async (_label, call) => {
  const modelId = call === embeddingsQuery ? 'amazon.titan-embed-text-v2:0' : 'anthropic.claude-3-haiku-20240307-v1:0';
  const before = requests;
  const error = await call.call(context(`hostile-${call.operation}`), { ...KEYS, region_name: 'us-east-1', endpoint_url: endpoint, model_id: modelId }, 'hello').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  expect(requests - before).toBe(1); // A 400 is not retried.
  const shown = everythingShown(error);
  expect((error as Error).message).toContain('ValidationException');
  expect((error as Error).message).toContain('more characters)');
  expect(shown).not.toContain(SESSION_TOKEN);
  expect(shown).not.toContain('Hostile0Echo1Token2Hostile0Echo1Token2');
  // The message keeps at most the cut: one error stays far below the megabyte the endpoint sent.
  expect((error as Error).message.length).toBeLessThan(MAX_SERVICE_MESSAGE_CHARS + 1_000);
  expect(shown.length).toBeLessThan(40 * MAX_SERVICE_MESSAGE_CHARS);
});
