import type { AIMessage, AIMessageChunk, UsageMetadata } from '@langchain/core/messages';

/** Per-call options of a chat component's `text_response` / `text_response_stream`. */
export interface TextResponseOptions {
  /** Called with each text token as it arrives (streaming only), in order; awaited before the next. Default none. */
  onToken?: (token: string) => void | Promise<void>;
  /**
   * Called with each piece of the model's reasoning as it arrives (streaming only), in order, apart from the answer
   * tokens; awaited before the next. Default none (the reasoning is still in the result's `reasoning`).
   */
  onReasoningToken?: (token: string) => void | Promise<void>;
  /** Aborts this call (in addition to the context's signal). Default none. */
  signal?: AbortSignal;
}

/** What a chat component's `text_response` returns: Langflow's "Model Response" message. */
export interface TextResponse {
  /** The model's answer text (never its reasoning). */
  text: string;
  /**
   * The model's reasoning (chain of thought), when it returned one: also in `message.additional_kwargs.reasoning_content`
   * and `responseMetadata.reasoning_content`. Default none.
   */
  reasoning?: string;
  /** Token usage, when the service reported it. */
  usage?: UsageMetadata;
  /**
   * Response metadata of the model (stop reason, model id, request id; Converse: metrics and `$metadata`), plus what
   * the component decided: `reasoning` (effort, family, budget, the defaults it left out), `reasoning_content` (the
   * reasoning text) and `files` (the files sent: kind, format, bytes, name, pixel size).
   */
  responseMetadata: Record<string, unknown>;
  /** The full LangChain message (tool calls included). */
  message: AIMessage | AIMessageChunk;
  /** Whether the text arrived as a stream. */
  streamed: boolean;
}
