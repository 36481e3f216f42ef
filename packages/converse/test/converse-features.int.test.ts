/**
 * The Converse features beyond upstream Langflow (prompt caching, guardrail, latency-optimized inference), each an
 * advanced input shown to reach the wire in the emulator's request log, through the real SDK and `@langchain/aws`
 * on the pooled client; and their validation before any call.
 */
import { randomUUID } from 'node:crypto';
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { ComponentValidationError, createComponent, type ComponentContext } from '@bedrock-flow/component';
import { TEST_CREDENTIALS, type ModelRequestView, type RunningEmulator } from '@bedrock-flow/emulator';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { amazonBedrockConverseDefinition, PooledChatBedrockConverse, type TextResponse } from '../src';
import { useEmulatorAndPool } from './support/emulator-and-pool';

let emu: RunningEmulator;
let pool: BedrockPool;
useEmulatorAndPool((started) => ({ emu, pool } = started));

beforeEach(() => emu.resetStats());

const inputs = (extra: Record<string, unknown> = {}) => ({
  endpoint_url: emu.url,
  aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
  aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
  input_value: 'Hello there',
  ...extra,
});
const context = (): ComponentContext => ({ graphId: 'flow-features', nodeId: 'AmazonBedrockConverseModel-Feat1', pool, env: {} });
const build = (extra: Record<string, unknown> = {}) => createComponent(amazonBedrockConverseDefinition, context(), inputs(extra));
const lastBody = (): Record<string, any> => (emu.requests().at(-1) as ModelRequestView).body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** A system prompt of its own: the emulator's prompt cache is process-wide. */
const uniqueSystem = (): string => `You answer questions about connection pooling ${randomUUID()}. Keep answers short and exact.`;

describe('prompt_caching', () => {
  it.each([false, true])('stream %p: a cache point after the system prompt; the first call writes, the next reads; usage says so', async (stream) => {
    const system_message = uniqueSystem();
    const cachedTokens = Math.ceil(system_message.length / 4);
    const first: TextResponse = await build({ prompt_caching: true, system_message, stream }).text_response();
    expect(lastBody().system).toEqual([{ text: system_message }, { cachePoint: { type: 'default' } }]);
    expect(emu.requests().at(-1)?.operation).toBe(stream ? 'ConverseStream' : 'Converse');
    expect(first.usage?.input_token_details).toEqual({ cache_read: 0, cache_creation: cachedTokens });
    const second = await build({ prompt_caching: true, system_message, stream, input_value: 'A different question' }).text_response();
    expect(second.usage?.input_token_details).toEqual({ cache_read: cachedTokens, cache_creation: 0 });
    // LangChain's input_tokens counts the cached tokens too.
    expect(second.usage?.input_tokens).toBe(Math.ceil('A different question'.length / 4) + cachedTokens);
    expect(emu.stats().requests.total).toBe(2);
  });

  it('off (the default): the system prompt goes alone and no cache counts come back', async () => {
    const result = await build({ system_message: uniqueSystem() }).text_response();
    expect(lastBody().system).toHaveLength(1);
    expect(result.usage?.input_token_details).toBeUndefined();
  });

  it('build_model carries it too: a host\'s own system message gets the cache point once', async () => {
    const model = build({ prompt_caching: true }).build_model() as PooledChatBedrockConverse;
    expect(model.promptCaching).toBe(true);
    const plain = uniqueSystem();
    await model.invoke([new SystemMessage(plain), new HumanMessage('hi')]);
    expect(lastBody().system).toEqual([{ text: plain }, { cachePoint: { type: 'default' } }]);
    const system = uniqueSystem();
    await model.invoke([new SystemMessage({ content: [{ type: 'text', text: system }, { cachePoint: { type: 'default' } }] as never }), new HumanMessage('hi')]);
    expect(lastBody().system).toEqual([{ text: system }, { cachePoint: { type: 'default' } }]);
    await model.invoke([new HumanMessage('no system prompt')]);
    expect(lastBody().system).toBeUndefined();
  });
});

