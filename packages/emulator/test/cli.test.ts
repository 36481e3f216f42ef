import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import https from 'node:https';
import { join } from 'node:path';
import { parseCliArgs } from '../src/cli/parse-cli-args';
import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';

describe('bedrock-emulator CLI', () => {
  it('parses options with documented defaults', () => {
    expect(parseCliArgs([]).options).toEqual({ port: 4000, tls: false, rttMs: 0, auth: 'sigv4', serverDelayMs: 0 });
    expect(parseCliArgs(['--port', '0', '--tls', '--rtt-ms', '20', '--auth', 'none', '--server-delay-ms', '5']).options).toEqual({
      port: 0,
      tls: true,
      rttMs: 20,
      auth: 'none',
      serverDelayMs: 5,
    });
    expect(parseCliArgs(['--help']).help).toBe(true);
  });

  it('rejects bad arguments with a coded error naming the option', () => {
    expect(() => parseCliArgs(['--auth', 'basic'])).toThrow(expect.objectContaining({ code: 'EMULATOR_INVALID_OPTION', field: '--auth' }));
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow(expect.objectContaining({ field: '--port' }));
    expect(() => parseCliArgs(['--bogus'])).toThrow(expect.objectContaining({ field: 'argv' }));
  });

  it('prints the URL, key id and CA path (never the secret), serves, and exits on SIGTERM', async () => {
    const tsx = join(__dirname, '../../../node_modules/.bin/tsx');
    const child = spawn(tsx, [join(__dirname, '../src/cli.ts'), '--port', '0', '--tls'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => output.includes('AWS_ENDPOINT_URL_BEDROCK_RUNTIME') && resolve());
        child.once('exit', (code) => reject(new Error(`cli exited early with ${code}: ${output}`)));
      });
      const url = /listening on (https:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const caPath = /CA certificate: (\S+)/.exec(output)?.[1];
      expect(url).toBeDefined();
      expect(output).toContain(TEST_CREDENTIALS.accessKeyId);
      expect(output).not.toContain(TEST_CREDENTIALS.secretAccessKey);
      const ca = readFileSync(caPath!, 'utf8');
      expect(ca).toContain('BEGIN CERTIFICATE');
      const status = await new Promise<number | undefined>((resolve, reject) => {
        https.get(`${url}/ping`, { ca, agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode);
        }).on('error', reject);
      });
      expect(status).toBe(200);
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(existsSync(caPath!)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
