import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import {
  ConfigValidationError,
  EndpointNotAllowedError,
  EndpointPolicy,
  endpointPolicyFromEnv,
  isAwsEndpointHost,
  isLoopbackHost,
  parseEndpointTarget,
  type CredentialSource,
  type EndpointPolicyOptions,
} from '../src';

const HOST: CredentialSource = { kind: 'default' };
const HOST_KEYS: CredentialSource = { kind: 'static', accessKeyId: 'AKIAHOST', secretAccessKey: 'host-secret' };
const PROFILE: CredentialSource = { kind: 'profile', profile: 'shared' };
const NODE_KEYS: CredentialSource = { kind: 'static', accessKeyId: 'AKIANODE', secretAccessKey: 'node-secret', origin: 'node' };

/** `undefined` when allowed, else the refusal reason. */
function decision(endpoint: string, credentials: CredentialSource, options: EndpointPolicyOptions = {}): string | undefined {
  try {
    new EndpointPolicy(options).check(endpoint, credentials);
    return undefined;
  } catch (error) {
    if (error instanceof EndpointNotAllowedError) return error.reason;
    throw error;
  }
}

describe('AWS Bedrock Runtime host names', () => {
  it("accepts every endpoint the SDK's own resolver builds, in every partition, with FIPS and dual-stack", () => {
    const regions = ['us-east-1', 'eu-central-2', 'ap-southeast-5', 'mx-central-1', 'us-gov-west-1', 'cn-north-1', 'cn-northwest-1', 'eusc-de-east-1', 'us-iso-east-1', 'us-isob-east-1', 'eu-isoe-west-1', 'us-isof-south-1'];
    const hosts: string[] = [];
    for (const Region of regions) {
      const client = new BedrockRuntimeClient({ region: Region });
      for (const UseFIPS of [false, true]) {
        for (const UseDualStack of [false, true]) {
          const resolved = client.config.endpointProvider({ Region, UseFIPS, UseDualStack }) as { url: URL };
          hosts.push(resolved.url.hostname);
        }
      }
      client.destroy();
    }
    expect(hosts).toHaveLength(regions.length * 4);
    expect(hosts.filter((host) => !isAwsEndpointHost(host))).toEqual([]);
  });

  it.each([
    'vpce-0123456789abcdef0-abcdefgh.bedrock-runtime.us-east-1.vpce.amazonaws.com',
    'vpce-0123456789abcdef0-abcdefgh-us-east-1a.bedrock-runtime.us-east-1.vpce.amazonaws.com',
    'vpce-0a1b2c3d.bedrock-runtime.cn-north-1.vpce.amazonaws.com.cn',
  ])('accepts the VPC endpoint name %s', (host) => {
    expect(isAwsEndpointHost(host)).toBe(true);
  });

  it.each([
    ['API Gateway', 'abc123.execute-api.us-east-1.amazonaws.com'],
    ['a load balancer', 'my-lb-1234.us-east-1.elb.amazonaws.com'],
    ['EC2 public DNS', 'ec2-3-80-1-2.compute-1.amazonaws.com'],
    ['an S3 bucket named bedrock-runtime', 'bedrock-runtime.s3.amazonaws.com'],
    ['an S3 website', 'bedrock-runtime.s3-website-us-east-1.amazonaws.com'],
    ['a PrivateLink service', 'vpce-0abc.vpce-svc-0def.us-east-1.vpce.amazonaws.com'],
    ['a look-alike suffix', 'bedrock-runtime.us-east-1.amazonaws.com.evil.example'],
    ['a look-alike prefix', 'evilbedrock-runtime.us-east-1.amazonaws.com'],
    ['another service', 'sts.us-east-1.amazonaws.com'],
    ['a Lambda function URL', 'abc.lambda-url.us-east-1.on.aws'],
  ])('refuses %s (%s): customers own names there', (_what, host) => {
    expect(isAwsEndpointHost(host)).toBe(false);
  });
});

