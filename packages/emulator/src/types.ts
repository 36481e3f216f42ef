import type { EmulatorKnowledgeBase } from './knowledge-base/knowledge-base-types';
import type { EmulatorCatalog } from './control-plane/catalog-types';

/**
 * Public types of the Bedrock Runtime emulator. Other packages' tests code against these, so
 * change them only additively.
 */

/** A key pair the emulator accepts for SigV4. */
export interface EmulatorCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Options of {@link startEmulator}. Every field is optional. */
export interface EmulatorOptions {
  /** TCP port of the public endpoint; `0` (default) picks a free one. */
  port?: number;
  /** Serve HTTPS (ALPN h2 + http/1.1) with a certificate generated at start. Default `false` (HTTP/1.1 + h2c). */
  tls?: boolean;
  /** Round trip added by a latency proxy in front of the server, in ms. Default `0` (no proxy). */
  rttMs?: number;
  /** `'sigv4'` (default) verifies signatures against `credentials`; `'none'` accepts any request. */
  auth?: 'sigv4' | 'none';
  /** Key pairs accepted for SigV4. Default `[TEST_CREDENTIALS]`. */
  credentials?: EmulatorCredentials[];
  /** Bearer tokens accepted (`Authorization: Bearer …`). Default none. */
  bearerTokens?: string[];
  /** Simulated server processing time per request before the first byte, in ms. Default `0`. */
  serverDelayMs?: number;
  /** Delay between event-stream frames, in ms. Default `0`. */
  streamChunkDelayMs?: number;
  /** Faults active from the start. Default none. */
  faults?: FaultConfig;
  /**
   * Put the latency proxy in front even with `rttMs: 0`, so `dropIdleConnections()` can silently drop
   * connections. Default: on when `rttMs > 0` or `natIdleTimeoutMs` is set, off otherwise.
   */
  proxy?: boolean;
  /**
   * Silently drop, in the proxy, every connection idle (no byte in either direction) this long, in ms,
   * as a NAT or firewall does with idle flows (AWS NAT gateway: 350,000): it stops forwarding both ways
   * and closes neither side. Puts the proxy in front. Default: never.
   */
  natIdleTimeoutMs?: number;
  /**
   * Serve the control routes under `/__emulator/` (`GET stats`, `GET requests`, `POST reset`) as JSON,
   * without auth, to loopback clients only. Default `false`: those paths answer 404 like any unknown route.
   */
  control?: boolean;
  /**
   * Knowledge bases served by the `bedrock-agent-runtime` operations Retrieve and RetrieveAndGenerate (same port, same
   * SigV4 signing name `bedrock`). Default none: every knowledge-base id is a ResourceNotFoundException.
   */
  knowledgeBases?: EmulatorKnowledgeBase[];
  /**
   * The control plane's data: foundation models (ListFoundationModels) and the inference profiles that serve them
   * (ListInferenceProfiles: system-defined ones for the request's signing region's geography and `global`, plus the
   * application profiles given here). Each list replaces the default when given. Default: a sample of Bedrock's
   * catalog (`DEFAULT_FOUNDATION_MODELS`), no application profile.
   */
  catalog?: EmulatorCatalog;
  /**
   * Answer as Bedrock does when a runtime call (Converse, ConverseStream, InvokeModel and its stream) names a model
   * of the catalog that supports no on-demand throughput by its bare id: ValidationException "Invocation of model ID
   * … with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that
   * contains this model."; and a system-defined profile that does not serve the signing region: "The provided model
   * identifier is invalid.". Default `false`, so tests that call such models by their bare id keep running.
   */
  enforceInferenceProfiles?: boolean;
}

/**
 * Faults switchable at run time with `setFaults()`. Each call replaces the whole set; `{}` clears it.
 * Fault counters live in {@link EmulatorStats.faults}.
 */
