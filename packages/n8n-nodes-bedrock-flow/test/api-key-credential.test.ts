import fs from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { AWS_REGIONS, Secret, toClientConfig, type AwsConnectionValues } from '@bedrock-flow/component';
import {
  apiKeyConnection,
  BEDROCK_API_KEY_CREDENTIAL_TYPE,
  BedrockFlowApiKey,
  BedrockFlowInvokeModel,
  EmbeddingsBedrockFlow,
  LmChatBedrockFlow,
  nodeCredentials,
} from '../src';

// A made-up long-term Bedrock API key (ABSK + base64): never sent anywhere by these unit tests.
const API_KEY = 'ABSKQmVkcm9ja0FQSUtleS11bml0LXRlc3Qta2V5LTAwMDAx';

describe('the bedrockFlowApiKey credential type', () => {
  const credential = new BedrockFlowApiKey();
  const field = (name: string) => credential.properties.find((p) => p.name === name)!;

  it('has a required password API key, the region list (default us-east-1) and an optional Bedrock Runtime endpoint', () => {
    expect(credential.name).toBe(BEDROCK_API_KEY_CREDENTIAL_TYPE);
    expect(credential.name).toBe('bedrockFlowApiKey');
    expect(credential.properties.map((p) => p.name)).toEqual(['apiKey', 'region', 'bedrockRuntimeEndpoint']);
    expect(field('apiKey')).toMatchObject({ type: 'string', required: true, default: '', typeOptions: { password: true } });
    expect(field('region')).toMatchObject({ type: 'options', default: 'us-east-1' });
    expect(field('region').options!.map((o) => (o as { value: string }).value)).toEqual([...AWS_REGIONS]);
    expect(field('bedrockRuntimeEndpoint')).toMatchObject({ type: 'string', default: '' });
    expect(field('bedrockRuntimeEndpoint').required).toBeUndefined();
  });

  it('is usable only by the bedrock-flow nodes: restricted to its supported nodes, no authenticate block, no test request', () => {
    expect(credential.restrictToSupportedNodes).toBe(true);
    expect('authenticate' in credential).toBe(false);
    expect('test' in credential).toBe(false);
  });

  it('is listed in package.json n8n.credentials under a file named after its class (n8n takes the export named like the file)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { n8n: { credentials: string[] } };
    expect(pkg.n8n.credentials).toEqual(['dist/credentials/BedrockFlowApiKey.credentials.js']);
    expect(path.basename(pkg.n8n.credentials[0]!).split('.')[0]).toBe(BedrockFlowApiKey.name);
  });

  it('every node offers it through the Authentication parameter; the aws credential stays the default', () => {
    for (const node of [new LmChatBedrockFlow(), new EmbeddingsBedrockFlow(), new BedrockFlowInvokeModel()]) {
      const [first] = node.description.properties;
      expect(first).toMatchObject({ name: 'authentication', type: 'options', default: 'awsIam' });
      expect(first!.options!.map((o) => (o as { value: string }).value)).toEqual(['awsIam', 'apiKey']);
      expect(node.description.credentials).toBe(nodeCredentials);
    }
    expect(nodeCredentials.map((c) => [c.name, c.displayOptions?.show?.authentication])).toEqual([
      ['aws', ['awsIam']],
      ['bedrockFlowApiKey', ['apiKey']],
    ]);
  });
});

describe('API-key credential mapping', () => {
  it('passes the key as the node\'s own redacting Secret and sets no IAM input', () => {
    const connection = apiKeyConnection({ apiKey: ` ${API_KEY}\n`, region: 'eu-west-1', bedrockRuntimeEndpoint: 'https://vpce.example.test' });
    expect(connection.issues).toEqual([]);
    const key = connection.values.api_key as Secret;
    expect(key).toBeInstanceOf(Secret);
    expect(key.reveal()).toBe(API_KEY);
    expect(key.origin).toEqual({ kind: 'value' });
    expect(connection.values).toMatchObject({ aws_access_key_id: null, aws_secret_access_key: null, aws_session_token: null, credentials_profile_name: null });
    expect(connection.values.region_name).toBe('eu-west-1');
    expect(connection.values.endpoint_url).toBe('https://vpce.example.test');
    expect(JSON.stringify(connection.values)).not.toContain(API_KEY);
    expect(inspect(connection.values, { depth: 5 })).not.toContain(API_KEY);
  });

  it('becomes the pool\'s bearer source with origin node (the key was typed into the credential, not taken from the host)', () => {
    const { values } = apiKeyConnection({ apiKey: API_KEY, region: 'us-west-2' });
    const config = toClientConfig(values as AwsConnectionValues, { env: false });
    expect(config.credentials).toEqual({ kind: 'bearer', token: API_KEY, origin: 'node' });
    expect(config.region).toBe('us-west-2');
    expect(config.endpoint).toBeUndefined();
  });

  it('a blank key (or only whitespace) is an issue naming the credential field, never a fallback', () => {
    expect(apiKeyConnection({ apiKey: '  ', region: 'us-east-1' }).issues).toEqual([
      expect.objectContaining({ field: 'credential.apiKey', problem: 'is empty' }),
    ]);
    expect(apiKeyConnection({}).issues.map((issue) => issue.field)).toEqual(['credential.apiKey']);
  });

  it('a blank region or endpoint is left to the component (us-east-1, the region\'s AWS endpoint)', () => {
    const { values } = apiKeyConnection({ apiKey: API_KEY, region: '', bedrockRuntimeEndpoint: ' ' });
    expect(values.region_name).toBeUndefined();
    expect(values.endpoint_url).toBeUndefined();
  });
});
