import { inspect } from 'node:util';
import { BedrockPool, type BedrockPoolEventMap, type BedrockPoolOptions } from '@bedrock-flow/bedrock-pool';
import { createComponent, type ComponentContext } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { amazonBedrockEmbeddingsDefinition } from '@bedrock-flow/embeddings';
import { amazonBedrockKnowledgeBaseRetrieverDefinition } from '@bedrock-flow/knowledge-base';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';
import { CaptureLogger } from '../support/capture-logger';
import { SecretScanner } from '../support/secret-scanner';
import { startAttacker, type AttackerListener } from './support/attacker-listener';
import { startConnectProxy, type ConnectProxy } from './support/connect-proxy';
import { writeCredentialProcessProfile, type CredentialProcessProfile } from './support/credential-process-profile';
import { withHostEnvironment } from './support/host-environment';
import { installLoopbackGuard, type LoopbackGuard } from './support/loopback-guard';
import { generateTestCertificate, type TestCertificate } from './support/test-certificate';

/**
 * Issue 21: what a flow author gets is only what they were given.
 * 1. A host variable named in any credential field of any of the three components never comes back: not in the error,
 *    its causes, `util.inspect` of the node, the lease or the pool, the metrics, the pool's events or the logs.
 * 2. Credentials the host provides reach a loopback listener (where hosts serve flow-defined routes) 0 times by default
 *    and exactly once when the operator allows its host:port; keys typed into the node reach it with no setting.
 * 3. `localhost.` is not loopback; env proxies skip loopback and http:// endpoints.
 * Every connect is held on this machine by the loopback guard.
 */

const MODEL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';
/** Every pool event a host may log. */
const POOL_EVENTS: Array<keyof BedrockPoolEventMap> = ['slotCreated', 'slotReleased', 'slotEvicted', 'slotDraining', 'slotDrained', 'slotDestroyed', 'leaseCreated', 'leaseMoved', 'leaseReleased', 'warmUpFailed'];
const EMBEDDING_MODEL_ID = 'amazon.titan-embed-text-v2:0';

const COMPONENTS = {
  AmazonBedrockConverseModel: (ctx: ComponentContext, values: Record<string, unknown>) =>
    createComponent(amazonBedrockConverseDefinition, ctx, { model_id: MODEL_ID, ...values, input_value: 'hi' }),
  AmazonBedrockModel: (ctx: ComponentContext, values: Record<string, unknown>) => createComponent(amazonBedrockModelDefinition, ctx, { model_id: MODEL_ID, ...values, input_value: 'hi' }),
  AmazonBedrockEmbeddings: (ctx: ComponentContext, values: Record<string, unknown>) => createComponent(amazonBedrockEmbeddingsDefinition, ctx, { model_id: EMBEDDING_MODEL_ID, ...values }),
  AmazonBedrockKnowledgeBaseRetriever: (ctx: ComponentContext, values: Record<string, unknown>) =>
    createComponent(amazonBedrockKnowledgeBaseRetrieverDefinition, ctx, { knowledge_base_id: 'KBCANARY01', search_query: 'hi', ...values }),
};
type ComponentName = keyof typeof COMPONENTS;

async function run(name: ComponentName, node: unknown): Promise<unknown> {
  const instance = node as { text_response(): Promise<unknown>; build_embeddings(): { embedQuery(text: string): Promise<unknown> }; search_documents(): Promise<unknown> };
  if (name === 'AmazonBedrockKnowledgeBaseRetriever') return instance.search_documents();
  return name === 'AmazonBedrockEmbeddings' ? instance.build_embeddings().embedQuery('hi') : instance.text_response();
}

// The host's variables a flow author names: each value a canary that must never come back.
const CANARY = {
  aws_access_key_id: 'AKIACANARYKEYID00042',
  aws_secret_access_key: 'canarySecretFromHostVariable/000000000042',
  aws_session_token: 'CanarySessionTokenFromHostVariable0000000042',
  credentials_profile_name: 'canary-profile-from-host-variable-42',
  api_key: 'ABSKY2FuYXJ5LWFwaS1rZXktZnJvbS12YXJpYWJsZS00Mg',
} as const;
type CredentialField = keyof typeof CANARY;
const FIELDS = Object.keys(CANARY) as CredentialField[];
// Keys typed into the node, used beside a variable where the field needs a partner (a session token needs keys).
const TYPED = { accessKeyId: 'AKIATYPEDINNODE00001', secretAccessKey: 'typedInNodeSecret/00000000000000000000001' };

