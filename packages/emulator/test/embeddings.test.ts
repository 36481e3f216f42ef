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

  it('embedding models do not stream', async () => {
    await expect(
      client().send(new InvokeModelWithResponseStreamCommand({ modelId: 'amazon.titan-embed-text-v2:0', body: jsonBody({ inputText: 'x' }) })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });
});
