import { createComponent, type ComponentContext } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { amazonBedrockEmbeddingsDefinition } from '@bedrock-flow/embeddings';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';

/** Text of a LangChain message's content (string, or the text blocks of an array). */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((block) => (typeof block === 'object' && block && 'text' in block ? String((block as { text: unknown }).text) : '')).join('');
  return '';
}

/** One way of calling Bedrock through a component output, as a host would. */
export interface ComponentCall {
  /** Label for test names. */
  label: string;
  /** The Bedrock operation the emulator sees. */
  operation: 'Converse' | 'ConverseStream' | 'InvokeModel' | 'InvokeModelWithResponseStream';
  /** Builds the component for `ctx` with `values` and makes one call with `text`; resolves to what the caller got. */
  call(ctx: ComponentContext, values: Record<string, unknown>, text: string, signal?: AbortSignal): Promise<string>;
}

/** Converse `text_response` (Converse API). */
export const converseText: ComponentCall = {
  label: 'AmazonBedrockConverseModel.text_response',
  operation: 'Converse',
  call: async (ctx, values, text, signal) =>
    (await createComponent(amazonBedrockConverseDefinition, ctx, { ...values, input_value: text }).text_response(signal ? { signal } : {})).text,
};

/** Converse `build_model().invoke` (the LangChain chat model a host wires into chains). */
export const converseModel: ComponentCall = {
  label: 'AmazonBedrockConverseModel.build_model',
  operation: 'Converse',
  call: async (ctx, values, text, signal) =>
    contentText((await createComponent(amazonBedrockConverseDefinition, ctx, values).build_model().invoke(text, signal ? { signal } : {})).content),
};

/** Legacy model `text_response` (InvokeModel API). */
export const modelText: ComponentCall = {
  label: 'AmazonBedrockModel.text_response',
  operation: 'InvokeModel',
  call: async (ctx, values, text, signal) =>
    (await createComponent(amazonBedrockModelDefinition, ctx, { ...values, input_value: text }).text_response(signal ? { signal } : {})).text,
};

/** Embeddings `build_embeddings().embedQuery` (InvokeModel with a Titan embedding model). */
export const embeddingsQuery: ComponentCall = {
  label: 'AmazonBedrockEmbeddings.build_embeddings',
  operation: 'InvokeModel',
  call: async (ctx, values, text, signal) => {
    const vector = await createComponent(amazonBedrockEmbeddingsDefinition, ctx, values).build_embeddings().embedQuery(text, signal ? { signal } : undefined);
    return `vector:${vector.length}`;
  },
};

/** Converse `text_response` with `stream` on (ConverseStream). */
export const converseStreamText: ComponentCall = {
  label: 'AmazonBedrockConverseModel.text_response (stream)',
  operation: 'ConverseStream',
  call: async (ctx, values, text, signal) =>
    (await createComponent(amazonBedrockConverseDefinition, ctx, { ...values, input_value: text, stream: true }).text_response(signal ? { signal } : {})).text,
};

/** Legacy model `text_response` with `stream` on (InvokeModelWithResponseStream). */
export const modelStreamText: ComponentCall = {
  label: 'AmazonBedrockModel.text_response (stream)',
  operation: 'InvokeModelWithResponseStream',
  call: async (ctx, values, text, signal) =>
    (await createComponent(amazonBedrockModelDefinition, ctx, { ...values, input_value: text, stream: true }).text_response(signal ? { signal } : {})).text,
};

/** The three components' non-streaming calls every fault is run through. */
export const UNARY_CALLS: readonly ComponentCall[] = [converseText, modelText, embeddingsQuery];

/** What a successful call returns for `text` (echo model; the Titan v1 embedding has 1536 dimensions). */
export function expectedReply(call: ComponentCall, text: string): string {
  return call === embeddingsQuery ? 'vector:1536' : `Echo: ${text}`;
}

/** The pooled `BedrockRuntimeClient` a component call for `ctx` and `values` goes through (built the way the call builds it). */
export function pooledClientOf(call: ComponentCall, ctx: ComponentContext, values: Record<string, unknown>): { config: { retryStrategy(): Promise<unknown> } } {
  if (call === embeddingsQuery) return createComponent(amazonBedrockEmbeddingsDefinition, ctx, values).build_embeddings().client as never;
  if (call === modelText || call === modelStreamText) return createComponent(amazonBedrockModelDefinition, ctx, values).build_model().client as never;
  return createComponent(amazonBedrockConverseDefinition, ctx, values).build_model().client as never;
}
