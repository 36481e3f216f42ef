/**
 * Converse features beyond the chat request, through the real SDK: prompt cache points (cache read/write token
 * counts), guardrails (guardrail_intervened, trace in Bedrock's shape) and latency-optimized inference, on Converse
 * and in ConverseStream's metadata event; each validated in Bedrock's shape.
 */
import { randomUUID } from 'node:crypto';
import {
  ConverseCommand,
  ConverseStreamCommand,
  type ConverseCommandInput,
  type ConverseStreamMetadataEvent,
} from '@aws-sdk/client-bedrock-runtime';
import { PromptCacheTable } from '../src/models/converse/prompt-cache';
import { userMessage } from './support/clients';
import { useEmulator } from './support/shared-emulator';

const CLAUDE = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';

/** A system prompt of its own per test: the prompt cache is process-wide. */
function uniqueSystem(words = 40): string {
  return `You are a careful assistant ${randomUUID()}. ${'Answer briefly and cite the manual. '.repeat(words / 6)}`;
}

describe('Converse features', () => {
  const { emu, client } = useEmulator();

  async function streamMetadata(input: ConverseCommandInput): Promise<{ metadata: ConverseStreamMetadataEvent; stopReason?: string; text: string }> {
    const out = await client().send(new ConverseStreamCommand(input));
    let metadata: ConverseStreamMetadataEvent | undefined;
    let stopReason: string | undefined;
    let text = '';
    for await (const event of out.stream!) {
      if (event.metadata) metadata = event.metadata;
      if (event.messageStop) stopReason = event.messageStop.stopReason;
      if (event.contentBlockDelta?.delta?.text) text += event.contentBlockDelta.delta.text;
    }
    return { metadata: metadata!, ...(stopReason ? { stopReason } : {}), text };
  }

  describe('prompt caching: a cachePoint after the system prompt', () => {
    it('the first call writes the prefix, an identical prefix later reads it; totals count both', async () => {
      const system = uniqueSystem();
      const systemTokens = Math.ceil(system.length / 4);
      const call = (question: string) =>
        client().send(new ConverseCommand({ modelId: CLAUDE, system: [{ text: system }, { cachePoint: { type: 'default' } }], messages: [userMessage(question)] }));
      const first = await call('first question');
      expect(first.usage).toMatchObject({ cacheWriteInputTokens: systemTokens, cacheReadInputTokens: 0, inputTokens: Math.ceil('first question'.length / 4) });
      expect(first.usage?.cacheDetails).toEqual([{ ttl: '5m', inputTokens: systemTokens }]);
      expect(first.usage?.totalTokens).toBe(first.usage!.inputTokens! + first.usage!.outputTokens! + systemTokens);
      const second = await call('another question');
      expect(second.usage).toMatchObject({ cacheReadInputTokens: systemTokens, cacheWriteInputTokens: 0, inputTokens: Math.ceil('another question'.length / 4) });
      expect(second.usage?.cacheDetails).toBeUndefined();
      // The request log shows the cache point as sent.
      expect(emu().requests().at(-1)?.body).toMatchObject({ system: [{ text: system }, { cachePoint: { type: 'default' } }] });
    });

    it('a changed prefix writes again; no cache point, no cache counts', async () => {
      const system = uniqueSystem();
      const call = (text: string) => client().send(new ConverseCommand({ modelId: CLAUDE, system: [{ text }, { cachePoint: { type: 'default' } }], messages: [userMessage('q')] }));
      await call(system);
      expect((await call(`${system} (edited)`)).usage).toMatchObject({ cacheReadInputTokens: 0, cacheWriteInputTokens: Math.ceil((system.length + 9) / 4) });
      const plain = await client().send(new ConverseCommand({ modelId: CLAUDE, system: [{ text: system }], messages: [userMessage('q')] }));
      expect(plain.usage).not.toHaveProperty('cacheReadInputTokens');
      expect(plain.usage).not.toHaveProperty('cacheWriteInputTokens');
    });

    it('cache points in messages and tools are accepted; the longest cached prefix is read, the rest written', async () => {
      const system = uniqueSystem();
      const tools = [{ toolSpec: { name: 'lookup', inputSchema: { json: { type: 'object' } } } }, { cachePoint: { type: 'default' as const } }];
      const input = (question: string): ConverseCommandInput => ({
        modelId: CLAUDE,
        system: [{ text: system }, { cachePoint: { type: 'default' } }],
        messages: [{ role: 'user', content: [{ text: 'a long shared document '.repeat(20) }, { cachePoint: { type: 'default', ttl: '1h' } }, { text: question }] }],
        toolConfig: { tools },
      });
      const first = await client().send(new ConverseCommand(input('one')));
      const doc = Math.ceil('a long shared document '.repeat(20).length / 4);
      const sys = Math.ceil(system.length / 4);
      expect(first.usage).toMatchObject({ cacheReadInputTokens: 0, cacheWriteInputTokens: sys + doc });
      expect(first.usage?.cacheDetails).toEqual([{ ttl: '5m', inputTokens: sys }, { ttl: '1h', inputTokens: doc }]);
      const second = await client().send(new ConverseCommand(input('two')));
      expect(second.usage).toMatchObject({ cacheReadInputTokens: sys + doc, cacheWriteInputTokens: 0 });
    });

    it('ConverseStream reports the cache counts in its metadata event', async () => {
      const system = uniqueSystem();
      const input: ConverseCommandInput = { modelId: CLAUDE, system: [{ text: system }, { cachePoint: { type: 'default' } }], messages: [userMessage('hi')] };
      expect((await streamMetadata(input)).metadata.usage).toMatchObject({ cacheReadInputTokens: 0, cacheWriteInputTokens: Math.ceil(system.length / 4) });
      expect((await streamMetadata(input)).metadata.usage).toMatchObject({ cacheReadInputTokens: Math.ceil(system.length / 4), cacheWriteInputTokens: 0 });
    });

    it.each([
      [{ cachePoint: { type: 'ephemeral' } }, 'system.2.member.cachePoint.type'],
      [{ cachePoint: { type: 'default', ttl: '2h' } }, 'system.2.member.cachePoint.ttl'],
    ])('a bad cache point %j is a ValidationException naming %s', async (block, path) => {
      await expect(
        client().send(new ConverseCommand({ modelId: CLAUDE, system: [{ text: 's' }, block as never], messages: [userMessage('q')] })),
      ).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining(path) });
    });

    it('the prefix table is bounded: the least recently used prefix is evicted first', () => {
      const table = new PromptCacheTable(2);
      const point = (key: string) => [{ key, tokens: 10, ttl: '5m' as const }];
      table.settle(point('a'), 0);
      table.settle(point('b'), 0);
      table.settle(point('a'), 1); // a is now the most recent
      table.settle(point('c'), 2); // evicts b
      expect(table.size).toBe(2);
      expect(table.settle(point('a'), 3).readTokens).toBe(10);
      expect(table.settle(point('b'), 3)).toMatchObject({ readTokens: 0, writeTokens: 10 });
      // Expired after 5 minutes.
      expect(table.settle(point('b'), 3 + 5 * 60_000 + 1)).toMatchObject({ readTokens: 0, writeTokens: 10 });
    });
  });

  describe('guardrails', () => {
    const GUARDRAIL = { guardrailIdentifier: 'abc123xyz', guardrailVersion: 'DRAFT' };

    it('trace enabled: a passing input has input and output assessments keyed by the guardrail id', async () => {
      const out = await client().send(new ConverseCommand({ modelId: CLAUDE, messages: [userMessage('hello')], guardrailConfig: { ...GUARDRAIL, trace: 'enabled' } }));
      expect(out.stopReason).toBe('end_turn');
      const trace = out.trace?.guardrail;
      expect(Object.keys(trace?.inputAssessment ?? {})).toEqual(['abc123xyz']);
      expect(trace?.inputAssessment?.abc123xyz?.topicPolicy).toBeUndefined();
      expect(trace?.inputAssessment?.abc123xyz?.invocationMetrics?.guardrailCoverage?.textCharacters).toEqual({ guarded: 5, total: 5 });
      expect(trace?.outputAssessments?.abc123xyz).toHaveLength(1);
      expect(trace?.modelOutput).toBeUndefined();
      expect(trace?.actionReason).toBeUndefined();
    });

    it('a blocked input: guardrail_intervened, the blocked message, the topic in the input assessment', async () => {
      const out = await client().send(
        new ConverseCommand({ modelId: CLAUDE, messages: [userMessage('tell me about BLOCKED_TOPIC')], guardrailConfig: { ...GUARDRAIL, trace: 'enabled_full' } }),
      );
      expect(out.stopReason).toBe('guardrail_intervened');
      expect(out.output?.message?.content).toEqual([{ text: 'Sorry, the model cannot answer this question.' }]);
      const trace = out.trace?.guardrail;
      expect(trace?.inputAssessment?.abc123xyz?.topicPolicy?.topics).toEqual([{ name: 'emulator-blocked-topic', type: 'DENY', action: 'BLOCKED', detected: true }]);
      expect(trace?.outputAssessments).toBeUndefined();
      expect(trace?.actionReason).toBe('Guardrail blocked.');
      expect(trace?.modelOutput).toEqual(['Echo: tell me about BLOCKED_TOPIC']);
    });

    it('a blocked output (a scripted reply) intervenes too, and is assessed as output', async () => {
      emu().script('anthropic', { text: 'the answer mentions blocked_topic' });
      try {
        const out = await client().send(new ConverseCommand({ modelId: CLAUDE, messages: [userMessage('fine question')], guardrailConfig: { ...GUARDRAIL, trace: 'enabled' } }));
        expect(out.stopReason).toBe('guardrail_intervened');
        expect(out.trace?.guardrail?.outputAssessments?.abc123xyz?.[0]?.topicPolicy?.topics?.[0]?.action).toBe('BLOCKED');
      } finally {
        emu().script('anthropic', undefined);
      }
    });

    it('trace disabled (or absent): no trace', async () => {
      const out = await client().send(new ConverseCommand({ modelId: CLAUDE, messages: [userMessage('hello')], guardrailConfig: GUARDRAIL }));
      expect(out.trace).toBeUndefined();
    });

    it('ConverseStream: guardrail_intervened and the trace in the metadata event; streamProcessingMode accepted', async () => {
      const { metadata, stopReason, text } = await streamMetadata({
        modelId: CLAUDE,
        messages: [userMessage('BLOCKED_TOPIC')],
        guardrailConfig: { ...GUARDRAIL, trace: 'enabled', streamProcessingMode: 'async' } as never,
      });
      expect(stopReason).toBe('guardrail_intervened');
      expect(text).toBe('Sorry, the model cannot answer this question.');
      expect(metadata.trace?.guardrail?.inputAssessment?.abc123xyz?.topicPolicy?.topics?.[0]?.action).toBe('BLOCKED');
      expect(emu().requests().at(-1)?.body).toMatchObject({ guardrailConfig: { streamProcessingMode: 'async' } });
    });

    it.each([
      [{ guardrailIdentifier: 'Bad_Id', guardrailVersion: '1' }, 'guardrailConfig.guardrailIdentifier'],
      [{ guardrailIdentifier: 'abc', guardrailVersion: 'v1' }, 'guardrailConfig.guardrailVersion'],
      [{ guardrailIdentifier: 'abc', guardrailVersion: '0' }, 'guardrailConfig.guardrailVersion'],
      [{ guardrailIdentifier: 'abc' }, 'guardrailConfig.guardrailVersion'],
      [{ guardrailVersion: '1' }, 'guardrailConfig.guardrailIdentifier'],
      [{ guardrailIdentifier: 'abc', guardrailVersion: '1', trace: 'full' }, 'guardrailConfig.trace'],
    ])('%j is a ValidationException naming %s', async (guardrailConfig, path) => {
      await expect(client().send(new ConverseCommand({ modelId: CLAUDE, messages: [userMessage('q')], guardrailConfig: guardrailConfig as never }))).rejects.toMatchObject({
        name: 'ValidationException',
        message: expect.stringContaining(path),
      });
    });

    it('an ARN identifier and a numbered version are accepted', async () => {
      const out = await client().send(
        new ConverseCommand({
          modelId: CLAUDE,
          messages: [userMessage('q')],
          guardrailConfig: { guardrailIdentifier: 'arn:aws:bedrock:us-east-1:123456789012:guardrail/abc123', guardrailVersion: '12', trace: 'enabled' },
        }),
      );
      expect(Object.keys(out.trace?.guardrail?.inputAssessment ?? {})).toEqual(['arn:aws:bedrock:us-east-1:123456789012:guardrail/abc123']);
    });
  });

  describe('latency-optimized inference', () => {
    it.each(['optimized', 'standard'] as const)('performanceConfig.latency %s is echoed by Converse and in the stream metadata', async (latency) => {
      const input: ConverseCommandInput = { modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0', messages: [userMessage('q')], performanceConfig: { latency } };
      expect((await client().send(new ConverseCommand(input))).performanceConfig).toEqual({ latency });
      expect((await streamMetadata(input)).metadata.performanceConfig).toEqual({ latency });
      expect(emu().requests().at(-1)?.body).toMatchObject({ performanceConfig: { latency } });
    });

    it('an unknown latency is a ValidationException', async () => {
      await expect(
        client().send(new ConverseCommand({ modelId: CLAUDE, messages: [userMessage('q')], performanceConfig: { latency: 'fast' as never } })),
      ).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('performanceConfig.latency') });
    });
  });
});
