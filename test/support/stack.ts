import { BedrockPool, type BedrockPoolOptions, type ClientConfig } from '@bedrock-flow/bedrock-pool';
import type { ComponentContext } from '@bedrock-flow/component';
import { startEmulator, TEST_CREDENTIALS, type EmulatorCredentials, type EmulatorOptions, type RunningEmulator } from '@bedrock-flow/emulator';
import { CaptureLogger } from './capture-logger';
import { eventually } from './deadline';

/** An emulator, a pool trusting it, and the logger both the pool and component contexts write to. */
export interface Stack {
  emu: RunningEmulator;
  pool: BedrockPool;
  logger: CaptureLogger;
  /** Node values pointing at the emulator with `credentials` (default the emulator's test keys). */
  values(extra?: Record<string, unknown>, credentials?: EmulatorCredentials): Record<string, unknown>;
  /** A component context for `nodeId` on this pool (no environment fallback). */
  ctx(nodeId: string, extra?: Partial<ComponentContext>): ComponentContext;
  /** Closes the pool, then the emulator. */
  close(): Promise<void>;
}

/** Pool options for a stack: the pool's own plus client-config defaults merged over `{ tls: { ca } }`. */
export interface StackOptions {
  emulator?: EmulatorOptions;
  pool?: Omit<BedrockPoolOptions, 'defaults' | 'logger'>;
  defaults?: Partial<ClientConfig>;
  graphId?: string;
  /**
   * The operator's setting for a local emulator: add its `host:port` to `endpointPolicy.allowedHosts`, so credentials
   * the host provides (environment, profiles, host variables, `AWS_BEARER_TOKEN_BEDROCK`) may reach it. Default
   * `false`: only keys typed into the node reach loopback.
   */
  allowEmulatorForHostCredentials?: boolean;
}

/** Starts a TLS emulator (unless `emulator.tls === false`) and a pool whose defaults trust its certificate. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const emu = await startEmulator({ tls: true, ...options.emulator });
  const logger = new CaptureLogger();
  const policy = options.pool?.endpointPolicy;
  const pool = new BedrockPool({
    openTelemetry: false,
    ...options.pool,
    ...(options.allowEmulatorForHostCredentials ? { endpointPolicy: { ...policy, allowedHosts: [new URL(emu.url).host, ...(policy?.allowedHosts ?? [])] } } : {}),
    logger,
    defaults: { ...(emu.ca ? { tls: { ca: emu.ca } } : {}), ...options.defaults },
  });
  const graphId = options.graphId ?? 'flow-integration';
  return {
    emu,
    pool,
    logger,
    values: (extra = {}, credentials = TEST_CREDENTIALS) => ({
      endpoint_url: emu.url,
      aws_access_key_id: credentials.accessKeyId,
      aws_secret_access_key: credentials.secretAccessKey,
      ...(credentials.sessionToken ? { aws_session_token: credentials.sessionToken } : {}),
      ...extra,
    }),
    ctx: (nodeId, extra = {}) => ({ graphId, nodeId, pool, env: false, logger, ...extra }),
    close: async () => {
      await pool.close();
      await emu.close();
    },
  };
}

/** Connections open as the emulator counts them and as the pool counts them. */
export interface ConnectionCounts {
  emulator: number;
  pool: number;
}

/** Waits (bounded) until the emulator and the pool agree on the open connections, and returns both counts. */
export async function settledConnections(stack: Pick<Stack, 'emu' | 'pool'>, ms = 3_000): Promise<ConnectionCounts> {
  const read = (): ConnectionCounts => ({ emulator: stack.emu.stats().connections.open, pool: stack.pool.metrics().totals.connectionsOpen });
  await eventually(() => {
    const counts = read();
    return counts.emulator === counts.pool;
  }, ms);
  return read();
}
