import { parseArgs } from 'node:util';
import { EmulatorOptionsError } from '../errors/emulator-options-error';
import type { EmulatorOptions } from '../types';

/** Usage text of the `bedrock-emulator` command. */
export const CLI_USAGE = `Usage: bedrock-emulator [options]
  --port <n>             TCP port on 127.0.0.1 (default 4000; 0 picks a free one)
  --tls                  serve HTTPS (h2 + http/1.1) with a generated self-signed certificate
  --rtt-ms <n>           add a latency proxy with this round trip time (default 0: none)
  --auth <sigv4|none>    verify SigV4 signatures (default sigv4) or accept any request
  --server-delay-ms <n>  processing time per request before the first byte (default 0)
  --help                 show this text`;

/** Default port of the CLI (the library default is 0). */
export const CLI_DEFAULT_PORT = 4000;

function numberOption(field: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || raw.trim() === '') {
    throw new EmulatorOptionsError(field, `expected a number >= 0, got "${raw}"`);
  }
  return value;
}

/** Parses CLI arguments into emulator options; `help: true` when usage was asked for. */
export function parseCliArgs(argv: string[]): { help: boolean; options: EmulatorOptions } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        tls: { type: 'boolean' },
        'rtt-ms': { type: 'string' },
        auth: { type: 'string' },
        'server-delay-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new EmulatorOptionsError('argv', (error as Error).message);
  }
  const auth = values.auth ?? 'sigv4';
  if (auth !== 'sigv4' && auth !== 'none') throw new EmulatorOptionsError('--auth', `expected sigv4 or none, got "${auth}"`);
  return {
    help: values.help ?? false,
    options: {
      port: numberOption('--port', values.port, CLI_DEFAULT_PORT),
      tls: values.tls ?? false,
      rttMs: numberOption('--rtt-ms', values['rtt-ms'], 0),
      auth,
      serverDelayMs: numberOption('--server-delay-ms', values['server-delay-ms'], 0),
    },
  };
}
