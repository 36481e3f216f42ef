/** A chat request normalized from any family's body (Converse, Anthropic, Llama, …). */
export interface ChatRequest {
  /** System prompt text (all system blocks joined with `\n`). */
  system: string;
  /** Turns with their text (text blocks and tool results joined with `\n`). */
  messages: Array<{ role: string; text: string; media?: string[] }>;
  /** Text of the last user turn; the echo model replies to it. */
  lastUserText: string;
  /** Output token limit, when the request set one. */
  maxTokens?: number;
  stopSequences: string[];
  /** Tools offered, with their JSON input schema. */
  tools: Array<{ name: string; inputSchema?: unknown }>;
  /** `any` / `tool` force a tool call; `auto` (or none) leaves it to the model. */
  toolChoice?: { type: 'auto' } | { type: 'any' } | { type: 'tool'; name: string };
  /** Whether the model reasons before answering (Claude thinking, Nova 2 reasoningConfig, gpt-oss, DeepSeek R1). */
  reasoning?: { enabled: boolean; effort?: string };
}

/** What the deterministic model answered, before a family encodes it. */
export interface GeneratedReply {
  /** Reply text (may be empty when the reply is only a tool call). */
  text: string;
  /** The reasoning before the answer, when the request reasons (see `reasoning-text.ts`). */
  reasoning?: string;
  toolUse?: { toolUseId: string; name: string; input: unknown };
  /** Converse vocabulary: `end_turn`, `tool_use`, `max_tokens`, `stop_sequence`, … */
  stopReason: string;
  /** The stop sequence that ended the text, when `stopReason` is `stop_sequence`. */
  stopSequence?: string;
  inputTokens: number;
  outputTokens: number;
}
