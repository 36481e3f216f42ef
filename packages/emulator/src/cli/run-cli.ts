import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyReplyScripts, loadReplyScriptFile, type ReplyScriptEntry } from '../control/reply-script-file';
import { startEmulator } from '../start-emulator';
import { TEST_CREDENTIALS } from '../test-credentials';
import { connectionLines } from './connection-lines';
import { CLI_USAGE, parseCliArgs } from './parse-cli-args';

/** The region the banner suggests; the emulator accepts any. */
const SUGGESTED_REGION = 'us-east-1';

/**
 * Runs the emulator from the command line until SIGINT/SIGTERM. Loads `--script` before listening, prints
 * everything a client needs (endpoint, region, test credentials, bearer tokens, CA path and `export`
 * lines), and with `--tls` writes the CA PEM to a temp dir removed on exit.
 */
export async function runCli(argv: string[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<void> {
  const { help, options, scriptFile } = parseCliArgs(argv);
  if (help) {
    out(CLI_USAGE);
    return;
  }
  // A bad script file stops the command before anything listens.
  const scripts: ReplyScriptEntry[] | undefined = scriptFile !== undefined ? await loadReplyScriptFile(scriptFile) : undefined;
  const emu = await startEmulator(options);
  if (scripts) applyReplyScripts(emu, scripts);
  let caDir: string | undefined;
  let caPath: string | undefined;
  if (emu.ca) {
    caDir = await mkdtemp(join(tmpdir(), 'bedrock-emulator-'));
    caPath = join(caDir, 'ca.pem');
    await writeFile(caPath, emu.ca, { mode: 0o600 });
  }
  const lines = connectionLines({
    url: emu.url,
    region: SUGGESTED_REGION,
    credentials: TEST_CREDENTIALS,
    bearerTokens: options.bearerTokens ?? [],
    auth: options.auth ?? 'sigv4',
    ...(caPath ? { caPath } : {}),
    ...(emu.controlUrl ? { controlUrl: emu.controlUrl } : {}),
    ...(scriptFile !== undefined ? { scriptFile, scriptCount: scripts?.length ?? 0 } : {}),
  });
  if (options.rttMs) lines.splice(4, 0, `  latency proxy:     ${options.rttMs} ms round trip`);
  if (options.serverDelayMs) lines.splice(4, 0, `  server delay:      ${options.serverDelayMs} ms per request`);
  out(lines.join('\n'));

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
