import { createRequire } from 'node:module';
import os from 'node:os';

/** The machine and versions a run measured on. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  sdk: string;
  langchainAws: string;
  langchainCore: string;
  date: string;
  /** 1/5/15-minute load averages when the run started and ended. */
  loadStart: number[];
  loadEnd: number[];
}

function versionOf(name: string): string {
  try {
    return (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Describes this machine now; `loadStart` comes from the start of the run. */
export function describeMachine(loadStart: number[]): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sdk: `@aws-sdk/client-bedrock-runtime ${versionOf('@aws-sdk/client-bedrock-runtime')}, @smithy/node-http-handler ${versionOf('@smithy/node-http-handler')}`,
    langchainAws: versionOf('@langchain/aws'),
    langchainCore: versionOf('@langchain/core'),
    date: new Date().toISOString(),
    loadStart,
    loadEnd: os.loadavg(),
  };
}
