import { ROW_LABELS, type RowId } from '../rows/row-id';
import { summarizeLatencies, type LatencySummary } from '../stats/latency-summary';
import type { Cell, ResultTable } from './scenario-result';

/** One row of a latency table: its samples (ms) and any extra columns. */
export interface LatencyRow {
  row: RowId;
  /** Overrides the row's label (e.g. `bedrock-flow http1 + warm-up`). */
  label?: string;
  samples: readonly number[];
  extras?: Record<string, Cell>;
}

/** `a / b`, or NaN when either is missing. */
export function ratio(a: number | undefined, b: number | undefined): number {
  return a !== undefined && b !== undefined && b > 0 && Number.isFinite(a) ? a / b : NaN;
}

/**
 * A table with n, p50, p95, p99 (ms) and the p50 as a multiple of the limit's and of stock's p50, then the extra
 * columns in the order of the first row's `extras`. The limit and stock rows are found by row id.
 */
export function latencyTable(rows: readonly LatencyRow[], options: { caption?: string; unit?: string } = {}): { table: ResultTable; summaries: Map<string, LatencySummary> } {
  const unit = options.unit ?? 'ms';
  const summaries = new Map<string, LatencySummary>();
  for (const row of rows) summaries.set(row.label ?? row.row, summarizeLatencies(row.samples));
  const limit = rows.find((row) => row.row === 'limit');
  const stock = rows.find((row) => row.row === 'stock');
  const limitP50 = limit ? summaries.get(limit.label ?? limit.row)?.p50 : undefined;
  const stockP50 = stock ? summaries.get(stock.label ?? stock.row)?.p50 : undefined;
  const extraNames = Object.keys(rows[0]?.extras ?? {});
  const columns = ['row', 'n', `p50 ${unit}`, `p95 ${unit}`, `p99 ${unit}`, 'p50 × limit', 'p50 × stock', ...extraNames];
  const cells: Cell[][] = rows.map((row) => {
    const summary = summaries.get(row.label ?? row.row)!;
    return [
      row.label ?? ROW_LABELS[row.row],
      summary.count,
      summary.p50,
      summary.p95,
      summary.p99,
      ratio(summary.p50, limitP50),
      ratio(summary.p50, stockP50),
      ...extraNames.map((name) => row.extras?.[name] ?? null),
    ];
  });
  return { table: { ...(options.caption ? { caption: options.caption } : {}), columns, rows: cells }, summaries };
}
