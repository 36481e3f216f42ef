import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { BedrockPool, type BedrockPoolEventMap, type BedrockPoolOptions } from '@bedrock-flow/bedrock-pool';
import { createComponent, type ComponentContext } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';
import { CaptureLogger } from '../support/capture-logger';
import { pngBytes } from '../support/media-fixtures';
import { startAttacker, type AttackerListener } from './support/attacker-listener';
import { withHostEnvironment } from './support/host-environment';
import { installLoopbackGuard, type LoopbackGuard } from './support/loopback-guard';
import { generateTestCertificate, type TestCertificate } from './support/test-certificate';

/**
 * Issue 21, the adversarial pass of round 3: a malicious flow author on a shared host, through the inputs added or
 * changed this round (`timeout`, `input_value.files`, `reasoning_*`), the profile-name error path, the endpoint's
 * shown text and the pool's reports. Each attack that matters stays here so a regression breaks it. Every connect and
 * name lookup is held on this machine by the loopback guard; the "attacker" is a loopback listener that counts.
 */

const MODEL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';
const TYPED = { aws_access_key_id: 'AKIAFLOWAUTHORTYPED1', aws_secret_access_key: 'flowAuthorTypedSecret/00000000000000001' };
const POOL_EVENTS: Array<keyof BedrockPoolEventMap> = ['slotCreated', 'slotReleased', 'slotEvicted', 'slotDraining', 'slotDrained', 'slotDestroyed', 'leaseCreated', 'leaseMoved', 'leaseReleased', 'warmUpFailed'];

let guard: LoopbackGuard;
let certificate: TestCertificate;
let attacker: AttackerListener;
let dir: string;

beforeAll(async () => {
  guard = installLoopbackGuard([]);
  certificate = await generateTestCertificate(['localhost']);
  attacker = await startAttacker(certificate);
  dir = mkdtempSync(join(tmpdir(), 'bedrock-flow-attack-'));
});

afterAll(async () => {
  await attacker?.close();
  guard?.uninstall();
  rmSync(dir, { recursive: true, force: true });
});

function poolOptions(extra: Partial<BedrockPoolOptions> = {}): BedrockPoolOptions {
  return { openTelemetry: false, idleTtlMs: 0, releaseGraceMs: 0, defaults: { tls: { ca: certificate.cert }, proxy: false, retry: { maxAttempts: 1 } }, ...extra };
}

interface Run {
  error: Error | undefined;
  requests: number;
  connects: number;
  logger: CaptureLogger;
  reports: string;
}

/** One Converse (or InvokeModel) call with keys typed into the node to the attacker's https side, counted. */
async function runChat(values: Record<string, unknown>, ctx: Partial<ComponentContext> = {}, component: 'converse' | 'model' = 'converse', pool_: Partial<BedrockPoolOptions> = {}): Promise<Run> {
  const logger = new CaptureLogger();
  const pool = new BedrockPool(poolOptions({ logger, ...pool_ }));
  const events: unknown[] = [];
  for (const event of POOL_EVENTS) pool.on(event, (...payload: unknown[]) => events.push({ event, payload }));
  const before = { requests: attacker.requests.length, connects: guard.attempts.length };
  // Both chat components take the same AWS, timeout and input_value inputs; one type serves both calls.
  const definition = (component === 'converse' ? amazonBedrockConverseDefinition : amazonBedrockModelDefinition) as typeof amazonBedrockConverseDefinition;
  let error: Error | undefined;
  let node: unknown;
  try {
    node = createComponent(definition, { graphId: 'attack', nodeId: 'n', pool, env: false, logger, ...ctx }, { model_id: MODEL_ID, ...TYPED, endpoint_url: `https://127.0.0.1:${attacker.httpsPort}`, input_value: 'hi', ...values });
    await (node as { text_response(): Promise<unknown> }).text_response();
  } catch (caught) {
    error = caught as Error;
  }
  const reports = [inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error ?? null), inspect(node, { depth: 6 }), JSON.stringify(pool.metrics()), inspect(pool, { depth: 6, showHidden: true }), inspect(events, { depth: 6 }), logger.text()].join('\n');
  await pool.destroy();
  return { error, requests: attacker.requests.length - before.requests, connects: guard.attempts.length - before.connects, logger, reports };
}

