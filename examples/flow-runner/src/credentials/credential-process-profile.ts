import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Keys the `credential_process` prints: fixed ones (emulator) or, when omitted, the parent's `AWS_*` environment. */
export interface ProcessCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A temporary AWS config whose profiles get their keys from a counting `credential_process`. */
export interface CredentialProcessProfiles {
  /** Temp `config` file; point `AWS_CONFIG_FILE` at it. */
  configFile: string;
  /** Empty temp `credentials` file; point `AWS_SHARED_CREDENTIALS_FILE` at it so `~/.aws` is not read. */
  credentialsFile: string;
  /** Profile name for `label` (one profile and counter per label, so modes never share a count). */
  profile(label: string): string;
  /** Times the process ran for `label` so far. */
  invocations(label: string): Promise<number>;
  /** Deletes the temp directory. Idempotent. */
  dispose(): Promise<void>;
}

/**
 * The process: appends one byte to its counter file (so concurrent runs never lose a count), then
 * prints the credential_process JSON (Version 1, no Expiration: the SDK treats the keys as static).
 */
const SCRIPT = `'use strict';
const fs = require('node:fs');
const [counterFile, keysFile] = process.argv.slice(2);
fs.appendFileSync(counterFile, '.');
const keys = keysFile ? JSON.parse(fs.readFileSync(keysFile, 'utf8')) : {
  accessKeyId: process.env.AWS_ACCESS_KEY_ID,
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
  sessionToken: process.env.AWS_SESSION_TOKEN,
};
const out = { Version: 1, AccessKeyId: keys.accessKeyId, SecretAccessKey: keys.secretAccessKey };
if (keys.sessionToken) out.SessionToken = keys.sessionToken;
process.stdout.write(JSON.stringify(out));
`;

const quote = (path: string): string => `"${path.replaceAll('"', '\\"')}"`;

/**
 * Writes a temp AWS config with one `credential_process` profile per label (`bedrock-flow-demo-<label>`),
 * each running a tiny node script that counts its invocations in a file. Keys come from `keys`
 * (stored in a 0600 file, never on the command line) or, when omitted, from the `AWS_*` variables the
 * SDK passes down to the process.
 */
export async function createCredentialProcessProfiles(labels: readonly string[], keys?: ProcessCredentials): Promise<CredentialProcessProfiles> {
  const dir = await mkdtemp(join(tmpdir(), 'bedrock-flow-demo-'));
  const script = join(dir, 'credential-process.cjs');
  await writeFile(script, SCRIPT);
  let keysFile: string | undefined;
  if (keys) {
    keysFile = join(dir, 'keys.json');
    await writeFile(keysFile, JSON.stringify(keys), { mode: 0o600 });
    await chmod(keysFile, 0o600);
  }
  const counter = (label: string): string => join(dir, `count-${label}.txt`);
  const profile = (label: string): string => `bedrock-flow-demo-${label}`;
  const sections = labels.map((label) => {
    const args = [quote(process.execPath), quote(script), quote(counter(label)), ...(keysFile ? [quote(keysFile)] : [])];
    return `[profile ${profile(label)}]\ncredential_process = ${args.join(' ')}\n`;
  });
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  await writeFile(configFile, sections.join('\n'));
  await writeFile(credentialsFile, '');
  await Promise.all(labels.map((label) => writeFile(counter(label), '')));
  let disposed = false;
  return {
    configFile,
    credentialsFile,
    profile,
    invocations: async (label) => (await readFile(counter(label), 'utf8')).length,
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
