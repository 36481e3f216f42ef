import { BedrockClient, ListFoundationModelsCommand, ListInferenceProfilesCommand, paginateListInferenceProfiles } from '@aws-sdk/client-bedrock';
import { ConverseCommand, CountTokensCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { DEFAULT_FOUNDATION_MODELS, EmulatorOptionsError, startEmulator, TEST_CREDENTIALS, type EmulatorOptions, type RunningEmulator } from '@bedrock-flow/emulator';
import { keepAliveClient, userMessage } from './support/clients';

const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';

function controlClient(emu: RunningEmulator, region = 'us-east-1'): BedrockClient {
  return new BedrockClient({ region, endpoint: emu.url, credentials: TEST_CREDENTIALS, requestHandler: new NodeHttpHandler() });
}

describe('the emulator serves the control plane (ListFoundationModels, ListInferenceProfiles)', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());

  test('ListFoundationModels lists the catalog with ARNs of the signing region, signed with SigV4 for service bedrock', async () => {
    const client = controlClient(emu, 'eu-west-1');
    const { modelSummaries = [] } = await client.send(new ListFoundationModelsCommand({}));
    expect(modelSummaries).toHaveLength(DEFAULT_FOUNDATION_MODELS.length);
    const sonnet = modelSummaries.find((model) => model.modelId === SONNET_45);
    expect(sonnet).toEqual({
      modelArn: `arn:aws:bedrock:eu-west-1::foundation-model/${SONNET_45}`,
      modelId: SONNET_45,
      modelName: 'Claude Sonnet 4.5',
      providerName: 'Anthropic',
      inputModalities: ['TEXT', 'IMAGE'],
      outputModalities: ['TEXT'],
      responseStreamingSupported: true,
      customizationsSupported: [],
      inferenceTypesSupported: ['INFERENCE_PROFILE'],
      modelLifecycle: { status: 'ACTIVE' },
    });
    expect(emu.stats().requests.byOperation.ListFoundationModels).toBe(1);
    expect(emu.stats().auth.byAccessKeyId[TEST_CREDENTIALS.accessKeyId]).toBeGreaterThanOrEqual(1);
    client.destroy();
  });

  test('the byProvider, byInferenceType and byOutputModality filters narrow the list; a bad enum is a ValidationException', async () => {
    const client = controlClient(emu);
    const anthropic = await client.send(new ListFoundationModelsCommand({ byProvider: 'anthropic' }));
    expect(anthropic.modelSummaries?.every((model) => model.providerName === 'Anthropic')).toBe(true);
    expect(anthropic.modelSummaries?.length).toBe(DEFAULT_FOUNDATION_MODELS.filter((model) => model.providerName === 'Anthropic').length);
    const onDemand = await client.send(new ListFoundationModelsCommand({ byInferenceType: 'ON_DEMAND' }));
    expect(onDemand.modelSummaries?.map((model) => model.modelId)).not.toContain(SONNET_45);
    expect(onDemand.modelSummaries?.every((model) => model.inferenceTypesSupported?.includes('ON_DEMAND'))).toBe(true);
    const embeddings = await client.send(new ListFoundationModelsCommand({ byOutputModality: 'EMBEDDING' }));
    expect(embeddings.modelSummaries?.map((model) => model.modelId).sort()).toEqual(['amazon.titan-embed-text-v2:0', 'cohere.embed-english-v3']);
    expect(embeddings.modelSummaries?.every((model) => model.responseStreamingSupported === false)).toBe(true);
    await expect(client.send(new ListFoundationModelsCommand({ byInferenceType: 'SOMETIMES' as never }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/Value 'SOMETIMES' at 'byInferenceType' failed to satisfy constraint: Member must satisfy enum value set: \[ON_DEMAND, PROVISIONED\]/),
    });
    client.destroy();
  });

  test.each([
    ['us-east-1', 'us'],
    ['eu-central-1', 'eu'],
    ['ap-southeast-2', 'apac'],
  ])('ListInferenceProfiles in %s lists the %s. and global. profiles with the models they route to', async (region, geo) => {
    const client = controlClient(emu, region);
    const { inferenceProfileSummaries = [] } = await client.send(new ListInferenceProfilesCommand({ typeEquals: 'SYSTEM_DEFINED' }));
    const ids = inferenceProfileSummaries.map((profile) => profile.inferenceProfileId);
    expect(ids).toContain(`${geo}.${SONNET_45}`);
    expect(ids).toContain(`global.${SONNET_45}`);
    expect(ids.every((id) => id?.startsWith(`${geo}.`) || id?.startsWith('global.'))).toBe(true);
    const profile = inferenceProfileSummaries.find((p) => p.inferenceProfileId === `${geo}.${SONNET_45}`);
    expect(profile).toMatchObject({
      inferenceProfileArn: `arn:aws:bedrock:${region}:123456789012:inference-profile/${geo}.${SONNET_45}`,
      status: 'ACTIVE',
      type: 'SYSTEM_DEFINED',
    });
    expect(profile?.createdAt).toBeInstanceOf(Date);
    expect(profile?.models?.length).toBeGreaterThan(1);
    expect(profile?.models?.every((model) => model.modelArn?.endsWith(`::foundation-model/${SONNET_45}`))).toBe(true);
    if (geo === 'us') expect(profile?.models?.map((m) => m.modelArn)).toContain(`arn:aws:bedrock:us-east-1::foundation-model/${SONNET_45}`);
    const global = inferenceProfileSummaries.find((p) => p.inferenceProfileId === `global.${SONNET_45}`);
    expect(global?.models).toEqual([{ modelArn: `arn:aws:bedrock:::foundation-model/${SONNET_45}` }]);
    client.destroy();
  });

  test('ListInferenceProfiles pages with maxResults and nextToken; a forged token is a ValidationException', async () => {
    const client = controlClient(emu);
    const all = (await client.send(new ListInferenceProfilesCommand({}))).inferenceProfileSummaries ?? [];
    const paged: string[] = [];
    let pages = 0;
    for await (const page of paginateListInferenceProfiles({ client, pageSize: 5 }, {})) {
      pages += 1;
      paged.push(...(page.inferenceProfileSummaries ?? []).map((p) => p.inferenceProfileId ?? ''));
    }
    expect(paged).toEqual(all.map((p) => p.inferenceProfileId));
    expect(pages).toBe(Math.ceil(all.length / 5));
    await expect(client.send(new ListInferenceProfilesCommand({ nextToken: 'forged' }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(client.send(new ListInferenceProfilesCommand({ maxResults: 0 }))).rejects.toMatchObject({ name: 'ValidationException' });
    client.destroy();
  });

  test('a wrong signature is refused on the control plane too', async () => {
    const client = new BedrockClient({ region: 'us-east-1', endpoint: emu.url, credentials: { ...TEST_CREDENTIALS, secretAccessKey: 'wrong' }, requestHandler: new NodeHttpHandler(), maxAttempts: 1 });
    await expect(client.send(new ListFoundationModelsCommand({}))).rejects.toMatchObject({ name: 'InvalidSignatureException' });
    client.destroy();
  });
});

describe('the control plane data are overridable through the options', () => {
  let emu: RunningEmulator;
  afterEach(() => emu?.close());

  test('catalog.foundationModels and catalog.applicationInferenceProfiles replace the defaults', async () => {
    emu = await startEmulator({
      catalog: {
        accountId: '111122223333',
        foundationModels: [
          { modelId: 'acme.widget-v1:0', modelName: 'Widget', providerName: 'Acme', inputModalities: ['TEXT'], outputModalities: ['TEXT'], responseStreamingSupported: false, inferenceTypesSupported: ['INFERENCE_PROFILE'], crossRegionProfiles: ['us'] },
        ],
        applicationInferenceProfiles: [{ inferenceProfileId: 'a1b2c3d4e5f6', inferenceProfileName: 'team-widget', copyFrom: 'us.acme.widget-v1:0' }],
      },
    });
    const client = controlClient(emu);
    const models = (await client.send(new ListFoundationModelsCommand({}))).modelSummaries ?? [];
    expect(models.map((model) => model.modelId)).toEqual(['acme.widget-v1:0']);
    const app = (await client.send(new ListInferenceProfilesCommand({ typeEquals: 'APPLICATION' }))).inferenceProfileSummaries ?? [];
    expect(app).toHaveLength(1);
    expect(app[0]).toMatchObject({
      inferenceProfileId: 'a1b2c3d4e5f6',
      inferenceProfileName: 'team-widget',
      inferenceProfileArn: 'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3d4e5f6',
      type: 'APPLICATION',
      models: [
        { modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/acme.widget-v1:0' },
        { modelArn: 'arn:aws:bedrock:us-east-2::foundation-model/acme.widget-v1:0' },
        { modelArn: 'arn:aws:bedrock:us-west-2::foundation-model/acme.widget-v1:0' },
      ],
    });
    const system = (await client.send(new ListInferenceProfilesCommand({ typeEquals: 'SYSTEM_DEFINED' }))).inferenceProfileSummaries ?? [];
    expect(system.map((p) => p.inferenceProfileId)).toEqual(['us.acme.widget-v1:0']);
    client.destroy();
  });

  test.each<[string, unknown, RegExp]>([
    ['an unknown modality', { foundationModels: [{ ...DEFAULT_FOUNDATION_MODELS[0], inputModalities: ['SMELL'] }] }, /catalog\.foundationModels\[0\]\.inputModalities\[0\]: must be one of/],
    ['a missing model id', { foundationModels: [{ ...DEFAULT_FOUNDATION_MODELS[0], modelId: undefined }] }, /catalog\.foundationModels\[0\]\.modelId: is required/],
    ['an unknown field', { foundationModels: [{ ...DEFAULT_FOUNDATION_MODELS[0], price: 3 }] }, /catalog\.foundationModels\[0\]\.price: is not an option/],
    ['an application profile id with capitals', { applicationInferenceProfiles: [{ inferenceProfileId: 'ABC', inferenceProfileName: 'x', copyFrom: 'y' }] }, /inferenceProfileId: must be lower-case/],
    ['a short account id', { accountId: '42' }, /catalog\.accountId: must be 12 digits/],
  ])('refuses %s in catalog', async (_what, catalog, message) => {
    const error = await startEmulator({ catalog } as EmulatorOptions).then(
      async (started) => {
        await started.close();
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EmulatorOptionsError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('enforceInferenceProfiles: a profile-only model needs an inference profile, as on Bedrock', () => {
  let emu: RunningEmulator;
  afterEach(() => emu?.close());

  test('Converse with the bare id answers the on-demand ValidationException; the us. profile answers; an eu. profile in us-east-1 is invalid', async () => {
    emu = await startEmulator({ enforceInferenceProfiles: true });
    const { client, destroy } = keepAliveClient(emu);
    try {
      await expect(client.send(new ConverseCommand({ modelId: SONNET_45, messages: [userMessage('hi')] }))).rejects.toMatchObject({
        name: 'ValidationException',
        message: `Invocation of model ID ${SONNET_45} with on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`,
      });
      const reply = await client.send(new ConverseCommand({ modelId: `us.${SONNET_45}`, messages: [userMessage('hi')] }));
      expect(reply.output?.message?.content?.[0]?.text).toBeDefined();
      await expect(client.send(new ConverseCommand({ modelId: `eu.${SONNET_45}`, messages: [userMessage('hi')] }))).rejects.toMatchObject({
        name: 'ValidationException',
        message: 'The provided model identifier is invalid.',
      });
      // On-demand models and CountTokens are unaffected.
      await client.send(new ConverseCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [userMessage('hi')] }));
      await client.send(new CountTokensCommand({ modelId: SONNET_45, input: { converse: { messages: [userMessage('hi')] } } }));
      expect(emu.requests().map((request) => [request.modelId, request.error ?? 'ok'])).toEqual([
        [SONNET_45, 'ValidationException'],
        [`us.${SONNET_45}`, 'ok'],
        [`eu.${SONNET_45}`, 'ValidationException'],
        ['anthropic.claude-3-haiku-20240307-v1:0', 'ok'],
        [SONNET_45, 'ok'],
      ]);
    } finally {
      destroy();
    }
  });

  test('off by default: the bare id of a profile-only model answers', async () => {
    emu = await startEmulator();
    const { client, destroy } = keepAliveClient(emu);
    try {
      const reply = await client.send(new ConverseCommand({ modelId: SONNET_45, messages: [userMessage('hi')] }));
      expect(reply.output?.message?.content?.[0]?.text).toBeDefined();
    } finally {
      destroy();
    }
  });
});
