import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { defaultClient, keepAliveClient, userMessage } from './support/clients';
import { rawRequest } from './support/raw-request';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const command = (): ConverseCommand => new ConverseCommand({ modelId: MODEL, messages: [userMessage('hi')] });

describe('SigV4', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({});
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.resetStats());

  it('rejects a wrong secret with InvalidSignatureException (403)', async () => {
    const client = defaultClient(emu, { credentials: { ...TEST_CREDENTIALS, secretAccessKey: 'wrong-secret' }, maxAttempts: 1 });
    try {
      await expect(client.send(command())).rejects.toMatchObject({ name: 'InvalidSignatureException', $metadata: { httpStatusCode: 403 } });
    } finally {
      client.destroy();
    }
    expect(emu.stats().auth.failures).toBe(1);
  });

  it('rejects an unknown access key with UnrecognizedClientException (403)', async () => {
    const client = defaultClient(emu, { credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' }, maxAttempts: 1 });
    try {
      await expect(client.send(command())).rejects.toMatchObject({ name: 'UnrecognizedClientException', $metadata: { httpStatusCode: 403 } });
    } finally {
      client.destroy();
    }
  });

  it('rejects a body tampered with after signing', async () => {
    const { client, destroy } = keepAliveClient(emu, { maxAttempts: 1 });
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = (args as unknown as { request: { body?: unknown } }).request;
        const original = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body as Uint8Array);
        request.body = original.replace('hi', 'ho');
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low', name: 'tamperAfterSigning' } as never,
    );
    try {
      await expect(client.send(command())).rejects.toMatchObject({ name: 'InvalidSignatureException' });
    } finally {
      destroy();
    }
  });

  it('accepts requests signed with TEST_CREDENTIALS over h2c and HTTP/1.1', async () => {
    const h2 = defaultClient(emu);
    const { client: h1, destroy } = keepAliveClient(emu);
    try {
      await h2.send(command());
      await h1.send(command());
    } finally {
      h2.destroy();
      destroy();
    }
    expect(emu.stats().auth).toEqual({ failures: 0, byAccessKeyId: { [TEST_CREDENTIALS.accessKeyId]: 2 } });
  });
});

describe('SigV4 clock skew, session tokens and bearer tokens', () => {
  it('refuses a request signed 10 minutes off; the SDK corrects its clock from Date and retries', async () => {
    const emu = await startEmulator({});
    const strict = defaultClient(emu, { systemClockOffset: -10 * 60_000, maxAttempts: 1 });
    const retrying = defaultClient(emu, { systemClockOffset: -10 * 60_000 });
    try {
      await expect(strict.send(command())).rejects.toMatchObject({ name: 'InvalidSignatureException', message: expect.stringContaining('Signature expired') });
      const out = await retrying.send(command());
      expect(out.output?.message?.content?.[0]?.text).toBe('Echo: hi');
      expect(emu.stats().auth.failures).toBe(2);
    } finally {
      strict.destroy();
      retrying.destroy();
      await emu.close();
    }
  });

  it('checks the session token of a configured credential', async () => {
    const credential = { accessKeyId: 'ASIAEMULATORSESSION1', secretAccessKey: 'session-secret', sessionToken: 'token-1' };
    const emu = await startEmulator({ credentials: [credential] });
    const good = defaultClient(emu, { credentials: credential });
    const bad = defaultClient(emu, { credentials: { ...credential, sessionToken: 'token-2' }, maxAttempts: 1 });
    const none = defaultClient(emu, { credentials: { accessKeyId: credential.accessKeyId, secretAccessKey: credential.secretAccessKey }, maxAttempts: 1 });
    try {
      await expect(good.send(command())).resolves.toBeDefined();
      await expect(bad.send(command())).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
      await expect(none.send(command())).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
      expect(emu.stats().auth).toEqual({ failures: 2, byAccessKeyId: { ASIAEMULATORSESSION1: 1 } });
    } finally {
      for (const c of [good, bad, none]) c.destroy();
      await emu.close();
    }
  });

  it('accepts configured bearer tokens and refuses others', async () => {
    const emu = await startEmulator({ bearerTokens: ['bedrock-api-key-emulator'] });
    const good = defaultClient(emu, { token: { token: 'bedrock-api-key-emulator' }, authSchemePreference: ['httpBearerAuth'] });
    const bad = defaultClient(emu, { token: { token: 'nope' }, authSchemePreference: ['httpBearerAuth'], maxAttempts: 1 });
    try {
      await expect(good.send(command())).resolves.toBeDefined();
      await expect(bad.send(command())).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
      expect(emu.stats().auth.byAccessKeyId).toEqual({ bearer: 1 });
    } finally {
      good.destroy();
      bad.destroy();
      await emu.close();
    }
  });

  it('rejects a request without any Authorization', async () => {
    const emu = await startEmulator({});
    try {
      const res = await rawRequest(emu, 'POST', `/model/${MODEL}/converse`, '{}', { 'content-type': 'application/json' });
      expect(res.status).toBe(403);
      expect(res.headers['x-amzn-errortype']).toMatch(/^AccessDeniedException:/);
    } finally {
      await emu.close();
    }
  });
});

describe("auth: 'none'", () => {
  it('accepts any signature', async () => {
    const emu = await startEmulator({ auth: 'none' });
    const client = defaultClient(emu, { credentials: { accessKeyId: 'AKIAANY', secretAccessKey: 'anything' } });
    try {
      const out = await client.send(command());
      expect(out.output?.message?.content?.[0]?.text).toBe('Echo: hi');
      expect(emu.stats().auth.byAccessKeyId).toEqual({ anonymous: 1 });
    } finally {
      client.destroy();
      await emu.close();
    }
  });
});
