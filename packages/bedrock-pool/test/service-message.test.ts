import { describeAwsError, MAX_SERVICE_MESSAGE_CHARS, sanitizeAwsError, serviceMessage } from '../src';

const TOKEN = `IQoJb3JpZ2luX2VjE${'Echo0Token1'.repeat(20)}`;

describe('serviceMessage: the other end’s message as an error may show it', () => {
  test('a short message without a secret is kept as written', () => {
    expect(serviceMessage('The provided model identifier is invalid.')).toBe('The provided model identifier is invalid.');
  });

  test('a long message is cut at MAX_SERVICE_MESSAGE_CHARS and says how much was left out', () => {
    const text = 'word '.repeat((MAX_SERVICE_MESSAGE_CHARS + 500) / 5);
    expect(serviceMessage(text)).toBe(`${text.slice(0, MAX_SERVICE_MESSAGE_CHARS)}… (500 more characters)`);
  });

  test('a session token echoed back is redacted, also when it straddles the cut', () => {
    expect(serviceMessage(`bad token ${TOKEN}`)).toBe('bad token [redacted]');
    const straddling = serviceMessage(`${'b '.repeat((MAX_SERVICE_MESSAGE_CHARS - 40) / 2)}${TOKEN}`);
    expect(straddling).not.toContain(TOKEN.slice(0, 40));
  });
});

describe('describeAwsError and sanitizeAwsError use it (one seam for every component)', () => {
  test('describeAwsError cuts and redacts the message', () => {
    const facts = { name: 'ValidationException', answered: true, requestId: 'r-1', httpStatusCode: 400, fault: 'client' as const, retryable: false, attempts: 1 };
    const text = describeAwsError(facts, `${TOKEN} ${'z '.repeat(5_000)}`);
    expect(text).not.toContain(TOKEN);
    expect(text.length).toBeLessThan(MAX_SERVICE_MESSAGE_CHARS + 200);
    expect(text).toMatch(/^ValidationException: \[redacted\] (z )+z?… \(\d+ more characters\) \(request id r-1, HTTP 400\)$/);
  });

  test('sanitizeAwsError cuts and redacts the message and the stack’s first line, keeping the frames', () => {
    const error = new Error(`echo ${TOKEN} ${'q'.repeat(10_000)}`);
    error.name = 'ValidationException';
    const copy = sanitizeAwsError(error) as Error;
    expect(copy.message).not.toContain(TOKEN);
    expect(copy.message.length).toBeLessThan(MAX_SERVICE_MESSAGE_CHARS + 100);
    expect(copy.stack).not.toContain(TOKEN);
    expect(copy.stack!.split('\n')[0]).toBe(`ValidationException: ${copy.message}`);
    expect(copy.stack!.split('\n').slice(1).length).toBeGreaterThan(0);
    expect(copy.stack!.split('\n').slice(1).every((line) => /^\s+at /.test(line))).toBe(true);
  });
});
