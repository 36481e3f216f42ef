import type { RowCounters } from '../fleet/row-counters';
import type { RowId } from '../rows/row-id';
import type { ScenarioId } from '../cli/bench-options';
import type { ScenarioResult } from '../scenarios/scenario-result';
import type { EmulatorSet, ParentMessage, WorkerMessage } from './protocol';

/**
 * The worker's side of the IPC channel: progress and results go up, and emulator counters (which live in the
 * parent, where the emulators run) come back on request. Never called on a measured path.
 */
export class ParentChannel {
  #nextId = 1;
  #pending = new Map<number, { resolve: (stats: RowCounters | undefined) => void; reject: (error: Error) => void }>();
  /** Messages handed to `process.send` whose write has not completed yet. */
  #unsent = 0;
  #whenFlushed: (() => void) | undefined;

  constructor() {
    process.on('message', (message: ParentMessage) => {
      if (message.type !== 'rpcResult') return;
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.error) pending?.reject(new Error(message.error));
      else pending?.resolve(message.counters);
    });
  }

  #send(message: WorkerMessage): void {
    if (!process.send) return;
    this.#unsent += 1;
    process.send(message, () => {
      this.#unsent -= 1;
      if (this.#unsent === 0) this.#whenFlushed?.();
    });
  }

  #rpc(method: 'counters' | 'resetCounters', set: EmulatorSet, row: RowId): Promise<RowCounters | undefined> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#send({ type: 'rpc', id, method, set, row });
    });
  }

  /** A row's server-side counters since its last reset. */
  async counters(set: EmulatorSet, row: RowId): Promise<RowCounters> {
    const counters = await this.#rpc('counters', set, row);
    if (!counters) throw new Error(`no counters for ${set}/${row}`);
    return counters;
  }

  /** Zeroes a row's server-side counters. */
  async resetCounters(set: EmulatorSet, row: RowId): Promise<void> {
    await this.#rpc('resetCounters', set, row);
  }

  /** A scenario begins; `total` is its number of progress units. */
  scenarioStart(scenario: ScenarioId, total: number): void {
    this.#send({ type: 'scenarioStart', scenario, total });
  }

  /** `done` units of the running scenario are finished. */
  progress(scenario: ScenarioId, done: number, detail?: string): void {
    this.#send({ type: 'progress', scenario, done, ...(detail ? { detail } : {}) });
  }

  /** A scenario finished with `result`. */
  result(result: ScenarioResult): void {
    this.#send({ type: 'result', result });
  }

  /** A scenario threw; the run goes on with the next one. */
  failed(scenario: ScenarioId, message: string): void {
    this.#send({ type: 'failed', scenario, message });
  }

  /** Every scenario ran. */
  done(): void {
    this.#send({ type: 'done' });
  }

  /** Stops listening so the worker can exit. */
  close(): void {
    process.removeAllListeners('message');
    // A large result (raw samples) can still sit in the channel's write buffer: disconnecting now drops it and the
    // parent reports the scenario as "not run" (seen on full runs of scenarios 3 and 5). Disconnect once it is out.
    if (this.#unsent === 0) process.disconnect?.();
    else this.#whenFlushed = () => process.disconnect?.();
  }
}
