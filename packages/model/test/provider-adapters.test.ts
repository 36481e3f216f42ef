import { AIMessage, HumanMessage, SystemMessage, ToolMessage } from '@langchain/core/messages';
import {
  ai21Adapter,
  anthropicAdapter,
  cohereAdapter,
  llama2Prompt,
  llama3Prompt,
  metaLlamaAdapter,
  mistralAdapter,
  mistralInstructPrompt,
  novaAdapter,
  titanTextAdapter,
  toAnthropicMessages,
} from '../src';

const conversation = [
  new SystemMessage('Be brief.'),
  new HumanMessage('Hi'),
  new AIMessage('Hello!'),
  new HumanMessage('Capital of France?'),
];

describe('anthropic adapter', () => {
  test('system, turns, params and tools map onto the Messages body', () => {
    const body = anthropicAdapter.buildBody({
      messages: conversation,
      params: { maxTokens: 100, temperature: 0.2, topP: 0.9, topK: 50, stop: ['\n\nHuman:'] },
      tools: [{ name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: {} } }],
      toolChoice: { name: 'get_weather' },
      baseModelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    });
    expect(body).toEqual({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 100,
      system: 'Be brief.',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'Hello!' }] },
        { role: 'user', content: [{ type: 'text', text: 'Capital of France?' }] },
      ],
      temperature: 0.2,
      top_p: 0.9,
      top_k: 50,
      stop_sequences: ['\n\nHuman:'],
      tools: [{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: {} } }],
      tool_choice: { type: 'tool', name: 'get_weather' },
    });
  });

  test('unset params are not sent; max_tokens defaults to 1024', () => {
    const body = anthropicAdapter.buildBody({ messages: [new HumanMessage('x')], params: {}, baseModelId: 'anthropic.x' });
    expect(Object.keys(body).sort()).toEqual(['anthropic_version', 'max_tokens', 'messages']);
    expect(body.max_tokens).toBe(1024);
  });

  test('tool calls become tool_use blocks and ToolMessages tool_result blocks in one user turn', () => {
    const { messages } = toAnthropicMessages([
      new HumanMessage('Weather in Paris and Rome?'),
      new AIMessage({
        content: 'Checking.',
        tool_calls: [
          { id: 'toolu_1', name: 'get_weather', args: { city: 'Paris' } },
          { id: 'toolu_2', name: 'get_weather', args: { city: 'Rome' } },
        ],
      }),
      new ToolMessage({ tool_call_id: 'toolu_1', content: '21C' }),
      new ToolMessage({ tool_call_id: 'toolu_2', content: 'failed', status: 'error' }),
    ]);
    expect(messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Rome?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { city: 'Rome' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: '21C' },
          { type: 'tool_result', tool_use_id: 'toolu_2', content: 'failed', is_error: true },
        ],
      },
    ]);
  });

  test('a response with text and tool_use reads as text + tool_calls + stop reason + usage', () => {
    const parsed = anthropicAdapter.parseResponse({
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      content: [
        { type: 'text', text: 'Let me check.' },
        { type: 'tool_use', id: 'toolu_9', name: 'get_weather', input: { city: 'Paris' } },
      ],
      stop_reason: 'tool_use',
      usage: { input_tokens: 12, output_tokens: 7 },
    });
    expect(parsed).toEqual({
      id: 'msg_1',
      text: 'Let me check.',
      toolCalls: [{ type: 'tool_call', id: 'toolu_9', name: 'get_weather', args: { city: 'Paris' } }],
      stopReason: 'tool_use',
      usage: { inputTokens: 12, outputTokens: 7 },
    });
  });

  test('stream events: text deltas, tool call chunks, stop reason, usage counted once', () => {
    const state = {};
    const events = [
      { type: 'message_start', message: { id: 'msg_2', usage: { input_tokens: 20, output_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_3', name: 'f', input: {} } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"a":' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '1}' } },
      { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 15 } },
      { type: 'message_stop', 'amazon-bedrock-invocationMetrics': { inputTokenCount: 20, outputTokenCount: 15 } },
    ].map((e) => anthropicAdapter.parseStreamChunk(e, state));
    expect(events[0]).toEqual({ id: 'msg_2', usage: { inputTokens: 20, outputTokens: 0 } });
    expect(events[2]).toEqual({ text: 'Hi' });
    expect(events[4]).toEqual({
      toolCallChunks: [{ type: 'tool_call_chunk', index: 1, id: 'toolu_3', name: 'f', args: '' }],
    });
    expect(events[5]).toEqual({ toolCallChunks: [{ type: 'tool_call_chunk', index: 1, args: '{"a":' }] });
    expect(events[7]).toEqual({ stopReason: 'tool_use', usage: { inputTokens: 0, outputTokens: 15 } });
    expect(events[8]).toEqual({});
  });
});

