import { validationError } from '../../errors/bedrock-error';
import type { ChatRequest, GeneratedReply } from '../chat-request';
import { lastUserText } from '../converse/parse-converse-request';
import { splitIntoDeltas } from '../generate-reply';
import { asObject, optionalNumber, optionalStrings, required } from '../validate-fields';
import type { ChatCodecContext, ChatFamilyCodec } from './chat-family-codec';
import { streamPieces } from './stream-pieces';
import { checkAnthropicMedia } from './anthropic-media';
import { parseReasoning } from '../converse/converse-reasoning';
import { reasoningSignature } from '../converse/converse-response';

/** The only `anthropic_version` Bedrock accepts for the messages API. */
export const ANTHROPIC_VERSION = 'bedrock-2023-05-31';

function blockText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const parts: string[] = [];
  for (const block of content as Array<Record<string, unknown>>) {
    if (block?.['type'] === 'text' && typeof block['text'] === 'string') parts.push(block['text']);
    if (block?.['type'] === 'tool_result') parts.push(blockText(block['content']));
  }
  return parts.join('\n');
}

function parseMessages(value: unknown): ChatRequest['messages'] {
  const messages = required(value, 'messages');
  if (!Array.isArray(messages) || messages.length === 0) throw validationError('messages: at least one message is required');
  return messages.map((m, i) => {
    const msg = asObject(m, `messages.${i}`);
    if (msg['role'] !== 'user' && msg['role'] !== 'assistant') throw validationError(`messages.${i}.role: Input should be 'user' or 'assistant'`);
    if (msg['content'] === undefined) throw validationError(`messages.${i}.content: Field required`);
    if (i === 0 && msg['role'] !== 'user') throw validationError('messages: first message must use the "user" role');
    const media = msg['role'] === 'user' ? checkAnthropicMedia(msg['content'], `messages.${i}`) : [];
    return { role: msg['role'], text: blockText(msg['content']), ...(media.length > 0 ? { media } : {}) };
  });
}

function parseTools(body: Record<string, unknown>): Pick<ChatRequest, 'tools' | 'toolChoice'> {
  const tools = Array.isArray(body['tools'])
    ? (body['tools'] as Array<Record<string, unknown>>).map((t, i) => {
        if (typeof t?.['name'] !== 'string') throw validationError(`tools.${i}.name: Field required`);
        return { name: t['name'], inputSchema: t['input_schema'] };
      })
    : [];
  const choice = body['tool_choice'] as { type?: unknown; name?: unknown } | undefined;
  if (!choice) return { tools };
  if (choice.type === 'tool') return { tools, toolChoice: { type: 'tool', name: String(choice.name) } };
  if (choice.type === 'any') return { tools, toolChoice: { type: 'any' } };
  return { tools, toolChoice: { type: 'auto' } };
}

function content(reply: GeneratedReply): unknown[] {
  const blocks: unknown[] = [];
  // Extended thinking: a `thinking` block (with its signature) before the answer.
  if (reply.reasoning) blocks.push({ type: 'thinking', thinking: reply.reasoning, signature: reasoningSignature(reply.reasoning) });
  if (reply.text || !reply.toolUse) blocks.push({ type: 'text', text: reply.text });
  if (reply.toolUse) blocks.push({ type: 'tool_use', id: reply.toolUse.toolUseId, name: reply.toolUse.name, input: reply.toolUse.input });
  return blocks;
}

function messageId(ctx: ChatCodecContext): string {
  return `msg_bdrk_${ctx.requestId.replace(/-/g, '').slice(0, 24)}`;
}

/** Anthropic Claude messages API (`anthropic_version: bedrock-2023-05-31`). */
export const anthropicCodec: ChatFamilyCodec = {
  parse(body, ctx) {
    if (body['anthropic_version'] !== ANTHROPIC_VERSION) {
      throw validationError(`anthropic_version: must be "${ANTHROPIC_VERSION}", got ${JSON.stringify(body['anthropic_version'] ?? null)}`);
    }
    const maxTokens = optionalNumber(required(body['max_tokens'], 'max_tokens'), 'max_tokens', 1, 1_000_000, true);
    const temperature = optionalNumber(body['temperature'], 'temperature', 0, 1);
    const topP = optionalNumber(body['top_p'], 'top_p', 0, 1);
    const topK = optionalNumber(body['top_k'], 'top_k', 0, 500, true);
    const reasoning = parseReasoning('anthropic', ctx.modelId, body, { maxTokens, temperature, topP, topK });
    const messages = parseMessages(body['messages']);
    const system = blockText(body['system']);
    return {
      reasoning,
      system,
      messages,
      lastUserText: lastUserText(messages),
      ...(maxTokens !== undefined ? { maxTokens } : {}),
      stopSequences: optionalStrings(body['stop_sequences'], 'stop_sequences'),
      ...parseTools(body),
    };
  },
  response(reply, ctx) {
    return {
      id: messageId(ctx),
      type: 'message',
      role: 'assistant',
      model: ctx.baseModelId,
      content: content(reply),
      stop_reason: reply.stopReason,
      stop_sequence: reply.stopSequence ?? null,
      usage: { input_tokens: reply.inputTokens, output_tokens: reply.outputTokens },
    };
  },
  chunks(reply, ctx) {
    const chunks: Array<Record<string, unknown>> = [
      {
        type: 'message_start',
        message: {
          id: messageId(ctx),
          type: 'message',
          role: 'assistant',
          model: ctx.baseModelId,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: reply.inputTokens, output_tokens: 1 },
        },
      },
    ];
    let index = 0;
    if (reply.reasoning) {
      chunks.push({ type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '' } });
      for (const thinking of splitIntoDeltas(reply.reasoning)) chunks.push({ type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking } });
      chunks.push({ type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: reasoningSignature(reply.reasoning) } });
      chunks.push({ type: 'content_block_stop', index });
      index += 1;
    }
    if (reply.text || !reply.toolUse) {
      chunks.push({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      for (const piece of streamPieces(reply)) {
        chunks.push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece.text } });
      }
      chunks.push({ type: 'content_block_stop', index });
      index += 1;
    }
    if (reply.toolUse) {
      const { toolUseId, name, input } = reply.toolUse;
      chunks.push({ type: 'content_block_start', index, content_block: { type: 'tool_use', id: toolUseId, name, input: {} } });
      const json = JSON.stringify(input);
      const half = Math.ceil(json.length / 2);
      for (const part of [json.slice(0, half), json.slice(half)].filter((p) => p.length > 0)) {
        chunks.push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: part } });
      }
      chunks.push({ type: 'content_block_stop', index });
    }
    chunks.push({
      type: 'message_delta',
      delta: { stop_reason: reply.stopReason, stop_sequence: reply.stopSequence ?? null },
      usage: { output_tokens: reply.outputTokens },
    });
    chunks.push({ type: 'message_stop' });
    return chunks;
  },
};
