import type { ModeName } from '../report/mode-result';

/** Flags of `pnpm demo`. */
export interface DemoOptions {
  /** Runs per mode. Default `20` (`--runs`). */
  runs: number;
  /** Round trip the latency proxy adds in front of the emulator, ms. Default `30` (`--rtt-ms`); ignored with `--real`. */
  rttMs: number;
  /** Run against real Bedrock with the AWS credentials of the environment. Default `false` (`--real`). */
  real: boolean;
  /** Region for `--real`. Default `AWS_REGION`, else `us-east-1` (`--region`). */
  region: string;
  /** Chat model for `--real` (AmazonBedrockModel / Converse nodes). Default: the flow's (`--model`). */
  model?: string;
  /** Embedding model for `--real`. Default: the flow's `cohere.embed-english-v3` (`--embedding-model`). */
  embeddingModel?: string;
  /** Flow file. Default `examples/flows/retrieval.json` (`--flow`). */
  flowPath: string;
  /** Where the chart and JSON go. Default `examples/flow-runner/results` (`--out`). */
  resultsDir: string;
  /** Modes to run, in order. Default all four (`--modes naive,seed,bedrock-flow,bedrock-flow+cache`). */
  modes: ModeName[];
  /** Ask the flow's own question on every run instead of a new one per run. Default `false` (`--same-question`). */
  sameQuestion: boolean;
}

/** A bad flag: `code`, the flag and what it accepts. */
export class DemoOptionsError extends Error {
  override readonly name = 'DemoOptionsError';
  readonly code = 'DEMO_INVALID_OPTION';
  constructor(
    /** The flag, e.g. `--runs`. */
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}

const MODES: readonly ModeName[] = ['naive', 'seed', 'bedrock-flow', 'bedrock-flow+cache'];
const VALUE_FLAGS = new Set(['--runs', '--rtt-ms', '--region', '--model', '--embedding-model', '--flow', '--out', '--modes']);

/** The demo's usage text. */
export const DEMO_USAGE = `Usage: pnpm demo [--runs N] [--rtt-ms MS] [--flow FILE] [--out DIR] [--modes naive,seed,bedrock-flow,bedrock-flow+cache]
                 [--same-question]
                 [--real --region REGION --model MODEL_ID --embedding-model MODEL_ID]`;

/** Reads the demo's flags (`--flag value` or `--flag=value`); `defaults` give the paths. Throws {@link DemoOptionsError}. */
export function parseDemoArgs(argv: readonly string[], defaults: { flowPath: string; resultsDir: string; env?: NodeJS.ProcessEnv }): DemoOptions {
  const env = defaults.env ?? process.env;
  const options: DemoOptions = {
    runs: 20,
    rttMs: 30,
    real: false,
    region: env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || 'us-east-1',
    flowPath: defaults.flowPath,
    resultsDir: defaults.resultsDir,
    modes: [...MODES],
    sameQuestion: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (flag === '--real') {
      options.real = true;
      continue;
    }
    if (flag === '--same-question') {
      options.sameQuestion = true;
      continue;
    }
    if (flag === '--help' || flag === '-h') throw new DemoOptionsError('--help', DEMO_USAGE);
    if (!VALUE_FLAGS.has(flag)) throw new DemoOptionsError(flag, `Unknown flag ${flag}.\n${DEMO_USAGE}`);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new DemoOptionsError(flag, `${flag} needs a value.\n${DEMO_USAGE}`);
    switch (flag) {
      case '--runs':
        options.runs = integer(flag, value, 1, 10_000);
        break;
      case '--rtt-ms':
        options.rttMs = integer(flag, value, 0, 10_000);
        break;
      case '--region':
        if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(value)) throw new DemoOptionsError(flag, `--region "${value}" is not an AWS region name (like us-east-1).`);
        options.region = value;
        break;
      case '--model':
        options.model = value;
        break;
      case '--embedding-model':
        options.embeddingModel = value;
        break;
      case '--flow':
        options.flowPath = value;
        break;
      case '--out':
        options.resultsDir = value;
        break;
      case '--modes': {
        const names = value.split(',').map((name) => name.trim());
        const bad = names.find((name) => !MODES.includes(name as ModeName));
        if (bad !== undefined || names.length === 0) throw new DemoOptionsError(flag, `--modes takes a comma-separated list of ${MODES.join(', ')}; got "${value}".`);
        options.modes = names as ModeName[];
        break;
      }
    }
  }
  return options;
}

function integer(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new DemoOptionsError(flag, `${flag} must be an integer from ${min} to ${max}; got "${value}".`);
  return n;
}
