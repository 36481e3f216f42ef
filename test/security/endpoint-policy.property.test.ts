import { isIP } from 'node:net';
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { BedrockPool, ConfigValidationError, EndpointNotAllowedError, type ClientConfig } from '@bedrock-flow/bedrock-pool';
import fc from 'fast-check';
import { withHostEnvironment } from './support/host-environment';
import { installLoopbackGuard, type LoopbackGuard } from './support/loopback-guard';

/**
 * A property over generated endpoint URLs full of tricks (user info, IDN, IP literals in decimal/octal/hex/IPv6 forms,
 * trailing dots, ports, mixed case, look-alike suffixes, AWS names in paths, backslashes, percent-encoding): whenever
 * the pool's policy lets host-provided credentials go to a URL (default policy, plus an operator who allows the local
 * emulator's loopback names `127.0.0.1`, `localhost`, `[::1]`, as the emulator CLI suggests), the place the SDK actually connects to (seen
 * by the loopback guard, which refuses every connect during the run, so nothing is sent) is an AWS Bedrock Runtime
 * host or loopback. The oracle below is written independently of the policy's own matcher.
 */

const SUFFIXES = ['amazonaws.com', 'api.aws', 'amazonaws.com.cn', 'api.amazonwebservices.com.cn', 'amazonaws.eu', 'api.amazonwebservices.eu', 'c2s.ic.gov', 'api.aws.ic.gov', 'sc2s.sgov.gov', 'api.aws.scloud', 'cloud.adc-e.uk', 'api.cloud-aws.adc-e.uk', 'csp.hci.ic.gov', 'api.aws.hci.ic.gov'];

/** Independent oracle: is `host` (as handed to the socket) an AWS Bedrock Runtime name or this machine? */
function connectTargetIsTrusted(raw: string): boolean {
  const absolute = raw.endsWith('.');
  const host = raw.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  // `localhost.` is answered by DNS, not /etc/hosts: not this machine.
  if (host === 'localhost') return !absolute;
  if (isIP(host) === 4) return host.split('.')[0] === '127';
  if (isIP(host) === 6) return host === '::1';
  const labels = host.split('.');
  const vpce = labels[0]?.startsWith('vpce-') ?? false;
  const rest = vpce ? labels.slice(1) : labels;
  if (rest[0] !== 'bedrock-runtime' && !(rest[0] === 'bedrock-runtime-fips' && !vpce)) return false;
  if (!/^[a-z]+(-[a-z]+)+-\d+$/.test(rest[1] ?? '')) return false;
  const suffix = rest.slice(vpce ? 3 : 2).join('.');
  return (!vpce || rest[2] === 'vpce') && SUFFIXES.includes(suffix);
}

const region = fc.constantFrom('us-east-1', 'eu-west-3', 'us-gov-west-1', 'cn-north-1', 'eusc-de-east-1', 'us-isob-east-1');
const awsHost = fc
  .tuple(fc.constantFrom('', 'vpce-0abc123-xyz.'), fc.constantFrom('bedrock-runtime', 'bedrock-runtime-fips'), region, fc.constantFrom('', 'vpce.'), fc.constantFrom(...SUFFIXES))
  .map(([vpce, service, r, vpceLabel, suffix]) => `${vpce}${service}.${r}.${vpce ? 'vpce.' : vpceLabel}${suffix}`);

/** Changes a host the way attackers and sloppy users do. */
const mangle = fc.constantFrom<(host: string) => string>(
  (h) => h,
  (h) => h.toUpperCase(),
  (h) => h.replace(/a/, 'A'),
  (h) => `${h}.`,
  (h) => `${h}..`,
  (h) => `${h}.evil.example`,
  (h) => `${h}-evil.example`,
  (h) => `evil${h}`,
  (h) => `x.${h}`,
  (h) => h.replace('.', '%2E'),
  (h) => h.replace('.', '%2e%2e'),
  (h) => h.replace(/\./g, '\u3002'), // ideographic full stop: IDNA maps it to "."
  (h) => h.replace(/\./, '\uFF0E'), // fullwidth full stop
  (h) => h.replace('a', '\u0430'), // Cyrillic a: punycode, another name
  (h) => h.replace('amazonaws', 'amazonavvs'),
  (h) => h.replace(/\.[^.]+$/, ''),
);

const loopbackOrIp = fc.constantFrom(
  '127.0.0.1', '127.1', '2130706433', '0x7f.1', '0x7f000001', '0177.0.0.1', '127.0.0.1.', '[::1]', '[0:0:0:0:0:0:0:1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]',
  'localhost', 'LocalHost', 'localhost.', 'localhost.evil.example', 'evil.localhost', '0.0.0.0', '0', '10.0.0.1', '167772161', '0xa000001', '169.254.169.254', '[::ffff:10.0.0.1]', '[::ffff:a9fe:a9fe]', '[::]', '[fe80::1]', '[2001:db8::1]', '1.2.3.4',
);
const foreignHost = fc.constantFrom('evil.example', 'amazonaws.com.evil.example', 'bedrock-runtime.us-east-1.amazonaws.com.evil.example', 'xn--bedrock-runtime-abc.example', 'api.aws', 'amazonaws.com', 'abc.execute-api.us-east-1.amazonaws.com', 'bedrock-runtime.s3.amazonaws.com', 'vpce-1.vpce-svc-2.us-east-1.vpce.amazonaws.com');

