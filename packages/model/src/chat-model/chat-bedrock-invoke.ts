import {
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  type BedrockRuntimeClient,
} from '@aws-sdk/client-bedrock-runtime';
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import type { BaseLanguageModelInput } from '@langchain/core/language_models/base';
import {
  BaseChatModel,
  type BaseChatModelCallOptions,
  type BaseChatModelParams,
  type BindToolsInput,
  type LangSmithParams,
} from '@langchain/core/language_models/chat_models';
import type { AIMessage, AIMessageChunk, BaseMessage, UsageMetadata } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import type { Runnable } from '@langchain/core/runnables';
import { withStreamRequestId } from '@bedrock-flow/component';
import { ModelResponseError } from '../errors/model-response-error';
import { ModelValidationError } from '../errors/model-validation-error';
import { asNumber, asObject } from '../providers/json-object';
import type { ParsedResponse, TokenUsage, ToolSpec } from '../providers/provider-adapter';
import { defaultProviderRegistry, type ProviderRegistry, type ResolvedModel } from '../providers/registry';
import { aiMessage, aiMessageChunk, toolCallChunksOf, type AIMessageParts } from './ai-message-parts';
import { mergeModelKwargs, validateModelKwargs } from './merge-model-kwargs';
import { DEFAULT_DRAIN_TIMEOUT_MS, ModelStreamReader, abortErrorOf } from './stream-reader';
import { captureTokenCountHeaders, type TokenCountSink } from './token-count-headers';
import { toToolChoiceSpec, toToolSpecs } from './tool-specs';

/** Constructor fields of {@link ChatBedrockInvoke}. */
export interface ChatBedrockInvokeFields extends BaseChatModelParams {
  /** The Bedrock Runtime client every call is sent on (e.g. a pooled one). Required; never created here. */
  client: BedrockRuntimeClient;
  /**
   * Model id, as sent: a base id (`anthropic.claude-3-haiku-20240307-v1:0`), a cross-region profile
   * (`us.anthropic.…`) or a model / inference-profile ARN. Required.
   */
  model: string;
  /** Provider-specific body fields merged over the adapter's body (kwargs win, nested objects merge). Default none. */
  modelKwargs?: Record<string, unknown>;
  /** Sampling temperature. Default unset (the model's default). */
  temperature?: number;
  /** Maximum tokens to generate. Default unset (Anthropic: 1024, which its API requires). */
  maxTokens?: number;
  /** Nucleus sampling. Default unset. */
  topP?: number;
  /** Top-k sampling, for families that have it. Default unset. */
  topK?: number;
  /** Stop sequences added to every call. Default none. */
  stopSequences?: string[];
  /**
   * Provider family id forcing an adapter (`anthropic`, `meta-llama`, …), for ids that hide their model
   * (application inference profiles, custom models). Default: chosen from the model id.
   */
  provider?: string;
  /** Generate through the streaming API even in `invoke` (chunks still go to callbacks). Default `false`. */
  streaming?: boolean;
  /** Registry choosing the adapter. Default the built-in families. */
  registry?: ProviderRegistry;
  /** After an aborted stream, how long to drain the response to keep the socket, before destroying it. Default 2000 ms. */
  drainTimeoutMs?: number;
}

/** Call options of {@link ChatBedrockInvoke}: the base ones plus bound tools. */
export interface ChatBedrockInvokeCallOptions extends BaseChatModelCallOptions {
  /** Tools for this call (set by `bindTools`). */
  tools?: (BindToolsInput | ToolSpec)[];
}

function checkNumber(field: string, value: number | undefined, min: number, integer: boolean) {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value)))
    throw new ModelValidationError(
      'ERR_MODEL_INVALID_NUMBER',
      field,
      `${field} must be ${integer ? 'an integer' : 'a number'} >= ${min} (got ${String(value)}).`,
    );
}

