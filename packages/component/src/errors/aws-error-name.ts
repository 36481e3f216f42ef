import { awsErrorFacts } from '@bedrock-flow/bedrock-pool';

/**
 * The AWS error name of `error` when it is a modelled AWS exception (it has `$fault`, as every
 * `BedrockRuntimeServiceException` has, even one raised inside an event stream) or a service answer (`$metadata`);
 * otherwise `undefined`. Network and abort errors have neither. The name is read by `awsErrorFacts`.
 */
export function awsErrorNameOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { $fault?: unknown; $metadata?: unknown };
  return e.$fault === undefined && e.$metadata === undefined ? undefined : awsErrorFacts(error).name;
}
