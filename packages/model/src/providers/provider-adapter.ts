import type { BaseMessage, ToolCall, ToolCallChunk } from '@langchain/core/messages';

/** Standard inference parameters; each adapter maps them onto its family's body fields. Unset = not sent. */
export interface InferenceParams {
  /** Maximum tokens to generate. */
  maxTokens?: number;
  /** Sampling temperature. */
  temperature?: number;
  /** Nucleus sampling. */
  topP?: number;
  /** Top-k sampling (families that have it). */
  topK?: number;
  /** Stop sequences. */
  stop?: string[];
}

/** A tool in the neutral shape the chat model hands to adapters (JSON Schema parameters). */
export interface ToolSpec {
  name: string;
  description?: string;
  /** JSON Schema of the tool input. */
  parameters: Record<string, unknown>;
}

/** Tool choice in neutral vocabulary: `auto`, `any` (must call one), `none`, or a tool name. */
export type ToolChoiceSpec = 'auto' | 'any' | 'none' | { name: string };

/** Everything an adapter needs to build one request body. */
export interface BodyRequest {
  messages: BaseMessage[];
  params: InferenceParams;
  /** Bound tools (only for families with `supportsTools`). */
  tools?: ToolSpec[];
  toolChoice?: ToolChoiceSpec;
  /** Model id without ARN and cross-region prefix, for families whose dialect varies by model. */
  baseModelId: string;
}

/** Token counts of one call. */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** A complete model reply, read from an InvokeModel response body. */
export interface ParsedResponse {
  text: string;
  toolCalls: ToolCall[];
  /** Stop reason in the family's own vocabulary (`end_turn`, `FINISH`, `stop`, …). */
  stopReason: string | undefined;
  usage: TokenUsage | undefined;
  /** Provider message id, when the family has one. */
  id?: string;
  /** The model's reasoning (chain of thought), for families that return it apart from the answer. */
  reasoning?: string;
}

/** What one stream chunk adds. Token counts are increments: the chat model sums them. */
export interface StreamDelta {
  text?: string;
  toolCallChunks?: ToolCallChunk[];
  stopReason?: string;
  usage?: TokenUsage;
  id?: string;
  /** Reasoning text this chunk adds (families that stream their chain of thought). */
  reasoning?: string;
}

/** Per-stream scratch space an adapter may use across chunks (e.g. tool block indexes). */
export type StreamState = Record<string, unknown>;

/**
 * One provider family's InvokeModel dialect: how messages become a request body and how response bodies
 * and stream chunks become LangChain output. Adding a family = one file implementing this, listed in `registry.ts`.
 */
export interface ProviderAdapter {
  /** Family id, e.g. `anthropic`, `amazon-titan-text`, `meta-llama`. */
  readonly family: string;
  /** One line naming the models it serves, shown in the unknown-family error. */
  readonly description: string;
  /** Whether `bindTools` is allowed for this family. */
  readonly supportsTools: boolean;
  /** Whether the model streams (`InvokeModelWithResponseStream`); if not, streaming falls back to one invoke. */
  supportsStreaming(baseModelId: string): boolean;
  /** Whether this adapter serves a base model id (cross-region prefix and ARN already removed). */
  matches(baseModelId: string): boolean;
  /** The request body before `modelKwargs` are merged over it. */
  buildBody(request: BodyRequest): Record<string, unknown>;
  /** Read an InvokeModel response body (already JSON-parsed). */
  parseResponse(body: unknown): ParsedResponse;
  /** Read one `InvokeModelWithResponseStream` chunk (already JSON-parsed). */
  parseStreamChunk(chunk: unknown, state: StreamState): StreamDelta;
}
