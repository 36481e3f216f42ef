import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { MetricsRecorder } from './metrics-recorder';

interface WithMetadata {
  $metadata?: { attempts?: number };
}

/**
 * Adds an `initialize`-step middleware counting operations, retries (attempts − 1) and failed operations by error
 * name. The handlers are made once per client and the middleware adds no async layer (one `then` per operation).
 */
export function addOperationMetricsMiddleware(client: BedrockRuntimeClient, recorder: MetricsRecorder): void {
  const onOutput = <T extends { output: unknown }>(result: T): T => {
    recorder.add('operations');
    recordRetries(recorder, (result.output as WithMetadata | undefined)?.$metadata?.attempts);
    return result;
  };
  const onError = (error: unknown): never => {
    recorder.add('operations');
    recordRetries(recorder, (error as WithMetadata | undefined)?.$metadata?.attempts);
    recorder.error(`operation:${error instanceof Error ? error.name : 'unknown'}`);
    throw error;
  };
  client.middlewareStack.add((next) => (args) => next(args).then(onOutput, onError), { step: 'initialize', name: 'bedrockPoolOperationMetrics', override: true });
}

function recordRetries(recorder: MetricsRecorder, attempts: number | undefined): void {
  if (attempts !== undefined && attempts > 1) recorder.add('retries', attempts - 1);
}
