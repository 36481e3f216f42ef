import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import {
  awsCredentialInputs,
  ComponentRegistry,
  ComponentValidationError,
  defineComponent,
  endpointUrlInput,
  floatInput,
  LANGFLOW_LEGACY_AWS_FIELDS,
  modelIdInput,
  regionNameInput,
  toClientConfig,
} from '@bedrock-flow/component';

/** A tiny component: it only reports the pool config its inputs resolve to. */
export const clientConfigProbe = defineComponent({
  name: 'BedrockClientConfigProbe',
  displayName: 'Bedrock Client Config',
  description: 'Shows which region, endpoint and credential source the inputs resolve to.',
  icon: 'Amazon',
  category: 'tools',
  // Saved flows of Langflow 1.0.x name the keys aws_access_key / aws_secret_key: read them as the current inputs.
  legacyFields: LANGFLOW_LEGACY_AWS_FIELDS,
  inputs: {
    model_id: modelIdInput(),
    ...awsCredentialInputs(),
    region_name: regionNameInput(),
    endpoint_url: endpointUrlInput(),
    temperature: floatInput({ displayName: 'Temperature', default: 0.7, min: 0, max: 1, advanced: true }),
  },
  outputs: [{ name: 'config_output', displayName: 'Client Config', method: 'describe_config', types: ['Data'] }],
  methods: {
    describe_config: (ctx, values) => {
      const config = toClientConfig(values, ctx);
      return { region: config.region, endpoint: config.endpoint, credentials: config.credentials?.kind };
    },
  },
});

/** Registers the probe, prints its manifest size, builds it with host variables, and shows a validation error. */
export async function runComponentExample(log: (line: string) => void = console.log) {
  const registry = new ComponentRegistry([clientConfigProbe]);
  const manifest = JSON.stringify(registry.manifest());
  log(`manifest: ${manifest.length} bytes of JSON`);

  const pool = new BedrockPool();
  try {
    const ctx = {
      graphId: 'flow-1',
      nodeId: 'BedrockClientConfigProbe-1',
      pool,
      variables: { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE00001', AWS_SECRET_ACCESS_KEY: 'example/secret', BEDROCK_API_KEY: 'ABSKZXhhbXBsZQ' },
      env: false as const,
    };
    const described = registry.create('BedrockClientConfigProbe', ctx, { region_name: 'eu-west-1' }).output('config_output');
    log(`resolved: ${JSON.stringify(described)}`);
    // A Langflow 1.0.x node (old key names) and a node with a Bedrock API key (bearer, wins over the keys).
    const legacy = registry.create('BedrockClientConfigProbe', ctx, { aws_access_key: 'AKIAOLDNAMEEXAMPLE01', aws_secret_key: 'old/name/secret' }).output('config_output');
    const withApiKey = registry.create('BedrockClientConfigProbe', ctx, { api_key: { value: 'BEDROCK_API_KEY', load_from_db: true } }).output('config_output');
    log(`legacy names: ${JSON.stringify(legacy)}; API key: ${JSON.stringify(withApiKey)}`);
    let message = '';
    try {
      registry.create('BedrockClientConfigProbe', ctx, { temperature: 3, region_name: 'mars-north-1' });
    } catch (error) {
      if (!(error instanceof ComponentValidationError)) throw error;
      message = error.message;
      log(`rejected: ${message}`);
    }
    return { manifest, described, legacy, withApiKey, message };
  } finally {
    await pool.close();
  }
}
