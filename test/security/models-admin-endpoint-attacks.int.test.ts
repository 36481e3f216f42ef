import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AWS_MODEL_IDS } from '@bedrock-flow/component';
import { startEmulator, TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { requireLoopbackOnlyNetwork } from '../support/loopback-only-network';
import { startAttacker, type AttackerListener } from './support/attacker-listener';
import { generateTestCertificate } from './support/test-certificate';
import { nodeRedUserDir, startNodeRedServer, stopNodeRedServer } from '../../packages/node-red/test/support/node-red-server-process';

/**
 * Issue 25, the Node-RED admin route `GET /bedrock-flow/models?config=&component=` attacked by a read-only editor user
 * (`bedrock.read`) of a shared Node-RED: a real Node-RED 4.1.8 runtime with `adminAuth` (a reader and an admin who
 * deploys), in a child process of this worker's loopback-only network namespace (run the file with
 * `scripts/in-offline-namespace.sh`). The route's answer never holds a stored secret, a host variable's value (Node-RED
 * replaces a property written `${VAR}` by the variable's value before the node sees it), the operator's allowed hosts
 * or the host's identity; it is no oracle for whether a variable is set; it never sends the stored keys to an endpoint
 * the operator did not allow; and a flood of requests makes one listing.
 */
const PACKAGE_DIR = path.join(__dirname, '..', '..', 'packages', 'node-red');
const bcrypt = createRequire(require.resolve('node-red', { paths: [PACKAGE_DIR] }))('bcryptjs') as { hashSync(text: string, rounds: number): string };

const HOST_VARIABLES = {
  TEAM_REGION_SECRET: 'hostRegionValue-7f3a9c',
  TEAM_ENDPOINT_SECRET: 'https://internal-gateway.corp.example/hostEndpointValue-51be',
  TEAM_PROFILE_SECRET: 'hostProfileValue-c0ffee',
};
const WRONG_SECRET = 'nodeRedStoredWrongSecret/000000000000001';

let child: ChildProcess;
let baseUrl: string;
let userDir: string;
let emu: RunningEmulator;
let attacker: AttackerListener;
let reader: string;
let admin: string;

async function token(username: string, password: string, scope: string): Promise<string> {
  const answer = await fetch(`${baseUrl}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'node-red-admin', grant_type: 'password', scope, username, password }),
  });
  if (answer.status !== 200) throw new Error(`token for ${username}: HTTP ${answer.status}`);
  return ((await answer.json()) as { access_token: string }).access_token;
}

beforeAll(async () => {
  requireLoopbackOnlyNetwork('Node-RED (adminAuth, models route attacks)');
  emu = await startEmulator({ tls: true, credentials: [TEST_CREDENTIALS] });
  attacker = await startAttacker(await generateTestCertificate(['localhost']));
  userDir = nodeRedUserDir('bedrock-flow-models-attack-');
  // The host's AWS config: one profile whose credential_process fails, counting its runs.
  const script = path.join(userDir, 'failing-credential-process.cjs');
  fs.writeFileSync(script, "const fs = require('node:fs'); const f = process.argv[2]; let n = 0; try { n = Number(fs.readFileSync(f, 'utf8')) || 0; } catch {} fs.writeFileSync(f, String(n + 1)); process.exit(1);\n");
  fs.writeFileSync(path.join(userDir, 'aws-config'), `[profile failing]\ncredential_process = "${process.execPath}" "${script}" "${path.join(userDir, 'process-runs')}"\n`);
  const adminAuth = {
    type: 'credentials',
    users: [
      { username: 'reader', password: bcrypt.hashSync('reader-password', 8), permissions: 'read' },
      { username: 'admin', password: bcrypt.hashSync('admin-password', 8), permissions: '*' },
    ],
  };
  // The host: no AWS variables of the test machine, an empty AWS config, the team's variables, no instance metadata.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  const server = await startNodeRedServer(userDir, {
    ...env,
    ...HOST_VARIABLES,
    AWS_CONFIG_FILE: path.join(userDir, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(userDir, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    BEDROCK_FLOW_TEST_ADMIN_AUTH: JSON.stringify(adminAuth),
    BEDROCK_FLOW_TEST_ENDPOINT_POLICY: JSON.stringify({ allowedHosts: [new URL(emu.url).host] }),
  });
  child = server.child;
  baseUrl = `http://127.0.0.1:${server.port}`;
  reader = await token('reader', 'reader-password', 'read');
  admin = await token('admin', 'admin-password', '*');
}, 60_000);

afterAll(async () => {
  await stopNodeRedServer(child);
  await attacker?.close();
  await emu?.close();
  if (userDir) fs.rmSync(userDir, { recursive: true, force: true });
});

type Node = Record<string, unknown> & { id: string; type: string };

/** A config node on the emulator with the emulator's keys stored (host credentials in Node-RED), and `overrides`. */
function awsConfig(id: string, overrides: Record<string, unknown> = {}, credentials: Record<string, string> = { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: TEST_CREDENTIALS.secretAccessKey }): Node {
  return { id, type: 'bedrock-aws-config', name: `connection ${id}`, region: 'us-east-1', endpoint: emu.url, profile: '', ca: emu.ca ?? '', credentials, ...overrides };
}

/**
 * Deploys `nodes` (a full deploy) as the admin, then waits until the runtime has started them (the answer to a deploy
 * comes before the new nodes exist): a sentinel config node with a bad endpoint is deployed with them, and the route
 * says why it cannot ask (no request) once it exists. Bounded by a count of 20 ms waits, not a clock budget.
 */
async function deploy(nodes: Node[]): Promise<void> {
  const sentinel = `aws-sentinel-${++deploys}`;
  const answer = await fetch(`${baseUrl}/flows`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', 'Node-RED-Deployment-Type': 'full', 'Node-RED-API-Version': 'v2' },
    body: JSON.stringify({ flows: [...nodes, awsConfig(sentinel, { endpoint: 'not a url' })] }),
  });
  if (answer.status !== 200) throw new Error(`deploy: HTTP ${answer.status} ${await answer.text()}`);
  for (let attempt = 0; attempt < 500; attempt += 1) {
    if (/endpoint_url/.test((await ask(`config=${sentinel}`)).body.reason ?? '')) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`deploy: ${sentinel} not started after 500 checks`);
}
let deploys = 0;

