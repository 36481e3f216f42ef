import type { BaseMessage, ToolCall } from '@langchain/core/messages';
import { asArray, asNumber, asObject, asString, definedFields, type JsonObject } from './json-object';
import { tokenUsageOf } from './token-usage';
import { contentText, messageRole } from './message-text';
import { base64Of } from './media-blocks';
import type {
  BodyRequest,
  ParsedResponse,
  ProviderAdapter,
  StreamDelta,
  StreamState,
  ToolChoiceSpec,
} from './provider-adapter';

/** `anthropic_version` Bedrock requires in every Anthropic body. */
export const ANTHROPIC_BEDROCK_VERSION = 'bedrock-2023-05-31';
/** `max_tokens` is mandatory for Anthropic; sent when the caller sets none. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 1024;

type AnthropicBlock = JsonObject & { type: string };
interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: AnthropicBlock[];
}

/** Content blocks of a message: text, plus Anthropic-native blocks (image, tool_use, …) passed through. */
function contentBlocks(message: BaseMessage): AnthropicBlock[] {
  const content = message.content;
  if (typeof content === 'string') return content ? [{ type: 'text', text: content }] : [];
  const blocks: AnthropicBlock[] = [];
  for (const block of content as unknown[]) {
    if (typeof block === 'string') blocks.push({ type: 'text', text: block });
    else {
      const b = asObject(block);
      const type = asString(b.type);
      if (type === 'text' && typeof b.text === 'string') blocks.push({ type: 'text', text: b.text });
      else if ((type === 'image' && b.image) || (type === 'document' && b.document)) blocks.push(anthropicMediaBlock(b));
      else if (type === 'image' || type === 'document' || type === 'tool_use' || type === 'tool_result')
        blocks.push(b as AnthropicBlock);
    }
  }
  return blocks;
}

/*
 * A message file (the component's Converse-shaped image / document block) as Anthropic's Messages API block: an
 * `image` with a base64 source, a PDF `document` with a base64 source, a text document with a text source.
 * AWS, "Anthropic Claude Messages API" (model-parameters-anthropic-claude-messages): image and document content.
 */
function anthropicMediaBlock(b: JsonObject): AnthropicBlock {
  const converse = asObject(b.image ?? b.document);
  const source = asObject(converse.source);
  const bytes = source.bytes instanceof Uint8Array ? source.bytes : new Uint8Array(Buffer.from(String(source.bytes ?? ''), 'base64'));
  const format = asString(converse.format) ?? '';
  if (b.image) return { type: 'image', source: { type: 'base64', media_type: `image/${format}`, data: base64Of(bytes) } };
  if (format === 'pdf') return { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: base64Of(bytes) } };
  return { type: 'document', source: { type: 'text', media_type: 'text/plain', data: Buffer.from(bytes).toString('utf8') } };
}

/** An AI message: its text and native blocks, then `tool_calls` not already present as `tool_use` blocks. */
function assistantBlocks(message: BaseMessage): AnthropicBlock[] {
  const blocks = contentBlocks(message);
  const present = new Set(blocks.filter((b) => b.type === 'tool_use').map((b) => b.id));
  const toolCalls = (message as BaseMessage & { tool_calls?: ToolCall[] }).tool_calls ?? [];
  for (const call of toolCalls) {
    if (call.id !== undefined && present.has(call.id)) continue;
    blocks.push({ type: 'tool_use', id: call.id ?? `toolu_${call.name}`, name: call.name, input: call.args });
  }
  return blocks;
}

/** A ToolMessage as a `tool_result` block. */
function toolResultBlock(message: BaseMessage): AnthropicBlock {
  const m = message as BaseMessage & { tool_call_id?: string; status?: string };
  return definedFields({
    type: 'tool_result',
    tool_use_id: m.tool_call_id,
    content: contentText(message.content),
    is_error: m.status === 'error' ? true : undefined,
  }) as AnthropicBlock;
}

/** LangChain messages as Anthropic `system` + alternating `messages` (same-role turns merged). */
export function toAnthropicMessages(messages: BaseMessage[]): { system?: string; messages: AnthropicMessage[] } {
  const system: string[] = [];
  const out: AnthropicMessage[] = [];
  for (const message of messages) {
    const role = messageRole(message);
    if (role === 'system') {
      system.push(contentText(message.content));
      continue;
    }
    const target: AnthropicMessage['role'] = role === 'assistant' ? 'assistant' : 'user';
    const blocks =
      role === 'assistant' ? assistantBlocks(message) : role === 'tool' ? [toolResultBlock(message)] : contentBlocks(message);
    const last = out[out.length - 1];
    // Anthropic wants alternating turns; tool results must share the user turn that follows the tool_use.
    if (last && last.role === target) last.content.push(...blocks);
    else out.push({ role: target, content: blocks });
  }
  return system.length ? { system: system.join('\n\n'), messages: out } : { messages: out };
}

