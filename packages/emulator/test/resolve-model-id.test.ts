import { baseModelId, resolveModelFamily } from '../src/models/resolve-model-id';

describe('model id resolution', () => {
  it.each([
    ['anthropic.claude-3-haiku-20240307-v1:0', 'anthropic'],
    ['us.anthropic.claude-3-5-haiku-20241022-v1:0', 'anthropic'],
    ['us-gov.anthropic.claude-3-5-sonnet-20240620-v1:0', 'anthropic'],
    ['global.anthropic.claude-sonnet-4-20250514-v1:0', 'anthropic'],
    ['apac.amazon.nova-micro-v1:0', 'amazon-nova'],
    ['jp.amazon.nova-lite-v1:0', 'amazon-nova'],
    ['au.meta.llama3-1-8b-instruct-v1:0', 'meta'],
    ['sa.mistral.mistral-large-2402-v1:0', 'mistral'],
    ['amer.cohere.command-r-v1:0', 'cohere-command-r'],
    ['eu.cohere.command-light-text-v14', 'cohere-command'],
    ['arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0', 'anthropic'],
    ['arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-lite-v1', 'amazon-titan-text'],
    ['amazon.titan-embed-text-v1', 'amazon-titan-embed-v1'],
    ['amazon.titan-embed-text-v2:0', 'amazon-titan-embed-v2'],
    ['cohere.embed-multilingual-v3', 'cohere-embed'],
    ['ai21.jamba-instruct-v1:0', 'ai21-jamba'],
    ['ai21.j2-mid-v1', 'ai21-j2'],
    ['us.deepseek.r1-v1:0', 'deepseek-r1'],
    ['deepseek.v3-v1:0', 'deepseek-v3'],
    ['openai.gpt-oss-20b-1:0', 'openai-gpt-oss'],
    ['openai.gpt-oss-120b-1:0', 'openai-gpt-oss'],
    ['qwen.qwen3-32b-v1:0', 'qwen'],
    ['qwen.qwen3-coder-30b-a3b-v1:0', 'qwen'],
    ['meta.llama4-maverick-17b-instruct-v1:0', 'meta'],
    ['us.amazon.nova-2-lite-v1:0', 'amazon-nova'],
    ['us.amazon.nova-premier-v1:0', 'amazon-nova'],
  ])('%s -> %s', (id, family) => {
    expect(resolveModelFamily(id)).toBe(family);
  });

  it('strips prefixes and ARNs to the base id; unknown ids have no family', () => {
    expect(baseModelId('eu.anthropic.claude-3-haiku-20240307-v1:0')).toBe('anthropic.claude-3-haiku-20240307-v1:0');
    expect(baseModelId('arn:aws:bedrock:eu-west-1:1:inference-profile/eu.meta.llama3-2-1b-instruct-v1:0')).toBe('meta.llama3-2-1b-instruct-v1:0');
    expect(resolveModelFamily('acme.rocket-v1')).toBeUndefined();
    expect(resolveModelFamily('us.acme.rocket-v1')).toBeUndefined();
    // Image, video and speech Nova models are no chat family.
    expect(resolveModelFamily('amazon.nova-canvas-v1:0')).toBeUndefined();
    expect(resolveModelFamily('amazon.nova-sonic-v1:0')).toBeUndefined();
  });
});
