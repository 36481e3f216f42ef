import {
  AWS_EMBEDDING_MODEL_IDS,
  EmbeddingConfigError,
  baseEmbeddingModelId,
  resolveEmbeddingModelFamily,
} from '../src';

describe('resolveEmbeddingModelFamily', () => {
  test.each([
    ['amazon.titan-embed-text-v1', 'titan-v1'],
    ['amazon.titan-embed-g1-text-02', 'titan-v1'],
    ['amazon.titan-embed-text-v2:0', 'titan-v2'],
    ['cohere.embed-english-v3', 'cohere-v3'],
    ['cohere.embed-multilingual-v3', 'cohere-v3'],
    ['us.amazon.titan-embed-text-v2:0', 'titan-v2'],
    ['eu.cohere.embed-multilingual-v3', 'cohere-v3'],
    ['us-gov.amazon.titan-embed-text-v1', 'titan-v1'],
    ['global.cohere.embed-english-v3', 'cohere-v3'],
    ['arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0', 'titan-v2'],
    ['arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.cohere.embed-english-v3', 'cohere-v3'],
    ['arn:aws-cn:bedrock:cn-north-1::foundation-model/amazon.titan-embed-text-v1', 'titan-v1'],
    ['cohere.embed-v4:0', 'cohere-v4'],
    ['us.cohere.embed-v4:0', 'cohere-v4'],
    ['amazon.titan-embed-image-v1', 'titan-multimodal'],
    ['amazon.nova-2-multimodal-embeddings-v1:0', 'nova-multimodal'],
    ['global.amazon.nova-2-multimodal-embeddings-v1:0', 'nova-multimodal'],
  ])('%s -> %s', (id, family) => {
    expect(resolveEmbeddingModelFamily(id)).toBe(family);
  });

  test('the four Langflow ids all resolve', () => {
    expect(AWS_EMBEDDING_MODEL_IDS.map((id) => resolveEmbeddingModelFamily(id))).toEqual([
      'titan-v1',
      'titan-v2',
      'cohere-v3',
      'cohere-v3',
    ]);
  });

  test.each([
    'anthropic.claude-3-haiku-20240307-v1:0',
    'cohere.embed-v5:0',
    'amazon.titan-embed-image-v2',
    'amazon.nova-2-lite-v1:0',
    'amazon.titan-embed-text-v3',
    'xx.amazon.titan-embed-text-v1',
    'arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123',
  ])('refuses %s with ERR_EMBEDDINGS_MODEL_UNSUPPORTED', (id) => {
    expect(() => resolveEmbeddingModelFamily(id)).toThrow(
      expect.objectContaining({ code: 'ERR_EMBEDDINGS_MODEL_UNSUPPORTED', field: 'model' }),
    );
  });

  test('an opaque ARN resolves with an explicit family', () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123';
    expect(baseEmbeddingModelId(arn)).toBeUndefined();
    expect(resolveEmbeddingModelFamily(arn, 'cohere-v3')).toBe('cohere-v3');
    expect(() => resolveEmbeddingModelFamily(arn, 'nova')).toThrow(EmbeddingConfigError);
  });

  test.each([[''], ['   '], [undefined], [42]])('refuses a model id of %p', (id) => {
    expect(() => resolveEmbeddingModelFamily(id)).toThrow(expect.objectContaining({ code: 'ERR_EMBEDDINGS_CONFIG_INVALID' }));
  });
});
