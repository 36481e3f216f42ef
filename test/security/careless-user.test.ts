import { BedrockPool, type BedrockPoolOptions } from '@bedrock-flow/bedrock-pool';
import { createComponent, type ComponentContext } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { startAttacker, type AttackerListener } from './support/attacker-listener';
import { withHostEnvironment } from './support/host-environment';
import { installLoopbackGuard, type LoopbackGuard } from './support/loopback-guard';
import { generateTestCertificate, type TestCertificate } from './support/test-certificate';

/**
 * Issue 21, the careless new user: misconfigurations that would silently send the host's credentials somewhere, or
 * silently run a node on credentials other than the ones its flow names. Each must be a clear error before any request
 * (0 requests at the listener, 0 connects), or go only where the policy allows. Every connect is held on loopback by
 * the guard; the host's own keys live in the environment (what the default chain would pick up).
 */

const MODEL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';
const HOST_KEYS = { AWS_ACCESS_KEY_ID: 'AKIACARELESSHOSTENV1', AWS_SECRET_ACCESS_KEY: 'carelessHostEnvironmentSecret/0000000001' };
const TYPED = { aws_access_key_id: 'AKIATYPEDCARELESS001', aws_secret_access_key: 'typedCarelessSecret/0000000000000000001' };

let guard: LoopbackGuard;
let certificate: TestCertificate;
let attacker: AttackerListener;

beforeAll(async () => {
  guard = installLoopbackGuard([]);
  certificate = await generateTestCertificate(['localhost']);
  attacker = await startAttacker(certificate);
});

afterAll(async () => {
  await attacker?.close();
  guard?.uninstall();
});

function poolOptions(extra: Partial<BedrockPoolOptions> = {}): BedrockPoolOptions {
  return { openTelemetry: false, idleTtlMs: 0, releaseGraceMs: 0, defaults: { tls: { ca: certificate.cert }, proxy: false, retry: { maxAttempts: 1 } }, ...extra };
}

interface Outcome {
  error: Error | undefined;
  requests: number;
  hostKeyRequests: number;
  connects: number;
}

/** Runs the Converse component once with `values` under the host environment `env` (host keys included), counting. */
async function runOnce(values: Record<string, unknown>, options: { env?: Record<string, string>; ctx?: Partial<ComponentContext>; pool?: Partial<BedrockPoolOptions> } = {}): Promise<Outcome> {
  const pool = new BedrockPool(poolOptions(options.pool));
  const before = { requests: attacker.requests.length, host: attacker.carrying([HOST_KEYS.AWS_ACCESS_KEY_ID]), connects: guard.attempts.length };
  let error: Error | undefined;
  try {
    await withHostEnvironment({ ...HOST_KEYS, ...options.env }, () =>
      createComponent(amazonBedrockConverseDefinition, { graphId: 'careless', nodeId: 'n', pool, env: process.env, ...options.ctx } as ComponentContext, { model_id: MODEL_ID, input_value: 'hi', ...values }).text_response(),
    );
  } catch (caught) {
    error = caught as Error;
  } finally {
    await pool.destroy();
  }
  return { error, requests: attacker.requests.length - before.requests, hostKeyRequests: attacker.carrying([HOST_KEYS.AWS_ACCESS_KEY_ID]) - before.host, connects: guard.attempts.length - before.connects };
}

