import { readFile } from 'node:fs/promises';
import { DoctorError } from '../errors/doctor-error';
import { DOCTOR_USAGE, parseDoctorArgs, type DoctorOptions } from '../options/doctor-options';
import { formatDoctorReport } from '../report/format-report';
import { runDoctor } from '../probe/run-doctor';

/** Where the command writes. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

/** The `bedrock-flow` command's usage text. */
export const CLI_USAGE = `bedrock-flow <command>

Commands:
  doctor   time DNS, TCP, TLS, credentials and first byte of a Bedrock Runtime call, cold and warm

${DOCTOR_USAGE}`;

/**
 * Runs `bedrock-flow <argv>` and returns the exit code: `0` both calls answered, `1` a call failed
 * (the timings are still printed), `2` bad usage (nothing sent).
 */
export async function runCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(CLI_USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'doctor') {
    io.err(`Unknown command "${command}".\n\n${CLI_USAGE}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(DOCTOR_USAGE);
    return 0;
  }
  let options: DoctorOptions;
  try {
    const args = parseDoctorArgs(rest);
    const { caFile, ...restArgs } = args;
    options = { ...restArgs, ...(caFile ? { ca: await readCa(caFile) } : {}) };
  } catch (error) {
    if (error instanceof DoctorError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
  const report = await runDoctor(options);
  io.out(formatDoctorReport(report));
  return report.cold.outcome === 'ok' && report.warm.outcome === 'ok' ? 0 : 1;
}

async function readCa(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new DoctorError('ERR_DOCTOR_CA_UNREADABLE', `--ca ${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, '--ca', { cause: error });
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new DoctorError('ERR_DOCTOR_INVALID_OPTION', `--ca ${path}: not a PEM certificate (no "-----BEGIN CERTIFICATE-----" line).`, '--ca');
  }
  return text;
}
