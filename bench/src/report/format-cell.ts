import type { Cell } from '../scenarios/scenario-result';

/**
 * Formats a cell for markdown: ratios (columns with `×`) with two decimals and a `×`, other fractional numbers
 * with one decimal (two under 10), integers as they are, missing or NaN as `–`.
 */
export function formatCell(value: Cell, column: string): string {
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return '–';
  if (typeof value === 'string') return value;
  if (column.includes('×')) return `${value.toFixed(2)}×`;
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) < 10 ? value.toFixed(2) : value.toFixed(1);
}
