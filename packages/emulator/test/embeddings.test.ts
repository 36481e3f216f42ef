import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { jsonBody, parseBody, useEmulator } from './support/shared-emulator';

const norm = (v: number[]): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

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
    const raw = await invoke('amazon.titan-embed-text-v2:0', { inputText: 'hi', dimensions: 512, normalize: false });
    expect(raw.embedding).toHaveLength(512);
    expect(Math.abs(norm(raw.embedding) - 1)).toBeGreaterThan(0.5);
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