/** The route's answer to the reader for the raw query string `query`. */
async function ask(query: string): Promise<{ status: number; text: string; body: { source?: string; reason?: string; models?: string[] } }> {
  const answer = await fetch(`${baseUrl}/bedrock-flow/models?${query}`, { headers: { authorization: `Bearer ${reader}` } });
  const text = await answer.text();
  return { status: answer.status, text, body: JSON.parse(text) };
}

const TAB = { id: 'tab-attack', type: 'tab', label: 'attack' };

test('the route needs bedrock.read: 401 without a token', async () => {
  expect((await fetch(`${baseUrl}/bedrock-flow/models?config=x`)).status).toBe(401);
});

test('a config id of a node of another type, of a disabled flow or of nothing: the static list, said so, 0 requests', async () => {
  await deploy([
    TAB,
    { id: 'disabled-tab', type: 'tab', label: 'off', disabled: true },
    awsConfig('aws-ok'),
    { ...awsConfig('aws-on-disabled-tab'), z: 'disabled-tab' },
    { id: 'inject-1', type: 'inject', z: TAB.id, wires: [] },
  ]);
  emu.resetStats();
  for (const config of ['inject-1', TAB.id, 'aws-on-disabled-tab', 'no-such-node', '__proto__', 'constructor']) {
    const answer = await ask(`config=${encodeURIComponent(config)}`);
    expect([config, answer.status, answer.body.source]).toEqual([config, 200, 'static']);
    expect(answer.body.models).toEqual([...AWS_MODEL_IDS]);
  }
  expect(emu.stats().requests.total).toBe(0);
});

test('query arrays and objects are no config id or component name (200 static or 400, never a 500), and pollute nothing', async () => {
  emu.resetStats();
  const queries = ['config[]=aws-ok&config[]=aws-ok', 'config[__proto__]=aws-ok', 'config[toString]=aws-ok', 'config=aws-ok&component[__proto__]=x', 'config=aws-ok&component[]=AmazonBedrockEmbeddings', 'config=aws-ok&component=__proto__', 'config=aws-ok&component=constructor'];
  const statuses: number[] = [];
  for (const query of queries) {
    const answer = await ask(query);
    statuses.push(answer.status);
    expect(answer.text).not.toContain(TEST_CREDENTIALS.secretAccessKey);
  }
  expect(statuses.every((status) => status === 200 || status === 400)).toBe(true);
  // The route still serves the real config node after all that (one listing).
  expect((await ask('config=aws-ok')).body.source).toBe('live');
});

