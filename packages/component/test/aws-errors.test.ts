import { inspect } from 'node:util';
import { attachStreamRequestId, awsErrorNameOf, sanitizeAwsError, withStreamRequestId } from '../src';

const TOKEN = 'session-token-canary-9f2c';

/** An SDK-like error: modelled fields, and the signed request on a hidden `$response`, as the SDK keeps it. */
function sdkError(): Error {
  const error = Object.assign(new Error('Rate exceeded'), {
    name: 'ThrottlingException',
    $fault: 'client',
    $metadata: { httpStatusCode: 429, requestId: 'req-1', attempts: 3 },
    $retryable: { throttling: true },
    cause: Object.assign(new Error('inner'), { code: 'ECONNRESET' }),
  });
  Object.defineProperty(error, '$response', { value: { body: { req: { headers: { 'x-amz-security-token': TOKEN } } } }, enumerable: false });
  return error;
}

describe('sanitizeAwsError', () => {
  it('keeps name, message, $fault, $metadata, $retryable, code and a sanitised cause, never $response', () => {
    const copy = sanitizeAwsError(sdkError()) as Record<string, unknown> & Error;
    expect(copy).toBeInstanceOf(Error);
    expect(copy).toMatchObject({ name: 'ThrottlingException', message: 'Rate exceeded', $fault: 'client', $metadata: { requestId: 'req-1' }, $retryable: { throttling: true } });
    expect((copy.cause as Record<string, unknown>)['code']).toBe('ECONNRESET');
    expect(copy['$response']).toBeUndefined();
    expect(inspect(copy, { showHidden: true, depth: 10 })).not.toContain(TOKEN);
  });

  it('returns values that are not objects unchanged', () => {
    expect(sanitizeAwsError('boom')).toBe('boom');
    expect(sanitizeAwsError(undefined)).toBeUndefined();
  });
});

describe('awsErrorNameOf', () => {
  it('names modelled exceptions (with $fault, as in-stream ones have) and service answers, not network errors', () => {
    expect(awsErrorNameOf(Object.assign(new Error('x'), { name: 'ModelStreamErrorException', $fault: 'client' }))).toBe('ModelStreamErrorException');
    expect(awsErrorNameOf(Object.assign(new Error('x'), { name: 'ThrottlingException', $metadata: {} }))).toBe('ThrottlingException');
    expect(awsErrorNameOf(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBeUndefined();
  });
});

describe('withStreamRequestId', () => {
  async function* failingAfter(items: number): AsyncGenerator<number> {
    for (let i = 0; i < items; i += 1) yield i;
    throw Object.assign(new Error('stream broke'), { name: 'ModelStreamErrorException', $fault: 'client' });
  }

  it('gives an error raised mid-stream the stream response request id, after the items before it', async () => {
    const seen: number[] = [];
    let caught: unknown;
    try {
      for await (const item of withStreamRequestId(failingAfter(2), 'req-stream')) seen.push(item);
    } catch (error) {
      caught = error;
    }
    expect(seen).toEqual([0, 1]);
    expect((caught as { $metadata?: { requestId?: string } }).$metadata?.requestId).toBe('req-stream');
  });

  it('keeps a request id the error already has, and forwards an early stop to the stream', async () => {
    const own = Object.assign(new Error('x'), { $metadata: { requestId: 'own' } });
    expect(attachStreamRequestId(own, 'stream')).toBe(own);
    expect(own.$metadata.requestId).toBe('own');
    let finished = false;
    async function* endless(): AsyncGenerator<number> {
      try {
        for (let i = 0; ; i += 1) yield i;
      } finally {
        finished = true;
      }
    }
    for await (const item of withStreamRequestId(endless(), 'req')) if (item === 2) break;
    expect(finished).toBe(true);
  });
});
