import {
  AgenticRetrieveStreamCommand,
  BedrockAgentRuntimeClient,
  type AgenticRetrieveStreamCommandInput,
  type AgenticRetrieveStreamResponseOutput,
} from '@aws-sdk/client-bedrock-agent-runtime';
import { startEmulator, TEST_CREDENTIALS, type EmulatorKnowledgeBase, type RunningEmulator } from '@bedrock-flow/emulator';

const KB_ID = 'KBAGENT001';
const OTHER_KB = 'KBAGENT002';
const KNOWLEDGE_BASES: EmulatorKnowledgeBase[] = [
  {
    knowledgeBaseId: KB_ID,
    documents: [
      { text: 'Throttled requests are retried with exponential backoff and jitter.', uri: 's3://docs/retries.md', metadata: { topic: 'retries' } },
      { text: 'A new connection pays a TLS handshake: two extra round trips before the first request.', uri: 's3://docs/tls.md', metadata: { topic: 'transport' } },
      { text: 'Keep-alive connections skip the TLS handshake on later requests.', uri: 's3://docs/keep-alive.md', metadata: { topic: 'transport' } },
    ],
  },
  { knowledgeBaseId: OTHER_KB, documents: [{ text: 'TLS session resumption shortens a handshake to one round trip.', uri: 'https://example.com/resumption', metadata: { topic: 'transport' } }] },
];

const QUESTION = 'What does a TLS handshake cost a new connection?';

function request(overrides: Partial<AgenticRetrieveStreamCommandInput> = {}): AgenticRetrieveStreamCommandInput {
  return {
    messages: [{ role: 'user', content: { text: QUESTION } }],
    retrievers: [{ configuration: { knowledgeBase: { knowledgeBaseId: KB_ID, retrievalOverrides: { maxNumberOfResults: 2 } } } }],
    agenticRetrieveConfiguration: { foundationModelType: 'MANAGED' },
    ...overrides,
  };
}

