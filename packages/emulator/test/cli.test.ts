import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { parseCliArgs } from '../src/cli/parse-cli-args';
import { shellQuote } from '../src/cli/connection-lines';
import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';

const TSX = join(__dirname, '../../../node_modules/.bin/tsx');
const CLI = join(__dirname, '../src/cli.ts');

/** Starts the CLI from source; resolves with the banner once it says it is ready. */
function startCli(args: string[]): { child: ReturnType<typeof spawn>; ready: Promise<string>; exited: Promise<{ code: number | null; output: string }> } {
  const child = spawn(TSX, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; output: string }>((resolve) => child.once('exit', (code) => resolve({ code, output })));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => output.includes('Press Ctrl+C to stop.') && resolve(output));
    void exited.then(({ code }) => reject(new Error(`cli exited early with ${code}: ${output}`)));
  });
  // A test that expects the CLI to exit never awaits `ready`; its rejection is not a failure then.
  ready.catch(() => undefined);
  return { child, ready, exited };
}

/** The `export NAME=value` lines of the banner, as a record. */
function exportsOf(banner: string): Record<string, string> {
  return Object.fromEntries([...banner.matchAll(/^ {2}export (\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
}

function getJson(url: string, ca: string, method = 'GET'): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    https
      .request(url, { ca, agent: false, method }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      })
      .on('error', reject)
      .end();
  });
}

