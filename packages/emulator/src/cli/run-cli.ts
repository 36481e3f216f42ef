import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../start-emulator';
import { TEST_CREDENTIALS } from '../test-credentials';
import { CLI_USAGE, parseCliArgs } from './parse-cli-args';

/**
 * Runs the emulator from the command line until SIGINT/SIGTERM. Prints the URL, the test access
 * key id (never the secret) and, with `--tls`, the path of the CA PEM written to a temp dir.
 */
export async function runCli(argv: string[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<void> {
  const { help, options } = parseCliArgs(argv);
  if (help) {
    out(CLI_USAGE);
    return;
  }
  const emu = await startEmulator(options);
  let caDir: string | undefined;
  let caPath: string | undefined;
  if (emu.ca) {
    caDir = await mkdtemp(join(tmpdir(), 'bedrock-emulator-'));
    caPath = join(caDir, 'ca.pem');
    await writeFile(caPath, emu.ca, { mode: 0o600 });
  }
  out(`Bedrock Runtime emulator listening on ${emu.url}`);
  out(`  auth: ${options.auth}${options.rttMs ? `, rtt: ${options.rttMs} ms` : ''}${options.serverDelayMs ? `, server delay: ${options.serverDelayMs} ms` : ''}`);
  out(`  access key id: ${TEST_CREDENTIALS.accessKeyId}`);
  out(`  secret: import { TEST_CREDENTIALS } from '@bedrock-flow/emulator' (not printed)`);
  if (caPath) out(`  CA certificate: ${caPath}  (e.g. NODE_EXTRA_CA_CERTS=${caPath})`);
  out(`  AWS_ENDPOINT_URL_BEDROCK_RUNTIME=${emu.url}`);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await emu.close();
  if (caDir) await rm(caDir, { recursive: true, force: true });
  out('Bedrock Runtime emulator stopped.');
}
