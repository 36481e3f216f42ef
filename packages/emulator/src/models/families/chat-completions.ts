/*
 * The OpenAI Chat Completions body that Bedrock's open-weight chat models take on InvokeModel (OpenAI gpt-oss,
 * Qwen3, DeepSeek V3.x). Sources: AWS, "OpenAI models" (model-parameters-openai: the "Create chat completion" body
 * in, the chat completion object out; `model` must match the model id when given; on InvokeModel gpt-oss puts its
 * reasoning first in the content, in `<reasoning>` tags) and the Bedrock model cards of Qwen and DeepSeek (Invoke and
 * Chat Completions). Streams are chat.completion.chunk objects with `choices[].delta`.
 */
import { validationError } from '../../errors/bedrock-error';
import type { GeneratedReply } from '../chat-request';
import { splitIntoDeltas } from '../generate-reply';
import { optionalNumber, optionalStrings, rejectExtraneousKeys, requireKey } from '../validate-fields';
import type { ChatCodecContext, ChatFamilyCodec } from './chat-family-codec';
import { deterministicId } from './deterministic-id';
import { parseOpenAiMessages } from './openai-messages';
import { reasoningText } from './reasoning-text';
import { mapStopReason } from './stop-reason-map';
import { streamPieces } from './stream-pieces';

const STOP = { max_tokens: 'length', tool_use: 'tool_calls' };

/** Chat Completions request fields Bedrock passes to these models; any other key is refused. */
const KEYS: ReadonlySet<string> = new Set([
  'messages',
  'model',
  'stream',
  'stream_options',
  'max_tokens',
  'max_completion_tokens',
  'temperature',
  'top_p',
  'stop',
  'n',
  'seed',
  'frequency_penalty',
  'presence_penalty',
  'logprobs',
  'top_logprobs',
  'logit_bias',
  'response_format',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'reasoning_effort',
  'user',
  'metadata',
  'service_tier',
]);

/** How one family's Chat Completions replies differ. */
export interface ChatCompletionsCodecOptions {
  /** `tags`: reasoning first in `content`, in `<reasoning>` tags (gpt-oss); `none`: no reasoning. */
  reasoning: 'tags' | 'none';
  /** Largest output token limit the model takes. */
  maxOutputTokens: number;
}

function usage(reply: GeneratedReply): Record<string, number> {
  return { prompt_tokens: reply.inputTokens, completion_tokens: reply.outputTokens, total_tokens: reply.inputTokens + reply.outputTokens };
}

function completionId(ctx: ChatCodecContext): string {
  return `chatcmpl-${deterministicId('', ctx.requestId, 24)}`;
}

/** A Chat Completions codec for one family. */
export function chatCompletionsCodec(options: ChatCompletionsCodecOptions): ChatFamilyCodec {
  const withReasoning = options.reasoning === 'tags';
  return {
    parse(body, ctx) {
      rejectExtraneousKeys(body, KEYS);
      requireKey(body, 'messages');
      if (body['model'] !== undefined && body['model'] !== ctx.modelId && body['model'] !== ctx.baseModelId) {
        throw validationError(`The model field in the request body (${JSON.stringify(body['model'])}) must match the model identifier of the request.`);
      }
      if (body['stream'] !== undefined && typeof body['stream'] !== 'boolean') {
        throw validationError("1 validation error detected: Value at 'stream' failed to satisfy constraint: Member must be a boolean");
      }
      // AWS: "the value in the stream field must match the API operation" (false on InvokeModel).
      if (typeof body['stream'] === 'boolean' && ctx.streaming !== undefined && body['stream'] !== ctx.streaming) {
        throw validationError(
          `The stream field in the request body (${String(body['stream'])}) must match the operation: ${ctx.streaming ? 'true (or left out) on InvokeModelWithResponseStream' : 'false (or left out) on InvokeModel'}.`,
        );
      }
      const parsed = parseOpenAiMessages(body['messages'], { developerRole: true });
      optionalNumber(body['temperature'], 'temperature', 0, 2);
      optionalNumber(body['top_p'], 'top_p', 0, 1);
      const maxTokens =
        optionalNumber(body['max_completion_tokens'], 'max_completion_tokens', 1, options.maxOutputTokens, true) ??
        optionalNumber(body['max_tokens'], 'max_tokens', 1, options.maxOutputTokens, true);
      return { ...parsed, ...(maxTokens !== undefined ? { maxTokens } : {}), stopSequences: optionalStrings(body['stop'], 'stop', 4), tools: [] };
    },
    response(reply, ctx) {
      return {
        id: completionId(ctx),
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: ctx.baseModelId,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: (withReasoning ? `<reasoning>${reasoningOf(ctx)}</reasoning>` : '') + reply.text },
            finish_reason: mapStopReason(reply.stopReason, STOP, 'stop'),
          },
        ],
        usage: usage(reply),
      };
    },
    chunks(reply, ctx) {
      const id = completionId(ctx);
      const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}) => ({
        id,
        object: 'chat.completion.chunk',
        model: ctx.baseModelId,
        choices: [{ index: 0, delta, finish_reason: finish }],
        ...extra,
      });
      // gpt-oss streams every reasoning piece in its own tag pair.
      const reasoning = withReasoning ? splitIntoDeltas(reasoningOf(ctx)).map((piece) => chunk({ content: `<reasoning>${piece}</reasoning>` }, null)) : [];
      const answer = streamPieces(reply).map((piece) => chunk({ content: piece.text }, null));
      return [
        chunk({ role: 'assistant', content: '' }, null),
        ...reasoning,
        ...answer,
        chunk({}, mapStopReason(reply.stopReason, STOP, 'stop'), { usage: usage(reply) }),
      ];
    },
  };
}

/** The reasoning of a request, from the last user turn of its messages. */
function reasoningOf(ctx: ChatCodecContext): string {
  return reasoningText(parseOpenAiMessages(ctx.body['messages'], { developerRole: true }));
}