/** The node's values for `field` named as a variable (alternating the `{ variable }` and Langflow `load_from_db` forms). */
function namingVariable(field: CredentialField, variable: string, form: 'variable' | 'load_from_db'): Record<string, unknown> {
  const reference = form === 'variable' ? { variable } : { value: variable, load_from_db: true };
  switch (field) {
    case 'aws_access_key_id':
      return { aws_access_key_id: reference, aws_secret_access_key: TYPED.secretAccessKey };
    case 'aws_secret_access_key':
      return { aws_access_key_id: TYPED.accessKeyId, aws_secret_access_key: reference };
    case 'aws_session_token':
      return { aws_access_key_id: TYPED.accessKeyId, aws_secret_access_key: TYPED.secretAccessKey, aws_session_token: reference };
    default:
      return { [field]: reference };
  }
}

let guard: LoopbackGuard;
let certificate: TestCertificate;
let attacker: AttackerListener;
let profile: CredentialProcessProfile;
let proxy: ConnectProxy;

beforeAll(async () => {
  guard = installLoopbackGuard([]);
  certificate = await generateTestCertificate(['localhost']);
  attacker = await startAttacker(certificate);
  profile = writeCredentialProcessProfile('shared', { accessKeyId: 'AKIAHOSTPROFILE00021', secretAccessKey: 'hostProfileSecret/00000000000000000000021', sessionToken: 'HostProfileSessionToken0000000000000000000021' });
  proxy = await startConnectProxy();
});

afterAll(async () => {
  await proxy?.close();
  await attacker?.close();
  profile?.remove();
  guard?.uninstall();
});

function poolOptions(extra: Partial<BedrockPoolOptions> = {}): BedrockPoolOptions {
  return { openTelemetry: false, idleTtlMs: 0, releaseGraceMs: 0, defaults: { tls: { ca: certificate.cert }, proxy: false, retry: { maxAttempts: 1 } }, ...extra };
}

