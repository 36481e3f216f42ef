import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { startEmulator, TEST_CREDENTIALS, type EmulatorOptions, type RunningEmulator } from '@bedrock-flow/emulator';

/** What a flow-runner test host runs on: the emulator, one pool trusting it, and the host's variables. */
export interface FlowRunnerStack {
  /** The Bedrock Runtime emulator (TLS). */
  emulator: RunningEmulator;
  /** The host's one pool: trusts the emulators' certificates and allows them for host credentials. */
  pool: BedrockPool;
  /** Host variables resolving the flows' `load_from_db` key fields (`AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`) to the emulator's test keys. */
  variables: Readonly<Record<string, string>>;
  /** Closes the pool, then every emulator. */
  close(): Promise<void>;
}

/** Options of {@link startFlowRunnerStack}. */
export interface FlowRunnerStackOptions {
  /** The Bedrock Runtime emulator's options; `tls` is on unless set `false`. Default `{}`. */
  emulator?: EmulatorOptions;
  /**
   * When set, a second emulator for Agents for Bedrock Runtime, on its own host as the two services are at AWS, so
   * each service's connections and handshakes are counted on its own. Default none.
   */
  agentRuntime?: EmulatorOptions;
}

/**
 * Starts the emulator (and the Agents for Bedrock Runtime one when asked) and the pool a flow-runner host leases from,
 * configured as its operator would for a local emulator: each emulator's `host:port` in `endpointPolicy.allowedHosts`
 * (the flow's variables are the host's credentials) and each emulator's certificate trusted.
 */
export async function startFlowRunnerStack(options: FlowRunnerStackOptions & { agentRuntime: EmulatorOptions }): Promise<FlowRunnerStack & { agentRuntime: RunningEmulator }>;
export async function startFlowRunnerStack(options?: FlowRunnerStackOptions): Promise<FlowRunnerStack>;
export async function startFlowRunnerStack(options: FlowRunnerStackOptions = {}): Promise<FlowRunnerStack & { agentRuntime?: RunningEmulator }> {
  const emulator = await startEmulator({ tls: true, ...options.emulator });
  const agentRuntime = options.agentRuntime ? await startEmulator({ tls: true, ...options.agentRuntime }) : undefined;
  const emulators = agentRuntime ? [emulator, agentRuntime] : [emulator];
  const cas = emulators.flatMap((running) => (running.ca ? [running.ca] : []));
  const pool = new BedrockPool({
    endpointPolicy: { allowedHosts: emulators.map((running) => new URL(running.url).host) },
    ...(cas.length > 0 ? { defaults: { tls: { ca: cas.join('\n') } } } : {}),
    openTelemetry: false,
  });
  return {
    emulator,
    ...(agentRuntime ? { agentRuntime } : {}),
    pool,
    variables: { AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey },
    close: async () => {
      await pool.close();
      for (const running of emulators) await running.close();
    },
  };
}
