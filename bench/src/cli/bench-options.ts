/** Scenario ids, in run order. */
export const SCENARIO_IDS = ['sequential', 'cold', 'concurrency', 'churn', 'overhead', 'streaming', 'embeddings', 'long-generation', 'tenants', 'knowledge-base'] as const;

/** One benchmark scenario. */
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** Command-line options of `pnpm bench`. */
export interface BenchOptions {
  /** `--quick`: fewer cycles and samples (under 3 minutes). Default `false` (full run, under 15 minutes). */
  quick: boolean;
  /** `--only <scenario>[,<scenario>]` (id or number, from 1). Default: every scenario. */
  only: ScenarioId[];
  /** `--rtt-ms <n>`: round trip added by the latency proxy for the network scenarios. Default `30`. */
  rttMs: number;
  /** `--out <dir>`: where results go. Default `bench/results`. */
  outDir: string | undefined;
}

/** A bad command line: `field` says which option, `allowed` what it takes. */
export class BenchOptionsError extends Error {
  readonly code = 'BENCH_INVALID_OPTION';
  constructor(
    readonly field: string,
    problem: string,
    readonly allowed: string,
  ) {
    super(`${field}: ${problem}; allowed: ${allowed}`);
    this.name = 'BenchOptionsError';
  }
}

function scenarioOf(token: string): ScenarioId {
  const byNumber = /^[1-9]\d*$/.test(token) ? SCENARIO_IDS[Number(token) - 1] : undefined;
  const found = byNumber ?? SCENARIO_IDS.find((id) => id === token);
  if (!found) throw new BenchOptionsError('--only', `unknown scenario "${token}"`, `${SCENARIO_IDS.join(', ')} or 1-${SCENARIO_IDS.length}, comma-separated`);
  return found;
}

/** Parses `process.argv.slice(2)`; throws {@link BenchOptionsError} on anything it does not know. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { quick: false, only: [...SCENARIO_IDS], rttMs: 30, outDir: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new BenchOptionsError(flag, 'needs a value', 'see bench/README.md');
      return next;
    };
    switch (flag) {
      case '--':
        break;
      case '--quick':
        options.quick = true;
        break;
      case '--only':
        options.only = [...new Set(value().split(',').map((t) => scenarioOf(t.trim())))].sort((a, b) => SCENARIO_IDS.indexOf(a) - SCENARIO_IDS.indexOf(b));
        break;
      case '--rtt-ms': {
        const raw = value();
        const rtt = Number(raw);
        if (!Number.isFinite(rtt) || rtt < 0 || rtt > 1_000) throw new BenchOptionsError('--rtt-ms', `got "${raw}"`, 'a number of ms from 0 to 1000');
        options.rttMs = rtt;
        break;
      }
      case '--out':
        options.outDir = value();
        break;
      default:
        throw new BenchOptionsError(arg, 'unknown option', '--quick, --only <scenario>, --rtt-ms <n>, --out <dir>');
    }
  }
  return options;
}
