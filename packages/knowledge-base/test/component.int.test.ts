/**
 * AmazonBedrockKnowledgeBaseRetriever through the component contract: validated inputs -> pooled bedrock-agent-runtime
 * client -> Retrieve / RetrieveAndGenerate, against the emulator over HTTPS with the real BedrockPool.
 */
import { inspect } from 'node:util';
import { BaseRetriever } from '@langchain/core/retrievers';
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
afterAll(async () => {
  await pool.close();
  await emu.close();
});

function context(extra: Partial<ComponentContext> = {}): ComponentContext {
  return { graphId: 'flow-kb', nodeId: 'AmazonBedrockKnowledgeBaseRetriever-Kb1', pool, env: false, ...extra };
}

function inputs(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    knowledge_base_id: KB_ID,
    aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
    aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
    region_name: 'us-east-1',
    endpoint_url: emu.url,
    ...extra,
  };
}

const component = (extra: Record<string, unknown> = {}, ctx: ComponentContext = context()) =>
  createComponent(amazonBedrockKnowledgeBaseRetrieverDefinition, ctx, inputs(extra));

const lastBody = (): any => emu.requests().at(-1)!.body;

describe('AmazonBedrockKnowledgeBaseRetriever', () => {
  test('search_results: scored documents { text, source, score, metadata }, best first, from one Retrieve', async () => {
    const before = emu.stats().requests.byOperation['Retrieve'] ?? 0;
    const results = await component({ search_query: 'What does a TLS handshake cost a new connection?' }).search_documents();
    expect(results).toHaveLength(4);
    expect(results[0]).toEqual({
      text: KNOWLEDGE_BASES[0]!.documents[1]!.text,
      source: 's3://handbook/tls.md',
      score: expect.any(Number),
      metadata: expect.objectContaining({ topic: 'transport', year: 2024 }),
    });
    const scores = results.map((r) => r.score!);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(results.find((r) => r.source === 'https://handbook.example/guardrails')).toBeDefined();
    expect(emu.stats().requests.byOperation['Retrieve']).toBe(before + 1);
    expect(lastBody()).toEqual({ retrievalQuery: { text: 'What does a TLS handshake cost a new connection?' }, retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: 5 } } });
  });

  test('number_of_results, search_type, metadata_filter and reranking_model reach Retrieve as Bedrock fields', async () => {
    const results = await component({
      search_query: 'TLS handshake',
      number_of_results: '3',
      search_type: 'HYBRID',
      metadata_filter: { equals: { key: 'topic', value: 'transport' } },
      reranking_model: 'amazon.rerank-v1:0',
    }).search_documents();
    expect(results.map((r) => r.source)).toEqual(expect.arrayContaining(['s3://handbook/tls.md', 's3://handbook/keep-alive.md']));
    expect(results).toHaveLength(2);
    expect(lastBody().retrievalConfiguration.vectorSearchConfiguration).toEqual({
      numberOfResults: 3,
      overrideSearchType: 'HYBRID',
      filter: { equals: { key: 'topic', value: 'transport' } },
      rerankingConfiguration: { type: 'BEDROCK_RERANKING_MODEL', bedrockRerankingConfiguration: { modelConfiguration: { modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.rerank-v1:0' } } },
    });
  });

  test('retriever: a LangChain BaseRetriever whose documents carry source and score; no client or secret in inspect or JSON', async () => {
    const retriever = component().build_retriever();
    expect(retriever).toBeInstanceOf(BaseRetriever);
    expect(retriever).toBeInstanceOf(BedrockKnowledgeBaseRetriever);
    const docs = await retriever.invoke('keep-alive connections');
    expect(docs[0]!.pageContent).toBe(KNOWLEDGE_BASES[0]!.documents[3]!.text);
    expect(docs[0]!.metadata).toMatchObject({ source: 's3://handbook/keep-alive.md', score: expect.any(Number), topic: 'transport' });
    expect(inspect(retriever, { depth: 5 })).not.toContain(TEST_CREDENTIALS.secretAccessKey);
    expect(JSON.stringify(retriever)).not.toContain(TEST_CREDENTIALS.secretAccessKey);
  });

  test('answer: RetrieveAndGenerate with the generation model as a foundation-model ARN; answer, citations and session id', async () => {
    const answer = await component({ search_query: 'What does a TLS handshake cost a new connection?', model_id: 'anthropic.claude-3-haiku-20240307-v1:0' }).retrieve_and_generate();
    expect(answer.text).toBe(KNOWLEDGE_BASES[0]!.documents[1]!.text);
    expect(answer.citations[0]!.references[0]).toMatchObject({ source: 's3://handbook/tls.md', metadata: expect.objectContaining({ topic: 'transport' }) });
    expect(answer.sessionId).toEqual(expect.any(String));
    expect(lastBody().retrieveAndGenerateConfiguration.knowledgeBaseConfiguration).toMatchObject({
      knowledgeBaseId: KB_ID,
      modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
    });
    // An inference profile id is sent as it is; the session continues.
    const next = await component({ search_query: 'And keep-alive?', model_id: 'us.anthropic.claude-3-haiku-20240307-v1:0' }).retrieve_and_generate({ sessionId: answer.sessionId });
    expect(next.sessionId).toBe(answer.sessionId);
    expect(lastBody().retrieveAndGenerateConfiguration.knowledgeBaseConfiguration.modelArn).toBe('us.anthropic.claude-3-haiku-20240307-v1:0');
  });

  test.each<[string, Record<string, unknown>, string, RegExp]>([
    ['no knowledge base id', { knowledge_base_id: null }, 'knowledge_base_id', /is required/],
    ['a knowledge base id with a slash', { knowledge_base_id: 'KB/../x' }, 'knowledge_base_id', /knowledge base id/],
    ['0 results', { number_of_results: 0 }, 'number_of_results', /from 1 to 100/],
    ['101 results', { number_of_results: 101 }, 'number_of_results', /from 1 to 100/],
    ['an unknown search type', { search_type: 'FUZZY' }, 'search_type', /DEFAULT, HYBRID, SEMANTIC/],
    ['a filter with two operators', { metadata_filter: { equals: { key: 'a', value: 1 }, notEquals: { key: 'a', value: 2 } } }, 'metadata_filter', /2 operator keys/],
    ['a filter with an unknown operator', { metadata_filter: { like: { key: 'a', value: 'x' } } }, 'metadata_filter', /unknown operator "like"/],
    ['andAll with one filter', { metadata_filter: { andAll: [{ equals: { key: 'a', value: 1 } }] } }, 'metadata_filter', /list of 2 to 5 filters/],
    ['greaterThan a string', { metadata_filter: { greaterThan: { key: 'year', value: '2024' } } }, 'metadata_filter', /value is not a number/],
    ['a filter as bad JSON text', { metadata_filter: '{equals' }, 'metadata_filter', /is not JSON/],
    ['an empty search query', { search_query: '' }, 'search_query', /needs it/],
    ['a Bedrock API key (agent runtime takes none)', { api_key: 'ABSKQmVkcm9ja0FQSUtleS10ZXN0', aws_access_key_id: null, aws_secret_access_key: null }, 'api_key', /do not cover Knowledge Bases/],
    ['half a key pair', { aws_secret_access_key: null }, 'aws_access_key_id', /is unset while/],
  ])('%s is a ComponentValidationError naming the field, before any request', async (_name, extra, field, problem) => {
    const before = emu.stats().requests.total;
    const error = await Promise.resolve()
      .then(() => component({ search_query: 'q', ...extra }).search_documents())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComponentValidationError);
    const issue = (error as ComponentValidationError).issues.find((i) => i.field === field || (field === 'aws_access_key_id' && i.field.startsWith('aws_')));
    expect(issue).toBeDefined();
    expect(`${issue!.problem} ${issue!.allowed}`).toMatch(problem);
    expect(emu.stats().requests.total).toBe(before);
  });

  test('an unknown knowledge base: KnowledgeBaseRequestError ERR_KNOWLEDGE_BASE_REQUEST_FAILED on knowledge_base_id, with the AWS facts', async () => {
    const error = await component({ knowledge_base_id: 'NOSUCHKB01', search_query: 'q' }).search_documents().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeBaseRequestError);
    expect(error).toMatchObject({ code: 'ERR_KNOWLEDGE_BASE_REQUEST_FAILED', field: 'knowledge_base_id', operation: 'Retrieve', aws: { name: 'ResourceNotFoundException', httpStatusCode: 404 } });
    expect((error as Error).message).not.toContain(TEST_CREDENTIALS.secretAccessKey);
  });

  test('rebuilt on every run, the node keeps one agent-runtime slot and one connection', async () => {
    const ctx = context({ nodeId: 'AmazonBedrockKnowledgeBaseRetriever-Rebuilt' });
    emu.resetStats();
    const first = component({ search_query: 'TLS' }, ctx);
    await first.search_documents();
    const handshakes = emu.stats().tls.handshakes;
    for (let run = 0; run < 20; run += 1) await component({ search_query: `TLS run ${run}` }, ctx).search_documents();
    expect(handshakes).toBeLessThanOrEqual(1);
    expect(emu.stats().tls.handshakes).toBe(handshakes);
    expect(emu.stats().requests.byOperation['Retrieve']).toBe(21);
  });
});