describe('loopback', () => {
  it.each(['localhost', '127.0.0.1', '127.1.2.3', '::1'])('%s is loopback', (host) => expect(isLoopbackHost(host)).toBe(true));
  it.each(['localhost.evil.example', 'evil.localhost', 'localhost.localdomain', '0.0.0.0', '10.0.0.1', '::', '::ffff:a00:1', '::ffff:7f00:1', '128.0.0.1'])(
    '%s is not (only 127/8, ::1 and exactly localhost count)',
    (host) => expect(isLoopbackHost(host)).toBe(false),
  );

  it('reads the host as WHATWG URL does: decimal, hex and octal forms of 127.0.0.1, upper case, long ::1', () => {
    for (const url of ['http://2130706433', 'http://0x7f.1', 'http://127.1', 'http://0177.0.0.1', 'http://LOCALHOST:4000', 'http://[0:0:0:0:0:0:0:1]']) {
      const target = parseEndpointTarget(url);
      expect(target && !target.absolute && isLoopbackHost(target.host)).toBe(true);
    }
  });

  it('localhost. (trailing dot), localhost.localdomain and the IPv4-mapped form are not loopback: the resolver, not /etc/hosts, answers', () => {
    for (const url of ['http://localhost.:4000', 'http://LOCALHOST.:4000', 'http://localhost.localdomain:4000', 'http://[::ffff:127.0.0.1]:4000']) {
      expect(decision(url, NODE_KEYS)).toBe('cleartext-to-non-loopback-host');
      expect(decision(url.replace('http:', 'https:'), HOST_KEYS)).toBe('host-credentials-to-untrusted-host');
    }
    // An operator's exact `localhost` does not cover the absolute name either.
    expect(decision('https://localhost.:4000', HOST, { allowedHosts: ['localhost:4000'] })).toBe('host-credentials-to-untrusted-host');
    expect(decision('https://localhost:4000', HOST, { allowedHosts: ['localhost:4000'] })).toBeUndefined();
  });
});

describe('default policy decisions', () => {
  const aws = 'https://bedrock-runtime.us-east-1.amazonaws.com';
  it('AWS endpoints take any credentials; the regional default (no endpoint) too', () => {
    for (const credentials of [HOST, HOST_KEYS, PROFILE, NODE_KEYS]) {
      expect(decision(aws, credentials)).toBeUndefined();
      expect(decision('https://bedrock-runtime-fips.us-gov-west-1.amazonaws.com.', credentials)).toBeUndefined();
      expect(() => new EndpointPolicy().check(undefined, credentials)).not.toThrow();
    }
  });

  it('loopback takes credentials typed into the node, never host-provided ones (hosts serve flow-defined routes there)', () => {
    const nodeApiKey = { kind: 'bearer', token: 'node-key', origin: 'node' } as unknown as CredentialSource;
    for (const endpoint of ['http://127.0.0.1:4000', 'https://localhost:4000/prefix', 'http://[::1]:1880/route']) {
      expect(decision(endpoint, NODE_KEYS)).toBeUndefined();
      expect(decision(endpoint, nodeApiKey)).toBeUndefined();
      for (const credentials of [HOST, HOST_KEYS, PROFILE, { kind: 'bearer', token: 't' } as unknown as CredentialSource]) {
        expect(decision(endpoint, credentials)).toBe('host-credentials-to-untrusted-host');
      }
    }
  });

  it('an operator allows a local emulator with allowedHosts (its exact port, or any port without one)', () => {
    for (const credentials of [HOST, HOST_KEYS, PROFILE]) {
      expect(decision('http://127.0.0.1:4000', credentials, { allowedHosts: ['127.0.0.1:4000'] })).toBeUndefined();
      expect(decision('http://127.0.0.1:1880', credentials, { allowedHosts: ['127.0.0.1:4000'] })).toBe('host-credentials-to-untrusted-host');
      expect(decision('http://127.0.0.1:1880', credentials, { allowedHosts: ['127.0.0.1'] })).toBeUndefined();
      expect(decision('http://localhost:4000', credentials, endpointPolicyFromEnv({ BEDROCK_FLOW_ALLOWED_ENDPOINTS: 'localhost:4000' }))).toBeUndefined();
    }
    expect(() => new EndpointPolicy({ allowedHosts: ['127.0.0.1:*'] })).toThrow(/without one, any port/);
  });

  it('another https host: only with credentials typed into the node', () => {
    expect(decision('https://gateway.corp.example', NODE_KEYS)).toBeUndefined();
    expect(decision('https://gateway.corp.example', { kind: 'bearer', token: 'node-key', origin: 'node' } as unknown as CredentialSource)).toBeUndefined();
    for (const credentials of [HOST, HOST_KEYS, PROFILE, { ...NODE_KEYS, origin: 'host' } as CredentialSource, { kind: 'bearer', token: 't' } as unknown as CredentialSource]) {
      expect(decision('https://gateway.corp.example', credentials)).toBe('host-credentials-to-untrusted-host');
    }
  });

  it('http:// only to loopback, even with node credentials (cleartext over the network)', () => {
    expect(decision('http://gateway.corp.example:8080', NODE_KEYS)).toBe('cleartext-to-non-loopback-host');
    expect(decision('http://bedrock-runtime.us-east-1.amazonaws.com', HOST)).toBe('cleartext-to-non-loopback-host');
    expect(decision('http://gateway.corp.example:8080', HOST)).toBe('host-credentials-to-untrusted-host');
  });

  it('URL tricks are read as the SDK reads them', () => {
    expect(decision('https://bedrock-runtime.us-east-1.amazonaws.com@evil.example', HOST)).toBe('host-credentials-to-untrusted-host');
    expect(decision('https://bedrock-runtime.us-east-1.amazonaws.com.evil.example', HOST)).toBe('host-credentials-to-untrusted-host');
    expect(decision('https://evil.example/bedrock-runtime.us-east-1.amazonaws.com', HOST)).toBe('host-credentials-to-untrusted-host');
    // Hosts that are no name at all fail closed.
    expect(decision('https://.', HOST)).toBe('host-credentials-to-untrusted-host');
    expect(decision('not a url', HOST)).toBe('host-credentials-to-untrusted-host');
    expect(decision('https://BEDROCK-RUNTIME.US-EAST-1.AMAZONAWS.COM:443', HOST)).toBeUndefined();
    expect(decision('https://bedrock-runtime%2Eus-east-1.amazonaws.com', HOST)).toBeUndefined();
    // A backslash is a path separator for http(s) in WHATWG URL: the host is the AWS name, as for the SDK.
    expect(decision('https://bedrock-runtime.us-east-1.amazonaws.com\\@evil.example', HOST)).toBeUndefined();
    // Cyrillic "а" in amazonаws: punycode, not AWS.
    expect(decision('https://bedrock-runtime.us-east-1.amazon\u0430ws.com', HOST)).toBe('host-credentials-to-untrusted-host');
  });
});

