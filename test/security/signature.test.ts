/**
 * Authentication failures: the emulator verifies SigV4, so a request signed with the wrong secret, with an unknown
 * key, or whose body was changed after signing is refused with 403; bedrock-flow surfaces that as an authentication
 * error (InvalidSignatureException / UnrecognizedClientException, HTTP 403, request id) through every component,
 * without retrying it (the emulator sees exactly one request per call), and the node works again with the right keys.
 */
import type { EmulatorCredentials } from '@bedrock-flow/emulator';
import { awsErrorFacts } from '../support/aws-error-facts';
import { expectedReply, pooledClientOf, UNARY_CALLS, type ComponentCall } from '../support/components';
import { rejectionOf, within } from '../support/deadline';
import { settledConnections, startStack, type Stack } from '../support/stack';

const KEYS: EmulatorCredentials = { accessKeyId: 'AKIASIGNATURE0000001', secretAccessKey: 'signature-test-secret/000000000000000001' };
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ graphId: 'flow-signature', emulator: { credentials: [KEYS] }, defaults: { retry: { mode: 'standard', maxAttempts: 3 } } });
});
afterAll(() => stack?.close());
beforeEach(() => stack.emu.resetStats());

async function expectAuthFailure(call: ComponentCall, node: string, values: Record<string, unknown>, name: string): Promise<void> {
  const error = await rejectionOf(call.call(stack.ctx(node), values, 'signed'), `${call.label} with bad auth`);
  const facts = awsErrorFacts(error);
  expect(facts.awsErrorName).toBe(name);
  expect(facts.httpStatusCode).toBe(403);
  expect(facts.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(error.message).toContain(name);
  const stats = stack.emu.stats();
  expect(stats.requests.total).toBe(1); // refused once, not retried
  expect(stats.auth.failures).toBe(1);
}

describe.each(UNARY_CALLS.map((call) => [call.label, call] as const))('%s', (_label, call) => {
  it('the wrong secret: InvalidSignatureException, one request, and the right keys work on the same node', async () => {
    const node = `${call.label}-wrong-secret`;
    await expectAuthFailure(call, node, stack.values({}, { ...KEYS, secretAccessKey: 'the-wrong-secret/00000000000000000000001' }), 'InvalidSignatureException');
    expect(await within(call.call(stack.ctx(node), stack.values({}, KEYS), 'fixed'), 'call with the right keys')).toBe(expectedReply(call, 'fixed'));
  });

  it('an unknown access key: UnrecognizedClientException, one request', async () => {
    await expectAuthFailure(call, `${call.label}-unknown-key`, stack.values({}, { ...KEYS, accessKeyId: 'AKIAUNKNOWNKEY000001' }), 'UnrecognizedClientException');
  });

  it('a body changed after signing: InvalidSignatureException, one request', async () => {
    // A node on its own region, so the tampering middleware sits on a client no other test uses.
    const node = `${call.label}-tampered`;
    const values = stack.values({ region_name: 'eu-north-1' }, KEYS);
    const client = pooledClientOf(call, stack.ctx(node), values) as unknown as {
      middlewareStack: { addRelativeTo(mw: unknown, options: Record<string, string>): void; remove(name: string): boolean };
    };
    client.middlewareStack.addRelativeTo(
      (next: (args: { request: { body?: unknown } }) => Promise<unknown>) => async (args: { request: { body?: unknown } }) => {
        const body = args.request.body;
        // Same length, one character different: only the signature can tell.
        const text = typeof body === 'string' ? body : new TextDecoder().decode(body as Uint8Array);
        if (!text.includes('signed')) throw new Error('the body to tamper with does not carry the marker');
        args.request.body = text.replace('signed', 'signeD');
        return next(args);
      },
      { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'tamperAfterSigning' },
    );
    try {
      await expectAuthFailure(call, node, values, 'InvalidSignatureException');
    } finally {
      client.middlewareStack.remove('tamperAfterSigning');
    }
    expect(await within(call.call(stack.ctx(node), values, 'untampered'), 'call after removing the tamperer')).toBe(expectedReply(call, 'untampered'));
    const counts = await settledConnections(stack);
    expect(counts.pool).toBe(counts.emulator);
  });
});
