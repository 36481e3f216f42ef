/** The ways of getting a Bedrock client the demo compares; `bedrock-flow+cache` is bedrock-flow with the embedding cache on. */
export type ModeName = 'naive' | 'seed' | 'bedrock-flow' | 'bedrock-flow+cache';

/** What one mode measured over all runs. Plain JSON (written to `results/*.json`). */
export interface ModeResult {
  mode: ModeName;
  /** One-line description of how the mode gets its client. */
  description: string;
  /** Wall time of each run (graph rebuilt from JSON + flow run), ms, in run order. */
  latenciesMs: number[];
  /** TLS handshakes per run (the emulator's count; with `--real`, TLS sockets this process opened). */
  tlsHandshakesPerRun: number[];
  /** TCP connections per run (accepted by the emulator; with `--real`, opened by this process). */
  connectionsPerRun: number[];
  /** `credential_process` invocations, per run; `null` when not countable (real mode with your own profile). */
  credentialResolutionsPerRun: Array<number | null>;
  /** Bedrock model requests the server answered, per run; `null` when not countable (real mode). */
  requestsPerRun: Array<number | null>;
}

/** The figures of a mode's table row. */
export interface ModeSummary {
  mode: ModeName;
  firstRunMs: number;
  steadyP50Ms: number;
  steadyP95Ms: number;
  tlsHandshakes: number;
  connections: number;
  credentialResolutions: number | null;
  requests: number | null;
  /** Median model requests per steady run (runs 2..N), `null` when not countable: what the embedding cache removes. */
  steadyRequestsPerRun: number | null;
  /** Steady-state p50 of this mode / bedrock-flow's; `1` for bedrock-flow itself. */
  ratioToBedrockFlow: number;
}