describe('amazon titan text adapter', () => {
  test('prompt and textGenerationConfig', () => {
    const body = titanTextAdapter.buildBody({
      messages: conversation,
      params: { maxTokens: 50, temperature: 0.1, topP: 0.8, stop: ['User:'] },
      baseModelId: 'amazon.titan-text-express-v1',
    });
    expect(body).toEqual({
      inputText: 'Be brief.\n\nUser: Hi\n\nBot: Hello!\n\nUser: Capital of France?\n\nBot:',
      textGenerationConfig: { maxTokenCount: 50, temperature: 0.1, topP: 0.8, stopSequences: ['User:'] },
    });
  });

  test('response and stream', () => {
    expect(
      titanTextAdapter.parseResponse({
        inputTextTokenCount: 9,
        results: [{ tokenCount: 3, outputText: 'Paris.', completionReason: 'FINISH' }],
      }),
    ).toEqual({ text: 'Paris.', toolCalls: [], stopReason: 'FINISH', usage: { inputTokens: 9, outputTokens: 3 } });
    expect(titanTextAdapter.parseStreamChunk({ outputText: 'Par', index: 0, completionReason: null }, {})).toEqual({
      text: 'Par',
    });
    expect(
      titanTextAdapter.parseStreamChunk(
        { outputText: 'is.', index: 0, completionReason: 'FINISH', inputTextTokenCount: 9, totalOutputTextTokenCount: 3 },
        {},
      ),
    ).toEqual({ text: 'is.', stopReason: 'FINISH', usage: { inputTokens: 9, outputTokens: 3 } });
  });
});

describe('amazon nova adapter', () => {
  test('messages-v1 body', () => {
    const body = novaAdapter.buildBody({
      messages: conversation,
      params: { maxTokens: 64, temperature: 0.3, topK: 20 },
      baseModelId: 'amazon.nova-lite-v1:0',
    });
    expect(body).toEqual({
      schemaVersion: 'messages-v1',
      system: [{ text: 'Be brief.' }],
      messages: [
        { role: 'user', content: [{ text: 'Hi' }] },
        { role: 'assistant', content: [{ text: 'Hello!' }] },
        { role: 'user', content: [{ text: 'Capital of France?' }] },
      ],
      inferenceConfig: { maxTokens: 64, temperature: 0.3, topK: 20 },
    });
  });

  test('response and stream', () => {
    expect(
      novaAdapter.parseResponse({
        output: { message: { role: 'assistant', content: [{ text: 'Paris' }] } },
        stopReason: 'end_turn',
        usage: { inputTokens: 5, outputTokens: 2, totalTokens: 7 },
      }),
    ).toEqual({ text: 'Paris', toolCalls: [], stopReason: 'end_turn', usage: { inputTokens: 5, outputTokens: 2 } });
    expect(novaAdapter.parseStreamChunk({ contentBlockDelta: { delta: { text: 'Pa' }, contentBlockIndex: 0 } }, {})).toEqual(
      { text: 'Pa' },
    );
    expect(novaAdapter.parseStreamChunk({ messageStop: { stopReason: 'max_tokens' } }, {})).toEqual({
      stopReason: 'max_tokens',
    });
    expect(novaAdapter.parseStreamChunk({ metadata: { usage: { inputTokens: 5, outputTokens: 2 } } }, {})).toEqual({
      usage: { inputTokens: 5, outputTokens: 2 },
    });
  });
});

