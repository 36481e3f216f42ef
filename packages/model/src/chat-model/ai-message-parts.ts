import { AIMessage, AIMessageChunk, type MessageContent, type UsageMetadata } from '@langchain/core/messages';
import type { ToolCall, ToolCallChunk } from '@langchain/core/messages/tool';

/** What a reply of `ChatBedrockInvoke` is made of, whether it becomes a whole message or a stream chunk. */
export interface AIMessageParts {
  content: MessageContent;
  /** Reasoning text, kept as `additional_kwargs.reasoning_content` (the key LangChain's DeepSeek and OpenAI-style models use). */
  reasoning?: string | undefined;
  /** `additional_kwargs` as they are, when the parts come from another message (instead of `reasoning`). */
  additionalKwargs?: Record<string, unknown> | undefined;
  usage?: UsageMetadata | undefined;
  responseMetadata?: Record<string, unknown> | undefined;
  id?: string | undefined;
}

function sharedFields(parts: AIMessageParts) {
  return {
    content: parts.content,
    additional_kwargs: parts.additionalKwargs ?? (parts.reasoning ? { reasoning_content: parts.reasoning } : {}),
    usage_metadata: parts.usage,
    response_metadata: parts.responseMetadata ?? {},
    ...(parts.id ? { id: parts.id } : {}),
  };
}

/** A whole AI message (an `invoke`'s answer) from its parts and complete tool calls. */
export function aiMessage(parts: AIMessageParts & { toolCalls?: ToolCall[] | undefined }): AIMessage {
  return new AIMessage({ ...sharedFields(parts), tool_calls: parts.toolCalls });
}

/** An AI message chunk (one piece of a stream) from its parts and tool-call pieces. */
export function aiMessageChunk(parts: AIMessageParts & { toolCallChunks?: ToolCallChunk[] | undefined }): AIMessageChunk {
  return new AIMessageChunk({ ...sharedFields(parts), tool_call_chunks: parts.toolCallChunks });
}

/** Complete tool calls as the chunks a stream would have delivered (for a family that cannot stream). */
export function toolCallChunksOf(calls: readonly ToolCall[]): ToolCallChunk[] {
  return calls.map((call, index) => ({ type: 'tool_call_chunk' as const, index, id: call.id, name: call.name, args: JSON.stringify(call.args) }));
}
