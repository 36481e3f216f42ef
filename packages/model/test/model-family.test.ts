import fc from 'fast-check';
import { AWS_MODEL_IDS } from '@bedrock-flow/component';
import {
  CONVERSE_SUGGESTION,
  CROSS_REGION_PREFIXES,
  ModelValidationError,
  ProviderRegistry,
  defaultProviderRegistry,
  resolveModelIdentity,
} from '../src';

describe('resolveModelIdentity', () => {
  test.each([
    ['anthropic.claude-3-haiku-20240307-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0', 'anthropic'],
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'anthropic.claude-sonnet-4-5-20250929-v1:0', 'anthropic'],
    ['eu.amazon.nova-pro-v1:0', 'amazon.nova-pro-v1:0', 'amazon'],
    ['apac.meta.llama3-2-1b-instruct-v1:0', 'meta.llama3-2-1b-instruct-v1:0', 'meta'],
    ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'anthropic.claude-sonnet-4-5-20250929-v1:0', 'anthropic'],
    ['us-gov.anthropic.claude-3-haiku-20240307-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0', 'anthropic'],
    ['jp.anthropic.claude-3-haiku-20240307-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0', 'anthropic'],
    ['au.anthropic.claude-3-haiku-20240307-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0', 'anthropic'],
    ['sa.meta.llama3-8b-instruct-v1:0', 'meta.llama3-8b-instruct-v1:0', 'meta'],
    ['amer.mistral.mistral-large-2407-v1:0', 'mistral.mistral-large-2407-v1:0', 'mistral'],
    [
      'arn:aws:bedrock:us-east-1::foundation-model/cohere.command-r-v1:0',
      'cohere.command-r-v1:0',
      'cohere',
    ],
    [
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0',
      'anthropic.claude-3-haiku-20240307-v1:0',
      'anthropic',
    ],
    [
      'arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:inference-profile/us-gov.meta.llama3-8b-instruct-v1:0',
      'meta.llama3-8b-instruct-v1:0',
      'meta',
    ],
  ])('%s -> %s', (id, base, provider) => {
    expect(resolveModelIdentity(id)).toEqual({ modelId: id, baseModelId: base, provider });
  });
});