describe('bedrock-emulator CLI', () => {
  it('parses options with documented defaults', () => {
    expect(parseCliArgs([]).options).toEqual({ port: 4000, tls: false, rttMs: 0, auth: 'sigv4', serverDelayMs: 0 });
    expect(
      parseCliArgs(['--port', '0', '--tls', '--rtt-ms', '20', '--auth', 'none', '--server-delay-ms', '5', '--control', '--bearer-token', 'a', '--bearer-token', 'b', '--script', 's.json']),
    ).toEqual({
      help: false,
      options: { port: 0, tls: true, rttMs: 20, auth: 'none', serverDelayMs: 5, control: true, bearerTokens: ['a', 'b'] },
      scriptFile: 's.json',
    });
    expect(parseCliArgs(['--help']).help).toBe(true);
    expect(parseCliArgs(['--answer-ms', '70000']).options.faults).toEqual({ generationPace: { answerMs: 70000 } });
    expect(parseCliArgs(['--tokens-per-second', '30', '--answer-ms', '0']).options.faults).toEqual({ generationPace: { answerMs: 0, tokensPerSecond: 30 } });
  });

  it('rejects bad arguments with one coded error naming every bad option', () => {
    expect(() => parseCliArgs(['--auth', 'basic'])).toThrow(expect.objectContaining({ code: 'ERR_EMULATOR_INVALID_OPTION', field: '--auth' }));
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow(expect.objectContaining({ field: '--port' }));
    expect(() => parseCliArgs(['--port', '70000'])).toThrow(expect.objectContaining({ field: '--port', message: expect.stringContaining('0..65535') }));
    expect(() => parseCliArgs(['--bogus'])).toThrow(expect.objectContaining({ field: 'argv' }));
    expect(() => parseCliArgs(['--tokens-per-second', '0'])).toThrow(expect.objectContaining({ field: '--tokens-per-second', message: expect.stringContaining('> 0') }));
    expect(() => parseCliArgs(['--answer-ms', '70s'])).toThrow(expect.objectContaining({ field: '--answer-ms' }));
    expect(() => parseCliArgs(['--port', 'x', '--rtt-ms=-3', '--bearer-token', ' '])).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ field: '--port' }), expect.objectContaining({ field: '--rtt-ms' }), expect.objectContaining({ field: '--bearer-token' })] }),
    );
  });

  it('quotes shell values only when needed', () => {
    expect(shellQuote('https://127.0.0.1:4000')).toBe('https://127.0.0.1:4000');
    expect(shellQuote('emulatorSecretKey/NotForAws/0000000000001')).toBe('emulatorSecretKey/NotForAws/0000000000001');
    expect(shellQuote("it's here")).toBe(`'it'\\''s here'`);
  });

  it('prints everything a client needs, serves it, loads a script file, exposes control routes, and exits on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-cli-test-'));
    const scriptPath = join(dir, 'replies.json');
    writeFileSync(scriptPath, JSON.stringify({ scripts: [{ match: 'anthropic', reply: { text: 'Scripted from a file.' } }] }));
    const { child, ready, exited } = startCli(['--port', '0', '--tls', '--control', '--script', scriptPath, '--bearer-token', 'cli-test-api-key']);
    try {
      const banner = await ready;
      const env = exportsOf(banner);
      const url = /listening on (https:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
      expect(env).toEqual({
        AWS_ENDPOINT_URL_BEDROCK_RUNTIME: url,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
        NODE_EXTRA_CA_CERTS: expect.stringMatching(/ca\.pem$/),
        AWS_CA_BUNDLE: env['NODE_EXTRA_CA_CERTS'],
        // Host credentials (these exports) reach a loopback endpoint only when the operator allows it.
        BEDROCK_FLOW_ALLOWED_ENDPOINTS: new URL(url!).host,
      });
      expect(banner).toContain(`secret access key: ${TEST_CREDENTIALS.secretAccessKey}`);
      expect(banner).toContain('bearer token:      cli-test-api-key');
      expect(banner).toContain('# export AWS_BEARER_TOKEN_BEDROCK=cli-test-api-key');
      expect(banner).toContain(`reply scripts:     1 from ${scriptPath}`);
      expect(banner).toContain(`control:           GET ${url}/__emulator/stats`);
      const caPath = /CA certificate: (\S+)/.exec(banner)?.[1];
      expect(caPath).toBe(env['NODE_EXTRA_CA_CERTS']);
      const ca = readFileSync(caPath!, 'utf8');
      expect(ca).toContain('BEGIN CERTIFICATE');

      // A client configured only from the printed values gets the scripted reply.
      const agent = new https.Agent({ keepAlive: true, ca });
      const client = new BedrockRuntimeClient({
        region: env['AWS_REGION'],
        endpoint: env['AWS_ENDPOINT_URL_BEDROCK_RUNTIME'],
        credentials: { accessKeyId: env['AWS_ACCESS_KEY_ID']!, secretAccessKey: env['AWS_SECRET_ACCESS_KEY']! },
        requestHandler: new NodeHttpHandler({ httpsAgent: agent }),
      });
      try {
        const out = await client.send(
          new ConverseCommand({ modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0', messages: [{ role: 'user', content: [{ text: 'hi' }] }] }),
        );
        expect(out.output?.message?.content?.[0]?.text).toBe('Scripted from a file.');
      } finally {
        client.destroy();
        agent.destroy();
      }

      const stats = await getJson(`${url}/__emulator/stats`, ca);
      expect([stats.status, stats.body.requests.total, stats.body.requests.byOperation]).toEqual([200, 1, { Converse: 1 }]);
      const log = await getJson(`${url}/__emulator/requests`, ca);
      expect(log.body.map((e: { lastUserText: string }) => e.lastUserText)).toEqual(['hi']);
      expect((await getJson(`${url}/__emulator/reset`, ca, 'POST')).body).toEqual({ reset: true });
      expect((await getJson(`${url}/__emulator/stats`, ca)).body.requests.total).toBe(0);

      child.kill('SIGTERM');
      expect((await exited).code).toBe(0);
      expect(existsSync(caPath!)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bad script file before listening, naming the bad entries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-cli-test-'));
    const scriptPath = join(dir, 'bad.json');
    writeFileSync(scriptPath, JSON.stringify({ scripts: [{ match: 'anthropic', reply: { txt: 'typo' } }] }));
    try {
      const { child, exited } = startCli(['--port', '0', '--script', scriptPath]);
      const { code, output } = await exited;
      expect(child.exitCode ?? code).toBe(2);
      expect(output).toContain('invalid reply script');
      expect(output).toContain('scripts[0].reply.txt: is not allowed');
      expect(output).not.toContain('listening');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
