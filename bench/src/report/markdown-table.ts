import type { ResultTable } from '../scenarios/scenario-result';
import { formatCell } from './format-cell';

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A GitHub markdown table; numeric columns (all cells numbers or empty) are right-aligned. */
export function markdownTable(table: ResultTable): string {
  const numeric = table.columns.map((_, c) => table.rows.length > 0 && table.rows.every((row) => row[c] === null || typeof row[c] === 'number'));
  const header = `| ${table.columns.map(escape).join(' | ')} |`;
  const rule = `|${numeric.map((isNumber) => (isNumber ? '---:' : '---')).join('|')}|`;
  const body = table.rows.map((row) => `| ${table.columns.map((column, c) => escape(formatCell(row[c] ?? null, column))).join(' | ')} |`);
  return [...(table.caption ? [`**${table.caption}**`, ''] : []), header, rule, ...body].join('\n');
}