describe('emulator: bedrock-agent-runtime AgenticRetrieveStream over the in-memory knowledge bases', () => {
  let emu: RunningEmulator;
  let client: BedrockAgentRuntimeClient;
  beforeAll(async () => {
    emu = await startEmulator({ knowledgeBases: KNOWLEDGE_BASES });
    client = new BedrockAgentRuntimeClient({ region: 'us-east-1', endpoint: emu.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  });
  afterEach(() => emu.setFaults({}));
  afterAll(async () => {
    client.destroy();
    await emu.close();
  });

  async function events(input: AgenticRetrieveStreamCommandInput): Promise<AgenticRetrieveStreamResponseOutput[]> {
    const out = await client.send(new AgenticRetrieveStreamCommand(input));
    const got: AgenticRetrieveStreamResponseOutput[] = [];
    for await (const event of out.stream!) got.push(event);
    return got;
  }

  it('streams a planning trace, a retrieval trace, the answer in chunks, then the result with cited results', async () => {
    const before = emu.stats().requests.byOperation['AgenticRetrieveStream'] ?? 0;
    const got = await events(request());
    const kinds = got.map((event) => Object.keys(event)[0]);
    expect(kinds.slice(0, 2)).toEqual(['traceEvent', 'traceEvent']);
    expect(kinds.at(-1)).toBe('result');
    expect(kinds.slice(2, -1).every((kind) => kind === 'responseEvent')).toBe(true);

    const [planning, retrieval] = got.map((event) => event.traceEvent?.attributes);
    expect(planning).toMatchObject({ step: 'Planning', status: 'SUCCEEDED', actions: [{ retrieve: { inputQuery: { text: QUESTION }, sourceRetrievers: [{ identifier: KB_ID }] } }] });
    expect(retrieval).toMatchObject({ step: 'Retrieval', status: 'SUCCEEDED', retrievalMetadata: [{ identifier: KB_ID, retrievalType: 'BedrockKnowledgeBase' }] });
    expect(retrieval!.retrievalResponse).toHaveLength(2);

    const result = got.at(-1)!.result!;
    expect(result.results!.map((r) => r.metadata?.['x-amz-bedrock-kb-source-uri'])).toEqual(['s3://docs/tls.md', 's3://docs/keep-alive.md']);
    expect(result.results![0]).toMatchObject({ content: { text: KNOWLEDGE_BASES[0]!.documents[1]!.text, mimeType: 'text/plain' }, sourceRetriever: { identifier: KB_ID }, metadata: { topic: 'transport' } });
    const { answer, citations } = result.generatedResponse!;
    // The streamed chunks add up to the answer, and each citation's span quotes the result it references.
    expect(got.map((event) => event.responseEvent?.text ?? '').join('')).toBe(answer);
    expect(citations).toHaveLength(2);
    for (const citation of citations!) {
      const cited = result.results![citation.references![0]!.resultIndex!]!;
      expect(answer!.slice(citation.startIndex, citation.endIndex)).toBe(cited.content!.text);
    }
    expect(emu.stats().requests.byOperation['AgenticRetrieveStream']).toBe(before + 1);
    expect(emu.requests().at(-1)).toMatchObject({ operation: 'AgenticRetrieveStream', family: 'knowledge-base', modelId: '', lastUserText: QUESTION });
  });

  it('is deterministic, and generateResponse false sends no answer', async () => {
    const first = (await events(request())).at(-1)!.result;
    expect((await events(request())).at(-1)!.result).toEqual(first);
    const quiet = await events(request({ generateResponse: false }));
    expect(quiet.some((event) => event.responseEvent)).toBe(false);
    expect(quiet.at(-1)!.result!.generatedResponse).toBeUndefined();
    expect(quiet.at(-1)!.result!.results).toHaveLength(2);
  });

  it('two retrievers: one retrieval trace each, results merged best first with their source retriever; filters apply', async () => {
    const got = await events(
      request({
        retrievers: [
          { description: 'runbooks', configuration: { knowledgeBase: { knowledgeBaseId: KB_ID, retrievalOverrides: { maxNumberOfResults: 3, filter: { equals: { key: 'topic', value: 'transport' } } } } } },
          { configuration: { knowledgeBase: { knowledgeBaseId: OTHER_KB } } },
        ],
      }),
    );
    expect(got.filter((event) => event.traceEvent?.attributes?.step === 'Retrieval')).toHaveLength(2);
    const results = got.at(-1)!.result!.results!;
    expect(results.map((r) => r.sourceRetriever?.identifier).sort()).toEqual([KB_ID, KB_ID, OTHER_KB]);
    expect(results.every((r) => r.metadata?.['topic'] === 'transport')).toBe(true);
  });

  it.each<[string, Partial<AgenticRetrieveStreamCommandInput>, RegExp]>([
    ['no messages', { messages: [] }, /'messages' failed to satisfy constraint: Member must have length greater than or equal to 1/],
    ['a system role', { messages: [{ role: 'system' as never, content: { text: 'x' } }] }, /messages.1.member.role' failed to satisfy constraint: Member must satisfy enum value set: \[user, assistant\]/],
    ['no retrievers', { retrievers: [] }, /'retrievers' failed to satisfy constraint/],
    ['a bad knowledge base id', { retrievers: [{ configuration: { knowledgeBase: { knowledgeBaseId: 'not-an-id!' } } }] }, /knowledgeBaseId' failed to satisfy constraint/],
    ['maxNumberOfResults 0', { retrievers: [{ configuration: { knowledgeBase: { knowledgeBaseId: KB_ID, retrievalOverrides: { maxNumberOfResults: 0 } } } }] }, /maxNumberOfResults' failed to satisfy constraint: Member must have value greater than or equal to 1/],
    ['maxAgentIteration 1', { agenticRetrieveConfiguration: { foundationModelType: 'MANAGED', maxAgentIteration: 1 } }, /maxAgentIteration' failed to satisfy constraint: Member must have value greater than or equal to 2/],
    ['CUSTOM without a model', { agenticRetrieveConfiguration: { foundationModelType: 'CUSTOM' } }, /foundationModelConfiguration' failed to satisfy constraint: Member must not be null/],
    ['an unknown reranking type', { agenticRetrieveConfiguration: { rerankingModelType: 'BEST' as never } }, /rerankingModelType' failed to satisfy constraint: Member must satisfy enum value set: \[CUSTOM, MANAGED, NONE\]/],
    ['a nextToken never issued', { nextToken: 'abc' }, /nextToken provided is invalid/],
  ])('%s is a ValidationException naming the field, before any event', async (_name, overrides, message) => {
    const error = await events(request(overrides)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    expect((error as Error).message).toMatch(message);
  });

  it('an unknown knowledge base is a ResourceNotFoundException (404) before the stream starts', async () => {
    await expect(events(request({ retrievers: [{ configuration: { knowledgeBase: { knowledgeBaseId: 'NOSUCHKB01' } } }] }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('a CUSTOM model and reranking model are accepted as ARNs', async () => {
    const got = await events(
      request({
        agenticRetrieveConfiguration: {
          foundationModelType: 'CUSTOM',
          foundationModelConfiguration: { type: 'BEDROCK_FOUNDATION_MODEL', bedrockFoundationModelConfiguration: { modelConfiguration: { modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0' } } },
          rerankingModelType: 'CUSTOM',
          rerankingConfiguration: { type: 'BEDROCK_RERANKING_MODEL', bedrockRerankingConfiguration: { modelConfiguration: { modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.rerank-v1:0' } } },
          maxAgentIteration: 3,
        },
      }),
    );
    expect(got.at(-1)!.result!.results).toHaveLength(2);
  });

  it('faults apply: an in-stream exception event is thrown by the SDK with its message; a throttle answers 429 first', async () => {
    emu.setFaults({ streamException: { afterFrames: 1, exceptionType: 'dependencyFailedException', message: 'The knowledge base store did not answer.' }, operations: ['AgenticRetrieveStream'] });
    const error = await events(request()).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DependencyFailedException', message: 'The knowledge base store did not answer.' });
    emu.setFaults({ throttle: { count: 1 }, operations: ['AgenticRetrieveStream'] });
    await expect(events(request())).rejects.toMatchObject({ name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } });
    expect(emu.stats().faults).toMatchObject({ streamException: 1, throttle: 1 });
  });

  it('faults apply: a stream cut after two frames fails the iteration (no result event)', async () => {
    emu.setFaults({ cutStreamAfterFrames: 2, operations: ['AgenticRetrieveStream'] });
    const seen: string[] = [];
    const error = await (async () => {
      const out = await client.send(new AgenticRetrieveStreamCommand(request()));
      for await (const event of out.stream!) seen.push(Object.keys(event)[0]!);
    })().catch((e: unknown) => e);
    // A transport error (another realm's Error under jest): the SDK does not pretend the stream ended.
    expect(error).toMatchObject({ message: expect.stringMatching(/\S/) });
    expect(seen).toEqual(['traceEvent', 'traceEvent']);
    expect(emu.stats().faults).toMatchObject({ cutStream: 1 });
  });
});
