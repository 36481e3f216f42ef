import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { BedrockPool, EndpointNotAllowedError, type BedrockPoolOptions } from '@bedrock-flow/bedrock-pool';
import { createComponent, type ComponentContext } from '@bedrock-flow/component';
import { amazonBedrockKnowledgeBaseRetrieverDefinition, BedrockKnowledgeBaseRetriever } from '@bedrock-flow/knowledge-base';
import { startAttacker, type AttackerListener } from './support/attacker-listener';
import { withHostEnvironment } from './support/host-environment';
import { installLoopbackGuard, type LoopbackGuard } from './support/loopback-guard';
import { generateTestCertificate, type TestCertificate } from './support/test-certificate';

/**
 * Issue 25, `AmazonBedrockKnowledgeBaseRetriever` (and the `BedrockKnowledgeBaseRetriever` class hosts may build
 * themselves) attacked by a flow author and by a careless user: knowledge base ids that would leave their URL path
 * segment, metadata filters that are not what Bedrock takes, numbers out of range, Bedrock API keys (agent runtime
 * has none), host credentials to an endpoint the operator did not allow, and host variables read back through inputs.
 * A recording server on loopback plays Bedrock where a request is allowed, so the test sees the exact path and body
 * that would go out; every connect is held on loopback by the guard.
 */

const TYPED = { aws_access_key_id: 'AKIATYPEDKBATTACK001', aws_secret_access_key: 'typedKnowledgeBaseAttackSecret/000000001' };
const HOST_KEYS = { AWS_ACCESS_KEY_ID: 'AKIAKBHOSTENVIRONMENT1', AWS_SECRET_ACCESS_KEY: 'knowledgeBaseHostEnvironmentSecret/00001' };
const HOST_API_KEY = 'ABSKa25vd2xlZGdlLWJhc2UtaG9zdC1hcGkta2V5LTAx';
const HOST_VALUE = 'hostVariableValueKb0077';

interface Recorded {
  method: string;
  /** The raw request target, as it came over the socket. */
  url: string;
  body: string;
  authorization: string;
}

let guard: LoopbackGuard;
let certificate: TestCertificate;
let attacker: AttackerListener;
let recorder: Server;
let recorderUrl: string;
const recorded: Recorded[] = [];

beforeAll(async () => {
  guard = installLoopbackGuard([]);
  certificate = await generateTestCertificate(['localhost']);
  attacker = await startAttacker(certificate);
  recorder = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      recorded.push({ method: req.method ?? '', url: req.url ?? '', body: Buffer.concat(chunks).toString('utf8'), authorization: String(req.headers.authorization ?? '') });
      res.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': 'recorded' });
      res.end(req.url?.endsWith('/retrieveAndGenerate') ? JSON.stringify({ output: { text: 'ok' }, sessionId: 's1', citations: [] }) : JSON.stringify({ retrievalResults: [] }));
    });
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => recorder?.close(() => resolve()));
  await attacker?.close();
  guard?.uninstall();
});

function pool(extra: Partial<BedrockPoolOptions> = {}): BedrockPool {
  return new BedrockPool({ openTelemetry: false, idleTtlMs: 0, releaseGraceMs: 0, defaults: { tls: { ca: certificate.cert }, proxy: false, retry: { maxAttempts: 1 } }, ...extra });
}

interface Run {
  error: Error | undefined;
  /** Requests at the recording server, and at the attacker; connects the guard saw. */
  sent: Recorded[];
  attackerRequests: number;
  connects: number;
  /** The error as `util.inspect` and JSON show it. */
  reports: string;
}

type Output = 'search_documents' | 'retrieve_and_generate' | 'build_retriever';