describe('guardrail', () => {
  it('identifier, version and trace reach the wire as guardrailConfig; the trace comes back in the response metadata', async () => {
    const result = await build({ guardrail_identifier: 'abc123xyz', guardrail_version: 'DRAFT', guardrail_trace: 'enabled' }).text_response();
    expect(lastBody().guardrailConfig).toEqual({ guardrailIdentifier: 'abc123xyz', guardrailVersion: 'DRAFT', trace: 'enabled' });
    const trace = result.responseMetadata.trace as { guardrail: { inputAssessment: Record<string, unknown> } };
    expect(Object.keys(trace.guardrail.inputAssessment)).toEqual(['abc123xyz']);
  });

  it.each([false, true])('stream %p: a blocked input ends with guardrail_intervened and the blocked message', async (stream) => {
    const result = await build({ guardrail_identifier: 'abc123xyz', guardrail_version: '3', input_value: 'BLOCKED_TOPIC please', stream }).text_response();
    expect(result.text).toBe('Sorry, the model cannot answer this question.');
    // Converse puts the stop reason at the top of the metadata; ConverseStream in its messageStop event.
    const metadata = result.responseMetadata as { stopReason?: string; messageStop?: { stopReason?: string } };
    expect(stream ? metadata.messageStop?.stopReason : metadata.stopReason).toBe('guardrail_intervened');
    expect(lastBody().guardrailConfig).toEqual({ guardrailIdentifier: 'abc123xyz', guardrailVersion: '3', trace: 'disabled' });
  });

  it('no guardrail inputs (or empty ones): no guardrailConfig on the wire', async () => {
    await build({ guardrail_identifier: '', guardrail_version: '' }).text_response();
    expect(lastBody()).not.toHaveProperty('guardrailConfig');
  });
});

describe('performance_config_latency', () => {
  it.each([false, true])('optimized, stream %p: performanceConfig reaches the wire (the stock class drops a constructor performanceConfig)', async (stream) => {
    const result = await build({ performance_config_latency: 'optimized', stream, model_id: 'us.anthropic.claude-3-5-haiku-20241022-v1:0' }).text_response();
    expect(lastBody().performanceConfig).toEqual({ latency: 'optimized' });
    if (!stream) expect(result.responseMetadata.performanceConfig).toEqual({ latency: 'optimized' });
  });

  it('standard (the default, Bedrock\'s own): nothing extra is sent', async () => {
    await build().text_response();
    expect(lastBody()).not.toHaveProperty('performanceConfig');
  });

  it('call options still win over the constructor value', async () => {
    const model = build({ performance_config_latency: 'optimized' }).build_model() as PooledChatBedrockConverse;
    await model.invoke('hi', { performanceConfig: { latency: 'standard' } });
    expect(lastBody().performanceConfig).toEqual({ latency: 'standard' });
  });
});

describe('bad feature inputs fail before any network call', () => {
  async function failureOf(extra: Record<string, unknown>): Promise<ComponentValidationError> {
    try {
      const instance = build(extra);
      instance.build_model();
      await instance.text_response();
    } catch (error) {
      return error as ComponentValidationError;
    }
    throw new Error('expected the node to fail');
  }

  it.each([
    ['guardrail_identifier', { guardrail_identifier: 'My_Guardrail', guardrail_version: '1' }],
    ['guardrail_identifier', { guardrail_identifier: 'arn:aws:bedrock:us-east-1:123:guardrail/abc', guardrail_version: '1' }],
    ['guardrail_version', { guardrail_identifier: 'abc', guardrail_version: 'v1' }],
    ['guardrail_version', { guardrail_identifier: 'abc', guardrail_version: '0' }],
    ['guardrail_trace', { guardrail_trace: 'full' }],
    ['performance_config_latency', { performance_config_latency: 'fast' }],
    ['prompt_caching', { prompt_caching: 'maybe' }],
    ['guardrail_version', { guardrail_identifier: 'abc123' }],
    ['guardrail_identifier', { guardrail_version: 'DRAFT' }],
  ])('%s: %j', async (field, extra) => {
    const error = await failureOf(extra);
    expect(error).toBeInstanceOf(ComponentValidationError);
    expect(error.message.startsWith('ChatBedrockConverse validation error: ')).toBe(true);
    expect(error.issues).toEqual([expect.objectContaining({ field, allowed: expect.any(String) })]);
    expect(emu.stats().requests.total).toBe(0);
    expect(emu.stats().connections.accepted).toBe(0);
  });

  it('lists every bad feature field in one error', async () => {
    const error = await failureOf({ guardrail_identifier: 'Bad', guardrail_version: 'latest', guardrail_trace: 'yes', performance_config_latency: 'turbo' });
    expect(error.issues.map((i) => i.field).sort()).toEqual(['guardrail_identifier', 'guardrail_trace', 'guardrail_version', 'performance_config_latency']);
    expect(emu.stats().requests.total).toBe(0);
  });
});
