import {
  AWS_EMBEDDING_MODEL_IDS,
  AWS_MODEL_IDS,
  AWS_REGIONS,
  isAwsRegion,
  MODEL_ID_PATTERN,
  modelProvider,
  stripGeoPrefix,
} from '../src';

describe('AWS reference lists (DESIGN.md section 3)', () => {
  it('has the 37 model ids, 4 embedding ids and 34 regions, unique, in Langflow order', () => {
    expect(AWS_MODEL_IDS).toHaveLength(37);
    expect(new Set(AWS_MODEL_IDS).size).toBe(37);
    expect(AWS_MODEL_IDS[0]).toBe('amazon.titan-text-express-v1');
    expect(AWS_MODEL_IDS[36]).toBe('mistral.mistral-small-2402-v1:0');
    expect(AWS_MODEL_IDS).toContain('anthropic.claude-3-5-sonnet-20241022-v2:0');
    expect(AWS_EMBEDDING_MODEL_IDS).toEqual([
      'amazon.titan-embed-text-v1',
      'amazon.titan-embed-text-v2:0',
      'cohere.embed-english-v3',
      'cohere.embed-multilingual-v3',
    ]);
    expect(AWS_REGIONS).toHaveLength(34);
    expect(new Set(AWS_REGIONS).size).toBe(34);
    expect(AWS_REGIONS[0]).toBe('us-west-2');
    expect(AWS_REGIONS[33]).toBe('af-south-1');
  });

  it('every listed region and model id matches its typed-value pattern', () => {
    for (const region of AWS_REGIONS) expect(isAwsRegion(region)).toBe(true);
    for (const id of [...AWS_MODEL_IDS, ...AWS_EMBEDDING_MODEL_IDS]) expect(MODEL_ID_PATTERN.test(id)).toBe(true);
  });

  it('accepts well-formed typed regions and rejects the rest', () => {
    // Every partition of the SDK's partition table: aws, aws-cn, aws-us-gov, aws-iso, -iso-b, -iso-e, -iso-f, aws-eusc.
    for (const ok of ['us-isob-east-1', 'us-iso-east-1', 'eu-isoe-west-1', 'us-isof-south-1', 'us-gov-west-1', 'cn-northwest-1', 'eusc-de-east-1', 'mx-central-1', 'ap-southeast-7', 'us-east-12']) {
      expect(isAwsRegion(ok)).toBe(true);
    }
    for (const bad of ['mars-north-1', 'US-EAST-1', 'us-east', ' us-east-1', 'us_east_1', 'eusc-east-1', 'eu-isoee-west-1', '']) expect(isAwsRegion(bad)).toBe(false);
  });
});

describe('stripGeoPrefix', () => {
  const base = 'anthropic.claude-3-5-haiku-20241022-v1:0';
  it.each(['us', 'eu', 'apac', 'global', 'us-gov', 'sa', 'amer', 'jp', 'au'])('strips the %s. prefix', (prefix) => {
    expect(stripGeoPrefix(`${prefix}.${base}`)).toBe(base);
    expect(modelProvider(`${prefix}.${base}`)).toBe('anthropic');
  });

  it('leaves plain ids alone and strips only one prefix', () => {
    expect(stripGeoPrefix(base)).toBe(base);
    expect(stripGeoPrefix('meta.llama3-8b-instruct-v1:0')).toBe('meta.llama3-8b-instruct-v1:0');
    expect(stripGeoPrefix('us.eu.x')).toBe('eu.x');
    expect(modelProvider('meta.llama3-8b-instruct-v1:0')).toBe('meta');
    expect(modelProvider('usa.anthropic.x')).toBe('usa');
  });

  it('unwraps foundation-model and inference-profile ARNs', () => {
    expect(stripGeoPrefix(`arn:aws:bedrock:us-east-1::foundation-model/${base}`)).toBe(base);
    expect(stripGeoPrefix(`arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${base}`)).toBe(base);
    expect(stripGeoPrefix(`arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:inference-profile/us-gov.${base}`)).toBe(base);
    expect(modelProvider(`arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.${base}`)).toBe('anthropic');
  });
});
