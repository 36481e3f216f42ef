import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { AWS_MODEL_IDS } from '@bedrock-flow/component';
import { nodeRedHelper, settingsAllowingEmulator, useEmulatorForFlows } from './support/node-red-helper';
import { awsConfigNode, awsCredentials, TAB, type FlowNode } from './support/flows';

/**
 * Issue 25: the editor's model dropdown asks `GET /bedrock-flow/models?config=<id>` for the live list of a config
 * node's account (model discovery on the runtime pool), behind `RED.auth.needsPermission('bedrock.read')`.
 */
const awsConfig = require('../nodes/bedrock-aws-config');
const { currentRuntimePool } = require('../nodes/lib/runtime-pool');

const { settings, allowedHosts } = settingsAllowingEmulator();
const helper = nodeRedHelper(settings);
const emulator = useEmulatorForFlows(helper, currentRuntimePool, allowedHosts);
const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';

function flow(overrides: Record<string, unknown> = {}): FlowNode[] {
  return [{ id: TAB, type: 'tab', label: 'bedrock' }, awsConfigNode(emulator(), overrides)];
}

test('answers the live list of the config node account: chat models with their profiles, cached per credential scope', async () => {
  await helper.load([awsConfig], flow(), awsCredentials());
  const configId = flow()[1]!.id;
  const first = await helper.request().get(`/bedrock-flow/models?config=${configId}`).expect(200);
  expect(first.body.source).toBe('live');
  expect(first.body.region).toBe('us-east-1');
  expect(first.body.models).toEqual(expect.arrayContaining([SONNET_45, `us.${SONNET_45}`, `global.${SONNET_45}`]));
  expect(first.body.profileOnly).toContain(SONNET_45);
  const embeddings = await helper.request().get(`/bedrock-flow/models?config=${configId}&component=AmazonBedrockEmbeddings`).expect(200);
  expect(embeddings.body.models).toEqual(['amazon.titan-embed-text-v2:0', 'cohere.embed-english-v3']);
  expect(emulator().stats().requests.byOperation.ListFoundationModels).toBe(1);
  expect(JSON.stringify(first.body)).not.toContain(TEST_CREDENTIALS.secretAccessKey);
});

test('falls back to the static list, said so, when the config node is not deployed or its account cannot be asked', async () => {
  await helper.load([awsConfig], flow(), { [flow()[1]!.id]: { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: 'not-the-secret' } });
  const refused = await helper.request().get(`/bedrock-flow/models?config=${flow()[1]!.id}`).expect(200);
  expect(refused.body.source).toBe('static');
  expect(refused.body.reason).toMatch(/^the account could not be asked \(InvalidSignatureException/);
  expect(refused.body.models).toEqual([...AWS_MODEL_IDS]);
  expect(JSON.stringify(refused.body)).not.toContain('not-the-secret');
  const missing = await helper.request().get('/bedrock-flow/models?config=nope').expect(200);
  expect(missing.body).toMatchObject({ source: 'static', reason: expect.stringMatching(/not deployed/) });
  await helper.request().get('/bedrock-flow/models?config=nope&component=Nope').expect(400);
});
