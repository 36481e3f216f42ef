import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { describeModelId, DoctorError, parseDoctorArgs, runCommand, runDoctor } from '../src';

describe('bedrock-flow doctor against the emulator (TLS)', () => {
  let emulator: RunningEmulator;
  let dir: string;
  let caFile: string;
  const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };

  beforeAll(async () => {
    emulator = await startEmulator({ tls: true });
    dir = mkdtempSync(join(tmpdir(), 'doctor-test-'));
    caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, emulator.ca as string);
    writeFileSync(join(dir, 'credentials'), `[doctor-test]\naws_access_key_id = ${TEST_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${TEST_CREDENTIALS.secretAccessKey}\n`);
    writeFileSync(join(dir, 'config'), '');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
  });

  afterAll(async () => {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
    for (const [name, value] of [['AWS_CONFIG_FILE', saved.config], ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  beforeEach(() => emulator.resetStats());

  it('prints every phase, cold and warm, and the pool settings', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const endpoint = emulator.url.replace('127.0.0.1', 'localhost');
    const code = await runCommand(
      ['doctor', '--region', 'us-east-1', '--endpoint', endpoint, '--model', 'us.anthropic.claude-3-5-haiku-20241022-v1:0', '--ca', caFile, '--profile', 'doctor-test'],
      { out: (t) => out.push(t), err: (t) => err.push(t) },
    );
    const text = out.join('\n');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    // Cold: every network phase measured; warm: the kept-alive socket is reused.
    expect(text).toMatch(/DNS lookup\s+\d+\.\d ms\s+reused/);
    expect(text).toMatch(/TCP connect\s+\d+\.\d ms\s+reused/);
    expect(text).toMatch(/TLS handshake\s+\d+\.\d ms\s+reused/);
    expect(text).toMatch(/credential resolution \+ signing\s+\d+\.\d ms\s+\d+\.\d ms/);
    expect(text).toMatch(/time to first byte\s+\d+\.\d ms\s+\d+\.\d ms/);
    expect(text).toMatch(/total\s+\d+\.\d ms\s+\d+\.\d ms/);
    expect(text).toContain('cross-region inference profile (geography "us", base model anthropic.claude-3-5-haiku-20241022-v1:0)');
    expect(text).toContain('credentials  profile "doctor-test"');
    expect(text).toContain('connections opened: 1, credential resolutions: 1');
    expect(text).toMatch(/transport http1 keep-alive, maxSockets 50, connect timeout 10000 ms, idle connections closed after 180000 ms/);
    expect(text).toContain('waits: non-streaming answer 900000 ms, stream silence 30000 ms, embedding 30000 ms, other 60000 ms');
    expect(text).toContain('retry adaptive, 3 attempts, not after a generation was sent');
    expect(text).toContain('extra CA yes (--ca)');
    expect(text).not.toContain(TEST_CREDENTIALS.secretAccessKey);
    const stats = emulator.stats();
    expect(stats.tls.handshakes).toBe(1);
    expect(stats.requests.byOperation['Converse']).toBe(2);
  });

  it('reports a failed call with its timings and exits 1', async () => {
    emulator.setFaults({ serverError: { status: 500, count: 100 } });
    try {
      const report = await runDoctor({ region: 'us-east-1', endpoint: emulator.url, model: 'anthropic.claude-3-haiku-20240307-v1:0', ca: emulator.ca as string, profile: 'doctor-test' });
      expect(report.cold.outcome).toMatch(/^InternalServerException \(HTTP 500\)/);
      // Adaptive retry, 3 attempts: the doctor shows them.
      expect(report.cold.attempts).toBe(3);
      expect(report.cold.dns).toBe('skipped (IP address)');
      expect(typeof report.cold.tls).toBe('number');
      expect(report.model.crossRegionProfile).toBe(false);
    } finally {
      emulator.setFaults({});
    }
  });
});

describe('doctor flags', () => {
  it('rejects a missing --region, a bad region, an unknown flag and an unreadable --ca before any call', async () => {
    expect(() => parseDoctorArgs(['--model', 'x'])).toThrow(expect.objectContaining({ code: 'ERR_DOCTOR_INVALID_OPTION', option: '--region' }));
    expect(() => parseDoctorArgs(['--region', 'mars', '--model', 'x'])).toThrow(/not an AWS region name/);
    expect(() => parseDoctorArgs(['--region', 'us-east-1', '--model', 'x', '--port', '1'])).toThrow(DoctorError);
    expect(() => parseDoctorArgs(['--region', 'us-east-1', '--model', 'x', '--endpoint', 'ftp://h'])).toThrow(expect.objectContaining({ option: '--endpoint' }));
    expect(parseDoctorArgs(['--region=eu-west-1', '--model', 'm', '--profile', 'p'])).toEqual({ region: 'eu-west-1', model: 'm', profile: 'p' });
    const err: string[] = [];
    const code = await runCommand(['doctor', '--region', 'us-east-1', '--model', 'm', '--ca', '/nonexistent/ca.pem'], { out: () => undefined, err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err[0]).toMatch(/--ca \/nonexistent\/ca\.pem: cannot read the file \(ENOENT\)/);
  });

  it('describes model ids', () => {
    expect(describeModelId('eu.amazon.nova-pro-v1:0')).toMatchObject({ crossRegionProfile: true, geography: 'eu', baseModelId: 'amazon.nova-pro-v1:0' });
    expect(describeModelId('us-gov.anthropic.claude-3-haiku-20240307-v1:0').geography).toBe('us-gov');
    expect(describeModelId('arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0')).toMatchObject({ arn: true, crossRegionProfile: true, geography: 'us' });
    expect(describeModelId('anthropic.claude-3-haiku-20240307-v1:0')).toMatchObject({ crossRegionProfile: false, arn: false });
  });
});
