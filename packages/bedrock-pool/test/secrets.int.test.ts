import { inspect } from 'node:util';
import { startEmulator, TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { BedrockPool, type BedrockPoolEventMap, type ClientConfig } from '../src';
import { converse, converseStream } from './support/pool-fixture';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYsecretUnderTest01';
const TOKEN = 'IQoJb3JpZ2luX2VjEsessionTokenUnderTest0123456789abcdefghijklmnopqrstuvwxyz';
const PROXY_PASSWORD = 'proxyPasswordUnderTest';
const SECRETS = [SECRET, TOKEN, PROXY_PASSWORD, TEST_CREDENTIALS.secretAccessKey];
const EVENTS: Array<keyof BedrockPoolEventMap> = [
  'slotCreated', 'slotReleased', 'slotEvicted', 'slotDraining', 'slotDrained', 'slotDestroyed',
  'leaseCreated', 'leaseMoved', 'leaseReleased', 'warmUpFailed',
];

describe('secrets never leak', () => {
  let emulator: RunningEmulator;
  afterAll(async () => emulator.close());

  test('metrics, logs, events, errors, fingerprints, inspect and JSON output hold no secret', async () => {
    emulator = await startEmulator({
      tls: true,
      credentials: [TEST_CREDENTIALS, { accessKeyId: 'AKIASECRETSTEST00001', secretAccessKey: SECRET, sessionToken: TOKEN }],
    });
    const seen: string[] = [];
    const record = (...values: unknown[]) => {
      for (const value of values) {
        seen.push(typeof value === 'string' ? value : inspect(value, { depth: 8, showHidden: true }));
        try {
          seen.push(JSON.stringify(value) ?? '');
        } catch {
          // Not JSON-able (cycles): inspect covered it.
        }
      }
    };
    const logger = { debug: record, info: record, warn: record, error: record };
    const pool = new BedrockPool({ logger, releaseGraceMs: 0, endpointPolicy: { allowedHosts: [new URL(emulator.url).host] }, defaults: { tls: { ca: emulator.ca } } });
    for (const event of EVENTS) pool.on(event, (...payload: unknown[]) => record(...payload));
    const config: ClientConfig = {
      region: 'us-east-1',
      endpoint: emulator.url,
      // Typed into the node, so its key id may be shown (and shows that the search covered the output).
      credentials: { kind: 'static', accessKeyId: 'AKIASECRETSTEST00001', secretAccessKey: SECRET, sessionToken: TOKEN, origin: 'node' },
    };
    try {
      const lease = pool.acquire({ graphId: 'g', nodeId: 'a' }, config);
      await pool.warm(lease, { connections: 2 });
      await converse(lease.client);
      for await (const event of await converseStream(lease.client)) record(event);
      const moved = pool.acquire({ graphId: 'g', nodeId: 'a' }, { ...config, credentials: { kind: 'static', ...TEST_CREDENTIALS } });
      await converse(moved.client);
      const proxied = pool.acquire({ graphId: 'g', nodeId: 'b' }, { ...config, proxy: `http://user:${PROXY_PASSWORD}@127.0.0.1:9` });
      record(lease, moved, proxied, lease.fingerprint, proxied.fingerprint, pool, pool.metrics(), inspect(lease.client, { depth: 4 }));

      const errors: unknown[] = [];
      for (const bad of [
        { ...config, credentials: { kind: 'static', accessKeyId: '', secretAccessKey: SECRET, sessionToken: TOKEN } },
        { ...config, credentials: { kind: 'static', accessKeyId: 'AKIA', secretAccessKey: SECRET, sessionToken: 42 } },
        { ...config, region: SECRET },
        { ...config, proxy: `socks://user:${PROXY_PASSWORD}@x` },
        { ...config, transport: 'http2', proxy: `http://user:${PROXY_PASSWORD}@127.0.0.1:9` },
      ]) {
        try {
          pool.acquire({ graphId: 'g', nodeId: 'bad' }, bad as ClientConfig);
        } catch (error) {
          errors.push(error);
        }
      }
      const failing = pool.acquire({ graphId: 'g', nodeId: 'c' }, { ...config, credentials: { kind: 'profile', profile: 'no-such-profile', nameOrigin: 'node', configFile: '/nonexistent/config', credentialsFile: '/nonexistent/credentials' } });
      await pool.warm(failing).catch((error: unknown) => errors.push(error));
      expect(errors).toHaveLength(6);
      for (const error of errors) record(error, (error as Error).message, (error as Error).stack, (error as Error).cause);
      pool.nodeRemoved({ graphId: 'g', nodeId: 'a' });
      pool.graphDisposed('g');
    } finally {
      await pool.close();
      record(pool.metrics());
    }
    const everything = seen.join('\n');
    expect(everything).toContain('AKIASECRETSTEST00001'); // key ids are fine and show the search covered the output
    expect(everything).toContain('no-such-profile');
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
    // Parts of a secret (e.g. a prefix in a truncated message) must not appear either.
    expect(everything).not.toContain(SECRET.slice(0, 16));
    expect(everything).not.toContain(TOKEN.slice(0, 16));
    expect(emulator.stats().auth.failures).toBe(0);
  });
});