/** Runs one output of the component with typed keys on the recording server (unless `values` says otherwise). */
async function runKb(values: Record<string, unknown>, options: { output?: Output; ctx?: Partial<ComponentContext>; pool?: Partial<BedrockPoolOptions>; env?: Record<string, string> } = {}): Promise<Run> {
  const p = pool(options.pool);
  const before = { sent: recorded.length, attacker: attacker.requests.length, connects: guard.attempts.length };
  let error: Error | undefined;
  try {
    await withHostEnvironment({ ...HOST_KEYS, ...options.env }, async () => {
      const node = createComponent(amazonBedrockKnowledgeBaseRetrieverDefinition, { graphId: 'kb-attack', nodeId: 'kb', pool: p, env: false, ...options.ctx } as ComponentContext, {
        knowledge_base_id: 'KBATTACK01',
        search_query: 'what is a handshake',
        region_name: 'us-east-1',
        endpoint_url: recorderUrl,
        ...TYPED,
        ...values,
      });
      const output = options.output ?? 'search_documents';
      const result = await (node as unknown as Record<Output, () => Promise<unknown>>)[output]();
      if (output === 'build_retriever') await (result as BedrockKnowledgeBaseRetriever).invoke('what is a handshake');
    });
  } catch (caught) {
    error = caught as Error;
  } finally {
    await p.destroy();
  }
  return {
    error,
    sent: recorded.slice(before.sent),
    attackerRequests: attacker.requests.length - before.attacker,
    connects: guard.attempts.length - before.connects,
    reports: `${inspect(error, { depth: 8, showHidden: true })}\n${JSON.stringify(error ?? null)}`,
  };
}