describe('meta llama adapter', () => {
  test('Llama 3 template', () => {
    expect(llama3Prompt(conversation)).toBe(
      '<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>' +
        '<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>' +
        '<|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|>' +
        '<|start_header_id|>user<|end_header_id|>\n\nCapital of France?<|eot_id|>' +
        '<|start_header_id|>assistant<|end_header_id|>\n\n',
    );
  });

  test('Llama 2 template', () => {
    expect(llama2Prompt(conversation)).toBe(
      '<s>[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nHi [/INST] Hello! </s><s>[INST] Capital of France? [/INST]',
    );
  });

  test('the template follows the model id', () => {
    const params = { maxTokens: 32, temperature: 0.5, topP: 0.9 };
    const v2 = metaLlamaAdapter.buildBody({ messages: conversation, params, baseModelId: 'meta.llama2-13b-chat-v1' });
    const v3 = metaLlamaAdapter.buildBody({ messages: conversation, params, baseModelId: 'meta.llama3-8b-instruct-v1:0' });
    expect(v2).toEqual({ prompt: llama2Prompt(conversation), max_gen_len: 32, temperature: 0.5, top_p: 0.9 });
    expect(v3.prompt).toBe(llama3Prompt(conversation));
  });

  test('response and stream (counts taken once, at the stop)', () => {
    expect(
      metaLlamaAdapter.parseResponse({
        generation: 'Paris',
        prompt_token_count: 30,
        generation_token_count: 2,
        stop_reason: 'stop',
      }),
    ).toEqual({ text: 'Paris', toolCalls: [], stopReason: 'stop', usage: { inputTokens: 30, outputTokens: 2 } });
    const state = {};
    expect(
      metaLlamaAdapter.parseStreamChunk(
        { generation: 'Pa', prompt_token_count: 30, generation_token_count: 1, stop_reason: null },
        state,
      ),
    ).toEqual({ text: 'Pa' });
    expect(
      metaLlamaAdapter.parseStreamChunk(
        { generation: 'ris', prompt_token_count: null, generation_token_count: 2, stop_reason: 'stop' },
        state,
      ),
    ).toEqual({ text: 'ris', stopReason: 'stop', usage: { inputTokens: 30, outputTokens: 2 } });
  });
});

describe('mistral adapter', () => {
  test('instruct prompt for 7B / Mixtral / Small', () => {
    expect(mistralInstructPrompt(conversation)).toBe(
      '<s>[INST] Be brief.\n\nHi [/INST] Hello!</s>[INST] Capital of France? [/INST]',
    );
    const body = mistralAdapter.buildBody({
      messages: conversation,
      params: { maxTokens: 10, temperature: 0.4, topP: 0.7, topK: 5, stop: ['</s>'] },
      baseModelId: 'mistral.mixtral-8x7b-instruct-v0:1',
    });
    expect(body).toEqual({
      prompt: mistralInstructPrompt(conversation),
      max_tokens: 10,
      temperature: 0.4,
      top_p: 0.7,
      top_k: 5,
      stop: ['</s>'],
    });
  });

  test('chat messages for Mistral Large', () => {
    const body = mistralAdapter.buildBody({
      messages: conversation,
      params: { maxTokens: 10 },
      baseModelId: 'mistral.mistral-large-2407-v1:0',
    });
    expect(body).toEqual({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'Capital of France?' },
      ],
      max_tokens: 10,
    });
  });

  test('text and chat responses and streams', () => {
    expect(mistralAdapter.parseResponse({ outputs: [{ text: 'Paris', stop_reason: 'stop' }] })).toEqual({
      text: 'Paris',
      toolCalls: [],
      stopReason: 'stop',
      usage: undefined,
    });
    expect(
      mistralAdapter.parseResponse({
        choices: [{ index: 0, message: { role: 'assistant', content: 'Paris' }, stop_reason: 'length' }],
      }),
    ).toMatchObject({ text: 'Paris', stopReason: 'length' });
    expect(mistralAdapter.parseStreamChunk({ outputs: [{ text: 'Pa', stop_reason: null }] }, {})).toEqual({ text: 'Pa' });
    expect(
      mistralAdapter.parseStreamChunk({ choices: [{ index: 0, message: { content: 'ris' }, stop_reason: 'stop' }] }, {}),
    ).toEqual({ text: 'ris', stopReason: 'stop' });
  });
});

