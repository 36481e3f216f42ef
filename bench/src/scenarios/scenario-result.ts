import type { ScenarioId } from '../cli/bench-options';

/** A table cell: text, or a number the report formats. */
export type Cell = string | number | null;

/** One table of a scenario. */
export interface ResultTable {
  /** Shown above the table when a scenario has several. Default none. */
  caption?: string;
  columns: string[];
  rows: Cell[][];
}

/** A line chart: one series per row, x and y numeric. */
export interface ChartSpec {
  /** File name under the results folder, e.g. `scenario-1-latency.svg`. */
  file: string;
  title: string;
  xLabel: string;
  yLabel: string;
  /** Draw the x axis on a log scale. Default `false`. */
  logX?: boolean;
  series: Array<{ name: string; points: Array<[number, number]> }>;
}

/** What a scenario hands the report: tables, charts, figures for the targets, and its raw samples. */
export interface ScenarioResult {
  scenario: ScenarioId;
  title: string;
  /** What it measures and how, one paragraph of markdown. */
  description: string;
  tables: ResultTable[];
  charts: ChartSpec[];
  /** Named figures the targets table reads (e.g. `bfHttp1.p50OverLimit`). */
  figures: Record<string, number>;
  notes: string[];
  /** Wall time of the scenario, ms. */
  durationMs: number;
  /** Raw samples, for `latest.json`. */
  raw: unknown;
}
