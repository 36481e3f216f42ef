import { inspect } from 'node:util';
import type { ClientConfig } from '@bedrock-flow/bedrock-pool';
import { DiscoveryCache, listModels, profilesForModel, crossRegionProfileFor } from '@bedrock-flow/component';
import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { startStack, type Stack } from '../support/stack';

const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const OTHER_KEYS = { accessKeyId: 'AKIADISCOVERYOTHER01', secretAccessKey: 'discovery-other-secret-value' };

describe('listModels: the models and inference profiles the account can call, on pooled control-plane clients', () => {
  let stack: Stack;
  beforeEach(async () => {
    stack = await startStack({ emulator: { credentials: [TEST_CREDENTIALS, OTHER_KEYS] } });
  });
  afterEach(() => stack.close());

  // Keys typed into the node (origin 'node'): allowed to the loopback emulator without an operator setting.
  const config = (credentials: { accessKeyId: string; secretAccessKey: string } = TEST_CREDENTIALS, region = 'us-east-1'): ClientConfig => ({
    region,
    endpoint: stack.emu.url,
    credentials: { kind: 'static', ...credentials, origin: 'node' },
  });

  test('returns the foundation models with on-demand, streaming and modalities, and the profiles with the models they route to', async () => {
    const catalog = await listModels({ ...config(), pool: stack.pool });
    expect(catalog.region).toBe('us-east-1');
    const sonnet = catalog.models.find((model) => model.modelId === SONNET_45);
    expect(sonnet).toMatchObject({ providerName: 'Anthropic', onDemand: false, inferenceProfile: true, streaming: true, inputModalities: ['TEXT', 'IMAGE'], outputModalities: ['TEXT'] });
    expect(sonnet?.profiles).toEqual([`us.${SONNET_45}`, `global.${SONNET_45}`]);
    expect(catalog.models.find((model) => model.modelId === 'amazon.titan-embed-text-v2:0')).toMatchObject({ onDemand: true, streaming: false, outputModalities: ['EMBEDDING'] });
    const us = catalog.inferenceProfiles.find((profile) => profile.id === `us.${SONNET_45}`);
    expect(us).toMatchObject({ type: 'SYSTEM_DEFINED', geography: 'us', modelIds: [SONNET_45], regions: ['us-east-1', 'us-east-2', 'us-west-2'] });
    expect(profilesForModel(catalog, SONNET_45)).toEqual([`us.${SONNET_45}`, `global.${SONNET_45}`]);
    expect(crossRegionProfileFor(catalog, SONNET_45, 'geo')).toBe(`us.${SONNET_45}`);
    expect(crossRegionProfileFor(catalog, SONNET_45, 'global')).toBe(`global.${SONNET_45}`);
    // The control plane was asked through the pool: a `bedrock` slot, released after the listing.
    expect(stack.emu.stats().requests.byOperation).toMatchObject({ ListFoundationModels: 1, ListInferenceProfiles: 1 });
    expect(stack.pool.metrics().leases).toBe(0);
    // No secret anywhere in the result.
    const text = JSON.stringify(catalog) + inspect(catalog, { depth: 10 });
    expect(text).not.toContain(TEST_CREDENTIALS.secretAccessKey);
    expect(text).not.toContain(TEST_CREDENTIALS.accessKeyId);
  });

  test('application profiles come with the models they route to', async () => {
    await stack.close();
    stack = await startStack({ emulator: { catalog: { applicationInferenceProfiles: [{ inferenceProfileId: 'team0sonnet45', inferenceProfileName: 'team-sonnet', copyFrom: `us.${SONNET_45}` }] } } });
    const catalog = await listModels({ ...config(), pool: stack.pool });
    const app = catalog.inferenceProfiles.find((profile) => profile.type === 'APPLICATION');
    expect(app).toMatchObject({ id: 'team0sonnet45', geography: undefined, modelIds: [SONNET_45], arn: 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/team0sonnet45' });
    expect(profilesForModel(catalog, SONNET_45)).toEqual([`us.${SONNET_45}`, `global.${SONNET_45}`, app?.arn]);
  });

  test('is cached per credential scope: 1 listing per TTL per scope, different credentials never share an entry', async () => {
    const cache = new DiscoveryCache();
    const first = await Promise.all([listModels({ ...config(), pool: stack.pool, cache }), listModels({ ...config(), pool: stack.pool, cache })]);
    await listModels({ ...config(), pool: stack.pool, cache });
    expect(first[0]).toBe(first[1]);
    expect(stack.emu.stats().requests.byOperation.ListFoundationModels).toBe(1);
    expect(stack.emu.stats().auth.byAccessKeyId).toEqual({ [TEST_CREDENTIALS.accessKeyId]: 2 });
    // Other keys: their own listing, signed with their own key, their own cache entry.
    await listModels({ ...config(OTHER_KEYS), pool: stack.pool, cache });
    expect(stack.emu.stats().requests.byOperation.ListFoundationModels).toBe(2);
    expect(stack.emu.stats().auth.byAccessKeyId[OTHER_KEYS.accessKeyId]).toBe(2);
    expect(cache.listings).toBe(2);
    expect(cache.keys()).toHaveLength(2);
    expect(cache.keys().join(' ')).not.toContain(OTHER_KEYS.secretAccessKey);
    expect(cache.keys().join(' ')).not.toContain(OTHER_KEYS.accessKeyId);
    // Another region is another listing; ttlMs 0 asks again.
    await listModels({ ...config(TEST_CREDENTIALS, 'eu-west-1'), pool: stack.pool, cache });
    await listModels({ ...config(), pool: stack.pool, cache, ttlMs: 0 });
    expect(cache.listings).toBe(4);
    expect(stack.emu.stats().requests.byOperation.ListFoundationModels).toBe(4);
  });

  test('an expired entry is listed again (1 request per TTL)', async () => {
    const cache = new DiscoveryCache();
    await listModels({ ...config(), pool: stack.pool, cache, ttlMs: 60_000 });
    await listModels({ ...config(), pool: stack.pool, cache, ttlMs: 60_000 });
    expect(stack.emu.stats().requests.byOperation.ListFoundationModels).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Older than 1 ms: listed again; then fresh for a 60 s asker.
    await listModels({ ...config(), pool: stack.pool, cache, ttlMs: 1 });
    await listModels({ ...config(), pool: stack.pool, cache, ttlMs: 60_000 });
    expect(stack.emu.stats().requests.byOperation.ListFoundationModels).toBe(2);
  });

  test('a refused listing is not cached and surfaces the AWS error; a bad ttlMs is refused before any call', async () => {
    const cache = new DiscoveryCache();
    stack.emu.setFaults({ serverError: { status: 500, count: 10 }, operations: ['ListFoundationModels'] });
    await expect(listModels({ ...config(), pool: stack.pool, cache, ...{ retry: { maxAttempts: 1 } } })).rejects.toMatchObject({ name: 'InternalServerException' });
    expect(cache.keys()).toHaveLength(0);
    stack.emu.setFaults({});
    await expect(listModels({ ...config(), pool: stack.pool, cache, ttlMs: -1 })).rejects.toThrow(/ttlMs/);
    const catalog = await listModels({ ...config(), pool: stack.pool, cache });
    expect(catalog.models.length).toBeGreaterThan(0);
  });

  test('host credentials are refused to a non-AWS endpoint for the control plane too', async () => {
    await expect(listModels({ region: 'us-east-1', endpoint: 'https://collector.evil.example', credentials: { kind: 'default' }, pool: stack.pool })).rejects.toMatchObject({ code: 'ERR_BEDROCK_POOL_ENDPOINT_NOT_ALLOWED' });
    expect(stack.emu.stats().requests.total).toBe(0);
  });
});