describe('knowledge_base_id never leaves its path segment: refused before any connect', () => {
  it.each([
    ['..', '..'],
    ['a ../ climb', '../../agents/x'],
    ['a slash', 'KB/retrieve'],
    ['an encoded slash', 'KB%2F..%2Fx'],
    ['a backslash', 'KB\\..'],
    ['a query', 'KB?x=1'],
    ['a fragment', 'KB#x'],
    ['a full-width letter', 'ＫＢ00000001'],
    ['a letter with a combining mark', 'KBE\u0301'],
    ['a zero-width space', 'KB\u200B0001'],
    ['a NUL', 'KB\u00000001'],
    ['a newline', 'KB0001\nHost: evil'],
    ['surrounding spaces', ' KB0001 '],
    ['11 characters', 'KB000000001'],
    ['100,000 characters', 'K'.repeat(100_000)],
  ])('%s: one error naming knowledge_base_id, no echo of a long value, 0 connects', async (_label, id) => {
    const run = await runKb({ knowledge_base_id: id });
    expect(run.error?.message).toMatch(/knowledge_base_id/);
    expect(run.error!.message.length).toBeLessThan(2_000);
    expect([run.sent.length, run.connects]).toEqual([0, 0]);
  });

  it('a valid id is one segment of /knowledgebases/{id}/retrieve', async () => {
    const run = await runKb({});
    expect(run.error).toBeUndefined();
    expect(run.sent.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /knowledgebases/KBATTACK01/retrieve']);
  });
});

describe('BedrockKnowledgeBaseRetriever, built by a host directly, checks its own fields before any request', () => {
  async function retrieverRun(fields: Record<string, unknown>): Promise<{ error: unknown; sent: Recorded[] }> {
    const p = pool();
    const before = recorded.length;
    let error: unknown;
    try {
      const lease = p.acquire({ graphId: 'kb-attack', nodeId: 'direct' }, { region: 'us-east-1', endpoint: recorderUrl, credentials: { kind: 'static', accessKeyId: TYPED.aws_access_key_id, secretAccessKey: TYPED.aws_secret_access_key, origin: 'node' } }, { service: 'bedrock-agent-runtime' });
      const retriever = new BedrockKnowledgeBaseRetriever({ client: lease.client, knowledgeBaseId: 'KBATTACK01', ...fields } as ConstructorParameters<typeof BedrockKnowledgeBaseRetriever>[0]);
      await retriever.search('q');
    } catch (caught) {
      error = caught;
    } finally {
      await p.destroy();
    }
    return { error, sent: recorded.slice(before) };
  }

  it.each([
    ['knowledgeBaseId ".."', { knowledgeBaseId: '..' }, /knowledgeBaseId/],
    ['knowledgeBaseId "../../agents/x"', { knowledgeBaseId: '../../agents/x' }, /knowledgeBaseId/],
    ['knowledgeBaseId empty', { knowledgeBaseId: '' }, /knowledgeBaseId/],
    ['numberOfResults 0', { numberOfResults: 0 }, /numberOfResults/],
    ['numberOfResults 101', { numberOfResults: 101 }, /numberOfResults/],
    ['numberOfResults 2.5', { numberOfResults: 2.5 }, /numberOfResults/],
    ['numberOfResults NaN', { numberOfResults: Number.NaN }, /numberOfResults/],
    ['searchType not a search type', { searchType: 'EVERYTHING' }, /searchType/],
    ['filter with Infinity', { filter: { greaterThan: { key: 'n', value: Number.POSITIVE_INFINITY } } }, /filter/],
  ])('%s: a clear error naming the field, 0 requests', async (_label, fields, field) => {
    const run = await retrieverRun(fields);
    expect(run.error).toBeInstanceOf(Error);
    expect((run.error as Error).message).toMatch(field);
    expect(run.sent).toHaveLength(0);
  });
});

describe('metadata_filter: only what Bedrock takes, checked before any connect', () => {
  const deep = (depth: number): unknown => (depth === 0 ? { equals: { key: 'k', value: 'v' } } : { andAll: [deep(depth - 1), { equals: { key: 'k', value: 'v' } }] });
  it.each([
    ['nested 40 levels deep', deep(40)],
    ['nested 10,000 levels deep (as JSON text)', `${'{"andAll":['.repeat(10_000)}{}${']}'.repeat(10_000)}`],
    ['10,000 operator keys', Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`op${i}`, { key: 'k', value: i }]))],
    ['an andAll of 10,000 filters', { andAll: Array.from({ length: 10_000 }, () => ({ equals: { key: 'k', value: 'v' } })) }],
    ['a __proto__ key (JSON text)', '{"__proto__": {"polluted": true}, "equals": {"key": "k", "value": "v"}}'],
    ['a constructor key', { equals: { key: 'k', value: 'v', constructor: { prototype: { polluted: true } } } }],
    ['a number too big for JSON (1e999 as JSON text)', '{"greaterThan": {"key": "n", "value": 1e999}}'],
    ['Infinity', { greaterThan: { key: 'n', value: Number.POSITIVE_INFINITY } }],
    ['NaN', { lessThan: { key: 'n', value: Number.NaN } }],
    ['a NaN inside an in list', { in: { key: 'n', value: [1, Number.NaN] } }],
    ['a BigInt', { equals: { key: 'n', value: BigInt(1) } }],
    ['a function', { equals: { key: 'n', value: () => 1 } }],
    ['a Date', { equals: { key: 'n', value: new Date(0) } }],
    ['a key of 101 characters', { equals: { key: 'k'.repeat(101), value: 'v' } }],
  ])('%s: one error naming metadata_filter, 0 connects, prototype clean', async (_label, filter) => {
    const run = await runKb({ metadata_filter: filter });
    expect(run.error?.message).toMatch(/metadata_filter/);
    expect(run.error!.message.length).toBeLessThan(2_000);
    expect([run.sent.length, run.connects]).toEqual([0, 0]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a filter at the largest number JSON holds is sent as that number', async () => {
    const run = await runKb({ metadata_filter: { lessThan: { key: 'n', value: Number.MAX_VALUE } } });
    expect(run.error).toBeUndefined();
    expect(JSON.parse(run.sent[0]!.body).retrievalConfiguration.vectorSearchConfiguration.filter).toEqual({ lessThan: { key: 'n', value: Number.MAX_VALUE } });
  });
});

