/**
 * The test side of `off-machine-call-recorder.cjs`: the environment that preloads it into a host's Node process, and
 * what it recorded.
 */
import fs from 'node:fs';
import path from 'node:path';

/** One lookup or connect a host process tried that would have left the machine. */
export interface OffMachineCall {
  pid: number;
  kind: 'lookup' | 'connect';
  host: string;
  port?: number;
  /** The first frames above the call, to find which part of the host made it. */
  stack: string[];
}

const RECORDER = path.join(__dirname, 'off-machine-call-recorder.cjs');

/**
 * Environment for a host process that records its off-machine calls into `logFile`: NODE_OPTIONS gets
 * `--require <recorder>` (after whatever `nodeOptions` already holds).
 */
export function offMachineRecorderEnv(logFile: string, nodeOptions = ''): Record<string, string> {
  return { NODE_OPTIONS: `${nodeOptions} --require ${JSON.stringify(RECORDER)}`.trim(), BEDROCK_FLOW_OFF_MACHINE_LOG: logFile };
}

/** What the recorder wrote to `logFile` (none when the file does not exist). */
export function readOffMachineCalls(logFile: string): OffMachineCall[] {
  if (!fs.existsSync(logFile)) return [];
  return fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OffMachineCall);
}

/** One line per distinct call ("lookup api.n8n.io", "connect 1.1.1.1:443"), with how many times it was made. */
export function summariseOffMachineCalls(calls: readonly OffMachineCall[]): string {
  const counts = new Map<string, { count: number; frame: string }>();
  for (const call of calls) {
    const key = call.kind === 'connect' ? `connect ${call.host}:${call.port}` : `lookup ${call.host}`;
    // The first frame outside the recorder and Node's own modules says which part of the host called out.
    const own = call.stack.filter((line) => !line.includes('off-machine-call-recorder'));
    const seen = counts.get(key) ?? { count: 0, frame: own.find((line) => !/\(node:|^at node:/.test(line)) ?? own[0] ?? '' };
    seen.count++;
    counts.set(key, seen);
  }
  return [...counts].map(([key, { count, frame }]) => `${key} (x${count}) ${frame}`).join('\n');
}
