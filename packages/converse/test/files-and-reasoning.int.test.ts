/**
 * Issue 24 on the Converse component, through the real SDK and @langchain/aws to the emulator: message files become
 * Converse image / document blocks (the emulator says what it received), bad files are refused with 0 requests, and
 * reasoning_effort maps per family with the component's own defaults left out where the model refuses them.
 */
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { ComponentValidationError, createComponent, type ComponentContext } from '@bedrock-flow/component';
import { TEST_CREDENTIALS, type ModelRequestView, type RunningEmulator } from '@bedrock-flow/emulator';
import { amazonBedrockConverseDefinition, type TextResponse } from '../src';
import { pdfBytes, pngBytes } from '../../../test/support/media-fixtures';
import { useEmulatorAndPool } from './support/emulator-and-pool';

let emu: RunningEmulator;
let pool: BedrockPool;
useEmulatorAndPool((started) => ({ emu, pool } = started));
beforeEach(() => emu.resetStats());

const root = mkdtempSync(join(tmpdir(), 'bf-files-'));
const outside = mkdtempSync(join(tmpdir(), 'bf-outside-'));
mkdirSync(join(root, 'flow-1'));
writeFileSync(join(root, 'flow-1', 'chart.png'), pngBytes(64, 64));
writeFileSync(join(root, 'flow-1', 'report.pdf'), pdfBytes());
writeFileSync(join(outside, 'secret.txt'), 'not for flows');
symlinkSync(join(outside, 'secret.txt'), join(root, 'flow-1', 'escape.txt'));

const context = (extra: Partial<ComponentContext> = {}): ComponentContext => ({ graphId: 'flow-files', nodeId: 'AmazonBedrockConverseModel-Files1', pool, env: {}, ...extra });
const build = (extra: Record<string, unknown>, ctx: Partial<ComponentContext> = {}) =>
  createComponent(amazonBedrockConverseDefinition, context(ctx), {
    endpoint_url: emu.url,
    aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
    aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
    input_value: 'Hello there',
    ...extra,
  });
const lastBody = (): Record<string, any> => (emu.requests().at(-1) as ModelRequestView).body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const png64 = pngBytes(64, 64).toString('base64');
const pdf64 = pdfBytes().toString('base64');

describe('files in input_value', () => {
  it.each([false, true])('stream %p: an image and a PDF reach Bedrock as image and document blocks after the text', async (stream) => {
    const result: TextResponse = await build({
      stream,
      input_value: { text: 'What is this?', files: [{ mime_type: 'image/png', data: png64 }, { name: 'Q3 report.v2.pdf', mime_type: 'application/pdf', data: pdf64 }] },
    }).text_response();
    const content = lastBody().messages[0].content;
    expect(content[0]).toEqual({ text: 'What is this?' });
    expect(content[1]).toEqual({ image: { format: 'png', source: { bytes: png64 } } });
    expect(content[2]).toEqual({ document: { format: 'pdf', name: 'Q3 report v2', source: { bytes: pdf64 } } });
    expect(result.text).toBe('Echo: What is this? [received image/png 64x64, document Q3 report v2.pdf]');
    expect(result.responseMetadata['files']).toEqual([
      { index: 0, kind: 'image', format: 'png', bytes: pngBytes(64, 64).length, width: 64, height: 64 },
      { index: 1, kind: 'document', format: 'pdf', bytes: pdfBytes().length, name: 'Q3 report v2' },
    ]);
    expect(emu.stats().requests.total).toBe(1);
  });

  it('takes data URLs, bytes with a mime_type, and paths inside the operator\'s fileRoots', async () => {
    const result = await build(
      { input_value: { text: 'Compare', files: [`data:image/png;base64,${png64}`, { mime_type: 'image/png', data: pngBytes(32, 16) }, 'flow-1/report.pdf', join(root, 'flow-1', 'chart.png')] } },
      { fileRoots: [root] },
    ).text_response();
    expect(result.text).toBe('Echo: Compare [received image/png 64x64, image/png 32x16, document report.pdf, image/png 64x64]');
  });

  it.each([
    ['an oversize image (4 MB)', { mime_type: 'image/png', data: pngBytes(64, 64, 4 * 1024 * 1024) }, /input_value\.files\[0\]: is a 4 MB image; Bedrock takes images up to 3\.75 MB/],
    ['an image over 8000 px', { mime_type: 'image/png', data: pngBytes(8001, 10) }, /input_value\.files\[0\]: is 8001x10 px; Bedrock takes images up to 8000x8000 px/],
    ['an unknown type', { name: 'song.mp3', mime_type: 'audio/mpeg', data: 'AAAA' }, /input_value\.files\[0\]: has type "audio\/mpeg", which Bedrock does not take/],
    ['bad base64', { mime_type: 'image/png', data: 'not base64!' }, /input_value\.files\[0\]: has data that is not valid base64/],
    ['a png that is a jpeg', { mime_type: 'image/jpeg', data: png64 }, /input_value\.files\[0\]: says jpeg but its bytes are a png image/],
    ['a path with no fileRoots configured', 'flow-1/chart.png', /input_value\.files\[0\]: is a file path, but this host allows no file paths/],
  ])('refuses %s before any call (0 requests)', async (_name, file, message) => {
    await expect(build({ input_value: { text: 'Look', files: [file] } }).text_response()).rejects.toThrow(message);
    expect(emu.stats().requests.total).toBe(0);
  });

  it.each([
    ['an absolute path outside the roots', () => join(outside, 'secret.txt'), /is an absolute file path outside the directories this host allows/],
    ['a .. segment', () => 'flow-1/../../etc/passwd', /is a file path with a "\.\." segment/],
    ['a symlink that leaves the root', () => 'flow-1/escape.txt', /leads outside the directories this host allows \(through a link\)/],
  ])('refuses a path outside the allowed directory: %s (0 requests)', async (_name, path, message) => {
    const error = await build({ input_value: { text: 'Read', files: [path()] } }, { fileRoots: [root] }).text_response().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComponentValidationError);
    expect((error as ComponentValidationError).field).toBe('input_value.files[0]');
    expect((error as Error).message).toMatch(message);
    expect(emu.stats().requests.total).toBe(0);
  });

  it('names every bad file at once, and too many documents', async () => {
    const docs = Array.from({ length: 6 }, (_, i) => ({ name: `d${i}.txt`, mime_type: 'text/plain', data: 'aGk=' }));
    const error = (await build({ input_value: { text: 'x', files: [...docs, 'data:text/plain,hi'] } }).text_response().catch((e: unknown) => e)) as ComponentValidationError;
    expect(error.issues.map((i) => i.field)).toEqual(['input_value.files[6]', 'input_value.files']);
    expect(error.message).toMatch(/has 6 documents \(allowed: at most 5 documents/);
  });
});

