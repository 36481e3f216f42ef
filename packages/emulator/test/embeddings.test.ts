import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { jsonBody, parseBody, useEmulator } from './support/shared-emulator';

const norm = (v: number[]): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const cosine = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * b[i]!, 0) / (norm(a) * norm(b));

describe('embedding families', () => {
  const { client } = useEmulator();
  const invoke = async (modelId: string, body: unknown): Promise<any> =>
    parseBody((await client().send(new InvokeModelCommand({ modelId, body: jsonBody(body), contentType: 'application/json' }))).body);

  it('Titan embed v1: 1536 values, unit norm, deterministic per text', async () => {
    const a = await invoke('amazon.titan-embed-text-v1', { inputText: 'hello world' });
    const b = await invoke('amazon.titan-embed-text-v1', { inputText: 'hello world' });
    const c = await invoke('amazon.titan-embed-text-v1', { inputText: 'another text' });
    expect(a.embedding).toHaveLength(1536);
    expect(a.inputTextTokenCount).toBe(3);
    expect(norm(a.embedding)).toBeCloseTo(1, 6);
    expect(b.embedding).toEqual(a.embedding);
    expect(c.embedding).not.toEqual(a.embedding);
  });

  it('Titan embed v2: default 1024 normalized, dimensions 256/512, normalize false', async () => {
    const d = await invoke('amazon.titan-embed-text-v2:0', { inputText: 'hi' });
    expect(d.embedding).toHaveLength(1024);
    expect(norm(d.embedding)).toBeCloseTo(1, 6);
    expect(d.embeddingsByType.float).toEqual(d.embedding);
    expect((await invoke('amazon.titan-embed-text-v2:0', { inputText: 'hi', dimensions: 256 })).embedding).toHaveLength(256);
    // Unnormalised: the raw hashed word weights, whose norm grows with the words; same direction as the normalised vector.
    const text = 'the quick brown fox jumps over the lazy dog';
    const raw = await invoke('amazon.titan-embed-text-v2:0', { inputText: text, dimensions: 512, normalize: false });
    const unit = await invoke('amazon.titan-embed-text-v2:0', { inputText: text, dimensions: 512 });
    expect(raw.embedding).toHaveLength(512);
    expect(norm(raw.embedding)).toBeGreaterThan(2);
    expect(cosine(raw.embedding, unit.embedding)).toBeCloseTo(1, 9);
  });

  describe('vectors carry the words of the text (feature hashing), deterministically', () => {
    const QUERY = 'How do TLS handshakes slow each run?';
    const DOCUMENTS = [
      'Throttled requests are retried with exponential backoff and jitter.',
      'A new connection pays a TLS handshake: two extra round trips before the first request.',
      'Cohere embed models accept up to 96 texts per request.',
      'Guardrails block denied topics in user prompts and model answers.',
      'Credential providers cache temporary credentials until they expire.',
    ];
    const nearest = (query: number[], docs: number[][]): number =>
      docs.reduce((best, doc, i) => (cosine(query, doc) > cosine(query, docs[best]!) ? i : best), 0);

    it.each([
      ['amazon.titan-embed-text-v1', {}],
      ['amazon.titan-embed-text-v2:0', { dimensions: 256 }],
      ['amazon.titan-embed-text-v2:0', { dimensions: 1024, normalize: false }],
    ])('%s %j: the TLS question is nearest the TLS document', async (modelId, extra) => {
      const embed = async (inputText: string): Promise<number[]> => (await invoke(modelId, { inputText, ...extra })).embedding;
      const docs = await Promise.all(DOCUMENTS.map(embed));
      const query = await embed(QUERY);
      expect(nearest(query, docs)).toBe(1);
      // Clearly nearest, not by a hair: the next best document is at least 0.15 below.
      const scores = docs.map((d) => cosine(query, d)).sort((a, b) => b - a);
      expect(scores[0]! - scores[1]!).toBeGreaterThan(0.15);
    });

    it('Cohere: same ranking, one call for the documents and one for the query', async () => {
      const docs = (await invoke('cohere.embed-english-v3', { texts: DOCUMENTS, input_type: 'search_document' })).embeddings as number[][];
      const [query] = (await invoke('cohere.embed-english-v3', { texts: [QUERY], input_type: 'search_query' })).embeddings as number[][];
      expect(docs.map((d) => d.length)).toEqual([1024, 1024, 1024, 1024, 1024]);
      expect(docs.map((d) => norm(d)).every((n) => Math.abs(n - 1) < 1e-9)).toBe(true);
      expect(nearest(query!, docs)).toBe(1);
    });

    it.each([
      ['cohere.embed-v4:0', (texts: string[], input_type: string) => ({ texts, input_type, embedding_types: ['float'], output_dimension: 512 }), (out: any) => out.embeddings.float as number[][]],
      ['amazon.titan-embed-image-v1', (texts: string[]) => ({ inputText: texts[0], embeddingConfig: { outputEmbeddingLength: 384 } }), (out: any) => [out.embedding as number[]]],
      [
        'amazon.nova-2-multimodal-embeddings-v1:0',
        (texts: string[], input_type: string) => ({
          taskType: 'SINGLE_EMBEDDING',
          singleEmbeddingParams: { embeddingPurpose: input_type === 'search_query' ? 'TEXT_RETRIEVAL' : 'GENERIC_INDEX', embeddingDimension: 1024, text: { truncationMode: 'END', value: texts[0] } },
        }),
        (out: any) => out.embeddings.map((e: { embedding: number[] }) => e.embedding) as number[][],
      ],
    ])('%s: the TLS question is nearest the TLS document', async (modelId, body, vectors) => {
      const embed = async (text: string, inputType: string): Promise<number[]> => vectors(await invoke(modelId, body([text], inputType)))[0]!;
      const docs = await Promise.all(DOCUMENTS.map((d) => embed(d, 'search_document')));
      expect(nearest(await embed(QUERY, 'search_query'), docs)).toBe(1);
    });

    it('identical texts give identical vectors; the same words in another order or case give different but close ones', async () => {
      const titan = async (inputText: string): Promise<number[]> => (await invoke('amazon.titan-embed-text-v2:0', { inputText })).embedding;
      const a = await titan('dog bites man');
      expect(await titan('dog bites man')).toEqual(a);
      const reordered = await titan('man bites dog');
      const recased = await titan('Dog bites man');
      const unrelated = await titan('quarterly revenue report');
      expect(reordered).not.toEqual(a);
      expect(recased).not.toEqual(a);
      expect(cosine(a, reordered)).toBeLessThan(0.99);
      expect(cosine(a, reordered)).toBeGreaterThan(0.6);
      expect(cosine(a, recased)).toBeGreaterThan(0.9);
      expect(Math.abs(cosine(a, unrelated))).toBeLessThan(0.2);
      const cohere = (await invoke('cohere.embed-english-v3', { texts: ['dog bites man', 'man bites dog', 'dog bites man'], input_type: 'clustering' }))
        .embeddings as number[][];
      expect(cohere[2]).toEqual(cohere[0]);
      expect(cohere[1]).not.toEqual(cohere[0]);
    });
  });

  it('Titan embed v2 rejects dimensions outside 256|512|1024', async () => {
    await expect(invoke('amazon.titan-embed-text-v2:0', { inputText: 'hi', dimensions: 300 })).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('dimensions'),
    });
  });

  it('Cohere embed v3: one 1024-dim float vector per text', async () => {
    const out = await invoke('cohere.embed-english-v3', { texts: ['a', 'b'], input_type: 'search_document' });
    expect(out.response_type).toBe('embeddings_floats');
    expect(out.texts).toEqual(['a', 'b']);
    expect(out.embeddings).toHaveLength(2);
    expect(out.embeddings[0]).toHaveLength(1024);
    expect(out.embeddings[0]).not.toEqual(out.embeddings[1]);
  });

  it('Cohere embed v3 enforces input_type and at most 96 texts', async () => {
    await expect(invoke('cohere.embed-multilingual-v3', { texts: ['a'] })).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('input_type') });
    await expect(invoke('cohere.embed-english-v3', { texts: ['a'], input_type: 'bogus' })).rejects.toMatchObject({ name: 'ValidationException' });
    const texts = Array.from({ length: 97 }, (_, i) => `t${i}`);
    await expect(invoke('cohere.embed-english-v3', { texts, input_type: 'search_query' })).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('96') });
  });

  describe('Cohere embed v4 (cohere.embed-v4:0)', () => {
    it('embedding_types ["float"]: embeddings keyed by type, output_dimension default 1536', async () => {
      const out = await invoke('us.cohere.embed-v4:0', { texts: ['a', 'b'], input_type: 'search_document', embedding_types: ['float'] });
      expect(out.response_type).toBe('embeddings_by_type');
      expect(out.texts).toEqual(['a', 'b']);
      expect(Object.keys(out.embeddings)).toEqual(['float']);
      expect(out.embeddings.float.map((v: number[]) => v.length)).toEqual([1536, 1536]);
      expect(norm(out.embeddings.float[0])).toBeCloseTo(1, 6);
    });

    it.each([256, 512, 1024, 1536])('output_dimension %i', async (dims) => {
      const out = await invoke('cohere.embed-v4:0', { texts: ['a'], input_type: 'search_query', embedding_types: ['float'], output_dimension: dims });
      expect(out.embeddings.float[0]).toHaveLength(dims);
    });

    it('compressed types: int8/uint8 one value per dimension, binary/ubinary one byte per 8', async () => {
      const out = await invoke('cohere.embed-v4:0', {
        texts: ['hello world'],
        input_type: 'clustering',
        embedding_types: ['float', 'int8', 'uint8', 'binary', 'ubinary'],
        output_dimension: 256,
      });
      expect(out.embeddings.int8[0]).toHaveLength(256);
      expect(out.embeddings.int8[0].every((v: number) => Number.isInteger(v) && v >= -128 && v <= 127)).toBe(true);
      expect(out.embeddings.uint8[0].every((v: number) => Number.isInteger(v) && v >= 0 && v <= 255)).toBe(true);
      expect(out.embeddings.binary[0]).toHaveLength(32);
      expect(out.embeddings.ubinary[0]).toHaveLength(32);
      expect(out.embeddings.ubinary[0].map((v: number) => v - 128)).toEqual(out.embeddings.binary[0]);
    });

    it('without embedding_types: the v3-style float list', async () => {
      const out = await invoke('cohere.embed-v4:0', { texts: ['a'], input_type: 'search_query' });
      expect(out.response_type).toBe('embeddings_floats');
      expect(out.embeddings[0]).toHaveLength(1536);
    });

    it('max_tokens with truncate NONE refuses a longer text, LEFT/RIGHT cut it', async () => {
      const text = 'x'.repeat(100); // 25 emulator tokens
      await expect(invoke('cohere.embed-v4:0', { texts: ['ok', text], input_type: 'search_query', max_tokens: 10 })).rejects.toMatchObject({
        name: 'ValidationException',
        message: expect.stringMatching(/^Malformed input request: #\/texts\/1: 25 tokens exceed max_tokens 10/),
      });
      const right = await invoke('cohere.embed-v4:0', { texts: [text], input_type: 'search_query', max_tokens: 10, truncate: 'RIGHT' });
      expect(right.embeddings[0]).toHaveLength(1536);
    });

    it.each([
      ['output_dimension', { texts: ['a'], input_type: 'search_query', output_dimension: 768 }],
      ['embedding_types', { texts: ['a'], input_type: 'search_query', embedding_types: ['float32'] }],
      ['truncate', { texts: ['a'], input_type: 'search_query', truncate: 'END' }],
      ['max_tokens', { texts: ['a'], input_type: 'search_query', max_tokens: 128_001 }],
      ['maxItems: 96', { texts: Array.from({ length: 97 }, (_, i) => `t${i}`), input_type: 'search_query' }],
      ['input_type', { texts: ['a'] }],
      ['texts', { input_type: 'search_query' }],
      ['images', { images: ['data:image/png;base64,AAAA'], input_type: 'search_query' }],
    ])('a bad %s: a ValidationException naming it', async (field, body) => {
      await expect(invoke('cohere.embed-v4:0', body)).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining(field) });
    });
  });

  describe('Titan multimodal embeddings G1 (amazon.titan-embed-image-v1), text input', () => {
    it('default 1024, outputEmbeddingLength 256/384, unit norm, token count', async () => {
      const out = await invoke('amazon.titan-embed-image-v1', { inputText: 'a red bicycle' });
      expect(out.embedding).toHaveLength(1024);
      expect(out.inputTextTokenCount).toBe(4);
      expect(norm(out.embedding)).toBeCloseTo(1, 6);
      for (const length of [256, 384]) {
        expect((await invoke('amazon.titan-embed-image-v1', { inputText: 'a red bicycle', embeddingConfig: { outputEmbeddingLength: length } })).embedding).toHaveLength(length);
      }
    });

    it.each([
      ['outputEmbeddingLength', { inputText: 'a', embeddingConfig: { outputEmbeddingLength: 512 } }],
      ['inputText', { embeddingConfig: { outputEmbeddingLength: 256 } }],
      ['128-token', { inputText: 'x'.repeat(513) }],
      ['inputText', { inputText: '' }],
    ])('a bad %s: a ValidationException naming it', async (field, body) => {
      await expect(invoke('amazon.titan-embed-image-v1', body)).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining(field) });
    });
  });

  describe('Nova multimodal embeddings (amazon.nova-2-multimodal-embeddings-v1:0), text input', () => {
    const nova = (params: Record<string, unknown>, top: Record<string, unknown> = {}): Record<string, unknown> => ({
      schemaVersion: 'nova-multimodal-embed-v1',
      taskType: 'SINGLE_EMBEDDING',
      singleEmbeddingParams: { embeddingPurpose: 'GENERIC_INDEX', text: { truncationMode: 'END', value: 'a red bicycle' }, ...params },
      ...top,
    });

    it('embeddings [{embeddingType: TEXT, embedding}], default 3072, and each embeddingDimension', async () => {
      const out = await invoke('amazon.nova-2-multimodal-embeddings-v1:0', nova({}));
      expect(out.embeddings).toHaveLength(1);
      expect(out.embeddings[0].embeddingType).toBe('TEXT');
      expect(out.embeddings[0].embedding).toHaveLength(3072);
      expect(out.embeddings[0].truncatedCharLength).toBeUndefined();
      expect(norm(out.embeddings[0].embedding)).toBeCloseTo(1, 6);
      for (const dims of [256, 384, 1024]) {
        expect((await invoke('us.amazon.nova-2-multimodal-embeddings-v1:0', nova({ embeddingDimension: dims }))).embeddings[0].embedding).toHaveLength(dims);
      }
    });

    it.each([
      ['embeddingDimension', nova({ embeddingDimension: 512 })],
      ['embeddingPurpose', nova({ embeddingPurpose: 'SEARCH' })],
      ['embeddingPurpose', nova({ embeddingPurpose: undefined })],
      ['truncationMode', nova({ text: { value: 'x' } })],
      ['maxLength: 8192', nova({ text: { truncationMode: 'END', value: 'x'.repeat(8193) } })],
      ['exactly one of text, image, audio, video', nova({ image: { format: 'png', source: { bytes: 'AAAA' } } })],
      ['taskType', nova({}, { taskType: 'SEGMENTED_EMBEDDING' })],
      ['schemaVersion', nova({}, { schemaVersion: 'v2' })],
    ])('a bad %s: a ValidationException naming it', async (field, body) => {
      await expect(invoke('amazon.nova-2-multimodal-embeddings-v1:0', body)).rejects.toMatchObject({
        name: 'ValidationException',
        message: expect.stringContaining(field),
      });
    });
  });

  it('embedding models do not stream', async () => {
    await expect(
      client().send(new InvokeModelWithResponseStreamCommand({ modelId: 'amazon.titan-embed-text-v2:0', body: jsonBody({ inputText: 'x' }) })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });
});
