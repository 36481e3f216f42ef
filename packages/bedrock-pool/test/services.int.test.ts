import { inspect } from 'node:util';
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { BedrockPool, ConfigValidationError, EndpointNotAllowedError, isAwsEndpointHost, regionalServiceHost, serviceEndpoint, type BedrockPool as Pool, type ClientConfig } from '../src';
import type { RunningEmulator } from '@bedrock-flow/emulator';
import { converse, startPoolAndEmulator } from './support/pool-fixture';

const node = { graphId: 'flow', nodeId: 'node' };

describe('the pool leases clients of every Bedrock service', () => {
  let emulator: RunningEmulator;
  let pool: Pool;
  let config: ClientConfig;

  beforeEach(async () => {
    ({ emulator, pool, config } = await startPoolAndEmulator());
  });
  afterEach(async () => {
    await pool.close();
    await emulator.close();
  });

  test('acquire(identity, config) still returns the runtime client; the service option types the client', () => {
    const runtime = pool.acquire(node, config);
    const control = pool.acquire(node, config, { service: 'bedrock' });
    const agent = pool.acquire(node, config, { service: 'bedrock-agent-runtime' });
    expect(runtime.client).toBeInstanceOf(BedrockRuntimeClient);
    expect(runtime.service).toBe('bedrock-runtime');
    expect(control.client).toBeInstanceOf(BedrockClient);
    expect(control.service).toBe('bedrock');
    expect(agent.client).toBeInstanceOf(BedrockAgentRuntimeClient);
    // One lease per (node, service), one slot per (service, configuration).
    expect(new Set([runtime.slotId, control.slotId, agent.slotId]).size).toBe(3);
    expect(pool.acquire(node, config, { service: 'bedrock' })).toBe(control);
    expect(pool.acquire(node, config)).toBe(runtime);
    expect(pool.metrics().leases).toBe(3);
    expect(pool.metrics().slots.map((slot) => slot.service).sort()).toEqual(['bedrock', 'bedrock-agent-runtime', 'bedrock-runtime']);
    // The same credentials: one credential scope, one shared provider.
    expect(new Set([runtime.credentialScope, control.credentialScope, agent.credentialScope]).size).toBe(1);
    expect(pool.metrics().credentials).toHaveLength(1);
    expect(control.toJSON()).toEqual({ ...node, service: 'bedrock', slotId: control.slotId, fingerprint: control.fingerprint });
    expect(inspect(agent)).toBe(`ClientLease(flow/node bedrock-agent-runtime -> ${agent.slotId} ${agent.fingerprint})`);
  });

  test('the runtime and the control plane on one emulator endpoint share its transport: one TLS handshake for both', async () => {
    const runtime = pool.acquire(node, config);
    const control = pool.acquire(node, config, { service: 'bedrock' });
    await pool.warm(runtime);
    await pool.warm(control);
    expect(await converse(runtime.client, 'hello')).toContain('hello');
    const metrics = pool.metrics();
    expect(metrics.endpoints).toHaveLength(1);
    expect(metrics.totals.tlsHandshakes).toBe(1);
    expect(emulator.stats().connections.accepted).toBe(1);
  });

  test('release(identity) lets go of every service; release with a service only that one', () => {
    pool.acquire(node, config);
    pool.acquire(node, config, { service: 'bedrock' });
    pool.acquire(node, config, { service: 'bedrock-agent-runtime' });
    expect(pool.release(node, { service: 'bedrock' })).toBe(true);
    expect(pool.metrics().leases).toBe(2);
    expect(pool.release(node)).toBe(true);
    expect(pool.metrics().leases).toBe(0);
    expect(pool.release(node)).toBe(false);
  });

  test('graphDisposed releases the leases of every service of its nodes', () => {
    pool.acquire(node, config);
    pool.acquire(node, config, { service: 'bedrock-agent-runtime' });
    pool.graphDisposed('flow');
    expect(pool.metrics().leases).toBe(0);
  });

  test('different credentials never share a slot of a service', () => {
    const a = pool.acquire({ graphId: 'g', nodeId: 'a' }, config, { service: 'bedrock' });
    const b = pool.acquire({ graphId: 'g', nodeId: 'b' }, { ...config, credentials: { kind: 'static', accessKeyId: 'AKIAOTHER000000000', secretAccessKey: 'other-secret' } }, { service: 'bedrock' });
    expect(a.slotId).not.toBe(b.slotId);
    expect(a.credentialScope).not.toBe(b.credentialScope);
  });

  test('a bad service, or an API key for the agent runtime, is refused before any slot', () => {
    expect(() => pool.acquire(node, config, { service: 'bedrock-agent' as never })).toThrow(ConfigValidationError);
    expect(() => pool.acquire(node, config, { service: 'bedrock-agent' as never })).toThrow(/"service": got "bedrock-agent". Allowed: "bedrock-runtime", "bedrock", "bedrock-agent-runtime"/);
    const apiKey: ClientConfig = { ...config, credentials: { kind: 'bearer', token: 'bedrock-api-key-abc', origin: 'node' } };
    expect(() => pool.acquire(node, apiKey, { service: 'bedrock-agent-runtime' })).toThrow(/credentials.*bedrock-agent-runtime does not take a Bedrock API key/);
    expect(pool.acquire(node, apiKey, { service: 'bedrock' }).client).toBeInstanceOf(BedrockClient);
    expect(pool.metrics().slots).toHaveLength(1);
  });
});