describe('operator options', () => {
  it('allowedHosts trusts exact names, *.suffix patterns and ports', () => {
    const options = { allowedHosts: ['Gateway.Corp.Example', '*.bedrock.corp.example:8443', '10.0.0.7', '[fd00::7]:9000'] };
    expect(decision('https://gateway.corp.example', HOST, options)).toBeUndefined();
    expect(decision('https://gateway.corp.example:1234', HOST, options)).toBeUndefined();
    expect(decision('https://eu.bedrock.corp.example:8443', HOST, options)).toBeUndefined();
    expect(decision('https://eu.bedrock.corp.example', HOST, options)).toBe('host-credentials-to-untrusted-host');
    expect(decision('https://bedrock.corp.example:8443', HOST, options)).toBe('host-credentials-to-untrusted-host');
    expect(decision('https://gateway.corp.example.evil.example', HOST, options)).toBe('host-credentials-to-untrusted-host');
    expect(decision('https://10.0.0.7', HOST, options)).toBeUndefined();
    expect(decision('https://167772167', HOST, options)).toBeUndefined(); // 10.0.0.7 in decimal
    expect(decision('https://[fd00:0::7]:9000', HOST, options)).toBeUndefined();
    expect(decision('https://[fd00::7]:9001', HOST, options)).toBe('host-credentials-to-untrusted-host');
    // allowedHosts does not lift the cleartext rule.
    expect(decision('http://gateway.corp.example', HOST, options)).toBe('cleartext-to-non-loopback-host');
  });

  it('allowedHttpHosts lifts only the cleartext rule', () => {
    const options = { allowedHttpHosts: ['gateway.corp.example:8080'] };
    expect(decision('http://gateway.corp.example:8080', NODE_KEYS, options)).toBeUndefined();
    expect(decision('http://gateway.corp.example:8080', HOST, options)).toBe('host-credentials-to-untrusted-host');
    expect(decision('http://gateway.corp.example:8080', HOST, { ...options, allowedHosts: ['gateway.corp.example'] })).toBeUndefined();
    expect(decision('http://gateway.corp.example:9090', NODE_KEYS, options)).toBe('cleartext-to-non-loopback-host');
  });

  it('allowAnyEndpoint turns the policy off', () => {
    expect(decision('http://attacker.example', HOST, { allowAnyEndpoint: true })).toBeUndefined();
  });

  it.each([
    [{ allowedHosts: ['https://gateway.corp.example'] }, 'endpointPolicy.allowedHosts[0]'],
    [{ allowedHosts: ['ok.example', '*'] }, 'endpointPolicy.allowedHosts[1]'],
    [{ allowedHosts: ['*.com'] }, 'endpointPolicy.allowedHosts[0]'],
    [{ allowedHttpHosts: ['host.example:99999'] }, 'endpointPolicy.allowedHttpHosts[0]'],
    [{ allowedHosts: 'gateway.corp.example' }, 'endpointPolicy.allowedHosts'],
    [{ allowAnyEndpoint: 'yes' }, 'endpointPolicy.allowAnyEndpoint'],
    [{ allowAnyEndpoints: true }, 'endpointPolicy.allowAnyEndpoints'],
  ])('rejects the bad option %j naming %s', (options, field) => {
    let error: unknown;
    try {
      new EndpointPolicy(options as EndpointPolicyOptions);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as ConfigValidationError).field).toBe(field);
  });
});

