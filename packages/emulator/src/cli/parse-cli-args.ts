import { parseArgs } from 'node:util';
import { EmulatorOptionsError, type EmulatorOptionIssue } from '../errors/emulator-options-error';
import type { EmulatorOptions } from '../types';

/** Usage text of the `bedrock-emulator` command. */
export const CLI_USAGE = `Usage: bedrock-emulator [options]
  --port <n>              TCP port on 127.0.0.1 (default 4000; 0 picks a free one)
  --tls                   serve HTTPS (h2 + http/1.1) with a generated self-signed certificate
  --rtt-ms <n>            add a latency proxy with this round trip time (default 0: none)
  --auth <sigv4|none>     verify SigV4 signatures and bearer tokens (default sigv4) or accept any request
  --bearer-token <token>  also accept this Bedrock API key as "Authorization: Bearer <token>" (repeatable)
  --server-delay-ms <n>   processing time per request before the first byte (default 0)
  --answer-ms <n>         every chat answer takes this long to generate, the connection staying alive (default 0)
  --tokens-per-second <n> generation pace of chat answers (streams send their frames at this pace)
  --control               serve GET /__emulator/stats, GET /__emulator/requests, POST /__emulator/reset
  --script <file.json>    scripted replies: { "scripts": [ { "match": ..., "reply": ... } ] } (see README)
  --help                  show this text`;

/** Default port of the CLI (the library default is 0). */
export const CLI_DEFAULT_PORT = 4000;

/** What the command line asks for. */
export interface CliArgs {
  /** `--help`: print usage and exit. */
  help: boolean;
  /** Options for `startEmulator`. */
  options: EmulatorOptions;
  /** `--script`: the reply-script file to load before listening. */
  scriptFile?: string;
}

function numberOption(issues: EmulatorOptionIssue[], field: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || raw.trim() === '') {
    issues.push({ field, problem: `expected a number >= 0, got "${raw}"` });
  }
  return value;
}

/** Parses CLI arguments; throws one `EmulatorOptionsError` naming every bad argument. */
export function parseCliArgs(argv: string[]): CliArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        tls: { type: 'boolean' },
        'rtt-ms': { type: 'string' },
        auth: { type: 'string' },
        'bearer-token': { type: 'string', multiple: true },
        'server-delay-ms': { type: 'string' },
        'answer-ms': { type: 'string' },
        'tokens-per-second': { type: 'string' },
        control: { type: 'boolean' },
        script: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new EmulatorOptionsError('argv', `${(error as Error).message}; see --help`);
  }
  const issues: EmulatorOptionIssue[] = [];
  const auth = values.auth ?? 'sigv4';
  if (auth !== 'sigv4' && auth !== 'none') issues.push({ field: '--auth', problem: `expected sigv4 or none, got "${auth}"` });
  const port = numberOption(issues, '--port', values.port, CLI_DEFAULT_PORT);
  if (!issues.some((i) => i.field === '--port') && (!Number.isInteger(port) || port > 65535)) {
    issues.push({ field: '--port', problem: `expected an integer 0..65535, got "${values.port}"` });
  }
  const rttMs = numberOption(issues, '--rtt-ms', values['rtt-ms'], 0);
  const serverDelayMs = numberOption(issues, '--server-delay-ms', values['server-delay-ms'], 0);
  const answerMs = values['answer-ms'] === undefined ? undefined : numberOption(issues, '--answer-ms', values['answer-ms'], 0);
  const tokensPerSecond = values['tokens-per-second'] === undefined ? undefined : numberOption(issues, '--tokens-per-second', values['tokens-per-second'], 0);
  if (tokensPerSecond === 0) issues.push({ field: '--tokens-per-second', problem: 'expected a number > 0, got "0"' });
  const generationPace = { ...(answerMs !== undefined ? { answerMs } : {}), ...(tokensPerSecond !== undefined ? { tokensPerSecond } : {}) };
  const bearerTokens = values['bearer-token'] ?? [];
  // Never echo the token itself: an empty one is the only way to get it wrong here.
  bearerTokens.forEach((token, i) => token.trim() === '' && issues.push({ field: '--bearer-token', problem: `token ${i + 1} is empty` }));
  if (values.script !== undefined && values.script.trim() === '') issues.push({ field: '--script', problem: 'expected a path to a JSON file' });
  if (issues.length > 0) throw EmulatorOptionsError.fromIssues(issues);
  return {
    help: values.help ?? false,
    options: {
      port,
      tls: values.tls ?? false,
      rttMs,
      auth: auth as 'sigv4' | 'none',
      serverDelayMs,
      ...(bearerTokens.length > 0 ? { bearerTokens } : {}),
      ...(values.control ? { control: true } : {}),
      ...(Object.keys(generationPace).length > 0 ? { faults: { generationPace } } : {}),
    },
    ...(values.script !== undefined ? { scriptFile: values.script } : {}),
  };
}