describe('a host variable named in a credential field never comes back', () => {
  const cases = (Object.keys(COMPONENTS) as ComponentName[]).flatMap((name) => FIELDS.map((field, index) => [name, field, index % 2 === 0 ? 'variable' : 'load_from_db'] as const));

  it.each(cases)('%s, %s (%s form): 0 hits in the error, inspect, metrics, events and logs, endpoint allowed or not', async (name, field, form) => {
    const scanner = new SecretScanner([CANARY[field]]);
    for (const allowed of [false, true]) {
      const logger = new CaptureLogger();
      const events: unknown[] = [];
      const endpoint = `https://127.0.0.1:${attacker.httpsPort}`;
      const pool = new BedrockPool(poolOptions({ logger, ...(allowed ? { endpointPolicy: { allowedHosts: [new URL(endpoint).host] } } : {}) }));
      for (const event of POOL_EVENTS) pool.on(event, (...payload: unknown[]) => events.push({ event, payload }));
      const ctx: ComponentContext = { graphId: 'secret-boundary', nodeId: `${name}-${field}`, pool, env: false, logger, variables: { HOST_SECRET: CANARY[field] } };
      let node: unknown;
      let error: unknown;
      try {
        node = COMPONENTS[name](ctx, { ...namingVariable(field, 'HOST_SECRET', form), endpoint_url: endpoint });
        await run(name, node);
      } catch (caught) {
        error = caught;
      }
      // A variable's value going to an endpoint the operator allowed is the point of the variable; the attacker plays
      // that endpoint here, so only the pool's own reports are searched, not what the listener received.
      if (error !== undefined) scanner.scanError(`${name} error (allowed: ${allowed})`, error);
      scanner.scanObject('node', node);
      scanner.scanObject('metrics', pool.metrics());
      scanner.scanText('inspect(pool)', inspect(pool, { depth: 6, showHidden: true }));
      scanner.scanObject('events', events);
      scanner.scanText('logs', logger.text());
      await pool.destroy();
    }
    expect(scanner.hits).toEqual([]);
    expect(scanner.hiddenHits).toEqual([]);
    expect(scanner.places).toBeGreaterThanOrEqual(20);
  });

  it.each(FIELDS)('%s: a missing variable and one with an unusable value get the same message, naming only the variable', async (field) => {
    const unusable = field === 'credentials_profile_name' || field === 'aws_secret_access_key' || field === 'aws_session_token' ? `bad\nvalue-${field}` : `bad value ${field}`;
    const messages: string[] = [];
    for (const variables of [{}, { HOST_SECRET: unusable }]) {
      const pool = new BedrockPool(poolOptions());
      try {
        COMPONENTS.AmazonBedrockConverseModel({ graphId: 'g', nodeId: `n-${field}`, pool, env: false, variables }, namingVariable(field, 'HOST_SECRET', 'variable')).build_model();
        messages.push('no error');
      } catch (error) {
        messages.push((error as Error).message);
      } finally {
        await pool.destroy();
      }
    }
    expect(messages[0]).toBe(messages[1]);
    expect(messages[0]).toContain(field);
    expect(messages[0]).toContain('"HOST_SECRET"');
    // Nothing about the value: not what is wrong with it, nor the value itself.
    expect(messages[1]).not.toMatch(/contains (whitespace|a control character|a character outside)/);
    expect(messages[1]).not.toContain(unusable);
  });

  it('a profile name typed into the node is the author\'s own text and may be shown; from a variable, the variable is named instead', async () => {
    const texts: string[] = [];
    for (const value of ['typed-profile-name-7', { variable: 'TEAM_PROFILE' }]) {
      const logger = new CaptureLogger();
      const pool = new BedrockPool(poolOptions({ logger, endpointPolicy: { allowedHosts: [`127.0.0.1:${attacker.httpsPort}`] } }));
      const error = await withHostEnvironment({ AWS_CONFIG_FILE: profile.configFile, AWS_SHARED_CREDENTIALS_FILE: profile.credentialsFile }, () =>
        COMPONENTS.AmazonBedrockConverseModel(
          { graphId: 'g', nodeId: 'profile-label', pool, env: false, logger, variables: { TEAM_PROFILE: CANARY.credentials_profile_name } },
          { credentials_profile_name: value, endpoint_url: `https://127.0.0.1:${attacker.httpsPort}` },
        )
          .text_response()
          .catch((caught: unknown) => caught),
      );
      texts.push(`${(error as Error).message}\n${JSON.stringify(pool.metrics().credentials)}\n${logger.text()}`);
      await pool.destroy();
    }
    expect(texts[0]).toContain('profile "typed-profile-name-7"');
    expect(texts[1]).toContain('the profile named by the variable "TEAM_PROFILE" in credentials_profile_name (name not shown)');
    expect(texts[1]).not.toContain(CANARY.credentials_profile_name);
  });
});

