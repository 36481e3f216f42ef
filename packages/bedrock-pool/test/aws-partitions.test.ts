import { BedrockPool } from '../src';
import { partitionOf, regionalBedrockRuntimeHost } from '../src/config/aws-partitions';

// Region -> the regional Bedrock Runtime host, per the SDK's partition table (dnsSuffix of each partition).
const HOSTS: Array<[region: string, partition: string, host: string]> = [
  ['us-east-1', 'aws', 'bedrock-runtime.us-east-1.amazonaws.com'],
  ['mx-central-1', 'aws', 'bedrock-runtime.mx-central-1.amazonaws.com'],
  ['us-gov-west-1', 'aws-us-gov', 'bedrock-runtime.us-gov-west-1.amazonaws.com'],
  ['cn-northwest-1', 'aws-cn', 'bedrock-runtime.cn-northwest-1.amazonaws.com.cn'],
  ['eusc-de-east-1', 'aws-eusc', 'bedrock-runtime.eusc-de-east-1.amazonaws.eu'],
  ['us-iso-east-1', 'aws-iso', 'bedrock-runtime.us-iso-east-1.c2s.ic.gov'],
  ['us-isob-east-1', 'aws-iso-b', 'bedrock-runtime.us-isob-east-1.sc2s.sgov.gov'],
  ['eu-isoe-west-1', 'aws-iso-e', 'bedrock-runtime.eu-isoe-west-1.cloud.adc-e.uk'],
  ['us-isof-south-1', 'aws-iso-f', 'bedrock-runtime.us-isof-south-1.csp.hci.ic.gov'],
];

describe('AWS partitions', () => {
  test.each(HOSTS)('%s is in %s, served at %s', (region, partition, host) => {
    expect(partitionOf(region)?.id).toBe(partition);
    expect(regionalBedrockRuntimeHost(region)).toBe(host);
  });

  test('a lease without an endpoint targets the partition host (no connection is made by acquire)', async () => {
    const pool = new BedrockPool({ openTelemetry: false });
    try {
      for (const [region, , host] of HOSTS) pool.acquire({ graphId: 'g', nodeId: region }, { region, credentials: { kind: 'bearer', token: 'ABSKcGFydGl0aW9u' } });
      expect(pool.metrics().slots.map((slot) => slot.endpoint)).toEqual(HOSTS.map(([, , host]) => `https://${host}`));
    } finally {
      await pool.destroy();
    }
  });

  test('a custom region name (emulators, local endpoints) is still accepted and falls back to amazonaws.com', () => {
    expect(partitionOf('local')).toBeUndefined();
    expect(regionalBedrockRuntimeHost('local')).toBe('bedrock-runtime.local.amazonaws.com');
  });
});
