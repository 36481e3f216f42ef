/**
 * AmazonBedrockKnowledgeBaseRetriever with use_agentic_retrieval: validated inputs -> pooled bedrock-agent-runtime
 * client -> AgenticRetrieveStream (an event stream read to its end), against the emulator over HTTPS with the real
 * BedrockPool and the real SDK.
 */
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { ComponentValidationError, createComponent, type ComponentContext } from '@bedrock-flow/component';
import { startEmulator, TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { amazonBedrockKnowledgeBaseRetrieverDefinition, BedrockKnowledgeBaseRetriever, KnowledgeBaseRequestError } from '../src';
import { KB_ID, KNOWLEDGE_BASES } from './support/knowledge-bases';

let emu: RunningEmulator;
let pool: BedrockPool;

beforeAll(async () => {
  emu = await startEmulator({ tls: true, knowledgeBases: KNOWLEDGE_BASES });
  pool = new BedrockPool({ endpointPolicy: { allowedHosts: [new URL(emu.url).host] }, defaults: { tls: { ca: emu.ca } } });
});
afterEach(() => emu.setFaults({}));
afterAll(async () => {
  await pool.close();
  await emu.close();
});

function context(extra: Partial<ComponentContext> = {}): ComponentContext {
  return { graphId: 'flow-kb-agentic', nodeId: 'AmazonBedrockKnowledgeBaseRetriever-Ag1', pool, env: false, ...extra };
}

const QUESTION = 'What does a TLS handshake cost a new connection?';

const component = (extra: Record<string, unknown> = {}, ctx: ComponentContext = context()) =>
  createComponent(amazonBedrockKnowledgeBaseRetrieverDefinition, ctx, {
    knowledge_base_id: KB_ID,
    search_query: QUESTION,
    use_agentic_retrieval: true,
    aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
    aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
    region_name: 'us-east-1',
    endpoint_url: emu.url,
    ...extra,
  });

const lastBody = (): any => emu.requests().at(-1)!.body;
const agenticCalls = (): number => emu.stats().requests.byOperation['AgenticRetrieveStream'] ?? 0;

describe('AmazonBedrockKnowledgeBaseRetriever, agentic retrieval (AgenticRetrieveStream)', () => {
  test('search_results: the ranked results with source, metadata and source retriever, from one AgenticRetrieveStream', async () => {
    const before = { agentic: agenticCalls(), retrieve: emu.stats().requests.byOperation['Retrieve'] ?? 0 };
    const results = await component({ number_of_results: 2 }).search_documents();
    expect(results).toEqual([
      { text: KNOWLEDGE_BASES[0]!.documents[1]!.text, source: 's3://handbook/tls.md', score: undefined, metadata: expect.objectContaining({ topic: 'transport', year: 2024 }), sourceRetriever: KB_ID },
      { text: KNOWLEDGE_BASES[0]!.documents[3]!.text, source: 's3://handbook/keep-alive.md', score: undefined, metadata: expect.objectContaining({ topic: 'transport' }), sourceRetriever: KB_ID },
    ]);
    expect(agenticCalls()).toBe(before.agentic + 1);
    expect(emu.stats().requests.byOperation['Retrieve'] ?? 0).toBe(before.retrieve);
    expect(lastBody()).toEqual({
      messages: [{ role: 'user', content: { text: QUESTION } }],
      retrievers: [{ configuration: { knowledgeBase: { knowledgeBaseId: KB_ID, retrievalOverrides: { maxNumberOfResults: 2 } } } }],
      agenticRetrieveConfiguration: { foundationModelType: 'MANAGED' },
      generateResponse: false,
    });
  });

  test('answer: the generated response, each citation mapped from resultIndex to the document it cites', async () => {
    const answer = await component({ number_of_results: 3 }).retrieve_and_generate();
    expect(answer.sessionId).toBeUndefined();
    expect(answer.citations).toHaveLength(2);
    for (const citation of answer.citations) {
      expect(citation.references).toHaveLength(1);
      // The cited span of the answer is the text of the document its resultIndex names.
      expect(citation.text).toBe(citation.references[0]!.text);
      expect(answer.text.slice(citation.span!.start, citation.span!.end)).toBe(citation.text);
    }
    expect(answer.citations.map((c) => c.references[0]!.source)).toEqual(['s3://handbook/tls.md', 's3://handbook/keep-alive.md']);
    expect(answer.citations[0]!.references[0]).toMatchObject({ sourceRetriever: KB_ID, metadata: expect.objectContaining({ topic: 'transport' }) });
    expect(lastBody().generateResponse).toBe(true);
  });

  test('agentic_model, max_agent_iterations, metadata_filter and reranking_model reach the request as Bedrock fields', async () => {
    await component({
      agentic_model: 'anthropic.claude-3-haiku-20240307-v1:0',
      max_agent_iterations: '4',
      metadata_filter: { equals: { key: 'topic', value: 'transport' } },
      reranking_model: 'amazon.rerank-v1:0',
    }).search_documents();
    expect(lastBody().agenticRetrieveConfiguration).toEqual({
      foundationModelType: 'CUSTOM',
      foundationModelConfiguration: { type: 'BEDROCK_FOUNDATION_MODEL', bedrockFoundationModelConfiguration: { modelConfiguration: { modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0' } } },
      rerankingModelType: 'CUSTOM',
      rerankingConfiguration: { type: 'BEDROCK_RERANKING_MODEL', bedrockRerankingConfiguration: { modelConfiguration: { modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.rerank-v1:0' } } },
      maxAgentIteration: 4,
    });
    expect(lastBody().retrievers[0].configuration.knowledgeBase.retrievalOverrides.filter).toEqual({ equals: { key: 'topic', value: 'transport' } });
  });

  test('retriever: a LangChain retriever on AgenticRetrieveStream; documents carry source and source retriever', async () => {
    const retriever = component().build_retriever();
    expect(retriever).toBeInstanceOf(BedrockKnowledgeBaseRetriever);
    const before = agenticCalls();
    const docs = await retriever.invoke('keep-alive connections');
    expect(docs[0]!.pageContent).toBe(KNOWLEDGE_BASES[0]!.documents[3]!.text);
    expect(docs[0]!.metadata).toMatchObject({ source: 's3://handbook/keep-alive.md', sourceRetriever: KB_ID, topic: 'transport' });
    expect(agenticCalls()).toBe(before + 1);
    // The retriever returns documents only: Bedrock is not asked for an answer nobody reads (it would be billed).
    expect(lastBody().generateResponse).toBe(false);
  });

  test('saved flows are unchanged: without use_agentic_retrieval the component calls Retrieve', async () => {
    const before = agenticCalls();
    await component({ use_agentic_retrieval: undefined }).search_documents();
    expect(emu.requests().at(-1)).toMatchObject({ operation: 'Retrieve' });
    expect(agenticCalls()).toBe(before);
  });

  test.each<[string, Record<string, unknown>, () => Promise<unknown>, string, RegExp]>([
    ['max_agent_iterations 1', { max_agent_iterations: 1 }, () => component({ max_agent_iterations: 1 }).search_documents(), 'max_agent_iterations', />= 2/],
    ['max_agent_iterations 2.5', { max_agent_iterations: 2.5 }, () => component({ max_agent_iterations: 2.5 }).search_documents(), 'max_agent_iterations', /integer/],
    ['an agentic model that is no model id', {}, () => component({ agentic_model: 'claude please' }).search_documents(), 'agentic_model', /MANAGED, or a model id/],
    ['a search type (the agent plans its own searches)', {}, () => component({ search_type: 'HYBRID' }).search_documents(), 'search_type', /agentic retrieval takes no search type/],
    ['a session id (agentic retrieval keeps none)', {}, () => component().retrieve_and_generate({ sessionId: 'abc-123' }), 'sessionId', /keeps no RetrieveAndGenerate session/],
    ['use_agentic_retrieval as a word', {}, () => component({ use_agentic_retrieval: 'yes' }).search_documents(), 'use_agentic_retrieval', /true or false/],
  ])('%s is a ComponentValidationError naming the field, with 0 requests', async (_name, _extra, run, field, problem) => {
    const before = emu.stats().requests.total;
    const error = await Promise.resolve().then(run).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComponentValidationError);
    const issue = (error as ComponentValidationError).issues.find((i) => i.field === field);
    expect(issue).toBeDefined();
    expect(`${issue!.problem} ${issue!.allowed}`).toMatch(problem);
    expect(emu.stats().requests.total).toBe(before);
  });

  test('an in-stream exception event fails the call with its name and message (KnowledgeBaseRequestError)', async () => {
    emu.setFaults({ streamException: { afterFrames: 2, exceptionType: 'dependencyFailedException', message: 'The vector store did not answer in time.' }, operations: ['AgenticRetrieveStream'] });
    const before = agenticCalls();
    const error = await component().retrieve_and_generate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeBaseRequestError);
    expect(error).toMatchObject({ code: 'ERR_KNOWLEDGE_BASE_REQUEST_FAILED', operation: 'AgenticRetrieveStream', knowledgeBaseId: KB_ID, aws: { name: 'DependencyFailedException' } });
    expect((error as Error).message).toContain('The vector store did not answer in time.');
    // Sent once: an answer that failed mid-stream is not asked again.
    expect(agenticCalls()).toBe(before + 1);
  });

  test('a stream cut mid-way fails clearly, once, and is not retried (a billed stream)', async () => {
    emu.setFaults({ cutStreamAfterFrames: 2, operations: ['AgenticRetrieveStream'] });
    const before = agenticCalls();
    const error = await component().search_documents().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeBaseRequestError);
    expect(error).toMatchObject({ operation: 'AgenticRetrieveStream' });
    expect((error as Error).message).toMatch(/^Bedrock Knowledge Base AgenticRetrieveStream on KBDOCS0001 failed: /);
    expect(agenticCalls()).toBe(before + 1);
    expect(emu.stats().faults).toMatchObject({ cutStream: 1 });
  });

  test('billed: a connection lost after the request was written is not sent again (Retrieve, not billed, is retried)', async () => {
    emu.setFaults({ resetConnection: { count: 1 }, operations: ['AgenticRetrieveStream'] });
    const before = agenticCalls();
    const error = await component().retrieve_and_generate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeBaseRequestError);
    expect(error).toMatchObject({ operation: 'AgenticRetrieveStream', aws: { name: 'RequestMayHaveBeenBilledError' } });
    expect((error as Error).message).toMatch(/AgenticRetrieveStream lost its connection after the request was sent/);
    expect((error as Error).message).toContain('http.streamSilenceTimeoutMs');
    expect(agenticCalls()).toBe(before + 1);

    emu.setFaults({ resetConnection: { count: 1 }, operations: ['Retrieve'] });
    const retrieves = emu.stats().requests.byOperation['Retrieve'] ?? 0;
    await expect(component({ use_agentic_retrieval: false }).search_documents()).resolves.toHaveLength(4);
    expect(emu.stats().requests.byOperation['Retrieve']).toBe(retrieves + 2);
  });

  test('a stream that goes silent longer than the node timeout fails with the silence bound named, after 1 request', async () => {
    // An emulator whose frames leave 1.5 s apart; the node waits at most 0.3 s between events.
    const slow = await startEmulator({ tls: true, knowledgeBases: KNOWLEDGE_BASES, streamChunkDelayMs: 1_500 });
    const slowPool = new BedrockPool({ endpointPolicy: { allowedHosts: [new URL(slow.url).host] }, defaults: { tls: { ca: slow.ca } } });
    try {
      const node = createComponent(amazonBedrockKnowledgeBaseRetrieverDefinition, context({ pool: slowPool }), {
        knowledge_base_id: KB_ID,
        search_query: QUESTION,
        use_agentic_retrieval: true,
        timeout: 0.3,
        aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
        aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
        region_name: 'us-east-1',
        endpoint_url: slow.url,
      });
      const error = await node.search_documents().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KnowledgeBaseRequestError);
      // The first frame leaves at once (the gap is between frames): the bound fires mid-stream, not before the answer.
      expect((error as Error).message).toBe(
        'Bedrock Knowledge Base AgenticRetrieveStream on KBDOCS0001 failed: TimeoutError: no byte received or sent for 300 ms (AgenticRetrieveStream, bounded by http.requestTimeoutMs)',
      );
      expect(slow.stats().requests.byOperation['AgenticRetrieveStream']).toBe(1);
    } finally {
      await slowPool.close();
      await slow.close();
    }
  });

  test('an unknown knowledge base: ResourceNotFoundException on knowledge_base_id, before the stream', async () => {
    const error = await component({ knowledge_base_id: 'NOSUCHKB01' }).search_documents().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_KNOWLEDGE_BASE_REQUEST_FAILED', field: 'knowledge_base_id', operation: 'AgenticRetrieveStream', aws: { name: 'ResourceNotFoundException', httpStatusCode: 404 } });
  });

  test('100 rebuild + agentic retrieve cycles cost 1 TLS handshake on one pooled agent-runtime connection', async () => {
    // A pool of its own, so the first cycle pays the one handshake (the suite's pool is already warm).
    const ownPool = new BedrockPool({ endpointPolicy: { allowedHosts: [new URL(emu.url).host] }, defaults: { tls: { ca: emu.ca } } });
    const ctx = context({ nodeId: 'AmazonBedrockKnowledgeBaseRetriever-AgRebuilt', pool: ownPool });
    emu.resetStats();
    try {
      for (let run = 0; run < 100; run += 1) {
        const results = await component({ search_query: `TLS run ${run}`, number_of_results: 2 }, ctx).search_documents();
        expect(results).toHaveLength(2);
      }
    } finally {
      await ownPool.close();
    }
    expect(emu.stats().tls.handshakes).toBe(1);
    expect(emu.stats().requests.byOperation['AgenticRetrieveStream']).toBe(100);
  });
});
