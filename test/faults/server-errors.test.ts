/**
 * Service errors through every component: 429 ThrottlingException bursts (adaptive retry turns on client-side rate
 * limiting; the call succeeds when the burst ends, or fails with the throttling error after the configured attempts)
 * and 500/503 (retried as transient). Each outcome is a recovery or one clear error with the AWS error name, request
 * id and status; no promise hangs; the emulator and the pool agree on open sockets; the next call on the node works.
 *
 * The three components run side by side in each test, each on a region of its own (so a slot and a rate limiter of
 * its own): the adaptive limiter's pacing after a throttle then overlaps instead of adding up.
 */
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { createComponent } from '@bedrock-flow/component';
import { amazonBedrockEmbeddingsDefinition } from '@bedrock-flow/embeddings';
import { awsErrorFacts } from '../support/aws-error-facts';
import { converseText, embeddingsQuery, expectedReply, modelText, pooledClientOf, type ComponentCall } from '../support/components';
import { rejectionOf, within } from '../support/deadline';
import { settledConnections, startStack, type Stack } from '../support/stack';

const MAX_ATTEMPTS = 3;
const CALLS: readonly ComponentCall[] = [converseText, modelText, embeddingsQuery];
let stack: Stack;
let regionCursor = 0;
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2', 'ca-central-1', 'sa-east-1', 'eu-south-1', 'ap-east-1', 'me-south-1', 'af-south-1', 'il-central-1'];

beforeAll(async () => {
  stack = await startStack({ graphId: 'flow-server-errors', defaults: { retry: { mode: 'adaptive', maxAttempts: MAX_ATTEMPTS } } });
});
afterAll(() => stack?.close());
beforeEach(() => {
  stack.emu.setFaults({});
  stack.emu.resetStats();
});

/** A node per component, each on a fresh region (fresh slot). */
function nodes() {
  return CALLS.map((call) => {
    const region = REGIONS[regionCursor++ % REGIONS.length]!;
    const node = `${call.label}-${region}`;
    const values = stack.values({ region_name: region });
    return {
      call,
      values,
      run: (text: string) => within(call.call(stack.ctx(node), values, text), `${call.label} "${text}"`),
      fail: (text: string) => rejectionOf(call.call(stack.ctx(node), values, text), `${call.label} "${text}"`),
      client: () => pooledClientOf(call, stack.ctx(node), values),
    };
  });
}

/** Each scenario ends with the sockets accounted for and every node still working. */
async function expectHealthyAfterwards(all: ReturnType<typeof nodes>): Promise<void> {
  stack.emu.setFaults({});
  const counts = await settledConnections(stack);
  expect(counts.pool).toBe(counts.emulator);
  expect(stack.pool.metrics().totals.inFlight).toBe(0);
  expect(await Promise.all(all.map((n) => n.run('next')))).toEqual(all.map((n) => expectedReply(n.call, 'next')));
}

const requestsPerCall = () => stack.emu.stats().requests.total / CALLS.length;

it('429 burst shorter than the attempts: retried with client-side rate limiting on, and every call succeeds', async () => {
  // A pool allowing more attempts than the whole burst, so however the shared burst falls on the three concurrent
  // calls none runs out of attempts: the request count is then exact (burst + one success per call).
  const attempts = 2 * CALLS.length + 1;
  const burstPool = new BedrockPool({ openTelemetry: false, defaults: { tls: { ca: stack.emu.ca! }, retry: { mode: 'adaptive', maxAttempts: attempts } } });
  try {
    const all = CALLS.map((call, i) => ({ call, ctx: stack.ctx(`${call.label}-burst`, { pool: burstPool }), values: stack.values({ region_name: REGIONS[i] }) }));
    stack.emu.setFaults({ throttle: { count: 2 * CALLS.length } });
    const replies = await Promise.all(all.map((n) => within(n.call.call(n.ctx, n.values, 'burst'), `${n.call.label} during the burst`)));
    expect(replies).toEqual(all.map((n) => expectedReply(n.call, 'burst')));
    expect(stack.emu.stats().faults['throttle']).toBe(2 * CALLS.length);
    expect(stack.emu.stats().requests.total).toBe(3 * CALLS.length);
    expect(burstPool.metrics().totals.throttles).toBe(2 * CALLS.length);
    expect(burstPool.metrics().totals.retries).toBe(2 * CALLS.length);
    // Adaptive mode: after a throttle the client's token bucket is on, so it now paces its sends.
    const strategy = (await pooledClientOf(converseText, all[0]!.ctx, all[0]!.values).config.retryStrategy()) as { mode: string; rateLimiter: { enabled: boolean } };
    expect(strategy.mode).toBe('adaptive');
    expect(strategy.rateLimiter.enabled).toBe(true);
    stack.emu.setFaults({});
    const counts = await settledConnections({ emu: stack.emu, pool: burstPool });
    expect(counts.pool).toBe(counts.emulator);
    expect(await Promise.all(all.map((n) => within(n.call.call(n.ctx, n.values, 'next'), 'next call')))).toEqual(all.map((n) => expectedReply(n.call, 'next')));
  } finally {
    await burstPool.close();
  }
  await expectHealthyAfterwards(nodes());
});

