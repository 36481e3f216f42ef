import { BedrockEmbeddings, ChatBedrockConverse } from '@langchain/aws';
import { tool } from '@langchain/core/tools';
import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { defaultClient } from './support/clients';
import { useEmulator } from './support/shared-emulator';

const MODEL = 'us.anthropic.claude-3-5-haiku-20241022-v1:0';

describe('@langchain/aws against the emulator', () => {
  const { emu } = useEmulator();

  it('ChatBedrockConverse (client passed): invoke, stream and a tool call', async () => {
    const client = defaultClient(emu());
    try {
      const chat = new ChatBedrockConverse({ model: MODEL, region: 'us-east-1', client, temperature: 0.3, maxTokens: 200 });
      const reply = await chat.invoke('hello langchain');
      expect(reply.content).toBe('Echo: hello langchain');
      expect(reply.usage_metadata).toMatchObject({ input_tokens: 4, output_tokens: 6, total_tokens: 10 });

      let streamed = '';
      for await (const chunk of await chat.stream('stream this')) streamed += typeof chunk.content === 'string' ? chunk.content : '';
      expect(streamed).toBe('Echo: stream this');

      const weather = tool(async (input: { city: string }) => `sunny in ${input.city}`, {
        name: 'get_weather',
        description: 'Weather for a city',
        schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      });
      const forced = chat.bindTools([weather], { tool_choice: 'get_weather' });
      const call = await forced.invoke('Paris');
      expect(call.tool_calls).toEqual([{ id: expect.stringMatching(/^tooluse_/), name: 'get_weather', args: { city: 'Paris' }, type: 'tool_call' }]);

      emu().script(MODEL, { toolUse: { name: 'get_weather', input: { city: 'Lyon' } } });
      const scripted = await chat.bindTools([weather]).invoke('anything');
      expect(scripted.tool_calls?.[0]).toMatchObject({ name: 'get_weather', args: { city: 'Lyon' } });
      emu().script(MODEL, undefined);

      const sent = emu().requests().filter((r) => r.operation === 'Converse');
      expect(sent[0]?.body).toMatchObject({ inferenceConfig: { temperature: 0.3, maxTokens: 200 } });
    } finally {
      client.destroy();
    }
  });

  it('BedrockEmbeddings honours clientOptions.endpoint', async () => {
    const embeddings = new BedrockEmbeddings({
      model: 'amazon.titan-embed-text-v2:0',
      region: 'us-east-1',
      credentials: TEST_CREDENTIALS,
      clientOptions: { endpoint: emu().url },
    });
    try {
      const [a, b] = await embeddings.embedDocuments(['first', 'second']);
      const q = await embeddings.embedQuery('first');
      expect(a).toHaveLength(1024);
      expect(q).toEqual(a);
      expect(b).not.toEqual(a);
      expect(emu().requests().filter((r) => r.modelId === 'amazon.titan-embed-text-v2:0')).toHaveLength(3);
    } finally {
      embeddings.client.destroy();
    }
  });
});
