import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { createComponent, type ComponentContext } from '@bedrock-flow/component';
import { startEmulator, TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { amazonBedrockModelDefinition as definition } from '../src';

/** Today's InvokeModel families through the component, one pooled client per node (issue 14). */
const ROWS: Array<{ model_id: string; kwargs: Record<string, unknown>; check: (body: any) => unknown; expected: unknown; reasons: boolean }> = [
  { model_id: 'us.deepseek.r1-v1:0', kwargs: { max_tokens: 512 }, check: (b) => b.max_tokens, expected: 512, reasons: true },
  { model_id: 'deepseek.v3-v1:0', kwargs: { top_p: 0.5 }, check: (b) => b.top_p, expected: 0.5, reasons: false },
  { model_id: 'openai.gpt-oss-20b-1:0', kwargs: { max_completion_tokens: 256 }, check: (b) => b.max_completion_tokens, expected: 256, reasons: true },
  { model_id: 'qwen.qwen3-32b-v1:0', kwargs: { temperature: 0.3 }, check: (b) => b.temperature, expected: 0.3, reasons: false },
  { model_id: 'us.meta.llama4-maverick-17b-instruct-v1:0', kwargs: { max_gen_len: 300 }, check: (b) => b.max_gen_len, expected: 300, reasons: false },
  { model_id: 'us.amazon.nova-2-lite-v1:0', kwargs: { inferenceConfig: { maxTokens: 200 } }, check: (b) => b.inferenceConfig.maxTokens, expected: 200, reasons: false },
];

describe('AmazonBedrockModel with the families Bedrock serves on InvokeModel today', () => {
  let emu: RunningEmulator;
  let pool: BedrockPool;
  let base: Record<string, unknown>;

  beforeAll(async () => {
    emu = await startEmulator({ tls: true });
    pool = new BedrockPool({ defaults: { tls: { ca: emu.ca } } });
    base = {
      aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
      aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
      region_name: 'us-east-1',
      endpoint_url: emu.url,
      system_message: 'Be terse.',
      input_value: 'Capital of France?',
    };
  });
  afterAll(async () => {
    await pool?.close();
    await emu?.close();
  });

  test.each(ROWS)('$model_id: text_response invokes and streams; model_kwargs reach the body; reasoning stays out of the text', async ({ model_id, kwargs, check, expected, reasons }) => {
    const ctx: ComponentContext = { graphId: 'flow-families', nodeId: `AmazonBedrockModel-${model_id}`, pool, env: false };
    for (const stream of [false, true]) {
      emu.script(model_id, { text: 'Paris.', stopReason: 'end_turn' });
      const node = createComponent(definition, ctx, { ...base, model_id, model_kwargs: [kwargs], stream });
      const reply = await node.text_response();
      expect(reply).toMatchObject({ text: 'Paris.', streamed: stream });
      expect(reply.usage?.output_tokens).toBeGreaterThan(0);
      const seen = emu.requests().at(-1)!;
      expect(seen.operation).toBe(stream ? 'InvokeModelWithResponseStream' : 'InvokeModel');
      expect(seen.modelId).toBe(model_id);
      expect(check(seen.body)).toEqual(expected);
      expect(seen.lastUserText).toBe('Capital of France?');
      const reasoning = reply.message.additional_kwargs.reasoning_content;
      if (reasons) expect(reasoning).toBe('The user wrote "Capital of France?". Reply with an echo.');
      else expect(reasoning).toBeUndefined();
    }
  });

  test('all of them ran on one keep-alive connection, with no failed request', () => {
    const stats = emu.stats();
    expect(stats.requests.total).toBe(ROWS.length * 2);
    expect(stats.connections.accepted).toBe(1);
    expect(stats.tls.handshakes).toBe(1);
    expect(emu.requests().filter((r) => r.error !== undefined)).toEqual([]);
  });
});
