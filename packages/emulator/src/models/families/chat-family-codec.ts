import type { ChatRequest, GeneratedReply } from '../chat-request';

/** Per-request facts a family needs to shape its bodies. */
export interface ChatCodecContext {
  /** Model id as sent. */
  modelId: string;
  /** Model id without ARN / cross-region prefix. */
  baseModelId: string;
  /** Request id, reused in body ids. */
  requestId: string;
  /** The parsed request body (some families answer in the shape they were asked in). */
  body: Record<string, unknown>;
  /** Whether the call is InvokeModelWithResponseStream (Chat Completions bodies must say the same in `stream`). */
  streaming?: boolean;
}

/**
 * How one model family speaks InvokeModel: its request body (validated, normalized to a
 * {@link ChatRequest}), its response body, and its stream chunks.
 */
export interface ChatFamilyCodec {
  /** Validates a body and normalizes it; throws a ValidationException. */
  parse(body: Record<string, unknown>, ctx: ChatCodecContext): ChatRequest;
  /** The InvokeModel response body. */
  response(reply: GeneratedReply, ctx: ChatCodecContext): unknown;
  /**
   * The InvokeModelWithResponseStream chunks, in order (the last one gets
   * `amazon-bedrock-invocationMetrics` added). `undefined` when the family cannot stream.
   */
  chunks?(reply: GeneratedReply, ctx: ChatCodecContext): Array<Record<string, unknown>>;
}
