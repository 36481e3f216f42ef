import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { requireLoopbackOnlyNetwork } from '../../../test/support/loopback-only-network';
import { nodeRedUserDir, startNodeRedServer, stopNodeRedServer } from './support/node-red-server-process';

/**
 * Issue 25: the live model list endpoint sits behind Node-RED's own admin auth. A real Node-RED 4.1.8 runtime (in a
 * child process of this worker's loopback-only network namespace, see support/node-red-server.cjs) with `adminAuth`:
 * without a token the route answers 401; a user with the `read` permission (which grants `bedrock.read`) gets the answer.
 */
const bcrypt = createRequire(require.resolve('node-red'))('bcryptjs') as { hashSync(text: string, rounds: number): string };

let child: ChildProcess;
let baseUrl: string;
let userDir: string;

beforeAll(async () => {
  requireLoopbackOnlyNetwork('Node-RED (adminAuth)');
  userDir = nodeRedUserDir('bedrock-flow-admin-auth-');
  const adminAuth = { type: 'credentials', users: [{ username: 'reader', password: bcrypt.hashSync('reader-password', 8), permissions: 'read' }] };
  const server = await startNodeRedServer(userDir, { ...process.env, BEDROCK_FLOW_TEST_ADMIN_AUTH: JSON.stringify(adminAuth) });
  child = server.child;
  baseUrl = `http://127.0.0.1:${server.port}`;
}, 60_000);

afterAll(async () => {
  await stopNodeRedServer(child);
  fs.rmSync(userDir, { recursive: true, force: true });
});

test('GET /bedrock-flow/models needs a token with bedrock.read: 401 without, the answer with a read user', async () => {
  const anonymous = await fetch(`${baseUrl}/bedrock-flow/models?config=nope`);
  expect(anonymous.status).toBe(401);
  const token = await fetch(`${baseUrl}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'node-red-admin', grant_type: 'password', scope: 'read', username: 'reader', password: 'reader-password' }),
  });
  expect(token.status).toBe(200);
  const { access_token: accessToken } = (await token.json()) as { access_token: string };
  const answer = await fetch(`${baseUrl}/bedrock-flow/models?config=nope`, { headers: { authorization: `Bearer ${accessToken}` } });
  expect(answer.status).toBe(200);
  const body = (await answer.json()) as { source: string; reason: string; models: string[] };
  expect(body.source).toBe('static');
  expect(body.reason).toMatch(/not deployed/);
  expect(body.models.length).toBeGreaterThan(0);
  // A route that does not exist is 404 even with the token: the 200 above is this route's.
  expect((await fetch(`${baseUrl}/bedrock-flow/nothing`, { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(404);
});
