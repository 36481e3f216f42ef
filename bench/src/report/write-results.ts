import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderReport, type BenchReport } from './render-report';
import { svgLineChart } from './svg-line-chart';

/** Writes `latest.md`, `latest.json` (raw samples included) and every chart's SVG into `outDir`; returns the paths. */
export async function writeResults(outDir: string, report: BenchReport): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const put = async (file: string, text: string) => {
    const target = path.join(outDir, file);
    await writeFile(target, text);
    written.push(target);
  };
  await put('latest.md', renderReport(report));
  await put('latest.json', `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value))}\n`);
  for (const result of report.results) for (const chart of result.charts) await put(chart.file, svgLineChart(chart));
  return written;
}