describe('cohere adapter', () => {
  test('Command text prompt body', () => {
    const body = cohereAdapter.buildBody({
      messages: conversation,
      params: { maxTokens: 20, temperature: 0.6, topP: 0.5, topK: 3 },
      baseModelId: 'cohere.command-text-v14',
    });
    expect(body).toEqual({
      prompt: 'Be brief.\nUser: Hi\nChatbot: Hello!\nUser: Capital of France?\nChatbot:',
      max_tokens: 20,
      temperature: 0.6,
      p: 0.5,
      k: 3,
    });
  });

  test('Command R body: message, chat_history, preamble', () => {
    const body = cohereAdapter.buildBody({
      messages: conversation,
      params: { maxTokens: 20 },
      baseModelId: 'cohere.command-r-plus-v1:0',
    });
    expect(body).toEqual({
      message: 'Capital of France?',
      chat_history: [
        { role: 'USER', message: 'Hi' },
        { role: 'CHATBOT', message: 'Hello!' },
      ],
      preamble: 'Be brief.',
      max_tokens: 20,
    });
  });

  test('responses and streams of both kinds', () => {
    expect(cohereAdapter.parseResponse({ generations: [{ text: 'Paris', finish_reason: 'COMPLETE' }] })).toMatchObject({
      text: 'Paris',
      stopReason: 'COMPLETE',
    });
    expect(
      cohereAdapter.parseResponse({
        text: 'Paris',
        finish_reason: 'COMPLETE',
        meta: { billed_units: { input_tokens: 4, output_tokens: 1 } },
      }),
    ).toEqual({ text: 'Paris', toolCalls: [], stopReason: 'COMPLETE', usage: { inputTokens: 4, outputTokens: 1 } });
    expect(cohereAdapter.parseStreamChunk({ event_type: 'text-generation', text: 'Pa' }, {})).toEqual({ text: 'Pa' });
    expect(cohereAdapter.parseStreamChunk({ event_type: 'stream-start' }, {})).toEqual({});
    expect(cohereAdapter.parseStreamChunk({ event_type: 'stream-end', finish_reason: 'COMPLETE' }, {})).toEqual({
      stopReason: 'COMPLETE',
    });
    expect(cohereAdapter.parseStreamChunk({ text: 'ris', is_finished: false }, {})).toEqual({ text: 'ris' });
    expect(cohereAdapter.parseStreamChunk({ is_finished: true, finish_reason: 'MAX_TOKENS' }, {})).toEqual({
      stopReason: 'MAX_TOKENS',
    });
  });
});

describe('ai21 adapter', () => {
  test('Jamba chat body and Jurassic-2 completion body', () => {
    const jamba = ai21Adapter.buildBody({
      messages: conversation,
      params: { maxTokens: 30, temperature: 0.2, topP: 0.9 },
      baseModelId: 'ai21.jamba-1-5-large-v1:0',
    });
    expect(jamba).toEqual({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'Capital of France?' },
      ],
      max_tokens: 30,
      temperature: 0.2,
      top_p: 0.9,
    });
    const j2 = ai21Adapter.buildBody({ messages: conversation, params: { maxTokens: 30 }, baseModelId: 'ai21.j2-mid-v1' });
    expect(j2).toEqual({
      prompt: 'Be brief.\nUser: Hi\nAssistant: Hello!\nUser: Capital of France?\nAssistant:',
      maxTokens: 30,
    });
    expect(ai21Adapter.supportsStreaming('ai21.j2-mid-v1')).toBe(false);
    expect(ai21Adapter.supportsStreaming('ai21.jamba-instruct-v1:0')).toBe(true);
  });

  test('responses and stream', () => {
    expect(
      ai21Adapter.parseResponse({
        id: 'j1',
        choices: [{ index: 0, message: { role: 'assistant', content: 'Paris' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 8, completion_tokens: 1, total_tokens: 9 },
      }),
    ).toEqual({ id: 'j1', text: 'Paris', toolCalls: [], stopReason: 'stop', usage: { inputTokens: 8, outputTokens: 1 } });
    expect(
      ai21Adapter.parseResponse({
        prompt: { tokens: [{}, {}, {}] },
        completions: [{ data: { text: 'Paris', tokens: [{}] }, finishReason: { reason: 'endoftext' } }],
      }),
    ).toEqual({ text: 'Paris', toolCalls: [], stopReason: 'endoftext', usage: { inputTokens: 3, outputTokens: 1 } });
    expect(ai21Adapter.parseStreamChunk({ choices: [{ index: 0, delta: { content: 'Pa' }, finish_reason: null }] }, {})).toEqual({
      text: 'Pa',
    });
    expect(
      ai21Adapter.parseStreamChunk(
        { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 8, completion_tokens: 2 } },
        {},
      ),
    ).toEqual({ stopReason: 'stop', usage: { inputTokens: 8, outputTokens: 2 } });
  });
});
