import {
  BedrockAgentRuntimeClient,
  RetrieveAndGenerateCommand,
  RetrieveCommand,
  type RetrievalFilter,
} from '@aws-sdk/client-bedrock-agent-runtime';
import { EmulatorOptionsError, startEmulator, TEST_CREDENTIALS, type EmulatorKnowledgeBase, type RunningEmulator } from '@bedrock-flow/emulator';

const KB_ID = 'KBTEST0001';
const KNOWLEDGE_BASES: EmulatorKnowledgeBase[] = [
  {
    knowledgeBaseId: KB_ID,
    documents: [
      { text: 'Throttled requests are retried with exponential backoff and jitter.', uri: 's3://docs/retries.md', metadata: { topic: 'retries', year: 2023 } },
      { text: 'A new connection pays a TLS handshake: two extra round trips before the first request.', uri: 's3://docs/tls.md', metadata: { topic: 'transport', year: 2024, tags: ['tls', 'latency'] } },
      { text: 'Guardrails block denied topics in user prompts and model answers.', uri: 'https://example.com/guardrails', metadata: { topic: 'safety', year: 2025 } },
      { text: 'Keep-alive connections skip the TLS handshake on later requests.', metadata: { topic: 'transport', year: 2025 } },
    ],
  },
];

describe('emulator: bedrock-agent-runtime Retrieve and RetrieveAndGenerate over an in-memory knowledge base', () => {
  let emu: RunningEmulator;
  let client: BedrockAgentRuntimeClient;
  beforeAll(async () => {
    emu = await startEmulator({ knowledgeBases: KNOWLEDGE_BASES });
    // The stock SDK client, signing as it does against AWS (signing name `bedrock`).
    client = new BedrockAgentRuntimeClient({ region: 'us-east-1', endpoint: emu.url, credentials: TEST_CREDENTIALS });
  });
  afterAll(async () => {
    client.destroy();
    await emu.close();
  });

  const retrieve = (text: string, vectorSearchConfiguration: Record<string, unknown> = {}, knowledgeBaseId = KB_ID) =>
    client.send(new RetrieveCommand({ knowledgeBaseId, retrievalQuery: { text }, retrievalConfiguration: { vectorSearchConfiguration } }));

  it('Retrieve returns the chunks best first, with content, S3 or web location, metadata and a score in 0..1', async () => {
    const out = await retrieve('How slow is a TLS handshake on a new connection?');
    expect(out.retrievalResults).toHaveLength(4);
    const [best] = out.retrievalResults!;
    expect(best!.content).toEqual({ text: KNOWLEDGE_BASES[0]!.documents[1]!.text, type: 'TEXT' });
    expect(best!.location).toEqual({ type: 'S3', s3Location: { uri: 's3://docs/tls.md' } });
    expect(best!.metadata).toMatchObject({ topic: 'transport', year: 2024, tags: ['tls', 'latency'], 'x-amz-bedrock-kb-source-uri': 's3://docs/tls.md' });
    const scores = out.retrievalResults!.map((r) => r.score!);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const score of scores) expect(score).toBeGreaterThanOrEqual(0), expect(score).toBeLessThanOrEqual(1);
    const web = out.retrievalResults!.find((r) => r.location?.type === 'WEB');
    expect(web!.location!.webLocation).toEqual({ url: 'https://example.com/guardrails' });
    // Deterministic: the same query scores the same.
    expect((await retrieve('How slow is a TLS handshake on a new connection?')).retrievalResults).toEqual(out.retrievalResults);
  });

  it('numberOfResults limits the results; HYBRID adds keyword matches to the score', async () => {
    expect((await retrieve('TLS handshake', { numberOfResults: 2 })).retrievalResults).toHaveLength(2);
    const semantic = await retrieve('TLS handshake', { overrideSearchType: 'SEMANTIC', numberOfResults: 1 });
    const hybrid = await retrieve('TLS handshake', { overrideSearchType: 'HYBRID', numberOfResults: 1 });
    expect(hybrid.retrievalResults![0]!.score).not.toBe(semantic.retrievalResults![0]!.score);
    expect(emu.requests().at(-1)).toMatchObject({ operation: 'Retrieve', modelId: KB_ID, family: 'knowledge-base', lastUserText: 'TLS handshake' });
  });

  it.each<[string, RetrievalFilter, string[]]>([
    ['equals', { equals: { key: 'topic', value: 'transport' } }, ['s3://docs/tls.md', 's3://kbtest0001/doc-4.txt']],
    ['notEquals', { notEquals: { key: 'topic', value: 'transport' } }, ['s3://docs/retries.md', 'https://example.com/guardrails']],
    ['greaterThanOrEquals', { greaterThanOrEquals: { key: 'year', value: 2025 } }, ['https://example.com/guardrails', 's3://kbtest0001/doc-4.txt']],
    ['in', { in: { key: 'topic', value: ['safety', 'retries'] } }, ['s3://docs/retries.md', 'https://example.com/guardrails']],
    ['startsWith', { startsWith: { key: 'topic', value: 'trans' } }, ['s3://docs/tls.md', 's3://kbtest0001/doc-4.txt']],
    ['listContains', { listContains: { key: 'tags', value: 'tls' } }, ['s3://docs/tls.md']],
    ['andAll', { andAll: [{ equals: { key: 'topic', value: 'transport' } }, { lessThan: { key: 'year', value: 2025 } }] }, ['s3://docs/tls.md']],
    ['orAll', { orAll: [{ equals: { key: 'topic', value: 'safety' } }, { equals: { key: 'year', value: 2023 } }] }, ['s3://docs/retries.md', 'https://example.com/guardrails']],
  ])('the metadata filter %s keeps only the matching documents', async (_name, filter, uris) => {
    const out = await retrieve('connections and topics', { filter, numberOfResults: 10 });
    const got = out.retrievalResults!.map((r) => r.location?.s3Location?.uri ?? r.location?.webLocation?.url);
    expect(got.sort()).toEqual([...uris].sort());
  });

  it('an unknown knowledge base id is a ResourceNotFoundException (404)', async () => {
    await expect(retrieve('x', {}, 'NOSUCHKB01')).rejects.toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['numberOfResults 0', { numberOfResults: 0 }, /numberOfResults' failed to satisfy constraint: Member must have value greater than or equal to 1/],
    ['numberOfResults 101', { numberOfResults: 101 }, /less than or equal to 100/],
    ['an unknown search type', { overrideSearchType: 'FUZZY' }, /overrideSearchType' failed to satisfy constraint: Member must satisfy enum value set: \[HYBRID, SEMANTIC\]/],
    ['a filter with two operators', { filter: { equals: { key: 'a', value: 1 }, notEquals: { key: 'a', value: 2 } } }, /filter' failed to satisfy constraint: Member must have exactly one of the union members set/],
    ['an unknown filter operator', { filter: { like: { key: 'a', value: 'x' } } }, /exactly one of the union members set/],
    ['andAll with one filter', { filter: { andAll: [{ equals: { key: 'a', value: 1 } }] } }, /filter.andAll' failed to satisfy constraint: Member must have length between 2 and 5/],
    ['greaterThan a string', { filter: { greaterThan: { key: 'year', value: 'x' } } }, /filter.greaterThan.value' failed to satisfy constraint: Member must be a number/],
    ['a filter without key', { filter: { equals: { value: 1 } } }, /filter.equals.key' failed to satisfy constraint/],
    ['a reranking model that is not a model ARN', { rerankingConfiguration: { type: 'BEDROCK_RERANKING_MODEL', bedrockRerankingConfiguration: { modelConfiguration: { modelArn: 'cohere' } } } }, /modelArn' failed to satisfy constraint/],
  ])('%s is a ValidationException naming the field', async (_name, config, message) => {
    const error = await retrieve('x', config).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    expect((error as Error).message).toMatch(message);
  });

  it('a reranking model reorders and limits to numberOfRerankedResults', async () => {
    const out = await retrieve('TLS handshake', {
      numberOfResults: 4,
      rerankingConfiguration: {
        type: 'BEDROCK_RERANKING_MODEL',
        bedrockRerankingConfiguration: { numberOfRerankedResults: 2, modelConfiguration: { modelArn: 'arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0' } },
      },
    });
    expect(out.retrievalResults).toHaveLength(2);
  });

  it('RetrieveAndGenerate answers from the best chunk and cites every retrieved chunk; the session id is echoed', async () => {
    const out = await client.send(
      new RetrieveAndGenerateCommand({
        input: { text: 'What does a TLS handshake cost a new connection?' },
        sessionId: 'session-1',
        retrieveAndGenerateConfiguration: {
          type: 'KNOWLEDGE_BASE',
          knowledgeBaseConfiguration: {
            knowledgeBaseId: KB_ID,
            modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
            retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: 2 } },
          },
        },
      }),
    );
    expect(out.output?.text).toBe(KNOWLEDGE_BASES[0]!.documents[1]!.text);
    expect(out.sessionId).toBe('session-1');
    expect(out.citations).toHaveLength(1);
    expect(out.citations![0]!.generatedResponsePart?.textResponsePart?.text).toBe(out.output?.text);
    expect(out.citations![0]!.retrievedReferences!.map((r) => r.location?.s3Location?.uri)).toEqual(['s3://docs/tls.md', 's3://kbtest0001/doc-4.txt']);
    expect(emu.requests().at(-1)).toMatchObject({ operation: 'RetrieveAndGenerate', family: 'knowledge-base' });
  });

  it('RetrieveAndGenerate: an unknown knowledge base is ResourceNotFoundException, a missing modelArn a ValidationException', async () => {
    const send = (knowledgeBaseConfiguration: Record<string, unknown>) =>
      client.send(new RetrieveAndGenerateCommand({ input: { text: 'q' }, retrieveAndGenerateConfiguration: { type: 'KNOWLEDGE_BASE', knowledgeBaseConfiguration: knowledgeBaseConfiguration as never } }));
    await expect(send({ knowledgeBaseId: 'NOSUCHKB01', modelArn: 'anthropic.claude-3-haiku-20240307-v1:0' })).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(send({ knowledgeBaseId: KB_ID })).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringMatching(/knowledgeBaseConfiguration.modelArn' failed to satisfy constraint: Member must not be null/) });
  });

  it('bad knowledgeBases options are refused before anything listens', async () => {
    await expect(startEmulator({ knowledgeBases: [{ knowledgeBaseId: '', documents: [{ text: 1 as never, metadata: { a: { b: 1 } as never } }] }] })).rejects.toThrow(EmulatorOptionsError);
  });
});