describe('timeout: every value the field cannot mean is refused before any connect', () => {
  it.each([
    ['NaN', Number.NaN],
    ['negative', -5],
    ['zero', 0],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['over the 60-minute limit', 1e12],
    ['a non-numeric string', 'ten'],
    ['an object', { valueOf: (): number => 30 }],
    ['a variable reference', { variable: 'AWS_SECRET_ACCESS_KEY' }],
  ])('%s: one error naming timeout, 0 connects', async (_label, timeout) => {
    const run = await runChat({ timeout });
    expect(run.error?.message).toMatch(/timeout/);
    expect([run.requests, run.connects]).toEqual([0, 0]);
  });
});

describe('reasoning inputs cannot smuggle fields or values', () => {
  it.each([
    ['reasoning_effort outside the list', { reasoning_effort: 'maximum' }],
    ['reasoning_effort as an object', { reasoning_effort: { __proto__: { polluted: true } } }],
    ['reasoning_budget_tokens negative', { reasoning_effort: 'high', reasoning_budget_tokens: -1 }],
    ['reasoning_budget_tokens NaN', { reasoning_effort: 'high', reasoning_budget_tokens: Number.NaN }],
    ['reasoning_budget_tokens a string', { reasoning_effort: 'high', reasoning_budget_tokens: '2048; DROP' }],
  ])('%s: one clear error, 0 connects, prototype clean', async (_label, values) => {
    const run = await runChat(values);
    expect(run.error?.message).toMatch(/reasoning_/);
    expect([run.requests, run.connects]).toEqual([0, 0]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('input_value.files: a flow author reads only what the operator put under fileRoots', () => {
  let root: string;
  const SECRET_FILE_TEXT = 'HOST-ONLY-FILE-CONTENT-0042';
  beforeAll(() => {
    root = join(dir, 'uploads');
    mkdirSync(join(root, 'flow-1'), { recursive: true });
    writeFileSync(join(root, 'flow-1', 'ok.png'), pngBytes(4, 4));
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.txt'), SECRET_FILE_TEXT);
    symlinkSync(join(outside, 'secret.txt'), join(root, 'flow-1', 'link.txt'));
    symlinkSync(outside, join(root, 'flow-1', 'dirlink'));
    symlinkSync('/proc/self', join(root, 'flow-1', 'proc'));
    mkdirSync(join(root, 'flow-1', 'folder.txt'));
  });

  const refused: Array<[string, () => unknown]> = [
    ['a ".." segment', () => 'flow-1/../../outside/secret.txt'],
    ['an absolute path outside the roots', () => join(dir, 'outside', 'secret.txt')],
    ['/proc/self/environ', () => '/proc/self/environ'],
    ['a file:// URL', () => `file://${join(dir, 'outside', 'secret.txt')}`],
    ['a symlink to a file outside', () => 'flow-1/link.txt'],
    ['a symlinked directory to outside', () => 'flow-1/dirlink/secret.txt'],
    ['a symlink to /proc/self', () => 'flow-1/proc/environ'],
    ['a directory', () => 'flow-1/folder.txt'],
    ['a NUL byte', () => 'flow-1/ok.png\u0000.txt'],
    ['a backslash ".." segment', () => 'flow-1\\..\\..\\outside\\secret.txt'],
    ['a path object naming a host variable', () => ({ path: { variable: 'AWS_SECRET_ACCESS_KEY' }, mime_type: 'text/plain' })],
    ['a file named like a host variable', () => 'AWS_SECRET_ACCESS_KEY'],
  ];

  it.each(refused)('%s: one error naming input_value.files[0], nothing read or sent, no path of the host shown', async (_label, file) => {
    const run = await runChat({ input_value: { text: 'read this', files: [file()] } }, { fileRoots: [root], variables: { AWS_SECRET_ACCESS_KEY: 'hostVariableValue0042' } });
    expect(run.error?.message).toMatch(/input_value\.files\[0\]/);
    expect([run.requests, run.connects]).toEqual([0, 0]);
    // The path is the author's own text (it shows in inspect(node)); the message never names the host's directories.
    expect(run.error?.message).not.toContain(dir);
    for (const text of [SECRET_FILE_TEXT, 'hostVariableValue0042']) expect(run.reports).not.toContain(text);
  });

  it('without fileRoots every path is refused, even one that exists', async () => {
    const run = await runChat({ input_value: { text: 'x', files: [join(root, 'flow-1', 'ok.png')] } });
    expect(run.error?.message).toMatch(/allows no file paths/);
    expect(run.requests).toBe(0);
  });

  it('a file inside the root is sent (the control: the same request path works)', async () => {
    const run = await runChat({ input_value: { text: 'x', files: ['flow-1/ok.png'] } }, { fileRoots: [root] });
    expect([run.error, run.requests]).toEqual([undefined, 1]);
  });

  it('a 40 MB base64 data URL is refused by its size without being decoded into the request (0 connects)', async () => {
    const huge = `data:image/png;base64,${'A'.repeat(40 * 1024 * 1024)}`;
    const run = await runChat({ input_value: { text: 'x', files: [huge] } });
    expect(run.error?.message).toMatch(/input_value\.files\[0\]/);
    expect([run.requests, run.connects]).toEqual([0, 0]);
  });

  it('a missing file and an existing file outside the roots are told apart only by "outside": no existence oracle', async () => {
    const messages: string[] = [];
    for (const path of [join(dir, 'outside', 'secret.txt'), join(dir, 'outside', 'no-such-file.txt')]) {
      const run = await runChat({ input_value: { text: 'x', files: [path] } }, { fileRoots: [root] });
      messages.push(run.error?.message ?? '');
    }
    expect(messages[0]).toBe(messages[1]);
  });
});

describe('a profile named by a host variable: the error tells nothing about the variable\'s value', () => {
  let configFile: string;
  let credentialsFile: string;
  const COMMAND_SECRET = 'credentialProcessArgSecret0042';
  beforeAll(() => {
    configFile = join(dir, 'aws-config');
    credentialsFile = join(dir, 'aws-credentials');
    // An existing profile that cannot give credentials: its process fails and prints to stderr (with an argument the
    // operator would not show anyone).
    writeFileSync(configFile, `[profile broken]\ncredential_process = /bin/sh -c "echo failing-with-${COMMAND_SECRET} >&2; exit 3" ${COMMAND_SECRET}\n[profile half]\naws_access_key_id = AKIAHALFPROFILE00001\n`);
    writeFileSync(credentialsFile, '');
  });

  async function profileError(value: unknown, variables: Record<string, string>): Promise<Run> {
    return withHostEnvironment({ AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile }, () =>
      // The operator allows the listener, so the profile is resolved (the endpoint policy is not what refuses).
      runChat({ aws_access_key_id: '', aws_secret_access_key: '', credentials_profile_name: value }, { variables }, 'converse', { endpointPolicy: { allowedHosts: [`127.0.0.1:${attacker.httpsPort}`] } }),
    );
  }

  it('a missing profile, an existing one whose credential_process fails and one without a secret: the same message', async () => {
    const runs = [];
    for (const profile of ['no-such-profile', 'broken', 'half']) runs.push(await profileError({ variable: 'TEAM_PROFILE' }, { TEAM_PROFILE: profile }));
    const messages = runs.map((run) => run.error?.message);
    expect(messages[0]).toContain('"TEAM_PROFILE"');
    expect(messages[1]).toBe(messages[0]);
    expect(messages[2]).toBe(messages[0]);
    for (const run of runs) {
      expect(run.requests).toBe(0);
      for (const text of ['no-such-profile', 'broken', 'half', COMMAND_SECRET]) expect(run.reports).not.toContain(text);
    }
  });

  it('a profile name typed into the node: the host\'s credential_process command line and output are not shown', async () => {
    const run = await profileError('broken', {});
    expect(run.error?.message).toContain('profile "broken"');
    expect(run.reports).not.toContain(COMMAND_SECRET);
    expect(run.requests).toBe(0);
  });
});

describe('the endpoint URL as shown back', () => {
  it.each([
    ['userinfo', 'https://admin:hunter2Secret@127.0.0.1:1/x'],
    ['backslashes for slashes', 'https:\\\\admin:hunter2Secret@127.0.0.1:1/x'],
    ['an @ in the password', 'https://admin:hunter2Secret@x@127.0.0.1:1/x'],
    ['one slash', 'https:/admin:hunter2Secret@127.0.0.1:1/x'],
  ])('%s: refused, and the password is in no error, log or report', async (_label, endpoint_url) => {
    const run = await runChat({ endpoint_url });
    expect(run.error?.message).toMatch(/endpoint_url/);
    expect(run.reports).not.toContain('hunter2Secret');
    expect([run.requests, run.connects]).toEqual([0, 0]);
  });
});

describe('a saved flow marks a non-secret field load_from_db (Langflow allows it on any text field)', () => {
  const VALUE = 'https://hostVariableValue0043.example';
  // (A dict input such as additional_model_fields takes `{ value, load_from_db }` as its own JSON, sent as is in the
  // body: no variable is looked up for it, so it has nothing to read back.)
  it.each(['endpoint_url', 'region_name', 'model_id', 'input_value', 'system_message', 'timeout'])(
    '%s: refused with one error naming the field, the variable\'s value never read back, 0 connects',
    async (field) => {
      for (const reference of [{ value: 'HOST_VALUE', load_from_db: true }, { variable: 'HOST_VALUE' }]) {
        const run = await runChat({ [field]: reference }, { variables: { HOST_VALUE: VALUE } });
        expect(run.error?.message).toContain(field);
        expect(run.reports).not.toContain('hostVariableValue0043');
        expect([run.requests, run.connects]).toEqual([0, 0]);
      }
    },
  );
});

describe('URL passwords given to the pool by a host never show in its reports', () => {
  it('an endpoint with user:password@ and a proxy option with a password: 0 hits in metrics, events, inspect and errors', async () => {
    const logger = new CaptureLogger();
    const pool = new BedrockPool(poolOptions({ logger, defaults: { tls: { ca: certificate.cert }, retry: { maxAttempts: 1 }, proxy: 'http://proxyUser:proxyPoolPass0044@127.0.0.1:9' } }));
    const events: unknown[] = [];
    for (const event of POOL_EVENTS) pool.on(event, (...payload: unknown[]) => events.push({ event, payload }));
    let error: unknown;
    try {
      const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, { region: 'us-east-1', endpoint: `https://endpointUser:endpointPoolPass0044@127.0.0.1:${attacker.httpsPort}`, credentials: { kind: 'static', accessKeyId: TYPED.aws_access_key_id, secretAccessKey: TYPED.aws_secret_access_key, origin: 'node' } });
      const { ConverseCommand } = await import('@aws-sdk/client-bedrock-runtime');
      await lease.client.send(new ConverseCommand({ modelId: MODEL_ID, messages: [{ role: 'user', content: [{ text: 'hi' }] }] }));
    } catch (caught) {
      error = caught;
    }
    const text = [inspect(error, { depth: 10, showHidden: true }), JSON.stringify(pool.metrics()), inspect(pool, { depth: 8, showHidden: true }), inspect(events, { depth: 8 }), logger.text()].join('\n');
    await pool.destroy();
    expect(text).not.toContain('endpointPoolPass0044');
    expect(text).not.toContain('proxyPoolPass0044');
  });
});

describe('credential fields: shapes a flow author can save', () => {
  it.each([
    ['a header injection in the secret', { aws_secret_access_key: 'abc\r\nX-Injected: 1' }],
    ['a control character in the key id', { aws_access_key_id: 'AKIA\u0000BCDEFGHIJKLMNOP' }],
    ['a unicode look-alike in the API key', { api_key: 'ABSK\u0410\u200bkey' }],
    ['an inherited variable (JSON __proto__)', { aws_secret_access_key: JSON.parse('{"__proto__": {"variable": "AWS_SECRET_ACCESS_KEY"}}') }],
    ['an array of variables', { aws_secret_access_key: [{ variable: 'AWS_SECRET_ACCESS_KEY' }] }],
    ['a nested variable', { aws_secret_access_key: { variable: { variable: 'AWS_SECRET_ACCESS_KEY' } } }],
    ['a variable name with a path', { aws_secret_access_key: { variable: '../AWS_SECRET_ACCESS_KEY' } }],
    ['load_from_db naming the variable as a number', { aws_secret_access_key: { value: 42, load_from_db: true } }],
  ])('%s: one error naming the field, 0 connects, the host variable never read back, prototype clean', async (_label, values) => {
    const run = await runChat(values, { variables: { AWS_SECRET_ACCESS_KEY: 'hostVariableValue0045' } });
    expect(run.error?.message).toMatch(/aws_secret_access_key|aws_access_key_id|api_key/);
    expect([run.requests, run.connects]).toEqual([0, 0]);
    expect(run.reports).not.toContain('hostVariableValue0045');
    expect(Object.prototype).not.toHaveProperty('variable');
  });
});

describe('a very long key id typed into the node', () => {
  // Not refused: key ids unlike AWS's are accepted as Bedrock accepts them (credential-inputs.test.ts pins that). It is
  // the author's own key to the author's own endpoint; what must hold is one request, no retry, no hang, no echo.
  it('a 100,000-character key id: 1 request, a clean error, the key id not in the error', async () => {
    const keyId = `AKIA${'Q'.repeat(100_000)}`;
    const run = await runChat({ aws_access_key_id: keyId });
    expect(run.error).toBeInstanceOf(Error);
    expect(run.requests).toBeLessThanOrEqual(1);
    expect(run.error?.message).not.toContain('Q'.repeat(200));
  });
});

describe('many tenants on the shared transport (issue 26)', () => {
  it('20 tenants with their own typed keys, 2 calls each at once: each key signs exactly its own 2 requests, one transport', async () => {
    const pool = new BedrockPool(poolOptions());
    const keys = Array.from({ length: 20 }, (_, i) => ({ aws_access_key_id: `AKIATENANT${String(i).padStart(10, '0')}`, aws_secret_access_key: `tenantSecret/${String(i).padStart(27, '0')}` }));
    const before = attacker.requests.length;
    await Promise.all(
      keys.flatMap((key, i) =>
        [0, 1].map(() =>
          createComponent(amazonBedrockConverseDefinition, { graphId: `tenant-${i}`, nodeId: 'chat', pool, env: false }, { model_id: MODEL_ID, ...key, endpoint_url: `https://127.0.0.1:${attacker.httpsPort}`, input_value: 'hi' }).text_response(),
        ),
      ),
    );
    const seen = attacker.requests.slice(before);
    const metrics = pool.metrics();
    await pool.destroy();
    expect(seen).toHaveLength(40);
    // Each request carries exactly one tenant's key id, and each key id is on exactly its own 2 requests.
    expect(seen.map((request) => keys.filter((key) => request.headerText.includes(key.aws_access_key_id)).length)).toEqual(Array(40).fill(1));
    expect(keys.map((key) => seen.filter((request) => request.headerText.includes(key.aws_access_key_id)).length)).toEqual(Array(20).fill(2));
    expect(metrics.endpoints).toHaveLength(1);
    expect(metrics.credentials).toHaveLength(20);
  });
});
