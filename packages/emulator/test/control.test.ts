import http2 from 'node:http2';
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { CONTROL_PATH_PREFIX, startEmulator, TEST_CREDENTIALS, type EmulatorStats, type ModelRequestView } from '@bedrock-flow/emulator';
import { isLoopbackAddress } from '../src/control/is-loopback-address';
import { keepAliveClient, userMessage } from './support/clients';
import { rawRequest } from './support/raw-request';

const MODEL = 'us.anthropic.claude-3-5-haiku-20241022-v1:0';

describe('control routes (/__emulator/*)', () => {
  it('are off by default: an unknown route answering 404, counted as non-model', async () => {
    const emu = await startEmulator();
    try {
      expect(emu.controlUrl).toBeUndefined();
      const res = await rawRequest(emu, 'GET', `${CONTROL_PATH_PREFIX}/stats`);
      expect(res.status).toBe(404);
      expect(res.headers['x-amzn-errortype']).toMatch(/^UnknownOperationException:/);
      expect(emu.stats().requests).toMatchObject({ total: 1, nonModel: 1 });
    } finally {
      await emu.close();
    }
  });

  it('serve stats and the request log as JSON, reset them, and are not counted themselves', async () => {
    const emu = await startEmulator({ control: true });
    const { client, destroy } = keepAliveClient(emu);
    try {
      expect(emu.controlUrl).toBe(`${emu.url}/__emulator`);
      await client.send(new ConverseCommand({ modelId: MODEL, messages: [userMessage('first')] }));
      await client.send(new ConverseCommand({ modelId: MODEL, messages: [userMessage('second')] }));

      const stats = await rawRequest(emu, 'GET', '/__emulator/stats');
      expect(stats.status).toBe(200);
      expect(stats.headers['content-type']).toBe('application/json');
      const served = JSON.parse(stats.body) as EmulatorStats;
      expect(served.requests).toMatchObject({ total: 2, byOperation: { Converse: 2 }, nonModel: 0, errors: 0 });
      expect(served.requests).toEqual(emu.stats().requests);
      // The control request's own TCP connection counts, as any connection does (it has served 0 requests).
      expect(served.connections).toMatchObject({ accepted: 2, requestsPerConnection: [2, 0] });

      const log = await rawRequest(emu, 'GET', '/__emulator/requests?format=json');
      const entries = JSON.parse(log.body) as ModelRequestView[];
      expect(entries.map((e) => [e.seq, e.operation, e.modelId, e.lastUserText])).toEqual([
        [1, 'Converse', MODEL, 'first'],
        [2, 'Converse', MODEL, 'second'],
      ]);
      expect(entries).toEqual(emu.requests());

      const head = await rawRequest(emu, 'HEAD', '/__emulator/stats');
      expect([head.status, head.body]).toEqual([200, '']);
      const index = await rawRequest(emu, 'GET', '/__emulator/');
      expect(Object.keys(JSON.parse(index.body).routes)).toEqual(['GET /__emulator/stats', 'GET /__emulator/requests', 'POST /__emulator/reset']);
      const wrongMethod = await rawRequest(emu, 'POST', '/__emulator/stats');
      expect([wrongMethod.status, wrongMethod.headers['allow']]).toEqual([405, 'GET, HEAD']);
      const getReset = await rawRequest(emu, 'GET', '/__emulator/reset');
      expect([getReset.status, getReset.headers['allow']]).toEqual([405, 'POST']);
      expect((await rawRequest(emu, 'GET', '/__emulator/nothing-here')).status).toBe(404);

      // Seven control requests so far, none of them counted.
      expect(emu.stats().requests).toMatchObject({ total: 2, nonModel: 0, errors: 0 });
      expect(emu.stats().http1.requests).toBe(2);

      const reset = await rawRequest(emu, 'POST', '/__emulator/reset', '{}', { 'content-type': 'application/json' });
      expect([reset.status, JSON.parse(reset.body)]).toEqual([200, { reset: true }]);
      expect(emu.stats().requests.total).toBe(0);
      expect(emu.requests()).toEqual([]);
      expect(JSON.parse((await rawRequest(emu, 'GET', '/__emulator/requests')).body)).toEqual([]);

      // The log keeps numbering after a reset, as resetStats() does.
      await client.send(new ConverseCommand({ modelId: MODEL, messages: [userMessage('third')] }));
      const after = JSON.parse((await rawRequest(emu, 'GET', '/__emulator/requests')).body) as ModelRequestView[];
      expect(after.map((e) => e.seq)).toEqual([3]);
    } finally {
      destroy();
      await emu.close();
    }
  });

  it('never serve a secret: no secret key, session token, bearer token or signature in stats or the log', async () => {
    const credential = { accessKeyId: 'AKIACONTROLTEST00001', secretAccessKey: 'control-secret/0123456789abcdef', sessionToken: 'control-session-token-xyz' };
    const bearer = 'bedrock-api-key-control-test-4242';
    const emu = await startEmulator({ control: true, credentials: [credential], bearerTokens: [bearer] });
    const { client, destroy } = keepAliveClient(emu, { credentials: credential });
    try {
      await client.send(new ConverseCommand({ modelId: MODEL, messages: [userMessage('signed')] }));
      const body = JSON.stringify({ messages: [userMessage('bearer')] });
      const viaBearer = await rawRequest(emu, 'POST', `/model/${encodeURIComponent(MODEL)}/converse`, body, {
        authorization: `Bearer ${bearer}`,
        'content-type': 'application/json',
      });
      expect(viaBearer.status).toBe(200);
      const wrongBearer = await rawRequest(emu, 'POST', `/model/${encodeURIComponent(MODEL)}/converse`, body, { authorization: 'Bearer not-the-token' });
      expect(wrongBearer.status).toBe(403);

      const stats = (await rawRequest(emu, 'GET', '/__emulator/stats')).body;
      const log = (await rawRequest(emu, 'GET', '/__emulator/requests')).body;
      expect(JSON.parse(stats).auth).toEqual({ failures: 1, byAccessKeyId: { [credential.accessKeyId]: 1, bearer: 1 } });
      expect(JSON.parse(log)).toHaveLength(2);
      for (const served of [stats, log]) {
        for (const secret of [credential.secretAccessKey, credential.sessionToken, bearer, 'not-the-token', 'Signature=', 'Bearer', 'authorization']) {
          expect(served).not.toContain(secret);
        }
      }
    } finally {
      destroy();
      await emu.close();
    }
  });

  it('are served over TLS and HTTP/2 as well', async () => {
    const emu = await startEmulator({ control: true, tls: true });
    const session = http2.connect(emu.url, { ca: emu.ca });
    try {
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const stream = session.request({ ':method': 'GET', ':path': '/__emulator/stats' });
        let status = 0;
        let text = '';
        stream.on('response', (headers) => (status = Number(headers[':status'])));
        stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
        stream.on('end', () => resolve({ status, body: text }));
        stream.on('error', reject);
        stream.end();
      });
      expect(status).toBe(200);
      const stats = JSON.parse(body) as EmulatorStats;
      expect(stats.http2.sessions).toBe(1);
      expect(stats.tls.handshakes).toBe(1);
      expect(stats.requests.total).toBe(0);
    } finally {
      session.close();
      await emu.close();
    }
  });

  it('answer loopback peers only', () => {
    expect(['127.0.0.1', '127.0.0.53', '::1', '::ffff:127.0.0.1'].map(isLoopbackAddress)).toEqual([true, true, true, true]);
    expect(['10.0.0.1', '192.168.1.2', '::ffff:10.0.0.1', 'fe80::1', '', undefined].map(isLoopbackAddress)).toEqual([false, false, false, false, false, false]);
    expect(TEST_CREDENTIALS.accessKeyId).toBe('AKIAEMULATOR00000001');
  });
});
