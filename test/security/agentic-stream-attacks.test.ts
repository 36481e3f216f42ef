import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { inspect } from 'node:util';
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { ComponentValidationError, createComponent, type ComponentContext } from '@bedrock-flow/component';
import { amazonBedrockKnowledgeBaseRetrieverDefinition, KnowledgeBaseRequestError, MAX_AGENTIC_STREAM_EVENTS, MAX_AGENTIC_STREAM_TEXT_CHARS, MAX_SERVICE_MESSAGE_CHARS } from '@bedrock-flow/knowledge-base';
// The emulator's own frame encoder (the SDK's EventStreamCodec): a hostile server speaks the real wire format.
import { encodeEvent, encodeException } from '../../packages/emulator/src/event-stream/encode-frame';
import { installLoopbackGuard, type LoopbackGuard } from './support/loopback-guard';

/**
 * Agentic retrieval (AgenticRetrieveStream) against a hostile endpoint: a loopback server the operator's endpoint
 * policy allows, answering with event streams built to hurt the reader (never-ending trace events, floods of answer
 * text, broken frames, a result followed by an exception, citations pointing anywhere, `__proto__` metadata), and a
 * malicious flow author's inputs. Through the real pool and SDK; every connect and lookup held on loopback by the guard.
 */

const KB_ID = 'KBHOSTILE1';
const KEYS = { aws_access_key_id: 'AKIAAGENTICATTACK001', aws_secret_access_key: 'agenticAttackSecret/0000000000000000001' };

type Script = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let guard: LoopbackGuard;
let server: Server;
let endpoint: string;
let pool: BedrockPool;
let script: Script;
let requests: Array<{ path: string; body: string }> = [];
/** Frames the current script wrote, and whether the client closed the response before the script finished. */
let written = 0;
let closedEarly = false;

