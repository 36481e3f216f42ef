import { createRequire } from 'node:module';
import { EndpointNotAllowedError, type BedrockPool, type BedrockPoolOptions } from '@bedrock-flow/bedrock-pool';

const nodeRequire = createRequire(__filename);
const { poolOptionsFrom, runtimePool, shutDownRuntimePool } = nodeRequire('../nodes/lib/runtime-pool.js') as {
  poolOptionsFrom(settings: unknown, env?: NodeJS.ProcessEnv): BedrockPoolOptions;
  runtimePool(RED: unknown): BedrockPool;
  shutDownRuntimePool(): Promise<void>;
};

const identity = { graphId: 'tab-1', nodeId: 'converse-1' };
/** A node with no config node: the default chain, i.e. host-provided credentials. */
const hostCredentialsTo = (endpoint: string) => ({ region: 'us-east-1', endpoint, proxy: false as const });

describe("Node-RED settings.js: bedrockFlow.endpointPolicy", () => {
  afterEach(() => shutDownRuntimePool());

  it('is read from settings, else from the pool options, else from the BEDROCK_FLOW_* environment', () => {
    const policy = { allowedHosts: ['gateway.corp.example'] };
    expect(poolOptionsFrom({ bedrockFlow: { pool: { releaseGraceMs: 0 }, endpointPolicy: policy } }, {})).toEqual({ releaseGraceMs: 0, endpointPolicy: policy });
    expect(poolOptionsFrom({ bedrockFlow: { pool: { endpointPolicy: policy } } }, { BEDROCK_FLOW_ALLOW_ANY_ENDPOINT: 'true' }).endpointPolicy).toBe(policy);
    expect(poolOptionsFrom({}, { BEDROCK_FLOW_ALLOWED_ENDPOINTS: 'a.corp.example, *.b.corp.example' }).endpointPolicy).toEqual({ allowedHosts: ['a.corp.example', '*.b.corp.example'] });
    expect(poolOptionsFrom(undefined, {}).endpointPolicy).toEqual({});
  });

  it("the runtime's pool refuses host credentials to a foreign endpoint by default, and allows what settings.js allows", async () => {
    expect(() => runtimePool({ settings: {} }).acquire(identity, hostCredentialsTo('https://gateway.corp.example'))).toThrow(EndpointNotAllowedError);
    await shutDownRuntimePool();
    const pool = runtimePool({ settings: { bedrockFlow: { endpointPolicy: { allowedHosts: ['gateway.corp.example'] } } } });
    // acquire makes no network call: the lease exists, nothing is sent.
    expect(pool.acquire(identity, hostCredentialsTo('https://gateway.corp.example')).slotId).toBeDefined();
    expect(() => pool.acquire(identity, hostCredentialsTo('https://attacker.example'))).toThrow(EndpointNotAllowedError);
  });
});
