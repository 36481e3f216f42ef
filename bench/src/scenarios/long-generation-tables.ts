import type { LongGenerationRow } from './long-generation-clients';
import type { Cell, ResultTable } from './scenario-result';

/** What one row did in one experiment of scenario 8. */
export interface ExperimentOutcome {
  row: LongGenerationRow;
  /** The row's configuration, as the table shows it. */
  settings: string;
  /**
   * The factor the row's times ran at (0.1: a 70 s answer ran as 7 s); its figures at real scale are `ms / timeScale`.
   * `1` when nothing was scaled.
   */
  timeScale: number;
  /** The answer time the emulator was set to, ms (as run); `undefined` for the silent drop. */
  answerMs?: number;
  /** Whether the call got its answer. */
  answered: boolean;
  /** `answer`, the error's name (and code), or `not detected within N s` when the bench had to abort the call. */
  outcome: string;
  /** From the call's start until it answered, failed or was aborted, ms (as run). */
  ms: number;
  /** Model requests the emulator received for this call: what Bedrock would bill. */
  requests: number;
  /** Connections the emulator accepted for this call. */
  connections: number;
  /** Silent drop only: the row's warm connections the proxy dropped before the call. */
  dropped?: number;
  /** Silent drop only: `kernel` (nftables drops every packet) or `middlebox` (the proxy stops forwarding, its kernel still ACKs). */
  drop?: 'kernel' | 'middlebox';
  /** Silent drop only: the call made on the dropped connection. */
  call?: 'Converse' | 'ConverseStream';
}

const seconds = (ms: number): number => Math.round(ms / 10) / 100;

/** The long-generation table: answered or not, requests billed, and the time to the outcome as run and at real scale. */
export function longGenerationTable(outcomes: readonly ExperimentOutcome[], realAnswerMs: number): ResultTable {
  return {
    caption: `A non-streaming Converse answer that takes ${seconds(realAnswerMs)} s to generate (the emulator's generationPace: the connection stays alive, no byte until the answer is complete).`,
    columns: ['row', 'settings', 'scale', 'answer s (as run)', 'answered', 'requests billed', 'outcome', 's to outcome (as run)', 's at real scale'],
    rows: outcomes.map((o): Cell[] => [
      o.row,
      o.settings,
      o.timeScale === 1 ? 'none' : `×${o.timeScale}`,
      o.answerMs === undefined ? null : seconds(o.answerMs),
      o.answered ? 'yes' : 'no',
      o.requests,
      o.outcome,
      seconds(o.ms),
      seconds(o.ms / o.timeScale),
    ]),
  };
}

/** The silent-drop table: what the next call on a warm, silently dropped connection cost each row. */
export function silentDropTable(outcomes: readonly ExperimentOutcome[]): ResultTable {
  return {
    caption:
      'Kernel: the row\'s connection is dropped by nftables while its model generates (timed from the drop). Middlebox stall (not detectable by TCP keep-alive): one call warms the row\'s connection, the proxy then silently stops forwarding every idle connection (no FIN, no RST; its kernel still ACKs) and the row makes its next call (a fast answer).',
    columns: ['drop', 'row', 'call', 'settings', 'scale', 'warm connections dropped', 'answered', 'outcome', 's to answer or give up (as run)', 's at real scale', 'requests billed', 'new connections'],
    rows: outcomes.map((o): Cell[] => [
      o.drop === 'kernel' ? 'kernel (nftables)' : 'middlebox stall: not detectable by TCP keep-alive',
      o.row,
      o.call ?? null,
      o.settings,
      o.timeScale === 1 ? 'none' : `×${o.timeScale}`,
      o.dropped ?? null,
      o.answered ? 'yes' : 'no',
      o.outcome,
      seconds(o.ms),
      // Keep-alive probes are not scaled: a scaled row's kernel-drop time cannot be multiplied back.
      o.drop === 'kernel' && o.timeScale !== 1 ? null : seconds(o.ms / o.timeScale),
      o.requests,
      o.connections,
    ]),
  };
}

/** Figures for `latest.json`, keyed `<row>.<experiment>.<figure>`. */
export function longGenerationFigures(longGeneration: readonly ExperimentOutcome[], silentDrop: readonly ExperimentOutcome[]): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const o of longGeneration) {
    figures[`${o.row}.longGeneration.answered`] = o.answered ? 1 : 0;
    figures[`${o.row}.longGeneration.requests`] = o.requests;
    figures[`${o.row}.longGeneration.realScaleMs`] = o.ms / o.timeScale;
  }
  for (const o of silentDrop) {
    const key = `${o.row}.${o.drop === 'kernel' ? 'kernelDrop' : 'silentDrop'}.${o.call ?? 'Converse'}`;
    figures[`${key}.answered`] = o.answered ? 1 : 0;
    figures[`${key}.requests`] = o.requests;
    figures[`${key}.ms`] = o.ms;
    if (!(o.drop === 'kernel' && o.timeScale !== 1)) figures[`${key}.realScaleMs`] = o.ms / o.timeScale;
  }
  return figures;
}
