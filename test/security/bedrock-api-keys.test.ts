/**
 * Bedrock API keys through the three components, against the emulator's bearer-token auth: every component
 * authenticates with `Authorization: Bearer` when `api_key` is set (winning over access keys the node also has), a
 * streamed call too; a wrong key fails once with a clear error carrying the AWS error name (no retry storm, no
 * fallback to SigV4 keys).
 */
import { awsErrorNameOf } from '@bedrock-flow/component';
import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { converseStreamText, converseText, embeddingsQuery, expectedReply, modelStreamText, modelText, type ComponentCall } from '../support/components';
import { startStack, type Stack } from '../support/stack';

const API_KEY = 'ABSKYmVkcm9jay1hcGkta2V5LWludGVncmF0aW9uLXRlc3Q';
const WRONG_KEY = 'ABSKd3Jvbmcta2V5LWludGVncmF0aW9uLXRlc3Q';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ graphId: 'flow-api-keys', emulator: { bearerTokens: [API_KEY] } });
});
afterAll(async () => stack?.close());
beforeEach(() => stack.emu.resetStats());

const CALLS: Array<[string, ComponentCall]> = [
  ['converse text_response', converseText],
  ['converse stream', converseStreamText],
  ['model text_response', modelText],
  ['model stream', modelStreamText],
  ['embeddings embedQuery', embeddingsQuery],
];

test.each(CALLS)('%s authenticates with the API key (bearer), not the access keys the node also has', async (name, call) => {
  // The node has valid access keys too: the API key must win, as a bearer token does in the SDK.
  const reply = await call.call(stack.ctx(`api-key-${name}`), stack.values({ api_key: API_KEY }), 'hello there');
  expect(reply).toBe(expectedReply(call, 'hello there'));
  expect(stack.emu.stats().auth.byAccessKeyId).toEqual({ bearer: 1 });
  expect(stack.emu.stats().auth.byAccessKeyId[TEST_CREDENTIALS.accessKeyId]).toBeUndefined();
});

/** The AWS error name a component error carries: its own `awsErrorName`, or that of its (sanitised) SDK cause. */
function awsNameIn(error: unknown): string | undefined {
  const e = error as { awsErrorName?: string; cause?: unknown };
  return e.awsErrorName ?? awsErrorNameOf(e.cause) ?? awsErrorNameOf(error);
}

test.each(CALLS.filter(([name]) => !name.endsWith('stream')))('%s with a wrong API key: one request, UnrecognizedClientException, no SigV4 fallback', async (name, call) => {
  const error = (await call.call(stack.ctx(`wrong-key-${name}`), stack.values({ api_key: WRONG_KEY }), 'hello').catch((e: unknown) => e)) as Error;
  expect(error).toBeInstanceOf(Error);
  expect(awsNameIn(error)).toBe('UnrecognizedClientException');
  expect(error.message).toMatch(/UnrecognizedClientException|bearer token/i);
  expect(error.message).not.toContain(WRONG_KEY);
  const stats = stack.emu.stats();
  expect(stats.auth.failures).toBe(1);
  expect(stats.auth.byAccessKeyId).toEqual({});
});