describe('the refusal error', () => {
  it('names endpoint_url, the host, why, what is allowed and the pool option; never the URL user info or path', () => {
    let error: unknown;
    try {
      new EndpointPolicy().check('https://user:p4ssw0rd@attacker.example:8443/secret-path?q=1', HOST);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EndpointNotAllowedError);
    const refusal = error as EndpointNotAllowedError;
    expect(refusal.code).toBe('ERR_BEDROCK_POOL_ENDPOINT_NOT_ALLOWED');
    expect(refusal.field).toBe('endpoint_url');
    expect(refusal.host).toBe('attacker.example');
    expect(refusal.endpoint).toBe('https://attacker.example:8443');
    expect(refusal.message).toMatch(/^endpoint_url https:\/\/attacker\.example:8443 is not allowed: host "attacker\.example" is not an AWS Bedrock endpoint,/);
    expect(refusal.message).toContain('default credential chain');
    expect(refusal.message).toContain('endpointPolicy.allowedHosts: ["attacker.example:8443"]');
    expect(refusal.message).toContain('typed into the node');
    for (const hidden of ['user', 'p4ssw0rd', 'secret-path', 'q=1']) expect(refusal.message).not.toContain(hidden);
  });

  it('does not echo a secret-shaped host label (a key pasted into the URL)', () => {
    const secretLike = 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY0000';
    let error: unknown;
    try {
      new EndpointPolicy().check(`https://${secretLike}.attacker.example`, HOST);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EndpointNotAllowedError);
    const refusal = error as EndpointNotAllowedError;
    for (const text of [refusal.message, refusal.host, refusal.endpoint]) expect(text.toLowerCase()).not.toContain(secretLike.toLowerCase());
  });
});

describe('endpointPolicyFromEnv', () => {
  it('reads the three variables', () => {
    expect(endpointPolicyFromEnv({})).toEqual({});
    expect(
      endpointPolicyFromEnv({
        BEDROCK_FLOW_ALLOWED_ENDPOINTS: ' gateway.corp.example:8443, *.bedrock.corp.example ',
        BEDROCK_FLOW_ALLOWED_HTTP_ENDPOINTS: 'proxy.internal:8080',
        BEDROCK_FLOW_ALLOW_ANY_ENDPOINT: 'false',
      }),
    ).toEqual({ allowedHosts: ['gateway.corp.example:8443', '*.bedrock.corp.example'], allowedHttpHosts: ['proxy.internal:8080'] });
    expect(endpointPolicyFromEnv({ BEDROCK_FLOW_ALLOW_ANY_ENDPOINT: 'TRUE' })).toEqual({ allowAnyEndpoint: true });
    expect(() => endpointPolicyFromEnv({ BEDROCK_FLOW_ALLOW_ANY_ENDPOINT: 'maybe' })).toThrow(/BEDROCK_FLOW_ALLOW_ANY_ENDPOINT/);
  });
});