describe('host credentials reach a loopback listener only when the operator allows it', () => {
  const HOST_KEYS = { accessKeyId: 'AKIAHOSTENVIRONMENT2', secretAccessKey: 'hostEnvironmentSecret/0000000000000000002', sessionToken: 'HostEnvironmentSessionToken000000000000000000002' };
  const HOST_API_KEY = 'ABSKaG9zdC1lbnZpcm9ubWVudC1hcGkta2V5LTAwMg';
  const VARIABLE_KEYS = { accessKeyId: 'AKIAHOSTVARIABLE0002', secretAccessKey: 'hostVariableSecret/0000000000000000000002' };
  const PROFILE_KEY_ID = 'AKIAHOSTPROFILE00021';
  const sources: Array<{ label: string; env: () => Record<string, string>; values: Record<string, unknown>; variables?: Record<string, string>; marker: string }> = [
    { label: 'environment keys (default chain)', env: () => ({ AWS_ACCESS_KEY_ID: HOST_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: HOST_KEYS.secretAccessKey, AWS_SESSION_TOKEN: HOST_KEYS.sessionToken }), values: {}, marker: HOST_KEYS.accessKeyId },
    { label: 'AWS_PROFILE with credential_process (default chain)', env: () => ({ AWS_PROFILE: 'shared', AWS_CONFIG_FILE: profile.configFile, AWS_SHARED_CREDENTIALS_FILE: profile.credentialsFile }), values: {}, marker: PROFILE_KEY_ID },
    { label: 'credentials_profile_name with credential_process', env: () => ({ AWS_CONFIG_FILE: profile.configFile, AWS_SHARED_CREDENTIALS_FILE: profile.credentialsFile }), values: { credentials_profile_name: 'shared' }, marker: PROFILE_KEY_ID },
    {
      label: 'host variables',
      env: () => ({}),
      values: { aws_access_key_id: { variable: 'TEAM_KEY' }, aws_secret_access_key: { value: 'TEAM_SECRET', load_from_db: true } },
      variables: { TEAM_KEY: VARIABLE_KEYS.accessKeyId, TEAM_SECRET: VARIABLE_KEYS.secretAccessKey },
      marker: VARIABLE_KEYS.accessKeyId,
    },
    { label: 'AWS_BEARER_TOKEN_BEDROCK', env: () => ({ AWS_BEARER_TOKEN_BEDROCK: HOST_API_KEY }), values: {}, marker: HOST_API_KEY },
    { label: 'api_key from a host variable', env: () => ({}), values: { api_key: { variable: 'TEAM_API_KEY' } }, variables: { TEAM_API_KEY: HOST_API_KEY }, marker: HOST_API_KEY },
  ];

  async function attempt(source: (typeof sources)[number], endpoint: string, options: BedrockPoolOptions) {
    const pool = new BedrockPool(poolOptions(options));
    const before = { requests: attacker.requests.length, carrying: attacker.carrying([source.marker]), connects: guard.attempts.length };
    let error: unknown;
    try {
      await withHostEnvironment(source.env(), () =>
        COMPONENTS.AmazonBedrockConverseModel({ graphId: 'loopback', nodeId: source.label, pool, env: false, ...(source.variables ? { variables: source.variables } : {}) }, { ...source.values, endpoint_url: endpoint }).text_response(),
      );
    } catch (caught) {
      error = caught;
    } finally {
      await pool.destroy();
    }
    return { error, requests: attacker.requests.length - before.requests, carrying: attacker.carrying([source.marker]) - before.carrying, connects: guard.attempts.length - before.connects };
  }

  it.each(sources.map((source) => [source.label, source] as const))('%s: 0 requests by default, 1 with endpointPolicy.allowedHosts', async (_label, source) => {
    for (const endpoint of [`http://127.0.0.1:${attacker.httpPort}`, `https://localhost:${attacker.httpsPort}`]) {
      const refused = await attempt(source, endpoint, {});
      expect((refused.error as { message?: string }).message).toMatch(/is loopback, where the host may serve routes a flow defines/);
      expect([refused.requests, refused.carrying, refused.connects]).toEqual([0, 0, 0]);
      const allowed = await attempt(source, endpoint, { endpointPolicy: { allowedHosts: [new URL(endpoint).host] } });
      expect(allowed.error).toBeUndefined();
      expect([allowed.requests, allowed.carrying]).toEqual([1, 1]);
    }
  });

  it('the same allowance from the environment (BEDROCK_FLOW_ALLOWED_ENDPOINTS, as the emulator CLI prints it)', async () => {
    const { endpointPolicyFromEnv } = await import('@bedrock-flow/bedrock-pool');
    const source = sources[0]!;
    const endpoint = `http://127.0.0.1:${attacker.httpPort}`;
    const allowed = await attempt(source, endpoint, { endpointPolicy: endpointPolicyFromEnv({ BEDROCK_FLOW_ALLOWED_ENDPOINTS: `127.0.0.1:${attacker.httpPort}` }) });
    expect([allowed.error, allowed.requests, allowed.carrying]).toEqual([undefined, 1, 1]);
    // Another loopback port (a host's own routes) stays refused.
    const other = await attempt(source, `https://127.0.0.1:${attacker.httpsPort}`, { endpointPolicy: endpointPolicyFromEnv({ BEDROCK_FLOW_ALLOWED_ENDPOINTS: `127.0.0.1:${attacker.httpPort}` }) });
    expect([other.requests, other.connects]).toEqual([0, 0]);
  });

  it('keys and an API key typed into the node reach loopback with no setting (the offline dev loop)', async () => {
    for (const values of [{ aws_access_key_id: TYPED.accessKeyId, aws_secret_access_key: TYPED.secretAccessKey }, { api_key: 'ABSKdHlwZWQtaW4tdGhlLW5vZGUtMDAx' }]) {
      const typed = await attempt({ label: 'typed', env: () => ({ AWS_BEARER_TOKEN_BEDROCK: HOST_API_KEY }), values, marker: Object.values(values)[0] as string }, `http://127.0.0.1:${attacker.httpPort}`, {});
      expect([typed.error, typed.requests, typed.carrying]).toEqual([undefined, 1, 1]);
    }
  });
});