describe('endpoints of the new services', () => {
  test('each service has its own regional host in every partition', () => {
    expect(regionalServiceHost('bedrock', 'us-east-1')).toBe('bedrock.us-east-1.amazonaws.com');
    expect(regionalServiceHost('bedrock-agent-runtime', 'cn-north-1')).toBe('bedrock-agent-runtime.cn-north-1.amazonaws.com.cn');
    expect(regionalServiceHost('bedrock-runtime', 'eusc-de-east-1')).toBe('bedrock-runtime.eusc-de-east-1.amazonaws.eu');
  });

  test('an AWS host of another Bedrock service becomes the service host; other endpoints stay', () => {
    expect(serviceEndpoint('https://bedrock-runtime.us-east-1.amazonaws.com', 'bedrock')).toBe('https://bedrock.us-east-1.amazonaws.com');
    expect(serviceEndpoint('https://bedrock-runtime-fips.us-gov-west-1.amazonaws.com/', 'bedrock-agent-runtime')).toBe('https://bedrock-agent-runtime-fips.us-gov-west-1.amazonaws.com/');
    expect(serviceEndpoint('https://bedrock-runtime.us-east-1.api.aws', 'bedrock')).toBe('https://bedrock.us-east-1.api.aws');
    expect(serviceEndpoint('https://127.0.0.1:4000', 'bedrock')).toBe('https://127.0.0.1:4000');
    expect(serviceEndpoint('https://gateway.corp.example', 'bedrock-agent-runtime')).toBe('https://gateway.corp.example');
  });

  test.each([
    'bedrock.us-east-1.amazonaws.com',
    'bedrock-fips.us-east-1.amazonaws.com',
    'bedrock.cn-north-1.amazonaws.com.cn',
    'bedrock.us-east-1.api.aws',
    'bedrock-agent-runtime.eu-west-1.amazonaws.com',
    'bedrock-agent-runtime-fips.us-gov-west-1.amazonaws.com',
    'bedrock-agent-runtime.cn-northwest-1.amazonaws.com.cn',
    'bedrock-agent-runtime.ap-southeast-2.api.aws',
    'vpce-0abc123-xyz.bedrock-agent-runtime.us-east-1.vpce.amazonaws.com',
    'vpce-0abc123.bedrock.us-east-1.vpce.amazonaws.com',
  ])('%s is an AWS Bedrock endpoint', (host) => {
    expect(isAwsEndpointHost(host)).toBe(true);
  });

  test.each(['bedrock-agent.us-east-1.amazonaws.com', 'bedrockx.us-east-1.amazonaws.com', 'bedrock.us-east-1.evil.example', 'bedrock.us-east-1.amazonaws.com.evil.example'])(
    '%s is not',
    (host) => {
      expect(isAwsEndpointHost(host)).toBe(false);
    },
  );

  test('host credentials are refused to a non-AWS host for the control plane and the agent runtime too', () => {
    const pool = new BedrockPool();
    try {
      for (const service of ['bedrock', 'bedrock-agent-runtime'] as const) {
        const refused = (() => {
          try {
            pool.acquire(node, { region: 'us-east-1', endpoint: 'https://collector.evil.example', credentials: { kind: 'static', ...TEST_CREDENTIALS } }, { service });
          } catch (error) {
            return error;
          }
          return undefined;
        })();
        expect(refused).toBeInstanceOf(EndpointNotAllowedError);
        expect((refused as EndpointNotAllowedError).reason).toBe('host-credentials-to-untrusted-host');
      }
      // Loopback too (a host route could receive the signed request) unless the operator allows it.
      expect(() => pool.acquire(node, { region: 'us-east-1', endpoint: 'https://127.0.0.1:4000', credentials: { kind: 'default' } }, { service: 'bedrock' })).toThrow(EndpointNotAllowedError);
      // The AWS host of the service is fine with host credentials.
      expect(pool.acquire(node, { region: 'us-east-1', endpoint: 'https://bedrock-runtime.us-east-1.amazonaws.com', credentials: { kind: 'default' } }, { service: 'bedrock' }).client).toBeInstanceOf(BedrockClient);
      expect(pool.metrics().slots.map((slot) => slot.endpoint)).toEqual(['https://bedrock.us-east-1.amazonaws.com']);
    } finally {
      void pool.destroy();
    }
  });
});
