/** What every component error must carry for a service failure: the AWS error name, request id and HTTP status. */
export interface AwsErrorFacts {
  awsErrorName: string | undefined;
  requestId: string | undefined;
  httpStatusCode: number | undefined;
  code: string | undefined;
}

/** Reads the AWS facts a component error exposes (ConverseApiError, AmazonBedrockModelError, EmbeddingRequestError). */
export function awsErrorFacts(error: unknown): AwsErrorFacts {
  const e = (error ?? {}) as Record<string, unknown>;
  const metadata = (e['$metadata'] ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
  return {
    awsErrorName: str(e['awsErrorName']),
    requestId: str(e['requestId']) ?? str(metadata['requestId']),
    httpStatusCode: typeof e['httpStatusCode'] === 'number' ? e['httpStatusCode'] : typeof metadata['httpStatusCode'] === 'number' ? (metadata['httpStatusCode'] as number) : undefined,
    code: str(e['code']),
  };
}

/** The error and every `cause` below it (and `errors` of aggregates), outermost first; cycles are cut. */
export function causeChain(error: unknown): unknown[] {
  const out: unknown[] = [];
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length > 0) {
    const next = queue.shift();
    if (next === undefined || next === null || seen.has(next)) continue;
    seen.add(next);
    out.push(next);
    if (typeof next === 'object') {
      const record = next as { cause?: unknown; errors?: unknown };
      queue.push(record.cause);
      if (Array.isArray(record.errors)) queue.push(...record.errors);
    }
  }
  return out;
}
