import type { ChatBedrockConverse } from '@langchain/aws';
import { withStreamRequestId } from '@bedrock-flow/component';

/** The Bedrock Runtime client type `ChatBedrockConverse` sends on. */
type BedrockRuntimeClient = ChatBedrockConverse['client'];

/** Name of the middleware on the client's stack. */
export const STREAM_REQUEST_ID_MIDDLEWARE = 'bedrockFlowStreamRequestId';

/** Clients that already have the middleware: a pooled client is shared by every model built on it. */
const equipped = new WeakSet<object>();

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

/**
 * Adds (once per client) a middleware that keeps the request id of a streaming response (`ConverseStream`) and gives
 * it to errors raised while the event stream is read: those come from the stream, not from the HTTP answer, so the
 * SDK leaves them without `$metadata`. Successful calls are unchanged. Returns `client`.
 */
export function addStreamRequestIdMiddleware(client: BedrockRuntimeClient): BedrockRuntimeClient {
  if (equipped.has(client) || typeof client?.middlewareStack?.add !== 'function') return client;
  equipped.add(client);
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const output = result.output as { stream?: unknown; $metadata?: { requestId?: string } } | undefined;
      if (output && isAsyncIterable(output.stream)) output.stream = withStreamRequestId(output.stream, output.$metadata?.requestId);
      return result;
    },
    { step: 'initialize', name: STREAM_REQUEST_ID_MIDDLEWARE, override: true },
  );
  return client;
}