function toolChoiceBody(choice: ToolChoiceSpec | undefined): JsonObject | undefined {
  if (choice === undefined || choice === 'none') return undefined;
  if (choice === 'auto' || choice === 'any') return { type: choice };
  return { type: 'tool', name: choice.name };
}

function usageOf(value: unknown): { inputTokens: number; outputTokens: number } | undefined {
  return tokenUsageOf(value, 'input_tokens', 'output_tokens');
}

/** Anthropic Claude on Bedrock: the Messages API, with system prompt and tools. */
export const anthropicAdapter: ProviderAdapter = {
  family: 'anthropic',
  description: 'Anthropic Claude (anthropic.*), Messages API with tools',
  supportsTools: true,
  supportsStreaming: () => true,

  matches: (baseModelId) => baseModelId.startsWith('anthropic.'),

  buildBody({ messages, params, tools, toolChoice }: BodyRequest) {
    const { system, messages: turns } = toAnthropicMessages(messages);
    const withTools = tools?.length && toolChoice !== 'none';
    return definedFields({
      anthropic_version: ANTHROPIC_BEDROCK_VERSION,
      max_tokens: params.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
      system,
      messages: turns,
      temperature: params.temperature,
      top_p: params.topP,
      top_k: params.topK,
      stop_sequences: params.stop?.length ? params.stop : undefined,
      tools: withTools
        ? tools.map((t) => definedFields({ name: t.name, description: t.description, input_schema: t.parameters }))
        : undefined,
      tool_choice: withTools ? toolChoiceBody(toolChoice) : undefined,
    });
  },

  parseResponse(body: unknown): ParsedResponse {
    const b = asObject(body);
    let text = '';
    // Extended thinking comes back as `thinking` blocks before the answer (AWS, "Extended thinking").
    let reasoning = '';
    const toolCalls: ToolCall[] = [];
    for (const raw of asArray(b.content)) {
      const block = asObject(raw);
      if (block.type === 'text') text += asString(block.text) ?? '';
      else if (block.type === 'thinking') reasoning += asString(block.thinking) ?? '';
      else if (block.type === 'tool_use')
        toolCalls.push({
          type: 'tool_call',
          id: asString(block.id),
          name: asString(block.name) ?? '',
          args: asObject(block.input),
        });
    }
    return { text, toolCalls, stopReason: asString(b.stop_reason), usage: usageOf(b.usage), id: asString(b.id), ...(reasoning ? { reasoning } : {}) };
  },

  parseStreamChunk(chunk: unknown, state: StreamState): StreamDelta {
    const c = asObject(chunk);
    switch (c.type) {
      case 'message_start': {
        const message = asObject(c.message);
        const usage = usageOf(message.usage);
        // Output tokens are reported (cumulatively) by message_delta; count only input here.
        return { id: asString(message.id), usage: usage ? { inputTokens: usage.inputTokens, outputTokens: 0 } : undefined };
      }
      case 'content_block_start': {
        const block = asObject(c.content_block);
        const index = asNumber(c.index) ?? 0;
        if (block.type === 'tool_use') {
          state[`tool:${index}`] = true;
          return {
            toolCallChunks: [
              { type: 'tool_call_chunk', index, id: asString(block.id), name: asString(block.name), args: '' },
            ],
          };
        }
        if (block.type === 'text' && asString(block.text)) return { text: asString(block.text) };
        return {};
      }
      case 'content_block_delta': {
        const delta = asObject(c.delta);
        const index = asNumber(c.index) ?? 0;
        if (delta.type === 'text_delta') return { text: asString(delta.text) ?? '' };
        if (delta.type === 'thinking_delta') return { reasoning: asString(delta.thinking) ?? '' };
        if (delta.type === 'input_json_delta')
          return { toolCallChunks: [{ type: 'tool_call_chunk', index, args: asString(delta.partial_json) ?? '' }] };
        return {};
      }
      case 'message_delta': {
        const usage = usageOf(c.usage);
        return {
          stopReason: asString(asObject(c.delta).stop_reason),
          usage: usage ? { inputTokens: 0, outputTokens: usage.outputTokens } : undefined,
        };
      }
      default:
        return {};
    }
  },
};
