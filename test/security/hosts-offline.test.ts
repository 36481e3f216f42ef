/**
 * The test suite sends nothing off the machine (issue 21): `pnpm test` runs jest in a loopback-only network namespace
 * (scripts/in-offline-namespace.sh), and every host launcher refuses to start outside one. This file proves, from
 * inside, that a host process cannot resolve a public name or connect to a public address (it fails at once: there
 * is no route, nothing waits for a timeout), that Chromium as the tests launch it cannot load a public address, and
 * that the driver (this jest worker), the emulator and the hosts still reach each other over loopback.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { CHROMIUM_NO_NAME_RESOLUTION, CHROMIUM_OFFLINE_ARGS } from '../support/chromium-offline-args';
import {
  ALLOW_HOST_NETWORK_ENV,
  currentInterfaces,
  HostNetworkNotIsolatedError,
  interfacesOf,
  isLoopbackOnly,
  requireLoopbackOnlyNetwork,
} from '../support/loopback-only-network';
import { offMachineRecorderEnv, readOffMachineCalls } from '../support/off-machine-calls';
import { redisUnavailable, startRedisServer, type RunningRedis } from '../support/redis-server';

const run = promisify(execFile);

/** Public names and addresses a phone-home would use (n8n's API, a public resolver, its IPv6 twin). */
const PUBLIC_NAME = 'api.n8n.io';
const PUBLIC_IPV4 = '1.1.1.1';
const PUBLIC_IPV6 = '2606:4700:4700::1111';
/** Bound on each probe in the host process: far above "fails at once", so only a real route could reach it. */
const PROBE_TIMEOUT_MS = 5_000;

/**
 * What a Node host (n8n and Node-RED are Node processes) sees when it calls out: each probe's error code, or
 * `CONNECTED` / `RESOLVED` / `TIMEOUT`. Runs as a child process of this worker, so in its namespace.
 */
const CALL_OUT_SCRIPT = `
const dns = require('node:dns');
const net = require('node:net');
const timeout = ${PROBE_TIMEOUT_MS};
const bounded = (start) => new Promise((resolve) => {
  const timer = setTimeout(() => resolve('TIMEOUT'), timeout);
  start((outcome) => { clearTimeout(timer); resolve(outcome); });
});
const connect = (host) => bounded((done) => {
  const socket = net.connect({ host, port: 443 });
  socket.once('connect', () => { socket.destroy(); done('CONNECTED'); });
  socket.once('error', (error) => done(error.code));
});
(async () => {
  const out = {
    lookup: await bounded((done) => dns.lookup(${JSON.stringify(PUBLIC_NAME)}, (error) => done(error ? error.code : 'RESOLVED'))),
    resolve4: await bounded((done) => { const r = new dns.Resolver({ timeout: 1000, tries: 1 }); r.resolve4(${JSON.stringify(PUBLIC_NAME)}, (error) => done(error ? error.code : 'RESOLVED')); }),
    connect4: await connect(${JSON.stringify(PUBLIC_IPV4)}),
    connect6: await connect(${JSON.stringify(PUBLIC_IPV6)}),
  };
  process.stdout.write(JSON.stringify(out));
})();
`;

/** A child process (a stand-in for a host) that HEADs the emulator and PINGs redis, printing what each answered. */
const REACH_SCRIPT = `
const net = require('node:net');
const [emulatorUrl, redisPort] = process.argv.slice(1);
const ping = () => new Promise((resolve, reject) => {
  const socket = net.connect(Number(redisPort), '127.0.0.1', () => socket.write('PING\\r\\n'));
  socket.once('data', (data) => { socket.destroy(); resolve(data.toString().trim()); });
  socket.once('error', reject);
});
(async () => {
  const emulator = await fetch(emulatorUrl + '/ping', { method: 'HEAD' });
  process.stdout.write(JSON.stringify({ emulatorStatus: emulator.status, redis: await ping() }));
})();
`;

const optedOut = !isLoopbackOnly() && process.env[ALLOW_HOST_NETWORK_ENV] === '1';
if (optedOut) {
  console.warn(`\n*** WARNING: ${ALLOW_HOST_NETWORK_ENV}=1 and this jest run is not in a loopback-only network namespace: the proof that hosts cannot reach off the machine is SKIPPED. ***\n`);
}

