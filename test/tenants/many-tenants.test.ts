/**
 * Issue 26, as its reproduction ran it: flows of a multi-user host, each with its own AWS key pair, through the
 * real AmazonBedrockConverseModel component, a real BedrockPool and the emulator over TLS, which verifies every
 * request's SigV4 signature against the 200 key pairs it was given. Sockets are shared per endpoint; clients,
 * credential providers and cache entries never cross credentials.
 */
import { randomBytes } from 'node:crypto';
import { createComponent } from '@bedrock-flow/component';
import type { EmulatorCredentials } from '@bedrock-flow/emulator';
import { amazonBedrockEmbeddingsDefinition, setDefaultEmbeddingCache } from '@bedrock-flow/embeddings';
import { converseText } from '../support/components';
import { within } from '../support/deadline';
import { startStack, type Stack } from '../support/stack';

const FLOWS = 200;
const ROUNDS = 3;
const SOCKET_LIMIT = 50;

/** 200 random key pairs, one per flow (tenant). */
const KEYS: EmulatorCredentials[] = Array.from({ length: FLOWS }, (_, i) => ({
  accessKeyId: `AKIAFLOW${String(i).padStart(12, '0')}`,
  secretAccessKey: randomBytes(30).toString('base64'),
}));

let stack: Stack;
beforeEach(async () => {
  stack = await startStack({ emulator: { credentials: KEYS } });
});
afterEach(async () => {
  await stack?.close();
});

/** Builds flow `i`'s Converse node (its own graph, its own keys) and runs it once, as a host does per run. */
async function runFlow(i: number, round: number): Promise<string> {
  const ctx = stack.ctx('AmazonBedrockConverseModel-Tn1', { graphId: `tenant-flow-${i}` });
  return converseText.call(ctx, stack.values({}, KEYS[i]), `flow ${i} round ${round}`);
}

function expectEachKeySignedOnlyItsOwnRequests(perKey: number): void {
  const stats = stack.emu.stats();
  expect(stats.auth.failures).toBe(0);
  expect(stats.auth.byAccessKeyId).toEqual(Object.fromEntries(KEYS.map((key) => [key.accessKeyId, perKey])));
}

test('200 flows with 200 credentials in rotation, 3 rounds, over TLS: 1 TLS handshake, 200 credential resolutions, no request signed with another flow’s key', async () => {
  await within(
    (async () => {
      for (let round = 0; round < ROUNDS; round += 1) {
        for (let i = 0; i < FLOWS; i += 1) expect(await runFlow(i, round)).toBe(`Echo: flow ${i} round ${round}`);
      }
    })(),
    '600 rotated flow runs',
    60_000,
  );
  expect(stack.emu.stats().tls.handshakes).toBe(1);
  expect(stack.emu.stats().connections.accepted).toBe(1);
  expectEachKeySignedOnlyItsOwnRequests(ROUNDS);
  const metrics = stack.pool.metrics();
  expect(metrics.totals.tlsHandshakes).toBe(1);
  expect(metrics.totals.credentialResolutions).toBe(FLOWS);
  // One slot (client) and one credential provider per credential, none shared.
  expect(metrics.slots).toHaveLength(FLOWS);
  expect(new Set(metrics.slots.map((slot) => slot.credentialSource)).size).toBe(FLOWS);
  expect(metrics.credentials).toHaveLength(FLOWS);
  expect(metrics.credentials.every((provider) => provider.slots === 1 && provider.resolutions === 1)).toBe(true);
  expect(metrics.endpoints).toEqual([expect.objectContaining({ slots: FLOWS, connectionsOpened: 1, tlsHandshakes: 1 })]);
});

test('200 flows with 200 credentials at once, 3 rounds: at most the socket limit of TLS handshakes', async () => {
  for (let round = 0; round < ROUNDS; round += 1) {
    const replies = await within(
      Promise.all(KEYS.map((_, i) => runFlow(i, round))),
      `round ${round} of 200 concurrent flows`,
      60_000,
    );
    expect(replies).toEqual(KEYS.map((_, i) => `Echo: flow ${i} round ${round}`));
  }
  const stats = stack.emu.stats();
  expect(stats.tls.handshakes).toBeGreaterThanOrEqual(1);
  expect(stats.tls.handshakes).toBeLessThanOrEqual(SOCKET_LIMIT);
  expect(stats.requests.maxInFlight).toBeLessThanOrEqual(SOCKET_LIMIT);
  expectEachKeySignedOnlyItsOwnRequests(ROUNDS);
  expect(stack.pool.metrics().totals.credentialResolutions).toBe(FLOWS);
});

test('embedding cache entries never cross credentials although the flows share one connection', async () => {
  setDefaultEmbeddingCache({ openTelemetry: false });
  const embed = (i: number) =>
    createComponent(
      amazonBedrockEmbeddingsDefinition,
      stack.ctx('AmazonBedrockEmbeddings-Tn1', { graphId: `tenant-flow-${i}` }),
      stack.values({ model_id: 'amazon.titan-embed-text-v2:0' }, KEYS[i]),
    )
      .build_embeddings()
      .embedQuery('the same question in every tenant');
  for (let round = 0; round < 2; round += 1) for (let i = 0; i < 10; i += 1) await embed(i);
  // Each tenant paid its own first call (10 requests), the second round hit each tenant's own entries (0 more).
  expect(stack.emu.requests()).toHaveLength(10);
  expect(Object.values(stack.emu.stats().auth.byAccessKeyId)).toEqual(Array.from({ length: 10 }, () => 1));
  expect(stack.emu.stats().tls.handshakes).toBe(1);
});