describe('a node never silently runs on the host\'s credentials instead of the ones its flow names', () => {
  const allowAttacker = () => ({ endpointPolicy: { allowedHosts: [`127.0.0.1:${attacker.httpsPort}`] } });

  it.each([
    ['aws_access_key_id and aws_secret_access_key name variables the host does not have', { aws_access_key_id: { variable: 'TEAM_KEY' }, aws_secret_access_key: { variable: 'TEAM_SECRET' } }, {}],
    ['the variables exist but are empty', { aws_access_key_id: { variable: 'TEAM_KEY' }, aws_secret_access_key: { value: 'TEAM_SECRET', load_from_db: true } }, { variables: { TEAM_KEY: '', TEAM_SECRET: '' } }],
    ['api_key names a variable the host does not have', { api_key: { variable: 'TEAM_API_KEY' } }, {}],
    ['credentials_profile_name names a variable the host does not have', { credentials_profile_name: { variable: 'TEAM_PROFILE' } }, {}],
    ['aws_session_token names a missing variable beside typed keys', { ...TYPED, aws_session_token: { variable: 'TEAM_TOKEN' } }, {}],
  ] as const)('%s: a clear error naming the field and the variable, 0 requests', async (_label, values, ctx) => {
    const outcome = await runOnce({ ...values, endpoint_url: `https://127.0.0.1:${attacker.httpsPort}` }, { ctx, pool: allowAttacker() });
    expect(outcome.error?.message).toMatch(/variable/);
    expect([outcome.requests, outcome.hostKeyRequests, outcome.connects]).toEqual([0, 0, 0]);
  });

  it('a session token without keys is refused, not dropped in favour of the default chain (0 requests)', async () => {
    // No host variables (the keys' default variables resolve to nothing): the default chain would find the host's keys.
    const outcome = await runOnce({ aws_session_token: 'FwoGZXIvYXdzEOnlyATokenNoKeys000000000001', endpoint_url: `https://127.0.0.1:${attacker.httpsPort}` }, { pool: allowAttacker(), ctx: { env: false } });
    expect(outcome.error?.message).toMatch(/aws_session_token/);
    expect([outcome.requests, outcome.hostKeyRequests]).toEqual([0, 0]);
  });

  it('load_from_db given as the string "true" is refused, not sent as a literal key named like the variable', async () => {
    const outcome = await runOnce({ aws_access_key_id: { value: 'TEAM_KEY', load_from_db: 'true' }, aws_secret_access_key: TYPED.aws_secret_access_key, endpoint_url: `https://127.0.0.1:${attacker.httpsPort}` }, { pool: allowAttacker() });
    expect(outcome.error?.message).toMatch(/aws_access_key_id/);
    expect(outcome.requests).toBe(0);
  });
});

describe('the host\'s environment never redirects host credentials around the endpoint policy', () => {
  it.each(['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_BEDROCK_RUNTIME'])('%s set by the operator for another tool: an empty endpoint_url still goes to AWS (0 requests to the URL it names)', async (variable) => {
    const outcome = await runOnce({}, { env: { [variable]: `https://127.0.0.1:${attacker.httpsPort}`, AWS_REGION: 'us-east-1' } });
    // The guard refuses the real AWS name (no route in a test): the call fails, and the listener got nothing.
    expect(outcome.error).toBeDefined();
    expect([outcome.requests, outcome.hostKeyRequests]).toEqual([0, 0]);
    expect(guard.attempts.slice(-1)[0]?.host).toBe('bedrock-runtime.us-east-1.amazonaws.com');
  });

  it('HTTPS_PROXY naming a proxy with a password: the password is in no error, log, metric or event', async () => {
    // A proxy that is not listening: the connect fails, and the error the node shows must not carry the proxy's password.
    const password = 'proxyPassw0rdCareless42';
    const logger = { lines: [] as string[], warn(message: string) { this.lines.push(message); }, error(message: string) { this.lines.push(message); }, info(message: string) { this.lines.push(message); }, debug(message: string) { this.lines.push(message); } };
    const pool = new BedrockPool({ ...poolOptions(), logger, defaults: { retry: { maxAttempts: 1 } } });
    const events: unknown[] = [];
    pool.on('slotCreated', (...payload: unknown[]) => events.push(payload));
    const error = await withHostEnvironment({ HTTPS_PROXY: `http://user:${password}@127.0.0.1:9` }, () =>
      createComponent(amazonBedrockConverseDefinition, { graphId: 'careless', nodeId: 'proxy', pool, env: false }, { model_id: MODEL_ID, input_value: 'hi', ...TYPED, endpoint_url: 'https://bedrock-runtime.us-east-1.amazonaws.com' })
        .text_response()
        .catch((caught: unknown) => caught),
    );
    const { inspect } = await import('node:util');
    const places = [inspect(error, { depth: 8, showHidden: true }), JSON.stringify(pool.metrics()), inspect(pool, { depth: 8, showHidden: true }), JSON.stringify(events), logger.lines.join('\n')];
    await pool.destroy();
    expect(error).toBeInstanceOf(Error);
    expect(places.filter((text) => text.includes(password))).toEqual([]);
  });
});

describe('an endpoint_url in the host\'s AWS config file', () => {
  it('the default profile\'s endpoint_url never takes the host\'s keys: an empty endpoint_url still goes to AWS (0 requests)', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'bedrock-flow-careless-'));
    const configFile = join(dir, 'config');
    writeFileSync(configFile, `[default]\nendpoint_url = https://127.0.0.1:${attacker.httpsPort}\nregion = us-east-1\n`);
    try {
      const outcome = await runOnce({}, { env: { AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') } });
      expect(outcome.error).toBeDefined();
      expect([outcome.requests, outcome.hostKeyRequests]).toEqual([0, 0]);
      expect(guard.attempts.slice(-1)[0]?.host).toBe('bedrock-runtime.us-east-1.amazonaws.com');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