describe('number_of_results and the model inputs', () => {
  it.each([0, 101, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, 1e12, '5; DROP', { valueOf: () => 5 }])('number_of_results %p: one error naming it, 0 connects', async (value) => {
    const run = await runKb({ number_of_results: value });
    expect(run.error?.message).toMatch(/number_of_results/);
    expect([run.sent.length, run.connects]).toEqual([0, 0]);
  });

  it.each([
    ['a URL', 'https://127.0.0.1:9/rerank'],
    ['a path climb', '../../rerank'],
    ['an ARN of another service', 'arn:aws:iam::123456789012:role/admin'],
    ['a newline', 'amazon.rerank-v1:0\nx'],
  ])('reranking_model %s: one error naming it, 0 connects', async (_label, model) => {
    const run = await runKb({ reranking_model: model });
    expect(run.error?.message).toMatch(/reranking_model/);
    expect([run.sent.length, run.connects]).toEqual([0, 0]);
  });

  it('a reranking model or answer model ARN of another region or account is the author\'s explicit choice, sent exactly as written', async () => {
    const rerank = 'arn:aws:bedrock:eu-west-1::foundation-model/amazon.rerank-v1:0';
    const answerModel = 'arn:aws:bedrock:eu-west-1:999999999999:application-inference-profile/abc123';
    const run = await runKb({ reranking_model: rerank, model_id: answerModel }, { output: 'retrieve_and_generate' });
    expect(run.error).toBeUndefined();
    const body = JSON.parse(run.sent[0]!.body);
    expect(body.retrieveAndGenerateConfiguration.knowledgeBaseConfiguration.modelArn).toBe(answerModel);
    expect(body.retrieveAndGenerateConfiguration.knowledgeBaseConfiguration.retrievalConfiguration.vectorSearchConfiguration.rerankingConfiguration.bedrockRerankingConfiguration.modelConfiguration.modelArn).toBe(rerank);
  });

  it('a reranking model id becomes the ARN of the node\'s own region', async () => {
    const run = await runKb({ reranking_model: 'amazon.rerank-v1:0', region_name: 'eu-central-1' });
    expect(run.error).toBeUndefined();
    expect(run.sent[0]!.body).toContain('arn:aws:bedrock:eu-central-1::foundation-model/amazon.rerank-v1:0');
  });
});

