import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorCredentials } from '@bedrock-flow/emulator';

/** A temp AWS config whose profiles run a credential_process script that counts its own invocations. */
export interface CountingProfiles {
  configFile: string;
  credentialsFile: string;
  /** Invocations so far, read from the script's counter file. */
  invocations(): number;
  remove(): void;
}

const SCRIPT = `
const fs = require('node:fs');
const [counterFile, lifetimeMs, accessKeyId, secretAccessKey] = process.argv.slice(2);
let count = 0;
try { count = Number(fs.readFileSync(counterFile, 'utf8')) || 0; } catch {}
fs.writeFileSync(counterFile, String(count + 1));
process.stdout.write(JSON.stringify({
  Version: 1,
  AccessKeyId: accessKeyId,
  SecretAccessKey: secretAccessKey,
  Expiration: new Date(Date.now() + Number(lifetimeMs)).toISOString(),
}));
`;

/** Writes the script and a config with one profile per entry of `lifetimes` (profile name -> credential lifetime ms). */
export function writeCountingProfiles(credentials: EmulatorCredentials, lifetimes: Record<string, number>): CountingProfiles {
  const dir = mkdtempSync(join(tmpdir(), 'bedrock-pool-cred-'));
  const script = join(dir, 'credential-process.cjs');
  const counter = join(dir, 'invocations');
  writeFileSync(script, SCRIPT);
  const profiles = Object.entries(lifetimes).map(
    ([name, lifetimeMs]) =>
      `[profile ${name}]\ncredential_process = "${process.execPath}" "${script}" "${counter}" ${lifetimeMs} ${credentials.accessKeyId} ${credentials.secretAccessKey}\n`,
  );
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  writeFileSync(configFile, profiles.join('\n'));
  writeFileSync(credentialsFile, '');
  return {
    configFile,
    credentialsFile,
    invocations: () => {
      try {
        return Number(readFileSync(counter, 'utf8')) || 0;
      } catch {
        return 0;
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
