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
  ])('%s -> %s', (id, family) => {
    expect(resolveModelFamily(id)).toBe(family);
  });

  it('strips prefixes and ARNs to the base id; unknown ids have no family', () => {
    expect(baseModelId('eu.anthropic.claude-3-haiku-20240307-v1:0')).toBe('anthropic.claude-3-haiku-20240307-v1:0');
    expect(baseModelId('arn:aws:bedrock:eu-west-1:1:inference-profile/eu.meta.llama3-2-1b-instruct-v1:0')).toBe('meta.llama3-2-1b-instruct-v1:0');
    expect(resolveModelFamily('acme.rocket-v1')).toBeUndefined();
    expect(resolveModelFamily('us.acme.rocket-v1')).toBeUndefined();
  });
});
