/**
 * Gives `error` the request id of the stream it was raised in: errors thrown while an event stream is read (an
 * in-stream `ModelStreamErrorException`, a cut connection) carry no `$metadata`, although the stream's response had
 * one. Sets `$metadata.requestId` when the error is an object without a request id; returns `error`.
 */
export function attachStreamRequestId(error: unknown, requestId: string | undefined): unknown {
  if (!requestId || typeof error !== 'object' || error === null) return error;
  const e = error as { $metadata?: { requestId?: unknown } };
  if (typeof e.$metadata?.requestId === 'string' && e.$metadata.requestId) return error;
  try {
    e.$metadata = { ...(e.$metadata ?? {}), requestId };
  } catch {
    // A frozen error keeps its identity: losing the id is better than replacing the error.
  }
  return error;
}

/**
 * `stream` unchanged, except that an error raised while it is read gets the stream's `requestId`
 * (see {@link attachStreamRequestId}). Early `return()` (a consumer that stops) is forwarded.
 */
export async function* withStreamRequestId<T>(stream: AsyncIterable<T>, requestId: string | undefined): AsyncGenerator<T, void, undefined> {
  try {
    yield* stream;
  } catch (error) {
    throw attachStreamRequestId(error, requestId);
  }
}