beforeAll(async () => {
  guard = installLoopbackGuard([]);
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', body });
      script(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  pool = new BedrockPool({ endpointPolicy: { allowedHosts: [new URL(endpoint).host] } });
});

beforeEach(() => {
  requests = [];
  written = 0;
  closedEarly = false;
});

afterAll(async () => {
  await pool?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  guard?.uninstall();
  // Nothing left the machine.
  expect(guard.attempts.filter((a) => !a.allowed)).toEqual([]);
});

function context(): ComponentContext {
  return { graphId: 'flow-agentic-attacks', nodeId: 'AmazonBedrockKnowledgeBaseRetriever-Attack', pool, env: false };
}

const node = (extra: Record<string, unknown> = {}) =>
  createComponent(amazonBedrockKnowledgeBaseRetrieverDefinition, context(), {
    knowledge_base_id: KB_ID,
    search_query: 'what is in the vault?',
    use_agentic_retrieval: true,
    region_name: 'us-east-1',
    endpoint_url: endpoint,
    ...KEYS,
    ...extra,
  });

/** Starts an event-stream answer. */
function open(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': `hostile-${requests.length}` });
  res.on('close', () => {
    if (!res.writableFinished) closedEarly = true;
  });
}

const trace = (n: number) => encodeEvent('traceEvent', { attributes: { step: 'Planning', status: 'IN_PROGRESS', message: `step ${n} `.padEnd(200, '.') } });
const result = (payload: unknown) => encodeEvent('result', payload);

/** Writes `frame(i)` for i = 0, 1, … until `limit` frames or the client goes away, honouring backpressure; then ends. */
function flood(res: ServerResponse, frame: (i: number) => Uint8Array, limit: number): void {
  const next = (): void => {
    while (written < limit && !res.destroyed) {
      const ok = res.write(frame(written));
      written += 1;
      if (!ok) {
        res.once('drain', next);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  next();
}

describe('agentic retrieval against a hostile event stream', () => {
  test('a stream of trace events that never reaches its result is stopped at MAX_AGENTIC_STREAM_EVENTS, once, the connection dropped', async () => {
    // Broken code reads all of it (memory grows with every step kept) and then reports "ended before its result";
    // a server that never stops would hang the flow for ever, since every event resets the silence bound.
    const limit = MAX_AGENTIC_STREAM_EVENTS * 5;
    script = (_req, res) => {
      open(res);
      flood(res, trace, limit);
    };
    const error = await node().search_documents().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeBaseRequestError);
    expect((error as Error).message).toMatch(new RegExp(`more than ${MAX_AGENTIC_STREAM_EVENTS.toLocaleString('en-US')} events before its result`));
    expect((error as Error).message).toContain('MAX_AGENTIC_STREAM_EVENTS');
    expect(requests).toHaveLength(1);
    // The reader stopped: the rest of the stream was never read.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closedEarly).toBe(true);
    expect(written).toBeLessThan(limit);
  });

  test('a flood of streamed answer text is stopped at MAX_AGENTIC_STREAM_TEXT_CHARS (not kept without bound)', async () => {
    const big = 'x'.repeat(64 * 1024);
    const limit = Math.ceil((MAX_AGENTIC_STREAM_TEXT_CHARS * 4) / big.length);
    script = (_req, res) => {
      open(res);
      flood(res, () => encodeEvent('responseEvent', { text: big }), limit);
    };
    const error = await node().retrieve_and_generate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeBaseRequestError);
    expect((error as Error).message).toContain('MAX_AGENTIC_STREAM_TEXT_CHARS');
    expect(requests).toHaveLength(1);
    expect(written).toBeLessThan(limit);
  });

  test('result events full of text are stopped at MAX_AGENTIC_STREAM_TEXT_CHARS too (results are kept, so they count)', async () => {
    const chunk = 'r'.repeat(32 * 1024);
    const perEvent = 50;
    const limit = Math.ceil((MAX_AGENTIC_STREAM_TEXT_CHARS * 4) / (chunk.length * perEvent));
    script = (_req, res) => {
      open(res);
      flood(res, () => result({ results: Array.from({ length: perEvent }, () => ({ content: { text: chunk } })) }), limit);
    };
    const error = await node().search_documents().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeBaseRequestError);
    expect((error as Error).message).toContain('MAX_AGENTIC_STREAM_TEXT_CHARS');
    expect(requests).toHaveLength(1);
    expect(written).toBeLessThan(limit);
  });

  test('a connection cut right after a complete result event (no end of the chunked body) is an error, not the results', async () => {
    script = (_req, res) => {
      open(res);
      res.write(result({ results: [{ content: { text: 'looks complete' } }] }), () => res.socket?.destroy());
    };
    const error = await node().search_documents().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeBaseRequestError);
    expect(requests).toHaveLength(1);
  });

  test('a frame with a broken checksum fails the call: no partial results, sent once', async () => {
    script = (_req, res) => {
      open(res);
      res.write(trace(0));
      const frame = Buffer.from(result({ results: [{ content: { text: 'half' }, sourceRetriever: { identifier: KB_ID } }] }));
      frame.writeUInt8(frame.readUInt8(frame.length - 1) ^ 0xff, frame.length - 1);
      res.end(frame);
    };
    const error = await node().search_documents().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeBaseRequestError);
    expect((error as Error).message).toMatch(/checksum/);
    expect(requests).toHaveLength(1);
  });

  test('a truncated frame at the end of the body fails the call (no partial results)', async () => {
    script = (_req, res) => {
      open(res);
      const frame = Buffer.from(result({ results: [{ content: { text: 'cut' } }] }));
      res.end(frame.subarray(0, frame.length - 10));
    };
    const error = await node().search_documents().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeBaseRequestError);
    expect((error as Error).message).toMatch(/Truncated event message/);
    expect(requests).toHaveLength(1);
  });

  test('a result followed by an in-stream exception is an error, never the results read so far', async () => {
    script = (_req, res) => {
      open(res);
      res.write(result({ results: [{ content: { text: 'secret plan' }, sourceRetriever: { identifier: KB_ID } }] }));
      res.end(encodeException('internalServerException', 'the agent fell over after its result'));
    };
    const error = await node().search_documents().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeBaseRequestError);
    expect((error as Error).message).toContain('the agent fell over after its result');
    expect(requests).toHaveLength(1);
  });

  test('an in-stream exception with a megabyte message echoing a token: the error keeps 2,000 characters, the token redacted', async () => {
    const token = 'IQoJb3JpZ2luX2VjEHostileEchoOfTheSessionToken0123456789abcdef';
    script = (_req, res) => {
      open(res);
      res.end(encodeException('validationException', `X-Amz-Security-Token=${token} ${'x'.repeat(1_000_000)}`));
    };
    const error = await node().search_documents().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeBaseRequestError);
    const message = (error as Error).message;
    expect(message).toContain('[redacted]');
    expect(message).not.toContain(token.slice(0, 20));
    expect(message).toContain(`… (${'X-Amz-Security-Token='.length + token.length + 1 + 1_000_000 - MAX_SERVICE_MESSAGE_CHARS} more characters)`);
    expect(message.length).toBeLessThan(MAX_SERVICE_MESSAGE_CHARS + 300);
  });

  test('citations whose resultIndex is out of range, negative or not an integer reference nothing (no throw, no wrong document)', async () => {
    const indexes = [0, -1, 2, 99, 0.5, 1e300, -0];
    script = (_req, res) => {
      open(res);
      res.end(
        result({
          results: [
            { content: { text: 'first' }, sourceRetriever: { identifier: KB_ID } },
            { content: { text: 'second' }, sourceRetriever: { identifier: KB_ID } },
          ],
          generatedResponse: {
            answer: 'first second',
            citations: indexes.map((resultIndex) => ({ startIndex: 0, endIndex: 5, references: [{ resultIndex }] })),
          },
        }),
      );
    };
    const answer = await node().retrieve_and_generate();
    expect(answer.citations.map((c) => c.references.map((r) => r.text))).toEqual([['first'], [], [], [], [], [], ['first']]);
  });

  test('citation spans outside the answer or reversed give empty text, never text from elsewhere', async () => {
    script = (_req, res) => {
      open(res);
      res.end(
        result({
          results: [{ content: { text: 'only' } }],
          generatedResponse: { answer: 'short', citations: [{ startIndex: 3, endIndex: 1, references: [{ resultIndex: 0 }] }, { startIndex: -4, endIndex: 99, references: [] }] },
        }),
      );
    };
    const answer = await node().retrieve_and_generate();
    expect(answer.text).toBe('short');
    expect(answer.citations.map((c) => c.text)).toEqual(['', '']);
  });

  test('result metadata with __proto__ and constructor keys pollutes no prototype and stays plain data', async () => {
    script = (_req, res) => {
      open(res);
      // JSON.stringify cannot write a "__proto__" key: the body is written by hand.
      const body = `{"results":[{"content":{"text":"poison"},"metadata":{"__proto__":{"polluted":"yes","x-amz-bedrock-kb-source-uri":"s3://evil"},"constructor":{"prototype":{"polluted":"yes"}},"topic":"t"}}]}`;
      res.end(encodeRaw('result', body));
    };
    const retriever = node().build_retriever();
    const docs = await retriever.invoke('poison');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(docs).toHaveLength(1);
    const metadata = docs[0]!.metadata;
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
    // The source is not taken from the prototype chain a hostile key could have set.
    expect(docs[0]!.metadata['source']).toBeUndefined();
    expect(metadata['topic']).toBe('t');
  });

  test('trace events without end after the result are stopped too (the count covers the whole stream)', async () => {
    const limit = MAX_AGENTIC_STREAM_EVENTS * 5;
    script = (_req, res) => {
      open(res);
      res.write(result({ results: [{ content: { text: 'early' } }] }));
      flood(res, () => encodeEvent('traceEvent', { attributes: { step: 'Planning', status: 'IN_PROGRESS' } }), limit);
    };
    const error = await node().search_documents().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeBaseRequestError);
    expect((error as Error).message).toContain('MAX_AGENTIC_STREAM_EVENTS');
    expect(written).toBeLessThan(limit);
  });

  test('a stream cut after its first event is not sent again (billed); an HTTP 500 before any event is a service error the SDK retries', async () => {
    script = (_req, res) => {
      open(res);
      res.write(trace(0), () => res.socket?.destroy());
    };
    const cut = await node().search_documents().catch((e: unknown) => e);
    expect(cut).toBeInstanceOf(KnowledgeBaseRequestError);
    expect(requests).toHaveLength(1);

    // The pool's documented classification (attempt-policy-middleware): a service error answered before the stream is
    // not a generation that ran, and passes to the SDK's retry (3 attempts).
    requests = [];
    script = (_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json', 'x-amzn-errortype': 'InternalServerException', 'x-amzn-requestid': 'hostile-500' }).end(JSON.stringify({ message: 'boom' }));
    };
    const failed = await node().search_documents().catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(KnowledgeBaseRequestError);
    expect(requests).toHaveLength(3);
  });
});