(optedOut ? describe.skip : describe)('inside the tests\' loopback-only network namespace', () => {
  let scratch = '';
  // Outside a namespace the probes below would really call out: refuse before any of them runs.
  beforeAll(() => {
    requireLoopbackOnlyNetwork('the offline proof (it probes public addresses)');
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bedrock-flow-offline-'));
  });
  afterAll(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('this jest worker (the driver, and Node-RED\'s in-process runtime) has no interface but lo', () => {
    expect(currentInterfaces()).toEqual(['lo']);
  });

  it(`a host process cannot resolve ${PUBLIC_NAME} nor connect to ${PUBLIC_IPV4} or ${PUBLIC_IPV6}: every probe fails at once`, async () => {
    const recorded = path.join(scratch, 'call-out.jsonl');
    const { stdout } = await run(process.execPath, ['-e', CALL_OUT_SCRIPT], { timeout: 4 * PROBE_TIMEOUT_MS + 10_000, env: { ...process.env, ...offMachineRecorderEnv(recorded) } });
    const outcome = JSON.parse(stdout) as Record<string, string>;
    // The recorder the n8n and Node-RED launchers preload saw each attempt that goes through Node's net and dns.lookup.
    expect(readOffMachineCalls(recorded).map((call) => `${call.kind} ${call.host}`).sort()).toEqual([`connect ${PUBLIC_IPV4}`, `connect ${PUBLIC_IPV6}`, `lookup ${PUBLIC_NAME}`]);
    // getaddrinfo cannot reach the resolver in /etc/resolv.conf (EAI_AGAIN); c-ares gets its UDP send refused.
    expect(['EAI_AGAIN', 'ENOTFOUND']).toContain(outcome.lookup);
    expect(['ECONNREFUSED', 'ENOTFOUND', 'ESERVFAIL', 'ETIMEOUT']).toContain(outcome.resolve4);
    expect(outcome.connect4).toBe('ENETUNREACH');
    expect(outcome.connect6).toBe('ENETUNREACH');
  });

  it(`Chromium (the browser tests' switches, less its resolver rule) cannot load http://${PUBLIC_IPV4}/ nor http://${PUBLIC_NAME}/, and loads a page from the driver`, async () => {
    const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (process.env['BEDROCK_FLOW_SKIP_BROWSER'] === '1') {
      console.warn('WARNING: BEDROCK_FLOW_SKIP_BROWSER=1: the Chromium half of the offline proof is SKIPPED.');
      return;
    }
    if (!fs.existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}: apt-get install -y chromium, set CHROMIUM_PATH, or set BEDROCK_FLOW_SKIP_BROWSER=1.`);
    requireLoopbackOnlyNetwork('Chromium');
    let served = 0;
    const driver = http.createServer((_req, res) => {
      served++;
      res.writeHead(200, { 'content-type': 'text/html' }).end('<title>driver</title>');
    });
    await new Promise<void>((resolve) => driver.listen(0, '127.0.0.1', resolve));
    const { chromium } = await import('playwright-core');
    // Without the resolver rule, so what stops it is the namespace, not the switch.
    const args = CHROMIUM_OFFLINE_ARGS.filter((arg) => arg !== CHROMIUM_NO_NAME_RESOLUTION);
    expect(args).toHaveLength(CHROMIUM_OFFLINE_ARGS.length - 1);
    const browser = await chromium.launch({ executablePath, args });
    try {
      // A fresh page per address, so one navigation's error page never interrupts the next.
      const failureOf = async (url: string) => (await browser.newPage()).goto(url, { timeout: 20_000 }).then(() => 'LOADED', (error: Error) => error.message);
      // Chromium says "no route" as ERR_ADDRESS_UNREACHABLE, or ERR_INTERNET_DISCONNECTED when only loopback is up.
      expect(await failureOf(`http://${PUBLIC_IPV4}/`)).toMatch(/net::ERR_(ADDRESS_UNREACHABLE|INTERNET_DISCONNECTED)/);
      expect(await failureOf(`http://${PUBLIC_NAME}/`)).toMatch(/net::ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED)/);
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(driver.address() as AddressInfo).port}/`, { timeout: 20_000 });
      expect(await page.title()).toBe('driver');
      expect(served).toBeGreaterThanOrEqual(1);
    } finally {
      await browser.close();
      driver.closeAllConnections();
      await new Promise((resolve) => driver.close(resolve));
    }
  }, 60_000);

  describe('the driver, the emulator and the hosts still reach each other on loopback', () => {
    let emu: RunningEmulator;
    let redis: RunningRedis | undefined;
    const redisSkipped = redisUnavailable();

    beforeAll(async () => {
      emu = await startEmulator();
      if (!redisSkipped) redis = await startRedisServer();
    });
    afterAll(async () => {
      await redis?.stop();
      await emu?.close();
    });

    it('driver -> emulator (one Converse through the AWS SDK), driver -> redis-server, host process -> emulator and -> redis-server', async () => {
      const client = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: emu.url, credentials: TEST_CREDENTIALS });
      try {
        const answer = await client.send(new ConverseCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [{ role: 'user', content: [{ text: 'ping' }] }] }));
        expect(answer.output?.message?.content?.[0]?.text).toBe('Echo: ping');
      } finally {
        client.destroy();
      }
      expect(emu.stats().requests.byOperation.Converse).toBe(1);
      if (redisSkipped) {
        console.warn(`WARNING: the redis-server half of the loopback reachability check is SKIPPED: ${redisSkipped}`);
        return;
      }
      const acceptedBefore = emu.stats().connections.accepted;
      const recorded = path.join(scratch, 'reach.jsonl');
      const { stdout } = await run(process.execPath, ['-e', REACH_SCRIPT, emu.url, String(redis!.port)], { timeout: 20_000, env: { ...process.env, ...offMachineRecorderEnv(recorded) } });
      expect(JSON.parse(stdout)).toEqual({ emulatorStatus: expect.any(Number), redis: '+PONG' });
      expect(readOffMachineCalls(recorded)).toEqual([]); // loopback is not "off the machine"
      expect(fs.existsSync(recorded)).toBe(false);
      expect(emu.stats().connections.accepted - acceptedBefore).toBe(1);
      expect(emu.stats().requests.nonModel).toBe(1);
    });
  });
});

describe('the host launchers\' guard (requireLoopbackOnlyNetwork)', () => {
  const PROC_NET_DEV = [
    'Inter-|   Receive                                                |  Transmit',
    ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
    '    lo:    3193      40    0    0    0     0          0         0     3193      40    0    0    0     0       0          0',
    '  eth0: 1537657887 1000  0    0    0     0          0         0     1000      10    0    0    0     0       0          0',
    '',
  ].join('\n');

  it('reads every interface of the namespace from /proc/self/net/dev, with or without an address', () => {
    expect(interfacesOf(PROC_NET_DEV)).toEqual(['lo', 'eth0']);
  });

  it('lets a host start when lo is the only interface', () => {
    expect(() => requireLoopbackOnlyNetwork('n8n', ['lo'], {})).not.toThrow();
  });

  it('refuses a host on the machine\'s network, naming the interfaces, the script to run and the opt-out', () => {
    const error = (() => {
      try {
        requireLoopbackOnlyNetwork('n8n', ['lo', 'eth0'], {});
      } catch (caught) {
        return caught;
      }
      throw new Error('requireLoopbackOnlyNetwork did not throw');
    })() as HostNetworkNotIsolatedError;
    expect(error).toBeInstanceOf(HostNetworkNotIsolatedError);
    expect(error.code).toBe('HOST_NETWORK_NOT_ISOLATED');
    expect(error.field).toBe(ALLOW_HOST_NETWORK_ENV);
    expect(error.message).toContain('n8n must start in a loopback-only network namespace');
    expect(error.message).toContain('interfaces lo, eth0');
    expect(error.message).toContain('scripts/in-offline-namespace.sh');
    expect(error.message).toContain(`${ALLOW_HOST_NETWORK_ENV}=1`);
  });

  it('refuses where network namespaces do not exist (no /proc/self/net/dev)', () => {
    expect(() => requireLoopbackOnlyNetwork('redis-server', null, {})).toThrow(/Linux-only/);
  });

  it(`with ${ALLOW_HOST_NETWORK_ENV}=1 lets the host start and says so, once per host`, () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      requireLoopbackOnlyNetwork('Chromium (opt-out check)', ['lo', 'eth0'], { [ALLOW_HOST_NETWORK_ENV]: '1' });
      requireLoopbackOnlyNetwork('Chromium (opt-out check)', ['lo', 'eth0'], { [ALLOW_HOST_NETWORK_ENV]: '1' });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toContain(`${ALLOW_HOST_NETWORK_ENV}=1: Chromium (opt-out check) starts on this machine's network, NOT in a loopback-only namespace`);
    } finally {
      warn.mockRestore();
    }
  });
});
