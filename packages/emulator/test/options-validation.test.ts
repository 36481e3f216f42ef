import net from 'node:net';
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { EmulatorOptionsError, startEmulator, type EmulatorOptions } from '@bedrock-flow/emulator';
import { keepAliveClient, userMessage } from './support/clients';

/** Calls startEmulator with a value of any shape (as a JavaScript caller could) and returns the error. */
async function optionsError(options: unknown): Promise<EmulatorOptionsError> {
  const error = await startEmulator(options as EmulatorOptions).then(
    async (emu) => {
      await emu.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  if (!(error instanceof EmulatorOptionsError)) throw new Error(`expected an EmulatorOptionsError for ${JSON.stringify(options)}, got ${String(error)}`);
  return error;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

describe('startEmulator option validation', () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    ['options not an object', 'tls', 'options', /must be an object/],
    ['options an array', [], 'options', /must be an object/],
    ['unknown option (typo)', { rtt: 30 }, 'rtt', /is not an option; allowed: port, tls, rttMs/],
    ['port out of range', { port: 70000 }, 'port', /integer 0\.\.65535/],
    ['port as a string', { port: '4000' }, 'port', /integer 0\.\.65535, got "4000"/],
    ['tls not a boolean', { tls: 'yes' }, 'tls', /true or false/],
    ['negative rtt', { rttMs: -1 }, 'rttMs', />= 0/],
    ['NaN delay', { serverDelayMs: NaN }, 'serverDelayMs', /finite number/],
    ['infinite chunk delay', { streamChunkDelayMs: Infinity }, 'streamChunkDelayMs', /finite number/],
    ['unknown auth', { auth: 'basic' }, 'auth', /one of "sigv4", "none"/],
    ['credentials not an array', { credentials: { accessKeyId: 'A', secretAccessKey: 'B' } }, 'credentials', /must be an array of \{ accessKeyId/],
    ['credentials entry null', { credentials: [null] }, 'credentials[0]', /must be an object/],
    ['credentials without secret', { credentials: [{ accessKeyId: 'AKIA1' }] }, 'credentials[0].secretAccessKey', /is required/],
    ['credentials empty key id', { credentials: [{ accessKeyId: '', secretAccessKey: 's' }] }, 'credentials[0].accessKeyId', /non-empty string/],
    ['credentials unknown field', { credentials: [{ accessKeyId: 'A', secretAccessKey: 's', region: 'x' }] }, 'credentials[0].region', /allowed: accessKeyId, secretAccessKey, sessionToken/],
    ['session token not a string', { credentials: [{ accessKeyId: 'A', secretAccessKey: 's', sessionToken: 5 }] }, 'credentials[0].sessionToken', /non-empty string/],
    ['bearer tokens not an array', { bearerTokens: 'tok' }, 'bearerTokens', /array of non-empty strings/],
    ['bearer token empty', { bearerTokens: [''] }, 'bearerTokens[0]', /non-empty string/],
    ['faults not an object', { faults: 3 }, 'faults', /must be an object/],
    ['unknown fault', { faults: { slowdown: 1 } }, 'faults.slowdown', /allowed: throttle, serverError/],
    ['throttle rate above 1', { faults: { throttle: { rate: 2 } } }, 'faults.throttle.rate', /0\.\.1/],
    ['everyNth zero', { faults: { throttle: { everyNth: 0 } } }, 'faults.throttle.everyNth', /integer >= 1/],
    ['server error status', { faults: { serverError: { status: 502 } } }, 'faults.serverError.status', /one of 500, 503/],
    ['server error without status', { faults: { serverError: { count: 1 } } }, 'faults.serverError.status', /is required: 500 or 503/],
    ['fractional count', { faults: { resetConnection: { count: 1.5 } } }, 'faults.resetConnection.count', /integer >= 0/],
    ['stream exception without frames', { faults: { streamException: {} } }, 'faults.streamException.afterFrames', /is required/],
    ['unknown operation', { faults: { operations: ['Invoke'] } }, 'faults.operations[0]', /one of "Converse"/],
    ['control not a boolean', { control: 1 }, 'control', /true or false/],
    ['blackhole without count or everyNth', { faults: { blackhole: {} } }, 'faults.blackhole', /needs count .* or everyNth/],
    ['blackhole count negative', { faults: { blackhole: { count: -1 } } }, 'faults.blackhole.count', /integer >= 0/],
    ['blackhole unknown field', { faults: { blackhole: { count: 1, forMs: 5 } } }, 'faults.blackhole.forMs', /allowed: count, everyNth/],
    ['generation pace empty', { faults: { generationPace: {} } }, 'faults.generationPace', /needs tokensPerSecond \(> 0\) or answerMs/],
    ['generation pace of 0 tokens per second', { faults: { generationPace: { tokensPerSecond: 0 } } }, 'faults.generationPace.tokensPerSecond', /finite number > 0, got 0 .*use blackhole/],
    ['generation pace as a string', { faults: { generationPace: { answerMs: '70s' } } }, 'faults.generationPace.answerMs', /finite number >= 0, got "70s"/],
    ['generation pace unknown field', { faults: { generationPace: { tps: 30 } } }, 'faults.generationPace.tps', /allowed: tokensPerSecond, answerMs/],
    ['proxy not a boolean', { proxy: 'yes' }, 'proxy', /true or false/],
    ['NAT idle timeout 0', { natIdleTimeoutMs: 0 }, 'natIdleTimeoutMs', /finite number >= 1, got 0/],
    ['NAT idle timeout without the proxy', { proxy: false, natIdleTimeoutMs: 1000 }, 'natIdleTimeoutMs', /needs the proxy, but proxy is false/],
    ['rtt without the proxy', { proxy: false, rttMs: 10 }, 'rttMs', /needs the proxy, but proxy is false/],
  ];

  it.each(cases)('%s: one coded error naming the field and what is allowed', async (_name, options, field, problem) => {
    const error = await optionsError(options);
    expect(error.code).toBe('ERR_EMULATOR_INVALID_OPTION');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(problem);
    expect(error.issues[0]).toEqual({ field, problem: expect.stringMatching(problem) });
  });

  it('names every bad field in one error', async () => {
    const error = await optionsError({ port: -1, tls: 'no', credentials: [{}], faults: { throttle: { rate: 5 } } });
    expect(error.issues.map((i) => i.field)).toEqual([
      'port',
      'tls',
      'credentials[0].accessKeyId',
      'credentials[0].secretAccessKey',
      'faults.throttle.rate',
    ]);
    expect(error.message.split('; ')).toHaveLength(5);
  });

  it('never echoes a secret value in the error', async () => {
    const error = await optionsError({ bearerTokens: 'my-bedrock-api-key-123', credentials: [{ accessKeyId: 'AKIA1', secretAccessKey: ['hunter2'] }] });
    expect(error.message).toContain('a string of 22 characters');
    expect(error.message).not.toContain('my-bedrock-api-key-123');
    expect(error.message).not.toContain('hunter2');
  });

  it('throws before anything listens: the port stays free', async () => {
    const port = await freePort();
    await optionsError({ port, credentials: 'not-a-list' });
    const probe = net.createServer();
    await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });

  it('accepts every documented option shape', async () => {
    const emu = await startEmulator({
      port: 0,
      tls: false,
      rttMs: 0,
      auth: 'sigv4',
      credentials: [{ accessKeyId: 'AKIA1', secretAccessKey: 's', sessionToken: 't' }],
      bearerTokens: ['tok'],
      serverDelayMs: 0,
      streamChunkDelayMs: 0,
      faults: {
        throttle: { everyNth: 2, rate: 0.5, count: 0, retryAfterSeconds: 1 },
        serverError: { status: 503, count: 0, everyNth: 1000 },
        resetConnection: { count: 0 },
        blackhole: { count: 0, everyNth: 1000 },
        generationPace: { tokensPerSecond: 30, answerMs: 0 },
        idleCloseMs: 1000,
        firstByteDelayMs: Infinity,
        cutStreamAfterFrames: 3,
        streamException: { afterFrames: 2, exceptionType: 'modelStreamErrorException', message: 'x' },
        operations: ['ConverseStream'],
      },
      proxy: true,
      natIdleTimeoutMs: 350_000,
      control: true,
    });
    await emu.close();
  });

  it('setFaults rejects a bad set with every field named, and keeps the faults it had', async () => {
    const emu = await startEmulator();
    const { client, destroy } = keepAliveClient(emu, { maxAttempts: 1 });
    try {
      emu.setFaults({ throttle: { count: 1 } });
      expect(() => emu.setFaults({ throttle: { rate: -1 }, serverError: { status: 404 } } as never)).toThrow(
        expect.objectContaining({ code: 'ERR_EMULATOR_INVALID_OPTION', field: 'faults.throttle.rate', issues: [expect.anything(), expect.objectContaining({ field: 'faults.serverError.status' })] }),
      );
      expect(() => emu.setFaults(undefined as never)).toThrow(expect.objectContaining({ field: 'faults' }));
      // The earlier set still holds: the next call is throttled once, the one after succeeds.
      await expect(client.send(new ConverseCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [userMessage('a')] }))).rejects.toMatchObject({ name: 'ThrottlingException' });
      await client.send(new ConverseCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [userMessage('b')] }));
      expect(emu.stats().faults).toEqual({ throttle: 1 });
    } finally {
      destroy();
      await emu.close();
    }
  });
});
