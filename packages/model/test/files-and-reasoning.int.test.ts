/**
 * Issue 24 on AmazonBedrockModel (InvokeModel), through the real SDK to the emulator: message files in each family's
 * own body shape (Anthropic base64 image / PDF document blocks, Nova image / document blocks), refused for families
 * that take none (0 requests), and reasoning_effort in each family's body with the reasoning kept out of the answer.
 */
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { createComponent, type ComponentContext } from '@bedrock-flow/component';
import { startEmulator, TEST_CREDENTIALS, type ModelRequestView, type RunningEmulator } from '@bedrock-flow/emulator';
import { amazonBedrockModelDefinition as definition } from '../src';
import { pdfBytes, pngBytes } from '../../../test/support/media-fixtures';

let emu: RunningEmulator;
let pool: BedrockPool;
beforeAll(async () => {
  emu = await startEmulator({ tls: true });
  pool = new BedrockPool({ defaults: { tls: { ca: emu.ca! } } });
});
afterAll(async () => {
  await pool?.close();
  await emu?.close();
});
beforeEach(() => emu.resetStats());

const ctx = (): ComponentContext => ({ graphId: 'flow-model-files', nodeId: 'AmazonBedrockModel-Files1', pool, env: false });
const build = (extra: Record<string, unknown>) =>
  createComponent(definition, ctx(), {
    aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
    aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
    endpoint_url: emu.url,
    input_value: 'Hello there',
    ...extra,
  });
const lastBody = (): Record<string, any> => (emu.requests().at(-1) as ModelRequestView).body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const png64 = pngBytes(64, 64).toString('base64');
const pdf64 = pdfBytes().toString('base64');
const files = [{ mime_type: 'image/png', data: png64 }, { name: 'report.pdf', mime_type: 'application/pdf', data: pdf64 }];

