/**
 * Invalid component configurations: each yields ONE clear error (a ComponentValidationError with one issue naming the
 * field, what is wrong and what is allowed) before any network call — the emulator sees no request and no connection.
 * Hand-written cases across the three components, then fast-check generated ones.
 */
import fc from 'fast-check';
import { AWS_REGION_PATTERN, ComponentValidationError } from '@bedrock-flow/component';
import { converseText, embeddingsQuery, modelText, type ComponentCall } from '../support/components';
import { settle } from '../support/deadline';
import { startStack, type Stack } from '../support/stack';
import { BAD_INPUT_CASES, type BadInputCase } from './bad-input-cases';

let stack: Stack;
let tried = 0;
let poolRequestsBefore = 0;

beforeAll(async () => {
  stack = await startStack({ graphId: 'flow-bad-input' });
});
beforeEach(() => {
  stack.emu.resetStats();
  poolRequestsBefore = stack.pool.metrics().totals.requests;
});
afterAll(async () => {
  console.info(`bad input: ${tried} invalid configurations tried`);
  await stack?.close();
});

const CALL: Record<BadInputCase['component'], ComponentCall> = { converse: converseText, model: modelText, embeddings: embeddingsQuery };

/** Builds the node with the bad values and makes one call; returns the validation error it must fail with. */
async function validationErrorOf(component: BadInputCase['component'], bad: Record<string, unknown>, omit: string[] = []): Promise<ComponentValidationError> {
  tried += 1;
  const values: Record<string, unknown> = { ...stack.values(), ...bad };
  for (const field of omit) delete values[field];
  const outcome = await settle(Promise.resolve().then(() => CALL[component].call(stack.ctx(`bad-${component}`), values, 'hello')), `${component} with bad input`);
  if (outcome.ok) throw new Error(`${component} accepted ${JSON.stringify(bad)} and answered ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof ComponentValidationError)) {
    const error = outcome.error as Error;
    throw new Error(`${component} with ${JSON.stringify(bad)} failed with ${error?.name}: ${error?.message}, not a ComponentValidationError`);
  }
  return outcome.error;
}

function expectOneClearIssue(error: ComponentValidationError, field: string): void {
  expect(error.code).toBe('ERR_COMPONENT_VALIDATION_FAILED');
  expect(error.issues.map((issue) => issue.field)).toEqual([field]);
  const [issue] = error.issues;
  expect(issue!.problem.length).toBeGreaterThan(3);
  expect(issue!.allowed.length).toBeGreaterThan(3);
  expect(error.message).toContain(field);
  expect(error.message).toContain(issue!.allowed);
}

function expectNothingSent(): void {
  const stats = stack.emu.stats();
  expect(stats.requests.total).toBe(0);
  expect(stats.connections.accepted).toBe(0);
  expect(stack.pool.metrics().totals.requests - poolRequestsBefore).toBe(0);
}

it(`has at least 50 hand-written cases (${BAD_INPUT_CASES.length})`, () => {
  expect(BAD_INPUT_CASES.length).toBeGreaterThanOrEqual(50);
});

describe.each(BAD_INPUT_CASES.map((badCase) => [`${badCase.component} ${badCase.field}: ${badCase.why}`, badCase] as const))('%s', (_name, badCase) => {
  (badCase.bug ? test.failing : it)('is rejected with one clear error before any request', async () => {
    const error = await validationErrorOf(badCase.component, badCase.values, badCase.omit);
    expectOneClearIssue(error, badCase.field);
    expectNothingSent();
  });
});

describe('generated with fast-check', () => {
  const component = fc.constantFrom<BadInputCase['component']>('converse', 'model', 'embeddings');
  const RUNS = 25;

  it('out-of-range or non-numeric temperature / top_p / max_tokens / top_k are each one issue on that field', async () => {
    const unitFloat = fc.oneof(fc.double({ min: 1.0000001, max: 1e9, noNaN: true }), fc.double({ min: -1e9, max: -1e-7, noNaN: true }), fc.constantFrom(Number.NaN, Infinity, -Infinity, 'abc', '1.5.2', {}));
    const positiveInt = fc.oneof(fc.integer({ min: -1e6, max: 0 }), fc.double({ min: 1.01, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x)), fc.constantFrom('seven', [], true));
    const topK = fc.oneof(fc.integer({ min: 501, max: 1e7 }), fc.integer({ min: -1e6, max: -1 }));
    const bad = fc.oneof(
      unitFloat.map((v) => ['temperature', v] as const),
      unitFloat.map((v) => ['top_p', v] as const),
      positiveInt.map((v) => ['max_tokens', v] as const),
      topK.map((v) => ['top_k', v] as const),
    );
    await fc.assert(
      fc.asyncProperty(bad, async ([field, value]) => {
        expectOneClearIssue(await validationErrorOf('converse', { [field]: value }), field);
      }),
      { numRuns: RUNS },
    );
    expectNothingSent();
  });

  it('region names that are neither listed nor region-shaped are one issue on region_name, for every component', async () => {
    const region = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !AWS_REGION_PATTERN.test(s) && s.trim() !== '');
    await fc.assert(
      fc.asyncProperty(component, region, async (which, value) => {
        expectOneClearIssue(await validationErrorOf(which, { region_name: value }), 'region_name');
      }),
      { numRuns: RUNS },
    );
    expectNothingSent();
  });

  it('endpoints with a non-http scheme, credentials, a query or a fragment are one issue on endpoint_url', async () => {
    const host = fc.constantFrom('127.0.0.1:4443', 'localhost', 'bedrock-runtime.us-east-1.amazonaws.com');
    const endpoint = fc.oneof(
      fc.tuple(fc.constantFrom('ftp', 'file', 'ws', 'gopher', 'data', 'ssh', 'javascript'), host).map(([scheme, h]) => `${scheme}://${h}/`),
      fc.tuple(fc.constantFrom('http', 'https'), fc.stringMatching(/^[a-z]{1,8}$/), host).map(([scheme, user, h]) => `${scheme}://${user}:pw@${h}`),
      fc.tuple(fc.constantFrom('http', 'https'), host, fc.stringMatching(/^[a-z0-9=&]{1,12}$/)).map(([scheme, h, q]) => `${scheme}://${h}/?${q}`),
      fc.tuple(fc.constantFrom('http', 'https'), host, fc.stringMatching(/^[a-z0-9]{1,12}$/)).map(([scheme, h, f]) => `${scheme}://${h}/#${f}`),
    );
    await fc.assert(
      fc.asyncProperty(component, endpoint, async (which, value) => {
        expectOneClearIssue(await validationErrorOf(which, { endpoint_url: value }), 'endpoint_url');
      }),
      { numRuns: RUNS },
    );
    expectNothingSent();
  });
});
