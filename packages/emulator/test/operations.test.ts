import {
  ApplyGuardrailCommand,
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  InvokeModelCommand,
} from '@aws-sdk/client-bedrock-runtime';
import { userMessage } from './support/clients';
import { jsonBody, parseBody, useEmulator } from './support/shared-emulator';

const CLAUDE = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';

describe('CountTokens, ApplyGuardrail, scripts and recorded requests', () => {
  const { emu, client } = useEmulator();

  it('CountTokens counts Converse input the way Converse reports it', async () => {
    const messages = [userMessage('count these tokens please')];
    const counted = await client().send(new CountTokensCommand({ modelId: CLAUDE, input: { converse: { messages, system: [{ text: 'sys' }] } } }));
    const conversed = await client().send(new ConverseCommand({ modelId: CLAUDE, messages, system: [{ text: 'sys' }] }));
    expect(counted.inputTokens).toBe(Math.ceil(25 / 4) + 1);
    expect(counted.inputTokens).toBe(conversed.usage?.inputTokens);
  });

  it('CountTokens counts an InvokeModel body', async () => {
    const body = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 10, messages: [{ role: 'user', content: 'abcdefgh' }] };
    const counted = await client().send(new CountTokensCommand({ modelId: CLAUDE, input: { invokeModel: { body: jsonBody(body) } } }));
    const invoked = parseBody((await client().send(new InvokeModelCommand({ modelId: CLAUDE, body: jsonBody(body) }))).body);
    expect(counted.inputTokens).toBe(2);
    expect(invoked.usage.input_tokens).toBe(2);
  });

  it('ApplyGuardrail passes ordinary text and intervenes on BLOCKED_TOPIC', async () => {
    const ok = await client().send(
      new ApplyGuardrailCommand({ guardrailIdentifier: 'gr-123', guardrailVersion: 'DRAFT', source: 'INPUT', content: [{ text: { text: 'hello' } }] }),
    );
    expect(ok.action).toBe('NONE');
    expect(ok.outputs).toEqual([]);
    const blocked = await client().send(
      new ApplyGuardrailCommand({ guardrailIdentifier: 'gr-123', guardrailVersion: '1', source: 'OUTPUT', content: [{ text: { text: 'talk about blocked_topic' } }] }),
    );
    expect(blocked.action).toBe('GUARDRAIL_INTERVENED');
    expect(blocked.outputs?.[0]?.text).toBe('Sorry, the model cannot answer this question.');
    expect(emu().stats().requests.byOperation['ApplyGuardrail']).toBeGreaterThanOrEqual(2);
    await expect(
      client().send(new ApplyGuardrailCommand({ guardrailIdentifier: 'gr-123', guardrailVersion: 'v9', source: 'INPUT', content: [] })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('Converse with guardrailConfig stops with guardrail_intervened on BLOCKED_TOPIC', async () => {
    const out = await client().send(
      new ConverseCommand({
        modelId: CLAUDE,
        messages: [userMessage('BLOCKED_TOPIC please')],
        guardrailConfig: { guardrailIdentifier: 'gr', guardrailVersion: '1' },
      }),
    );
    expect(out.stopReason).toBe('guardrail_intervened');
  });

  it('script() overrides replies per model: text, tool call, stop reason; later scripts win; undefined clears', async () => {
    emu().script('anthropic', { text: 'scripted', stopReason: 'end_turn' });
    emu().script(/nova/, (req) => ({ toolUse: { name: 'lookup', input: { q: req.lastUserText } } }));
    const a = await client().send(new ConverseCommand({ modelId: CLAUDE, messages: [userMessage('x')] }));
    expect(a.output?.message?.content).toEqual([{ text: 'scripted' }]);
    const n = await client().send(new ConverseCommand({ modelId: 'us.amazon.nova-pro-v1:0', messages: [userMessage('find me')] }));
    expect(n.stopReason).toBe('tool_use');
    expect(n.output?.message?.content?.[0]?.toolUse).toMatchObject({ name: 'lookup', input: { q: 'find me' } });
    const s = await client().send(new ConverseStreamCommand({ modelId: 'us.amazon.nova-pro-v1:0', messages: [userMessage('stream')] }));
    let input = '';
    let name: string | undefined;
    for await (const e of s.stream ?? []) {
      name ??= e.contentBlockStart?.start?.toolUse?.name;
      input += e.contentBlockDelta?.delta?.toolUse?.input ?? '';
    }
    expect(name).toBe('lookup');
    expect(JSON.parse(input)).toEqual({ q: 'stream' });
    emu().script(CLAUDE, { text: 'exact id wins' });
    expect((await client().send(new ConverseCommand({ modelId: CLAUDE, messages: [userMessage('x')] }))).output?.message?.content?.[0]?.text).toBe('exact id wins');
    emu().script(CLAUDE, undefined);
    emu().script('anthropic', undefined);
    emu().script(/nova/, undefined);
    expect((await client().send(new ConverseCommand({ modelId: CLAUDE, messages: [userMessage('x')] }))).output?.message?.content?.[0]?.text).toBe('Echo: x');
  });

  it('accepts inference-profile ARNs as model ids (one percent-encoded path segment, signed re-encoded)', async () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0';
    const out = await client().send(new ConverseCommand({ modelId: arn, messages: [userMessage('via arn')] }));
    expect(out.output?.message?.content?.[0]?.text).toBe('Echo: via arn');
    expect(emu().stats().requests.byModel[arn]).toBe(1);
    expect(emu().requests().at(-1)).toMatchObject({ modelId: arn, family: 'anthropic' });
  });

  it('requests() shows decoded bodies, e.g. additionalModelRequestFields', async () => {
    await client().send(
      new ConverseCommand({ modelId: CLAUDE, messages: [userMessage('with extras')], additionalModelRequestFields: { top_k: 7 }, inferenceConfig: { temperature: 0.2 } }),
    );
    const last = emu().requests().at(-1);
    expect(last).toMatchObject({
      operation: 'Converse',
      modelId: CLAUDE,
      family: 'anthropic',
      lastUserText: 'with extras',
      body: { additionalModelRequestFields: { top_k: 7 }, inferenceConfig: { temperature: 0.2 } },
    });
  });
});