export interface FaultConfig {
  /** Answer 429 ThrottlingException: every `everyNth` request, or for a fraction `rate` (0..1, deterministic sequence), or the next `count` requests. */
  throttle?: { everyNth?: number; rate?: number; count?: number; retryAfterSeconds?: number };
  /** Answer 500 InternalServerException / 503 ServiceUnavailableException for the next `count` requests (or every `everyNth`). */
  serverError?: { status: 500 | 503; count?: number; everyNth?: number };
  /** Destroy the socket after reading the request, before answering, for the next `count` requests. */
  resetConnection?: { count?: number; everyNth?: number };
  /**
   * After reading the request, the connection goes silent for good: the emulator stops reading it and
   * never sends another byte (no answer, no HTTP/2 PING ack, no FIN, no RST) until `close()`. Other
   * requests on that connection hang with it. For the next `count` requests, or every `everyNth`.
   */
  blackhole?: { count?: number; everyNth?: number };
  /**
   * How long generating an answer takes, for chat models on Converse, ConverseStream, InvokeModel and
   * InvokeModelWithResponseStream (embeddings, CountTokens and ApplyGuardrail are not paced). The
   * connection stays alive meanwhile: a slow answer, not a stalled socket. Non-streaming: the answer
   * leaves after `answerMs`, else after `outputTokens / tokensPerSecond` s. Streams: the first frame
   * leaves at once and the others are spread evenly so the last leaves after `outputTokens / tokensPerSecond` s,
   * else after `answerMs`. At least one of the two is required.
   */
  generationPace?: { tokensPerSecond?: number; answerMs?: number };
  /** Close idle keep-alive connections after this many ms of idleness. */
  idleCloseMs?: number;
  /** Hold the first byte of each response this long (ms); `Infinity` never answers. */
  firstByteDelayMs?: number;
  /** Cut event streams after this many frames (socket destroyed / h2 stream reset). */
  cutStreamAfterFrames?: number;
  /** Send an in-stream exception frame after this many frames. */
  streamException?: { afterFrames: number; exceptionType?: string; message?: string };
  /** Only apply the faults above to requests whose operation is in this list (default: all). */
  operations?: EmulatorOperation[];
}

/** Bedrock operations the emulator serves: the runtime's, and the control plane's lists (issue 25). */
export type EmulatorOperation =
  | 'Converse'
  | 'ConverseStream'
  | 'InvokeModel'
  | 'InvokeModelWithResponseStream'
  | 'CountTokens'
  | 'ApplyGuardrail'
  | 'Retrieve'
  | 'RetrieveAndGenerate'
  | 'AgenticRetrieveStream'
  | ControlPlaneOperation;

/** Control-plane operations (`@aws-sdk/client-bedrock`) the emulator serves. */
export type ControlPlaneOperation = 'ListFoundationModels' | 'ListInferenceProfiles';

/** A scripted reply for Converse-style and InvokeModel chat calls. */
export interface ScriptedReply {
  /** Reply text. */
  text?: string;
  /** A tool call to emit instead of (or after) the text. */
  toolUse?: { name: string; input: unknown; toolUseId?: string };
  /** Stop reason in Converse vocabulary (`end_turn`, `tool_use`, `max_tokens`, `stop_sequence`, …); mapped per family. */
  stopReason?: string;
}

/**
 * The request as the emulator's model sees it (already decoded): what `requests()` lists and what a
 * reply function of `script()` receives.
 */
export interface ModelRequestView {
  /**
   * Position of the request among the model requests this emulator logged, from 1, increasing by
   * one per entry and never reused (it keeps counting across `resetStats()`).
   */
  seq: number;
  /** The request id answered in `x-amzn-requestid` (on the success or the error response). */
  requestId: string;
  operation: EmulatorOperation;
  /** Model id as sent (decoded path segment); the guardrail id for ApplyGuardrail. */
  modelId: string;
  /** Underlying model family (e.g. `anthropic`, `meta`, `amazon-titan-text`); `guardrail` for ApplyGuardrail, `unknown` when none matched. */
  family: string;
  /** Parsed JSON body. */
  body: unknown;
  /** Concatenated text of the last user message, when there is one. */
  lastUserText?: string;
  /**
   * Set when the operation rejected the request: the error name answered (`x-amzn-errortype`, the
   * SDK's `err.name`), e.g. `ValidationException` for a Titan body sent to a Cohere model. Absent
   * for requests answered normally. `body` is then the parsed JSON, or the raw text when it is not JSON.
   */
  error?: string;
}