describe('credentials: no API key on agent runtime, host credentials only where the operator allows', () => {
  it.each([
    ['typed', HOST_API_KEY],
    ['from a variable', { variable: 'TEAM_API_KEY' }],
  ])('api_key %s is refused by name, before any connect, and never sent', async (_label, apiKey) => {
    const run = await runKb({ api_key: apiKey }, { ctx: { variables: { TEAM_API_KEY: HOST_API_KEY } } });
    expect(run.error?.message).toMatch(/api_key/);
    expect([run.sent.length, run.connects]).toEqual([0, 0]);
    expect(run.reports).not.toContain(HOST_API_KEY);
  });

  it('AWS_BEARER_TOKEN_BEDROCK in the host: the default-chain node signs with SigV4 and the API key goes nowhere', async () => {
    const run = await runKb({ aws_access_key_id: null, aws_secret_access_key: null }, { env: { AWS_BEARER_TOKEN_BEDROCK: HOST_API_KEY }, ctx: { env: process.env }, pool: { endpointPolicy: { allowedHosts: [new URL(recorderUrl).host] } } });
    expect(run.error).toBeUndefined();
    expect(run.sent).toHaveLength(1);
    expect(run.sent[0]!.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAKBHOSTENVIRONMENT1\//);
    expect(recorded.some((r) => r.authorization.includes(HOST_API_KEY))).toBe(false);
  });

  it.each([
    ['loopback', (port: number) => `https://127.0.0.1:${port}`],
    ['localhost with a trailing dot', (port: number) => `https://localhost.:${port}`],
    ['an AWS name in the userinfo', (port: number) => `https://bedrock-agent-runtime.us-east-1.amazonaws.com@127.0.0.1:${port}`],
    ['an AWS name as a look-alike prefix', (port: number) => `https://bedrock-agent-runtime.us-east-1.amazonaws.com.127.0.0.1.nip.io:${port}`],
  ])('host credentials (default chain) to %s: refused naming endpoint_url, 0 requests', async (_label, url) => {
    const run = await runKb({ aws_access_key_id: null, aws_secret_access_key: null, endpoint_url: url(attacker.httpsPort) }, { ctx: { env: process.env } });
    // The pool's policy refuses it (EndpointNotAllowedError), or the input's own check does first (userinfo).
    expect(run.error?.message).toMatch(/endpoint_url/);
    expect(run.error instanceof EndpointNotAllowedError || /credentials \(user:password@\)/.test(run.error!.message)).toBe(true);
    expect(run.attackerRequests).toBe(0);
  });

  it.each(['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME'])('%s set by the operator: an empty endpoint_url still goes to AWS (0 requests to the URL it names)', async (variable) => {
    const run = await runKb({ aws_access_key_id: null, aws_secret_access_key: null, endpoint_url: null }, { env: { [variable]: `https://127.0.0.1:${attacker.httpsPort}` }, ctx: { env: process.env } });
    expect(run.error).toBeDefined();
    expect(run.attackerRequests).toBe(0);
    expect(guard.attempts.at(-1)?.host).toBe('bedrock-agent-runtime.us-east-1.amazonaws.com');
  });

  it('the same key id with another secret, and the same keys from a host variable, never share an agent-runtime slot', async () => {
    const p = pool({ endpointPolicy: { allowedHosts: [new URL(recorderUrl).host] } });
    const slots = new Set<string>();
    p.on('slotCreated', (slot) => slots.add(slot.slotId));
    try {
      const ctx = (nodeId: string, extra: Partial<ComponentContext> = {}) => ({ graphId: 'kb-attack', nodeId, pool: p, env: false, ...extra }) as ComponentContext;
      const base = { knowledge_base_id: 'KBATTACK01', search_query: 'q', region_name: 'us-east-1', endpoint_url: recorderUrl };
      await createComponent(amazonBedrockKnowledgeBaseRetrieverDefinition, ctx('a'), { ...base, ...TYPED }).search_documents();
      await createComponent(amazonBedrockKnowledgeBaseRetrieverDefinition, ctx('b'), { ...base, ...TYPED, aws_secret_access_key: 'anotherSecretForTheSameKeyId/00000000001' }).search_documents();
      await createComponent(amazonBedrockKnowledgeBaseRetrieverDefinition, ctx('c', { variables: { KID: TYPED.aws_access_key_id, KSECRET: TYPED.aws_secret_access_key } }), {
        ...base,
        aws_access_key_id: { variable: 'KID' },
        aws_secret_access_key: { variable: 'KSECRET' },
      }).search_documents();
      expect(slots.size).toBe(3);
    } finally {
      await p.destroy();
    }
  });
});

describe('inputs that are not credentials never read a host variable back (to the author\'s own endpoint)', () => {
  it.each(['knowledge_base_id', 'search_query', 'model_id', 'reranking_model', 'number_of_results', 'search_type', 'metadata_filter'])(
    '%s given as a variable reference: refused or sent as written, the value never on the wire or in the error',
    async (field) => {
      for (const reference of [{ value: 'HOST_VALUE', load_from_db: true }, { variable: 'HOST_VALUE' }]) {
        const run = await runKb({ [field]: reference }, { output: 'retrieve_and_generate', ctx: { variables: { HOST_VALUE } } });
        expect(run.sent.map((r) => r.body).join('\n')).not.toContain(HOST_VALUE);
        expect(run.reports).not.toContain(HOST_VALUE);
      }
    },
  );
});

describe('a secret pasted into the wrong field is not echoed by the error', () => {
  const PASTED_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYPASTEDKEY1';
  it.each([
    ['knowledge_base_id', { knowledge_base_id: PASTED_SECRET }],
    ['reranking_model', { reranking_model: PASTED_SECRET }],
    ['metadata_filter (as an operator)', { metadata_filter: { [PASTED_SECRET]: { key: 'k', value: 'v' } } }],
    ['metadata_filter (as a key)', { metadata_filter: { equals: { key: PASTED_SECRET + PASTED_SECRET + PASTED_SECRET, value: 'v' } } }],
    ['region_name', { region_name: PASTED_SECRET }],
    ['an API key in knowledge_base_id', { knowledge_base_id: HOST_API_KEY }],
  ])('%s: one error naming the field, the secret in no message, issue, inspect or JSON; 0 connects', async (_label, values) => {
    const run = await runKb(values);
    expect(run.error?.message).toMatch(/knowledge_base_id|reranking_model|metadata_filter|region_name/);
    expect(run.reports).not.toContain(PASTED_SECRET);
    expect(run.reports).not.toContain(HOST_API_KEY);
    expect([run.sent.length, run.connects]).toEqual([0, 0]);
  });
});