const host = fc.oneof({ weight: 4, arbitrary: fc.tuple(awsHost, mangle).map(([h, m]) => m(h)) }, { weight: 3, arbitrary: loopbackOrIp }, { weight: 2, arbitrary: foreignHost });
const userinfo = fc.constantFrom('', '', 'user:pass@', 'bedrock-runtime.us-east-1.amazonaws.com@', 'bedrock-runtime.us-east-1.amazonaws.com:443@', '127.0.0.1@', 'localhost:80@');
const port = fc.constantFrom('', '', ':443', ':80', ':4000', ':0443', ':65535');
const path = fc.constantFrom('', '', '/', '/bedrock-runtime.us-east-1.amazonaws.com', '/@evil.example', '\\@evil.example', '\\evil.example', '/%2F%2Fevil.example', '/.././', '#@evil.example', '?host=evil.example');
const scheme = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('https://', 'http://') }, { weight: 1, arbitrary: fc.constantFrom('https:/', 'https:\\\\', 'HTTPS://', 'https:///') });
const url = fc.tuple(scheme, userinfo, host, port, path).map((parts) => parts.join(''));

let guard: LoopbackGuard;
let pool: BedrockPool;
const tally = { urls: 0, refusedByPolicy: 0, refusedByValidation: 0, allowed: 0, connectAttempts: 0, untrustedTargets: 0 };

beforeAll(() => {
  guard = installLoopbackGuard([]);
  guard.refuseAll = true;
  pool = new BedrockPool({ openTelemetry: false, idleTtlMs: 0, releaseGraceMs: 0, endpointPolicy: { allowedHosts: ['127.0.0.1', 'localhost', '[::1]'] }, defaults: { proxy: false, retry: { maxAttempts: 1 }, http: { connectTimeoutMs: 2_000 } } });
});

afterAll(async () => {
  await pool?.destroy();
  guard?.uninstall();
  console.info(
    `endpoint policy property: ${tally.urls} generated URLs: ${tally.refusedByPolicy} refused by the policy, ${tally.refusedByValidation} by config validation, ` +
      `${tally.allowed} allowed with host credentials -> ${tally.connectAttempts} SDK connect attempts, ${tally.untrustedTargets} to a host outside AWS and loopback`,
  );
});

it('no generated URL gets host credentials to a connect target outside AWS Bedrock Runtime and loopback', async () => {
  let next = 0;
  await withHostEnvironment({}, () =>
    fc.assert(
      fc.asyncProperty(url, fc.constantFrom<'http1' | 'http2'>('http1', 'http2'), async (endpoint, transport) => {
        tally.urls += 1;
        const identity = { graphId: 'property', nodeId: `n${next++}` };
        // Host-provided keys (no origin mark): what an environment or host variable would give.
        const config: ClientConfig = { region: 'us-east-1', endpoint, transport, credentials: { kind: 'static', accessKeyId: 'AKIAHOSTPROPERTY0001', secretAccessKey: 'hostPropertySecret/0000000000000000000001' } };
        const before = guard.attempts.length;
        let lease;
        try {
          lease = pool.acquire(identity, config);
        } catch (error) {
          if (error instanceof EndpointNotAllowedError) tally.refusedByPolicy += 1;
          else if (error instanceof ConfigValidationError) tally.refusedByValidation += 1;
          else throw error;
          expect(guard.attempts.length).toBe(before);
          return;
        }
        tally.allowed += 1;
        await lease.client.send(new ConverseCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [{ role: 'user', content: [{ text: 'x' }] }] })).catch(() => undefined);
        pool.release(identity);
        const targets = guard.attempts.slice(before);
        tally.connectAttempts += targets.length;
        const untrusted = targets.filter((target) => !connectTargetIsTrusted(target.host));
        tally.untrustedTargets += untrusted.length;
        expect(targets.length).toBeGreaterThan(0);
        expect(untrusted).toEqual([]);
      }),
      { numRuns: 1_000 },
    ),
  );
  // The generators reach every branch: some URLs allowed, some refused by the policy.
  expect(tally.allowed).toBeGreaterThan(100);
  expect(tally.refusedByPolicy).toBeGreaterThan(100);
});

it('the oracle itself tells AWS and loopback from look-alikes', () => {
  for (const trusted of ['bedrock-runtime.us-east-1.amazonaws.com', 'BEDROCK-RUNTIME-FIPS.us-gov-west-1.amazonaws.com.', 'vpce-1-a.bedrock-runtime.us-east-1.vpce.amazonaws.com', '127.0.0.1', '[::1]', 'localhost']) {
    expect(connectTargetIsTrusted(trusted)).toBe(true);
  }
  for (const untrusted of ['evil.example', 'bedrock-runtime.us-east-1.amazonaws.com.evil.example', 'bedrock-runtime.s3.amazonaws.com', 'vpce-1.bedrock-runtime-fips.us-east-1.vpce.amazonaws.com', '10.0.0.1', '0.0.0.0', '::ffff:a00:1', '::ffff:7f00:1', 'localhost.']) {
    expect(connectTargetIsTrusted(untrusted)).toBe(false);
  }
});