/** A reply function or fixed reply, keyed by a model-id matcher in `script()`. */
export type ReplyScript = ScriptedReply | ((request: ModelRequestView) => ScriptedReply);

/** Counters since start or the last `resetStats()`. Plain JSON. */
export interface EmulatorStats {
  connections: {
    /** TCP connections accepted by the server (through the proxy: one per client connection). */
    accepted: number;
    /** Connections open right now. */
    open: number;
    /**
     * Requests served per connection, in accept order. A connection accepted before
     * `resetStats()` gets a slot (appended) when it serves its next request, so warm pooled
     * connections keep counting; this can then be longer than `accepted`.
     */
    requestsPerConnection: number[];
  };
  tls: { handshakes: number; full: number; resumed: number };
  http2: { sessions: number; streams: number };
  http1: { requests: number };
  requests: {
    total: number;
    byOperation: Record<string, number>;
    byModel: Record<string, number>;
    /** Requests being processed right now, and the most at once. */
    inFlight: number;
    maxInFlight: number;
    /** Requests answered with an error status (any cause). */
    errors: number;
    /** Warm-up / non-model requests (unknown routes such as `GET /`, `HEAD /ping`). */
    nonModel: number;
  };
  auth: { failures: number; byAccessKeyId: Record<string, number> };
  faults: Record<string, number>;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL clients use as `endpoint`, e.g. `https://127.0.0.1:43121` (the proxy's when `rttMs > 0`). */
  readonly url: string;
  /** Port of `url`. */
  readonly port: number;
  /** PEM of the self-signed CA/certificate when `tls` is on. */
  readonly ca?: string;
  /** Base URL of the control routes (`${url}/__emulator`) when `control` is on. */
  readonly controlUrl?: string;
  /** Counters (a copy). */
  stats(): EmulatorStats;
  /**
   * Restarts the counters (the gauges `connections.open` and `requests.inFlight` keep their value)
   * and clears the request log of `requests()`; `seq` keeps counting.
   */
  resetStats(): void;
  /** Replace the active faults; `{}` clears them. Throws `EmulatorOptionsError` naming every bad field, leaving the faults as they were. */
  setFaults(faults: FaultConfig): void;
  /** Script replies for model ids matching `match` (string = exact id or family, RegExp on the id); `undefined` clears. Later scripts win. */
  script(match: string | RegExp, reply: ReplyScript | undefined): void;
  /**
   * Model requests that reached their operation (decoded), most recent last, bounded to the last
   * 1,000 since start or the last `resetStats()`. Includes requests the operation rejected (with
   * `error`); not auth failures, injected faults or non-model routes.
   */
  requests(): ModelRequestView[];
  /**
   * Resolves once exactly `open` connections are open (the server sees closes asynchronously, so
   * assert on `connections.open` after this). Rejects with code `ERR_EMULATOR_WAIT_TIMEOUT` after
   * `timeoutMs` (default 2,000).
   */
  waitForOpenConnections(open: number, timeoutMs?: number): Promise<void>;
  /**
   * Silently drops, in the proxy, every connection with nothing in flight through it that has been idle at
   * least `idleForMs` (default 0: every idle one): the proxy stops forwarding in both directions and closes
   * neither side, as a NAT that forgot the flow. Returns how many it dropped (counted in `faults.silentDrop`).
   * Throws `EmulatorOptionsError` (field `proxy`) when no proxy is in front (see `proxy`, `rttMs`, `natIdleTimeoutMs`).
   */
  dropIdleConnections(options?: { idleForMs?: number }): number;
  /** Stop accepting, destroy open connections (blackholed and dropped ones too), close the proxy. Idempotent. */
  close(): Promise<void>;
}