describe('spellings the resolver answers are not loopback', () => {
  it.each(['localhost.', 'LOCALHOST.', 'localhost.localdomain', '[::ffff:127.0.0.1]'])('http://%s:PORT is refused with 0 connects, even for keys typed into the node', async (host) => {
    const pool = new BedrockPool(poolOptions());
    const before = { connects: guard.attempts.length, lookups: guard.lookups.length, requests: attacker.requests.length };
    const error = await COMPONENTS.AmazonBedrockConverseModel(
      { graphId: 'g', nodeId: `dot-${host}`, pool, env: false },
      { aws_access_key_id: TYPED.accessKeyId, aws_secret_access_key: TYPED.secretAccessKey, endpoint_url: `http://${host}:${attacker.httpPort}` },
    )
      .text_response()
      .catch((caught: unknown) => caught);
    await pool.destroy();
    expect((error as Error).message).toMatch(/is not loopback/);
    expect([guard.attempts.length - before.connects, guard.lookups.length - before.lookups, attacker.requests.length - before.requests]).toEqual([0, 0, 0]);
  });
});

describe('proxies from the environment', () => {
  it('HTTPS_PROXY is not used for a loopback endpoint (the proxy sees 0 connections), and the call works', async () => {
    const pool = new BedrockPool({ ...poolOptions(), defaults: { tls: { ca: certificate.cert }, retry: { maxAttempts: 1 } } });
    const before = { proxy: proxy.connects.length, requests: attacker.requests.length };
    const reply = await withHostEnvironment({ HTTPS_PROXY: proxy.url }, () =>
      COMPONENTS.AmazonBedrockConverseModel(
        { graphId: 'g', nodeId: 'proxy-loopback', pool, env: false },
        { aws_access_key_id: TYPED.accessKeyId, aws_secret_access_key: TYPED.secretAccessKey, endpoint_url: `https://127.0.0.1:${attacker.httpsPort}` },
      ).text_response(),
    );
    await pool.destroy();
    expect(reply).toBeDefined();
    expect([proxy.connects.length - before.proxy, attacker.requests.length - before.requests]).toEqual([0, 1]);
  });

  it('an http:// endpoint with HTTPS_PROXY set (and an explicit proxy option) is reached directly: no ERR_INVALID_PROTOCOL', async () => {
    for (const proxyOption of [undefined, proxy.url]) {
      const pool = new BedrockPool({ ...poolOptions(), defaults: { retry: { maxAttempts: 1 }, ...(proxyOption ? { proxy: proxyOption } : {}) } });
      const before = { proxy: proxy.connects.length, requests: attacker.requests.length };
      const outcome = await withHostEnvironment({ HTTPS_PROXY: proxy.url }, () =>
        COMPONENTS.AmazonBedrockConverseModel(
          { graphId: 'g', nodeId: 'proxy-http', pool, env: false },
          { aws_access_key_id: TYPED.accessKeyId, aws_secret_access_key: TYPED.secretAccessKey, endpoint_url: `http://127.0.0.1:${attacker.httpPort}` },
        ).text_response(),
      ).catch((error: unknown) => error);
      await pool.destroy();
      expect(String((outcome as { code?: string }).code ?? '')).not.toBe('ERR_INVALID_PROTOCOL');
      expect(outcome).not.toBeInstanceOf(Error);
      expect([proxy.connects.length - before.proxy, attacker.requests.length - before.requests]).toEqual([0, 1]);
    }
  });
});
