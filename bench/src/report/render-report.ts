import type { ScenarioId } from '../cli/bench-options';
import { ROW_DESCRIPTIONS, ROW_IDS, ROW_LABELS } from '../rows/row-id';
import type { ScenarioResult } from '../scenarios/scenario-result';
import type { MachineInfo } from './machine-info';
import { markdownTable } from './markdown-table';
import type { TargetRow } from './targets';

/** Everything `latest.md` is made of. */
export interface BenchReport {
  quick: boolean;
  rttMs: number;
  totalMs: number;
  machine: MachineInfo;
  results: ScenarioResult[];
  failures: Array<{ scenario: ScenarioId; message: string }>;
  targets: TargetRow[];
  /** Lines the worker wrote to stderr (warnings), deduplicated. */
  workerWarnings: string[];
  /** How the run was set up (CA trust, socket options), one markdown bullet each. */
  methodNotes: string[];
}

/** The markdown report: machine, legend, targets, then every scenario's tables, charts and notes. */
export function renderReport(report: BenchReport): string {
  const m = report.machine;
  const out: string[] = [
    `# bedrock-flow benchmarks (${report.quick ? 'quick' : 'full'} run)`,
    '',
    `Run ${m.date}, ${(report.totalMs / 1000).toFixed(0)} s in all, RTT ${report.rttMs} ms for the network scenarios.`,
    '',
    '## Machine',
    '',
    `- CPU: ${m.cpuModel}, ${m.cores} cores; memory ${m.memoryGiB} GiB; ${m.os}`,
    `- Node ${m.node}; ${m.sdk}; @langchain/aws ${m.langchainAws}, @langchain/core ${m.langchainCore}`,
    `- Load average (1/5/15 min) at start ${m.loadStart.map((l) => l.toFixed(2)).join(' / ')}, at end ${m.loadEnd.map((l) => l.toFixed(2)).join(' / ')} (other work on the machine shares the cores)`,
    '- Topology: the emulators (TLS 1.3, h2 + http/1.1, one per row) and the latency proxy run in the parent process; every client runs in a child process, so the client\'s CPU time is its own.',
    '',
    ...report.methodNotes.map((note) => `- ${note}`),
    '',
    '## Rows',
    '',
    ...ROW_IDS.map((row) => `- **${ROW_LABELS[row]}**: ${ROW_DESCRIPTIONS[row]}`),
    '',
    '## Targets',
    '',
    markdownTable({
      columns: ['target', 'measured', 'met', 'what limits it'],
      rows: report.targets.map((t) => [t.target, t.measured, t.met === null ? 'not run' : t.met ? 'met' : 'not met', t.limitedBy]),
    }),
    '',
  ];
  for (const failure of report.failures) out.push(`**Scenario ${failure.scenario} failed:** ${failure.message}`, '');
  for (const result of report.results) {
    out.push(`## ${result.title}`, '', result.description, '', `Scenario time: ${(result.durationMs / 1000).toFixed(1)} s.`, '');
    for (const table of result.tables) out.push(markdownTable(table), '');
    for (const chart of result.charts) out.push(`![${chart.title}](${chart.file})`, '');
    if (result.notes.length) out.push(...result.notes.map((note) => `- ${note}`), '');
  }
  if (report.workerWarnings.length) out.push('## Warnings printed by the measuring process', '', ...report.workerWarnings.map((w) => `- \`${w}\``), '');
  return out.join('\n');
}