describe('reasoning_effort', () => {
  const CLAUDE_4 = 'us.anthropic.claude-sonnet-4-20250514-v1:0';

  it.each([false, true])('stream %p: Claude 4 at high thinks with the component defaults left out; text_output holds the answer only', async (stream) => {
    const reasoningTokens: string[] = [];
    const answerTokens: string[] = [];
    const result = await build({ model_id: CLAUDE_4, reasoning_effort: 'high', stream }).text_response({
      onToken: (t: string) => void answerTokens.push(t),
      onReasoningToken: (t: string) => void reasoningTokens.push(t),
    });
    const body = lastBody();
    expect(body.additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: 16384 } });
    expect(body.inferenceConfig).toEqual({ maxTokens: 16384 + 4096 });
    expect(result.text).toBe('Echo: Hello there');
    expect(result.reasoning).toBe('The user wrote "Hello there". Reply with an echo.');
    expect(result.message.additional_kwargs['reasoning_content']).toBe(result.reasoning);
    expect(result.responseMetadata['reasoning']).toEqual({
      effort: 'high', family: 'anthropic-thinking', budget_tokens: 16384, max_tokens: 20480,
      left_out: ['temperature', 'top_p', 'top_k'], left_out_reason: 'defaults the model refuses with reasoning on',
    });
    if (stream) {
      expect(answerTokens.join('')).toBe('Echo: Hello there');
      expect(reasoningTokens.join('')).toBe(result.reasoning);
      expect(answerTokens.join('')).not.toContain('user wrote');
    }
  });

  it('a temperature the user typed that thinking refuses is an error naming both fields, 0 requests', async () => {
    await expect(build({ model_id: CLAUDE_4, reasoning_effort: 'high', temperature: 0.2 }).text_response()).rejects.toThrow(
      /temperature: is 0\.2 while reasoning_effort is high: Claude with thinking takes temperature 1 only/,
    );
    await expect(build({ model_id: CLAUDE_4, reasoning_effort: 'low', max_tokens: 1000 }).text_response()).rejects.toThrow(
      /max_tokens: is 1000, not above the thinking budget 1024 \(reasoning_effort low\)/,
    );
    expect(emu.stats().requests.total).toBe(0);
  });

  it('the emulator holds Bedrock\'s rule: thinking with the defaults sent by hand is refused', async () => {
    const error = await build({ model_id: CLAUDE_4, additional_model_fields: [{ thinking: { type: 'enabled', budget_tokens: 2048 } }] }).text_response().catch((e: Error) => e);
    expect(error.message).toMatch(/`temperature` may only be set to 1 when thinking is enabled/);
  });

  it('Nova 2: reasoningConfig with the effort; at high the sampling defaults and max tokens are left out', async () => {
    const result = await build({ model_id: 'us.amazon.nova-2-lite-v1:0', reasoning_effort: 'high' }).text_response();
    expect(lastBody().additionalModelRequestFields).toEqual({ reasoningConfig: { type: 'enabled', maxReasoningEffort: 'high' } });
    expect(lastBody().inferenceConfig).toBeUndefined();
    expect(result.text).toBe('Echo: Hello there');
    expect(result.reasoning).toContain('The user wrote');
    await build({ model_id: 'us.amazon.nova-2-lite-v1:0', reasoning_effort: 'low' }).text_response();
    expect(lastBody().inferenceConfig).toEqual({ temperature: 0.7, maxTokens: 4096, topP: 0.9 });
  });

  it('gpt-oss: reasoning_effort in additionalModelRequestFields; the answer and the reasoning apart', async () => {
    const result = await build({ model_id: 'openai.gpt-oss-120b-1:0', reasoning_effort: 'medium' }).text_response();
    expect(lastBody().additionalModelRequestFields).toEqual({ reasoning_effort: 'medium' });
    expect(result.text).toBe('Echo: Hello there');
    expect(result.reasoning).toContain('The user wrote');
  });

  it('a model without reasoning: a clear error when reasoning is asked for, 0 requests', async () => {
    await expect(build({ model_id: 'meta.llama3-8b-instruct-v1:0', reasoning_effort: 'low' }).text_response()).rejects.toThrow(
      /reasoning_effort: is low, but model "meta\.llama3-8b-instruct-v1:0" has no reasoning setting on Bedrock/,
    );
    expect(emu.stats().requests.total).toBe(0);
  });
});
