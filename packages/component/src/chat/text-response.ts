import type { AIMessage, AIMessageChunk, UsageMetadata } from '@langchain/core/messages';

/** Per-call options of a chat component's `text_response` / `text_response_stream`. */
export interface TextResponseOptions {
  /** Called with each text token as it arrives (streaming only), in order; awaited before the next. Default none. */
  onToken?: (token: string) => void | Promise<void>;
  /** Aborts this call (in addition to the context's signal). Default none. */
  signal?: AbortSignal;
}

/** What a chat component's `text_response` returns: Langflow's "Model Response" message. */
export interface TextResponse {
  /** The model's text. */
  text: string;
  /** Token usage, when the service reported it. */
  usage?: UsageMetadata;
  /** Response metadata of the model (stop reason, model id, request id; Converse: metrics and `$metadata`). */
  responseMetadata: Record<string, unknown>;
  /** The full LangChain message (tool calls included). */
  message: AIMessage | AIMessageChunk;
  /** Whether the text arrived as a stream. */
  streamed: boolean;
}