it('429 burst longer than the attempts: each call fails with ThrottlingException after exactly maxAttempts requests', async () => {
  const all = nodes();
  stack.emu.setFaults({ throttle: { everyNth: 1 } });
  const errors = await Promise.all(all.map((n) => n.fail('too long')));
  for (const error of errors) {
    const facts = awsErrorFacts(error);
    expect(facts.awsErrorName).toBe('ThrottlingException');
    expect(facts.httpStatusCode).toBe(429);
    expect(facts.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.message).toContain('ThrottlingException');
    expect(error.message).toContain(facts.requestId!);
  }
  expect(requestsPerCall()).toBe(MAX_ATTEMPTS);
  await expectHealthyAfterwards(all);
});

it.each([500, 503] as const)('%i once per call: retried as transient and every call succeeds', async (status) => {
  const all = nodes();
  stack.emu.setFaults({ serverError: { status, count: CALLS.length } });
  expect(await Promise.all(all.map((n) => n.run(`after ${status}`)))).toEqual(all.map((n) => expectedReply(n.call, `after ${status}`)));
  expect(requestsPerCall()).toBe(2);
  expect(stack.emu.stats().faults['serverError']).toBe(CALLS.length);
  await expectHealthyAfterwards(all);
});

it.each([
  [500, 'InternalServerException'],
  [503, 'ServiceUnavailableException'],
] as const)('%i on every attempt: each call fails with %s carrying the request id', async (status, name) => {
  const all = nodes();
  stack.emu.setFaults({ serverError: { status, everyNth: 1 } });
  const errors = await Promise.all(all.map((n) => n.fail('always failing')));
  for (const error of errors) {
    const facts = awsErrorFacts(error);
    expect(facts.awsErrorName).toBe(name);
    expect(facts.httpStatusCode).toBe(status);
    expect(facts.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.message).toContain(name);
  }
  expect(requestsPerCall()).toBe(MAX_ATTEMPTS);
  await expectHealthyAfterwards(all);
});

it('a failing batch of embeddings fails fast: one error, no request storm, sockets accounted for', async () => {
  const node = 'AmazonBedrockEmbeddings-batch';
  const values = stack.values({ region_name: 'ca-central-1', max_concurrency: 4 });
  const embedder = createComponent(amazonBedrockEmbeddingsDefinition, stack.ctx(node), values).build_embeddings();
  stack.emu.setFaults({ serverError: { status: 500, everyNth: 1 } });
  const texts = Array.from({ length: 40 }, (_, i) => `document ${i}`);
  const error = await rejectionOf(embedder.embedDocuments(texts), 'failing batch');
  const facts = awsErrorFacts(error);
  expect(facts.awsErrorName).toBe('InternalServerException');
  expect(facts.requestId).toMatch(/^[0-9a-f-]{36}$/);
  // At most the requests in flight when the first text gave up, each with its attempts: far fewer than 40 x 3.
  expect(stack.emu.stats().requests.total).toBeLessThanOrEqual(4 * MAX_ATTEMPTS);
  await expectHealthyAfterwards([]);
  expect(await within(embedder.embedDocuments(['a', 'b', 'c']), 'next batch')).toHaveLength(3);
});