describe('ProviderRegistry', () => {
  test.each([
    ['anthropic.claude-3-haiku-20240307-v1:0', 'anthropic'],
    ['us.anthropic.claude-3-5-haiku-20241022-v1:0', 'anthropic'],
    ['amazon.titan-text-express-v1', 'amazon-titan-text'],
    ['amazon.titan-text-premier-v1:0', 'amazon-titan-text'],
    ['us.amazon.nova-lite-v1:0', 'amazon-nova'],
    ['meta.llama2-13b-chat-v1', 'meta-llama'],
    ['meta.llama3-1-405b-instruct-v1:0', 'meta-llama'],
    ['mistral.mixtral-8x7b-instruct-v0:1', 'mistral'],
    ['mistral.mistral-large-2407-v1:0', 'mistral'],
    ['cohere.command-text-v14', 'cohere'],
    ['cohere.command-r-plus-v1:0', 'cohere'],
    ['ai21.jamba-1-5-mini-v1:0', 'ai21'],
    ['ai21.j2-ultra-v1', 'ai21'],
    ['arn:aws:bedrock:us-west-2:1:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0', 'anthropic'],
    // Today's families (issue 14).
    ['deepseek.r1-v1:0', 'deepseek'],
    ['us.deepseek.r1-v1:0', 'deepseek'],
    ['deepseek.v3-v1:0', 'deepseek'],
    ['openai.gpt-oss-20b-1:0', 'openai'],
    ['openai.gpt-oss-120b-1:0', 'openai'],
    ['qwen.qwen3-32b-v1:0', 'qwen'],
    ['qwen.qwen3-coder-30b-a3b-v1:0', 'qwen'],
    ['us.meta.llama4-scout-17b-instruct-v1:0', 'meta-llama'],
    ['meta.llama4-maverick-17b-instruct-v1:0', 'meta-llama'],
    ['amazon.nova-2-lite-v1:0', 'amazon-nova'],
    ['us.amazon.nova-premier-v1:0', 'amazon-nova'],
    ['mistral.pixtral-large-2502-v1:0', 'mistral'],
  ])('%s -> %s', (id, family) => {
    expect(defaultProviderRegistry.resolve(id).adapter.family).toBe(family);
  });

  test('an unknown family is a validation error listing every supported family and suggesting Converse', () => {
    let caught: unknown;
    try {
      defaultProviderRegistry.resolve('us.acme.chat-large-v1:0');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ModelValidationError);
    const error = caught as ModelValidationError;
    expect(error.code).toBe('ERR_MODEL_UNKNOWN_FAMILY');
    expect(error.field).toBe('model');
    expect(defaultProviderRegistry.families()).toEqual(
      expect.arrayContaining(['deepseek', 'openai', 'qwen', 'meta-llama', 'amazon-nova']),
    );
    for (const family of defaultProviderRegistry.families()) expect(error.message).toContain(family);
    expect(error.message).toContain('us.acme.chat-large-v1:0');
    expect(error.message).toContain('AmazonBedrockConverseModel');
    expect(error.message).toContain(CONVERSE_SUGGESTION);
  });

  test.each([
    ['amazon.nova-canvas-v1:0'],
    ['amazon.nova-reel-v1:1'],
    ['amazon.nova-sonic-v1:0'],
    ['amazon.nova-2-multimodal-embeddings-v1:0'],
    ['stability.sd3-5-large-v1:0'],
  ])('%s (not a text chat model on InvokeModel) is an unknown family', (id) => {
    expect(() => defaultProviderRegistry.resolve(id)).toThrow(expect.objectContaining({ code: 'ERR_MODEL_UNKNOWN_FAMILY' }));
  });

  test('embedding models are not chat families', () => {
    expect(() => defaultProviderRegistry.resolve('amazon.titan-embed-text-v2:0')).toThrow(ModelValidationError);
    expect(() => defaultProviderRegistry.resolve('cohere.embed-english-v3')).toThrow(/Supported families/);
  });

  test('an application inference profile needs an explicit family, which must exist', () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3';
    expect(() => defaultProviderRegistry.resolve(arn)).toThrow(/set the provider family/);
    expect(defaultProviderRegistry.resolve(arn, 'anthropic').adapter.family).toBe('anthropic');
    expect(() => defaultProviderRegistry.resolve(arn, 'acme')).toThrow(
      expect.objectContaining({ code: 'ERR_MODEL_UNKNOWN_PROVIDER_FAMILY', field: 'provider' }),
    );
  });

  test('a registered adapter adds a family and is tried first', () => {
    const registry = new ProviderRegistry().register({
      family: 'acme',
      description: 'Acme',
      supportsTools: false,
      supportsStreaming: () => false,
      matches: (id) => id.startsWith('acme.'),
      buildBody: ({ messages }) => ({ prompt: String(messages.length) }),
      parseResponse: () => ({ text: 'x', toolCalls: [], stopReason: 'stop', usage: undefined }),
      parseStreamChunk: () => ({}),
    });
    expect(registry.resolve('us.acme.chat-v1:0').adapter.family).toBe('acme');
    expect(registry.families()[0]).toBe('acme');
    expect(defaultProviderRegistry.families()).not.toContain('acme');
  });
});

describe('every Langflow model id, under every cross-region prefix and as an ARN', () => {
  test('all 37 AWS_MODEL_IDS resolve to an adapter', () => {
    expect(AWS_MODEL_IDS).toHaveLength(37);
    for (const id of AWS_MODEL_IDS) expect(defaultProviderRegistry.resolve(id).baseModelId).toBe(id);
  });

  test('a prefix or an ARN never changes the family', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...AWS_MODEL_IDS),
        fc.constantFrom(...CROSS_REGION_PREFIXES),
        fc.constantFrom('foundation-model', 'inference-profile'),
        (id, prefix, kind) => {
          const family = defaultProviderRegistry.resolve(id).adapter.family;
          const profile = `${prefix}.${id}`;
          expect(defaultProviderRegistry.resolve(profile).adapter.family).toBe(family);
          const arn = `arn:aws:bedrock:us-east-1:123456789012:${kind}/${kind === 'foundation-model' ? id : profile}`;
          const resolved = defaultProviderRegistry.resolve(arn);
          expect([resolved.adapter.family, resolved.baseModelId]).toEqual([family, id]);
        },
      ),
    );
  });
});