function usageMetadata(usage: TokenUsage): UsageMetadata {
  return {
    input_tokens: usage.inputTokens,
    output_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}

/** The parts of an existing message, to rebuild it as a whole message or as a chunk. */
function partsOf(m: AIMessage | AIMessageChunk): AIMessageParts {
  return { content: m.content, additionalKwargs: m.additional_kwargs, usage: m.usage_metadata, responseMetadata: m.response_metadata, id: m.id };
}

/** Bedrock's own token counts on the last stream chunk, used when the family body has none. */
function invocationMetricsUsage(chunk: unknown): TokenUsage | undefined {
  const metrics = asObject(asObject(chunk)['amazon-bedrock-invocationMetrics']);
  const input = asNumber(metrics.inputTokenCount);
  const output = asNumber(metrics.outputTokenCount);
  if (input === undefined && output === undefined) return undefined;
  return { inputTokens: input ?? 0, outputTokens: output ?? 0 };
}

/**
 * A LangChain chat model on Bedrock's InvokeModel API (the JS counterpart of langchain-aws `ChatBedrock`):
 * provider-specific bodies through one adapter per family, `modelKwargs` passed into the body, and every call
 * sent on the client you give it, so a pooled keep-alive client is reused.
 */
export class ChatBedrockInvoke extends BaseChatModel<ChatBedrockInvokeCallOptions, AIMessageChunk> {
  /** Model id as sent. */
  readonly model: string;
  /** Body fields merged over the adapter's body. */
  readonly modelKwargs: Record<string, unknown> | undefined;
  temperature: number | undefined;
  maxTokens: number | undefined;
  topP: number | undefined;
  topK: number | undefined;
  stopSequences: string[] | undefined;
  streaming: boolean;
  /** The adapter chosen for {@link model}, and the model's base id and provider. */
  readonly resolved: ResolvedModel;
  /** The client every call is sent on (as given; this model never creates or destroys one). */
  readonly client: BedrockRuntimeClient;
  private readonly drainTimeoutMs: number;

  static override lc_name() {
    return 'ChatBedrockInvoke';
  }

  /** @throws ModelValidationError before any request when the model family, a number or `modelKwargs` is bad. */
  constructor(fields: ChatBedrockInvokeFields) {
    super(fields);
    if (!fields?.client || typeof (fields.client as { send?: unknown }).send !== 'function')
      throw new ModelValidationError('ERR_MODEL_MISSING_CLIENT', 'client', 'client must be a BedrockRuntimeClient.');
    if (typeof fields.model !== 'string' || fields.model.trim() === '')
      throw new ModelValidationError('ERR_MODEL_MISSING_MODEL', 'model', 'model must be a non-empty Bedrock model id or ARN.');
    checkNumber('temperature', fields.temperature, 0, false);
    checkNumber('maxTokens', fields.maxTokens, 1, true);
    checkNumber('topP', fields.topP, 0, false);
    checkNumber('topK', fields.topK, 0, true);
    checkNumber('drainTimeoutMs', fields.drainTimeoutMs, 0, false);
    this.client = fields.client;
    this.model = fields.model.trim();
    this.modelKwargs = validateModelKwargs(fields.modelKwargs);
    this.temperature = fields.temperature;
    this.maxTokens = fields.maxTokens;
    this.topP = fields.topP;
    this.topK = fields.topK;
    this.stopSequences = fields.stopSequences;
    this.streaming = fields.streaming ?? false;
    this.drainTimeoutMs = fields.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
    this.resolved = (fields.registry ?? defaultProviderRegistry).resolve(this.model, fields.provider);
  }

  _llmType(): string {
    return 'chat_bedrock_invoke';
  }

  override getLsParams(options: this['ParsedCallOptions']): LangSmithParams {
    return {
      ls_provider: 'amazon_bedrock',
      ls_model_name: this.model,
      ls_model_type: 'chat',
      ls_temperature: this.temperature,
      ls_max_tokens: this.maxTokens,
      ls_stop: options.stop,
    };
  }

  /**
   * Bind tools for the following calls (families with tool support only: Anthropic).
   * @throws ModelValidationError `ERR_MODEL_TOOLS_NOT_SUPPORTED` (field `tools`) for other families, at bind time.
   */
  override bindTools(
    tools: BindToolsInput[],
    kwargs?: Partial<ChatBedrockInvokeCallOptions>,
  ): Runnable<BaseLanguageModelInput, AIMessageChunk, ChatBedrockInvokeCallOptions> {
    this.assertToolsSupported();
    return this.withConfig({ tools: toToolSpecs(tools), ...kwargs } as Partial<ChatBedrockInvokeCallOptions>);
  }

  /** The inference parameters and model of a call, for tracing. */
  override invocationParams(options?: this['ParsedCallOptions']) {
    return {
      model: this.model,
      family: this.resolved.adapter.family,
      temperature: this.temperature,
      max_tokens: this.maxTokens,
      top_p: this.topP,
      top_k: this.topK,
      stop: [...(this.stopSequences ?? []), ...(options?.stop ?? [])],
      model_kwargs: this.modelKwargs,
    };
  }

  /**
   * The JSON body a call would send: the adapter's body with `modelKwargs` merged over it.
   * @throws ModelValidationError when tools are given to a family without tool support.
   */
  buildRequestBody(messages: BaseMessage[], options?: Partial<ChatBedrockInvokeCallOptions>): Record<string, unknown> {
    const { adapter, baseModelId } = this.resolved;
    const tools = options?.tools?.length ? toToolSpecs(options.tools) : undefined;
    if (tools) this.assertToolsSupported();
    const stop = [...(this.stopSequences ?? []), ...(options?.stop ?? [])];
    const body = adapter.buildBody({
      messages,
      params: {
        maxTokens: this.maxTokens,
        temperature: this.temperature,
        topP: this.topP,
        topK: this.topK,
        stop: stop.length ? stop : undefined,
      },
      tools,
      toolChoice: toToolChoiceSpec(options?.tool_choice),
      baseModelId,
    });
    return mergeModelKwargs(body, this.modelKwargs);
  }

  async _generate(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    if (this.streaming) return this.generateFromStream(messages, options, runManager);
    return this.invokeOnce(messages, options);
  }

  /** One `InvokeModel` call, read by the family's adapter. */
  private async invokeOnce(messages: BaseMessage[], options: this['ParsedCallOptions']): Promise<ChatResult> {
    const body = this.buildRequestBody(messages, options);
    const sink: TokenCountSink = {};
    const command = new InvokeModelCommand(this.commandInput(body));
    captureTokenCountHeaders(command, sink);
    const response = await this.client.send(command, { abortSignal: options.signal });
    const requestId = response.$metadata.requestId;
    const parsed = this.parseBody(response.body, requestId);
    const usage = parsed.usage ?? sink.usage;
    const message = aiMessage({
      content: parsed.text,
      toolCalls: parsed.toolCalls,
      reasoning: parsed.reasoning,
      usage: usage ? usageMetadata(usage) : undefined,
      id: parsed.id,
      responseMetadata: {
        model_id: this.model,
        model_provider: 'bedrock',
        stop_reason: parsed.stopReason,
        request_id: requestId,
      },
    });
    return {
      generations: [{ text: parsed.text, message, generationInfo: { stop_reason: parsed.stopReason } }],
      llmOutput: usage
        ? {
            tokenUsage: {
              promptTokens: usage.inputTokens,
              completionTokens: usage.outputTokens,
              totalTokens: usage.inputTokens + usage.outputTokens,
            },
          }
        : {},
    };
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const { adapter, baseModelId } = this.resolved;
    if (!adapter.supportsStreaming(baseModelId)) {
      yield* this.streamFromInvoke(messages, options, runManager);
      return;
    }
    const body = this.buildRequestBody(messages, options);
    const signal = options.signal;
    if (signal?.aborted) throw abortErrorOf(signal);
    // Until the response arrives an abort cancels the request; after that the reader drains so the socket survives.
    const transport = new AbortController();
    const cancel = () => transport.abort(signal?.reason);
    signal?.addEventListener('abort', cancel, { once: true });
    let response;
    try {
      response = await this.client.send(new InvokeModelWithResponseStreamCommand(this.commandInput(body)), { abortSignal: transport.signal });
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
    if (!response.body) throw new ModelResponseError(this.model, response.$metadata.requestId, 'Stream response has no body');
    const reader = new ModelStreamReader(response.body, { signal, transport, drainTimeoutMs: this.drainTimeoutMs });
    const state = {};
    let usageSeen = false;
    let first = true;
    // In-stream errors have no `$metadata`: give them the request id of the stream's response.
    for await (const raw of withStreamRequestId(reader.chunks(), response.$metadata.requestId)) {
      const delta = adapter.parseStreamChunk(raw, state);
      let usage = delta.usage;
      if (usage) usageSeen = true;
      else if (!usageSeen) {
        usage = invocationMetricsUsage(raw);
        if (usage) usageSeen = true;
      }
      const text = delta.text ?? '';
      const reasoning = delta.reasoning ?? '';
      if (!text && !reasoning && !delta.toolCallChunks?.length && !usage && delta.stopReason === undefined && !first) continue;
      // response_metadata strings concatenate when chunks merge: put each key on exactly one chunk.
      const responseMetadata: Record<string, unknown> = {};
      if (first)
        Object.assign(responseMetadata, {
          model_id: this.model,
          model_provider: 'bedrock',
          ...(response.$metadata.requestId ? { request_id: response.$metadata.requestId } : {}),
        });
      if (delta.stopReason !== undefined) responseMetadata.stop_reason = delta.stopReason;
      first = false;
      const chunk = new ChatGenerationChunk({
        text,
        // String values concatenate when chunks merge, so the merged message holds the whole reasoning.
        message: aiMessageChunk({
          content: text,
          toolCallChunks: delta.toolCallChunks,
          reasoning,
          usage: usage ? usageMetadata(usage) : undefined,
          responseMetadata,
          id: delta.id,
        }),
      });
      yield chunk;
      if (text) await runManager?.handleLLMNewToken(text, undefined, undefined, undefined, undefined, { chunk });
    }
  }

  /** The InvokeModel / InvokeModelWithResponseStream input of a call: the two commands take the same. */
  private commandInput(body: Record<string, unknown>) {
    return { modelId: this.model, body: new TextEncoder().encode(JSON.stringify(body)), contentType: 'application/json', accept: 'application/json' };
  }

  private assertToolsSupported() {
    const { adapter } = this.resolved;
    if (!adapter.supportsTools)
      throw new ModelValidationError(
        'ERR_MODEL_TOOLS_NOT_SUPPORTED',
        'tools',
        `Tool calling is not supported for the ${adapter.family} family (model ${this.model}) on InvokeModel. ` +
          'Families with tools: anthropic. Use the Converse component for tools on other models.',
      );
  }

  private parseBody(bytes: Uint8Array | undefined, requestId: string | undefined): ParsedResponse {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes ?? new Uint8Array()));
    } catch {
      throw new ModelResponseError(this.model, requestId, 'InvokeModel response body is not JSON');
    }
    return this.resolved.adapter.parseResponse(json);
  }

  /** `streaming: true` in `invoke`: run the stream and fold its chunks into one result. */
  private async generateFromStream(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    let merged: ChatGenerationChunk | undefined;
    for await (const chunk of this._streamResponseChunks(messages, options, runManager))
      merged = merged ? merged.concat(chunk) : chunk;
    if (!merged) throw new ModelResponseError(this.model, undefined, 'Stream ended without any chunk');
    const m = merged.message as AIMessageChunk;
    const message = aiMessage({ ...partsOf(m), toolCalls: m.tool_calls });
    return { generations: [{ text: merged.text, message }] };
  }

  /** Families that cannot stream: one invoke, delivered as one chunk. */
  private async *streamFromInvoke(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const result = await this.invokeOnce(messages, options);
    const generation = result.generations[0];
    if (!generation) return;
    const m = generation.message as AIMessage;
    const chunk = new ChatGenerationChunk({
      text: generation.text,
      message: aiMessageChunk({ ...partsOf(m), toolCallChunks: toolCallChunksOf(m.tool_calls ?? []) }),
    });
    yield chunk;
    if (generation.text) await runManager?.handleLLMNewToken(generation.text, undefined, undefined, undefined, undefined, { chunk });
  }
}
