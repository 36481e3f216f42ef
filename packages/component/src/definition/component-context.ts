import type { AcquireOptions, BedrockService, ClientConfig, ClientLease } from '@bedrock-flow/bedrock-pool';
import type { VariableSource } from '../secrets/variable-resolver';

/** Stable identity of a node across runs: the flow id and the node id (e.g. `AmazonBedrockConverseModel-AbC12`). */
export interface NodeIdentity {
  graphId: string;
  nodeId: string;
}

/** The part of `BedrockPool` a component uses (so tests and hosts can pass the real pool or a narrow double). */
export interface ComponentPool {
  /** Lease a warm Bedrock Runtime client for this node and config; same identity + same config -> same client. */
  acquire(identity: NodeIdentity, config: ClientConfig): ClientLease;
  /**
   * Lease the warm client of `options.service` (`bedrock-agent-runtime` for Knowledge Bases, `bedrock` for the control
   * plane) for this node and config, typed by service, as `BedrockPool.acquire` does.
   */
  acquire<S extends BedrockService>(identity: NodeIdentity, config: ClientConfig, options: AcquireOptions<S> & { service: S }): ClientLease<S>;
}

/** Minimal logger a host may pass; every method optional. Never given secret values. */
export interface ComponentLogger {
  debug?(message: string, fields?: Record<string, unknown>): void;
  info?(message: string, fields?: Record<string, unknown>): void;
  warn?(message: string, fields?: Record<string, unknown>): void;
  error?(message: string, fields?: Record<string, unknown>): void;
}

/** What the host hands a component on every build. */
export interface ComponentContext {
  /** The flow (graph) id; stable across runs of a saved flow. */
  graphId: string;
  /** The node id; stable across runs of a saved flow. */
  nodeId: string;
  /** The shared client pool (a `BedrockPool`). */
  pool: ComponentPool;
  /** Host variables (Langflow global variables) for secret inputs; looked up before the environment. Default none. */
  variables?: VariableSource;
  /** Environment consulted after `variables`; `false` disables the fallback. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>> | false;
  /** Aborts in-flight model calls. Default none. */
  signal?: AbortSignal;
  /** Host logger. Default none. */
  logger?: ComponentLogger;
  /**
   * Directories a message file given as a path may be read from (the operator's choice, never the flow author's).
   * Default none: every file path is refused, and files come as data only.
   */
  fileRoots?: readonly string[];
}