describe('files in input_value (InvokeModel)', () => {
  it.each([false, true])('Anthropic, stream %p: an image and a PDF as base64 image / document blocks', async (stream) => {
    const result = await build({ model_id: 'anthropic.claude-3-5-sonnet-20241022-v2:0', stream, input_value: { text: 'What is this?', files } }).text_response();
    expect(lastBody().messages[0].content).toEqual([
      { type: 'text', text: 'What is this?' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png64 } },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: pdf64 } },
    ]);
    expect(result.text).toBe('Echo: What is this? [received image/png 64x64, document (pdf)]');
    expect(emu.stats().requests.total).toBe(1);
  });

  it('Nova: image and document blocks with base64 bytes', async () => {
    const result = await build({ model_id: 'us.amazon.nova-lite-v1:0', input_value: { text: 'What is this?', files } }).text_response();
    expect(lastBody().messages[0].content).toEqual([
      { text: 'What is this?' },
      { image: { format: 'png', source: { bytes: png64 } } },
      { document: { format: 'pdf', name: 'report', source: { bytes: pdf64 } } },
    ]);
    expect(result.text).toBe('Echo: What is this? [received image/png 64x64, document report.pdf]');
  });

  it.each([false, true])('Llama 3.2 Vision, stream %p: an <|image|> tag in the prompt and the image in images', async (stream) => {
    const result = await build({ model_id: 'us.meta.llama3-2-11b-instruct-v1:0', stream, input_value: { text: 'What is this?', files: [files[0]] } }).text_response();
    expect(lastBody().images).toEqual([png64]);
    expect(lastBody().prompt).toContain('<|start_header_id|>user<|end_header_id|>\n\n<|image|>What is this?<|eot_id|>');
    expect(result.text).toBe('Echo: What is this? [received image/png 64x64]');
  });

  it('Pixtral Large: the image as an image_url data-URL part after the text', async () => {
    const result = await build({ model_id: 'us.mistral.pixtral-large-2502-v1:0', input_value: { text: 'What is this?', files: [files[0]] } }).text_response();
    const user = (lastBody().messages as Array<Record<string, unknown>>).find((m) => m.role === 'user');
    expect(user?.content).toEqual([{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${png64}` } }]);
    expect(result.text).toBe('Echo: What is this? [received image/png 64x64]');
  });

  it.each([
    ['meta.llama3-8b-instruct-v1:0', /files\[0\]: is a file, but meta\.llama3-8b-instruct-v1:0 takes no images or documents \(the vision models are Llama 3\.2 11B\/90B Vision, Llama 4, Pixtral Large\)/],
    ['us.meta.llama3-2-11b-instruct-v1:0', /files\[0\]: is a document, but meta\.llama3-2-11b-instruct-v1:0 takes images only through InvokeModel/],
    ['amazon.titan-text-express-v1', /files\[0\]: is a file, but amazon-titan-text models take no images or documents on Bedrock/],
    ['anthropic.claude-3-haiku-20240307-v1:0', /files\[0\]: is a docx document; this model takes pdf, txt documents only/],
  ])('%s: refused before any call', async (model_id, message) => {
    const file = model_id.startsWith('anthropic')
      ? { name: 'a.docx', mime_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', data: 'AAAA' }
      : model_id.includes('llama3-2-11b') ? { name: 'report.pdf', mime_type: 'application/pdf', data: pdf64 } : { mime_type: 'image/png', data: png64 };
    await expect(build({ model_id, input_value: { text: 'Look', files: [file] } }).text_response()).rejects.toThrow(message);
    expect(emu.stats().requests.total).toBe(0);
  });
});

describe('reasoning_effort (InvokeModel)', () => {
  it.each([false, true])('Claude 4, stream %p: thinking in the body, max_tokens above the budget; the answer holds no reasoning', async (stream) => {
    const reasoningTokens: string[] = [];
    const result = await build({ model_id: 'us.anthropic.claude-opus-4-20250514-v1:0', reasoning_effort: 'high', stream }).text_response({
      onReasoningToken: (t: string) => void reasoningTokens.push(t),
    });
    expect(lastBody().thinking).toEqual({ type: 'enabled', budget_tokens: 16384 });
    expect(lastBody().max_tokens).toBe(16384 + 1024);
    expect(result.text).toBe('Echo: Hello there');
    expect(result.reasoning).toBe('The user wrote "Hello there". Reply with an echo.');
    expect(result.message.additional_kwargs['reasoning_content']).toBe(result.reasoning);
    if (stream) expect(reasoningTokens.join('')).toBe(result.reasoning);
  });

  it('a temperature in model_kwargs that thinking refuses: an error naming both, 0 requests', async () => {
    await expect(
      build({ model_id: 'anthropic.claude-3-7-sonnet-20250219-v1:0', reasoning_effort: 'low', model_kwargs: [{ temperature: 0.2 }] }).text_response(),
    ).rejects.toThrow(/model_kwargs\.temperature: is 0\.2 while reasoning_effort is low: Claude with thinking takes temperature 1 only/);
    expect(emu.stats().requests.total).toBe(0);
  });

  it.each([false, true])('Nova 2, stream %p: top-level reasoningConfig; reasoning apart from the answer', async (stream) => {
    const result = await build({ model_id: 'us.amazon.nova-2-lite-v1:0', reasoning_effort: 'medium', stream }).text_response();
    expect(lastBody().reasoningConfig).toEqual({ type: 'enabled', maxReasoningEffort: 'medium' });
    expect(result.text).toBe('Echo: Hello there');
    expect(result.reasoning).toBe('The user wrote "Hello there". Reply with an echo.');
  });

  it.each([false, true])('gpt-oss, stream %p: reasoning_effort in the body; the <reasoning> text goes to the metadata', async (stream) => {
    const result = await build({ model_id: 'openai.gpt-oss-120b-1:0', reasoning_effort: 'high', stream }).text_response();
    expect(lastBody().reasoning_effort).toBe('high');
    expect(result.text).toBe('Echo: Hello there');
    expect(result.text).not.toContain('reasoning');
    expect(result.reasoning).toContain('The user wrote');
    expect(result.responseMetadata['reasoning_content']).toBe(result.reasoning);
  });
});
