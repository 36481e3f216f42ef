import type { RowCounters } from '../fleet/row-counters';
import type { ScenarioId } from '../cli/bench-options';
import type { ScenarioPlan } from '../cli/scenario-plan';
import type { RowId } from '../rows/row-id';
import type { ScenarioResult } from '../scenarios/scenario-result';

/** Which emulator set a row talks to: behind the latency proxy, or straight on loopback (RTT 0). */
export type EmulatorSet = 'rtt' | 'local';

/** Where one row's emulator listens and the CA it presents. */
export interface EmulatorEndpoint {
  url: string;
  ca: string;
}

/** What the worker process is started with (JSON in `BENCH_WORKER_CONFIG`). */
export interface WorkerConfig {
  scenarios: ScenarioId[];
  plan: ScenarioPlan;
  rttMs: number;
  quick: boolean;
  /** One emulator per row and set, so each row's connections and handshakes are counted apart. */
  emulators: Record<EmulatorSet, Record<RowId, EmulatorEndpoint>>;
}

/** Worker -> parent. */
export type WorkerMessage =
  | { type: 'scenarioStart'; scenario: ScenarioId; total: number }
  | { type: 'progress'; scenario: ScenarioId; done: number; detail?: string }
  | { type: 'result'; result: ScenarioResult }
  | { type: 'rpc'; id: number; method: 'counters' | 'resetCounters'; set: EmulatorSet; row: RowId }
  | { type: 'failed'; scenario: ScenarioId; message: string }
  | { type: 'done' };

/** Parent -> worker. */
export type ParentMessage = { type: 'rpcResult'; id: number; counters?: RowCounters; error?: string };