describe('agentic inputs from a malicious flow author: refused before any request, the value shown at most 80 characters', () => {
  const TOKEN = 'ABSKQmVkcm9ja0FQSUtleS1hYmMxMjM0NTY3ODkwYWJjZGVmZ2hpams=';
  test.each([
    ['a bearer-token-looking agentic_model', { agentic_model: `Bearer ${TOKEN}` }, 'agentic_model'],
    ['a 100,000-character agentic_model', { agentic_model: `anthropic.${'a'.repeat(100_000)}` }, 'agentic_model'],
    ['a unicode agentic_model', { agentic_model: 'anthropic.claude\u2024v2' }, 'agentic_model'],
    ['agentic_model managed in lower case', { agentic_model: 'managed' }, 'agentic_model'],
    ['agentic_model MANAGED with a space', { agentic_model: 'MANAGED ' }, 'agentic_model'],
    ['max_agent_iterations 0', { max_agent_iterations: 0 }, 'max_agent_iterations'],
    ['max_agent_iterations 1', { max_agent_iterations: 1 }, 'max_agent_iterations'],
    ['max_agent_iterations NaN', { max_agent_iterations: Number.NaN }, 'max_agent_iterations'],
    ['max_agent_iterations 2.5', { max_agent_iterations: 2.5 }, 'max_agent_iterations'],
    ['max_agent_iterations "many"', { max_agent_iterations: 'many' }, 'max_agent_iterations'],
    ['use_agentic_retrieval {}', { use_agentic_retrieval: {} }, 'use_agentic_retrieval'],
    ['a metadata_filter with no value, in agentic mode', { metadata_filter: { equals: { key: 'topic' } } }, 'metadata_filter'],
    ['a metadata_filter with a __proto__ operator, in agentic mode', { metadata_filter: JSON.parse('{"__proto__": {"equals": {"key": "a", "value": 1}}}') }, 'metadata_filter'],
    ['search_type HYBRID in agentic mode', { search_type: 'HYBRID' }, 'search_type'],
  ])('%s', async (_name, extra, field) => {
    const error = await Promise.resolve()
      .then(() => node(extra).search_documents())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComponentValidationError);
    expect((error as ComponentValidationError).issues.map((i) => i.field)).toContain(field);
    const shown = `${(error as Error).message}\n${inspect(error, { depth: 5 })}\n${JSON.stringify(error)}`;
    // Like every non-secret input, the received value is shown cut at 80 characters (describeReceived): never more.
    const received = (error as ComponentValidationError).issues.find((i) => i.field === field)!.received ?? '';
    expect(received.length).toBeLessThanOrEqual(80);
    expect(shown.length).toBeLessThan(5_000);
    expect(shown).not.toContain('a'.repeat(100));
    expect(requests).toHaveLength(0);
  });
});

/** An event frame whose JSON payload is given as written (for keys JSON.stringify cannot produce), by the emulator's codec. */
function encodeRaw(eventType: string, json: string): Uint8Array {
  const emulatorRequire = createRequire(require.resolve('../../packages/emulator/package.json'));
  // Resolved from the emulator's package (the test workspace does not depend on the codec itself).
  const { EventStreamCodec } = emulatorRequire('@smithy/eventstream-codec') as {
    EventStreamCodec: new (toUtf8: (b: Uint8Array) => string, fromUtf8: (s: string) => Uint8Array) => { encode(message: { headers: Record<string, { type: 'string'; value: string }>; body: Uint8Array }): Uint8Array };
  };
  const { fromUtf8, toUtf8 } = emulatorRequire('@smithy/util-utf8') as { fromUtf8: (s: string) => Uint8Array; toUtf8: (b: Uint8Array) => string };
  const header = (value: string) => ({ type: 'string' as const, value });
  return new EventStreamCodec(toUtf8, fromUtf8).encode({ headers: { ':event-type': header(eventType), ':content-type': header('application/json'), ':message-type': header('event') }, body: fromUtf8(json) });
}
