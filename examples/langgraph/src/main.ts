/**
 * `pnpm --filter @bedrock-flow/example-langgraph start [--real] [--requests N] [--question "…"]`
 * Serves N requests, compiling the LangGraph graph from the flow definition on each, against the local emulator
 * (default) or Amazon Bedrock (`--real`), and prints the pool metrics after each request.
 */
import { emulatorConnection, realConnection, type FlowConnection } from './connection/flow-connection';
import { MISSING_AWS_CREDENTIALS_CODE } from './connection/find-aws-credentials';
import { formatPoolMetrics } from './report/format-pool-metrics';
import { runRequests } from './run-requests';

interface CliOptions {
  real: boolean;
  requests: number;
  question?: string;
}

const USAGE = 'usage: start [--real] [--requests N (1-1000, default 10)] [--question "text"]';

function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { real: false, requests: 10 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue; // `pnpm start -- --real` forwards the separator
    if (arg === '--real') options.real = true;
    else if (arg === '--requests') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1 || value > 1000) throw new RangeError(`--requests must be an integer from 1 to 1000\n${USAGE}`);
      options.requests = value;
    } else if (arg === '--question') {
      const value = argv[++i];
      if (!value) throw new RangeError(`--question needs a text\n${USAGE}`);
      options.question = value;
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new RangeError(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const connection: FlowConnection = options.real ? realConnection() : await emulatorConnection();
  console.log(`bedrock-flow x LangGraph.js: ${connection.label}${options.real ? '' : ' (pass --real for Amazon Bedrock)'}`);
  try {
    const summary = await runRequests({
      connection,
      requests: options.requests,
      ...(options.question ? { question: () => options.question! } : {}),
      onIndexed: (documents, metrics) => console.log(`indexed ${documents} documents | pool: ${formatPoolMetrics(metrics)}`),
      onResult: (i, state, metrics) => {
        console.log(`#${i + 1} graph compiled again | Q: ${state.question}`);
        console.log(`   context: ${state.context.map((d) => d.id).join(', ')} | A: ${state.answer}`);
        console.log(`   pool: ${formatPoolMetrics(metrics)}`);
      },
    });
    const handshakes = summary.metrics.totals.tlsHandshakes;
    const emulatorHandshakes = connection.emulator ? ` (emulator saw ${connection.emulator.stats().tls.handshakes})` : '';
    console.log(
      `\n${summary.states.length} requests, ${summary.compilations} graph compilations, ${summary.metrics.slots.length} client slot(s): ` +
        `${handshakes} TLS handshake(s)${emulatorHandshakes}, ${summary.metrics.totals.connectionsOpened} connection(s).`,
    );
  } finally {
    await connection.close();
  }
}

main().catch((error: Error & { code?: string }) => {
  console.error(error.code === MISSING_AWS_CREDENTIALS_CODE || error instanceof RangeError ? error.message : error);
  process.exitCode = 1;
});