test('a property written ${VAR}: the answer never holds the variable\'s value, and reads alike whether the variable is set or not', async () => {
  await deploy([
    TAB,
    awsConfig('aws-region-set', { region: '${TEAM_REGION_SECRET}' }),
    awsConfig('aws-region-unset', { region: '${TEAM_REGION_UNSET}' }),
    awsConfig('aws-endpoint-set', { endpoint: '${TEAM_ENDPOINT_SECRET}' }),
    awsConfig('aws-endpoint-unset', { endpoint: '${TEAM_ENDPOINT_UNSET}' }),
    awsConfig('aws-profile-set', { profile: '${TEAM_PROFILE_SECRET}' }, {}),
    awsConfig('aws-profile-unset', { profile: '${TEAM_PROFILE_UNSET}' }, {}),
  ]);
  const answers: Record<string, string> = {};
  for (const id of ['aws-region-set', 'aws-region-unset', 'aws-endpoint-set', 'aws-endpoint-unset', 'aws-profile-set', 'aws-profile-unset']) {
    const answer = await ask(`config=${id}`);
    expect(answer.body.source).toBe('static');
    for (const value of Object.values(HOST_VARIABLES)) expect(answer.text).not.toContain(value.slice(0, 8));
    answers[id] = answer.body.reason ?? '';
  }
  // No oracle: a variable whose value does not work reads the same as an unset one. (A variable naming a working
  // endpoint or profile makes the config node work: that difference is the feature, not an oracle.)
  expect(answers['aws-region-set']).toBe(answers['aws-region-unset']);
  expect(answers['aws-profile-set']).toBe(answers['aws-profile-unset']);
  // Still says why, by field.
  expect(answers['aws-region-set']).toMatch(/region_name/);
  expect(answers['aws-endpoint-set']).toMatch(/endpoint_url/);
});

test('stored keys and an endpoint the operator did not allow: refused with no request, the answer lists no allowed host', async () => {
  await deploy([TAB, awsConfig('aws-attacker', { endpoint: `https://127.0.0.1:${attacker.httpsPort}` }), awsConfig('aws-attacker-aws-name', { endpoint: `https://bedrock.us-east-1.amazonaws.com@127.0.0.1:${attacker.httpPort}` })]);
  const before = attacker.requests.length;
  for (const id of ['aws-attacker', 'aws-attacker-aws-name']) {
    const answer = await ask(`config=${id}`);
    expect(answer.body.source).toBe('static');
    expect(answer.text).not.toContain(new URL(emu.url).host);
    expect(answer.text).not.toContain(TEST_CREDENTIALS.secretAccessKey);
  }
  expect((await ask('config=aws-attacker')).body.reason).toMatch(/ERR_BEDROCK_POOL_ENDPOINT_NOT_ALLOWED/);
  expect(attacker.requests.length - before).toBe(0);
});

test('a flood of 30 requests on a config node whose keys Bedrock refuses makes one listing; no secret or AWS message in the answer', async () => {
  await deploy([TAB, awsConfig('aws-wrong', {}, { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: WRONG_SECRET })]);
  emu.resetStats();
  const first = await ask('config=aws-wrong');
  expect(first.body.reason).toMatch(/^the account could not be asked \(InvalidSignatureException/);
  const answers = await Promise.all(Array.from({ length: 10 }, () => ask('config=aws-wrong')));
  for (let i = 0; i < 10; i += 1) answers.push(await ask(`config=aws-wrong&component=${i % 2 ? 'AmazonBedrockEmbeddings' : 'AmazonBedrockModel'}`));
  for (let i = 0; i < 9; i += 1) answers.push(await ask('config=aws-wrong'));
  // One listing: its two list requests at most (the second may still be in flight when the first's refusal answers).
  expect(emu.stats().requests.total).toBeGreaterThanOrEqual(1);
  expect(emu.stats().requests.total).toBeLessThanOrEqual(2);
  for (const answer of [first, ...answers]) {
    expect(answer.body.source).toBe('static');
    expect(answer.text).not.toContain(WRONG_SECRET);
    expect(answer.text).not.toContain(TEST_CREDENTIALS.accessKeyId);
    // The emulator's message (as AWS's) is not repeated: "The request signature we calculated does not match …".
    expect(answer.text).not.toMatch(/signature we calculated/i);
  }
});

test('a flood of 20 requests on a config node whose profile\'s credential_process fails runs the host\'s command once', async () => {
  await deploy([TAB, awsConfig('aws-failing-profile', { profile: 'failing' }, {})]);
  const runs = () => Number(fs.existsSync(path.join(userDir, 'process-runs')) ? fs.readFileSync(path.join(userDir, 'process-runs'), 'utf8') : 0);
  const before = runs();
  const first = await ask('config=aws-failing-profile');
  expect(first.body.reason).toMatch(/CredentialResolutionError/);
  await Promise.all(Array.from({ length: 10 }, () => ask('config=aws-failing-profile')));
  for (let i = 0; i < 9; i += 1) await ask('config=aws-failing-profile');
  expect(runs() - before).toBe(1);
});
