import {
  buildCohereV4Body,
  buildNovaMultimodalBody,
  buildTitanMultimodalBody,
  parseNovaMultimodalResponse,
  parseTitanMultimodalResponse,
  parseCohereV4Response,
  buildCohereBody,
  buildTitanBody,
  parseCohereResponse,
  parseTitanResponse,
  planEmbeddingRequests,
} from '../src';

describe('Titan body', () => {
  test('v1 carries only inputText', () => {
    expect(JSON.parse(buildTitanBody('hello', {}))).toEqual({ inputText: 'hello' });
  });
  test('v2 carries dimensions and normalize', () => {
    expect(JSON.parse(buildTitanBody('hello', { dimensions: 512, normalize: false }))).toEqual({
      inputText: 'hello',
      dimensions: 512,
      normalize: false,
    });
  });
  test('parses the vector and refuses other shapes', () => {
    expect(parseTitanResponse({ embedding: [0.5, 1], inputTextTokenCount: 2 })).toEqual([0.5, 1]);
    expect(parseTitanResponse({ embeddings: [[1]] })).toMatch(/no "embedding"/);
    expect(parseTitanResponse({ embedding: ['x'] })).toMatch(/non-numbers/);
    expect(parseTitanResponse(null)).toMatch(/no "embedding"/);
  });
});

describe('Cohere body', () => {
  test('carries texts, input_type and truncate', () => {
    expect(JSON.parse(buildCohereBody(['a', 'b'], 'search_query', 'END'))).toEqual({
      texts: ['a', 'b'],
      input_type: 'search_query',
      truncate: 'END',
    });
  });
  test('parses floats in both response shapes and checks the count', () => {
    expect(parseCohereResponse({ embeddings: [[1], [2]], response_type: 'embeddings_floats' }, 2)).toEqual([[1], [2]]);
    expect(parseCohereResponse({ embeddings: { float: [[3]] }, response_type: 'embeddings_by_type' }, 1)).toEqual([[3]]);
    expect(parseCohereResponse({ embeddings: [[1]] }, 2)).toBe('1 vectors for 2 texts');
    expect(parseCohereResponse({ embeddings: [1] }, 1)).toMatch(/non-vector/);
    expect(parseCohereResponse({}, 1)).toMatch(/no "embeddings"/);
  });
});

describe('Cohere v4 body', () => {
  test('asks for float vectors of output_dimension; truncate START/END become LEFT/RIGHT; max_tokens when set', () => {
    expect(JSON.parse(buildCohereV4Body(['a'], 'search_document', { dimensions: 256, truncate: 'START' }))).toEqual({
      texts: ['a'],
      input_type: 'search_document',
      embedding_types: ['float'],
      output_dimension: 256,
      truncate: 'LEFT',
    });
    expect(JSON.parse(buildCohereV4Body(['a'], 'search_query', { dimensions: 1536, truncate: 'END', maxTokens: 512 }))).toMatchObject({ truncate: 'RIGHT', max_tokens: 512 });
    expect(JSON.parse(buildCohereV4Body(['a'], 'search_query', { dimensions: 1536, truncate: 'NONE' })).truncate).toBe('NONE');
  });
  test('parses the embeddings-by-type shape', () => {
    expect(parseCohereV4Response({ embeddings: { float: [[1], [2]] }, response_type: 'embeddings_by_type' }, 2)).toEqual([[1], [2]]);
    expect(parseCohereV4Response({ embeddings: { int8: [[1]] } }, 1)).toMatch(/no "embeddings"/);
  });
});

describe('Titan multimodal body', () => {
  test('inputText with embeddingConfig.outputEmbeddingLength', () => {
    expect(JSON.parse(buildTitanMultimodalBody('hi', 384))).toEqual({ inputText: 'hi', embeddingConfig: { outputEmbeddingLength: 384 } });
    expect(parseTitanMultimodalResponse({ embedding: [0.1], inputTextTokenCount: 1 })).toEqual([0.1]);
  });
});

describe('Nova multimodal body', () => {
  test('SINGLE_EMBEDDING text with purpose, dimension and truncation mode', () => {
    expect(JSON.parse(buildNovaMultimodalBody('hi', 'search_query', 256, 'NONE'))).toEqual({
      schemaVersion: 'nova-multimodal-embed-v1',
      taskType: 'SINGLE_EMBEDDING',
      singleEmbeddingParams: { embeddingPurpose: 'TEXT_RETRIEVAL', embeddingDimension: 256, text: { truncationMode: 'NONE', value: 'hi' } },
    });
    expect(JSON.parse(buildNovaMultimodalBody('hi', 'search_document', 3072, 'END')).singleEmbeddingParams.embeddingPurpose).toBe('GENERIC_INDEX');
  });
  test('parses embeddings[0].embedding and refuses other shapes', () => {
    expect(parseNovaMultimodalResponse({ embeddings: [{ embeddingType: 'TEXT', embedding: [0.5, 1] }] })).toEqual([0.5, 1]);
    expect(parseNovaMultimodalResponse({ embeddings: [] })).toMatch(/no "embeddings" list/);
    expect(parseNovaMultimodalResponse({ embeddings: [{ embedding: ['x'] }] })).toMatch(/non-numbers/);
    expect(parseNovaMultimodalResponse({ embedding: [1] })).toMatch(/no "embeddings" list/);
  });
});

describe('planEmbeddingRequests', () => {
  test('200 texts at 96 per request -> 96 + 96 + 8, in order', () => {
    const texts = Array.from({ length: 200 }, (_, i) => `t${i}`);
    const plans = planEmbeddingRequests(texts, 96);
    expect(plans.map((p) => [p.start, p.texts.length])).toEqual([
      [0, 96],
      [96, 96],
      [192, 8],
    ]);
    expect(plans.flatMap((p) => p.texts)).toEqual(texts);
  });
  test('one text per request for Titan, nothing for []', () => {
    expect(planEmbeddingRequests(['a', 'b', 'c'], 1).map((p) => p.start)).toEqual([0, 1, 2]);
    expect(planEmbeddingRequests([], 96)).toEqual([]);
  });
  test('each plan carries the caller\'s index of every text it sends', () => {
    expect(planEmbeddingRequests(['a', 'e', 'f', 'g'], 3, [0, 4, 5, 9]).map((p) => p.indexes)).toEqual([[0, 4, 5], [9]]);
    expect(planEmbeddingRequests(['a', 'b', 'c'], 2).map((p) => p.indexes)).toEqual([[0, 1], [2]]);
  });
});
