/**
 * The AWS error name of `error` when it is a modelled AWS exception (it has `$fault`, as every
 * `BedrockRuntimeServiceException` has, even one raised inside an event stream) or a service answer (`$metadata`);
 * otherwise `undefined`. Network and abort errors have neither.
 */
export function awsErrorNameOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { name?: unknown; $fault?: unknown; $metadata?: unknown };
  if (e.$fault === undefined && e.$metadata === undefined) return undefined;
  return typeof e.name === 'string' && e.name.length > 0 ? e.name : undefined;
}
