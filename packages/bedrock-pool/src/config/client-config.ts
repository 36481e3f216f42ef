/**
 * Where a slot's AWS credentials come from. `origin` says whether a static or bearer secret was typed into the node
 * itself (`'node'`: every secret part a literal value) or came from the host (`'host'`: a host variable, Langflow
 * `load_from_db`, an environment variable); absent means `'host'`. Profiles and the default chain are host-provided.
 */
export type CredentialSource =
  /** Fixed keys, signed with SigV4 (never the environment's bearer token). The secret and token are kept only inside the credential provider. */
  | { kind: 'static'; accessKeyId: string; secretAccessKey: string; sessionToken?: string; origin?: 'node' | 'host' }
  /**
   * A Bedrock API key, sent as `Authorization: Bearer <token>` (never SigV4). Kept only inside the credential
   * provider; fingerprinted by a per-process HMAC.
   */
  | { kind: 'bearer'; token: string; origin?: 'node' | 'host' }
  /**
   * A named profile of the shared config/credentials files (covers credential_process, SSO, role assumption). Its
   * credentials are always the host's. `nameOrigin` says where the profile NAME came from: `'node'` (typed into the
   * node: shown in labels, metrics and errors) or `'host'` (a host variable or the environment: never shown, since a
   * flow could name any variable and read its value back). Absent means `'host'`.
   */
  | {
      kind: 'profile';
      profile: string;
      configFile?: string;
      credentialsFile?: string;
      nameOrigin?: 'node' | 'host';
      /** The variable that held the name, when there was one (a variable's name is not a secret): shown instead of the name. */
      nameVariable?: string;
    }
  /**
   * The SDK's default Node provider chain (env, SSO, ini, process, web identity, ECS, IMDS), with the SDK's own auth
   * choice: with `AWS_BEARER_TOKEN_BEDROCK` in the environment the SDK sends that bearer token.
   */
  | { kind: 'default' };

/** TLS options for the connection to the endpoint. */
export interface TlsConfig {
  /** Extra trusted CA(s) in PEM. Default: Node's bundled roots. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Verify the server certificate. Default `true`. */
  rejectUnauthorized?: boolean;
}

/** HTTP options of a slot's transport. */
export interface HttpConfig {
  /**
   * Sockets to the endpoint (http1): the limit of the transport, shared by every slot (credential) whose transport
   * settings are equal, and served in turn across them. Default `50`.
   */
  maxSockets?: number;
  /** Connect (TCP + TLS) timeout in ms. Default `10_000`. */
  connectTimeoutMs?: number;
  /**
   * One bound for every call of this client, in ms, replacing the per-operation defaults below: the wait for a
   * non-streaming answer, the longest silence of a stream. A node's "Timeout" input sets it. Default: unset (by
   * operation). At most `3_600_000`.
   */
  requestTimeoutMs?: number;
  /** Wait for a non-streaming generation's complete answer (Converse, InvokeModel), in ms. Default `900_000` (15 min). */
  generationTimeoutMs?: number;
  /** Longest silence of a streaming call (ConverseStream, InvokeModelWithResponseStream), in ms. Default `30_000`. */
  streamSilenceTimeoutMs?: number;
  /** Wait for an embedding (InvokeModel on an embedding model), in ms. Default `30_000`. */
  embeddingTimeoutMs?: number;
  /** Wait for any other call (ApplyGuardrail, CountTokens, warm-up), in ms. Default `60_000`. */
  otherTimeoutMs?: number;
  /**
   * TCP keep-alive probe delay, in ms, set on every socket when it is first used. Default `1_000` (Node's default;
   * Node then probes every 1 s, 10 times: a dead path fails in about 11 s).
   */
  keepAliveMsecs?: number;
  /** How long an unused pooled socket is kept before it is closed, in ms (http1). Default `180_000`. */
  idleSocketTimeoutMs?: number;
}

/** Retry options, passed to the client's retry strategy. */
export interface RetryConfig {
  /** Retry mode. Default `'adaptive'` (client-side rate limiting after throttles). */
  mode?: 'adaptive' | 'standard' | 'legacy';
  /** Attempts including the first. Default `3`. */
  maxAttempts?: number;
  /**
   * Retry a generation (Converse, ConverseStream, InvokeModel and its stream on a generation model) whose request was
   * sent in full and then timed out or lost its connection, although the model may have processed and billed it.
   * Default `false`: such a call fails with `RequestMayHaveBeenBilledError`. Per call: `client.send(command,
   * { retryAfterWrite: true })`. Failures before the request was sent, and throttling, are always retried.
   */
  afterWrite?: boolean;
}

/** Everything that decides which `BedrockRuntimeClient` a lease gets. Two equal configs share one slot. */
export interface ClientConfig {
  /** AWS region, e.g. `us-east-1`. Required. */
  region: string;
  /** Endpoint URL, e.g. an emulator's `https://127.0.0.1:4000`. Default: the SDK's regional endpoint. */
  endpoint?: string;
  /** Credential source. Default `{ kind: 'default' }`. */
  credentials?: CredentialSource;
  /** Wire protocol. Default `'http1'` (keep-alive agent; see the README for the measurement). */
  transport?: 'http1' | 'http2';
  /** TLS options. Default: verify against Node's roots. */
  tls?: TlsConfig;
  /**
   * HTTPS proxy URL, or `false` for none. Default: `HTTPS_PROXY`/`https_proxy` honouring `NO_PROXY`, except for
   * loopback endpoints (never proxied from the environment, as in Go's `net/http`). Applies to `https://` endpoints
   * only: an `http://` endpoint is always reached directly.
   */
  proxy?: string | false;
  /** HTTP options; see {@link HttpConfig} for defaults. */
  http?: HttpConfig;
  /** Retry options; see {@link RetryConfig} for defaults. */
  retry?: RetryConfig;
}

/** Stable identity of a node across graph rebuilds (Langflow: flow id + node id). */
export interface NodeIdentity {
  /** Graph (flow) id. */
  graphId: string;
  /** Node id, stable across runs of a saved flow. */
  nodeId: string;
}
