import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorCredentials } from '@bedrock-flow/emulator';

/** A temp AWS config with one profile whose `credential_process` prints fixed keys and counts its runs. */
export interface CredentialProcessProfile {
  /** Set `AWS_CONFIG_FILE` to this. */
  configFile: string;
  /** Set `AWS_SHARED_CREDENTIALS_FILE` to this (empty). */
  credentialsFile: string;
  /** Runs of the process so far. */
  runs(): number;
  remove(): void;
}

const SCRIPT = `
const fs = require('node:fs');
const [counter, accessKeyId, secretAccessKey, sessionToken] = process.argv.slice(2);
let runs = 0;
try { runs = Number(fs.readFileSync(counter, 'utf8')) || 0; } catch {}
fs.writeFileSync(counter, String(runs + 1));
process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: accessKeyId, SecretAccessKey: secretAccessKey, SessionToken: sessionToken,
  Expiration: new Date(Date.now() + 3600000).toISOString() }));
`;

/** Writes profile `profile` printing `credentials` (with their session token) from a counting `credential_process`. */
export function writeCredentialProcessProfile(profile: string, credentials: Required<EmulatorCredentials>): CredentialProcessProfile {
  const dir = mkdtempSync(join(tmpdir(), 'bedrock-flow-policy-'));
  const script = join(dir, 'credential-process.cjs');
  const counter = join(dir, 'runs');
  writeFileSync(script, SCRIPT);
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  const args = [counter, credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken].map((arg) => `"${arg}"`).join(' ');
  writeFileSync(configFile, `[profile ${profile}]\ncredential_process = "${process.execPath}" "${script}" ${args}\n`);
  writeFileSync(credentialsFile, '');
  return {
    configFile,
    credentialsFile,
    runs: () => {
      try {
        return Number(readFileSync(counter, 'utf8')) || 0;
      } catch {
        return 0;
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
