import type { ScenarioId } from '../cli/bench-options';
import type { ScenarioPlan } from '../cli/scenario-plan';
import type { ParentChannel } from '../ipc/parent-channel';
import type { WorkerConfig } from '../ipc/protocol';

/** What every scenario runs with. */
export interface ScenarioContext {
  config: WorkerConfig;
  plan: ScenarioPlan;
  channel: ParentChannel;
}

/** Progress of one scenario, sent at most every 0.5 % of its units (and at the end). */
export class ProgressReporter {
  #done = 0;
  #lastSent = 0;
  readonly #step: number;

  constructor(
    readonly scenario: ScenarioId,
    readonly total: number,
    readonly channel: ParentChannel,
  ) {
    this.#step = Math.max(1, Math.floor(total / 200));
    channel.scenarioStart(scenario, total);
  }

  /** Counts `units` done; `detail` names the current step. */
  tick(units = 1, detail?: string): void {
    this.#done += units;
    if (this.#done - this.#lastSent >= this.#step || this.#done >= this.total) {
      this.#lastSent = this.#done;
      this.channel.progress(this.scenario, this.#done, detail);
    }
  }
}

/** Milliseconds since an arbitrary origin, sub-ms resolution. */
export const now = (): number => performance.now();

/** Message of an unknown error. */
export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
