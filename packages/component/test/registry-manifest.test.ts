import {
  awsCredentialInputs,
  chatModelBaseInputs,
  ComponentDefinitionError,
  ComponentRegistry,
  createComponent,
  defineComponent,
  dictInput,
  endpointUrlInput,
  floatInput,
  modelIdInput,
  regionNameInput,
  embeddingModelIdInput,
} from '../src';

const chat = defineComponent({
  name: 'ChatProbe',
  displayName: 'Chat Probe',
  description: 'probe',
  icon: 'Amazon',
  category: 'models',
  beta: true,
  inputs: {
    ...chatModelBaseInputs(),
    model_id: modelIdInput(),
    ...awsCredentialInputs(),
    region_name: regionNameInput(),
    endpoint_url: endpointUrlInput(),
    temperature: floatInput({ displayName: 'Temperature', default: 0.7, min: 0, max: 1, advanced: true }),
    additional_model_fields: dictInput({ displayName: 'Additional Model Fields', advanced: true }),
  },
  outputs: [{ name: 'text_output', displayName: 'Model Response', method: 'text_response', types: ['Message'] }],
  methods: { text_response: () => 'x' },
});

const embed = defineComponent({
  name: 'EmbedProbe',
  displayName: 'Embed Probe',
  description: 'probe',
  icon: 'Amazon',
  category: 'embeddings',
  legacy: true,
  inputs: {
    model_id: embeddingModelIdInput(),
    ...awsCredentialInputs({ sessionToken: { defaultVariable: 'AWS_SESSION_TOKEN', advanced: false } }),
  },
  outputs: [{ name: 'embeddings', displayName: 'Embeddings', method: 'build_embeddings', types: ['Embeddings'] }],
  methods: { build_embeddings: () => 'e' },
});

describe('ComponentRegistry', () => {
  const registry = new ComponentRegistry([chat, embed]);

  it('registers, looks up and refuses duplicates', () => {
    expect(registry.list().map((d) => d.name)).toEqual(['ChatProbe', 'EmbedProbe']);
    expect(registry.get('ChatProbe')).toBe(chat);
    expect(registry.has('Nope')).toBe(false);
    expect(() => registry.register(chat)).toThrow(ComponentDefinitionError);
    expect(() => registry.create('Nope', { graphId: 'g', nodeId: 'n', pool: { acquire: () => { throw new Error(); } } })).toThrow(/Unknown component "Nope"/);
    const instance = registry.create('ChatProbe', { graphId: 'g', nodeId: 'n', pool: { acquire: () => { throw new Error(); } }, env: {} });
    expect(instance.output('text_output')).toBe('x');
  });

  it('builds a plain-JSON manifest that round-trips through JSON.stringify', () => {
    const manifest = registry.manifest();
    expect(JSON.parse(JSON.stringify(manifest))).toEqual(manifest);
    const [chatEntry, embedEntry] = manifest.components;
    expect(chatEntry).toMatchObject({ name: 'ChatProbe', displayName: 'Chat Probe', beta: true, legacy: false, category: 'models' });
    expect(embedEntry).toMatchObject({ beta: false, legacy: true });
    expect(chatEntry?.outputs).toEqual([{ name: 'text_output', displayName: 'Model Response', method: 'text_response', types: ['Message'] }]);
    const input = (name: string) => chatEntry?.inputs.find((i) => i.name === name);
    expect(chatEntry?.inputs.map((i) => i.name)).toEqual([
      'input_value', 'system_message', 'stream', 'model_id', 'aws_access_key_id', 'aws_secret_access_key', 'aws_session_token',
      'credentials_profile_name', 'api_key', 'region_name', 'endpoint_url', 'temperature', 'additional_model_fields',
    ]);
    expect(input('aws_access_key_id')).toMatchObject({ type: 'SecretStrInput', value: 'AWS_ACCESS_KEY_ID', loadFromDb: true, password: true, required: true, advanced: false });
    expect(input('aws_session_token')).toMatchObject({ type: 'SecretStrInput', loadFromDb: false, advanced: true });
    expect(input('aws_session_token')).not.toHaveProperty('value');
    expect(input('region_name')).toMatchObject({ type: 'DropdownInput', value: 'us-east-1', combobox: true });
    expect(input('region_name')?.options).toHaveLength(34);
    expect(input('region_name')?.schema).toMatchObject({ type: 'string', pattern: expect.any(String), default: 'us-east-1' });
    expect(input('temperature')?.schema).toMatchObject({ type: 'number', minimum: 0, maximum: 1, default: 0.7 });
    expect(input('additional_model_fields')).toMatchObject({ type: 'DictInput', isList: true, value: {} });
    expect(input('model_id')?.options).toHaveLength(37);
    expect(embedEntry?.inputs.find((i) => i.name === 'aws_session_token')).toMatchObject({ value: 'AWS_SESSION_TOKEN', advanced: false, loadFromDb: true });
    expect(embedEntry?.inputs.find((i) => i.name === 'model_id')).toMatchObject({ displayName: 'Model Id', value: 'amazon.titan-embed-text-v1', options: expect.arrayContaining(['cohere.embed-english-v3']) });
  });

  it('never carries secret values, whatever the environment holds', () => {
    const secret = 'manifest-must-not-contain-this';
    const previous = process.env.AWS_SECRET_ACCESS_KEY;
    process.env.AWS_SECRET_ACCESS_KEY = secret;
    try {
      createComponent(chat, { graphId: 'g', nodeId: 'n', pool: { acquire: () => { throw new Error(); } } }, { aws_secret_access_key: secret });
      expect(JSON.stringify(registry.manifest())).not.toContain(secret);
    } finally {
      if (previous === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
      else process.env.AWS_SECRET_ACCESS_KEY = previous;
    }
  });
});
